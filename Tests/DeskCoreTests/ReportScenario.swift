import DeskCore
import Foundation
import XCTest

/// A hand-built week with known answers for every report figure (worked out by hand in `ReportTests`).
///
/// Calendar: Asia/Jakarta, Monday–Friday 08:00–16:00, no holidays. One policy: first response 2h business, next
/// response 4h business, resolution 1 business day. Passed over from 2 newer answers. The report period is the
/// week Monday 23 – Sunday 29 November 2026; a few things happen after it (on Monday 30).
///
/// | comment | platform | written | what happens |
/// |---|---|---|---|
/// | c7  | x | Fri 20 09:00 (before the period) | never answered; escalated Mon 30 |
/// | c1  | x | Mon 23 09:00 | budi answers 10:30; closed 15:00 |
/// | c8  | x | Mon 23 09:00 | dewi answers 10:30 |
/// | c13 | x | Mon 23 11:00 | follow-up of c1's author in its thread (next response); budi answers 12:00 |
/// | c4  | x | Tue 24 08:00 | budi answers 11:00 (late: due 10:00) |
/// | c9  | x | Tue 24 09:00 | rina answers 09:10; waiting on the citizen from 10:00 |
/// | c10 | x | Tue 24 09:30 | the agency answers on the platform 09:40 (imported) |
/// | c5  | x | Wed 25 14:00 | never answered; escalated Fri 27 10:00 |
/// | c6  | facebook | Thu 26 09:00 | marked spam 09:30 |
/// | c11 | x | Thu 26 10:00 | budi answers 10:05 with a light joke (humour 2) |
/// | c12 | x | Thu 26 10:30 | budi answers 10:35 over a blocking linter finding |
/// | c2  | x | Fri 27 15:00 | dewi answers Mon 30 09:00, exactly at its due time |
/// | c3  | mastodon | Sat 28 10:00 | dewi answers 11:00, warmly (humour 1) |
struct ReportScenario {
    let test: TestDesk
    let config: DeskConfig

    static let zone = TimeZone(identifier: "Asia/Jakarta")!
    /// The week of the scenario.
    static let week = ReportPeriod(from: CivilDate(year: 2026, month: 11, day: 23), to: CivilDate(year: 2026, month: 11, day: 29), zone: zone)
    /// The moment reports are made.
    static let now = Timestamp.parse("2026-12-01T10:00:00+07:00")!

    static func config() -> DeskConfig {
        var c = DeskConfig()
        c.agencyName = "Dinas Contoh"
        let office = [BusinessCalendar.Span(start: 8 * 60, end: 16 * 60)]
        c.calendar = BusinessCalendar(zone: zone, week: [[], office, office, office, office, office, []])
        c.policies = [SLAPolicy(name: "default", firstResponse: SLADuration(2, .hours, .business),
                                nextResponse: SLADuration(4, .hours, .business), resolution: SLADuration(1, .days, .business))]
        c.passedOverThreshold = 2
        return c
    }

    /// A reviewer that blocks any reply containing "BLOCK" (so a reply can be sent over it with a reason).
    struct Blocker: ReplyReviewer {
        func review(text: String, humor: Int?, comment: Comment, config: DeskConfig) -> ReplyReview {
            ReplyReview(findings: text.contains("BLOCK") ? [LintFinding(code: .shouting, message: "blocked for the test", blocking: true)] : [])
        }
    }

    init() throws {
        config = Self.config()
        test = try TestDesk(now: "2026-11-20T08:00:00+07:00", config: config)
        try test.addStaff(["budi", "dewi", "rina"])
        try play()
    }

    func desk(_ name: String) -> Desk {
        Desk(store: test.store, config: config, clock: test.clock, actor: ActorIdentity(name: name, login: name, overridden: false),
             reviewer: Blocker())
    }

    func id(_ external: String, _ platform: Platform = .x) throws -> Int64 { try test.comment(platform, external).id }

    private func arrive(_ id: String, _ time: String, platform: Platform = .x, author: String? = nil, thread: String? = nil,
                        inReplyTo: String? = nil) throws {
        test.set(time)
        try test.importRecords([record(id, at: time, platform: platform, author: author ?? "warga_\(id)", thread: thread, inReplyTo: inReplyTo)])
    }

    private func reply(_ who: String, _ external: String, at time: String, platform: Platform = .x, text: String = "Terima kasih, Kak",
                       humor: Int = 0, override: String? = nil) throws {
        test.set(time)
        try desk(who).reply(try id(external, platform), ReplyRequest(text: text, humor: humor, overrideReason: override))
    }

    private func status(_ who: String, _ external: String, _ s: CommentStatus, at time: String, platform: Platform = .x) throws {
        test.set(time)
        try desk(who).setStatus(try id(external, platform), s)
    }

    private func play() throws {
        try arrive("c7", "2026-11-20T09:00:00+07:00")
        try arrive("c1", "2026-11-23T09:00:00+07:00", thread: "t1")
        try arrive("c8", "2026-11-23T09:00:00+07:00")
        try reply("budi", "c1", at: "2026-11-23T10:30:00+07:00")
        try reply("dewi", "c8", at: "2026-11-23T10:30:00+07:00")
        try arrive("c13", "2026-11-23T11:00:00+07:00", author: "warga_c1", thread: "t1", inReplyTo: "c1")
        try reply("budi", "c13", at: "2026-11-23T12:00:00+07:00")
        try status("budi", "c1", .closed, at: "2026-11-23T15:00:00+07:00")
        try arrive("c4", "2026-11-24T08:00:00+07:00")
        try arrive("c9", "2026-11-24T09:00:00+07:00")
        try reply("rina", "c9", at: "2026-11-24T09:10:00+07:00")
        try arrive("c10", "2026-11-24T09:30:00+07:00")
        test.set("2026-11-24T09:41:00+07:00")
        try test.importRecords([record("a10", at: "2026-11-24T09:40:00+07:00", author: "diskominfo", text: "Sudah kami jawab di sini",
                                       inReplyTo: "c10", fromAgency: true)], name: "agency.jsonl")
        try status("rina", "c9", .waitingCitizen, at: "2026-11-24T10:00:00+07:00")
        try reply("budi", "c4", at: "2026-11-24T11:00:00+07:00")
        try arrive("c5", "2026-11-25T14:00:00+07:00")
        try arrive("c6", "2026-11-26T09:00:00+07:00", platform: .facebook)
        try status("dewi", "c6", .spam, at: "2026-11-26T09:30:00+07:00", platform: .facebook)
        try arrive("c11", "2026-11-26T10:00:00+07:00")
        try reply("budi", "c11", at: "2026-11-26T10:05:00+07:00", text: "Siap, Kak! Kami meluncur 🚀", humor: 2)
        try arrive("c12", "2026-11-26T10:30:00+07:00")
        try reply("budi", "c12", at: "2026-11-26T10:35:00+07:00", text: "BLOCK this", override: "approved by the supervisor")
        test.set("2026-11-27T10:00:00+07:00")
        try test.desk.escalate(try id("c5"), reason: "left too long")
        try arrive("c2", "2026-11-27T15:00:00+07:00")
        try arrive("c3", "2026-11-28T10:00:00+07:00", platform: .mastodon)
        try reply("dewi", "c3", at: "2026-11-28T11:00:00+07:00", platform: .mastodon, humor: 1)
        // After the week.
        try reply("dewi", "c2", at: "2026-11-30T09:00:00+07:00")
        test.set("2026-11-30T09:30:00+07:00")
        try test.desk.escalate(try id("c7"), reason: "left too long")
        test.clock.set(Self.now)
    }

    /// The report of `period` (the scenario's week by default) made at the scenario's "now".
    func report(_ period: ReportPeriod = ReportScenario.week) throws -> Report {
        try ReportBuilder.build(store: test.store, config: config, period: period, now: Self.now)
    }
}
