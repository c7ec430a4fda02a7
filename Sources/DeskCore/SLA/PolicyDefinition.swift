import Foundation

/// The stored form of a policy version: the policy and the calendar it counts on, as deterministic JSON.
///
/// Two configurations that measure alike produce the same text, so a new version is made only when
/// something that changes results has changed.
public enum PolicyDefinition {
    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// The JSON text of a policy under a calendar.
    public static func text(_ p: SLAPolicy, calendar: BusinessCalendar) -> String {
        json(p, calendar: calendar).text
    }

    public static func json(_ p: SLAPolicy, calendar: BusinessCalendar) -> JSONValue {
        var week: [String: JSONValue] = [:]
        for (i, spans) in calendar.week.enumerated() where !spans.isEmpty {
            week[dayNames[i]] = .string(spans.map(\.description).joined(separator: ","))
        }
        var holidays: [String: JSONValue] = [:]
        for (d, name) in calendar.holidays { holidays[d.description] = .string(name) }
        func list(_ a: [String]) -> JSONValue { .array(a.map { .string($0) }) }
        var o: [String: JSONValue] = [
            "name": .string(p.name),
            "match": ["platforms": list(p.match.platforms), "channels": list(p.match.channels),
                      "intents": list(p.match.intents), "tags": list(p.match.tags)],
            "first_response": .string(p.firstResponse.description),
            "next_response": .string(p.nextResponse.description),
            "resolution": .string(p.resolution.description),
            "at_risk": .string(p.atRisk.description),
            "calendar": ["zone": .string(calendar.zone.identifier), "week": .object(week), "holidays": .object(holidays)],
        ]
        // Only when set: a standard without its own grace keeps the text (and version) it had before there was one.
        if let grace = p.escalationGrace { o["escalation_grace"] = .string(grace.description) }
        return .object(o)
    }

    /// The policy and calendar of a stored definition; nil if the text is damaged.
    public static func parse(_ text: String, version: Int) -> VersionedPolicy? {
        guard let o = JSONValue.parse(text), let name = o["name"]?.stringValue,
              let first = o["first_response"]?.stringValue.flatMap(SLADuration.init(parsing:)),
              let next = o["next_response"]?.stringValue.flatMap(SLADuration.init(parsing:)),
              let resolution = o["resolution"]?.stringValue.flatMap(SLADuration.init(parsing:)),
              let risk = o["at_risk"]?.stringValue.flatMap(AtRiskThreshold.init(parsing:)),
              let cal = o["calendar"], let zone = cal["zone"]?.stringValue.flatMap(TimeZone.init(identifier:)) else { return nil }
        func list(_ key: String) -> [String] { o["match"]?[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        var week: [[BusinessCalendar.Span]] = Array(repeating: [], count: 7)
        for (i, day) in dayNames.enumerated() {
            if let spec = cal["week"]?[day]?.stringValue { week[i] = DeskConfig.Parser.spans(spec) ?? [] }
        }
        var holidays: [CivilDate: String] = [:]
        for (d, n) in cal["holidays"]?.objectValue ?? [:] {
            if let date = CivilDate(parsing: d) { holidays[date] = n.stringValue ?? "" }
        }
        let policy = SLAPolicy(name: name, match: .init(platforms: list("platforms"), channels: list("channels"),
                                                        intents: list("intents"), tags: list("tags")),
                               firstResponse: first, nextResponse: next, resolution: resolution, atRisk: risk,
                               escalationGrace: o["escalation_grace"]?.stringValue.flatMap(SLADuration.init(parsing:)))
        return VersionedPolicy(policy: policy, version: version, calendar: BusinessCalendar(zone: zone, week: week, holidays: holidays))
    }
}
