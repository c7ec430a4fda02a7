/// A table keyed by words, for the tone governor's vocabularies: every word of every imported comment is looked up in a
/// few of them. An ASCII word (nearly all of them) is found in an open-addressing table by an unseeded FNV-1a hash of its
/// bytes, instead of `Dictionary`'s seeded SipHash; any other word in a `Dictionary` of every key, so that it matches
/// as Swift compares strings (a decomposed "é" is the precomposed one). A stored key that is not ASCII yet equal to an
/// ASCII word would not be found by that word (only the Kelvin sign and two punctuation marks are such; no lexicon has
/// them, and the tokenizer lowercases the Kelvin sign to "k"). Only the lexicon's own words are stored (comment words are
/// only looked up), so no text can crowd the table.
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [String?]
    private var values: [Value?]
    private var shift: UInt64
    /// Every word and its value, for words that are not ASCII.
    private var all: [String: Value] = [:]

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

    /// The number of words stored.
    var count: Int { all.count }

    /// The value stored for `word`, or nil; setting nil is not supported (the vocabularies only grow).
    subscript(word: String) -> Value? {
        get {
            guard let slot = asciiSlot(word) else { return all[word] }
            return values[slot]
        }
        set {
            guard let newValue else { return }
            all[word] = newValue
            guard let slot = asciiSlot(word) else { return }
            if keys[slot] == nil { keys[slot] = word }
            values[slot] = newValue
            if all.count * 2 > keys.count { grow() }
        }
    }

    /// The slot holding `word`, or the free slot where it would go; nil when the word is not ASCII.
    private func asciiSlot(_ word: String) -> Int? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var high: UInt8 = 0
        for byte in word.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
            high |= byte
        }
        guard high < 0x80 else { return nil }
        var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while let key = keys[slot], key != word { slot = (slot + 1) & (keys.count - 1) }
        return slot
    }

    private mutating func grow() {
        let old = zip(keys, values)
        keys = Array(repeating: nil, count: keys.count * 2)
        values = Array(repeating: nil, count: keys.count)
        shift -= 1
        for case (let key?, let value?) in old {
            let slot = asciiSlot(key)!
            keys[slot] = key
            values[slot] = value
        }
    }
}
