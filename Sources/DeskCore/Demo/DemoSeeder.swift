import Foundation

/// Fills an empty desk with a realistic, deterministic inbox: several working days of comments from every
/// platform, in Bahasa Indonesia and English, with the agency's answers, claims, closings and follow-ups
/// played through the same actions staff use — so the log tells the whole story, in order.
public struct DemoSeeder: Sendable {
    public let desk: Desk
    /// How many citizen comments to create (follow-ups come on top).
    public var count: Int
    public var seed: UInt64
    /// How many working days back the inbox reaches.
    public var workingDays: Int

    public init(desk: Desk, count: Int = 1_300, seed: UInt64 = 2026, workingDays: Int = 5) {
        self.desk = desk
        self.count = count
        self.seed = seed
        self.workingDays = workingDays
    }

    /// The staff of the demo agency.
    public static let staff: [StaffMember] = [
        StaffMember(name: "sari", displayName: "Sari Rahmawati", role: .supervisor),
        StaffMember(name: "budi", displayName: "Budi Santoso", role: .agent),
        StaffMember(name: "dewi", displayName: "Dewi Lestari", role: .agent),
        StaffMember(name: "rina", displayName: "Rina Kusuma", role: .agent),
    ]

    public static let channel = "@diskominfo_contoh"

    /// What seeding made.
    public struct Summary: Sendable {
        public var comments = 0
        public var replies = 0
        public var actions = 0
    }

    /// One thing that happens on the demo timeline.
    private enum Step {
        case arrive([CommentRecord])
        case claim(String, staff: String)
        case reply(String, staff: String, text: String)
        case status(String, staff: String, CommentStatus)
    }

    /// Seeds the desk; does nothing (and returns nil) when it already holds comments.
    public func seedIfEmpty() throws -> Summary? {
        guard try desk.store.read({ try $0.commentCount() }) == 0 else { return nil }
        // The demo plays several days of history: before the first event of a log that has begun, its times would go back.
        if let last = try desk.store.read({ try $0.lastEvent() }) {
            throw DeskError.invalidInput("meja demo fills a new database, and this one's log has begun (\(last.seq) events, the last at \(last.at)): the demo's days of history cannot be played before them. Use another --db, e.g. --db /tmp/meja-demo.sqlite")
        }
        return try seed(plan())
    }

    private func plan() -> [(Date, Step)] {
        var rng = DemoRandom(seed: seed)
        let cal = desk.config.calendar
        let now = desk.now
        var day = cal.dayNumber(of: now)
        var found = 0
        while found < workingDays {
            if cal.isWorkingDay(day) { found += 1 }
            if found < workingDays { day -= 1 }
        }
        let start = Date(timeIntervalSince1970: Double(cal.instant(day: day, minute: 6 * 60)))
        let span = now.timeIntervalSince(start) - 600
        let surgeStart = Self.instant(businessSeconds: 3 * 3600, before: now, calendar: cal)
        var steps: [(Date, Step)] = []
        var arrivals: [(Date, CommentRecord)] = []
        // Enough citizens that one seldom writes twice under the same post about unrelated things (one conversation).
        let authors: [Author] = (0..<400).map { i in
            let first = rng.pick(DemoCorpus.firstNames)
            let last = rng.pick(DemoCorpus.lastNames)
            let handle = (first.lowercased().replacingOccurrences(of: " ", with: "") + ["", "_", "."].randomElement(using: &rng)!
                + last.lowercased().prefix(Int.random(in: 3...last.count, using: &rng)) + (rng.chance(0.5) ? String(Int.random(in: 1...99, using: &rng)) : ""))
            return Author(id: String(100_000 + i), handle: handle, name: "\(first) \(last)")
        }
        let platforms: [(Platform, Double)] = [(.x, 0.3), (.instagram, 0.22), (.facebook, 0.2), (.mastodon, 0.13), (.youtube, 0.15)]
        let kinds: [(DemoCorpus.Kind, Double)] = [(.question, 0.3), (.complaint, 0.22), (.request, 0.09), (.suggestion, 0.05),
                                                  (.praise, 0.09), (.joke, 0.07), (.report, 0.06), (.rude, 0.04), (.spam, 0.05), (.grief, 0.03)]
        func weighted<T>(_ items: [(T, Double)]) -> T {
            var r = Double.random(in: 0..<1, using: &rng)
            for (item, w) in items {
                if r < w { return item }
                r -= w
            }
            return items[0].0
        }
        var serial = 0
        func externalID(_ p: Platform) -> String {
            serial += 1
            switch p {
            case .x: return String(1_863_000_000_000_000_000 + UInt64(serial) * 7919)
            case .mastodon: return String(113_400_000_000_000_000 + UInt64(serial) * 4099)
            case .facebook: return "1029384756_\(880_000 + serial)"
            case .instagram: return String(17_950_000_000_000_000 + UInt64(serial) * 311)
            default: return "Ugx" + String(serial, radix: 36).uppercased() + "kDmO4AaABAg"
            }
        }
        // The agency's own posts that citizens comment under.
        var posts: [Platform: [String]] = [:]
        for (p, _) in platforms { posts[p] = (0..<4).map { _ in externalID(p) } }

        for i in 0..<count {
            // Arrivals lean to the daytime but come at all hours, weekends included.
            // A busy inbox: a steady stream over the week, then a surge in the last three office hours that the
            // team is still working through (so the queue holds breached, at-risk and on-track work at any hour).
            let inSurge = i < count * 3 / 10
            var t = inSurge ? surgeStart + Double.random(in: 0..<max(60, now.timeIntervalSince(surgeStart) - 300), using: &rng)
                : start + Double.random(in: 0..<span, using: &rng)
            let hour = (Int(t.timeIntervalSince1970) + cal.zone.secondsFromGMT(for: t)) / 3600 % 24
            if !inSurge, hour < 6 || hour > 22, rng.chance(0.6) { t = start + Double.random(in: 0..<span, using: &rng) }
            let platform = weighted(platforms)
            var candidates = DemoCorpus.lines.filter { $0.kind == weighted(kinds) }
            if candidates.isEmpty { candidates = DemoCorpus.lines }
            let englishShare = 0.2
            let lang = rng.chance(englishShare) ? "en" : "id"
            let line = candidates.filter { $0.lang == lang }.randomElement(using: &rng) ?? rng.pick(candidates)
            var text = line.text.replacingOccurrences(of: "{place}", with: rng.pick(DemoCorpus.places))
                .replacingOccurrences(of: "{service}", with: rng.pick(line.services.isEmpty ? DemoCorpus.services : line.services))
            // Now and then a hostile account's post: shown inert, and set aside as spam like the others.
            let hostile = i % 150 == 77
            if hostile { text = DemoCorpus.hostile[(i / 150) % DemoCorpus.hostile.count] }
            let author = rng.pick(authors)
            let post = rng.pick(posts[platform]!)
            let id = externalID(platform)
            let record = CommentRecord(platform: platform, id: id, author: author, text: text, createdAt: t, threadID: post,
                                       inReplyTo: post, channel: Self.channel, url: nil, lang: line.lang)
            arrivals.append((t, record))
            let ready = importTime(t)
            planFate(kind: hostile ? .spam : line.kind, lang: line.lang, replies: line.replies, record: record, ready: ready, now: now, rng: &rng, steps: &steps,
                     arrivals: &arrivals, busy: inSurge, nextID: { externalID(platform) })
        }
        for batch in Dictionary(grouping: arrivals, by: { importTime($0.0) }) {
            steps.append((batch.key, .arrive(batch.value.sorted { $0.0 < $1.0 }.map(\.1))))
        }
        return steps.filter { $0.0 <= now }.sorted { $0.0 < $1.0 }
    }

    /// Decides what happens to one comment: answered (in Meja or on the platform), closed, waiting, claimed,
    /// marked spam, or left waiting — and whether the citizen writes again.
    private func planFate(kind: DemoCorpus.Kind, lang: String, replies: [String] = [], record: CommentRecord, ready: Date, now: Date,
                          rng: inout DemoRandom, steps: inout [(Date, Step)], arrivals: inout [(Date, CommentRecord)],
                          busy: Bool = false, followUps: Bool = true, nextID: () -> String) {
        let agents = ["budi", "dewi", "rina", "sari"]
        let staff = rng.pick(agents)
        let age = now.timeIntervalSince(ready)
        let businessAge = Double(desk.config.calendar.businessSeconds(from: ready, to: now))
        let id = record.id
        if kind == .spam {
            if rng.chance(0.7), age > 1800 { steps.append((ready + Double.random(in: 600...min(age, 14_400), using: &rng), .status(id, staff: staff, .spam))) }
            return
        }
        if kind == .rude, rng.chance(0.4), age > 3600 {
            steps.append((ready + Double.random(in: 900...min(age, 20_000), using: &rng), .status(id, staff: staff, .noReplyNeeded)))
            return
        }
        // The longer a comment has waited in office hours, the likelier it has been answered.
        // Angry complaints and rude remarks are the ones staff put off: the fairness signal shows them.
        let reluctance = kind == .complaint ? 0.85 : kind == .rude ? 0.5 : 1.0
        let answerChance = busy ? 0.12 : reluctance * (businessAge > 9_000 ? 0.96 : businessAge > 5_400 ? 0.75 : businessAge > 2_700 ? 0.45 : 0.1)
        guard rng.chance(answerChance) else {
            if rng.chance(0.35), age > 900 { steps.append((ready + Double.random(in: 300...min(age, 7200), using: &rng), .claim(id, staff: staff))) }
            return
        }
        // Most answers come within the hour; some take far longer (met late).
        let delay = rng.chance(0.75) ? Double.random(in: 300...5400, using: &rng) : Double.random(in: 7200...100_000, using: &rng)
        let replyAt = ready + min(delay, max(60, age - 60))
        guard let text = (replies.isEmpty ? DemoCorpus.reply(kind, lang: lang) : replies).randomElement(using: &rng) else { return }
        if rng.chance(0.15) {
            // Answered directly on the platform: it arrives with the next import as the agency's own post.
            let answer = CommentRecord(platform: record.platform, id: nextID(), author: Author(handle: Self.channel, name: desk.config.agencyName),
                                       text: text, createdAt: replyAt, threadID: record.threadID, inReplyTo: record.id,
                                       channel: Self.channel, fromAgency: true)
            arrivals.append((replyAt, answer))
        } else {
            steps.append((replyAt - 120, .claim(id, staff: staff)))
            steps.append((replyAt, .reply(id, staff: staff, text: text)))
        }
        let after = now.timeIntervalSince(replyAt)
        if rng.chance(0.4), after > 7200 {
            steps.append((replyAt + Double.random(in: 3600...min(after, 170_000), using: &rng), .status(id, staff: staff, .closed)))
        } else if rng.chance(0.15), after > 1800 {
            steps.append((replyAt + 600, .status(id, staff: staff, .waitingCitizen)))
        } else if followUps, rng.chance(0.3), after > 1800, let more = DemoCorpus.followUps[lang]?.randomElement(using: &rng) {
            let t = replyAt + Double.random(in: 900...min(after, 86_400), using: &rng)
            let followUp = CommentRecord(platform: record.platform, id: nextID(), author: record.author, text: more.text, createdAt: t,
                                         threadID: record.threadID, inReplyTo: record.id, channel: Self.channel, lang: lang)
            arrivals.append((t, followUp))
            planFate(kind: .question, lang: lang, replies: [more.reply], record: followUp, ready: importTime(t), now: now, rng: &rng,
                     steps: &steps, arrivals: &arrivals, followUps: false, nextID: nextID)
        }
    }

    private func seed(_ steps: [(Date, Step)]) throws -> Summary {
        let clock = ManualClock(steps.first?.0.addingTimeInterval(-3600) ?? desk.now)
        let me = desk.acting(as: desk.actor, clock: clock)
        for member in Self.staff where try me.store.read({ try $0.staffMember(member.name) }) == nil {
            try me.putStaff(member)
        }
        let importer = Importer(desk: me)
        // Marked until the last step, so that a demo cut short (killed, Ctrl-C) is told from one that finished.
        try desk.store.write { try $0.setSetting(Self.stateKey, "seeding") }
        var summary = Summary()
        var hourIndex = 0
        for (time, step) in steps {
            clock.set(time)
            switch step {
            case .arrive(let records):
                hourIndex += 1
                let data = Data(records.map { $0.json.text }.joined(separator: "\n").utf8)
                let result = try importer.importData(data, name: "demo/inbox-\(hourIndex).jsonl", format: MejaJSONLFormat())
                summary.comments += result.accepted
                summary.replies += result.replies
            case .claim(let ext, let staff):
                guard let id = try commentID(ext) else { continue }
                _ = try? desk.acting(as: Self.actor(staff), clock: clock).claim(id)
                summary.actions += 1
            case .reply(let ext, let staff, let text):
                guard let id = try commentID(ext) else { continue }
                if (try? desk.acting(as: Self.actor(staff), clock: clock).reply(id, ReplyRequest(text: text))) != nil { summary.replies += 1 }
            case .status(let ext, let staff, let status):
                guard let id = try commentID(ext) else { continue }
                _ = try? desk.acting(as: Self.actor(staff), clock: clock).setStatus(id, status)
                summary.actions += 1
            }
        }
        // A supervisor escalates the oldest unanswered emergency reports by hand.
        clock.set(desk.now)
        let supervisor = desk.acting(as: Self.actor("sari"), clock: clock)
        let urgent = try desk.overdue(limit: 2_000).filter { $0.comment.status.needsAction && Self.isEmergency($0.comment.text) }
        for item in urgent.prefix(4) {
            if (try? supervisor.escalate(item.comment.id, reason: "laporan darurat belum ditangani")) != nil { summary.actions += 1 }
        }
        try desk.store.write { try $0.setSetting(Self.stateKey, "complete") }
        return summary
    }

    /// The setting that says how far the demo got: `seeding`, then `complete`.
    static let stateKey = "demo.state"

    /// Whether the database holds a demo that was cut short before its last step.
    public static func wasCutShort(_ store: any DeskStore) throws -> Bool {
        try store.read { try $0.setting(stateKey) } == "seeding"
    }

    private func commentID(_ external: String) throws -> Int64? {
        try desk.store.read { tx in
            for p in Platform.social { if let c = try tx.comment(platform: p, externalID: external) { return c.id } }
            return nil
        }
    }

    /// The instant `seconds` of office time before `end` (found by bisection over the calendar).
    static func instant(businessSeconds seconds: Int, before end: Date, calendar: BusinessCalendar) -> Date {
        var low = end - 30 * 86_400
        var high = end
        for _ in 0..<40 {
            let mid = low + high.timeIntervalSince(low) / 2
            if calendar.businessSeconds(from: mid, to: end) > seconds { low = mid } else { high = mid }
        }
        return high
    }

    /// Comments reach the desk with the next half-hourly import.
    private func importTime(_ t: Date) -> Date {
        let half = 1800.0
        return Date(timeIntervalSince1970: (t.timeIntervalSince1970 / half).rounded(.up) * half + 60)
    }

    private static func isEmergency(_ text: String) -> Bool {
        ["Banjir", "kecelakaan", "kebakaran", "Flash flood", "hilang"].contains { text.contains($0) }
    }

    private static func actor(_ name: String) -> ActorIdentity { ActorIdentity(name: name, login: name, overridden: false) }
}
