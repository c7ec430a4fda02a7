import Foundation

/// Business seconds between two instants by table lookup: the opening intervals of every local day in a range and
/// the running total before each day, taken once from a calendar (a report measures a million answers).
///
/// `seconds(from:to:)` always equals `BusinessCalendar.businessSeconds(from:to:)`: inside the range it is the
/// difference of two running totals over the same intervals; outside it, or in a zone with daylight saving, it
/// asks the calendar.
struct BusinessTimeTable {
    let calendar: BusinessCalendar
    /// The zone's constant offset from UTC, nil when it has (or had) daylight saving.
    private let offset: Int64?
    private let firstDay: Int64
    /// Business seconds before each day of the range (one more entry than days).
    private var before: [Int64] = []
    /// The opening intervals of the days, day after day; day `i` holds `spans[spanStart[i] ..< spanStart[i + 1]]`.
    private var spans: [(start: Int64, end: Int64)] = []
    private var spanStart: [Int] = []

    /// A table for the local days `firstDay ... lastDay` of `calendar`.
    init(calendar: BusinessCalendar, firstDay: Int, lastDay: Int) {
        self.calendar = calendar
        let zone = calendar.zone
        let epoch = Date(timeIntervalSince1970: 0)
        let fixed = zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_750_000_000))
        offset = zone.nextDaylightSavingTimeTransition(after: epoch) == nil && zone.secondsFromGMT(for: epoch) == fixed ? Int64(fixed) : nil
        self.firstDay = Int64(firstDay)
        guard offset != nil, lastDay >= firstDay else { return }
        var total: Int64 = 0
        for day in firstDay...lastDay {
            before.append(total)
            spanStart.append(spans.count)
            for span in calendar.intervals(day: day) {
                spans.append((Int64(span.start), Int64(span.end)))
                total += Int64(span.end - span.start)
            }
        }
        before.append(total)
        spanStart.append(spans.count)
    }

    /// Business seconds in `[from, to)` (whole seconds since 1970); 0 when `to` is not after `from`.
    func seconds(from a: Int64, to b: Int64) -> Int {
        guard b > a else { return 0 }
        if let x = running(a), let y = running(b) { return Int(y - x) }
        return calendar.businessSeconds(from: Date(timeIntervalSince1970: Double(a)), to: Date(timeIntervalSince1970: Double(b)))
    }

    /// The elapsed minutes from `start` to `end` (as `ElapsedMinutes` counts them).
    func minutes(from start: Int64, to end: Int64) -> ElapsedMinutes {
        ElapsedMinutes(fromSecond: start, toSecond: end) { seconds(from: $0, to: $1) }
    }

    /// Business seconds from the start of the range to `t`; nil outside the range.
    private func running(_ t: Int64) -> Int64? {
        guard let offset else { return nil }
        let local = t + offset
        let day = (local >= 0 ? local / 86_400 : (local - 86_399) / 86_400) - firstDay
        guard day >= 0, Int(day) < before.count - 1 else { return nil }
        var sum = before[Int(day)]
        for k in spanStart[Int(day)]..<spanStart[Int(day) + 1] {
            let span = spans[k]
            if t <= span.start { break }
            sum += Swift.min(t, span.end) - span.start
        }
        return sum
    }
}
