import DeskCore
import Foundation

/// The string table in one language, with the formatting the desk needs (durations, dates, names of
/// statuses and clocks). Views get all their words from here.
public struct Strings: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The text of `key`.
    public subscript(_ key: UIString) -> String { key.localized(language) }

    /// The text of `key` with `{1}`, `{2}`, … replaced by `args`.
    public func format(_ key: UIString, _ args: String...) -> String {
        var text = self[key]
        for (i, a) in args.enumerated() { text = text.replacingOccurrences(of: "{\(i + 1)}", with: a) }
        return text
    }

    /// Tags as staff read them, `#bencana #anak`: a sensitive topic by its short name in the desk's language, any other
    /// tag as stored.
    public func tags(_ tags: [String]) -> String {
        tags.map { "#" + (SensitiveTopic(rawValue: $0)?.tagLabel(language) ?? SafeText.sanitize($0, limit: 32)) }.joined(separator: " ")
    }

    /// A compact duration: `45m`, `3j05m` / `3h05m`, `2hr04j` / `2d04h` (Indonesian days are `hr`, hari: a lone `h` reads as
    /// hours to most).
    public func duration(_ seconds: Int) -> String {
        let minutes = max(0, seconds) / 60
        let (d, h, m) = (minutes / 1440, minutes / 60 % 24, minutes % 60)
        let (ud, uh, um) = (self[.unitDay], self[.unitHour], self[.unitMinute])
        if d > 0 { return h > 0 ? "\(d)\(ud)\(String(format: "%02d", h))\(uh)" : "\(d)\(ud)" }
        if h > 0 { return "\(h)\(uh)\(String(format: "%02d", m))\(um)" }
        return "\(m)\(um)"
    }

    /// A coarse age in at most four columns: `55m`, `23j` / `23h`, `12hr` / `12d` (a hundred days or more in weeks: `15mg` /
    /// `15w`).
    public func age(_ seconds: Int) -> String {
        let minutes = max(0, seconds) / 60
        if minutes < 60 { return "\(minutes)\(self[.unitMinute])" }
        if minutes < 1440 { return "\(minutes / 60)\(self[.unitHour])" }
        if minutes < 100 * 1440 { return "\(minutes / 1440)\(self[.unitDay])" }
        return "\(minutes / 10080)\(self[.unitWeek])"
    }

    /// `29 Nov 10:02` in `zone`.
    public func dateTime(_ date: Date, zone: TimeZone) -> String {
        let c = components(date, zone: zone)
        return "\(c.day ?? 0) \(monthName(c.month)) " + String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// `17 Aug 2026` in `zone`.
    public func date(_ date: Date, zone: TimeZone) -> String {
        let c = components(date, zone: zone)
        return "\(c.day ?? 0) \(monthName(c.month)) \(c.year ?? 0)"
    }

    /// A report period by its first and last day, both included: `4 Nov – 1 Dec 2026`, the first year left out
    /// when both days are in the same one.
    public func period(_ period: ReportPeriod, zone: TimeZone) -> String {
        let first = components(period.start, zone: zone), last = components(max(period.start, period.end - 1), zone: zone)
        let start = "\(first.day ?? 0) \(monthName(first.month))" + (first.year == last.year ? "" : " \(first.year ?? 0)")
        return start + " – " + self.date(max(period.start, period.end - 1), zone: zone)
    }

    private func components(_ date: Date, zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .day, .month, .hour, .minute], from: date)
    }

    private func monthName(_ month: Int?) -> String {
        let months = self[.months].split(separator: " ")
        let m = (month ?? 1) - 1
        return months.indices.contains(m) ? String(months[m]) : "?"
    }

    public func status(_ s: CommentStatus) -> String { language == .id ? s.label.id : s.label.en }

    /// A logged action as staff read it (an action this version does not know stays as logged).
    /// A logged action as staff read it in the desk's language (`dibalas`); the log itself keeps its name (`reply`), as
    /// `meja log show` prints it, and one this version does not know is shown as logged, made safe to draw.
    public func action(_ raw: String) -> String { LogAction(rawValue: raw)?.label(language) ?? SafeText.sanitize(raw, limit: 32) }

    public func role(_ r: StaffMember.Role) -> String { r == .supervisor ? self[.roleSupervisor] : self[.roleAgent] }

    public func intent(_ i: Intent) -> String { i.label(language) }

    public func slaState(_ s: SLAState) -> String {
        switch s {
        case .breached: self[.slaBreached]
        case .atRisk: self[.slaAtRisk]
        case .onTrack: self[.slaOnTrack]
        case .paused: self[.slaPaused]
        case .met: self[.slaMet]
        case .none: self[.slaNone]
        }
    }

    public func clock(_ c: SLAClock) -> String {
        switch c {
        case .firstResponse: self[.clockFirstResponse]
        case .nextResponse: self[.clockNextResponse]
        case .resolution: self[.clockResolution]
        }
    }

    /// 0 none, 1 warm, 2 light joke.
    public func humor(_ level: Int) -> String { (HumorLevel(rawValue: min(2, max(0, level))) ?? .none).label(language) }

    public func screenTitle(_ screen: ScreenID) -> String {
        switch screen {
        case .queue: self[.titleQueue]
        case .thread: self[.titleThread]
        case .composer: self[.titleComposer]
        case .review: self[.titleReview]
        case .overdue: self[.titleOverdue]
        case .passedOver: self[.titlePassedOver]
        case .log: self[.titleLog]
        case .reports: self[.titleReports]
        }
    }
}
