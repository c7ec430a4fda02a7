import Foundation

/// Numbers the distinct byte strings of a column (platforms, channels, intents, tags, staff) in order of first
/// appearance, without building a String per row.
struct ByteInterner {
    private(set) var keys: [[UInt8]] = []
    private var byHash: [UInt64: Int] = [:]
    private var last = -1

    /// The number of `bytes`, adding it when new.
    mutating func index(_ bytes: UnsafeRawBufferPointer) -> Int {
        if last >= 0, Self.equal(keys[last], bytes) { return last }
        if keys.count <= 8 {
            // A handful of values (platforms, channels, intents): comparing beats hashing.
            if let i = keys.firstIndex(where: { Self.equal($0, bytes) }) {
                last = i
                return i
            }
        }
        let h = Self.hash(bytes)
        if let i = byHash[h], Self.equal(keys[i], bytes) {
            last = i
            return i
        }
        if byHash[h] != nil, let i = keys.firstIndex(where: { Self.equal($0, bytes) }) {
            last = i
            return i
        }
        keys.append(Array(bytes))
        last = keys.count - 1
        if byHash[h] == nil { byHash[h] = last }
        return last
    }

    var count: Int { keys.count }

    /// The `i`-th value as text people read (a report): control and format characters an imported channel or tag may
    /// carry are shown as marks (`SafeText.sanitize`), so that a report file shown with `cat` cannot drive the terminal.
    func string(_ i: Int) -> String { SafeText.sanitize(String(decoding: keys[i], as: UTF8.self), limit: 200) }

    private static func equal(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && a.withUnsafeBytes { $0.count == 0 || memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }
    }

    /// FNV-1a.
    private static func hash(_ b: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in b { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }
}
