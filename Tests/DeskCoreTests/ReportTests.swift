@testable import DeskCore
import Foundation
import XCTest

/// Every report figure on `ReportScenario`, against answers worked out by hand (the arithmetic is in the comments).
final class ReportTests: XCTestCase {
    private func scenario() throws -> ReportScenario { try ReportScenario() }

    func testArrivalsAndVolumesOfTheWeek() throws {
        let r = try scenario().report()
        XCTAssertEqual(r.asOf, Timestamp.parse("2026-11-29T23:59:59+07:00"), "the week's last second (now is later)")
        XCTAssertEqual(r.comments, 12, "c1 c8 c13 c4 c9 c10 c5 c6 c11 c12 c2 c3; c7 came before the week")
        XCTAssertEqual(r.unmeasured, 0)
        // Ties in a ranking are broken by key: facebook before mastodon.
        XCTAssertEqual(r.volume.platform, [.init("x", 10), .init("facebook", 1), .init("mastodon", 1)])
        XCTAssertEqual(r.volume.channel, [.init("@diskominfo", 12)])
        XCTAssertEqual(r.volume.intent, [.init("-", 12)])
        XCTAssertEqual(r.volume.sentiment, [.init("negative", 0), .init("neutral", 0), .init("positive", 0), .init("-", 12)])
        XCTAssertEqual(r.volume.tag, [])
    }

    func testFirstResponseTimesInBusinessAndCalendarMinutes() throws {
        let r = try scenario().report()
        // Met: c1 90/90, c8 90/90, c4 180/180, c9 10/10, c10 10/10, c11 5/5, c12 5/5, and c3 (Saturday 10:00 → 11:00):
        // 0 business minutes (the office is closed), 60 calendar minutes. c2 is answered only after the week.
        let first = r.times(.firstResponse)
        XCTAssertEqual(first.business, DurationStats(count: 8, median: 10, p90: 180, max: 180), "0 5 5 10 10 90 90 180: rank 4 and rank 8")
        XCTAssertEqual(first.calendar, DurationStats(count: 8, median: 10, p90: 180, max: 180), "5 5 10 10 60 90 90 180")
        XCTAssertEqual(r.times(.nextResponse).business, DurationStats(count: 1, median: 60, p90: 60, max: 60), "c13: 11:00 → 12:00")
        XCTAssertEqual(r.times(.resolution).business, DurationStats(count: 1, median: 360, p90: 360, max: 360), "c1 closed 09:00 → 15:00")
        XCTAssertEqual(r.responseHistogram.map(\.count), [5, 0, 0, 2, 1, 0, 0], "<15: c3 c11 c12 c9 c10; 1–2 h: c1 c8; 2–4 h: c4")
        XCTAssertEqual(r.answeredOnPlatform, 1, "c10")
    }

    func testHitRatesPerClock() throws {
        let r = try scenario().report()
        // On time c1 c8 c9 c10 c11 c12 c3; late c4 (due 10:00, answered 11:00); breached c5; excluded c6 (spam before
        // due); pending c2 (due Monday 09:00, after the week — its answer then does not count here).
        XCTAssertEqual(r.hits(.firstResponse), HitTally(onTime: 7, late: 1, missed: 1, excluded: 1, pending: 1))
        XCTAssertEqual(try XCTUnwrap(r.hits(.firstResponse).rate), 7.0 / 9, accuracy: 1e-9)
        XCTAssertEqual(r.hits(.nextResponse), HitTally(onTime: 1))
        // Resolution, one business day: c1 closed in time; c8 c13 c4 c10 c5 c11 c12 past due; c6 withdrawn before
        // due; c9 paused (waiting on the citizen) before its due time, c2 and c3 not due yet.
        XCTAssertEqual(r.hits(.resolution), HitTally(onTime: 1, late: 0, missed: 7, excluded: 1, pending: 3))
        XCTAssertEqual(r.responseHits.rate, 0.8, "first and next together: 8 of 10")
    }

    func testClosingUnansweredCommentsIsNoResolutionOnTime() throws {
        let test = try TestDesk(now: "2026-12-01T09:00:00+07:00")
        try test.importRecords((1...3).map { record("u\($0)", at: "2026-12-01T08:00:00+07:00") })
        let answered = try test.comment(.x, "u1").id
        try test.desk.reply(answered, ReplyRequest(text: "Sudah kami teruskan, Kak."))
        try test.desk.setStatus(answered, .closed)
        // Breached and never answered, two are closed: the report must not call that a resolution on time.
        test.set("2026-12-01T14:00:00+07:00")
        for id in ["u2", "u3"] { try test.desk.setStatus(try test.comment(.x, id).id, .closed) }
        let period = ReportPeriod(start: Timestamp.parse("2026-12-01T00:00:00+07:00")!, end: Timestamp.parse("2026-12-02T00:00:00+07:00")!)
        let r = try ReportBuilder.build(store: test.store, config: test.desk.config, period: period, now: test.clock.now)
        XCTAssertEqual(r.hits(.resolution).onTime, 1, "only the answered one")
        XCTAssertEqual(r.hits(.resolution).excluded, 2, "withdrawn before their resolution was due")
        XCTAssertEqual(r.hits(.firstResponse).missed, 2, "their breaches stand")
    }

    func testBacklogAtTheEndOfThePeriod() throws {
        let r = try scenario().report()
        // Waiting on Sunday 23:59:59: c7 (from before the week), c5, and c2 (answered only on Monday).
        XCTAssertEqual(r.backlog.total, 3)
        XCTAssertEqual(r.backlog.breached, 2, "c7 and c5; c2 is due Monday 09:00")
        // Ages: c2 2 d 9 h, c5 4 d 10 h, c7 9 d 15 h.
        XCTAssertEqual(r.backlog.ages.map(\.count), [0, 0, 0, 1, 1, 1])
        XCTAssertEqual(r.backlog.ages.map(\.lower), ReportBuckets.backlogAge)
    }

    func testStaffRepliesHumourAndOverrides() throws {
        let r = try scenario().report()
        XCTAssertEqual(r.replies.total, 8, "desk replies in the week: budi 5, dewi 2, rina 1 (dewi's Monday reply is later)")
        XCTAssertEqual(r.replies.byHumor, [6, 1, 1])
        XCTAssertEqual(r.replies.overridden, 1)
        XCTAssertEqual(r.replies.overriddenShare, 1.0 / 8)
        XCTAssertEqual(r.staff.map(\.name), ["budi", "dewi", "rina", "sari"], "busiest first; sari (no replies) is still listed")
        let budi = r.staff[0]
        XCTAssertEqual(budi.replies, 5)
        XCTAssertEqual(budi.overrides, 1)
        XCTAssertEqual(budi.firstResponse, DurationStats(count: 4, median: 5, p90: 180, max: 180), "c1 90, c4 180, c11 5, c12 5")
        XCTAssertEqual(budi.responses, HitTally(onTime: 4, late: 1), "c4 late; c13's next response counts too")
        XCTAssertEqual(r.staff[1].firstResponse, DurationStats(count: 2, median: 0, p90: 90, max: 90), "dewi: c3 0, c8 90")
        XCTAssertEqual(r.staff[2].firstResponse.median, 10, "rina: c9")
        XCTAssertEqual(r.staff[3].replies, 0)
        XCTAssertNil(r.staff[3].firstResponse.median)
    }

    func testEachPlatformAndAccountIsMeasuredApart() throws {
        let r = try scenario().report()
        XCTAssertEqual(r.queues.map { "\($0.platform) \($0.channel)" }, ["x @diskominfo", "facebook @diskominfo", "mastodon @diskominfo"],
                       "most comments first; a tie by platform")
        let x = r.queues[0]
        XCTAssertEqual(x.comments, 10, "all but c6 (facebook) and c3 (mastodon)")
        // First response on time c1 c8 c9 c10 c11 c12, late c4, breached c5, pending c2; next response c13 on time.
        XCTAssertEqual(x.responses, HitTally(onTime: 7, late: 1, missed: 1, pending: 1))
        XCTAssertEqual(x.firstResponse, DurationStats(count: 7, median: 10, p90: 180, max: 180), "5 5 10 10 90 90 180")
        XCTAssertEqual(x.backlog, 3, "c7 (written before the week) c5 c2")
        XCTAssertEqual(x.backlogBreached, 2, "c7 c5")
        let facebook = r.queues[1]
        XCTAssertEqual(facebook.comments, 1)
        XCTAssertEqual(facebook.responses, HitTally(excluded: 1), "c6, spam before its due time")
        XCTAssertNil(facebook.firstResponse.median)
        let mastodon = r.queues[2]
        XCTAssertEqual(mastodon.responses, HitTally(onTime: 1))
        XCTAssertEqual(mastodon.firstResponse.median, 0, "c3: Saturday, the office closed")
        XCTAssertEqual(r.queues.map(\.comments).reduce(0, +), r.comments, "every comment of the period in one queue")
        XCTAssertEqual(r.queues.map(\.backlog).reduce(0, +), r.backlog.total)
    }

    func testAQueueWithOnlyAnOldBacklogIsListed() throws {
        let test = try TestDesk(now: "2026-12-01T09:00:00+07:00")
        try test.importRecords([record("old", at: "2026-11-20T09:00:00+07:00", platform: .youtube), record("new", at: "2026-12-01T08:00:00+07:00")])
        let period = ReportPeriod(start: Timestamp.parse("2026-12-01T00:00:00+07:00")!, end: Timestamp.parse("2026-12-02T00:00:00+07:00")!)
        let r = try ReportBuilder.build(store: test.store, config: test.desk.config, period: period, now: test.clock.now)
        let youtube = try XCTUnwrap(r.queues.first { $0.platform == "youtube" }, "waiting since before the period: still the queue's debt")
        XCTAssertEqual(youtube.comments, 0)
        XCTAssertEqual(youtube.backlog, 1)
        XCTAssertEqual(youtube.backlogBreached, 1)
        XCTAssertEqual(r.queues.first?.platform, "x", "the period's comments first")
    }

    func testPassedOverEscalationsWeeksAndLogHead() throws {
        let s = try scenario()
        let r = try s.report()
        // c4 was answered at 11:00 after the newer c9 (09:10) and c10 (09:40); c5 still waits after the newer c11 and
        // c12 were answered. c2's answer came after the week, so it does not pass anyone over here.
        XCTAssertEqual(r.passedOver, 2)
        XCTAssertEqual(r.passedOverUnanswered, 1)
        XCTAssertEqual(r.escalations, 1, "c5 on Friday; c7's escalation on Monday is after the week")
        XCTAssertEqual(r.weeks.count, 1)
        XCTAssertEqual(r.weeks[0].arrivals, 12)
        XCTAssertEqual(r.weeks[0].responses.rate, 0.8)
        XCTAssertEqual(r.weeks[0].firstResponse.median, 10)
        XCTAssertEqual(r.weeks[0].backlogAtEnd, 3)
        let events = try s.test.store.read { try $0.events(from: 1, limit: 10_000) }
        let cutoff = Timestamp.utc(r.asOf)
        let head = try XCTUnwrap(events.last { $0.at <= cutoff })
        XCTAssertEqual(r.logHead, head.head)
        XCTAssertEqual(head.action, "reply", "dewi's Saturday answer to c3 is the last event of the week")
        XCTAssertNotEqual(r.logHead, events.last?.head, "later events are not in the week's head")
    }

    func testAnAnswerAfterThePeriodCountsInALaterPeriodWithItsRealTime() throws {
        let s = try scenario()
        let period = ReportPeriod(from: CivilDate(year: 2026, month: 11, day: 23), to: CivilDate(year: 2026, month: 12, day: 1),
                                  zone: ReportScenario.zone)
        let r = try s.report(period)
        XCTAssertEqual(r.asOf, ReportScenario.now, "the period has not ended: as of now")
        // c2 answered Monday 09:00, exactly at its due time (Fri 15–16 and Mon 08–09): a hit, 120 business minutes
        // and 66 hours of calendar time.
        XCTAssertEqual(r.hits(.firstResponse), HitTally(onTime: 8, late: 1, missed: 1, excluded: 1, pending: 0))
        XCTAssertEqual(r.times(.firstResponse).business.max, 180)
        XCTAssertEqual(r.times(.firstResponse).calendar.max, 3_960)
        XCTAssertEqual(r.times(.firstResponse).business.count, 9)
        XCTAssertEqual(r.escalations, 2, "c7 was escalated in this period although it arrived before it")
        XCTAssertEqual(r.backlog.total, 2)
        XCTAssertEqual(r.weeks.map(\.arrivals), [12, 0])
        XCTAssertEqual(r.weeks.map(\.backlogAtEnd), [3, 2], "Sunday night, then now")
        XCTAssertEqual(r.hits(.resolution), HitTally(onTime: 1, late: 0, missed: 9, excluded: 1, pending: 1), "c2 and c3 now past due")
    }

    func testAnAnswerImportedAfterAPeriodEndedLeavesThatPeriodsReportAsItWas() throws {
        var config = DeskConfig()
        config.channels = ["@dinas"]
        let t = try TestDesk(now: "2026-12-01T15:05:00+07:00", config: config)
        try t.importRecords([record("q1", at: "2026-12-01T15:00:00+07:00"), record("q2", at: "2026-12-01T15:01:00+07:00", author: "warga2")])
        // q2 is answered on the desk at 15:20; its copy on the platform (posted 15:18) is imported the next day.
        t.set("2026-12-01T15:20:00+07:00")
        try t.desk.reply(try t.comment(.x, "q2").id, ReplyRequest(text: "Sudah kami cek, Kak"))
        let day = ReportPeriod(from: CivilDate(year: 2026, month: 12, day: 1), to: CivilDate(year: 2026, month: 12, day: 1), zone: ReportScenario.zone)
        func report(_ period: ReportPeriod) throws -> Report {
            try ReportBuilder.build(store: t.store, config: config, period: period, now: t.clock.now)
        }
        t.set("2026-12-02T09:00:00+07:00")
        let before = try report(day)
        XCTAssertEqual(before.backlog.total, 1)
        // The answer was posted on 1 December at 15:30, but reaches the desk only on the 2nd.
        t.set("2026-12-02T09:05:00+07:00")
        var answer = record("a1", at: "2026-12-01T15:30:00+07:00", author: "@dinas", text: "Sudah kami cek, Kak")
        answer.inReplyTo = "q1"
        var copy = record("a2", at: "2026-12-01T15:18:00+07:00", author: "@dinas", text: "Sudah kami cek, Kak")
        copy.inReplyTo = "q2"
        // A comment of the 1st that reaches the desk with its answer only now is not the day's to count (imported after).
        var late = record("a3", at: "2026-12-01T16:10:00+07:00", author: "@dinas", text: "Sudah kami cek, Kak")
        late.inReplyTo = "q3"
        try t.importRecords([answer, copy, record("q3", at: "2026-12-01T16:00:00+07:00", author: "warga3"), late])
        XCTAssertEqual(try t.comment(.x, "q2").sla.respondedAt, Timestamp.parse("2026-12-01T15:18:00+07:00"), "the import moved it back")
        XCTAssertNotNil(try t.comment(.x, "q3").sla.respondedAt)
        let headOfDay = try XCTUnwrap(t.store.read { try $0.lastEvent(atOrBefore: before.asOf) })
        let looked = try t.store.read { try ReportBuilder.answersImported(after: headOfDay.seq, $0) }
        XCTAssertEqual(looked, [try t.comment(.x, "q1").id, try t.comment(.x, "q2").id],
                       "answers the day's comments got later are looked up; q3 arrived later itself and is not")
        let after = try report(day)
        XCTAssertEqual(after.importedAfter, 1, "q3")
        XCTAssertEqual(before.hits(.firstResponse).onTime, 1, "q2, answered on the desk")
        XCTAssertEqual(after.times(.firstResponse).calendar.max, before.times(.firstResponse).calendar.max, "q2 at the desk's 15:20")
        XCTAssertEqual(after.backlog.total, before.backlog.total, "as it stood at the end of the period")
        XCTAssertEqual(after.hits(.firstResponse), before.hits(.firstResponse))
        XCTAssertEqual(after.answeredOnPlatform, before.answeredOnPlatform)
        XCTAssertEqual(after.logHead, before.logHead)
        // A period up to now counts it, with its real time.
        let now = try report(ReportPeriod(from: CivilDate(year: 2026, month: 12, day: 1), to: CivilDate(year: 2026, month: 12, day: 2), zone: ReportScenario.zone))
        XCTAssertEqual(now.backlog.total, 0)
        XCTAssertEqual(now.hits(.firstResponse).onTime, 3, "q1 by its platform answer, q2, q3")
    }

    func testAReportFileCarriesNoControlCharactersFromTheData() throws {
        var config = DeskConfig()
        config.agencyName = "Dinas \u{1B}[2JKota"
        let t = try TestDesk(config: config)
        var hostile = record("h1", at: "2026-12-01T08:00:00+07:00")
        hostile.channel = "\u{1B}]52;c;SGk=\u{07}chan\u{202E}"
        try t.importRecords([hostile])
        let day = ReportPeriod(from: CivilDate(year: 2026, month: 12, day: 1), to: CivilDate(year: 2026, month: 12, day: 1), zone: ReportScenario.zone)
        let r = try ReportBuilder.build(store: t.store, config: config, period: day, now: t.clock.now)
        for format in [ReportFormat.csv, .md, .text, .html] {
            let text = format.render(r, audience: .supervisors(.en), width: 100)
            XCTAssertFalse(text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(format)")
        }
        XCTAssertTrue(r.volume.channel.contains { $0.key.contains("chan") }, "the channel is still named")
    }

    func testTheCommentIDsOfAnImportEventAreReadFromItsRawPayload() {
        func ids(_ payload: String) -> ClosedRange<Int64>? {
            var bytes = Array(payload.utf8)
            return bytes.withUnsafeMutableBytes { ReportBuilder.commentIDs(inImportPayload: UnsafeRawBufferPointer($0)) }
        }
        XCTAssertEqual(ids(#"{"batch":1,"comment_ids":"2761-6391","file":"x"}"#), 2761...6391)
        XCTAssertEqual(ids(#"{"comment_ids":"7-7"}"#), 7...7)
        XCTAssertNil(ids(#"{"comment_ids":null,"file":"comment_ids"}"#), "a batch that added no comment")
        XCTAssertNil(ids(#"{"file":"\"comment_ids\":\"1-9\""}"#), "a file name is escaped, not a key")
        XCTAssertNil(ids(#"{"comment_ids":"9-1"}"#))
    }

    func testACommentWrittenInThePeriodButImportedAfterItIsCountedApart() throws {
        let t = try TestDesk(now: "2026-12-01T23:50:00+07:00")
        try t.importRecords([record("d1", at: "2026-12-01T23:00:00+07:00")])
        // Written at 23:30 on the 1st, imported after midnight.
        t.set("2026-12-02T00:10:00+07:00")
        try t.importRecords([record("d2", at: "2026-12-01T23:30:00+07:00"), record("d3", at: "2026-12-02T00:05:00+07:00")])
        let day = ReportPeriod(from: CivilDate(year: 2026, month: 12, day: 1), to: CivilDate(year: 2026, month: 12, day: 1), zone: ReportScenario.zone)
        let r = try ReportBuilder.build(store: t.store, config: DeskConfig(), period: day, now: t.clock.now)
        XCTAssertEqual(r.comments, 1, "d1: as of the day's last second the desk knew only it")
        XCTAssertEqual(r.importedAfter, 1, "d2, said so that the day's and the week's reports reconcile; d3 is the 2nd's")
        XCTAssertTrue(ReportCSV.render(r, audience: .supervisors(.en)).contains("imported_after"))
        // As the desk knows it now (a history imported later): d2 is counted, its clocks as they stand now.
        var known = day
        known.asKnownNow = true
        let now = try ReportBuilder.build(store: t.store, config: DeskConfig(), period: known, now: t.clock.now)
        XCTAssertEqual(now.comments, 2, "d1 and d2; d3 was written on the 2nd")
        XCTAssertEqual(now.importedAfter, 0)
        XCTAssertEqual(now.asOf, Timestamp.parse("2026-12-02T00:10:00+07:00"), "taken now, and says so")
        XCTAssertEqual(now.backlog.total, 3, "the backlog is the desk's now: d3 too")
    }

    func testAnEmptyPeriodHasZerosAndNoValues() throws {
        let s = try scenario()
        let period = ReportPeriod(from: CivilDate(year: 2026, month: 11, day: 2), to: CivilDate(year: 2026, month: 11, day: 8), zone: ReportScenario.zone)
        let r = try s.report(period)
        XCTAssertEqual(r.comments, 0)
        XCTAssertEqual(r.backlog.total, 0, "nothing was on the desk yet")
        XCTAssertNil(r.logHead, "the log starts later")
        for clock in SLAClock.allCases {
            XCTAssertEqual(r.times(clock).business, DurationStats())
            XCTAssertNil(r.hits(clock).rate)
        }
        XCTAssertEqual(r.volume.platform, [])
        XCTAssertEqual(r.weeks.count, 1)
        XCTAssertEqual(r.weeks[0].arrivals, 0)
        XCTAssertNil(r.weeks[0].responses.rate)
        XCTAssertEqual(r.staff.map(\.replies), [0, 0, 0, 0])
        XCTAssertNil(r.replies.overriddenShare)
        let text = ReportText.lines(r, width: 100).joined(separator: "\n")
        XCTAssertTrue(text.contains("No data in this period."), "the empty volume table says so")
        XCTAssertTrue(text.split(separator: "\n").contains { $0.hasPrefix("  First response on time") && $0.hasSuffix(" –") }, text)
    }

    func testPercentilesUseTheNearestRank() {
        XCTAssertEqual(DurationStats([40, 10, 30, 20]), DurationStats(count: 4, median: 20, p90: 40, max: 40))
        XCTAssertEqual(DurationStats([7]), DurationStats(count: 1, median: 7, p90: 7, max: 7))
        XCTAssertEqual(DurationStats([5, 5, 5, 9]).median, 5, "ties need no rule")
        XCTAssertEqual(DurationStats(Array(1...10)).p90, 9)
        XCTAssertEqual(DurationStats(Array(1...11)).p90, 10, "rank ⌈9.9⌉ = 10")
        XCTAssertEqual(DurationStats([]), DurationStats())
    }

    func testHitOutcomeBoundaries() {
        typealias T = HitTally
        XCTAssertEqual(T.outcome(due: 100, met: 100, withdrawn: nil, pausedSince: nil, asOf: 500), .onTime, "met at the due time is a hit")
        XCTAssertEqual(T.outcome(due: 100, met: 101, withdrawn: nil, pausedSince: nil, asOf: 500), .late)
        XCTAssertEqual(T.outcome(due: 100, met: nil, withdrawn: 100, pausedSince: nil, asOf: 500), .excluded, "withdrawn before breach")
        XCTAssertEqual(T.outcome(due: 100, met: nil, withdrawn: 101, pausedSince: nil, asOf: 500), .missed, "withdrawn after breach")
        XCTAssertEqual(T.outcome(due: 100, met: nil, withdrawn: nil, pausedSince: 99, asOf: 500), .pending, "paused before breach")
        XCTAssertEqual(T.outcome(due: 100, met: nil, withdrawn: nil, pausedSince: 100, asOf: 500), .pending,
                       "paused at the due second, when a reply would still have been on time")
        XCTAssertEqual(T.outcome(due: 100, met: nil, withdrawn: nil, pausedSince: 101, asOf: 500), .missed, "paused after breach")
        XCTAssertEqual(T.outcome(due: 100, met: nil, withdrawn: nil, pausedSince: nil, asOf: 101), .missed, "running and breached")
        XCTAssertEqual(T.outcome(due: 100, met: nil, withdrawn: nil, pausedSince: nil, asOf: 100), .pending,
                       "at the due second a reply is still on time: not yet breached")
    }

    func testDefaultPeriodIsFourWholeWeeksEndingToday() {
        let p = ReportPeriod.lastFourWeeks(endingAt: ReportScenario.now, zone: ReportScenario.zone)
        XCTAssertEqual(p.start, Timestamp.parse("2026-11-04T00:00:00+07:00"))
        XCTAssertEqual(p.end, Timestamp.parse("2026-12-02T00:00:00+07:00"))
        XCTAssertEqual(p.weekBounds(zone: ReportScenario.zone).count, 5, "four weeks")
        XCTAssertEqual(p.asOf(now: ReportScenario.now), ReportScenario.now)
        let before = p.moved(days: -28, zone: ReportScenario.zone)
        XCTAssertEqual(before.start, Timestamp.parse("2026-10-07T00:00:00+07:00"))
        XCTAssertEqual(before.end, p.start)
        XCTAssertEqual(before.asOf(now: ReportScenario.now), Timestamp.parse("2026-11-03T23:59:59+07:00"))
    }
}

