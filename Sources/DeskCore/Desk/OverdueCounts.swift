/// How many comments' clocks are late: breached, and at risk of breaching (not yet breached). Any comment with a
/// running clock counts, whatever its status, as on the overdue board.
public struct OverdueCounts: Sendable, Hashable {
    public var breached: Int
    public var atRisk: Int

    public init(breached: Int, atRisk: Int) {
        self.breached = breached
        self.atRisk = atRisk
    }

    /// Breached and at risk together.
    public var total: Int { breached + atRisk }
}
