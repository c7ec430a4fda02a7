import Crypto
import Foundation

/// The hash chain rule of the log (DESIGN.md), in one place.
public enum EventChain {
    /// `prev` of event 1.
    public static let genesis = String(repeating: "0", count: 64)

    /// The hash of an event from its fields, lower-case hex SHA-256.
    public static func hash(seq: Int64, at: String, actor: String, action: String, subject: String, payload: String,
                            prev: String) -> String {
        var hasher = SHA256()
        let text = "\(seq)\n\(at)\n\(actor)\n\(action)\n\(subject)\n\(payload)\n\(prev)"
        hasher.update(data: Data(text.utf8))
        return hex(hasher.finalize())
    }

    /// The hash an event should carry given its own fields.
    public static func expectedHash(of e: LogEvent) -> String {
        hash(seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, payload: e.payload, prev: e.prev)
    }

    /// Whether stored raw fields carry the hash the rule gives them (no strings are built).
    public static func matches(_ f: EventFields) -> Bool {
        guard f.hash.count == 64 else { return false }
        var hasher = SHA256()
        let newlineText: StaticString = "\n"
        let newline = UnsafeRawBufferPointer(start: newlineText.utf8Start, count: 1)
        var seqText = String(f.seq)
        seqText.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        for part in [f.at, f.actor, f.action, f.subject, f.payload, f.prev] {
            hasher.update(bufferPointer: newline)
            if part.count > 0 { hasher.update(bufferPointer: part) }
        }
        let digest = hasher.finalize()
        let table: StaticString = "0123456789abcdef"
        let hex = table.utf8Start
        var i = 0
        for b in digest {
            if f.hash[i] != hex[Int(b >> 4)] || f.hash[i + 1] != hex[Int(b & 0x0F)] { return false }
            i += 2
        }
        return true
    }

    /// Lower-case hex of a digest.
    public static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let table: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in digest {
            out.append(table[Int(b >> 4)])
            out.append(table[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// SHA-256 of bytes, as hex (import files are fingerprinted this way).
    public static func sha256Hex(_ data: Data) -> String { hex(SHA256.hash(data: data)) }
}
