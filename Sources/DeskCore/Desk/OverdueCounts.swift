/// How many comments' clocks are late: breached, and at risk of breaching (not yet breached). Any comment with a
/// running clock counts, whatever its status, as on the overdue board.
public struct OverdueCounts: Sendable, Hashable {
    public var breached: Int
    public var atRisk: Int
    /// Of them, those out of the queue: answered with a late resolution clock, and set aside unanswered.
    public var answeredAside = 0
    public var unansweredAside = 0
    /// Breached and at risk by holder (nil: nobody) and by channel (nil: none), for the board's group headings.
    public var byStaff: [String?: Int] = [:]
    public var byChannel: [String?: Int] = [:]

    public init(breached: Int, atRisk: Int) {
        self.breached = breached
        self.atRisk = atRisk
    }

    /// Breached and at risk together.
    public var total: Int { breached + atRisk }
}
