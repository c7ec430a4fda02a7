import Foundation

/// Everything an agency configures in `config.toml`, with the shipped defaults for what it leaves out.
///
/// Loading never fails: each problem becomes a `FileIssue` (file, line, what is wrong) in `issues`, and the
/// setting it concerns keeps its default, so the desk always runs.
public struct DeskConfig: Sendable {
    public var agencyName: String = "Dinas Komunikasi dan Informatika" {
        didSet { agencyNamed = true }
    }
    /// Whether the agency's name was given (`[agency].name`) rather than left at the placeholder default, which replies
    /// and reports would otherwise carry to the public.
    public private(set) var agencyNamed = false
    /// The agency's own accounts by handle (`@diskominfo`); what they post counts as a response, never as a queue item.
    public var channels: [String] = []
    /// The agency's own accounts by the platform's account id, written `facebook:104729651234567` in `[agency].channels`:
    /// Facebook names people by display name, which anyone can take, so there the Page is known by its id.
    public var channelAccounts: [Platform: Set<String>] = [:]
    /// The agency's website and public phone (`{agency.website}`, `{agency.phone}`), when configured.
    public var agencyWebsite: String?
    public var agencyPhone: String?
    /// Domains a reply may link to without a linter finding (the agency's own sites, government portals).
    public var linkAllowList: [String] = ["go.id", "lapor.go.id"]
    public var calendar: BusinessCalendar = DeskConfig.shippedCalendar()
    public var policies: [SLAPolicy] = SLAPolicy.defaults
    public var humorEnabled = true
    /// No humour anywhere (a disaster, national mourning).
    public var crisisMode = false
    /// How long a breach may stand (business time) before the comment is escalated to supervisors.
    public var escalationGrace = SLADuration(1, .hours, .business)
    /// A comment is "passed over" when at least this many newer comments in its queue were answered first.
    public var passedOverThreshold = 5
    /// The colour theme's name (`themes/NAME.toml`).
    public var theme = "default"
    /// Whether the desk rings the terminal's bell when something that needs someone at once arrives (at most once a
    /// minute; the status line says what arrived either way).
    public var bell = true
    /// Problems found while loading, for the user to see.
    public var issues: [FileIssue] = []
    /// The file this came from, if any.
    public var source: String?

    public init() {}

    /// The settings that shape what citizens get, apart from the SLA standards (which are versioned on their own):
    /// a change of any of them is put on the log.
    public var recordedSettings: JSONValue {
        ["agency": ["name": .string(agencyName),
                    "channels": .array((channels + channelAccounts.flatMap { p, ids in ids.map { "\(p.rawValue):\($0)" } }.sorted()).map { .string($0) }),
                    "links": .array(linkAllowList.map { .string($0) }), "website": .string(agencyWebsite), "phone": .string(agencyPhone)],
         "humor": ["enabled": .bool(humorEnabled), "crisis_mode": .bool(crisisMode)],
         "escalation": ["grace": .string(escalationGrace.description)],
         "fairness": ["passed_over": .int(passedOverThreshold)]]
    }

    /// Whether `author` is one of the agency's accounts on `platform`: by account id (`channelAccounts`), or by handle
    /// (`isAgencyChannel`, or `addressedTo`, the account an import names with `--channel`) — except on Facebook, where
    /// the handle is a display name that anyone can take: there an author with an account id is the agency only by that id.
    public func isAgency(_ author: Author, on platform: Platform, addressedTo channel: String? = nil) -> Bool {
        if let id = author.id, channelAccounts[platform]?.contains(id) == true { return true }
        if platform == .facebook, author.id != nil { return false }
        return isAgencyChannel(author.handle, on: platform) || channel.map { Author.normalizedHandle(author.handle) == $0 } == true
    }

    /// The configured channel a Mastodon author resembles without being it: the same name on a server the channel does
    /// not name (`dinas@kota.social` against `@dinas`, written without its server). It may be the agency's account as
    /// another server writes it, or someone else's: the desk cannot tell, and asks.
    public func channelLookalike(_ handle: String, on platform: Platform) -> String? {
        guard platform == .mastodon else { return nil }
        let h = Author.normalizedHandle(handle)
        guard let at = h.dropFirst().firstIndex(of: "@") else { return nil }
        let local = h[..<at]
        return channels.first { $0 == local }
    }

    /// The handle channel a Facebook author's display name matches, when only the name does: a Page is known by its id
    /// (`facebook:ID`), and a name is anyone's to take, so the desk asks rather than decides.
    public func channelByNameOnly(_ author: Author, on platform: Platform) -> String? {
        guard platform == .facebook, let id = author.id, channelAccounts[.facebook]?.contains(id) != true else { return nil }
        let h = Author.normalizedHandle(author.handle)
        return channels.first { $0 == h }
    }

    /// `facebook:104729651234567` as the platform and the account id; nil for a handle.
    static func accountID(_ entry: String) -> (Platform, String)? {
        let parts = entry.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty, let platform = Platform.social.first(where: { $0.rawValue == parts[0].lowercased() }) else { return nil }
        return (platform, parts[1])
    }

    /// Whether an author handle is one of the agency's channels. On Mastodon a channel configured with its full address
    /// (`@dinas@kota.social`) is also the local account `@dinas`, as exports from the agency's own instance write it.
    public func isAgencyChannel(_ handle: String, on platform: Platform? = nil) -> Bool {
        guard !channels.isEmpty else { return false }
        let h = Author.normalizedHandle(handle)
        return channels.contains { channel in
            let c = Author.normalizedHandle(channel)
            if c == h { return true }
            guard platform == .mastodon, let at = c.dropFirst().firstIndex(of: "@") else { return false }
            return c[..<at] == h
        }
    }

    /// The calendar Meja ships: Indonesian civil-service hours in Asia/Jakarta with the shipped national
    /// holidays and collective-leave days.
    public static func shippedCalendar() -> BusinessCalendar {
        let day = { (a: Int, b: Int) in [BusinessCalendar.Span(start: a, end: b)] }
        let week: [[BusinessCalendar.Span]] = [[], day(450, 960), day(450, 960), day(450, 960), day(450, 960), day(450, 990), []]
        return BusinessCalendar(zone: TimeZone(identifier: "Asia/Jakarta")!, week: week, holidays: shippedHolidays().holidays)
    }

    /// The holidays in the shipped `holidays/*.toml` files, and any problems reading them.
    public static func shippedHolidays() -> (holidays: [CivilDate: String], issues: [FileIssue]) {
        var all: [CivilDate: String] = [:]
        var issues: [FileIssue] = []
        for url in ShippedResources.files(in: "holidays", ext: "toml") {
            do {
                let file = try TOMLFile.load(url.path)
                var parser = Parser(file: file)
                all.merge(parser.holidays(file.root["holidays"], table: nil, key: "holidays")) { a, _ in a }
                issues += parser.issues
            } catch {
                issues.append(error)
            }
        }
        return (all, issues)
    }

    /// The config at `path`, or at `$XDG_CONFIG_HOME/meja/config.toml` when `path` is nil and that file
    /// exists, else the defaults.
    public static func load(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> DeskConfig {
        let file = path ?? {
            let candidate = MejaPaths.configDirectory(environment).appendingPathComponent("config.toml").path
            return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
        }()
        guard let file else { return DeskConfig() }
        do {
            return parse(try TOMLFile.load(file, skippingBadLines: true))
        } catch {
            var config = DeskConfig()
            config.issues = [error]
            config.source = file
            return config
        }
    }

    /// Reads a parsed config file over the defaults.
    public static func parse(_ file: TOMLFile) -> DeskConfig {
        var parser = Parser(file: file)
        var config = parser.config()
        config.issues = file.inLineOrder(with: parser.issues)
        config.source = file.path
        return config
    }

    /// Reads values out of a TOML file, collecting issues instead of stopping at the first.
    struct Parser {
        let file: TOMLFile
        var issues: [FileIssue] = []

        init(file: TOMLFile) { self.file = file }

        mutating func fail(_ message: String, table: String?, index: Int? = nil, key: String?) {
            issues.append(file.issue(message, table: table, index: index, key: key))
        }

        /// The settings each section takes (docs/config.example.toml shows them all).
        static let sectionKeys: [(String, [String])] = [
            ("agency", ["name", "channels", "website", "phone", "links"]),
            ("calendar", ["zone", "hours", "holidays", "national_holidays", "holidays_complete_for"]),
            ("humor", ["enabled", "crisis_mode"]), ("escalation", ["grace"]), ("fairness", ["passed_over"]), ("ui", ["theme", "bell"]),
        ]
        static let policyKeys = ["name", "match", "first_response", "next_response", "resolution", "at_risk", "escalation_grace"]

        mutating func config() -> DeskConfig {
            var c = DeskConfig()
            let root = file.root
            let known: Set = ["agency", "calendar", "sla", "humor", "escalation", "fairness", "ui"]
            for key in root.keys.sorted() where !known.contains(key) {
                fail("unknown section or key '\(key)' (known: \(known.sorted().joined(separator: ", ")))", table: nil, key: key)
            }
            // A misspelt setting inside a section ("crisis_mod") would otherwise do nothing without a word.
            for (section, keys) in Self.sectionKeys {
                guard let table = root[section]?.table else { continue }
                for key in table.keys.sorted() where !keys.contains(key) {
                    fail("\(section): unknown setting '\(key)' (known: \(keys.joined(separator: ", ")))", table: section, key: key)
                }
            }
            for (i, item) in (root["sla"]?.array ?? []).enumerated() {
                for key in (item.table?.keys.sorted() ?? []) where !Self.policyKeys.contains(key) {
                    fail("sla: unknown setting '\(key)' (known: \(Self.policyKeys.joined(separator: ", ")))", table: "sla", index: i, key: key)
                }
            }
            if let agency = root["agency"] {
                if let name = agency["name"] {
                    if let s = name.string, !s.isEmpty { c.agencyName = s } else { fail("agency.name must be a non-empty string", table: "agency", key: "name") }
                }
                if let ch = agency["channels"] {
                    if let list = ch.strings {
                        for entry in list {
                            if let (platform, id) = DeskConfig.accountID(entry) { c.channelAccounts[platform, default: []].insert(id) } else { c.channels.append(Author.normalizedHandle(entry)) }
                        }
                    } else {
                        fail("agency.channels must be a list of handles such as [\"@diskominfo\", \"facebook:104729651234567\"]", table: "agency", key: "channels")
                    }
                }
                for (key, path) in [("website", \DeskConfig.agencyWebsite), ("phone", \DeskConfig.agencyPhone)] {
                    guard let v = agency[key] else { continue }
                    if let s = v.string { c[keyPath: path] = s } else { fail("agency.\(key) must be a string", table: "agency", key: key) }
                }
                if let links = agency["links"] {
                    if let list = links.strings { c.linkAllowList = list } else { fail("agency.links must be a list of domains such as [\"contoh.go.id\"]", table: "agency", key: "links") }
                }
            }
            if let cal = root["calendar"] { c.calendar = calendar(cal, base: c.calendar) }
            if let sla = root["sla"] {
                if let list = sla.array {
                    var policies: [SLAPolicy] = []
                    for (i, item) in list.enumerated() {
                        guard var p = policy(item, index: i) else { continue }
                        // A name is a standard's identity on the log (its versions): two standards under one name would
                        // take turns at being it.
                        func taken(_ name: String) -> Bool { policies.contains { $0.name.lowercased() == name.lowercased() } }
                        if taken(p.name) {
                            var n = 2
                            while taken("\(p.name)-\(n)") { n += 1 }
                            fail("sla name '\(SafeText.forMessage(p.name))' is already an earlier standard's; this one is kept as '\(p.name)-\(n)'",
                                 table: "sla", index: i, key: "name")
                            p.name = "\(p.name)-\(n)"
                        }
                        policies.append(p)
                    }
                    if !policies.isEmpty { c.policies = policies }
                } else {
                    fail("sla must be written as [[sla]] tables", table: nil, key: "sla")
                }
            }
            if let humor = root["humor"] {
                if let v = humor["enabled"] { if let b = v.bool { c.humorEnabled = b } else { fail("humor.enabled must be true or false", table: "humor", key: "enabled") } }
                if let v = humor["crisis_mode"] { if let b = v.bool { c.crisisMode = b } else { fail("humor.crisis_mode must be true or false", table: "humor", key: "crisis_mode") } }
            }
            if let esc = root["escalation"]?["grace"] {
                if let d = target(esc, named: "escalation.grace", table: "escalation", key: "grace") { c.escalationGrace = d }
            }
            if let fair = root["fairness"]?["passed_over"] {
                if let n = fair.int, n >= 1 { c.passedOverThreshold = n } else { fail("fairness.passed_over must be a whole number of at least 1", table: "fairness", key: "passed_over") }
            }
            if let theme = root["ui"]?["theme"] {
                if let s = theme.string { c.theme = s } else { fail("ui.theme must be a theme name such as \"light\"", table: "ui", key: "theme") }
            }
            if let bell = root["ui"]?["bell"] {
                if let b = bell.bool { c.bell = b } else { fail("ui.bell must be true or false", table: "ui", key: "bell") }
            }
            return c
        }

        mutating func calendar(_ value: ConfigValue, base: BusinessCalendar) -> BusinessCalendar {
            var cal = base
            if let z = value["zone"] {
                if let id = z.string, let zone = TimeZone(identifier: id) { cal.zone = zone } else { fail("calendar.zone must be an IANA zone such as \"Asia/Jakarta\"", table: "calendar", key: "zone") }
            }
            if let hours = value["hours"] {
                if let table = hours.table {
                    var week: [[BusinessCalendar.Span]] = Array(repeating: [], count: 7)
                    let names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
                    var ok = true
                    for (day, spec) in table {
                        guard let index = names.firstIndex(of: day.lowercased().prefix(3).description) else {
                            fail("calendar.hours: '\(day)' is not a weekday (use mon, tue, wed, thu, fri, sat, sun)", table: "calendar", key: "hours")
                            ok = false
                            continue
                        }
                        guard let spans = spec.strings.flatMap({ Self.spans($0.joined(separator: ",")) }) else {
                            fail("calendar.hours.\(day): write opening hours as \"07:30-12:00, 13:00-16:00\"", table: "calendar", key: "hours")
                            ok = false
                            continue
                        }
                        week[index] = spans
                    }
                    if ok, week.allSatisfy(\.isEmpty) {
                        // No business time at all: no business-time deadline could ever fall due, silently.
                        fail("calendar.hours opens on no day, so no response-time clock could ever fall due; name the opening hours, e.g. { mon = \"07:30-16:00\" }", table: "calendar", key: "hours")
                    } else if ok {
                        cal.week = week.map { $0.sorted { $0.start < $1.start } }
                    }
                } else {
                    fail("calendar.hours must be a table such as { mon = \"07:30-16:00\" }", table: "calendar", key: "hours")
                }
            }
            // Which years the calendar knows in full: those of the shipped national holidays. The agency's own
            // `holidays` add closures (a city's anniversary in 2027 does not make 2027's holidays known) unless it
            // keeps the whole list itself (`national_holidays = false`), or names the years it completed.
            var holidays = cal.holidays
            var covered = cal.yearsWithHolidays
            var ownListOnly = false
            if let national = value["national_holidays"] {
                if national.bool == false { holidays = [:]; ownListOnly = true } else if national.bool == nil { fail("calendar.national_holidays must be true or false", table: "calendar", key: "national_holidays") }
            }
            if let extra = value["holidays"] {
                let own = self.holidays(extra, table: "calendar", key: "holidays")
                holidays.merge(own) { _, new in new }
                if ownListOnly { covered = Set(own.keys.map(\.year)) }
            } else if ownListOnly {
                covered = []
            }
            if let years = value["holidays_complete_for"] {
                let list = years.array?.compactMap { $0.int }
                if let list, list.count == years.array?.count, list.allSatisfy({ (1970...9999).contains($0) }) {
                    covered.formUnion(list)
                } else {
                    fail("calendar.holidays_complete_for must list years, such as [2027]: the years whose holidays (national ones and collective leave included) your holidays list gives in full", table: "calendar", key: "holidays_complete_for")
                }
            }
            cal.holidays = holidays
            cal.yearsWithHolidays = covered
            return cal
        }

        /// A target or grace as the design writes it, `N m|h|d` and its basis; nil after naming the problem. A bare "3h"
        /// is refused rather than read as office time: "15m" for emergencies most likely meant day and night.
        mutating func target(_ value: ConfigValue, named name: String, table: String, index: Int? = nil, key: String) -> SLADuration? {
            guard let text = value.string, let d = SLADuration(parsing: text) else {
                fail("\(name) must be a duration such as \"2h business\" or \"3d calendar\"", table: table, index: index, key: key)
                return nil
            }
            if text.split(separator: " ").count == 1 {
                fail("\(name) \"\(text)\" needs its basis: \"\(text) business\" (office hours only) or \"\(text) calendar\" (day and night)",
                     table: table, index: index, key: key)
                return nil
            }
            return d
        }

        /// `["2026-12-24", …]`, `[{ date = "…", name = "…" }, …]` or `{ "2026-12-24" = "name" }`.
        mutating func holidays(_ value: ConfigValue?, table: String?, key: String) -> [CivilDate: String] {
            guard let value else { return [:] }
            var out: [CivilDate: String] = [:]
            func add(_ text: String, _ name: String) -> Bool {
                guard let d = CivilDate(parsing: text) else { return false }
                out[d] = name
                return true
            }
            if let t = value.table {
                for (date, name) in t where !add(date, name.string ?? "Libur") {
                    fail("'\(date)' is not a date written YYYY-MM-DD", table: table, key: key)
                }
            } else if let list = value.array {
                for item in list {
                    if let s = item.string {
                        if !add(s, "Libur") { fail("'\(s)' is not a date written YYYY-MM-DD", table: table, key: key) }
                    } else if let d = item["date"]?.string {
                        if !add(d, item["name"]?.string ?? "Libur") { fail("'\(d)' is not a date written YYYY-MM-DD", table: table, key: key) }
                    } else {
                        fail("a holiday must be \"YYYY-MM-DD\" or { date = \"YYYY-MM-DD\", name = \"…\" }", table: table, key: key)
                    }
                }
            } else {
                fail("holidays must be a list of dates", table: table, key: key)
            }
            return out
        }

        /// Whether `name` may name a standard: letters, digits, spaces, `.`, `_`, `-` and brackets, not blank, at most 64.
        static func isValidPolicyName(_ name: String) -> Bool {
            name.contains { !$0.isWhitespace } && name.count <= 64
                && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || " ._-()".unicodeScalars.contains($0) }
        }

        /// One `[[sla]]` table. A bad `match` leaves the policy out (without its criteria it would match every comment);
        /// a bad duration or `at_risk` keeps the policy with that setting's default, as the message says.
        mutating func policy(_ value: ConfigValue, index: Int) -> SLAPolicy? {
            guard let t = value.table else { return nil }
            var name = t["name"]?.string ?? "policy-\(index + 1)"
            // The name goes on the log (`sla:NAME`) and into reports: letters, digits, spaces and . _ - ( ) only (a line break
            // in it would make two different events hash alike).
            if !Self.isValidPolicyName(name) {
                fail("sla name '\(SafeText.forMessage(name))' may hold only letters, digits, spaces, '.', '_', '-' and brackets (at most 64); "
                        + "the standard is kept as 'policy-\(index + 1)'", table: "sla", index: index, key: "name")
                name = "policy-\(index + 1)"
            }
            var match = SLAPolicy.Match()
            var broken = false
            if let m = t["match"] {
                if let mt = m.table {
                    for (k, v) in mt.sorted(by: { $0.key < $1.key }) {
                        guard let list = v.strings else {
                            fail("sla '\(name)': match.\(k) must be a string or a list of strings; the policy is left out", table: "sla", index: index, key: "match")
                            broken = true
                            continue
                        }
                        switch k {
                        case "platform", "platforms": match.platforms = list.map { $0.lowercased() }
                        case "channel", "channels": match.channels = list.map(Author.normalizedHandle)
                        case "intent", "intents":
                            let bad = list.filter { Intent(rawValue: $0) == nil }
                            if !bad.isEmpty {
                                fail("sla '\(name)': match.intent: unknown intent \(bad.joined(separator: ", ")) (known: \(Intent.allCases.map(\.rawValue).joined(separator: ", "))); the policy is left out", table: "sla", index: index, key: "match")
                                broken = true
                            }
                            match.intents = list
                        case "tag", "tags":
                            // Tags come from the sensitive topics found at import: another word never matches.
                            let known = SensitiveTopic.allCases.map(\.rawValue)
                            let bad = list.filter { !known.contains($0) }
                            if !bad.isEmpty {
                                fail("sla '\(name)': match.tag: \(bad.joined(separator: ", ")) is no tag Meja sets (tags: \(known.joined(separator: ", "))); it never matches", table: "sla", index: index, key: "match")
                            }
                            match.tags = list
                        default:
                            fail("sla '\(name)': match: unknown criterion '\(k)' (use platform, channel, intent, tag); the policy is left out", table: "sla", index: index, key: "match")
                            broken = true
                        }
                    }
                } else {
                    fail("sla '\(name)': match must be a table such as { intent = [\"complaint\"] }; the policy is left out", table: "sla", index: index, key: "match")
                    broken = true
                }
            }
            var durations: [SLADuration] = []
            for key in ["first_response", "next_response", "resolution"] {
                let fallback = SLAPolicy.defaults[1]
                let def: SLADuration = key == "first_response" ? fallback.firstResponse : key == "next_response" ? fallback.nextResponse : fallback.resolution
                guard let v = t[key] else { durations.append(def); continue }
                durations.append(target(v, named: "sla '\(name)': \(key)", table: "sla", index: index, key: key) ?? def)
            }
            var risk = AtRiskThreshold.share(0.25)
            if let v = t["at_risk"] {
                if let s = v.string, let r = AtRiskThreshold(parsing: s) {
                    risk = r
                } else {
                    fail("sla '\(name)': at_risk must be a share such as \"25%\" or a duration such as \"30m\"", table: "sla", index: index, key: "at_risk")
                }
            }
            let grace = t["escalation_grace"].flatMap { target($0, named: "sla '\(name)': escalation_grace", table: "sla", index: index, key: "escalation_grace") }
            if broken { return nil }
            return SLAPolicy(name: name, match: match, firstResponse: durations[0], nextResponse: durations[1],
                             resolution: durations[2], atRisk: risk, escalationGrace: grace)
        }

        /// Parses `07:30-12:00, 13:00-16:00`; `closed` or an empty string is no span.
        static func spans(_ text: String) -> [BusinessCalendar.Span]? {
            let t = text.trimmingCharacters(in: .whitespaces).lowercased()
            if t.isEmpty || t == "closed" || t == "tutup" { return [] }
            var out: [BusinessCalendar.Span] = []
            for part in t.split(separator: ",") {
                let ends = part.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
                guard ends.count == 2, let a = minutes(ends[0]), let b = minutes(ends[1]), a < b else { return nil }
                out.append(.init(start: a, end: b))
            }
            out.sort { $0.start < $1.start }
            for (x, y) in zip(out, out.dropFirst()) where x.end > y.start { return nil }
            return out
        }

        static func minutes(_ text: String) -> Int? {
            let p = text.split(separator: ":")
            guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 1440 else { return nil }
            return h * 60 + m
        }
    }

    /// How many days ahead a deadline set now can fall: twice the longest target of any policy in days (weekends,
    /// holidays and nights stretch business time), plus a week. The shipped policies give 17 days.
    public var deadlineReachDays: Int {
        let longest = policies.flatMap { [$0.firstResponse, $0.nextResponse, $0.resolution] }
            .map { ($0.seconds + 86_399) / 86_400 }.max() ?? 0
        return 2 * longest + 7
    }

    /// The years, from now to `deadlineReachDays` ahead, that the calendar has no holidays for: a deadline set now may
    /// fall in them and count every weekday as open, so the desk and every command name them.
    public func yearsWithoutHolidays(from now: Date) -> [Int] {
        calendar.yearsWithoutHolidays(from: now, days: deadlineReachDays)
    }

    /// The years without holidays that the deadlines of comments written from `start` to `end` may fall in, less those
    /// `yearsWithoutHolidays(from: now)` names already: an archive or a late export from a year the calendar does not
    /// know had every weekday counted as open, and an import, a report or `meja show` of them says so.
    public func yearsWithoutHolidays(writtenFrom start: Date, to end: Date, now: Date) -> [Int] {
        let named = Set(yearsWithoutHolidays(from: now))
        return calendar.yearsWithoutHolidays(from: start, through: end.addingTimeInterval(Double(deadlineReachDays) * 86_400))
            .filter { !named.contains($0) }
    }
}
