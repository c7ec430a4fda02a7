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
    /// Taken as the desk knows it now rather than as it stood at the period's end (`meja report --as-known-now`): for a
    /// history imported after the period it covers. Its figures then change as answers come in and are not the log's
    /// at the period's end; the report says which moment it was taken at.
    public var asKnownNow = false

    public init(start: Date, end: Date, asKnownNow: Bool = false) {
        self.start = start
        self.end = end
        self.asKnownNow = asKnownNow
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

    /// The moment the report is taken at: the period's last second, or `now` if that is earlier (or if `asKnownNow`).
    public func asOf(now: Date) -> Date {
        let second = Date(timeIntervalSince1970: floor(now.timeIntervalSince1970))
        return asKnownNow ? second : min(end - 1, second)
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
