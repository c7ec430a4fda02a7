import Foundation

/// Turns a due time into the agency's promise to the citizen, in their language:
/// "Selasa, 1 Desember 2026 pukul 10.00 WIB" or "Tuesday 1 December 2026, 10:00 WIB".
public enum SLAPromise {
    /// When a clock of a policy started at `start` falls due.
    public static func deadline(_ clock: SLAClock, policy: VersionedPolicy, from start: Date) -> Date? {
        SLAEngine.deadline(policy.policy.target(clock), threshold: policy.policy.atRisk, from: start, calendar: policy.calendar)?.due
    }

    /// The time to promise for `due`: down to the half hour in the calendar's zone ("pukul 08.00", not "08.08"),
    /// as officers write it; earlier than the standard's deadline, never later. When that is not after `now` (a deadline
    /// within minutes), down to five minutes, else `due` itself.
    public static func promisable(_ due: Date, now: Date, zone: TimeZone) -> Date {
        let offset = Double(zone.secondsFromGMT(for: due))
        func down(_ step: Double) -> Date {
            Date(timeIntervalSince1970: ((due.timeIntervalSince1970 + offset) / step).rounded(.down) * step - offset)
        }
        for step in [1_800.0, 300.0] where down(step) > now { return down(step) }
        return due
    }

    static let daysID = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]
    static let daysEN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let monthsID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                           "November", "Desember"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                           "November", "December"]

    /// An instant as a date and time a citizen reads, in the calendar's zone; Bahasa Indonesia unless `lang` is `en`.
    public static func format(_ date: Date, zone: TimeZone, lang: String) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let local = Int(floor(date.timeIntervalSince1970)) + offset
        let dayNumber = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let d = CivilDate(dayNumber: dayNumber)
        let minutes = (local - dayNumber * 86_400) / 60
        let hh = String(format: "%02d", minutes / 60), mm = String(format: "%02d", minutes % 60)
        let name = zoneName(zone, offset: offset)
        if lang.lowercased().hasPrefix("en") {
            return "\(daysEN[d.weekday]) \(d.day) \(monthsEN[d.month - 1]) \(d.year), \(hh):\(mm) \(name)"
        }
        return "\(daysID[d.weekday]), \(d.day) \(monthsID[d.month - 1]) \(d.year) pukul \(hh).\(mm) \(name)"
    }

    /// WIB, WITA and WIT for Indonesia's zones; otherwise the zone's abbreviation or `UTC+H`.
    static func zoneName(_ zone: TimeZone, offset: Int) -> String {
        let indonesian: [String: String] = [
            "Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT",
        ]
        if let n = indonesian[zone.identifier] { return n }
        if let abbreviation = zone.abbreviation(), abbreviation.first?.isLetter == true, !abbreviation.hasPrefix("GMT") { return abbreviation }
        let h = abs(offset) / 3600, m = abs(offset) / 60 % 60
        return "UTC" + (offset < 0 ? "-" : "+") + String(h) + (m > 0 ? String(format: ":%02d", m) : "")
    }
}
