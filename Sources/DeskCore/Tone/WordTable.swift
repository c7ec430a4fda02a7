/// A table keyed by words, for the tone governor's vocabularies: an open-addressing table with an unseeded FNV-1a hash
/// of the word's UTF-8 bytes instead of `Dictionary`'s seeded SipHash, since every word of every imported comment is
/// looked up in a few of them. Only the lexicon's own words are ever stored (comment words are only looked up), so no
/// text can crowd the table.
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [String?]
    private var values: [Value?]
    private var shift: UInt64
    /// The number of words stored.
    private(set) var count = 0

    /// An empty table.
    init() {
        keys = Array(repeating: nil, count: 16)
        values = Array(repeating: nil, count: 16)
        shift = 60
    }

    /// A table holding `entries`.
    init(_ entries: [String: Value]) {
        self.init()
        for (word, value) in entries { self[word] = value }
    }

    /// The value stored for `word`, or nil; setting nil is not supported (the vocabularies only grow).
    subscript(word: String) -> Value? {
        get {
            let slot = find(word)
            return keys[slot] == nil ? nil : values[slot]
        }
        set {
            guard let newValue else { return }
            let slot = find(word)
            if keys[slot] == nil {
                keys[slot] = word
                count += 1
            }
            values[slot] = newValue
            if count * 2 > keys.count { grow() }
        }
    }

    /// The slot holding `word`, or the free slot where it would go.
    private func find(_ word: String) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while let key = keys[slot], key != word { slot = (slot + 1) & (keys.count - 1) }
        return slot
    }

    private mutating func grow() {
        let old = zip(keys, values)
        keys = Array(repeating: nil, count: keys.count * 2)
        values = Array(repeating: nil, count: keys.count)
        shift -= 1
        count = 0
        for case (let key?, let value?) in old { self[key] = value }
    }
}
