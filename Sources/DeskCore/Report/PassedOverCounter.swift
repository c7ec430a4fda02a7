/// Counts passed-over comments: a comment is passed over when, before its answer came (or by the report's moment,
/// if it never did), at least `threshold` comments of the same queue (platform and channel) that were written
/// **after** it had already been answered.
///
/// Every comment on the desk is added; only candidates (the period's comments whose response clock was not
/// withdrawn) are judged. The count runs in O(n log n) with a Fenwick tree over answer times, queue by queue,
/// newest comments first.
struct PassedOverCounter {
    private var queue: [Int32] = []
    private var created: [Int64] = []
    /// The answer time, `Int64.max` when unanswered.
    private var answered: [Int64] = []
    /// For a candidate, the instant before which newer answers count (its own answer, or just after the report's
    /// moment); `Int64.min` for comments that are not judged.
    private var waitEnd: [Int64] = []

    mutating func reserve(_ n: Int) {
        queue.reserveCapacity(n)
        created.reserveCapacity(n)
        answered.reserveCapacity(n)
        waitEnd.reserveCapacity(n)
    }

    mutating func add(queue q: Int, created c: Int64, answered a: Int64?, judgedUntil end: Int64?) {
        queue.append(Int32(q))
        created.append(c)
        answered.append(a ?? .max)
        waitEnd.append(end ?? .min)
    }

    /// How many candidates were passed over, and how many of those were still unanswered.
    func count(threshold: Int) -> (total: Int, unanswered: Int) {
        let n = queue.count
        guard n > 0 else { return (0, 0) }
        let minCreated = created.min()!
        var order: [(key: UInt64, index: Int32)] = []
        order.reserveCapacity(n)
        let newest = UInt64(created.max()! - minCreated)
        for i in 0..<n {
            order.append(((UInt64(queue[i]) << 40) | (newest - UInt64(created[i] - minCreated)), Int32(i)))
        }
        order.sort { $0.key < $1.key }
        var times = answered.filter { $0 != .max }
        times.sort()
        var tree = [Int](repeating: 0, count: times.count + 1)
        func slot(_ t: Int64) -> Int { lowerBound(times, t) }
        func add(_ t: Int64, _ delta: Int) {
            var i = slot(t) + 1
            while i < tree.count { tree[i] += delta; i += i & -i }
        }
        func countBefore(_ t: Int64) -> Int {
            var i = t == .max ? times.count : slot(t)
            var s = 0
            while i > 0 { s += tree[i]; i -= i & -i }
            return s
        }
        var passed = 0, unanswered = 0
        var groupStart = 0
        var queueStart = 0
        while groupStart < n {
            let first = Int(order[groupStart].index)
            var groupEnd = groupStart + 1
            while groupEnd < n, queue[Int(order[groupEnd].index)] == queue[first], created[Int(order[groupEnd].index)] == created[first] {
                groupEnd += 1
            }
            // Judge the group against strictly newer comments only, then add its answers.
            for k in groupStart..<groupEnd {
                let i = Int(order[k].index)
                if waitEnd[i] != .min, countBefore(waitEnd[i]) >= threshold {
                    passed += 1
                    if answered[i] == .max { unanswered += 1 }
                }
            }
            for k in groupStart..<groupEnd where answered[Int(order[k].index)] != .max { add(answered[Int(order[k].index)], 1) }
            let queueEnds = groupEnd == n || queue[Int(order[groupEnd].index)] != queue[first]
            if queueEnds {
                for k in queueStart..<groupEnd where answered[Int(order[k].index)] != .max { add(answered[Int(order[k].index)], -1) }
                queueStart = groupEnd
            }
            groupStart = groupEnd
        }
        return (passed, unanswered)
    }

    /// The first index of `sorted` whose value is not less than `t`.
    private func lowerBound(_ sorted: [Int64], _ t: Int64) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
