import Foundation

/// How long something took, as the log and the reports state it: whole minutes in calendar time and in the
/// agency's business time.
///
/// Both are counted between the stored whole seconds of the two instants and truncated (59 seconds are 0 minutes),
/// so a figure written on the log at the moment of a reply and one computed later from the store are always equal.
/// An end before the start counts as 0.
public struct ElapsedMinutes: Hashable, Sendable {
    public var calendar: Int
    public var business: Int

    public init(calendar: Int, business: Int) {
        self.calendar = calendar
        self.business = business
    }

    /// The minutes from `start` to `end` on `calendar`.
    public init(from start: Date, to end: Date, calendar: BusinessCalendar) {
        self.init(fromSecond: Self.second(start), toSecond: Self.second(end), calendar: calendar)
    }

    /// The same from whole seconds since 1970 (the store's representation).
    public init(fromSecond start: Int64, toSecond end: Int64, calendar: BusinessCalendar) {
        self.init(fromSecond: start, toSecond: end) {
            calendar.businessSeconds(from: Date(timeIntervalSince1970: Double($0)), to: Date(timeIntervalSince1970: Double($1)))
        }
    }

    /// The same with the business seconds of `[start, end)` counted by `businessSeconds`.
    init(fromSecond start: Int64, toSecond end: Int64, businessSeconds: (Int64, Int64) -> Int) {
        guard end > start else {
            self.init(calendar: 0, business: 0)
            return
        }
        self.init(calendar: Int(end - start) / 60, business: businessSeconds(start, end) / 60)
    }

    /// `{"business": B, "calendar": C}`, the shape of `response_minutes` on the log.
    public var json: JSONValue { ["business": .int(business), "calendar": .int(calendar)] }

    /// The whole second an instant is stored as.
    static func second(_ d: Date) -> Int64 { Int64(floor(d.timeIntervalSince1970)) }
}
