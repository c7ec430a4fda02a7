/// What one staff member holds now: the comments assigned to them that still need action (new, open, claimed,
/// escalated), and how many of those have a breached clock. `meja staff list` shows it beside each name, so a
/// supervisor sees whose desk is piling up before the overdue board fills.
public struct StaffWorkload: Sendable, Hashable {
    /// Comments held that still need action.
    public var held: Int
    /// Of those, the ones whose clock has breached.
    public var breached: Int

    public init(held: Int = 0, breached: Int = 0) {
        self.held = held
        self.breached = breached
    }
}
