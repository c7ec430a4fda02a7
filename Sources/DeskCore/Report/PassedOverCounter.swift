/// Counts passed-over comments: a comment is passed over when, before its answer came (or by the report's moment,
/// if it never did), at least `threshold` comments of the same queue (platform and channel) that were written
/// **after** it had already been answered.
///
/// Every comment on the desk is added; only candidates (the period's comments whose response clock was not
/// withdrawn) are judged. One sort, then one pass keeping the `threshold` earliest answers.
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
    ///
    /// Queue by queue, newest first: a comment was passed over when the `threshold`-th earliest answer among the
    /// strictly newer comments came before its own end of waiting, so only the `threshold` earliest answers seen so
    /// far need keeping.
    func count(threshold: Int) -> (total: Int, unanswered: Int) {
        let n = queue.count
        guard n > 0, threshold > 0 else { return (0, 0) }
        let minCreated = created.min()!
        let newest = UInt64(created.max()! - minCreated)
        var order: [(key: UInt64, index: Int32)] = []
        order.reserveCapacity(n)
        for i in 0..<n {
            order.append(((UInt64(queue[i]) << 40) | (newest - UInt64(created[i] - minCreated)), Int32(i)))
        }
        order.sort { $0.key < $1.key }
        var earliest: [Int64] = []
        earliest.reserveCapacity(threshold + 1)
        var passed = 0, unanswered = 0
        var groupStart = 0
        while groupStart < n {
            let first = Int(order[groupStart].index)
            if groupStart == 0 || queue[Int(order[groupStart - 1].index)] != queue[first] { earliest.removeAll(keepingCapacity: true) }
            var groupEnd = groupStart + 1
            while groupEnd < n, order[groupEnd].key == order[groupStart].key { groupEnd += 1 }
            // Judge the group (same queue, same second) against strictly newer comments only, then add its answers.
            if earliest.count == threshold {
                for k in groupStart..<groupEnd {
                    let i = Int(order[k].index)
                    if waitEnd[i] != .min, earliest[threshold - 1] < waitEnd[i] {
                        passed += 1
                        if answered[i] == .max { unanswered += 1 }
                    }
                }
            }
            for k in groupStart..<groupEnd {
                let t = answered[Int(order[k].index)]
                guard t != .max, earliest.count < threshold || t < earliest[threshold - 1] else { continue }
                if earliest.count == threshold { earliest.removeLast() }
                earliest.insert(t, at: earliest.firstIndex { $0 > t } ?? earliest.count)
            }
            groupStart = groupEnd
        }
        return (passed, unanswered)
    }
}
