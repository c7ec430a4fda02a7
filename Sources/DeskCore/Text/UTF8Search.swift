/// Plain substring search and replacement over UTF-8 bytes, for hot import paths.
///
/// On Linux, Foundation's `contains`/`replacingOccurrences` bridge every string through `NSString`, and the
/// standard library's generic `firstRange(of:)` is slower still; comparing bytes is exact for UTF-8 (a valid
/// sequence never matches in the middle of another character) and many times faster.
enum UTF8Search {
    /// Whether `text` contains `needle`.
    static func contains(_ text: String, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        return text.utf8.withContiguousStorageIfAvailable { firstOffset(of: n, in: $0, from: 0) != nil }
            ?? (firstOffset(of: needle, in: Array(text.utf8), from: 0) != nil)
    }

    /// `text` with every occurrence of `target` replaced by `replacement`.
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        let bytes = Array(text.utf8)
        guard !target.isEmpty, var hit = firstOffset(of: target, in: bytes, from: 0) else { return text }
        let t = Array(target.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var from = 0
        while true {
            out += bytes[from..<hit]
            out += replacement.utf8
            from = hit + t.count
            guard let next = firstOffset(of: target, in: bytes, from: from) else { break }
            hit = next
        }
        out += bytes[from...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte offset of the first `needle` in `bytes` at or after `from`.
    static func firstOffset(of needle: String, in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { firstOffset(of: Array(needle.utf8), in: $0, from: from) }
    }

    static func firstOffset(of n: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = n.first, bytes.count >= n.count else { return nil }
        var i = from
        let last = bytes.count - n.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < n.count, bytes[i + k] == n[k] { k += 1 }
                if k == n.count { return i }
            }
            i += 1
        }
        return nil
    }
}
