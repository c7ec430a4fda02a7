/// How the clocks of one kind ended, as of the report's moment — and the share met on time.
///
/// - `onTime`: met (answered, or closed for resolution) at or before its due time — a **hit**.
/// - `late`: met after its due time — a miss.
/// - `missed`: never met and past its due time: still running, paused or withdrawn after it had breached — a miss.
/// - `excluded`: withdrawn before it was due (closed without answer, spam, no reply needed) — not counted.
/// - `pending`: still running and not due yet, or paused before it was due — not counted yet.
///
/// The hit rate is `onTime / (onTime + late + missed)`, nil when nothing was decided.
public struct HitTally: Sendable, Hashable {
    public var onTime = 0
    public var late = 0
    public var missed = 0
    public var excluded = 0
    public var pending = 0

    public init(onTime: Int = 0, late: Int = 0, missed: Int = 0, excluded: Int = 0, pending: Int = 0) {
        self.onTime = onTime
        self.late = late
        self.missed = missed
        self.excluded = excluded
        self.pending = pending
    }

    /// Clocks that count in the hit rate.
    public var decided: Int { onTime + late + missed }

    /// The share of decided clocks met on time (0…1), nil when none was decided.
    public var rate: Double? { decided == 0 ? nil : Double(onTime) / Double(decided) }

    /// How one clock ended, as of the report's moment.
    public enum Outcome: Sendable, Hashable {
        case onTime, late, missed, excluded, pending
    }

    /// Classifies a clock from its due time and what happened to it up to `asOf` (whole seconds; pass nil for
    /// anything that happened after `asOf`). A clock withdrawn or paused at a moment after its due time had breached.
    public static func outcome(due: Int64, met: Int64?, withdrawn: Int64?, pausedSince: Int64?, asOf: Int64) -> Outcome {
        if let met { return met <= due ? .onTime : .late }
        if let withdrawn { return withdrawn > due ? .missed : .excluded }
        if let pausedSince { return pausedSince > due ? .missed : .pending }
        return due < asOf ? .missed : .pending
    }

    public mutating func add(_ o: Outcome) {
        switch o {
        case .onTime: onTime += 1
        case .late: late += 1
        case .missed: missed += 1
        case .excluded: excluded += 1
        case .pending: pending += 1
        }
    }
}
