/// The learned weights of word pairs, keyed by `ToneLexicon.pairKey`: an open-addressing table with a multiplicative
/// hash instead of `Dictionary`'s seeded one, since every pair of words of every imported comment is looked up.
struct PairWeights: Sendable {
    /// `empty` marks a free slot: a pair key never has all 64 bits set (word ids are far below 2^31).
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var weights: [Float]
    private var shift: UInt64

    /// A table holding `pairs`.
    init(_ pairs: [UInt64: Float] = [:]) {
        var capacity = 16
        while capacity < pairs.count * 2 { capacity *= 2 }
        keys = Array(repeating: Self.empty, count: capacity)
        weights = Array(repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (key, weight) in pairs where key != Self.empty {
            var slot = self.slot(key)
            while keys[slot] != Self.empty { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            weights[slot] = weight
        }
    }

    /// The weight of the pair `key`, or nil when it has none.
    subscript(key: UInt64) -> Float? {
        var slot = self.slot(key)
        while true {
            let found = keys[slot]
            if found == key { return weights[slot] }
            if found == Self.empty { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }
}
