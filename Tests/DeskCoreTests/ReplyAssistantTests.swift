import DeskCore
import XCTest

final class ReplyAssistantTests: XCTestCase {
    func testEveryDemoCommentGetsThreeSuggestionsInItsOwnLanguage() throws {
        let t = try TestDesk()
        let desk = Desk.withReplyChecks(store: t.store, config: t.config, clock: t.clock, actor: t.desk.actor)
        XCTAssertNotNil(try DemoSeeder(desk: desk, count: 400).seedIfEmpty())
        let (library, issues) = ReplyAssistant.loadLibrary()
        XCTAssertEqual(issues, [])
        let assistant = ReplyAssistant(desk: desk, library: library)
        var q = QueueQuery(now: t.clock.now, statuses: Set(CommentStatus.allCases), limit: 100_000)
        q.offset = 0
        let comments = try desk.queue(q).map(\.comment)
        XCTAssertGreaterThan(comments.count, 400)
        for c in comments {
            let (verdict, suggestions) = try assistant.suggestions(for: c.id)
            let own = suggestions.filter { s in verdict.lang == .english ? s.lang == .english : s.lang == .indonesian }
            XCTAssertGreaterThanOrEqual(own.count, 3, "comment \(c.id) '\(c.text)' (\(verdict.lang)) got \(suggestions.map(\.templateID))")
            for s in suggestions {
                XCTAssertLessThanOrEqual(s.humor, verdict.humorAllowed, "no humour above what the tone allows")
                XCTAssertTrue(ReplyLinter.unresolvedVariables(in: s.text).isEmpty || s.text.contains("{"), "rendered: \(s.text)")
            }
        }
    }

    func testACommentRecordedAsAComplaintAllowsNoHumourInSuggestionsOrReview() throws {
        let t = try TestDesk()
        let desk = Desk.withReplyChecks(store: t.store, config: t.config, clock: t.clock, actor: t.desk.actor)
        try t.addStaff(["budi"], role: .supervisor)
        try t.importRecords([record("joke", at: "2026-12-01T08:00:00+07:00", text: "lubang di jalan depan rumah udah bisa buat ternak lele belum min? wkwkwk 😂")])
        let comment = try t.comment(.x, "joke")
        let assistant = ReplyAssistant(desk: desk, library: ReplyAssistant.loadLibrary().library)
        XCTAssertGreaterThan(assistant.verdict(for: comment).humorAllowed, .none, "a joke, read so from its words")
        try t.as("budi").setIntent(comment.id, .complaint)
        let corrected = try t.comment(.x, "joke")
        let (verdict, suggestions) = try assistant.suggestions(for: corrected.id)
        XCTAssertEqual(verdict.humorAllowed, .none)
        XCTAssertTrue(verdict.reasons.contains("humour 0: recorded on the desk as a complaint"), "\(verdict.reasons)")
        XCTAssertTrue(suggestions.allSatisfy { $0.humor == .none }, "\(suggestions.map(\.templateID))")
        let review = LintingReviewer(config: t.config).review(text: "Siap, lelenya kami tunggu 😂", humor: 2, comment: corrected, config: t.config)
        XCTAssertEqual(review.humorAllowed, 0)
        XCTAssertTrue(review.findings.contains { $0.code == .humorAboveAllowed }, "\(review.findings)")
    }

    func testAnAnswerPastTheStandardIsOfferedTheApologyForTheWait() throws {
        let t = try TestDesk(now: "2026-12-01T08:30:00+07:00")
        let desk = Desk.withReplyChecks(store: t.store, config: t.config, clock: t.clock, actor: t.desk.actor)
        try t.importRecords([record("old", at: "2026-12-01T08:00:00+07:00", text: "Min, tanya jadwal posyandu bulan ini"),
                             record("new", at: "2026-12-01T13:00:00+07:00", author: "warga2", text: "Min, tanya jadwal posyandu bulan ini")])
        t.set("2026-12-01T13:05:00+07:00")
        let assistant = ReplyAssistant(desk: desk, library: ReplyAssistant.loadLibrary().library)
        XCTAssertTrue(try assistant.suggestions(for: try t.comment(.x, "old").id).suggestions.contains { $0.purpose == "apology_late" },
                      "due by 10:00, still unanswered at 13:05")
        XCTAssertFalse(try assistant.suggestions(for: try t.comment(.x, "new").id).suggestions.contains { $0.purpose == "apology_late" })
    }

    func testEachSuggestionIsRenderedInItsOwnLanguage() throws {
        let t = try TestDesk(now: "2026-12-01T10:00:00+07:00")
        let desk = Desk.withReplyChecks(store: t.store, config: t.config, clock: t.clock, actor: t.desk.actor)
        try t.importRecords([record("mix", at: "2026-12-01T09:00:00+07:00", text: "Lol the smart city app crashed again, smart banget ya 🙃")])
        let assistant = ReplyAssistant(desk: desk, library: ReplyAssistant.loadLibrary().library)
        let suggestions = try assistant.suggestions(for: try t.comment(.x, "mix").id, limit: 10).suggestions
        let english = try XCTUnwrap(suggestions.first { $0.lang == .english && $0.text.contains("at the latest") }, "\(suggestions.map(\.templateID))")
        XCTAssertFalse(english.text.contains("Desember") || english.text.contains("pukul"), english.text)
        XCTAssertTrue(english.text.contains("December"), english.text)
        if let indonesian = suggestions.first(where: { $0.lang == .indonesian && $0.text.contains("paling lambat") }) {
            XCTAssertTrue(indonesian.text.contains("Desember"), indonesian.text)
        }
    }

    /// The demo teaches the house style: its answers fit what they answer (a missing child is not offered condolences,
    /// a joke about coffee is not answered about catfish), and a service is named only where it makes sense.
    func testTheDemosAnswersFitTheCommentsTheyAnswer() throws {
        let t = try TestDesk()
        let desk = Desk.withReplyChecks(store: t.store, config: t.config, clock: t.clock, actor: t.desk.actor)
        XCTAssertNotNil(try DemoSeeder(desk: desk, count: 1_300).seedIfEmpty())
        var q = QueueQuery(now: t.clock.now, statuses: Set(CommentStatus.allCases), limit: 100_000)
        q.offset = 0
        var answered = 0
        for c in try desk.queue(q).map(\.comment) {
            XCTAssertFalse(c.text.contains("PBB hilang") || c.text.contains("PPDB SMP hilang") || c.text.contains("renew my PBB"), c.text)
            for r in try t.store.read({ try $0.replies(commentID: c.id) }) {
                answered += 1
                if c.text.contains("Anak saya hilang") { XCTAssertFalse(r.text.contains("berduka"), "\(c.text) → \(r.text)") }
                if r.text.contains("lele") { XCTAssertTrue(c.text.contains("lele"), "\(c.text) → \(r.text)") }
                if c.text.contains("kebakaran") { XCTAssertTrue(r.text.contains("Damkar"), "\(c.text) → \(r.text)") }
                if c.text.contains("belum ada petugas") { XCTAssertTrue(r.text.contains("tim lapangan"), "\(c.text) → \(r.text)") }
                if c.text.contains("QRIS") { XCTAssertTrue(r.text.contains("QRIS"), "\(c.text) → \(r.text)") }
                XCTAssertFalse(c.text.contains("\u{1B}") || c.text.contains("\u{202E}"), "a hostile account's post is not answered: \(c.text)")
            }
        }
        XCTAssertGreaterThan(answered, 300)
    }

    /// A road complaint written at `time`, imported as `meja import` does (tone read), on a desk where it is now
    /// 30 November, 15:00 WIB.
    static func complaint(writtenAt time: String) throws -> (TestDesk, Desk, Comment) {
        let t = try TestDesk(now: "2026-11-30T15:00:00+07:00")
        let desk = Desk.withReplyChecks(store: t.store, config: t.config, clock: t.clock, actor: t.desk.actor)
        try Importer(desk: desk).importData(Data(record("1", at: time, author: "ani",
                                                        text: "Jalan di depan SDN 3 rusak parah, kapan diperbaiki?? 😡").json.text.utf8),
                                            name: "t", format: MejaJSONLFormat())
        return (t, desk, try t.comment(.x, "1"))
    }

    func testTemplateRepliesRenderPromiseAndAreCheckedBeforeSending() throws {
        let (t, desk, c) = try Self.complaint(writtenAt: "2026-11-30T14:00:00+07:00")
        XCTAssertEqual(c.intent, .complaint, "the governor read the intent at import")
        XCTAssertEqual(c.sla.policy, "complaints", "so the complaints standard applies")
        XCTAssertNotNil(c.sentiment)
        let assistant = ReplyAssistant(desk: desk, library: ReplyAssistant.loadLibrary().library)
        let (_, suggestions) = try assistant.suggestions(for: c.id)
        let holding = try XCTUnwrap(suggestions.first { $0.text.contains("Desember 2026") || $0.text.contains("2026 pukul") })
        XCTAssertTrue(holding.text.contains("Senin, 7 Desember 2026 pukul 14.00 WIB"), holding.text)
        let request = try assistant.request(template: holding.templateID, for: c.id)
        XCTAssertEqual(request.templateID, holding.templateID)
        XCTAssertEqual(request.text, holding.text)
        try desk.reply(c.id, request)
        let e = try XCTUnwrap(try t.store.read { try $0.lastEvent() })
        XCTAssertEqual(e.payloadValue["template_id"]?.stringValue, holding.templateID)
        XCTAssertEqual(e.payloadValue["tone"]?["humor_allowed"]?.intValue, 0)
        XCTAssertEqual(e.payloadValue["humor_allowed"]?.intValue, 0)
        XCTAssertThrowsError(try assistant.request(template: "no.such.template", for: c.id))
    }

    func testAPromiseWhoseDateHasPassedIsMadeAnewFromNow() throws {
        // A complaint of 16 November, its five working days gone by 30 November: the holding reply does not promise
        // a date in the past but five working days from now.
        let (t, desk, c) = try Self.complaint(writtenAt: "2026-11-16T09:00:00+07:00")
        XCTAssertLessThan(try XCTUnwrap(c.sla.resolutionDueAt), t.clock.now, "the standard's date has passed")
        let assistant = ReplyAssistant(desk: desk, library: ReplyAssistant.loadLibrary().library)
        XCTAssertEqual(try assistant.promise(for: c, lang: .indonesian), "Senin, 7 Desember 2026 pukul 15.00 WIB")
        XCTAssertEqual(try assistant.promise(for: c, lang: .english), "Monday 7 December 2026, 15:00 WIB")
    }

    func testANIKInAReplyIsBlockedWithoutAnOverride() throws {
        let t = try TestDesk()
        let desk = Desk.withReplyChecks(store: t.store, config: t.config, clock: t.clock, actor: t.desk.actor)
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00", text: "Min, data saya sudah masuk belum?")])
        let id = try t.comment(.x, "1").id
        XCTAssertThrowsError(try desk.reply(id, ReplyRequest(text: "Data NIK 3171012345678901 sudah masuk, Kak"))) { error in
            guard case .blocked(let messages) = error as? DeskError else { return XCTFail("\(error)") }
            XCTAssertFalse(messages.isEmpty)
        }
        XCTAssertEqual(try t.store.read { try $0.replies(commentID: id) }.count, 0)
        let sent = try desk.reply(id, ReplyRequest(text: "Data NIK 3171012345678901 sudah masuk, Kak", overrideReason: "warga meminta konfirmasi"))
        XCTAssertEqual(sent.overrideReason, "warga meminta konfirmasi")
        let findings = try t.store.read { try $0.lastEvent() }?.payloadValue["findings"]?.arrayValue ?? []
        XCTAssertTrue(findings.contains { $0["code"]?.stringValue == "personal_data" })
    }

    func testAnUnfilledVariableIsNeverSentPastWithAReason() throws {
        let t = try TestDesk()
        let desk = Desk.withReplyChecks(store: t.store, config: t.config, clock: t.clock, actor: t.desk.actor)
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00", text: "Min, jadwal vaksin di mana?")])
        let id = try t.comment(.x, "1").id
        XCTAssertThrowsError(try desk.reply(id, ReplyRequest(text: "Halo Kak, info lengkap di {link} ya", overrideReason: "buru-buru sekali kak"))) { error in
            guard case .blocked(let findings) = error as? DeskError else { return XCTFail("\(error)") }
            XCTAssertEqual(findings.map(\.code), [.unresolvedVariable])
            XCTAssertTrue((error as? DeskError)?.explanation.en.contains("no reason sends a reply past this") == true)
        }
        XCTAssertEqual(try t.store.read { try $0.replies(commentID: id) }.count, 0)
        XCTAssertFalse(LintFinding(code: .unresolvedVariable, message: "x", blocking: true).overridable)
        XCTAssertTrue(LintFinding(code: .tooLong, message: "x", blocking: true).overridable, "X Premium posts longer replies")
    }

    func testFreeTextRepliesAreRecordedWithTheHumourTheLinterEstimated() throws {
        let t = try TestDesk()
        let desk = Desk.withReplyChecks(store: t.store, config: t.config, clock: t.clock, actor: t.desk.actor)
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00", text: "Banjir setinggi dada di Jl. Merdeka, tolong!"),
                             record("2", at: "2026-12-01T09:05:00+07:00", author: "budi", text: "Min, kantor buka jam berapa?")])
        let flood = try t.comment(.x, "1").id
        XCTAssertThrowsError(try desk.reply(flood, ReplyRequest(text: "Wkwk santai aja Kak 😂")), "a joke on a disaster is blocked")
        for throwaway in ["qa", "ok ok", "test", "  ", "1234567890 12", "sudah ok", "ok ok ok ok", "a b c d e f g h", "tes tes tes"] {
            XCTAssertThrowsError(try desk.reply(flood, ReplyRequest(text: "Wkwk santai aja Kak 😂", overrideReason: throwaway)),
                                 "'\(throwaway)' is no reason") { error in
                if throwaway.trimmingCharacters(in: .whitespaces).isEmpty { return }
                XCTAssertTrue("\(error)".contains("two different words or more"), "\(error)")
                XCTAssertEqual((error as? DeskError)?.exitCode, 1, "a refused action")
            }
        }
        let joke = try desk.reply(flood, ReplyRequest(text: "Wkwk santai aja Kak 😂", overrideReason: "link resmi"))
        XCTAssertEqual(joke.humor, 2, "the reply is recorded as the joke the linter saw")
        XCTAssertEqual(try t.store.read { try $0.replies(commentID: flood) }.first?.humor, 2, "and stored so, for the reports")
        XCTAssertEqual(try t.store.read { try $0.lastEvent() }?.payloadValue["humor"]?.intValue, 2, "and logged so")
        let plain = try desk.reply(try t.comment(.x, "2").id, ReplyRequest(text: "Halo Kak, kantor buka pukul 07.30 WIB."))
        XCTAssertEqual(plain.humor, 0)
        XCTAssertEqual(try t.store.read { try $0.lastEvent() }?.payloadValue["humor"]?.intValue, 0)
    }
}
