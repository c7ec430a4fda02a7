import Foundation

/// The agency's working time: a zone, weekly opening spans and holidays.
///
/// All arithmetic is done on local days of the calendar's zone, so it stays right across midnight, weekends,
/// holidays, year-end and daylight-saving changes. Instants are whole seconds.
public struct BusinessCalendar: Sendable, Hashable {
    public static func == (a: BusinessCalendar, b: BusinessCalendar) -> Bool {
        a.zone == b.zone && a.week == b.week && a.holidays == b.holidays
    }

    public func hash(into h: inout Hasher) {
        h.combine(zone.identifier)
        h.combine(week)
    }

    /// A working span within a day, in minutes after local midnight (`start` < `end` ≤ 1440).
    public struct Span: Hashable, Sendable, Codable, CustomStringConvertible {
        public var start: Int
        public var end: Int
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
        public var minutes: Int { end - start }
        public var description: String {
            String(format: "%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60, end % 60)
        }
    }

    public var zone: TimeZone { didSet { cache = DayCache(zone: zone) } }
    /// Opening spans per weekday, index 0 = Sunday … 6 = Saturday; sorted and not overlapping.
    public var week: [[Span]] { didSet { cache = DayCache(zone: zone) } }
    /// Closed dates and their names.
    public var holidays: [CivilDate: String] { didSet { cache = DayCache(zone: zone) } }
    /// Opening intervals already worked out, per local day (the arithmetic runs a million times on import).
    private var cache: DayCache
    /// The years whose holidays the calendar knows in full (see `yearsWithHolidays`).
    private var coveredYears: Set<Int>?

    public init(zone: TimeZone, week: [[Span]], holidays: [CivilDate: String] = [:]) {
        precondition(week.count == 7, "a week has seven days")
        self.zone = zone
        self.week = week.map { $0.sorted { $0.start < $1.start } }
        self.holidays = holidays
        self.cache = DayCache(zone: zone)
    }

    /// The years whose holidays the calendar knows in full; a deadline in another year counts every weekday as open,
    /// and the desk and the commands warn about it. By default the years it has any holiday in; the configuration
    /// narrows that to the years of the shipped national holidays, since one closure of the agency's own in a year
    /// (a city's anniversary) is not that year's holidays (see `DeskConfig`).
    public var yearsWithHolidays: Set<Int> {
        get { coveredYears ?? Set(holidays.keys.map(\.year)) }
        set { coveredYears = newValue }
    }

    /// The years from `date` to `days` days later that the calendar knows no holidays for, in order: deadlines
    /// that fall in them count every weekday as open.
    public func yearsWithoutHolidays(from date: Date, days: Int) -> [Int] {
        yearsWithoutHolidays(from: date, through: date.addingTimeInterval(Double(days) * 86_400))
    }

    /// The years from the local day of `start` to that of `end` that the calendar knows no holidays for, in order.
    public func yearsWithoutHolidays(from start: Date, through end: Date) -> [Int] {
        let first = CivilDate(dayNumber: dayNumber(of: start)).year
        let last = CivilDate(dayNumber: dayNumber(of: end)).year
        let known = yearsWithHolidays
        return (first...max(first, last)).filter { !known.contains($0) }
    }

    /// The warning for `yearsWithoutHolidays` (nil when there is none to give).
    public static func missingHolidaysWarning(_ years: [Int]) -> Localized? {
        guard !years.isEmpty else { return nil }
        let list = years.map(String.init).joined(separator: ", ")
        return Localized("kalender tidak punya hari libur untuk \(list): tenggat yang jatuh di sana menghitung setiap hari kerja sebagai buka. Tambahkan hari liburnya di [calendar] holidays pada config.toml dan tahunnya di holidays_complete_for.",
                         "the calendar has no holidays for \(list): deadlines that fall then count every weekday as open. Add that year's holidays under [calendar] holidays in config.toml, and the year to holidays_complete_for.")
    }

    /// Whether the calendar is open at all in a normal week.
    public var hasOpeningHours: Bool { week.contains { !$0.isEmpty } }

    // MARK: Days

    /// The local day number (days since 1970-01-01 in this zone) of an instant.
    public func dayNumber(of date: Date) -> Int {
        let t = Int(floor(date.timeIntervalSince1970))
        let local = t + offset(at: date)
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// The instant of a local wall-clock time (minutes after midnight) on a local day. In a daylight-saving gap
    /// the instant just after the gap is used.
    public func instant(day: Int, minute: Int) -> Int {
        let wall = day * 86_400 + minute * 60
        var guess = wall - offset(at: Date(timeIntervalSince1970: Double(wall)))
        let refined = wall - offset(at: Date(timeIntervalSince1970: Double(guess)))
        if refined != guess { guess = max(guess, refined) }
        return guess
    }

    /// The opening intervals of a local day as instants `[start, end)`; empty on holidays and closed weekdays.
    public func intervals(day: Int) -> [(start: Int, end: Int)] {
        if let known = cache.intervals(day) { return known }
        let computed: [(start: Int, end: Int)]
        if !holidays.isEmpty, holidays[CivilDate(dayNumber: day)] != nil {
            computed = []
        } else {
            computed = week[CivilDate.weekday(ofDayNumber: day)].map { (instant(day: day, minute: $0.start), instant(day: day, minute: $0.end)) }
        }
        cache.store(computed, day: day)
        return computed
    }

    /// The zone's offset from UTC at an instant; constant zones answer without asking the time-zone database.
    private func offset(at date: Date) -> Int { cache.fixedOffset ?? zone.secondsFromGMT(for: date) }

    /// Whether the agency is open on that local day.
    public func isWorkingDay(_ day: Int) -> Bool { !intervals(day: day).isEmpty }

    // MARK: Arithmetic

    /// The longest stretch searched for opening time (ten years) before giving up on a calendar that never opens.
    static let searchDays = 3_660

    /// The instant `seconds` of business time after `date`. Out of hours, counting starts at the next opening.
    /// Returns nil only for a calendar that is never open.
    public func adding(businessSeconds seconds: Int, to date: Date) -> Date? {
        let t = Int(floor(date.timeIntervalSince1970))
        var remaining = max(0, seconds)
        var day = dayNumber(of: date)
        for _ in 0..<Self.searchDays {
            for span in intervals(day: day) {
                let from = max(span.start, t)
                guard from < span.end else { continue }
                if remaining <= span.end - from { return Date(timeIntervalSince1970: Double(from + remaining)) }
                remaining -= span.end - from
            }
            day += 1
        }
        return nil
    }

    /// Business seconds in `[from, to)`; zero when `to` is not after `from`.
    public func businessSeconds(from: Date, to: Date) -> Int {
        let a = Int(floor(from.timeIntervalSince1970))
        let b = Int(floor(to.timeIntervalSince1970))
        guard b > a else { return 0 }
        var total = 0
        var day = dayNumber(of: from)
        let last = dayNumber(of: to)
        while day <= last {
            for span in intervals(day: day) {
                let s = max(span.start, a)
                let e = min(span.end, b)
                if e > s { total += e - s }
            }
            day += 1
        }
        return total
    }

    /// Whether the agency is open at `date` (within its hours, on no holiday).
    public func isOpen(at date: Date) -> Bool {
        nextOpening(atOrAfter: date).map { $0.timeIntervalSince(date) < 1 } ?? false
    }

    /// The first instant at or after `date` when the agency is open; nil for a calendar that never opens.
    public func nextOpening(atOrAfter date: Date) -> Date? {
        adding(businessSeconds: 0, to: date)
    }

    /// The instant `days` working days after `date` at the same point of the working day.
    ///
    /// A comment that arrives on Monday at 10:00 with a target of "2d business" is due on Wednesday at 10:00
    /// (Thursday if Tuesday is a holiday). One that arrives out of hours counts from the next opening.
    public func adding(businessDays days: Int, to date: Date) -> Date? {
        guard let start = nextOpening(atOrAfter: date) else { return nil }
        let startDay = dayNumber(of: start)
        let intoDay = businessSeconds(from: Date(timeIntervalSince1970: Double(intervals(day: startDay).first?.start ?? 0)), to: start)
        var day = startDay
        var left = days
        var guardDays = 0
        while left > 0 {
            day += 1
            guardDays += 1
            if guardDays > Self.searchDays { return nil }
            if isWorkingDay(day) { left -= 1 }
        }
        let spans = intervals(day: day)
        let dayTotal = spans.reduce(0) { $0 + $1.end - $1.start }
        guard let first = spans.first else { return nil }
        return adding(businessSeconds: min(intoDay, dayTotal), to: Date(timeIntervalSince1970: Double(first.start)))
    }
}

/// Per-calendar memo of opening intervals by local day, shared by copies of the calendar.
private final class DayCache: @unchecked Sendable {
    private let lock = NSLock()
    private var days: [Int: [(start: Int, end: Int)]] = [:]
    /// The zone's offset when it has not changed since 1970 and never will (no daylight saving), else nil.
    let fixedOffset: Int?

    init(zone: TimeZone) {
        let epoch = Date(timeIntervalSince1970: 0)
        let now = zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_750_000_000))
        if zone.nextDaylightSavingTimeTransition(after: epoch) == nil, zone.secondsFromGMT(for: epoch) == now {
            fixedOffset = now
        } else {
            fixedOffset = nil
        }
    }

    func intervals(_ day: Int) -> [(start: Int, end: Int)]? { lock.withLock { days[day] } }

    func store(_ intervals: [(start: Int, end: Int)], day: Int) {
        lock.withLock {
            if days.count > 20_000 { days.removeAll(keepingCapacity: true) }
            days[day] = intervals
        }
    }
}
