import DeskCore
import XCTest

final class DeskActionTests: XCTestCase {
    func testACitizensEarlierCommentsAreFoundBehindTenLaterOnes() throws {
        let t = try TestDesk()
        try t.importRecords((0..<14).map { i in record("c\(i)", at: String(format: "2026-12-01T08:%02d:00+07:00", i)) })
        let detail = try t.desk.detail(id: try t.comment(.x, "c2").id)
        XCTAssertEqual(detail.otherByAuthor.map(\.externalID), (4..<14).reversed().map { "c\($0)" }, "the ten newest others")
        XCTAssertEqual(detail.earlierByAuthor.map(\.externalID), ["c1", "c0"], "written before it, newest first")
    }

    func testAHandleWithOrWithoutItsAtSignIsOneCitizen() throws {
        let t = try TestDesk()
        try t.importRecords([record("a", at: "2026-12-01T08:00:00+07:00", author: "@fajar.putra"),
                             record("b", at: "2026-12-01T08:05:00+07:00", author: "fajar.putra")])
        XCTAssertEqual(try t.comment(.x, "a").author.handle, "fajar.putra")
        XCTAssertEqual(try t.desk.detail(id: try t.comment(.x, "b").id).earlierByAuthor.map(\.externalID), ["a"])
        XCTAssertEqual(Author(handle: "@warga@kota.social").handle, "warga@kota.social", "a Mastodon address keeps its own @")
        XCTAssertEqual(Author(handle: "@").handle, "@", "nothing but the sign is left alone")
    }

    func testStatusTransitionsAreEnforcedInTheCore() throws {
        let t = try TestDesk()
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00")])
        let id = try t.comment(.x, "1").id
        try t.desk.setStatus(id, .closed)
        XCTAssertThrowsError(try t.desk.setStatus(id, .waitingCitizen)) {
            XCTAssertEqual($0 as? DeskError, .illegalTransition(from: .closed, to: .waitingCitizen))
        }
        XCTAssertThrowsError(try t.desk.claim(id)) { XCTAssertEqual($0 as? DeskError, .illegalTransition(from: .closed, to: .claimed)) }
        try t.desk.setStatus(id, .open)
        XCTAssertEqual(try t.comment(.x, "1").status, .open)
        // Closed while someone held it: anyone else is told it is closed, not who held it last.
        try t.addStaff(["dewi", "budi"])
        try t.as("dewi").claim(id)
        try t.as("dewi").setStatus(id, .closed)
        XCTAssertThrowsError(try t.as("budi").claim(id)) { XCTAssertEqual($0 as? DeskError, .illegalTransition(from: .closed, to: .claimed)) }
        try t.desk.setStatus(id, .open)
        XCTAssertThrowsError(try t.desk.setStatus(id, .replied), "replied is reached by recording a reply")
        XCTAssertFalse(CommentStatus.closed.canMove(to: .replied))
        XCTAssertTrue(CommentStatus.new.canMove(to: .spam))
    }

    func testWhatArrivesNeedingSomeoneAtOnceIsFoundAfterTheLastLook() throws {
        let t = try TestDesk()
        try t.importRecords([record("a", at: "2026-12-01T09:00:00+07:00", text: "Banjir di Jl. Mawar sudah surut, terima kasih")], readingTone: true)
        let first = try t.desk.urgentArrivals(after: nil)
        XCTAssertEqual(first.newest, try t.comment(.x, "a").id)
        XCTAssertEqual(first.comments, [], "what was on the desk at the first look is not news")
        try t.importRecords([record("b", at: "2026-12-01T09:50:00+07:00", author: "ibu_sinta", text: "Banjir setinggi dada di RT 05, kami terjebak di lantai dua, tolong"),
                             record("c", at: "2026-12-01T09:51:00+07:00", author: "pak_budi", text: "Kapan pendaftaran KTP dibuka?"),
                             record("d", at: "2026-12-01T09:52:00+07:00", author: "bu_rina", text: "Anak saya hilang sejak tadi pagi di pasar, tolong bantu cari")],
                            readingTone: true)
        let b = try t.comment(.x, "b"), d = try t.comment(.x, "d")
        var look = try t.desk.urgentArrivals(after: first.newest)
        XCTAssertEqual(look.comments.map(\.externalID), ["b", "d"], "a flood with people trapped and a missing child; not a question")
        XCTAssertEqual(look.newest, d.id)
        // The queue's filter on every incident that needs someone at once, together (f's first step).
        var urgent = QueueQuery(now: t.clock.now, limit: 50)
        urgent.tags = SensitiveTopic.needingSomeoneAtOnce.map(\.rawValue)
        XCTAssertEqual(Set(try t.desk.queue(urgent).map(\.comment.externalID)), ["a", "b", "d"], "the flood reports and the missing child, not the question")
        XCTAssertEqual(try t.store.read { try $0.counts(urgent) }.total, 3)
        try t.desk.setStatus(d.id, .closed)
        look = try t.desk.urgentArrivals(after: first.newest)
        XCTAssertEqual(look.comments.map(\.id), [b.id], "only what still needs action")
        XCTAssertEqual(try t.desk.urgentArrivals(after: look.newest).comments, [], "nothing new since the last look")
        try t.importRecords([record("e", at: "2026-12-01T09:53:00+07:00", author: "warga_santai",
                                    text: "Min jalan depan rumah kalo hujan dikit langsung banjir, bisa buat kolam renang gratis wkwkwk 😂")],
                            readingTone: true)
        XCTAssertEqual(try t.comment(.x, "e").tags, ["disaster"])
        XCTAssertEqual(try t.desk.urgentArrivals(after: look.newest).comments.map(\.externalID), ["e"],
                       "a cheerful tone is no reason for silence: people joke in trouble too, and the tone model misreads some reports")
        try t.desk.setIntent(try t.comment(.x, "e").id, .praise)
        XCTAssertEqual(try t.desk.urgentArrivals(after: look.newest).comments, [], "praise is not called urgent")
    }

    func testANoteForColleaguesIsLoggedOnTheCommentAndChangesNothingElse() throws {
        let t = try TestDesk()
        try t.addStaff(["budi", "dewi"])
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00")])
        let id = try t.comment(.x, "1").id
        try t.as("dewi").claim(id)
        let before = try t.comment(.x, "1")
        // An agent notes a comment a colleague holds: notes are for colleagues, whoever holds the work.
        let change = try t.as("budi").note(id, "  Sudah telepon warga; PDAM jawab besok pagi.\nCek lagi jam 9.  ")
        XCTAssertTrue(change.changed)
        let after = try t.comment(.x, "1")
        XCTAssertEqual(after.status, before.status)
        XCTAssertEqual(after.assignee, "dewi")
        XCTAssertEqual(after.sla, before.sla, "a note meets no clock: it is not an answer")
        let event = try XCTUnwrap(try t.store.read { try $0.lastEvent() })
        XCTAssertEqual(event.action, "note")
        XCTAssertEqual(event.actor, "budi")
        XCTAssertEqual(event.subject, String(id))
        XCTAssertEqual(event.payloadValue["text"]?.stringValue, "Sudah telepon warga; PDAM jawab besok pagi.\nCek lagi jam 9.", "kept trimmed")
        XCTAssertEqual(try t.desk.detail(id: id).history.last?.seq, event.seq, "the note is in the comment's history")
        XCTAssertTrue(try t.store.read { try LogStateCheck.check($0) }.ok, "the tables still agree with the log")

        for (text, said) in [("   \n ", "An empty note is not kept"), ("\u{202E}\u{2067}\u{200B}", "An empty note is not kept"), (String(repeating: "a", count: Desk.noteLimit + 1), "too long (2001 characters")] {
            XCTAssertThrowsError(try t.desk.note(id, text)) { error in
                guard case .invalidInput(let why) = error as? DeskError else { return XCTFail("\(error)") }
                XCTAssertTrue(why.en.contains(said), why.en)
            }
        }
        XCTAssertEqual(try t.store.read { try $0.lastEvent() }?.seq, event.seq, "a refused note logs nothing")
        _ = try t.desk.putStaff(name: "budi", role: nil, displayName: nil, active: false)
        XCTAssertThrowsError(try t.as("budi").note(id, "masih di sini"), "someone no longer on the staff list cannot note")
        XCTAssertThrowsError(try t.desk.note(999_999, "tidak ada")) { XCTAssertEqual($0 as? DeskError, .notFound("Comment 999999")) }
    }

    func testSupervisorOnlyActionsAreRefusedForAgents() throws {
        let t = try TestDesk()
        try t.addStaff(["budi", "dewi"])
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00")])
        let id = try t.comment(.x, "1").id
        let budi = t.as("budi")
        XCTAssertThrowsError(try budi.assign(id, to: "dewi")) { error in
            guard case .notPermitted = error as? DeskError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try budi.putStaff(StaffMember(name: "eve", role: .supervisor)))
        try t.desk.assign(id, to: "dewi")
        XCTAssertEqual(try t.comment(.x, "1").assignee, "dewi")
        XCTAssertThrowsError(try budi.setStatus(id, .closed), "held by dewi")
        XCTAssertThrowsError(try budi.release(id))
        try t.as("dewi").release(id)
        XCTAssertNil(try t.comment(.x, "1").assignee)
    }

    func testCorrectingTheIntentMeasuresAnUnansweredCommentByItsStandardAndIsLogged() throws {
        let t = try TestDesk()
        try t.addStaff(["budi", "dewi"])
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00", text: "Min, mau tanya jadwal posyandu"),
                             record("2", at: "2026-12-01T09:05:00+07:00", author: "ani", text: "Min, mau tanya jadwal vaksin")])
        let id = try t.comment(.x, "1").id, answered = try t.comment(.x, "2").id
        let read = try t.comment(.x, "1")
        XCTAssertNil(read.intent, "this desk reads no tone at import")
        XCTAssertEqual(read.sla.policy, "default")
        XCTAssertEqual(read.sla.responseDueAt, Timestamp.parse("2026-12-01T11:00:00+07:00"))
        let budi = t.as("budi")

        // Measured as any comment, it was a complaint: the complaints' hour from its arrival, on the log with the old and new.
        XCTAssertTrue(try budi.setIntent(id, .complaint).changed)
        let corrected = try t.comment(.x, "1")
        XCTAssertEqual(corrected.intent, .complaint)
        XCTAssertEqual(corrected.sla.policy, "complaints")
        XCTAssertEqual(corrected.sla.responseDueAt, Timestamp.parse("2026-12-01T10:00:00+07:00"))
        let event = try XCTUnwrap(t.store.read { try $0.lastEvent() })
        XCTAssertEqual(event.action, LogAction.intent.rawValue)
        XCTAssertEqual(event.actor, "budi")
        XCTAssertEqual(event.subject, String(id))
        XCTAssertEqual(event.payloadValue["from"], .null)
        XCTAssertEqual(event.payloadValue["intent"]?.stringValue, "complaint")
        XCTAssertEqual(event.payloadValue["policy"]?.stringValue, "complaints")
        XCTAssertEqual(event.payloadValue["clocks"]?[String(id)]?["response_due_after_s"]?.intValue, 3600)
        var complaints = QueueQuery(now: t.clock.now)
        complaints.intent = .complaint
        XCTAssertEqual(try t.desk.queue(complaints).map(\.comment.id), [id], "filters follow the correction")
        XCTAssertFalse(try budi.setIntent(id, .complaint).changed, "the same intent again changes nothing")
        XCTAssertEqual(try t.store.read { try $0.lastEvent() }?.seq, event.seq)

        // Back to a question would move the deadline later: a supervisor's decision.
        XCTAssertThrowsError(try budi.setIntent(id, .question)) { error in
            guard case .notPermitted(let why)? = error as? DeskError else { return XCTFail("\(error)") }
            XCTAssertTrue(why.en.contains("With the intent question, comment \(id) would be measured under the default standard and its response deadline would move later (to: Tuesday 1 December 2026, 11:00 WIB)"), why.en)
        }
        XCTAssertEqual(try t.comment(.x, "1").intent, .complaint, "nothing changed")
        try t.desk.setIntent(id, .question)
        XCTAssertEqual(try t.comment(.x, "1").sla.responseDueAt, Timestamp.parse("2026-12-01T11:00:00+07:00"))

        // Answered: the intent is corrected, the answer is judged by the standard it had.
        try t.desk.reply(answered, ReplyRequest(text: "Halo Kak, jadwalnya tiap Senin pukul 08.00."))
        let before = try t.comment(.x, "2").sla
        try budi.setIntent(answered, .complaint)
        XCTAssertEqual(try t.comment(.x, "2").intent, .complaint)
        XCTAssertEqual(try t.comment(.x, "2").sla, before)
        XCTAssertNil(try t.store.read { try $0.lastEvent() }?.payloadValue["policy"])

        // Held by someone else: theirs or a supervisor's to correct.
        try t.as("dewi").claim(id)
        XCTAssertThrowsError(try budi.setIntent(id, .request)) { error in
            guard case .notPermitted(let why)? = error as? DeskError else { return XCTFail("\(error)") }
            XCTAssertTrue(why.en.contains("held by dewi; only they or a supervisor can correct its intent"), why.en)
        }
    }

    func testABreachIsNotCorrectedAwayByReadingTheComplaintAsAQuestion() throws {
        let t = try TestDesk(now: "2026-12-01T08:30:00+07:00")
        try t.addStaff(["budi"])
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00", text: "Jalan rusak parah, kapan diperbaiki?")])
        let id = try t.comment(.x, "1").id
        try t.desk.setIntent(id, .complaint)
        XCTAssertEqual(try t.comment(.x, "1").sla.responseDueAt, Timestamp.parse("2026-12-01T09:00:00+07:00"))
        // 09:15, the complaints' hour gone: a supervisor reading it as a question corrects the intent, not the breach.
        t.set("2026-12-01T09:15:00+07:00")
        let breached = try t.comment(.x, "1").sla
        let change = try t.desk.setIntent(id, .question)
        XCTAssertTrue(change.changed && change.breachStands)
        XCTAssertFalse(change.restandardised)
        XCTAssertEqual(try t.comment(.x, "1").intent, .question)
        XCTAssertEqual(try t.comment(.x, "1").sla, breached, "the standard and its deadlines stay")
        XCTAssertEqual(try t.desk.overdue().map(\.comment.id), [id], "still on the overdue board")
        let event = try XCTUnwrap(t.store.read { try $0.lastEvent() })
        XCTAssertEqual(event.payloadValue["intent"]?.stringValue, "question")
        XCTAssertEqual(event.payloadValue["policy_kept"]?.stringValue, "deadline_passed")
        XCTAssertNil(event.payloadValue["policy"])
        XCTAssertTrue(try LogAudit.verify(t.store).ok, "verify replays the correction as logged")
        // Answered at 09:30, the day's report counts the first response late, as the standard it arrived under says.
        t.set("2026-12-01T09:30:00+07:00")
        try t.desk.reply(id, ReplyRequest(text: "Halo Kak, laporan jalan rusak sudah kami teruskan ke dinas PU."))
        let day = ReportPeriod(from: CivilDate(year: 2026, month: 12, day: 1), to: CivilDate(year: 2026, month: 12, day: 1), zone: ReportScenario.zone)
        let report = try ReportBuilder.build(store: t.store, config: t.desk.config, period: day, now: t.clock.now)
        XCTAssertEqual(report.hits(.firstResponse).late, 1)
        XCTAssertEqual(report.hits(.firstResponse).onTime, 0)

        // Before its deadline passes, a supervisor may still move it later (the earlier test has an agent refused).
        try t.importRecords([record("2", at: "2026-12-01T09:20:00+07:00", author: "ani", text: "Pelayanan lambat")])
        let fresh = try t.comment(.x, "2").id
        try t.desk.setIntent(fresh, .complaint)
        XCTAssertTrue(try t.desk.setIntent(fresh, .question).restandardised)
    }

    func testCorrectingTheIntentUnderAStandardForComplaintsOnly() throws {
        var config = DeskConfig()
        config.policies = SLAPolicy.defaults.filter { $0.name == "complaints" }
        let t = try TestDesk(now: "2026-12-01T10:30:00+07:00", config: config)
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00"), record("2", at: "2026-12-01T08:05:00+07:00", author: "ani")])
        let answered = try t.comment(.x, "1").id, waiting = try t.comment(.x, "2").id
        XCTAssertNil(try t.comment(.x, "1").sla.policy, "no standard matches a comment of no intent here")
        // Answered with no clock: a correction starts none (it would be a breach the answer had met).
        try t.desk.reply(answered, ReplyRequest(text: "Halo Kak, jadwalnya setiap Senin ya."))
        let kept = try t.desk.setIntent(answered, .complaint)
        XCTAssertTrue(kept.changed)
        XCTAssertFalse(kept.restandardised)
        XCTAssertNil(kept.comment.sla.responseDueAt)
        XCTAssertEqual(try t.desk.overdue().map(\.comment.id), [], "no breach for an answered comment")
        // Not answered: measured from its arrival under the complaints' hour (breached by now).
        XCTAssertTrue(try t.desk.setIntent(waiting, .complaint).restandardised)
        XCTAssertEqual(try t.comment(.x, "2").sla.responseDueAt, Timestamp.parse("2026-12-01T09:05:00+07:00"))
        XCTAssertEqual(try t.desk.overdue().map(\.comment.id), [waiting])
        // An intent no standard matches keeps the one it has.
        let unmatched = try t.desk.setIntent(waiting, .question)
        XCTAssertFalse(unmatched.restandardised)
        XCTAssertEqual(unmatched.comment.sla.policy, "complaints")
        XCTAssertTrue(Desk.isMeasuredAgainOnCorrection(unmatched.comment))
        XCTAssertFalse(Desk.isMeasuredAgainOnCorrection(try t.comment(.x, "1")))
    }

    func testAnEscalatedCommentIsTheSupervisorsUnlessOneAssignsIt() throws {
        let t = try TestDesk()
        try t.addStaff(["budi", "dewi"])
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00"), record("2", at: "2026-12-01T09:05:00+07:00")])
        let id = try t.comment(.x, "1").id, held = try t.comment(.x, "2").id
        let budi = t.as("budi"), dewi = t.as("dewi")
        try dewi.claim(held)
        try t.desk.escalate(id, reason: "angry")
        try t.desk.escalate(held, reason: "breach")
        for attempt in [{ _ = try budi.claim(id) }, { _ = try budi.reply(id, ReplyRequest(text: "Baik, Kak.")) }] {
            XCTAssertThrowsError(try attempt()) { error in
                guard case .notPermitted(let why)? = error as? DeskError else { return XCTFail("\(error)") }
                XCTAssertTrue(why.en.contains("escalated to supervisors"), why.en)
            }
        }
        XCTAssertEqual(try t.comment(.x, "1").status, .escalated, "nothing changed")
        try dewi.claim(held)
        XCTAssertEqual(try t.comment(.x, "2").status, .escalated, "its holder claiming it again does not de-escalate it")
        try dewi.reply(held, ReplyRequest(text: "Sudah kami teruskan, Kak."))
        XCTAssertEqual(try t.comment(.x, "2").status, .replied, "escalated while she held it: still hers to answer")
        try t.desk.assign(id, to: "budi")
        try budi.reply(id, ReplyRequest(text: "Baik, Kak, kami bantu."))
        XCTAssertEqual(try t.comment(.x, "1").status, .replied)
    }

    func testWhatTheSweepEscalatedAndNobodyHoldsStaysOpenToTheAgents() throws {
        // Monday 09:00 comments (first response due in 2 office hours); the sweep runs at 13:00, past the 1-hour grace.
        let t = try TestDesk(now: "2026-11-30T09:00:00+07:00")
        try t.addStaff(["budi", "dewi"])
        try t.importRecords([record("1", at: "2026-11-30T09:00:00+07:00", author: "a"), record("2", at: "2026-11-30T09:00:00+07:00", author: "b"),
                             record("3", at: "2026-11-30T09:00:00+07:00", author: "c")])
        let swept = try t.comment(.x, "1").id, other = try t.comment(.x, "2").id, decided = try t.comment(.x, "3").id
        t.set("2026-11-30T13:00:00+07:00")
        XCTAssertEqual(Set(try t.desk.escalateOverdue()), [swept, other, decided])
        XCTAssertEqual(try t.comment(.x, "1").escalatedBy, "meja")
        let budi = t.as("budi"), dewi = t.as("dewi")
        // An agent takes one up: it stays escalated, for the supervisors to see, and is hers alone.
        try dewi.claim(swept)
        XCTAssertEqual(try t.comment(.x, "1").status, .escalated)
        XCTAssertEqual(try t.comment(.x, "1").assignee, "dewi")
        XCTAssertThrowsError(try budi.reply(swept, ReplyRequest(text: "Baik, Kak.")), "held by dewi")
        try dewi.reply(swept, ReplyRequest(text: "Sudah kami teruskan ke petugas, Kak."))
        XCTAssertEqual(try t.comment(.x, "1").status, .replied)
        // Another answers one nobody held, without claiming it first.
        XCTAssertNil(Desk.replyRefusal(try t.comment(.x, "2"), by: "budi", isSupervisor: false))
        try budi.reply(other, ReplyRequest(text: "Terima kasih, Kak, kami bantu."))
        // A person escalating what the sweep escalated makes it their decision: no longer open to every agent.
        try t.desk.setStatus(other, .open)
        t.set("2026-11-30T15:30:00+07:00")
        _ = try t.desk.escalateOverdue()
        XCTAssertEqual(try t.comment(.x, "2").escalatedBy, "meja")
        let decision = try dewi.escalate(other, reason: "butuh supervisor")
        XCTAssertTrue(decision.changed, "logged, with its reason")
        XCTAssertEqual(try t.comment(.x, "2").escalatedBy, "dewi")
        XCTAssertThrowsError(try budi.claim(other))
        XCTAssertFalse(try dewi.escalate(other, reason: "lagi").changed, "once a person's, escalating again changes nothing")
        // A person's escalation is a decision: it stays the supervisors'.
        try t.desk.setStatus(decided, .open)
        try t.desk.escalate(decided, reason: "ancaman hukum")
        XCTAssertEqual(try t.comment(.x, "3").escalatedBy, "sari")
        XCTAssertThrowsError(try budi.claim(decided)) { error in
            guard case .notPermitted(let why)? = error as? DeskError else { return XCTFail("\(error)") }
            XCTAssertTrue(why.en.contains("escalated to supervisors"), why.en)
        }
        XCTAssertNotNil(Desk.statusRefusal(try t.comment(.x, "3"), by: "budi", isSupervisor: false))
    }

    func testAReplyDoesNotBringBackAWithdrawnClock() throws {
        let t = try TestDesk(now: "2026-12-01T09:10:00+07:00")
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00", author: "ani", thread: "T"),
                             record("2", at: "2026-12-01T09:00:00+07:00", author: "ani", thread: "T")])
        let spam = try t.comment(.x, "1").id
        try t.desk.setStatus(spam, .spam)
        let withdrawn = try t.comment(.x, "1").sla
        XCTAssertNotNil(withdrawn.responseStoppedAt)
        t.set("2026-12-01T15:00:00+07:00")
        try t.desk.reply(try t.comment(.x, "2").id, ReplyRequest(text: "Halo Kak, KTP bisa diambil besok."))
        XCTAssertEqual(try t.comment(.x, "1").sla, withdrawn, "spam stays withdrawn: not answered, late")
        XCTAssertEqual(try t.comment(.x, "1").status, .spam)
        XCTAssertEqual(try t.store.read { try $0.lastEvent() }?.payloadValue["also_answered"]?.arrayValue?.count, 0)
    }

    func testTheLastActiveSupervisorCannotStepDown() throws {
        let t = try TestDesk()
        try t.addStaff(["budi"])
        for change in [StaffMember(name: "sari", role: .agent), StaffMember(name: "sari", role: .supervisor, active: false)] {
            XCTAssertThrowsError(try t.desk.putStaff(change), "the desk would be left without a supervisor") { error in
                guard case .notPermitted = error as? DeskError else { return XCTFail("\(error)") }
            }
        }
        XCTAssertEqual(try t.store.read { try $0.staffMember("sari") }?.role, .supervisor)
        try t.desk.putStaff(StaffMember(name: "budi", role: .supervisor))
        try t.desk.putStaff(StaffMember(name: "sari", role: .agent))
        XCTAssertEqual(try t.store.read { try $0.staffMember("sari") }?.role, .agent, "with another supervisor she may step down")
    }

    func testUnknownLoginIsRefusedOnceTheDeskHasStaff() throws {
        let t = try TestDesk()
        try t.addStaff(["budi"])
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00")])
        XCTAssertThrowsError(try t.as("mallory").claim(try t.comment(.x, "1").id)) {
            XCTAssertEqual($0 as? DeskError, .unknownActor("mallory"))
        }
        let first = try t.store.read { try $0.events(from: 1, limit: 1) }.first
        XCTAssertEqual(first?.action, "staff.add", "the first actor was bootstrapped as supervisor, on the record")
        XCTAssertEqual(try t.store.read { try $0.staffMember("sari") }?.role, .supervisor)
    }

    func testNoPersonActsAsTheDesksOwnRule() throws {
        let t = try TestDesk()
        try t.addStaff(["budi"])
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00")])
        XCTAssertThrowsError(try t.addStaff(["meja"])) { error in
            XCTAssertTrue("\(error)".contains("'meja' is reserved: the log names the desk's own escalation sweep so"), "\(error)")
        }
        // Names that would be taken for another's, or for an option.
        for name in ["b\u{0443}di", "Budi", "-x", ".budi", "MEJA", "Me", "NONE"] {
            XCTAssertThrowsError(try t.addStaff([name]), name)
        }
        XCTAssertNoThrow(try t.addStaff(["budi.santoso_2"]))
        // An operating-system account called meja (a service account, say) is not the system: it is not on the staff list.
        let account = t.desk.acting(as: ActorIdentity(name: "meja", login: "meja", overridden: false))
        XCTAssertThrowsError(try account.claim(try t.comment(.x, "1").id)) {
            XCTAssertEqual($0 as? DeskError, .unknownActor("meja"))
            XCTAssertTrue("\($0)".contains("no staff member can have that name"), "\($0)")
        }
        // Nor does it become the first supervisor of an empty desk.
        let empty = try TestDesk(actor: "meja")
        XCTAssertThrowsError(try empty.desk.putStaff(StaffMember(name: "budi", role: .agent))) {
            XCTAssertEqual($0 as? DeskError, .unknownActor("meja"))
        }
        // A name with an invisible character is said to have one.
        let hidden = t.desk.acting(as: ActorIdentity(name: "budi\u{200B}", login: "x", overridden: true))
        XCTAssertThrowsError(try hidden.claim(try t.comment(.x, "1").id)) {
            XCTAssertTrue("\($0)".contains("'budi' (with characters that cannot be shown)"), "\($0)")
        }
    }

    func testTheSameWordsSentTwiceToOneCommentAreStoppedUnlessAReasonIsGiven() throws {
        let t = try TestDesk()
        try t.addStaff(["budi", "dewi"])
        try t.importRecords([record("d1", at: "2026-12-01T08:00:00+07:00")])
        let id = try t.comment(.x, "d1").id
        try t.as("budi").reply(id, ReplyRequest(text: "Terima kasih, laporan sudah kami teruskan."))
        XCTAssertThrowsError(try t.as("dewi").reply(id, ReplyRequest(text: "Terima kasih, laporan sudah kami teruskan. "))) { error in
            guard case .blocked(let findings)? = error as? DeskError else { return XCTFail("\(error)") }
            XCTAssertTrue(findings.first?.message.contains("already sent to this comment by budi") == true, "\(findings)")
        }
        let duplicate = try XCTUnwrap(try t.desk.review(replyTo: id, text: "Terima kasih, laporan sudah kami teruskan.", humor: nil).findings.first)
        XCTAssertEqual(duplicate.code, .duplicateReply, "the review screen says so before sending")
        XCTAssertTrue(duplicate.explanation.id.contains("sudah dikirim ke komentar ini oleh budi"), duplicate.explanation.id)
        try t.as("dewi").reply(id, ReplyRequest(text: "Petugas tiba pukul 14.00."))
        try t.as("dewi").reply(id, ReplyRequest(text: "Terima kasih, laporan sudah kami teruskan.", overrideReason: "dikirim ulang: yang pertama terhapus"))
        XCTAssertEqual(try t.store.read { try $0.replies(commentID: id) }.count, 3)
        // History lines show the override reason, and to whom work went.
        let sent = try XCTUnwrap(try t.store.read { try $0.events(subject: String(id), action: "reply", limit: 5) }.last)
        XCTAssertEqual(sent.historyDetail, "(⚠ dikirim ulang: yang pertama terhapus)")
        try t.desk.assign(id, to: "budi")
        let assigned = try XCTUnwrap(try t.store.read { try $0.events(subject: String(id), action: "assign", limit: 5) }.last)
        XCTAssertEqual(assigned.historyDetail?.hasPrefix("⇒ budi"), true, assigned.historyDetail ?? "nil")
        // Without [agency].name the placeholder name is pointed out before sending (a note, not a block).
        let placeholder = try t.desk.review(replyTo: id, text: "Salam dari Dinas Komunikasi dan Informatika", humor: nil).findings
        XCTAssertEqual(placeholder.map(\.code), [.placeholderAgency])
        XCTAssertFalse(placeholder[0].blocking)
    }

    func testAnAnswerRecordedWhileAReplyWasWrittenStopsItUntilAReasonThatKnowsItIsGiven() throws {
        let t = try TestDesk()
        try t.addStaff(["budi", "dewi"])
        try t.importRecords([record("m1", at: "2026-12-01T08:00:00+07:00")])
        let id = try t.comment(.x, "m1").id
        XCTAssertEqual(try t.desk.newestReplyID(to: id), 0)
        // Both open the composer on an unanswered comment; budi sends first.
        let seen = try t.desk.newestReplyID(to: id)
        let budis = try t.as("budi").reply(id, ReplyRequest(text: "Laporan sudah kami teruskan ke petugas lapangan.", seenReplyID: seen))
        XCTAssertEqual(try t.desk.newestReplyID(to: id), budis.id)
        let dewis = "Terima kasih, Kak. Kami cek dulu ya."
        let review = try t.desk.review(replyTo: id, text: dewis, humor: nil, seenReplyID: seen)
        let meanwhile = try XCTUnwrap(review.findings.first)
        XCTAssertEqual(meanwhile.code, .answeredMeanwhile)
        XCTAssertTrue(meanwhile.blocking)
        XCTAssertTrue(meanwhile.explanation.en.contains("budi answered this comment"), meanwhile.explanation.en)
        XCTAssertTrue(meanwhile.explanation.en.contains("\"Laporan sudah kami teruskan ke petugas lapangan.\""), "quotes the answer")
        XCTAssertTrue(meanwhile.explanation.id.contains("selagi balasan ini ditulis, budi sudah menjawab"), meanwhile.explanation.id)
        let own = try XCTUnwrap(try t.as("budi").review(replyTo: id, text: "Kami cek lagi ya.", humor: nil, seenReplyID: seen).findings.first)
        XCTAssertTrue(own.explanation.en.contains("you yourself (elsewhere) answered this comment"), "his own answer from elsewhere: \(own.explanation.en)")
        XCTAssertThrowsError(try t.as("dewi").reply(id, ReplyRequest(text: dewis, seenReplyID: seen))) { error in
            guard case .blocked(let findings)? = error as? DeskError else { return XCTFail("\(error)") }
            XCTAssertTrue(findings.first?.message.contains("budi answered this comment") == true, "\(findings)")
        }
        // Having read it, the check is gone; without `seenReplyID` (a caller that does not say) it is not asked.
        XCTAssertFalse(try t.desk.review(replyTo: id, text: dewis, humor: nil, seenReplyID: budis.id).findings.contains { $0.code == .answeredMeanwhile })
        XCTAssertFalse(try t.desk.review(replyTo: id, text: dewis, humor: nil).findings.contains { $0.code == .answeredMeanwhile })
        // A reason written for other findings does not answer it; one written for it does, and is kept.
        let other = LintFinding(code: .personalData, message: "phone number", blocking: true)
        XCTAssertThrowsError(try t.as("dewi").reply(id, ReplyRequest(text: dewis, overrideReason: "nomor kantor resmi, boleh publik",
                                                                      seenReplyID: seen, overriddenFindings: [other])))
        let sent = try t.as("dewi").reply(id, ReplyRequest(text: dewis, overrideReason: "menambah janji cek lapangan yang belum disebut",
                                                           seenReplyID: seen, overriddenFindings: Set(review.blocking)))
        XCTAssertEqual(sent.overrideReason, "menambah janji cek lapangan yang belum disebut")
        let logged = try XCTUnwrap(try t.store.read { try $0.events(subject: String(id), action: "reply", limit: 5) }.last)
        XCTAssertTrue(logged.payload.contains("answered_meanwhile"), logged.payload)

        // An answer to the same citizen's later comment in the conversation answers this one too: also meanwhile.
        try t.importRecords([record("a1", at: "2026-12-01T08:00:00+07:00", author: "ani"),
                             record("a2", at: "2026-12-01T08:10:00+07:00", author: "ani", thread: "a1", inReplyTo: "a1")])
        let (earlier, later) = (try t.comment(.x, "a1").id, try t.comment(.x, "a2").id)
        let begun = try t.desk.newestReplyID(to: earlier)
        try t.as("budi").reply(later, ReplyRequest(text: "Jam layanan BPJS Senin–Jumat, Kak."))
        let found = try t.desk.review(replyTo: earlier, text: "Akta kematian bisa diurus di Disdukcapil, Kak.", humor: nil, seenReplyID: begun)
        XCTAssertEqual(found.blocking.map(\.code), [.answeredMeanwhile], "budi's answer to #\(later) answered #\(earlier)")
        XCTAssertEqual(try t.desk.newestReplyID(to: earlier), try t.desk.newestReplyID(to: later), "and is what its writer sees now")
    }

    func testReleasingAnAnsweredCommentLeavesItAnsweredNotInTheQueue() throws {
        let t = try TestDesk()
        try t.importRecords([record("r1", at: "2026-12-01T08:00:00+07:00")])
        let id = try t.comment(.x, "r1").id
        try t.desk.reply(id, ReplyRequest(text: "Sudah kami teruskan, Kak."))
        try t.desk.claim(id) // to follow up
        try t.desk.release(id)
        XCTAssertEqual(try t.comment(.x, "r1").status, .replied)
        XCTAssertFalse(try t.desk.queue(limit: 10).contains { $0.comment.id == id })
    }

    func testClaimingWhatYouAnsweredChangesNothing() throws {
        let t = try TestDesk()
        try t.addStaff(["budi"])
        try t.importRecords([record("r1", at: "2026-12-01T08:00:00+07:00")])
        let id = try t.comment(.x, "r1").id
        let budi = t.as("budi")
        try budi.claim(id)
        try budi.reply(id, ReplyRequest(text: "Sudah kami teruskan, Kak."))
        let before = try XCTUnwrap(t.store.read { try $0.lastEvent() }).seq
        XCTAssertFalse(try budi.claim(id).changed, "already budi's, and answered")
        XCTAssertEqual(try t.comment(.x, "r1").status, .replied)
        XCTAssertEqual(try t.store.read { try $0.lastEvent() }?.seq, before, "nothing logged")
        XCTAssertFalse(try t.desk.queue(limit: 10).contains { $0.comment.id == id }, "not back in the queue")
    }

    func testAnAgentDoesNotCloseAnUnansweredFloodReport() throws {
        let t = try TestDesk()
        try t.addStaff(["budi"])
        try t.importRecords([record("f1", at: "2026-12-01T08:00:00+07:00", text: "Banjir setinggi dada di RT 05, kami terjebak, tolong kirim perahu"),
                             record("f2", at: "2026-12-01T08:01:00+07:00", author: "promo", text: "Slot gacor maxwin #banjir cek bio")], readingTone: true)
        let flood = try t.comment(.x, "f1"), spam = try t.comment(.x, "f2").id
        XCTAssertTrue(flood.tags.contains("disaster"))
        let budi = t.as("budi")
        XCTAssertFalse(Desk.settableStatuses(for: flood, isSupervisor: false).contains(.closed))
        XCTAssertFalse(Desk.settableStatuses(for: flood, isSupervisor: false).contains(.noReplyNeeded))
        XCTAssertTrue(Desk.settableStatuses(for: flood, isSupervisor: false).contains(.spam), "a flood hashtag's spam can still be called spam")
        for status in [CommentStatus.closed, .noReplyNeeded] {
            XCTAssertThrowsError(try budi.setStatus(flood.id, status)) { error in
                guard case .notPermitted(let why)? = error as? DeskError else { return XCTFail("\(error)") }
                XCTAssertTrue(why.en.contains("only a supervisor can close it unanswered"), why.en)
            }
        }
        XCTAssertTrue(try budi.setStatus(spam, .spam).changed)
        // Answered, it is the agent's to close; a supervisor may close it unanswered.
        try budi.reply(flood.id, ReplyRequest(text: "Sudah kami teruskan ke BPBD, Kak. Bila ada yang terjebak, hubungi 112."))
        XCTAssertTrue(try budi.setStatus(flood.id, .closed).changed)
        try t.importRecords([record("f3", at: "2026-12-01T08:02:00+07:00", author: "ani", text: "Banjir di RW 07, air masuk rumah")], readingTone: true)
        XCTAssertTrue(try t.desk.setStatus(try t.comment(.x, "f3").id, .closed).changed)
    }

    func testARefusedStatusMoveNamesStatusesAsStaffReadThem() {
        let why = DeskError.illegalTransition(from: .noReplyNeeded, to: .replied).explanation
        XCTAssertEqual(why.id, "Komentar berstatus tak perlu dibalas (no_reply_needed) tidak dapat menjadi dibalas (replied). "
                       + "Dari sana statusnya bisa diubah menjadi: terbuka (open); lewat tindakannya sendiri: diambil (claimed).")
        XCTAssertTrue(why.en.hasPrefix("A comment that is no reply needed (no_reply_needed) cannot become replied."), why.en)
        XCTAssertTrue(DeskError.claimedByOther(commentID: 7, holder: "budi").explanation.en.contains("key a, or `meja assign 7 NAME`"))
    }

    func testAMissingCommentIsNamedInEachLanguage() {
        let why = DeskError.notFound("Comment 99999").explanation
        XCTAssertTrue(why.id.hasPrefix("Komentar 99999 tidak ditemukan"), why.id)
        XCTAssertTrue(why.en.hasPrefix("Comment 99999 was not found"), why.en)
    }

    func testMakingSomeoneInactiveReleasesWhatTheyHeld() throws {
        let t = try TestDesk()
        try t.addStaff(["budi", "dewi"])
        try t.importRecords((1...4).map { record("h\($0)", at: "2026-12-01T08:0\($0):00+07:00") })
        let ids = try (1...4).map { try t.comment(.x, "h\($0)").id }
        for id in ids { try t.as("budi").claim(id) }
        try t.desk.escalate(ids[2], reason: "darurat")
        try t.as("budi").reply(ids[3], ReplyRequest(text: "Boleh kirim fotonya lewat DM, Kak?"))
        try t.as("budi").setStatus(ids[3], .waitingCitizen)
        let change = try t.desk.putStaff(name: "budi", role: nil, displayName: nil, active: false)
        XCTAssertEqual(change.released, [ids[0], ids[1], ids[2]], "what still needs action; a wait for the citizen stays his until they write")
        XCTAssertEqual(try t.comment(.x, "h1").status, .open)
        XCTAssertNil(try t.comment(.x, "h1").assignee)
        XCTAssertEqual(try t.comment(.x, "h3").status, .escalated, "escalated stays with the supervisors")
        XCTAssertNil(try t.comment(.x, "h3").assignee)
        try t.as("dewi").claim(ids[0])
        let release = try XCTUnwrap(try t.store.read { try $0.events(subject: String(ids[1]), action: "release", limit: 5) }.last)
        XCTAssertEqual(release.payloadValue["reason"]?.stringValue, "staff_inactive")
        XCTAssertEqual(release.payloadValue["holder"]?.stringValue, "budi")
        XCTAssertEqual(try t.desk.putStaff(name: "budi", role: nil, displayName: nil, active: false).released, [], "already inactive")
    }

    func testEveryStateChangingActionLeavesExactlyOneEvent() throws {
        let t = try TestDesk()
        try t.addStaff(["budi"])
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00")])
        let id = try t.comment(.x, "1").id
        func events() throws -> Int64 { try t.store.read { try $0.lastEvent()?.seq ?? 0 } }
        let actions: [(String, () throws -> Void)] = [
            ("claim", { try t.desk.claim(id) }),
            ("release", { try t.desk.release(id) }),
            ("assign", { try t.desk.assign(id, to: "budi") }),
            ("reply", { try t.as("budi").reply(id, ReplyRequest(text: "Sudah kami teruskan, Kak 🙏")) }),
            ("status", { try t.as("budi").setStatus(id, .waitingCitizen) }),
            ("escalate", { try t.desk.escalate(id, reason: "test") }),
            ("status", { try t.desk.setStatus(id, .closed) }),
        ]
        for (name, action) in actions {
            let before = try events()
            try action()
            let after = try events()
            XCTAssertEqual(after - before, 1, name)
            XCTAssertEqual(try t.store.read { try $0.lastEvent()?.action }, name)
        }
        // Claiming what one already holds changes nothing and logs nothing.
        try t.importRecords([record("2", at: "2026-12-01T09:05:00+07:00")])
        let second = try t.comment(.x, "2").id
        try t.desk.claim(second)
        let before = try events()
        try t.desk.claim(second)
        XCTAssertEqual(try events(), before)
    }

    func testReplyMeetsTheClockAndLogsItsDetails() throws {
        let t = try TestDesk(now: "2026-12-01T09:00:00+07:00")
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00", author: "ani"),
                             record("2", at: "2026-12-01T08:10:00+07:00", author: "ani", thread: "1", inReplyTo: "1")])
        let first = try t.comment(.x, "1")
        XCTAssertEqual(try t.comment(.x, "2").threadKey, "1")
        t.set("2026-12-01T09:30:00+07:00")
        XCTAssertEqual(try t.desk.alsoAnswered(byReplyTo: try t.comment(.x, "2").id).map(\.id), [first.id], "told before sending")
        try t.desk.reply(try t.comment(.x, "2").id, ReplyRequest(text: "Halo Kak Ani 🙏", templateID: "ack-id", templateVersion: 3, humor: 1))
        XCTAssertEqual(try t.desk.alsoAnswered(byReplyTo: try t.comment(.x, "2").id), [], "nothing is left to answer")
        let answered = try t.comment(.x, "2")
        XCTAssertEqual(answered.status, .replied)
        XCTAssertEqual(answered.sla.respondedAt, t.clock.now)
        XCTAssertEqual(try t.comment(.x, "1").sla.respondedAt, t.clock.now, "one answer to the conversation answers her earlier comment")
        XCTAssertEqual(try t.comment(.x, "1").status, .replied)
        let e = try XCTUnwrap(try t.store.read { try $0.lastEvent() })
        let p = e.payloadValue
        XCTAssertEqual(e.action, "reply")
        XCTAssertEqual(p["text"]?.stringValue, "Halo Kak Ani 🙏")
        XCTAssertEqual(p["template_id"]?.stringValue, "ack-id")
        XCTAssertEqual(p["template_version"]?.intValue, 3)
        XCTAssertEqual(p["humor"]?.intValue, 1)
        XCTAssertEqual(p["response_minutes"]?["calendar"]?.intValue, 80)
        XCTAssertEqual(p["response_minutes"]?["business"]?.intValue, 80)
        XCTAssertEqual(p["sla_at_send"]?["state"]?.stringValue, "on_track")
        XCTAssertEqual(p["also_answered"]?.arrayValue?.compactMap(\.intValue), [first.id])
        XCTAssertEqual(try t.desk.detail(id: answered.id).replies.count, 1)
        // Her earlier comment's history shows the answer that answered it, filed under the later one, and names it.
        let history = try t.desk.detail(id: first.id).history
        XCTAssertEqual(history.last?.seq, e.seq)
        XCTAssertEqual(history.last?.historyDetail(viewedFrom: String(first.id), naming: { $0 }, { $0 }), "(#\(answered.id))")
        XCTAssertEqual(history.map(\.seq), history.map(\.seq).sorted())
    }

    func testAnAnswerDoesNotAnswerTheCitizensEscalatedCommentOrAnEmergencyItDoesNotName() throws {
        let t = try TestDesk(now: "2026-12-01T09:00:00+07:00")
        try t.importRecords([
            record("flood", at: "2026-12-01T08:00:00+07:00", author: "mega", text: "Banjir setinggi dada di rumah, ada lansia terjebak, tolong kirim bantuan"),
            record("lamp", at: "2026-12-01T08:05:00+07:00", author: "mega", text: "Satu lagi min, lampu jalan depan rumah mati", thread: "flood", inReplyTo: "flood"),
            record("where", at: "2026-12-01T08:10:00+07:00", author: "mega", text: "Halo min? Kok belum dibalas", thread: "flood", inReplyTo: "flood"),
            record("deed", at: "2026-12-01T08:20:00+07:00", author: "mega", text: "Ayah saya meninggal minggu lalu, cara urus akta kematiannya bagaimana?",
                   thread: "flood", inReplyTo: "flood"),
        ], readingTone: true)
        XCTAssertEqual(try t.comment(.x, "flood").tags, ["disaster"])
        XCTAssertFalse(try t.comment(.x, "deed").tags.contains("disaster"))
        try t.desk.escalate(try t.comment(.x, "where").id, reason: "ditanyakan lagi")
        let deed = try t.comment(.x, "deed").id
        XCTAssertEqual(try t.desk.alsoAnswered(byReplyTo: deed).map(\.externalID), ["lamp"], "told before sending: only the plain one")
        try t.desk.reply(deed, ReplyRequest(text: "Turut berduka, Kak. Akta kematian diurus di Disdukcapil dengan surat keterangan kematian."))
        XCTAssertEqual(try t.comment(.x, "lamp").status, .replied, "a plain message in the conversation is answered with it")
        XCTAssertNil(try t.comment(.x, "flood").sla.respondedAt, "the flood report is not answered by an answer about a deed")
        XCTAssertEqual(try t.comment(.x, "flood").status, .new)
        XCTAssertEqual(try t.comment(.x, "where").status, .escalated, "the escalated one waits for the supervisors' own answer")
        XCTAssertNil(try t.comment(.x, "where").sla.respondedAt)
        // An answer about the flood itself answers the flood report, and an answer naming it answers another flood message.
        try t.importRecords([record("flood2", at: "2026-12-01T09:10:00+07:00", author: "mega", text: "Air makin tinggi, banjir sampai atap",
                                    thread: "flood", inReplyTo: "flood")], readingTone: true)
        try t.desk.reply(try t.comment(.x, "flood2").id, ReplyRequest(text: "Tim BPBD sudah menuju lokasi, Kak. Bila darurat hubungi 112."))
        XCTAssertEqual(try t.comment(.x, "flood").status, .replied)
        XCTAssertTrue(try LogAudit.verify(t.store).ok)

        // The same rule when the agency's answer was imported before the comments it would answer (files out of order).
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let late = try TestDesk(now: "2026-12-01T09:00:00+07:00", config: config)
        try late.importRecords([
            record("deed", at: "2026-12-01T08:20:00+07:00", author: "mega", text: "Ayah saya meninggal minggu lalu, cara urus akta kematiannya bagaimana?", thread: "t"),
            record("ans", at: "2026-12-01T08:40:00+07:00", author: "@diskominfo", text: "Di Disdukcapil, Kak.", thread: "t", inReplyTo: "deed"),
        ], readingTone: true)
        try late.importRecords([
            record("flood", at: "2026-12-01T08:00:00+07:00", author: "mega", text: "Banjir setinggi dada di rumah, ada lansia terjebak, tolong kirim bantuan", thread: "t"),
            record("lamp", at: "2026-12-01T08:05:00+07:00", author: "mega", text: "Satu lagi min, lampu jalan depan rumah mati", thread: "t"),
        ], name: "earlier.jsonl", readingTone: true)
        XCTAssertEqual(try late.comment(.x, "lamp").sla.respondedAt, Timestamp.parse("2026-12-01T08:40:00+07:00"))
        XCTAssertNil(try late.comment(.x, "flood").sla.respondedAt, "as had the files come in order")
        XCTAssertTrue(try LogAudit.verify(late.store).ok)
    }

    func testBlockingReviewNeedsAnOverrideReasonWhichIsKept() throws {
        struct Strict: ReplyReviewer {
            func review(text: String, humor: Int?, comment: Comment, config: DeskConfig) -> ReplyReview {
                ReplyReview(findings: text.contains("3171") ? [LintFinding(code: .personalData, message: "a NIK", blocking: true)] : [])
            }
        }
        let t = try TestDesk()
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00")])
        let id = try t.comment(.x, "1").id
        let strict = Desk(store: t.store, clock: t.clock, actor: t.desk.actor, reviewer: Strict())
        XCTAssertThrowsError(try strict.reply(id, ReplyRequest(text: "NIK 3171234567890123"))) {
            guard case .blocked(let findings)? = $0 as? DeskError else { return XCTFail("\($0)") }
            XCTAssertEqual(findings.map(\.message), ["a NIK"])
        }
        XCTAssertEqual(try t.comment(.x, "1").status, .new, "nothing was recorded")
        let reply = try strict.reply(id, ReplyRequest(text: "NIK 3171234567890123", overrideReason: "the citizen asked us to confirm it"))
        XCTAssertEqual(reply.overrideReason, "the citizen asked us to confirm it")
        XCTAssertEqual(try t.store.read { try $0.lastEvent() }?.payloadValue["override_reason"]?.stringValue, "the citizen asked us to confirm it")
    }

    func testActorOverrideIsRecorded() throws {
        let t = try TestDesk()
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00")])
        let forced = t.desk.acting(as: ActorIdentity.fromEnvironment(["USER": "root", "MEJA_ACTOR": "sari"], account: "root"))
        try forced.claim(try t.comment(.x, "1").id)
        let e = try XCTUnwrap(try t.store.read { try $0.lastEvent() })
        XCTAssertEqual(e.actor, "sari")
        XCTAssertEqual(e.payloadValue["actor_override"]?["login"]?.stringValue, "root")
        XCTAssertEqual(e.payloadValue["actor_override"]?["via"]?.stringValue, "MEJA_ACTOR")
    }

    func testAnActionThatWaitedForTheWriteLockIsDatedAfterTheOneBeforeIt() throws {
        // Two processes: one read "now" at 10:00 and waited while the other, at 10:05, wrote. The waiter's events and
        // what they record are dated 10:05, not before the event already on the log.
        let t = try TestDesk()
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00"), record("2", at: "2026-12-01T08:01:00+07:00")])
        let ahead = t.desk.acting(as: t.desk.actor, clock: ManualClock(Timestamp.parse("2026-12-01T10:05:00+07:00")!))
        try ahead.claim(try t.comment(.x, "1").id)
        let late = t.desk.acting(as: t.desk.actor, clock: ManualClock(Timestamp.parse("2026-12-01T10:00:00+07:00")!))
        let reply = try late.reply(try t.comment(.x, "2").id, ReplyRequest(text: "Halo Kak, kami bantu cek."))
        XCTAssertEqual(Timestamp.utc(reply.sentAt), "2026-12-01T03:05:00Z")
        XCTAssertEqual(try t.store.read { try $0.lastEvent() }?.at, "2026-12-01T03:05:00Z")
        XCTAssertTrue(try LogAudit.verify(t.store).ok)
    }

    func testAUserVariableNamingAColleagueIsRecordedWithTheRealAccount() throws {
        // `USER=budi meja claim 1` run from sari's account acts as budi — and the log says whose account did it.
        let posing = ActorIdentity.fromEnvironment(["USER": "budi"], account: "sari")
        XCTAssertEqual(posing, ActorIdentity(name: "budi", login: "sari", overridden: true, overriddenBy: "USER"))
        XCTAssertEqual(ActorIdentity.fromEnvironment(["USER": "sari"], account: "sari").overridden, false, "one's own name is no override")
        XCTAssertEqual(ActorIdentity.fromEnvironment([:], account: "sari"), ActorIdentity(name: "sari", login: "sari", overridden: false))
        XCTAssertEqual(ActorIdentity.fromEnvironment(["LOGNAME": "rina"], account: "sari").overriddenBy, "LOGNAME")
        XCTAssertEqual(ActorIdentity.fromEnvironment(["USER": "budi", "MEJA_ACTOR": "sari"], account: "sari"),
                       ActorIdentity(name: "sari", login: "sari", overridden: false), "MEJA_ACTOR naming one's own account wins, no override")
        let t = try TestDesk()
        try t.addStaff(["budi"])
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00")])
        try t.desk.acting(as: posing).claim(try t.comment(.x, "1").id)
        let e = try XCTUnwrap(try t.store.read { try $0.lastEvent() })
        XCTAssertEqual(e.actor, "budi")
        XCTAssertEqual(e.payloadValue["actor_override"], ["via": "USER", "login": "sari"])
    }
}

final class ThreadFocusTests: XCTestCase {
    func testABusyThreadIsFocusedOnTheCitizenAndASmallOneShownWhole() throws {
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let t = try TestDesk(config: config)
        var records = (0..<14).map { record("o\($0)", at: "2026-12-01T07:\(10 + $0):00+07:00", author: "other\($0)", thread: "post", inReplyTo: "post") }
        records += [
            record("mine1", at: "2026-12-01T08:00:00+07:00", author: "ani", thread: "post", inReplyTo: "o3"),
            record("agency", at: "2026-12-01T08:10:00+07:00", author: "@diskominfo", thread: "post", inReplyTo: "mine1"),
            record("mine2", at: "2026-12-01T08:20:00+07:00", author: "ani", thread: "post", inReplyTo: "agency"),
            record("answer", at: "2026-12-01T08:30:00+07:00", author: "budi", thread: "post", inReplyTo: "mine2"),
        ]
        let desk = Desk(store: t.store, config: config, clock: t.clock, actor: t.desk.actor)
        try Importer(desk: desk).importData(Data(records.map { $0.json.text }.joined(separator: "\n").utf8), name: "t", format: MejaJSONLFormat())
        let d = try desk.detail(id: try t.comment(.x, "mine2").id)
        XCTAssertEqual(d.threadComments.map(\.externalID), ["o3", "mine1", "mine2", "answer"],
                       "her messages, the one she answered, and the answer to hers — not the other thirteen")
        XCTAssertEqual(d.threadReplies.map(\.externalID), ["agency"])
        XCTAssertEqual(try desk.detail(id: try t.comment(.x, "o1").id).threadComments.map(\.externalID), ["o1"],
                       "another citizen under the same post sees only their own part")
        try Importer(desk: desk).importData(Data([record("s1", at: "2026-12-01T09:00:00+07:00", author: "c", thread: "small"),
                                                  record("s2", at: "2026-12-01T09:05:00+07:00", author: "d", thread: "small")]
                                                    .map { $0.json.text }.joined(separator: "\n").utf8), name: "s", format: MejaJSONLFormat())
        XCTAssertEqual(try desk.detail(id: try t.comment(.x, "s1").id).threadComments.map(\.externalID), ["s1", "s2"], "a small thread whole")
    }

    func testAViralPostsCommentIsShownInItsThreadWhereverItFallsInIt() throws {
        // 700 comments under one post; the citizen's two come after the first 500.
        let t = try TestDesk()
        let start = Timestamp.parse("2026-12-01T00:00:00+07:00")!
        var records = (0..<700).map { i in
            CommentRecord(platform: .instagram, id: "v\(i)", author: Author(handle: "w\(i)"), text: "Mantap min",
                          createdAt: start + Double(i * 30), threadID: "post", inReplyTo: "post")
        }
        records[600].author = Author(handle: "ani")
        records[650].author = Author(handle: "ani")
        records[650].inReplyTo = "v600"
        // Her first word, far before the window, answered another citizen's comment.
        records[10].author = Author(handle: "ani")
        records[10].inReplyTo = "v5"
        try t.importRecords(records)
        let d = try t.desk.detail(id: try t.comment(.instagram, "v650").id)
        XCTAssertEqual(d.threadComments.map(\.externalID), ["v5", "v10", "v600", "v650"],
                       "her comments wherever they fall, and what they answered")
        XCTAssertEqual(try t.desk.detail(id: try t.comment(.instagram, "v10").id).threadComments.map(\.externalID),
                       ["v5", "v10", "v600", "v650"], "from her first comment too, her later ones far past the window")
    }

    func testTheAgencysPostThatStartedAThreadIsShownWithIt() throws {
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let t = try TestDesk(config: config)
        try t.importRecords([record("post", at: "2026-12-01T07:00:00+07:00", author: "diskominfo", thread: "post"),
                             record("c1", at: "2026-12-01T08:00:00+07:00", author: "ani", thread: "post", inReplyTo: "post"),
                             record("c2", at: "2026-12-01T08:05:00+07:00", author: "budi", thread: "post", inReplyTo: "post")])
        let d = try t.desk.detail(id: try t.comment(.x, "c2").id)
        XCTAssertEqual(d.threadReplies.map(\.externalID), ["post"], "the announcement the citizens answer")
    }
}
