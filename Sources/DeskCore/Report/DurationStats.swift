/// Median, 90th percentile, maximum and count of a list of durations in whole minutes.
///
/// Percentiles use the **nearest-rank** rule: the p-th percentile of n sorted values is the value at rank
/// ⌈p·n/100⌉ (1-based). The median of 10, 20, 30, 40 is therefore 20 — always a value that occurred, never an
/// average of two — and ties need no special rule. With no values every figure but the count is nil.
public struct DurationStats: Sendable, Hashable {
    public var count: Int
    public var median: Int?
    public var p90: Int?
    public var max: Int?

    public init(count: Int = 0, median: Int? = nil, p90: Int? = nil, max: Int? = nil) {
        self.count = count
        self.median = median
        self.p90 = p90
        self.max = max
    }

    /// The statistics of `values` (in any order).
    public init(_ values: [Int]) {
        guard let low = values.min(), let high = values.max() else {
            self.init()
            return
        }
        // Minutes span a small range: counting them beats sorting a million of them.
        if high - low <= 4 * values.count + 1_024 {
            var counts = [Int](repeating: 0, count: high - low + 1)
            for v in values { counts[v - low] += 1 }
            func rank(_ p: Int) -> Int {
                var left = Swift.max(1, (p * values.count + 99) / 100)
                for (i, c) in counts.enumerated() {
                    left -= c
                    if left <= 0 { return low + i }
                }
                return high
            }
            self.init(count: values.count, median: rank(50), p90: rank(90), max: high)
            return
        }
        let sorted = values.sorted()
        self.init(count: sorted.count, median: Self.percentile(50, sorted), p90: Self.percentile(90, sorted), max: sorted.last)
    }

    /// The nearest-rank `p`-th percentile of sorted values (nil when empty).
    public static func percentile(_ p: Int, _ sorted: [Int]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let rank = Swift.max(1, (p * sorted.count + 99) / 100)
        return sorted[rank - 1]
    }
}
