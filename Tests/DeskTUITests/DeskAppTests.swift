import DeskCore
@testable import DeskTUI
import XCTest

/// The desk driven by keys on a real store: what the keys do reaches the record and the log, and what others
/// do reaches the screen.
final class DeskAppTests: XCTestCase {
    /// Selects comment `id` in the queue, writes `text` as a reply to it and opens the review.
    private func review(_ app: DeskApp, _ id: Int64, _ text: String) {
        select(app, id)
        app.press(.char("r"))
        app.dispatch(.typed(text))
        app.press(.ctrl("d"))
    }

    private func select(_ app: DeskApp, _ id: Int64) {
        guard let index = app.state.queue.items.firstIndex(where: { $0.comment.id == id }) else { return XCTFail("\(id) not in the queue") }
        app.press(.char("g"))
        for _ in 0..<index { app.press(.char("j")) }
        XCTAssertEqual(app.state.queue.selectedItem?.comment.id, id)
    }

    private func comment(_ f: Fixture, _ external: String) throws -> Comment {
        try XCTUnwrap(f.store.read { try $0.comment(id: f.id(external)) })
    }

    func testClaimIsRecordedLoggedAndShown() throws {
        let f = try Fixture()
        let app = f.app()
        select(app, f.id("m6"))
        app.press(.char("c"))
        let c = try comment(f, "m6")
        XCTAssertEqual(c.status, .claimed)
        XCTAssertEqual(c.assignee, "sari")
        XCTAssertEqual(app.state.notice, Notice(.info, "You claimed #\(f.id("m6"))."))
        XCTAssertEqual(app.state.queue.selectedItem?.comment.assignee, "sari", "the queue was reloaded")
        let last = try f.store.read { try $0.lastEvent() }
        XCTAssertEqual(last?.action, "claim")
        XCTAssertEqual(last?.subject, String(f.id("m6")))
        // A second claim changes nothing and says so, rather than claiming success.
        app.press(.char("c"))
        XCTAssertEqual(app.state.notice, Notice(.info, "You already hold #\(f.id("m6")): nothing changed."))
        XCTAssertEqual(try f.store.read { try $0.lastEvent() }?.seq, last?.seq, "nothing more on the log")
        let escalate = EffectRunner(desk: f.desk, language: .en)
        _ = escalate.perform(.perform(.escalate(f.id("m6"), reason: "first")))
        guard case .done(let again)? = escalate.perform(.perform(.escalate(f.id("m6"), reason: "second"))).first else { return XCTFail() }
        XCTAssertTrue(again.text.contains("already escalated") && again.text.contains("not kept"), again.text)
        _ = try f.desk.setStatus(f.id("m6"), .open)
        app.dispatch(.externalChange)
        select(app, f.id("m6"))
        app.press(.char("c"))
        app.press(.char("u"))
        XCTAssertEqual(try comment(f, "m6").assignee, nil)
    }

    func testMarkedCommentsAreChangedOneByOneAndARefusalStopsNoneOfTheOthers() throws {
        let f = try Fixture()
        try f.desk.claim(f.id("m1"))
        let budi = f.desk.acting(as: ActorIdentity(name: "budi", login: "budi", overridden: false))
        let app = DeskApp(desk: budi, language: .en, size: Size(width: 100, height: 30), isSupervisor: false)
        app.start()
        let before = try f.store.read { try $0.lastEvent()?.seq } ?? 0
        for external in ["m1", "m5", "m6"] {
            select(app, f.id(external))
            app.press(.char(" "))
        }
        XCTAssertEqual(app.state.marked, [f.id("m1"), f.id("m5"), f.id("m6")])
        let screen = app.frame().text
        XCTAssertEqual(screen.components(separatedBy: "● ").count - 1, 4, "three rows and the status line show the marks:\n\(screen)")
        XCTAssertTrue(screen.contains("● 3 marked"), screen)
        app.press(.char("s"))
        XCTAssertEqual(app.state.picker?.kind, .statusMarked([f.id("m1"), f.id("m5"), f.id("m6")]))
        while app.state.picker.map({ $0.options[$0.cursor.selected].value != "spam" }) == true { app.press(.char("j")) }
        app.press(.enter)
        XCTAssertEqual(try comment(f, "m5").status, .spam)
        XCTAssertEqual(try comment(f, "m6").status, .spam)
        XCTAssertEqual(try comment(f, "m1").status, .claimed, "held by sari: an agent cannot change it")
        XCTAssertEqual(app.state.marked, [f.id("m1")], "the refused one stays marked")
        let notice = try XCTUnwrap(app.state.notice)
        XCTAssertEqual(notice.kind, .error)
        XCTAssertTrue(notice.text.hasPrefix("Marked comments now spam: 2. Not done, still marked: 1 — #\(f.id("m1")) "), notice.text)
        XCTAssertTrue(notice.text.contains("sari"), "the refusal says who holds it: \(notice.text)")
        let logged = try f.store.read { try $0.events(from: before + 1, limit: 10) }
        XCTAssertEqual(logged.map(\.action), ["status", "status"])
        XCTAssertEqual(logged.map(\.subject), [String(f.id("m5")), String(f.id("m6"))], "each comment has its own event")
        XCTAssertEqual(Set(logged.map(\.actor)), ["budi"])
        app.press(.escape)
        XCTAssertEqual(app.state.marked, [])

        // A supervisor assigns several at once; what already was so is not logged again.
        let desk = f.app(size: Size(width: 100, height: 30))
        try f.desk.assign(f.id("m2"), to: "budi")
        desk.dispatch(.externalChange)
        for external in ["m2", "m7"] {
            select(desk, f.id(external))
            desk.press(.char(" "))
        }
        let seq = try f.store.read { try $0.lastEvent()?.seq } ?? 0
        desk.press(.char("a"))
        XCTAssertEqual(desk.state.picker?.kind, .assignMarked([f.id("m2"), f.id("m7")]))
        while desk.state.picker.map({ $0.options[$0.cursor.selected].value != "budi" }) == true { desk.press(.char("j")) }
        desk.press(.enter)
        XCTAssertEqual(try comment(f, "m7").assignee, "budi")
        XCTAssertEqual(desk.state.notice, Notice(.info, "Marked comments assigned to budi: 1. Already so, not recorded again: 1."))
        XCTAssertEqual(try f.store.read { try $0.events(from: seq + 1, limit: 10) }.map(\.subject), [String(f.id("m7"))])
        XCTAssertEqual(desk.state.marked, [])

        // Someone who cannot be assigned anything is said once, before any comment is tried.
        desk.press(.char("*"))
        desk.press(.char(":"))
        for c in "assign nobody" { desk.press(.char(c)) }
        desk.press(.enter)
        let said = try XCTUnwrap(desk.state.notice)
        XCTAssertEqual(said.text, "nobody is not an active staff member: `meja staff list` shows who can be assigned.")
        XCTAssertFalse(desk.state.marked.isEmpty, "nothing was tried, the marks stay")
        XCTAssertEqual(try f.store.read { try $0.lastEvent() }?.seq, try f.store.read { try $0.events(from: seq + 1, limit: 10) }.last?.seq)
    }

    func testANoteWrittenInTheThreadIsReadWholeInItsHistory() throws {
        let f = try Fixture()
        let app = f.app(size: Size(width: 100, height: 40))
        select(app, f.id("m6"))
        app.press(.enter)
        app.press(.char("N"))
        let note = "Sudah telepon warga, dia kirim KK lewat DM besok pagi; tolong cek kotak pesan sebelum jam sembilan ya"
        app.dispatch(.typed(note))
        app.press(.enter)
        XCTAssertEqual(app.state.notice, Notice(.info, "Note kept in #\(f.id("m6"))'s history."))
        XCTAssertEqual(try f.store.read { try $0.lastEvent() }?.action, "note")
        app.press(.char("G"))
        let screen = app.frame().text
        XCTAssertTrue(screen.contains("sari · note"), screen)
        XCTAssertTrue(screen.contains("Sudah telepon warga") && screen.contains("sembilan ya"), "wrapped, not cut:\n\(screen)")
        XCTAssertEqual(try comment(f, "m6").status, .new, "a note is not an answer")
        app.press(.char("q"))
        XCTAssertEqual(app.state.queue.items.first { $0.comment.id == f.id("m6") }?.hasNotes, true)
        XCTAssertEqual(app.state.queue.items.filter(\.hasNotes).count, 1, "only the comment noted")
        let row = app.frame().text.split(separator: "\n").first { $0.contains("@dimas") } ?? ""
        XCTAssertTrue(row.contains("✉ Bagaimana cara daftar KTP"), "the queue shows that colleagues left a note: \(row)")
    }

    func testTheLookForUrgentArrivalsSaysWhichOfThoseNamedStillNeedAction() throws {
        let f = try Fixture()
        try f.desk.setStatus(f.id("m6"), .closed)
        let newest = try XCTUnwrap(try f.store.read { try $0.newestCommentID() })
        let events = EffectRunner.load(.loadUrgent(after: newest, named: [f.id("m2"), f.id("m6")]), desk: f.desk, assistant: nil)
        guard case .urgentLoaded(newest, [], after: newest, let still, _)? = events.first else { return XCTFail("\(events)") }
        XCTAssertEqual(still, [f.id("m2")], "closed by a colleague: no longer named")
    }

    func testTheLogIsCheckedAgainOnOpeningOnlyWhenItHasGrown() throws {
        let f = try Fixture()
        let app = f.app(size: Size(width: 120, height: 30))
        app.press(.char("L"))
        XCTAssertEqual(app.state.log.verification?.ok, true)
        XCTAssertTrue(app.frame().text.contains("desk agrees  head 7:"), app.frame().text)
        app.press(.char("q"))
        // A table changed behind the log, with no event: only a whole check can see it.
        f.tamperedWith = true
        let intent = try XCTUnwrap(try comment(f, "m5").intent)
        try f.store.unsafeExecute("UPDATE comment SET intent = 'praise' WHERE id = \(f.id("m5"))")
        app.press(.char("L"))
        XCTAssertEqual(app.state.log.verification?.ok, true, "nothing new on the log: the check made before stands (not made again)")
        app.press(.char("q"))
        try f.desk.claim(f.id("m6"))
        app.dispatch(.externalChange)
        app.press(.char("L"))
        XCTAssertEqual(app.state.log.verification?.ok, false, "the log grew: checked again on opening, and the change behind it is seen")
        XCTAssertEqual(app.state.log.verification?.chain.head, app.state.log.events.last?.head)
        app.press(.char("q"))
        try f.store.unsafeExecute("UPDATE comment SET intent = '\(intent.rawValue)' WHERE id = \(f.id("m5"))")
        app.press(.char("L"))
        XCTAssertEqual(app.state.log.verification?.ok, false, "the log has not grown: the earlier result stands")
        app.press(.char("v"))
        XCTAssertEqual(app.state.log.verification?.ok, true, "v checks again at will")
    }

    func testTheThreadHistorySaysWhatAStatusChangeDidAndWhy() throws {
        let f = try Fixture()
        try f.desk.claim(f.id("m6"))
        let app = f.app(size: Size(width: 120, height: 40))
        select(app, f.id("m6"))
        app.press(.enter)
        try f.desk.reply(f.id("m6"), ReplyRequest(text: "Boleh dikirim lewat DM, Kak?"))
        try f.desk.setStatus(f.id("m6"), .waitingCitizen, note: "minta nomor KK lewat DM")
        app.dispatch(.externalChange)
        app.press(.char("G"))
        let screen = app.frame().text
        XCTAssertTrue(screen.contains("sari · claimed\n") || screen.contains("sari · claimed "), screen)
        XCTAssertFalse(screen.contains("claimed → claimed"), screen)
        XCTAssertTrue(screen.contains("sari · status changed → waiting for citizen (minta nomor KK lewat DM)"), screen)
    }

    func testTheChannelFilterOffersEveryChannelOnTheDeskNotOnlyTheLoadedRows() throws {
        let f = try Fixture()
        try f.importComments([("k1", "x", "@warga_lain", nil, "Sudah selesai, terima kasih", "09:00", "@kanal_lain", nil, false)])
        try f.desk.setStatus(f.id("k1"), .closed)
        let app = f.app()
        XCTAssertFalse(app.state.queue.items.contains { $0.comment.channel == "@kanal_lain" }, "a closed comment is not in the queue")
        var offered: [String?] = []
        for _ in 0..<4 {
            app.press(.char("C"))
            offered.append(app.state.queue.filter.channel)
        }
        XCTAssertTrue(offered.contains("@kanal_lain"), "\(offered)")
    }

    func testAPlatformAnAgencyImportedIsKnownToTheCommandLineBeforeItsRowsLoad() throws {
        let f = try Fixture()
        try f.importComments([("t1", "tiktok", "@penonton", nil, "Kapan pendaftaran dibuka?", "09:10", "@diskominfo", nil, false)])
        try f.desk.setStatus(f.id("t1"), .closed)
        let app = f.app()
        XCTAssertTrue(app.state.platforms.contains(Platform(rawValue: "tiktok")), "\(app.state.platforms)")
    }

    func testOpenTakesThePlatformsOwnIdToo() throws {
        let f = try Fixture()
        let app = f.app()
        func command(_ line: String) {
            app.press(.char(":"))
            for c in line { app.press(.char(c)) }
            app.press(.enter)
        }
        command("open x:m6")
        XCTAssertEqual(app.state.screen, .thread)
        XCTAssertEqual(app.state.thread?.commentID, f.id("m6"))
        command("open x:nope")
        XCTAssertEqual(app.state.thread?.commentID, f.id("m6"), "an unknown one leaves the thread as it was")
        XCTAssertTrue(app.state.notice?.text.contains("x:nope") == true, app.state.notice?.text ?? "")
    }

    func testSomeoneElsesClaimIsExplained() throws {
        let f = try Fixture()
        let budi = f.desk.acting(as: ActorIdentity(name: "budi", login: "budi", overridden: false))
        try budi.claim(f.id("m1"))
        let app = f.app()
        select(app, f.id("m1"))
        app.press(.char("u"))
        XCTAssertEqual(app.state.notice?.kind, .info, "a supervisor may release anyone's claim")
        try budi.claim(f.id("m1"))
        app.dispatch(.externalChange)
        select(app, f.id("m1"))
        app.press(.char("c"))
        XCTAssertEqual(app.state.notice?.kind, .error)
        XCTAssertTrue(app.state.notice!.text.contains("already claimed by budi"), app.state.notice!.text)
        // On the Indonesian desk the refusal is in Indonesian.
        let indonesian = f.app(language: .id)
        select(indonesian, f.id("m1"))
        indonesian.press(.char("c"))
        XCTAssertTrue(indonesian.state.notice!.text.contains("sudah diambil oleh budi"), indonesian.state.notice!.text)
        // It is longer than the line: it wraps over the bottom of the screen rather than being cut.
        let lines = indonesian.frame().text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let statusRow = indonesian.state.size.height - 2
        XCTAssertTrue(lines[statusRow].contains("NAMA`)."), lines[(statusRow - 2)...statusRow].joined(separator: "\n"))
        XCTAssertTrue(lines[statusRow - 1].contains("Komentar"), lines[(statusRow - 2)...statusRow].joined(separator: "\n"))
    }

    func testAgentsCannotAssignAndTheCoreRefusesAnyway() throws {
        let f = try Fixture()
        let budi = f.desk.acting(as: ActorIdentity(name: "budi", login: "budi", overridden: false))
        let app = DeskApp(desk: budi, language: .en, size: Size(width: 80, height: 24),
                          isSupervisor: false)
        app.start()
        app.press(.char("a"))
        XCTAssertNil(app.state.picker)
        XCTAssertEqual(app.state.notice?.text, "Only supervisors can do that (assign).")
        // Even if the screen let it through, the core says no.
        app.dispatch(.done(Notice(.info, "")))
        let events = EffectRunner(desk: budi, language: .en).perform(.perform(.assign(f.id("m1"), to: "budi")))
        guard case .failed(let message)? = events.first else { return XCTFail("\(events)") }
        XCTAssertTrue(message.en.contains("Only a supervisor"), message.en)
        XCTAssertTrue(message.id.contains("Hanya supervisor"), message.id)
    }

    func testAnotherProcessesChangeAppearsOnThePoll() throws {
        let f = try Fixture()
        let app = f.app()
        app.pollForChanges()
        let other = Desk(store: try SQLiteStore(path: f.store.location), config: f.desk.config, clock: f.clock,
                         actor: ActorIdentity(name: "budi", login: "budi", overridden: false))
        try other.claim(f.id("m5"))
        XCTAssertNil(app.state.queue.items.first { $0.comment.id == f.id("m5") }?.comment.assignee)
        app.pollForChanges()
        XCTAssertEqual(app.state.queue.items.first { $0.comment.id == f.id("m5") }?.comment.assignee, "budi")
    }

    func testTimersTickAndTheQueueReordersWithoutAKey() throws {
        let f = try Fixture()
        let app = f.app()
        let before = app.frame().text
        XCTAssertEqual(app.state.queue.items.first { $0.comment.id == f.id("m6") }?.state, .onTrack)
        f.clock.advance(3600)
        app.dispatch(.tick(f.clock.now))
        XCTAssertNotEqual(app.frame().text, before)
        XCTAssertEqual(app.state.queue.items.first { $0.comment.id == f.id("m6") }?.state, .atRisk, "the crossing reloaded the queue")
    }

    func testDraftsAreSavedAsYouTypeAndRestored() throws {
        let f = try Fixture()
        let app = f.app()
        select(app, f.id("m2"))
        app.press(.char("r"))
        for c in "Mohon maaf 🙏" { app.press(.char(c)) }
        app.dispatch(.tick(f.clock.now))
        XCTAssertEqual(try f.desk.draft(for: f.id("m2"))?.text, "Mohon maaf 🙏")
        app.press(.escape)
        XCTAssertEqual(app.state.screen, .queue)
        let again = f.app()
        select(again, f.id("m2"))
        again.press(.char("r"))
        XCTAssertEqual(again.state.composer?.editor.text, "Mohon maaf 🙏")
        XCTAssertEqual(again.state.notice?.text, "Your earlier draft was restored.")
    }

    func testTheExternalEditorGetsAndReturnsTheDraft() throws {
        let f = try Fixture()
        let app = f.app()
        var seen: String?
        app.editText = { text in
            seen = text
            return text + " — diperbarui di editor\n"
        }
        app.press(.char("r"))
        for c in "Halo" { app.press(.char(c)) }
        app.press(.ctrl("e"))
        XCTAssertEqual(seen, "Halo")
        XCTAssertEqual(app.state.composer?.editor.text, "Halo — diperbarui di editor")
        app.editText = { _ in throw ExternalEditor.Failure(description: "nano: not found") }
        app.press(.ctrl("e"))
        XCTAssertEqual(app.state.composer?.editor.text, "Halo — diperbarui di editor")
        XCTAssertTrue(app.state.notice?.text.contains("nano: not found") ?? false)
    }

    func testSendingFromASuggestionRecordsTheTemplateAndMeetsTheClock() throws {
        let f = try Fixture(reviewer: FixtureReviewer())
        let app = f.app()
        select(app, f.id("m1"))
        app.press(.char("r"))
        app.press(.ctrl("t"))
        app.press(.ctrl("d"))
        XCTAssertEqual(app.state.review?.review?.findings, [])
        app.press(.char("y"))
        XCTAssertEqual(app.state.screen, .queue)
        let replies = try f.store.read { try $0.replies(commentID: f.id("m1")) }
        XCTAssertEqual(replies.count, 1)
        XCTAssertEqual(replies.first?.templateID, "id.ack.complaint")
        XCTAssertEqual(replies.first?.templateVersion, 2)
        XCTAssertTrue(replies.first!.text.hasPrefix("Terima kasih atas laporannya, Kak. Laporan MJ-"))
        let event = try XCTUnwrap(f.store.read { try $0.lastEvent() })
        XCTAssertEqual(event.action, "reply")
        XCTAssertEqual(try comment(f, "m1").status, .replied)
        XCTAssertNotNil(try comment(f, "m1").sla.respondedAt)
        XCTAssertNil(app.state.queue.items.first { $0.comment.id == f.id("m1") }, "a replied comment leaves the default queue")
        XCTAssertEqual(try f.desk.draft(for: f.id("m1"))?.text ?? "", "", "the draft is gone once sent")
    }

    func testTheReviewNamesTheOtherCommentsTheReplyAnswers() throws {
        let f = try Fixture(reviewer: FixtureReviewer())
        try f.importComments([("w1", "x", "@warga_baru", nil, "Lampu jalan di Gang Mawar mati", "08:00", "@diskominfo", "t9", false),
                              ("w2", "x", "@warga_baru", nil, "Halo min, ada kabar?", "08:30", "@diskominfo", "t9", false)])
        try f.desk.acting(as: ActorIdentity(name: "budi", login: "budi", overridden: false)).claim(f.id("w1"))
        let app = f.app(size: Size(width: 120, height: 40))
        select(app, f.id("w2"))
        app.press(.char("r"))
        app.dispatch(.typed("Terima kasih, Kak. Kami teruskan ke petugas PJU."))
        app.press(.ctrl("d"))
        XCTAssertEqual(app.state.review?.alsoAnswers.map(\.id), [f.id("w1")])
        let screen = app.frame().text
        XCTAssertTrue(screen.contains("Also answers (the same citizen, this conversation; they leave the queue)"), screen)
        XCTAssertTrue(screen.contains("#\(f.id("w1")) · held by budi · Lampu jalan di Gang Mawar mati"), screen)
        app.press(.char("y"))
        XCTAssertEqual(try comment(f, "w1").status, .replied, "as the review said")
    }

    func testABlockedReplyNeedsAnOverrideReasonThatIsLogged() throws {
        let f = try Fixture(reviewer: FixtureReviewer())
        let app = f.app()
        review(app, f.id("m6"), "NIK Bapak 3201234567890001 sudah kami cek")
        app.press(.char("y"))
        XCTAssertEqual(app.state.prompt?.kind, .overrideReason)
        // A throwaway reason is refused, and the reply is not lost.
        app.dispatch(.typed("ok"))
        app.press(.enter)
        XCTAssertTrue(try f.store.read { try $0.replies(commentID: f.id("m6")) }.isEmpty)
        XCTAssertTrue(app.frame().text.contains("two different words"), app.frame().text)
        XCTAssertEqual(app.state.prompt?.kind, .overrideReason, "asked again")
        XCTAssertEqual(app.state.prompt?.field.text, "ok", "kept to edit")
        app.press(.backspace)
        app.press(.backspace)
        app.dispatch(.typed("mengutip kata warga"))
        app.press(.enter)
        let reply = try XCTUnwrap(f.store.read { try $0.replies(commentID: f.id("m6")) }.first)
        XCTAssertEqual(reply.overrideReason, "mengutip kata warga")
        let event = try XCTUnwrap(f.store.read { try $0.lastEvent() })
        XCTAssertEqual(event.action, "reply")
        XCTAssertEqual(event.payloadValue["override_reason"]?.stringValue, "mengutip kata warga")
        XCTAssertTrue(LogView.subject(event).hasPrefix("\(f.id("m6")) ⚠ override=mengutip kata warga "), "the log screen shows it: \(LogView.subject(event))")
        XCTAssertEqual(Strings(.id).action("reply"), "dibalas")
        XCTAssertEqual(Strings(.en).action("reply"), "replied")
    }

    func testAColleaguesAnswerWhileWritingIsShownAndNeedsAReasonThatKnowsIt() throws {
        let f = try Fixture(reviewer: FixtureReviewer())
        let budi = f.desk.acting(as: ActorIdentity(name: "budi", login: "budi", overridden: false))
        let app = f.app(size: Size(width: 120, height: 40))
        let replies = { try f.store.read { try $0.replies(commentID: f.id("m6")) } }
        // budi answers while sari writes: her review says so, quoting him, before she sends.
        select(app, f.id("m6"))
        app.press(.char("r"))
        app.dispatch(.typed("Terima kasih, Kak. Kami cek dulu ya."))
        try budi.reply(f.id("m6"), ReplyRequest(text: "Sudah kami teruskan ke petugas."))
        app.press(.ctrl("d"))
        XCTAssertEqual(app.state.review?.review?.blocking.map(\.code), [.answeredMeanwhile])
        XCTAssertTrue(app.frame().text.contains("budi answered this comment"), app.frame().text)
        app.press(.char("y"))
        XCTAssertEqual(app.state.prompt?.kind, .overrideReason, "sending it anyway takes a reason")
        app.dispatch(.typed("menambah janji cek lapangan"))
        app.press(.enter)
        XCTAssertEqual(try replies().map(\.author), ["budi", "sari"])
        XCTAssertEqual(try replies().last?.overrideReason, "menambah janji cek lapangan")

        // The review was clean when opened; budi's answer lands before she presses send: refused, the review shows it.
        review(app, f.id("m5"), "Baik, Kak, kami catat.")
        XCTAssertEqual(app.state.review?.review?.blocking, [])
        try budi.reply(f.id("m5"), ReplyRequest(text: "Terima kasih, sudah kami catat."))
        app.press(.char("y"))
        XCTAssertEqual(try f.store.read { try $0.replies(commentID: f.id("m5")) }.map(\.author), ["budi"], "not sent")
        XCTAssertEqual(app.state.screen, .review)
        XCTAssertEqual(app.state.review?.review?.blocking.map(\.code), [.answeredMeanwhile], "the review is checked again")
        XCTAssertEqual(app.state.notice?.kind, .error)
        let refusal = app.state.notice?.text ?? ""
        XCTAssertEqual(refusal, "Not sent, new findings: answered_meanwhile. y sends with a reason, e edits.")
        XCTAssertFalse(refusal.contains("--override-reason"), "the desk's own way to go on, not the command line's: \(refusal)")
        app.press(.escape)
        app.press(.escape)

        // A reason given for another finding does not answer an answer that lands after it.
        review(app, f.id("m4"), "NIK 3201234567890001 tercatat di laporan Kakak")
        app.press(.char("y"))
        XCTAssertEqual(app.state.prompt?.kind, .overrideReason)
        try budi.reply(f.id("m4"), ReplyRequest(text: "Kami hubungi lewat DM ya."))
        app.dispatch(.typed("mengutip kata warga"))
        app.press(.enter)
        XCTAssertEqual(try f.store.read { try $0.replies(commentID: f.id("m4")) }.count, 1, "refused: the reason was not written for budi's answer")
        XCTAssertEqual(Set(app.state.review?.review?.blocking.map(\.code) ?? []), [.answeredMeanwhile, .personalData])
        XCTAssertNil(app.state.review?.request.overrideReason, "asked for again")
        app.press(.char("y"))
        XCTAssertEqual(app.state.prompt?.kind, .overrideReason)
        XCTAssertEqual(app.state.prompt?.field.text, "mengutip kata warga; ", "the reason given before is typed on, not lost")
        app.dispatch(.typed("jawaban budi belum menyebutnya"))
        app.press(.enter)
        XCTAssertEqual(try f.store.read { try $0.replies(commentID: f.id("m4")) }.last?.overrideReason,
                       "mengutip kata warga; jawaban budi belum menyebutnya")
        XCTAssertEqual(try f.store.read { try $0.replies(commentID: f.id("m4")) }.map(\.author), ["budi", "sari"])
        app.press(.escape)

        // A finding that appears while a reason is typed is not what the reason was written for.
        review(app, f.id("m2"), "NIK 3201234567890001 sudah kami catat")
        app.press(.char("y"))
        app.dispatch(.typed("mengutip laporan warga"))
        try budi.reply(f.id("m2"), ReplyRequest(text: "Pompa air sedang dikirim."))
        app.dispatch(.externalChange)
        XCTAssertEqual(app.state.prompt?.kind, .overrideReason, "still typing")
        app.press(.enter)
        XCTAssertEqual(try f.store.read { try $0.replies(commentID: f.id("m2")) }.count, 1, "refused: the reason was begun before budi's answer")
        app.press(.char("y"))
        app.press(.enter)
        XCTAssertEqual(app.state.notice?.text, "Add why the new finding is overridden; the earlier reason alone does not answer it.")
        app.dispatch(.typed("pompa sudah dikirim, NIK untuk verifikasi"))
        app.press(.enter)
        XCTAssertEqual(try f.store.read { try $0.replies(commentID: f.id("m2")) }.last?.overrideReason,
                       "mengutip laporan warga; pompa sudah dikirim, NIK untuk verifikasi")
        app.press(.escape)

        // A review on screen is checked again when the record changes: the answer shows before anyone presses send.
        review(app, f.id("m3"), "Terima kasih, Kak.")
        XCTAssertEqual(app.state.review?.review?.blocking, [])
        try budi.reply(f.id("m3"), ReplyRequest(text: "Sudah kami catat, Kak."))
        app.dispatch(.externalChange)
        XCTAssertEqual(app.state.review?.review?.blocking.map(\.code), [.answeredMeanwhile])
        XCTAssertTrue(app.frame().text.contains("budi answered this comment"), app.frame().text)
        // Answered, it left the queue: leaving the draft says which comment it is for, not "this comment".
        XCTAssertFalse(app.frame().text.contains("Ready"), "answered meanwhile: not ready to send")
        app.press(.char("e"))
        XCTAssertTrue(app.frame().text.contains("✓ already answered"), "the composer's header says so too:\n\(app.frame().text)")
        app.press(.escape)
        XCTAssertEqual(app.state.screen, .queue)
        XCTAssertEqual(app.state.notice?.text, "Draft for #\(f.id("m3")) kept; that comment is no longer in this list (:status all or / finds it).")
    }

    func testWhatTheDeskReportsBackFollowsItsLanguage() throws {
        let f = try Fixture()
        let app = f.app(size: Size(width: 120, height: 40), supervisor: false)
        app.press(.char(":"))
        app.dispatch(.typed("lang id"))
        app.press(.enter)
        select(app, f.id("m6"))
        app.press(.char("c"))
        XCTAssertEqual(app.state.notice?.text, "#\(f.id("m6")) kini Anda pegang.", "the claim is reported in the language switched to")
    }

    func testTheFooterOffersAnAgentWhatTheSweepEscalatedButNotWhatAPersonDid() throws {
        let f = try Fixture()
        try f.desk.escalate(f.id("m6"), reason: "ancaman hukum")
        try f.desk.acting(as: .system).escalate(f.id("m5"), reason: "breach past the grace")
        let budi = f.desk.acting(as: ActorIdentity(name: "budi", login: "budi", overridden: false))
        let app = DeskApp(desk: budi, keys: .defaults, assistant: FixtureAssistant(), language: .en, size: Size(width: 120, height: 40), isSupervisor: false)
        app.start()
        select(app, f.id("m6"))
        var offered = Chrome.hints(app.state, keys: .defaults).map(\.1)
        XCTAssertFalse(offered.contains("claim") || offered.contains("reply"), "a person's escalation is the supervisors': \(offered)")
        select(app, f.id("m5"))
        offered = Chrome.hints(app.state, keys: .defaults).map(\.1)
        XCTAssertTrue(offered.contains("claim") && offered.contains("reply"), "the sweep's leaves it open to her: \(offered)")
        app.press(.char("c"))
        let taken = try f.desk.detail(id: f.id("m5")).comment
        XCTAssertEqual(taken.assignee, "budi", "claimed from the footer's offer")
        XCTAssertEqual(taken.status, .escalated, "still escalated, for the supervisors to see")
    }

    func testADraftOnACommentSomeoneElseNowHoldsCanStillBeRead() throws {
        let f = try Fixture()
        let app = f.app(size: Size(width: 120, height: 40), supervisor: false)
        select(app, f.id("m6"))
        app.press(.char("r"))
        app.dispatch(.typed("Cara daftar KTP-el: bawa KK ke kantor kecamatan."))
        app.press(.escape)
        try f.desk.acting(as: ActorIdentity(name: "budi", login: "budi", overridden: false)).claim(f.id("m6"))
        app.dispatch(.externalChange)
        select(app, f.id("m6"))
        app.press(.char("r"))
        XCTAssertNotEqual(app.state.screen, .composer, "held by budi: not hers to answer")
        app.press(.enter)
        let screen = app.frame().text
        XCTAssertTrue(screen.contains("Your draft (not sent)") && screen.contains("Cara daftar KTP-el: bawa KK ke kantor kecamatan."),
                      "her words are not stranded:\n\(screen)")
        let offered = Chrome.hints(app.state, keys: .defaults).map(\.1)
        XCTAssertFalse(offered.contains("reply") || offered.contains("claim"), "budi's to answer: not offered to her: \(offered)")
        app.press(.char("q"))
        XCTAssertTrue(Chrome.hints(app.state, keys: .defaults).map(\.1).contains("open"))
        // A supervisor may answer it but not claim it from budi (they assign instead): offered the one, not the other.
        let supervisor = f.app(size: Size(width: 120, height: 40), supervisor: true)
        select(supervisor, f.id("m6"))
        let offeredToSupervisor = Chrome.hints(supervisor.state, keys: .defaults).map(\.1)
        XCTAssertTrue(offeredToSupervisor.contains("reply") && !offeredToSupervisor.contains("claim"), "\(offeredToSupervisor)")
        supervisor.press(.char("c"))
        XCTAssertEqual(supervisor.state.notice?.kind, .error, "claiming budi's comment is refused, as the footer implied")
        // Answering it is the supervisor's to do, and the review says whose comment it is before sending.
        review(supervisor, f.id("m6"), "Syaratnya KK dan surat pengantar, Kak.")
        XCTAssertTrue(supervisor.frame().text.contains("Held by budi: your reply answers it in their place"), supervisor.frame().text)
        XCTAssertFalse(app.frame().text.contains("in their place"))

        // Taken while her review is open: the review says so before she presses y, and y sends nothing.
        review(app, f.id("m5"), "Terima kasih, Kak.")
        XCTAssertTrue(app.frame().text.contains("Ready"))
        try f.desk.acting(as: ActorIdentity(name: "budi", login: "budi", overridden: false)).claim(f.id("m5"))
        app.dispatch(.externalChange)
        XCTAssertTrue(app.frame().text.contains("budi"), app.frame().text)
        XCTAssertFalse(app.frame().text.contains("Ready"), app.frame().text)
        app.press(.char("y"))
        XCTAssertTrue(try f.store.read { try $0.replies(commentID: f.id("m5")) }.isEmpty)
        XCTAssertEqual(app.state.notice?.kind, .error)
    }

    func testAssignSetStatusAndEscalateThroughPickersAndPrompts() throws {
        let f = try Fixture()
        let app = f.app()
        select(app, f.id("m4"))
        app.press(.char("a"))
        XCTAssertEqual(app.state.picker?.options.map(\.value), ["budi", "sari"])
        app.press(.enter)
        XCTAssertEqual(try comment(f, "m4").assignee, "budi")

        select(app, f.id("m5"))
        app.press(.char("s"))
        app.press(.char("j"))
        app.press(.enter)
        XCTAssertEqual(try comment(f, "m5").status, .closed)

        select(app, f.id("m3"))
        app.press(.char("E"))
        app.dispatch(.typed("ancaman"))
        app.press(.enter)
        XCTAssertEqual(try comment(f, "m3").status, .escalated)
        XCTAssertEqual(try f.store.read { try $0.lastEvent() }?.payloadValue["reason"]?.stringValue, "ancaman")
    }

    func testCorrectingTheIntentSaysTheStandardAndWhetherItHasBreachedAlready() throws {
        let f = try Fixture()
        let app = f.app()
        // Written at 08:20 and not answered: due 10:20 as any comment, but as a complaint its hour ran out at 09:20.
        select(app, f.id("m4"))
        app.press(.char("I"))
        let picker = try XCTUnwrap(app.state.picker)
        XCTAssertEqual(picker.options.map(\.value), Intent.allCases.map(\.rawValue), "every intent, in one order for every comment")
        let current = try XCTUnwrap(try comment(f, "m4").intent)
        XCTAssertEqual(picker.options[picker.cursor.selected].value, current.rawValue, "the current intent under the cursor")
        XCTAssertTrue(picker.options[picker.cursor.selected].label.hasSuffix("✓"))
        let complaint = try XCTUnwrap(picker.options.firstIndex { $0.value == "complaint" })
        let steps = complaint - picker.cursor.selected
        for _ in 0..<abs(steps) { app.press(.char(steps > 0 ? "j" : "k")) }
        app.press(.enter)
        XCTAssertEqual(try comment(f, "m4").intent, .complaint)
        XCTAssertEqual(app.state.notice?.text, "#\(f.id("m4"))'s intent is now complaint: measured under the complaints standard from its arrival, breached since 1 Dec 09:20.")
        // Enter on the current intent closes the picker and changes nothing.
        let events = try f.store.read { try $0.lastEvent()?.seq }
        app.press(.char("I"))
        app.press(.enter)
        XCTAssertNil(app.state.picker)
        XCTAssertEqual(try f.store.read { try $0.lastEvent()?.seq }, events)
        XCTAssertEqual(try comment(f, "m4").intent, .complaint)
        // Written at 09:30: due 10:30, still ahead.
        select(app, f.id("m6"))
        app.press(.char("I"))
        let again = try XCTUnwrap(app.state.picker?.options.firstIndex { $0.value == "complaint" })
        for _ in 0..<again { app.press(.char("j")) }
        app.press(.enter)
        XCTAssertEqual(app.state.notice?.text, "#\(f.id("m6"))'s intent is now complaint: measured under the complaints standard from its arrival, due 1 Dec 10:30.")
    }

    func testBoardsFromTheirKeys() throws {
        let f = try Fixture()
        let app = f.app()
        app.press(.char("o"))
        XCTAssertEqual(app.state.screen, .overdue)
        XCTAssertEqual(Set(app.state.overdue.items.map(\.comment.externalID)), ["m1", "m2", "m3", "m4"])
        app.press(.char("E"))
        app.press(.enter)
        XCTAssertEqual(app.state.overdue.items.first { $0.comment.status == .escalated }.map { _ in true }, true)
        app.press(.enter)
        XCTAssertEqual(app.state.screen, .thread)
        app.press(.char("q"))
        app.press(.char("q"))
        app.press(.char("P"))
        XCTAssertEqual(app.state.screen, .passedOver)
        XCTAssertTrue(app.state.passedOver.loaded)
    }

    func testLogViewShowsTampering() throws {
        let f = try Fixture()
        let app = f.app()
        app.press(.char("L"))
        XCTAssertEqual(app.state.log.verification?.ok, true)
        XCTAssertTrue(app.frame().text.contains("Log chain intact"))
        // An attacker with the file: drops the append-only guard and edits an event.
        f.tamperedWith = true
        try f.store.unsafeExecute("DROP TRIGGER event_append_only_update; UPDATE event SET payload = '{}' WHERE seq = 3")
        app.press(.char("v"))
        XCTAssertEqual(app.state.log.verification?.chain.failure?.seq, 3)
        XCTAssertTrue(app.frame().text.contains("BROKEN at #3"), app.frame().text)
    }

    func testTheLogScreenSaysWhenOnlyTheNewestEventsAreShown() throws {
        let f = try Fixture()
        let app = f.app(size: Size(width: 160, height: 30))
        app.press(.char("L"))
        XCTAssertFalse(app.frame().text.contains("newest"), "the whole log is on the screen")
        try f.store.write { tx in
            for _ in 0..<1_000 { _ = try tx.append(EventDraft(.export, subject: "", payload: ["format": "jsonl"]), actor: "sari", at: Fixture.now) }
        }
        app.press(.char("v"))
        let last = try XCTUnwrap(try f.store.read { try $0.lastEvent() }?.seq)
        XCTAssertTrue(app.frame().text.contains("newest 1000 of \(last) (all: meja log show/export)"), app.frame().text)
        // At 100 columns the note is shortened, never cut inside the number.
        app.dispatch(.resized(Size(width: 100, height: 30)))
        let status = try XCTUnwrap(app.frame().text.split(separator: "\n").first { $0.contains("newest") })
        XCTAssertTrue(status.contains("newest 1000 of \(last)"), String(status))
    }

    func testTheLogScreenWarnsOfEventsDatedBeforeTheirPredecessor() throws {
        let f = try Fixture()
        let app = f.app(size: Size(width: 160, height: 30))
        app.press(.char("L"))
        XCTAssertFalse(app.frame().text.contains("dated before"), app.frame().text)
        // Written as a Meja older than the rule "times never go back" could have, with a clock set back a day.
        let seq = try f.store.write { tx in
            try tx.append(EventDraft(.export, subject: "", payload: ["format": "jsonl"]), actor: "sari", at: Fixture.now.addingTimeInterval(-86_400)).seq
        }
        app.press(.char("v"))
        XCTAssertEqual(app.state.log.verification?.chain.ok, true, "a warning, not a broken chain")
        XCTAssertTrue(app.frame().text.contains("events dated before the event before them: 1 (first #\(seq))"), app.frame().text)
    }

    func testLogViewShowsTablesChangedBehindTheLog() throws {
        let f = try Fixture()
        let app = f.app()
        app.press(.char("L"))
        XCTAssertTrue(app.frame().text.contains("7 events, desk agrees"), app.frame().text)
        // The chain stays intact; a status is changed in the table, which writes no event.
        f.tamperedWith = true
        let id = try XCTUnwrap(f.desk.queue(limit: 1).first?.comment.id)
        try f.store.unsafeExecute("UPDATE comment SET status = 'spam', active = 0 WHERE id = \(id)")
        app.press(.char("v"))
        XCTAssertEqual(app.state.log.verification?.chain.ok, true)
        XCTAssertEqual(app.state.log.verification?.state.disagreementCount, 2, "its status, and so its place in the queue")
        let wide = f.app(size: Size(width: 160, height: 30))
        wide.press(.char("L"))
        XCTAssertTrue(wide.frame().text.contains("DESK ≠ LOG, 2 changed outside Meja (all: meja log verify): comment #\(id) status: spam on the desk"),
                      wide.frame().text)
    }

    func testTheRealAssistantSuggestsShippedTemplatesAndRatesTone() throws {
        let f = try Fixture()
        let assistant = ReplyAssistant(desk: f.desk, library: ReplyAssistant.loadLibrary().library)
        let app = f.app(assistant: assistant)
        select(app, f.id("m2"))
        app.press(.enter)
        XCTAssertNotNil(app.state.thread?.tone, "the thread view shows the tone verdict")
        XCTAssertTrue(app.frame().text.contains("Tone"))
        app.press(.char("r"))
        let suggestions = try XCTUnwrap(app.state.composer?.suggestions)
        XCTAssertFalse(suggestions.isEmpty, "shipped templates fit a flood complaint")
        XCTAssertLessThanOrEqual(suggestions.count, 5)
        XCTAssertTrue(suggestions.allSatisfy { $0.humor == .none }, "no humour for a disaster complaint")
        app.press(.ctrl("t"))
        XCTAssertEqual(app.state.composer?.editor.text, suggestions[0].text)
        XCTAssertEqual(app.state.composer?.templateID, suggestions[0].templateID)
    }

    /// Suggestions that arrive only when the test lets them.
    struct GatedAssistant: DeskAssistant {
        let gate: DispatchSemaphore
        func verdict(for comment: Comment) -> ToneVerdict { FixtureAssistant().verdict(for: comment) }
        func suggestions(for commentID: Int64, limit: Int) throws -> [Suggestion] {
            gate.wait()
            return try FixtureAssistant().suggestions(for: commentID, limit: limit)
        }
        func templateBody(id: String) -> String? { nil }
    }

    func testASlowLoadNeverHoldsTheKeyboard() throws {
        let f = try Fixture()
        let gate = DispatchSemaphore(value: 0)
        let app = DeskApp(desk: f.desk, assistant: GatedAssistant(gate: gate), language: .en, size: Size(width: 80, height: 24),
                          isSupervisor: true)
        app.loading = .responsive(budget: 0.001)
        app.start()
        XCTAssertEqual(app.state.queue.items.count, 7, "the first frame has its rows")
        app.press(.char("r"))
        XCTAssertEqual(app.state.screen, .composer, "the composer opens while suggestions are still coming")
        XCTAssertEqual(app.state.composer?.suggestions.count, 0)
        for c in "Halo" { app.press(.char(c)) }
        XCTAssertEqual(app.state.composer?.editor.text, "Halo", "typing goes on meanwhile")
        gate.signal()
        app.settle()
        XCTAssertEqual(app.state.composer?.suggestions.count, 3)
        XCTAssertTrue(app.frame().text.contains("Terima kasih, diteruskan"))
    }

    // MARK: Reports

    /// The value beside `label` on the screen as drawn (the report's key-value rows).
    private func shown(_ app: DeskApp, _ label: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        let row = app.frame().text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label + " ") }
        XCTAssertNotNil(row, "no \(label) on the screen:\n\(app.frame().text)", file: file, line: line)
        return row?.split(separator: " ").last.map(String.init)
    }

    private func statusLine(_ app: DeskApp) -> String {
        String(app.frame().text.split(separator: "\n", omittingEmptySubsequences: false)[app.state.size.height - 2])
    }

    func testTheIndonesianDeskShowsTheReportInIndonesianAndThePublicOneInBoth() throws {
        let f = try Fixture(history: true)
        let app = f.app(size: Size(width: 120, height: 40), language: .id)
        app.press(.char("R"))
        XCTAssertEqual(shown(app, "Komentar masuk"), "13")
        XCTAssertEqual(shown(app, "Dijawab langsung di platform"), "6")
        XCTAssertFalse(app.frame().text.contains("Comments received"), app.frame().text)
        app.press(.char("p"))
        XCTAssertTrue(app.frame().text.contains("Komentar masuk / Comments received"), app.frame().text)
        app.press(.char("p"))
        XCTAssertEqual(shown(app, "Komentar masuk"), "13", "back to the supervisors' report, still in Indonesian")
    }

    func testMovingThePeriodChangesTheFiguresShown() throws {
        let f = try Fixture(history: true)
        let app = f.app(size: Size(width: 120, height: 40))
        app.press(.char("R"))
        XCTAssertEqual(app.state.screen, .reports)
        // 4 Nov – 1 Dec: the fixture's seven comments of 1 December and six of the history; not h1 (2 November).
        XCTAssertTrue(statusLine(app).contains("period 4 Nov – 1 Dec 2026"), statusLine(app))
        XCTAssertEqual(shown(app, "Comments received"), "13")
        XCTAssertEqual(shown(app, "Answered on the platform"), "6")
        XCTAssertEqual(shown(app, "Awaiting an answer"), "7")
        app.press(.char("h"))
        // 28 Oct – 24 Nov: h1 to h6; not 26 November's h7 nor anything of 1 December.
        XCTAssertTrue(statusLine(app).contains("period 28 Oct – 24 Nov 2026"), statusLine(app))
        XCTAssertTrue(statusLine(app).contains("1 week earlier"), statusLine(app))
        XCTAssertEqual(shown(app, "Comments received"), "6")
        XCTAssertEqual(shown(app, "Answered on the platform"), "6")
        XCTAssertEqual(shown(app, "Awaiting an answer"), "0", "as of 24 November everything had been answered")
        app.press(.left)
        // 21 Oct – 17 Nov: h1 to h4.
        XCTAssertEqual(shown(app, "Comments received"), "4")
        app.press(.right)
        app.press(.char("l"))
        XCTAssertEqual(shown(app, "Comments received"), "13")
        app.press(.char("l"))
        XCTAssertEqual(app.state.notice?.text, "This is the latest period: it ends today.")
        XCTAssertEqual(shown(app, "Comments received"), "13")
        app.press(.char("q"))
        XCTAssertEqual(app.state.screen, .queue)
    }

    func testThePublicViewNamesNoStaffAndEndsWithTheLogHead() throws {
        let f = try Fixture(history: true)
        let app = f.app(size: Size(width: 120, height: 40))
        app.press(.char("R"))
        func everything() -> String { ReportsView.document(app.state).lines.map { $0.pieces.map(\.text).joined() }.joined(separator: "\n") }
        XCTAssertTrue(everything().contains("Budi Santoso") || everything().contains("budi"), "the supervisors' report has the staff table")
        app.press(.char("p"))
        XCTAssertFalse(everything().contains("budi"), everything())
        XCTAssertFalse(everything().contains("@pak_rw"))
        let head = try XCTUnwrap(app.state.reports.report?.logHead)
        app.press(.char("G"))
        XCTAssertTrue(app.frame().text.replacingOccurrences(of: "\n", with: "").contains(String(head.prefix(20))), app.frame().text)
        XCTAssertTrue(statusLine(app).contains("public view"))
        app.press(.char("p"))
        XCTAssertEqual(app.state.reports.audience, .supervisors)
    }

    func testRefreshComputesAgainAndReopeningStartsFromToday() throws {
        let f = try Fixture()
        let app = f.app()
        app.press(.char("R"))
        XCTAssertEqual(shown(app, "Comments received"), "7")
        try f.importComments([("n1", "x", "@baru", nil, "Ada info vaksin?", "09:55", "@diskominfo", nil, false)])
        app.press(.char("h"))
        app.press(.char("l"))
        XCTAssertEqual(shown(app, "Comments received"), "7", "a report computed on this screen is shown again as it was")
        app.press(.ctrl("l"))
        XCTAssertEqual(shown(app, "Comments received"), "8", "refresh computes it again")
        app.press(.char("h"))
        app.press(.char("q"))
        app.press(.char("R"))
        XCTAssertEqual(app.state.reports.periodOffset, 0)
        XCTAssertTrue(statusLine(app).contains("period 4 Nov – 1 Dec 2026"), statusLine(app))
    }

    func testAgentsNeverReachTheReports() throws {
        let f = try Fixture()
        let app = f.app(supervisor: false)
        app.press(.char("R"))
        XCTAssertEqual(app.state.screen, .queue)
        XCTAssertEqual(app.state.notice?.text, "Only supervisors can do that (reports).")
        app.press(.char(":"))
        for c in "laporan" { app.press(.char(c)) }
        app.press(.enter)
        XCTAssertEqual(app.state.screen, .queue)
        XCTAssertNil(app.state.reports.period, "nothing was computed")
        XCTAssertFalse(app.frame().text.contains("R reports"))
    }

    /// A store whose next read, once armed, waits until the test opens the gate: a report that takes as long as
    /// the test wants.
    final class GatedStore: DeskStore, @unchecked Sendable {
        let inner: SQLiteStore
        let gate = DispatchSemaphore(value: 0)
        /// Signalled when the armed read has reached the gate.
        let reached = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var armed = false

        init(_ inner: SQLiteStore) { self.inner = inner }

        var location: String { inner.location }
        func arm() { lock.withLock { armed = true } }
        func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
            let wait = lock.withLock { () -> Bool in
                defer { armed = false }
                return armed
            }
            if wait {
                reached.signal()
                gate.wait()
            }
            return try inner.read(body)
        }
        func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T { try inner.write(body) }
        func refreshStatistics() throws { try inner.refreshStatistics() }
    }

    func testAReportBeingComputedNeverHoldsTheKeyboardNorTheOtherLoads() throws {
        let f = try Fixture()
        let store = GatedStore(f.store)
        let desk = Desk(store: store, config: f.desk.config, clock: f.clock, actor: f.desk.actor)
        let app = DeskApp(desk: desk, assistant: FixtureAssistant(), language: .en, size: Size(width: 80, height: 24), isSupervisor: true)
        app.loading = .responsive(budget: 0.001)
        app.start()
        app.settle()  // nothing else is in flight, so the next read is the report's
        store.arm()
        app.press(.char("R"))
        XCTAssertEqual(store.reached.wait(timeout: .now() + 30), .success, "the report's read reached the gate")
        XCTAssertEqual(app.state.screen, .reports, "the screen opens while the report is computed")
        XCTAssertTrue(app.state.reports.isComputing)
        XCTAssertTrue(app.frame().text.contains("Computing the report for 4 Nov – 1 Dec 2026…"), app.frame().text)
        XCTAssertTrue(statusLine(app).contains("period 4 Nov – 1 Dec 2026"))
        // Keys go on meanwhile: help, a week back and forth, back to the queue and down it.
        app.press(.char("?"))
        XCTAssertNotNil(app.state.help)
        app.press(.char("q"))
        app.press(.char("h"))
        XCTAssertTrue(statusLine(app).contains("period 28 Oct – 24 Nov 2026"))
        app.press(.char("l"))
        app.press(.char("q"))
        XCTAssertEqual(app.state.screen, .queue)
        app.press(.char("j"))
        XCTAssertEqual(app.state.queue.cursor.selected, 1)
        // The queue's own loads do not queue up behind the report.
        app.press(.ctrl("l"))
        for _ in 0..<1000 where app.state.queue.loading {
            app.drain()
            usleep(10_000)
        }
        XCTAssertFalse(app.state.queue.loading, "the queue reloaded while the report was still being computed")
        XCTAssertTrue(app.state.reports.report == nil)
        store.gate.signal()
        app.settle()
        app.press(.char("R"))
        app.settle()
        XCTAssertEqual(shown(app, "Comments received"), "7")
    }

    func testBenchHooks() throws {
        let f = try Fixture()
        let first = DeskBench.firstFrame(desk: f.desk)
        XCTAssertTrue(first.grid.text.contains("@warga_rt05"), "the first frame has the queue's rows")
        XCTAssertGreaterThan(first.milliseconds, 0)
        let latencies = DeskBench.keypressLatencies(desk: f.desk, rounds: 2)
        XCTAssertEqual(latencies.count, DeskBench.script.count * 2)
        XCTAssertEqual(DeskBench.percentile([1, 2, 3, 4, 100], 99), 100)
    }
}
