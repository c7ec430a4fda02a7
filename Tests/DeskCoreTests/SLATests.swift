import DeskCore
import XCTest

final class SLATests: XCTestCase {
    func t(_ s: String) -> Date { Timestamp.parse(s)! }

    func testAtRiskAndBreachBoundariesToTheMinute() throws {
        let test = try TestDesk(now: "2026-12-01T08:00:00+07:00")
        try test.importRecords([record("1", at: "2026-12-01T08:00:00+07:00")])
        let c = try test.comment(.x, "1")
        XCTAssertEqual(c.sla.responseDueAt, t("2026-12-01T10:00:00+07:00"))
        XCTAssertEqual(c.sla.responseAtRiskAt, t("2026-12-01T09:30:00+07:00"), "25 % of two hours left")
        XCTAssertEqual(c.sla.state(at: t("2026-12-01T09:29:00+07:00")), .onTrack)
        XCTAssertEqual(c.sla.state(at: t("2026-12-01T09:30:00+07:00")), .atRisk)
        XCTAssertEqual(c.sla.state(at: t("2026-12-01T09:59:00+07:00")), .atRisk)
        XCTAssertEqual(c.sla.state(at: t("2026-12-01T10:00:00+07:00")), .atRisk, "a reply at the due second is still on time")
        XCTAssertEqual(c.sla.state(at: t("2026-12-01T10:00:00+07:00") + 0.9), .atRisk, "still the due second")
        XCTAssertEqual(c.sla.state(at: t("2026-12-01T10:00:01+07:00")), .breached)
        XCTAssertEqual(c.sla.mostUrgent(at: t("2026-12-01T10:00:01+07:00"))?.clock, .firstResponse)

        // The queue, its counts and the overdue board draw the same line as the clock.
        for (moment, breached) in [("2026-12-01T10:00:00+07:00", false), ("2026-12-01T10:00:01+07:00", true)] {
            let now = t(moment)
            let counts = try test.store.read { try $0.counts(QueueQuery(now: now)) }
            XCTAssertEqual([counts.breached, counts.atRisk], breached ? [1, 0] : [0, 1], moment)
            XCTAssertEqual(try test.store.read { try $0.queue(QueueQuery(now: now)) }.map(\.id), [c.id], moment)
            XCTAssertEqual(try test.store.read { try $0.overdue(now: now, includeAtRisk: false, limit: 10) }.count, breached ? 1 : 0, moment)
        }
    }

    func testClocksThroughAWholeThread() throws {
        let test = try TestDesk(now: "2026-12-01T08:30:00+07:00")
        try test.importRecords([record("q1", at: "2026-12-01T08:00:00+07:00", author: "ani", text: "Jalan rusak", thread: "post")])
        let q1 = try test.comment(.x, "q1").id
        XCTAssertEqual(try test.comment(.x, "q1").sla.responseClock, .firstResponse)
        // Reply at 09:00: first response met; the resolution clock (5 working days) runs on.
        test.set("2026-12-01T09:00:00+07:00")
        try test.desk.reply(q1, ReplyRequest(text: "Terima kasih, kami cek ya Kak"))
        var c = try test.comment(.x, "q1")
        XCTAssertEqual(c.sla.clocks(at: test.clock.now).map(\.state), [.met, .onTrack])
        XCTAssertEqual(c.sla.mostUrgent(at: test.clock.now)?.clock, .resolution)
        XCTAssertEqual(c.sla.resolutionDueAt, t("2026-12-08T08:00:00+07:00"))
        // The citizen follows up: a next-response clock (4h business) for the new message.
        try test.importRecords([record("q2", at: "2026-12-01T14:00:00+07:00", author: "ani", text: "Kapan dicek?", thread: "post", inReplyTo: "q1")])
        let q2 = try test.comment(.x, "q2")
        XCTAssertEqual(q2.sla.responseClock, .nextResponse)
        XCTAssertEqual(q2.sla.responseDueAt, t("2026-12-02T09:30:00+07:00"), "2h today until 16:00, 2h from 07:30 tomorrow")
        // Second reply, then waiting on the citizen pauses resolution.
        test.set("2026-12-01T15:00:00+07:00")
        try test.desk.reply(q2.id, ReplyRequest(text: "Besok pagi tim kami ke lokasi"))
        XCTAssertEqual(try test.comment(.x, "q2").sla.respondedAt, t("2026-12-01T15:00:00+07:00"))
        try test.desk.setStatus(q1, .waitingCitizen)
        c = try test.comment(.x, "q1")
        XCTAssertEqual(c.sla.state(at: t("2026-12-20T10:00:00+07:00")), .paused, "a paused clock never breaches")
        // Resuming a day of office time later moves the resolution due by that much.
        test.set("2026-12-02T15:00:00+07:00")
        try test.desk.setStatus(q1, .open)
        c = try test.comment(.x, "q1")
        XCTAssertEqual(c.sla.pausedSeconds, 8 * 3600 + 1800, "Tue 15:00–16:00 and Wed 07:30–15:00")
        XCTAssertEqual(c.sla.resolutionDueAt, t("2026-12-09T08:00:00+07:00"), "moved by the paused office time: a working day later")
        // Closing meets the resolution clock.
        test.set("2026-12-03T09:00:00+07:00")
        try test.desk.setStatus(q1, .closed)
        c = try test.comment(.x, "q1")
        XCTAssertEqual(c.sla.clocks(at: test.clock.now).map(\.state), [.met, .met])
        XCTAssertFalse(c.sla.clocks(at: test.clock.now)[1].late)
        XCTAssertEqual(c.sla.state(at: test.clock.now), .met)
    }

    func testClosingWithoutAnAnswerWithdrawsBothClocksAsSpamDoes() throws {
        let test = try TestDesk()
        try test.importRecords([record("1", at: "2026-12-01T08:00:00+07:00"), record("2", at: "2026-12-01T08:00:00+07:00")])
        try test.desk.setStatus(try test.comment(.x, "1").id, .closed)
        // Nothing was resolved for a citizen nobody answered: no resolution on time to count.
        let closed = try test.comment(.x, "1").sla
        XCTAssertEqual(closed.clocks(at: test.clock.now).map(\.state), [.none, .none])
        XCTAssertNil(closed.resolvedAt)
        XCTAssertNotNil(closed.resolutionStoppedAt)
        try test.desk.setStatus(try test.comment(.x, "2").id, .spam)
        XCTAssertEqual(try test.comment(.x, "2").sla.state(at: test.clock.now), .none)
        XCTAssertTrue(try test.desk.overdue(includeAtRisk: true).isEmpty)
    }

    func testAnEmergencyStandardCanEscalateDayAndNightWithItsOwnGrace() throws {
        let config = DeskConfig.parse(try TOMLFile(text: """
            [[sla]]
            name = "emergencies"
            match = { tag = ["disaster"] }
            first_response = "15m calendar"
            next_response = "15m calendar"
            resolution = "1d calendar"
            escalation_grace = "15m calendar"

            [[sla]]
            name = "default"
            first_response = "2h business"
            next_response = "4h business"
            resolution = "5d business"

            [[sla]]
            name = "bare"
            match = { intent = ["praise"] }
            first_response = "1h business"
            escalation_grace = "30m"
            """, path: "c.toml"))
        XCTAssertEqual(config.issues.map(\.line), [19], "a grace without its basis is named: \(config.issues)")
        XCTAssertEqual(config.policies[0].escalationGrace, SLADuration(15, .minutes, .calendar))
        XCTAssertNil(config.policies[1].escalationGrace, "the desk's grace applies")
        // Saturday night: the flood report breaches at 02:15 and is escalated at 02:31; the question waits for office hours.
        let test = try TestDesk(now: "2026-12-05T02:00:00+07:00", config: config)
        let desk = Desk.withReplyChecks(store: test.store, config: config, clock: test.clock, actor: test.desk.actor)
        try Importer(desk: desk).importData(Data([
            record("flood", at: "2026-12-05T02:00:00+07:00", text: "Banjir setinggi dada di rumah, tolong!").json.text,
            record("ask", at: "2026-12-04T15:00:00+07:00", text: "Min, syarat bikin KTP apa ya?").json.text,
        ].joined(separator: "\n").utf8), name: "t", format: MejaJSONLFormat())
        XCTAssertEqual(try test.comment(.x, "flood").sla.policy, "emergencies")
        test.set("2026-12-05T02:29:00+07:00")
        XCTAssertEqual(try test.desk.escalateOverdue(dryRun: true), [], "breached 14 minutes: within its grace")
        test.set("2026-12-05T02:31:00+07:00")
        XCTAssertEqual(try test.desk.escalateOverdue(), [try test.comment(.x, "flood").id], "the question's breach counts office time only")
        // Its stored definition carries the grace; one without keeps the text it always had.
        XCTAssertTrue(PolicyDefinition.text(config.policies[0], calendar: config.calendar).contains("\"escalation_grace\":\"15m calendar\""))
        XCTAssertFalse(PolicyDefinition.text(config.policies[1], calendar: config.calendar).contains("escalation_grace"))
        XCTAssertEqual(PolicyDefinition.parse(PolicyDefinition.text(config.policies[0], calendar: config.calendar), version: 1)?.policy.escalationGrace,
                       SLADuration(15, .minutes, .calendar))
    }

    func testOverdueCountsAreGroupedByHolderAndChannelAndNameThoseOutOfTheQueue() throws {
        let test = try TestDesk(now: "2026-12-01T09:00:00+07:00")
        try test.importRecords([
            record("a", at: "2026-11-30T08:00:00+07:00", channel: "@satu"), record("b", at: "2026-11-30T08:00:00+07:00", channel: "@satu"),
            record("c", at: "2026-11-30T08:00:00+07:00", channel: "@dua"), record("d", at: "2026-12-01T08:55:00+07:00", channel: "@dua"),
        ])
        try test.desk.claim(try test.comment(.x, "a").id)
        try test.desk.reply(try test.comment(.x, "b").id, ReplyRequest(text: "Sudah kami cek, Kak."))
        test.set("2026-12-09T09:00:00+07:00") // b's resolution (5 working days) is late too, answered and out of the queue
        let counts = try test.desk.overdueCounts()
        XCTAssertEqual(counts.breached, 4)
        XCTAssertEqual(counts.byStaff, ["sari": 1, nil: 3])
        XCTAssertEqual(counts.byChannel, ["@satu": 2, "@dua": 2])
        XCTAssertEqual(counts.answeredAside, 1)
        XCTAssertEqual(counts.unansweredAside, 0)
    }

    func testAnAnswerFoundAfterAnUnansweredCloseMakesItTheResolutionItWas() throws {
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let test = try TestDesk(now: "2026-12-01T09:00:00+07:00", config: config)
        try test.importRecords([record("q", at: "2026-12-01T08:00:00+07:00", author: "ani")])
        let id = try test.comment(.x, "q").id
        try test.desk.setStatus(id, .closed) // answered on the platform; the export comes later
        XCTAssertNil(try test.comment(.x, "q").sla.resolvedAt)
        test.set("2026-12-01T10:00:00+07:00")
        try test.importRecords([record("a", at: "2026-12-01T08:10:00+07:00", author: "@diskominfo", inReplyTo: "q")])
        let c = try test.comment(.x, "q")
        XCTAssertEqual(c.sla.respondedAt, t("2026-12-01T08:10:00+07:00"))
        XCTAssertEqual(c.sla.resolvedAt, t("2026-12-01T09:00:00+07:00"), "the close at 09:00 resolved it, as had the export come first")
        XCTAssertNil(c.sla.resolutionStoppedAt)
        XCTAssertEqual(c.status, .closed)
    }

    func testACommentUnderNoPolicyThatWasRepliedToMayWaitForTheCitizen() throws {
        var config = DeskConfig()
        config.policies = [SLAPolicy(name: "fb-only", match: .init(platforms: ["facebook"]), firstResponse: SLADuration(2, .hours, .business),
                                     nextResponse: SLADuration(4, .hours, .business), resolution: SLADuration(5, .days, .business))]
        let test = try TestDesk(config: config)
        try test.importRecords([record("x1", at: "2026-12-01T08:00:00+07:00")])
        let id = try test.comment(.x, "x1").id
        XCTAssertNil(try test.comment(.x, "x1").sla.responseClock)
        try test.desk.reply(id, ReplyRequest(text: "Boleh kirim fotonya lewat DM, Kak?"))
        try test.desk.setStatus(id, .waitingCitizen)
        XCTAssertEqual(try test.comment(.x, "x1").status, .waitingCitizen)
    }

    func testPolicyMatchingFirstMatchWins() throws {
        let file = try TOMLFile(text: """
            [[sla]]
            name = "youtube-complaints"
            match = { platform = "youtube", intent = ["complaint"] }
            first_response = "30m business"

            [[sla]]
            name = "minister"
            match = { channel = "@menteri" }
            first_response = "15m calendar"

            [[sla]]
            name = "default"
            first_response = "2h business"
            """, path: "config.toml")
        let config = DeskConfig.parse(file)
        XCTAssertEqual(config.issues, [])
        let engine = SLAEngine(policies: config.policies.enumerated().map { VersionedPolicy(policy: $1, version: 1, calendar: config.calendar) })
        XCTAssertEqual(engine.policy(platform: .youtube, channel: "@menteri", intent: .complaint, tags: [])?.name, "youtube-complaints")
        XCTAssertEqual(engine.policy(platform: .youtube, channel: "@menteri", intent: .question, tags: [])?.name, "minister")
        XCTAssertEqual(engine.policy(platform: .x, channel: "@Menteri", intent: nil, tags: [])?.name, "minister")
        XCTAssertEqual(engine.policy(platform: .x, channel: nil, intent: .complaint, tags: [])?.name, "default")
        let calendarTime = engine.policy(platform: .x, channel: "@menteri", intent: nil, tags: [])!
        let start = t("2026-12-05T23:50:00+07:00") // Saturday night
        XCTAssertEqual(SLAEngine.deadline(calendarTime.policy.firstResponse, threshold: calendarTime.policy.atRisk, from: start,
                                          calendar: calendarTime.calendar)?.due, t("2026-12-06T00:05:00+07:00"), "calendar time counts nights too")
    }

    func testChangingATargetMakesANewVersionAndLeavesOldResultsAlone() throws {
        let old = try TestDesk()
        try old.importRecords([record("1", at: "2026-12-01T08:00:00+07:00")])
        let before = try old.comment(.x, "1")
        XCTAssertEqual(before.sla.policyVersion, 1)
        var faster = DeskConfig()
        faster.policies[1].firstResponse = SLADuration(30, .minutes, .business)
        let desk = Desk(store: old.store, config: faster, clock: old.clock, actor: old.desk.actor)
        try Importer(desk: desk).importData(Data(record("2", at: "2026-12-01T08:00:00+07:00").json.text.utf8), name: "b", format: MejaJSONLFormat())
        let after = try old.comment(.x, "2")
        XCTAssertEqual(after.sla.policy, "default")
        XCTAssertEqual(after.sla.policyVersion, 2)
        XCTAssertEqual(after.sla.responseDueAt, t("2026-12-01T08:30:00+07:00"))
        XCTAssertEqual(try old.comment(.x, "1").sla, before.sla, "stored results of earlier comments never change")
        let versions = try old.store.read { try $0.events(subject: "sla:default", action: "policy.version", limit: 10) }
        XCTAssertEqual(versions.compactMap { $0.payloadValue["version"]?.intValue }, [1, 2])
        XCTAssertEqual(versions.last?.payloadValue["previous_definition"]?["first_response"]?.stringValue, "2h business")
        // Pausing and resuming the old comment still uses its own version's calendar and targets.
        try desk.claim(before.id)
        try desk.reply(before.id, ReplyRequest(text: "Boleh minta detailnya, Kak?"))
        try desk.setStatus(before.id, .waitingCitizen)
        try desk.setStatus(before.id, .open)
        XCTAssertEqual(try old.comment(.x, "1").sla.resolutionDueAt, before.sla.resolutionDueAt, "no time passed")
    }

    func testACitizensAnswerEndsTheWaitForThem() throws {
        let test = try TestDesk(now: "2026-12-01T09:00:00+07:00")
        try test.addStaff(["budi"])
        try test.importRecords([record("q1", at: "2026-12-01T08:00:00+07:00", author: "ani", text: "Jalan rusak depan rumah", thread: "post"),
                                record("o1", at: "2026-12-01T08:10:00+07:00", author: "bayu", text: "Di RT 3 juga", thread: "post")])
        let q1 = try test.comment(.x, "q1").id
        let o1 = try test.comment(.x, "o1").id
        let budi = test.as("budi")
        try budi.claim(q1)
        try budi.reply(q1, ReplyRequest(text: "Boleh dikirim fotonya lewat DM, Kak?"))
        try budi.setStatus(q1, .waitingCitizen)
        try test.desk.claim(o1)
        try test.desk.reply(o1, ReplyRequest(text: "Di RT 3 nomor berapa, Kak?"))
        try test.desk.setStatus(o1, .waitingCitizen)
        let waiting = try test.comment(.x, "q1").sla
        XCTAssertEqual(waiting.pausedSince, t("2026-12-01T09:00:00+07:00"))
        test.set("2026-12-01T11:00:00+07:00")
        // A message ani wrote before the wait began (imported only now), and another citizen's, do not end her wait.
        try test.importRecords([record("early", at: "2026-12-01T08:30:00+07:00", author: "ani", text: "Oh ya, satu lagi", thread: "post"),
                                record("c1", at: "2026-12-01T10:30:00+07:00", author: "citra", text: "Sama", thread: "post")])
        XCTAssertEqual(try test.comment(.x, "q1").status, .waitingCitizen)
        // Her answer at 10:00 ends it then: back to budi, who held it, and the resolution clock runs again.
        try test.importRecords([record("q2", at: "2026-12-01T10:00:00+07:00", author: "ani", text: "Ini fotonya", thread: "post", inReplyTo: "q1")])
        let back = try test.comment(.x, "q1")
        XCTAssertEqual(back.status, .claimed)
        XCTAssertEqual(back.assignee, "budi")
        XCTAssertNil(back.sla.pausedSince)
        XCTAssertEqual(back.sla.pausedSeconds, 3600, "paused from 09:00 until she wrote at 10:00, not until the import at 11:00")
        XCTAssertEqual(back.sla.resolutionDueAt, waiting.resolutionDueAt.map { $0 + 3600 }, "due an office hour later")
        XCTAssertEqual(back.sla.state(at: t("2026-12-20T10:00:00+07:00")), .breached, "no longer paused: it can breach again")
        XCTAssertEqual(try test.comment(.x, "o1").status, .waitingCitizen, "bayu has not answered")
        // The log says who, why and from when; the event comes just before the import that brought her answer.
        let events = try test.store.read { try $0.events(subject: String(q1), action: "status", limit: 10) }
        let last = try XCTUnwrap(events.last?.payloadValue)
        XCTAssertEqual(last["reason"]?.stringValue, "citizen_replied")
        XCTAssertEqual(last["status"]?.stringValue, "claimed")
        XCTAssertEqual(last["follow_up"]?.intValue, try test.comment(.x, "q2").id)
        XCTAssertEqual(last["resumed_at"]?.stringValue, "2026-12-01T03:00:00Z")
        let batch = try XCTUnwrap(try test.store.read { try $0.events(subject: "", action: "import", limit: 10) }.last)
        XCTAssertEqual(events.last.map { $0.seq + 1 }, batch.seq)
        // Unassigned, a comment goes back to the queue; a later answer does nothing more.
        try test.importRecords([record("o2", at: "2026-12-01T10:45:00+07:00", author: "bayu", text: "Ini alamatnya", thread: "post")])
        XCTAssertEqual(try test.comment(.x, "o1").status, .claimed, "sari held it")
        try test.desk.release(o1)
        try test.desk.reply(o1, ReplyRequest(text: "Terima kasih, Kak. Nomor rumahnya berapa?"))
        try test.desk.setStatus(o1, .waitingCitizen)
        XCTAssertNil(try test.comment(.x, "o1").assignee)
        try test.importRecords([record("o3", at: "2026-12-01T11:30:00+07:00", author: "bayu", text: "Halo?", thread: "post")])
        XCTAssertEqual(try test.comment(.x, "o1").status, .open)
        try test.importRecords([record("o4", at: "2026-12-01T11:40:00+07:00", author: "bayu", text: "Halo lagi", thread: "post")])
        XCTAssertEqual(try test.store.read { try $0.events(subject: String(o1), action: "status", limit: 10) }.count, 4, "waiting, back, waiting, back")

        // Held by someone no longer on the desk: back to the queue. Dated in the future: resumed from now, not then.
        try budi.setStatus(q1, .waitingCitizen)
        try test.desk.putStaff(name: "budi", role: nil, displayName: nil, active: false)
        try test.importRecords([record("q3", at: "2026-12-01T13:00:00+07:00", author: "ani", text: "Sudah dicek?", thread: "post")])
        let reopened = try test.comment(.x, "q1")
        XCTAssertEqual(reopened.status, .open)
        XCTAssertNil(reopened.assignee, "budi is inactive")
        let resumed = try XCTUnwrap(try test.store.read { try $0.events(subject: String(q1), action: "status", limit: 10) }.last?.payloadValue)
        XCTAssertEqual(resumed["resumed_at"]?.stringValue, "2026-12-01T04:00:00Z", "now (11:00), not the message's 13:00")
        XCTAssertEqual(resumed["assignee"], .null)
    }

    func testAWaitEndedAndAnsweredInOneImportIsWhatTheLogReplays() throws {
        // (Each TestDesk ends with the log's state check: the log must replay to exactly these tables.)
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let test = try TestDesk(now: "2026-12-01T09:00:00+07:00", config: config)
        try test.importRecords([record("q1", at: "2026-12-01T08:00:00+07:00", author: "ani", thread: "post"),
                                record("a1", at: "2026-12-01T08:30:00+07:00", author: "@diskominfo", thread: "post", inReplyTo: "q1")])
        let q1 = try test.comment(.x, "q1").id
        try test.desk.setStatus(q1, .waitingCitizen)
        test.set("2026-12-01T12:00:00+07:00")
        // One export of the thread: her answer, then the agency's next one.
        try test.importRecords([record("q2", at: "2026-12-01T10:00:00+07:00", author: "ani", thread: "post", inReplyTo: "a1"),
                                record("a2", at: "2026-12-01T10:30:00+07:00", author: "@diskominfo", thread: "post", inReplyTo: "q2")])
        XCTAssertEqual(try test.comment(.x, "q1").status, .open, "the wait ended; the agency's answer to her new message answers that")
        XCTAssertEqual(try test.comment(.x, "q2").status, .replied)
        let check = try test.store.read { try LogStateCheck.check($0) }
        XCTAssertTrue(check.ok, "\(check.disagreements.map(\.message.en))")

        // An answer found in an export for a comment already closed leaves it closed, on the desk and in the log.
        try test.importRecords([record("c1", at: "2026-12-01T11:00:00+07:00", author: "budi")])
        try test.desk.setStatus(try test.comment(.x, "c1").id, .closed)
        try test.importRecords([record("a3", at: "2026-12-01T11:30:00+07:00", author: "@diskominfo", inReplyTo: "c1")])
        XCTAssertEqual(try test.comment(.x, "c1").status, .closed)
        XCTAssertTrue(try test.store.read { try LogStateCheck.check($0) }.ok)
    }

    func testTwoPeopleWithOneDisplayNameAreNotOneCitizen() throws {
        let test = try TestDesk(now: "2026-12-01T09:00:00+07:00")
        func siti(_ id: String, account: String, at time: String) -> CommentRecord {
            CommentRecord(platform: .facebook, id: id, author: Author(id: account, handle: "Siti Rahma"), text: "Halo admin",
                          createdAt: Timestamp.parse(time)!, threadID: "post", channel: "@diskominfo")
        }
        try test.importRecords([siti("s1", account: "111", at: "2026-12-01T08:00:00+07:00")])
        let s1 = try test.comment(.facebook, "s1").id
        try test.desk.claim(s1)
        try test.desk.reply(s1, ReplyRequest(text: "Halo Kak, ada yang bisa kami bantu?"))
        try test.desk.setStatus(s1, .waitingCitizen)
        try test.importRecords([siti("s2", account: "999", at: "2026-12-01T08:30:00+07:00")])
        XCTAssertEqual(try test.comment(.facebook, "s1").status, .waitingCitizen, "another account with the same name")
        test.set("2026-12-01T09:30:00+07:00")
        try test.importRecords([siti("s3", account: "111", at: "2026-12-01T09:15:00+07:00")])
        XCTAssertEqual(try test.comment(.facebook, "s1").status, .claimed, "her own account")
    }

    func testPassedOverWhenNewerCommentsInTheSameQueueWereAnswered() throws {
        var config = DeskConfig()
        config.passedOverThreshold = 3
        let test = try TestDesk(now: "2026-12-01T11:00:00+07:00", config: config)
        let records = (0..<5).map { record("c\($0)", at: "2026-12-01T08:0\($0):00+07:00", author: "w\($0)") }
            + [record("other-channel", at: "2026-12-01T07:59:00+07:00", author: "z", channel: "@lain")]
        try test.importRecords(records)
        for i in 2...4 { try test.desk.reply(try test.comment(.x, "c\(i)").id, ReplyRequest(text: "Halo Kak")) }
        let items = try test.desk.queue(limit: 10)
        let flagged = Dictionary(uniqueKeysWithValues: items.map { ($0.comment.externalID, $0.passedOver) })
        XCTAssertEqual(flagged["c0"], true, "three newer comments in its queue were answered first")
        XCTAssertEqual(flagged["c1"], true)
        XCTAssertEqual(flagged["other-channel"], false, "another channel is another queue")
        let whole = try test.desk.passedOver()
        XCTAssertEqual(whole.items.map(\.comment.externalID), ["c0", "c1"])
        XCTAssertTrue(whole.complete, "the queue's three comments were all looked at")
        XCTAssertTrue(try test.desk.passedOver(scan: 3).complete, "a scan exactly as long as the queue is the whole queue")
        // Looking at fewer than the queue holds is said: a million-comment desk is not scanned on each key.
        let part = try test.desk.passedOver(scan: 2)
        XCTAssertEqual([part.scanned, part.complete ? 1 : 0], [2, 0])

        // Unanswered, c1 cannot be parked as waiting for the citizen: it still waits for the agency. Spam no longer
        // does. The report counts the same comments as the desk.
        try test.desk.claim(try test.comment(.x, "c1").id)
        XCTAssertThrowsError(try test.desk.setStatus(try test.comment(.x, "c1").id, .waitingCitizen))
        XCTAssertEqual(Desk.settableStatuses(for: try test.comment(.x, "c1"), isSupervisor: true), [.open, .closed, .noReplyNeeded, .spam])
        try test.desk.setStatus(try test.comment(.x, "c0").id, .spam)
        XCTAssertEqual(try test.desk.passedOver().items.map(\.comment.externalID), ["c1"])
        XCTAssertEqual(try test.desk.detail(id: try test.comment(.x, "c1").id).item.passedOver, true)
        let report = try ReportBuilder.build(store: test.store, config: config,
                                             period: ReportPeriod(start: test.clock.now - 86_400, end: test.clock.now + 1), now: test.clock.now)
        XCTAssertEqual(report.passedOverUnanswered, 1)
    }

    func testEscalationHappensOnceAndCountsOnlyBusinessTime() throws {
        var config = DeskConfig()
        config.escalationGrace = SLADuration(1, .hours, .business)
        let test = try TestDesk(now: "2026-12-01T14:00:00+07:00", config: config)
        try test.importRecords([record("late", at: "2026-12-01T13:00:00+07:00")]) // due 15:00
        test.set("2026-12-01T15:59:00+07:00")
        XCTAssertEqual(try test.desk.escalateOverdue(), [], "breached 59 minutes: within the grace")
        // After closing time the breach does not age: at 22:00 it still stands at one hour of office time.
        test.set("2026-12-01T22:00:00+07:00")
        // A dry run names it and changes nothing, logs nothing.
        let head = try test.store.read { try $0.lastEvent()?.seq }
        var heard: [(Int, Int)] = []
        XCTAssertEqual(try test.desk.escalateOverdue(dryRun: true) { heard.append(($0, $1)) }, [try test.comment(.x, "late").id])
        XCTAssertEqual(heard.map(\.0), [1], "progress: one due")
        XCTAssertEqual(heard.map(\.1), [1], "of one breach read")
        XCTAssertEqual(try test.comment(.x, "late").status, .new)
        XCTAssertEqual(try test.store.read { try $0.lastEvent()?.seq }, head)
        let escalated = try test.desk.escalateOverdue()
        XCTAssertEqual(escalated, [try test.comment(.x, "late").id])
        let c = try test.comment(.x, "late")
        XCTAssertEqual(c.status, .escalated)
        XCTAssertEqual(c.sla.escalatedAt, t("2026-12-01T22:00:00+07:00"))
        test.set("2026-12-02T10:00:00+07:00")
        XCTAssertEqual(try test.desk.escalateOverdue(), [], "once")
        let events = try test.store.read { try $0.events(subject: String(c.id), action: "escalate", limit: 10) }
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(events.first?.actor, "meja")
        XCTAssertTrue(events.first?.payload.contains("sweep run by sari") ?? false, events.first?.payload ?? "")
    }

    func testTheSweepLooksAtEveryBreachPageByPageAndSkipsTheEscalatedOnes() throws {
        let test = try TestDesk(now: "2026-12-01T09:00:00+07:00")
        try test.importRecords((0..<7).map { record("b\($0)", at: "2026-12-01T08:00:00+07:00") })
        let first = try test.comment(.x, "b0").id
        try test.desk.escalate(first, reason: "by hand")
        test.set("2026-12-03T10:00:00+07:00")
        // Pages of two: the one escalated by hand fills no page, and every other breach is reached.
        let escalated = try test.desk.escalateOverdue(page: 2)
        XCTAssertEqual(escalated.count, 6)
        XCTAssertFalse(escalated.contains(first))
        XCTAssertEqual(try test.desk.escalateOverdue(page: 2), [], "once each")
    }

    func testOutOfHoursGraceIsNotReachedOvernight() throws {
        let test = try TestDesk(now: "2026-12-01T15:00:00+07:00")
        try test.importRecords([record("1", at: "2026-12-01T13:30:00+07:00")]) // due 15:30
        test.set("2026-12-02T07:00:00+07:00") // breached since 15:30: 30 office minutes, then night
        XCTAssertEqual(try test.desk.escalateOverdue(), [])
        test.set("2026-12-02T08:00:00+07:00") // 30 + 30 = 60 office minutes: the grace, not yet longer
        XCTAssertEqual(try test.desk.escalateOverdue(), [])
        test.set("2026-12-02T08:00:01+07:00")
        XCTAssertEqual(try test.desk.escalateOverdue().count, 1)
    }

    func testAGraceInBusinessDaysIsBusinessDaysNotEightHourBlocks() throws {
        var config = DeskConfig()
        config.escalationGrace = SLADuration(1, .days, .business)
        let test = try TestDesk(now: "2026-12-01T09:00:00+07:00", config: config)
        try test.importRecords([record("1", at: "2026-12-01T08:00:00+07:00")]) // due 10:00 on Tuesday
        test.set("2026-12-02T10:00:00+07:00") // one business day after the breach, to the second
        XCTAssertEqual(try test.desk.escalateOverdue(), [])
        test.set("2026-12-02T10:00:01+07:00")
        XCTAssertEqual(try test.desk.escalateOverdue().count, 1, "the shipped day is 8.5 office hours: 8 would have escalated at 09:30")
    }
}
