import Foundation

/// The stretch of time a report covers: `[start, end)`, with weeks counted from its start.
///
/// A comment belongs to the period when it was written (`created_at`) in it. Everything else the report says is
/// taken **as of** one moment, `asOf(now:)`: the last second of the period, or now when the period has not ended
/// yet. Answers, closings and escalations after that moment are not counted, so a report on a past period gives the
/// same figures whenever it is made, and matches the log up to the head it publishes.
public struct ReportPeriod: Sendable, Hashable {
    /// The first instant in the period.
    public var start: Date
    /// The first instant after the period.
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// The local days `first` to `last`, both included, in `zone`: from midnight before `first` to midnight after `last`.
    public init(from first: CivilDate, to last: CivilDate, zone: TimeZone) {
        let days = Self.days(zone)
        self.init(start: Self.midnight(first.dayNumber, days), end: Self.midnight(last.dayNumber + 1, days))
    }

    /// The default period: the four whole weeks (28 local days) that end with the day of `now`.
    public static func lastFourWeeks(endingAt now: Date, zone: TimeZone) -> ReportPeriod {
        let today = CivilDate(dayNumber: days(zone).dayNumber(of: now))
        return ReportPeriod(from: CivilDate(dayNumber: today.dayNumber - 27), to: today, zone: zone)
    }

    /// The period moved by whole local days (negative: earlier), keeping its times of day: what a reports screen
    /// steps through, e.g. `moved(days: -28, zone:)` for the four weeks before the default ones.
    public func moved(days: Int, zone: TimeZone) -> ReportPeriod {
        let cal = Self.days(zone)
        func move(_ d: Date) -> Date {
            let day = cal.dayNumber(of: d)
            let intoDay = Int(d.timeIntervalSince1970) - cal.instant(day: day, minute: 0)
            return Date(timeIntervalSince1970: Double(cal.instant(day: day + days, minute: intoDay / 60) + intoDay % 60))
        }
        return ReportPeriod(start: move(start), end: move(end))
    }

    /// The moment the report is taken at: the period's last second, or `now` if that is earlier.
    public func asOf(now: Date) -> Date {
        min(end - 1, Date(timeIntervalSince1970: floor(now.timeIntervalSince1970)))
    }

    /// Whether the period holds no time at all.
    public var isEmpty: Bool { end <= start }

    /// The week boundaries: `start`, then each local midnight 7, 14, … days after the day of `start` while it is
    /// before `end`, then `end`. Week *k* is `[bounds[k], bounds[k+1])`; the last one may be shorter than 7 days.
    public func weekBounds(zone: TimeZone) -> [Date] {
        guard !isEmpty else { return [start, start] }
        let days = Self.days(zone)
        let first = days.dayNumber(of: start)
        var bounds = [start]
        var k = 1
        while true {
            let next = Self.midnight(first + 7 * k, days)
            if next >= end { break }
            bounds.append(next)
            k += 1
        }
        bounds.append(end)
        return bounds
    }

    /// A calendar that only knows the zone (for local days and midnights).
    private static func days(_ zone: TimeZone) -> BusinessCalendar {
        BusinessCalendar(zone: zone, week: Array(repeating: [], count: 7))
    }

    private static func midnight(_ day: Int, _ days: BusinessCalendar) -> Date {
        Date(timeIntervalSince1970: Double(days.instant(day: day, minute: 0)))
    }
}
