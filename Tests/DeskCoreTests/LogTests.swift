import DeskCore
import Foundation
import XCTest

final class LogTests: XCTestCase {
    func testChainFollowsTheDesignRule() {
        // Vectors computed outside Meja (Python hashlib) from the DESIGN.md rule.
        let first = EventChain.hash(seq: 1, at: "2026-12-01T03:00:00Z", actor: "sari", action: "claim", subject: "42",
                                    payload: #"{"status":"claimed"}"#, prev: EventChain.genesis)
        XCTAssertEqual(first, "502a49823da0e1833e8420732281e2a1ace4f8662377c0dd5aa495bd94b58208")
        let second = EventChain.hash(seq: 2, at: "2026-12-01T03:05:00Z", actor: "budi", action: "reply", subject: "42",
                                     payload: #"{"text":"Halo Kak 🙏"}"#, prev: first)
        XCTAssertEqual(second, "9e3578d41bbef71542f8f5725e43d05d7aef81161fafa3713e63d8a136b4945b")
    }

    func testStoredEventsChainAndPayloadsAreStoredExactly() throws {
        let t = try TestDesk()
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00", text: "Halo \"min\" 🙏")])
        try t.desk.claim(try t.comment(.x, "1").id)
        let events = try t.store.read { try $0.events(from: 1, limit: 100) }
        XCTAssertEqual(events.map(\.seq), Array(1...Int64(events.count)))
        XCTAssertEqual(events.first?.prev, EventChain.genesis)
        for (a, b) in zip(events, events.dropFirst()) { XCTAssertEqual(b.prev, a.hash) }
        for e in events {
            XCTAssertEqual(e.hash, EventChain.hash(seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject,
                                                   payload: e.payload, prev: e.prev))
            XCTAssertTrue(e.at.hasSuffix("Z"))
            XCTAssertNotNil(JSONValue.parse(e.payload)?.objectValue, "payload is a JSON object")
        }
        let report = try LogAudit.verify(t.store)
        XCTAssertTrue(report.ok)
        XCTAssertEqual(report.count, Int64(events.count))
        XCTAssertEqual(report.head, events.last?.head)
    }

    /// A log with some history: imports, claims, replies, status changes.
    private func makeLog() throws -> TestDesk {
        let t = try TestDesk(now: "2026-12-01T08:00:00+07:00")
        try t.addStaff(["budi"])
        try t.importRecords((0..<12).map { record("c\($0)", at: "2026-12-01T07:\(10 + $0):00+07:00", author: "w\($0)") })
        for i in 0..<12 {
            t.clock.advance(60)
            let id = try t.comment(.x, "c\(i)").id
            try t.as("budi").claim(id)
            if i % 2 == 0 { try t.as("budi").reply(id, ReplyRequest(text: "Halo Kak \(i) 🙏")) }
            if i % 3 == 0 { try t.as("budi").setStatus(id, .closed) }
        }
        return t
    }

    func testAThousandRandomTamperingsAreAllDetectedAtTheRightSeq() throws {
        let original = try makeLog()
        let events = try original.store.read { try $0.events(from: 1, limit: 10_000) }
        let n = Int64(events.count)
        XCTAssertGreaterThan(n, 20)
        let head = try XCTUnwrap(events.last)
        let snapshot = original.dir.appendingPathComponent("pristine.sqlite")
        try original.store.backup(to: snapshot.path)
        var rng = SystemRandomNumberGenerator()
        var kinds: [String: Int] = [:]
        for round in 0..<1_000 {
            let copy = original.dir.appendingPathComponent("tampered-\(round).sqlite")
            try FileManager.default.copyItem(at: snapshot, to: copy)
            defer { try? FileManager.default.removeItem(at: copy) }
            let store = try SQLiteStore(path: copy.path)
            try store.unsafeExecute("DROP TRIGGER event_append_only_update; DROP TRIGGER event_append_only_delete")
            let k = Int64.random(in: 1...(n - 2), using: &rng)
            var anchor: LogVerifier.Anchor? = nil
            let expected: Int64
            let kind = ["edit", "delete", "insert-chained", "insert-naive", "swap", "truncate", "rewrite"].randomElement(using: &rng)!
            kinds[kind, default: 0] += 1
            switch kind {
            case "edit":
                let column = ["at", "actor", "action", "subject", "payload", "prev", "hash"].randomElement(using: &rng)!
                let value = column == "payload" ? #"{"forged":true}"# : column == "prev" || column == "hash" ? String(repeating: "a", count: 64) : "forged"
                try store.unsafeExecute("UPDATE event SET \(column) = '\(value)' WHERE seq = \(k)")
                expected = k
            case "delete":
                try store.unsafeExecute("DELETE FROM event WHERE seq = \(k)")
                expected = k
            case "insert-chained", "insert-naive":
                // Make room after k, then forge an event; a careful forger chains it to k and dates it with k's time.
                try store.unsafeExecute("UPDATE event SET seq = -seq WHERE seq > \(k); UPDATE event SET seq = -seq + 1 WHERE seq < 0")
                let prev = events[Int(k) - 1].hash, at = events[Int(k) - 1].at
                let payload = #"{"forged":true}"#
                let hash = kind == "insert-chained"
                    ? EventChain.hash(seq: k + 1, at: at, actor: "mallory", action: "reply", subject: "1", payload: payload, prev: prev)
                    : String(repeating: "b", count: 64)
                try store.unsafeExecute("""
                    INSERT INTO event (seq, at, actor, action, subject, payload, prev, hash)
                    VALUES (\(k + 1), '\(at)', 'mallory', 'reply', '1', '\(payload)', '\(prev)', '\(hash)')
                    """)
                expected = kind == "insert-chained" ? k + 2 : k + 1
            case "swap":
                let j = Int64.random(in: (k + 1)...n, using: &rng)
                try store.unsafeExecute("""
                    UPDATE event SET seq = -1 WHERE seq = \(k); UPDATE event SET seq = \(k) WHERE seq = \(j); UPDATE event SET seq = \(j) WHERE seq = -1
                    """)
                // Contents moved: event k now holds j's fields (wrong prev) or vice versa.
                expected = k
            case "truncate":
                try store.unsafeExecute("DELETE FROM event WHERE seq > \(k)")
                anchor = LogVerifier.Anchor(seq: head.seq, hash: head.hash)
                expected = k + 1
            default: // rewrite: edit event k and recompute every hash after it; only an anchor at or after k catches it
                let stored = try store.read { try $0.events(from: 1, limit: 10_000) }
                var prev = k > 1 ? stored[Int(k) - 2].hash : EventChain.genesis
                try store.unsafeExecute("DELETE FROM event WHERE seq >= \(k)")
                for var e in stored where e.seq >= k {
                    if e.seq == k { e.actor = "mallory" }
                    e.prev = prev
                    e.hash = EventChain.expectedHash(of: e)
                    prev = e.hash
                    try store.unsafeExecute("""
                        INSERT INTO event (seq, at, actor, action, subject, payload, prev, hash) VALUES
                        (\(e.seq), '\(e.at)', '\(e.actor)', '\(e.action)', '\(e.subject)', '\(e.payload.replacingOccurrences(of: "'", with: "''"))', '\(e.prev)', '\(e.hash)')
                        """)
                }
                XCTAssertTrue(try LogAudit.verify(store).ok, "without an anchor a full rewrite is consistent — as the README says")
                let at = Int64.random(in: k...n, using: &rng)
                anchor = LogVerifier.Anchor(seq: at, hash: events[Int(at) - 1].hash)
                expected = at
            }
            let report = try LogAudit.verify(store, anchor: anchor)
            XCTAssertFalse(report.ok, "round \(round): \(kind) at \(k) went unnoticed")
            XCTAssertEqual(report.failure?.seq, expected, "round \(round): \(kind) at \(k): \(report.failure?.reason ?? "")")
        }
        XCTAssertEqual(kinds.count, 7, "every kind of tampering was tried: \(kinds)")
    }

    func testActionsDatedPastTheYear4000AreStillAccountedFor() throws {
        // The state check once replayed only up to Date.distantFuture (4001-01-01): a reply dated later was "added behind
        // the log". The deinit of TestDesk runs the same check.
        let t = try TestDesk(now: "4500-06-01T10:00:00+07:00")
        try t.importRecords([record("far", at: "4500-06-01T09:00:00+07:00")])
        try t.desk.reply(try t.comment(.x, "far").id, ReplyRequest(text: "Terima kasih, Kak, sudah kami teruskan."))
        let check = try t.store.read { try LogStateCheck.check($0) }
        XCTAssertTrue(check.ok, "\(check.disagreements.map(\.message.en))")
    }

    func testAMejaNowFarAfterTheMachinesClockIsRefused() throws {
        let machine = try XCTUnwrap(Timestamp.parse("2026-11-30T21:00:00Z"))
        XCTAssertNoThrow(try ClockFromEnvironment.make(["MEJA_NOW": "2026-12-31T16:10:00+07:00"], machineNow: machine), "a month ahead: a test's date")
        XCTAssertNoThrow(try ClockFromEnvironment.make(["MEJA_NOW": "2020-01-01T00:00:00+07:00"], machineNow: machine), "the past is fine")
        XCTAssertThrowsError(try ClockFromEnvironment.make(["MEJA_NOW": "4026-12-01T10:00:00+07:00"], machineNow: machine)) { error in
            XCTAssertTrue("\(error)".contains("is more than a year after this machine's clock"), "\(error)")
        }
        XCTAssertThrowsError(try ClockFromEnvironment.make(["MEJA_NOW": "9999-12-31T23:59:59Z"], machineNow: machine))
    }

    func testAnEventDatedBeforeItsPredecessorIsNamedEvenWithItsChainMadeAnew() throws {
        let t = try makeLog()
        var events = try t.store.read { try $0.events(from: 1, limit: 10_000) }
        XCTAssertGreaterThan(events.count, 12)
        var prev = EventChain.genesis
        for i in events.indices {
            if i == 11 { events[i].at = "2026-11-01T00:00:00Z" }
            events[i].prev = prev
            events[i].hash = EventChain.expectedHash(of: events[i])
            prev = events[i].hash
        }
        var verifier = LogVerifier()
        for e in events { verifier.feed(e) }
        let report = verifier.finish()
        XCTAssertTrue(report.ok, "a warning, not a broken chain: logs of older versions can hold such events honestly")
        XCTAssertEqual(report.timeRegressionCount, 1)
        XCTAssertEqual(report.timeRegressions.first?.message, "event 12 is dated 2026-11-01T00:00:00Z, before event 11 (\(events[10].at))")
        // The same second as the event before is in order.
        events[11].at = events[10].at
        var prevHash = events[10].hash
        for i in 11..<events.count {
            events[i].prev = prevHash
            events[i].hash = EventChain.expectedHash(of: events[i])
            prevHash = events[i].hash
        }
        var again = LogVerifier()
        for e in events { again.feed(e) }
        XCTAssertEqual(again.finish().timeRegressionCount, 0)
        XCTAssertTrue(again.finish().ok)
    }

    func testAnchorOnAnIntactLogPasses() throws {
        let t = try makeLog()
        let head = try XCTUnwrap(try t.store.read { try $0.lastEvent() })
        XCTAssertTrue(try LogAudit.verify(t.store, anchor: .init(seq: head.seq, hash: head.hash)).ok)
        let middle = try XCTUnwrap(try t.store.read { try $0.events(from: 10, limit: 1) }.first)
        XCTAssertTrue(try LogAudit.verify(t.store, anchor: .init(seq: middle.seq, hash: middle.hash)).ok, "the log grew past the anchor")
        XCTAssertNil(LogVerifier.Anchor(parsing: "12:xyz"))
        XCTAssertEqual(LogVerifier.Anchor(parsing: head.head), .init(seq: head.seq, hash: head.hash))
    }

    func testTheStateCheckNamesWhatWasAddedOrRemovedBehindTheLog() throws {
        let t = try TestDesk()
        try t.addStaff(["budi"])
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00"), record("2", at: "2026-12-01T08:05:00+07:00")])
        let first = try t.comment(.x, "1").id
        try t.desk.reply(first, ReplyRequest(text: "Halo Kak, kami bantu cek."))
        let clean = try t.store.read { try LogStateCheck.check($0) }
        XCTAssertTrue(clean.ok)
        XCTAssertEqual([clean.comments, clean.deskReplies, clean.staff], [2, 1, 2])
        t.tamperedWith = true
        try t.store.unsafeExecute("""
            INSERT INTO reply (comment_id, platform, text, sent_at, author, source) VALUES (\(first), 'x', 'Sudah beres.', 0, 'sari', 'desk');
            INSERT INTO staff (name, display_name, role, active) VALUES ('mallory', 'Mallory', 'supervisor', 1);
            DELETE FROM staff WHERE name = 'budi';
            """)
        let check = try t.store.read { try LogStateCheck.check($0, limit: 2) }
        XCTAssertEqual(check.disagreementCount, 4)
        XCTAssertEqual(check.disagreements.count, 2, "only the first ones are kept")
        XCTAssertEqual(check.disagreements.map(\.message.en), [
            "comment #\(first) replies: 2 on the desk, 1 in the log",
            "reply #2: on the desk, never in the log: added behind the log",
        ])
        let all = try t.store.read { try LogStateCheck.check($0) }.disagreements
        XCTAssertEqual(all.suffix(2).map(\.message.en), [
            "staff mallory: on the desk, never in the log: added behind the log",
            "staff budi: in the log (agent), missing from the desk: deleted behind the log",
        ])
        XCTAssertEqual(all[1].message.id, "balasan #2: ada di desk, tidak pernah di log: ditambahkan di luar log")
    }

    func testTheStateCheckNamesReportFiguresChangedBehindTheLog() throws {
        // Each of these changed with sqlite3 moves a public figure (volumes by platform, channel, intent, sentiment and
        // tag; a comment "imported" after the period leaves it; humour sent; overridden findings; template use).
        let t = try TestDesk()
        // Imported as `meja import` does, the tone read: intent, sentiment and the sensitive topics as tags.
        let toned = Desk.withReplyChecks(store: t.store, config: t.config, clock: t.clock,
                                         actor: ActorIdentity(name: "sari", login: "sari", overridden: false))
        try Importer(desk: toned).importData(Data("""
            {"platform":"x","id":"1","author":{"handle":"warga"},"text":"Banjir setinggi lutut di Jl. Merdeka, tolong min","created_at":"2026-12-01T08:00:00+07:00","channel":"@diskominfo"}
            {"platform":"x","id":"2","author":{"handle":"ani"},"text":"Halo min, mau tanya jam buka","created_at":"2026-12-01T08:05:00+07:00","channel":"@diskominfo"}
            """.utf8), name: "inbox.jsonl", format: MejaJSONLFormat())
        let flood = try t.comment(.x, "1"), other = try t.comment(.x, "2")
        XCTAssertTrue(flood.tags.contains("disaster"), "the tone governor tags the flood report: \(flood.tags)")
        try t.desk.reply(other.id, ReplyRequest(text: "Halo Kak, kami bantu cek.", templateID: "ack.general", templateVersion: 1))
        XCTAssertTrue(try t.store.read { try LogStateCheck.check($0) }.ok)
        t.tamperedWith = true
        try t.store.unsafeExecute("""
            UPDATE comment SET tags = '', intent = 'praise', sentiment = 0.9 WHERE id = \(flood.id);
            UPDATE comment SET platform = 'facebook', channel = '@other', imported_at = 1798761600 WHERE id = \(other.id);
            UPDATE reply SET humor = 2, override_reason = 'approved', template_id = NULL WHERE source = 'desk';
            """)
        let check = try t.store.read { try LogStateCheck.check($0) }
        let fields = check.disagreements.map { "\($0.subject.label.en) \($0.field.rawValue)" }
        XCTAssertEqual(Set(fields), ["comment #\(flood.id) intent", "comment #\(flood.id) sentiment", "comment #\(flood.id) tags",
                                     "comment #\(other.id) platform", "comment #\(other.id) channel", "comment #\(other.id) imported_at",
                                     "reply #1 humor", "reply #1 override_reason", "reply #1 template"], "\(fields)")
        let messages = check.disagreements.map(\.message.en)
        XCTAssertTrue(messages.contains("comment #\(flood.id) tags: none on the desk, disaster in the log"), "\(messages)")
        XCTAssertTrue(messages.contains("comment #\(other.id) imported_at: 2027-01-01T00:00:00Z on the desk, 2026-12-01T03:00:00Z in the log"),
                      "\(messages)")
        XCTAssertTrue(messages.contains("reply #1 template: none on the desk, ack.general v1 in the log"), "\(messages)")
    }

    func testTheWordsFingerprintFollowsItsPublishedRecipe() {
        // Computed with the Python lines in `CommentWords`' summary (hashlib), not with Meja.
        var r = record("1", at: "2026-12-01T08:00:00+07:00", text: "Banjir setinggi lutut 🌊", channel: nil)
        r.author = Author(handle: "warga", name: "Warga Kota")
        XCTAssertEqual(CommentWords.hex(CommentWords.fingerprint(of: r)), "d30bd60d71797ed9")
        // Absent is not empty: an empty account id and text differ from none.
        r = record("1", at: "2026-12-01T08:00:00+07:00", text: "", thread: "c9", inReplyTo: "0")
        r.author = Author(id: "", handle: "warga")
        XCTAssertEqual(CommentWords.hex(CommentWords.fingerprint(of: r)), "2d4c21da87d79558")
        XCTAssertEqual(CommentWords.parse("2d4c21da87d79558"), CommentWords.fingerprint(of: r))
        XCTAssertNil(CommentWords.parse("2d4c21da87d7955"))
        // An agency answer: its channel as stored (with its @) is the writer, with no account id or display name.
        let answer = Reply(commentID: 1, platform: .x, externalID: "a1", inReplyTo: "1", text: "Sudah kami teruskan ke dinas terkait.",
                           sentAt: Timestamp.parse("2026-12-01T08:30:00+07:00")!, author: "@diskominfo", source: .imported)
        XCTAssertEqual(CommentWords.hex(CommentWords.fingerprint(of: answer)), "256c65f773a69c33")
    }

    func testTheStateCheckNamesACitizensWordsOrNameChangedBehindTheLog() throws {
        let t = try TestDesk()
        var records = (1...8).map { i in
            record(String(i), at: "2026-12-01T08:0\(i):00+07:00", author: "warga\(i)", text: "Jalan rusak di RT \(i), mohon dicek", thread: "t\(i)")
        }
        for i in records.indices { records[i].author = Author(id: "u\(i)", handle: "warga\(i)", name: "Warga \(i)") }
        try t.importRecords(records)
        XCTAssertTrue(try t.store.read { try LogStateCheck.check($0) }.ok)
        let ids = try (1...8).map { try t.comment(.x, String($0)).id }
        t.tamperedWith = true
        // Each of the seven fields changed on its own comment, as someone with sqlite3 might soften a complaint or move
        // it to another citizen; the eighth is left alone.
        try t.store.unsafeExecute("""
            UPDATE comment SET external_id = 'x1' WHERE id = \(ids[0]);
            UPDATE comment SET author_id = 'u9' WHERE id = \(ids[1]);
            UPDATE comment SET author_handle = 'orang_lain' WHERE id = \(ids[2]);
            UPDATE comment SET author_name = NULL WHERE id = \(ids[3]);
            UPDATE comment SET thread_id = 't1' WHERE id = \(ids[4]);
            UPDATE comment SET in_reply_to = '1' WHERE id = \(ids[5]);
            UPDATE comment SET text = 'Terima kasih, sudah beres' WHERE id = \(ids[6]);
            """)
        let check = try t.store.read { try LogStateCheck.check($0) }
        XCTAssertEqual(check.disagreements.map { "\($0.subject.label.en) \($0.field.rawValue)" },
                       ids.prefix(7).map { "comment #\($0) words_sha256" })
        let logged = try CommentWords.hex(CommentWords.fingerprint(of: records[6]))
        XCTAssertTrue(check.disagreements[6].message.en.hasPrefix("comment #\(ids[6]) words or writer (words_sha256): "), check.disagreements[6].message.en)
        XCTAssertTrue(check.disagreements[6].message.en.hasSuffix(" on the desk, \(logged) in the log"), check.disagreements[6].message.en)
    }

    func testTheStateCheckNamesAnAgencyAnswerFoundByAnImportThatWasMovedOrRemoved() throws {
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let t = try TestDesk(config: config)
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00"), record("2", at: "2026-12-01T08:01:00+07:00", author: "ani"),
                             record("a1", at: "2026-12-01T08:30:00+07:00", author: "diskominfo", inReplyTo: "1"),
                             record("a2", at: "2026-12-01T08:40:00+07:00", author: "diskominfo", inReplyTo: "2")])
        let first = try t.comment(.x, "1").id, second = try t.comment(.x, "2").id
        let answers = try t.store.read { tx in try tx.replies(commentID: first) + tx.replies(commentID: second) }
        XCTAssertEqual(answers.map(\.source), [.imported, .imported])
        XCTAssertTrue(try t.store.read { try LogStateCheck.check($0) }.ok)
        t.tamperedWith = true
        // Moved to look like a quicker answer, and one removed.
        try t.store.unsafeExecute("""
            UPDATE reply SET sent_at = sent_at - 1500 WHERE id = \(answers[0].id); DELETE FROM reply WHERE id = \(answers[1].id);
            """)
        let messages = try t.store.read { try LogStateCheck.check($0) }.disagreements.map(\.message.en)
        XCTAssertTrue(messages.contains("reply #\(answers[0].id) sent_at: 2026-12-01T01:05:00Z on the desk, 2026-12-01T01:30:00Z in the log"), "\(messages)")
        XCTAssertTrue(messages.contains("reply #\(answers[1].id): in the log (imported), missing from the desk: deleted behind the log"), "\(messages)")
    }

    func testTheStateCheckNamesWhatTheAgencySaidChangedBehindTheLog() throws {
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let t = try TestDesk(config: config)
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00"), record("2", at: "2026-12-01T08:01:00+07:00", author: "ani"),
                             record("3", at: "2026-12-01T08:02:00+07:00", author: "budi"),
                             record("a1", at: "2026-12-01T08:30:00+07:00", author: "diskominfo", text: "Sudah kami teruskan ke dinas terkait.",
                                    inReplyTo: "1"),
                             record("a2", at: "2026-12-01T08:40:00+07:00", author: "diskominfo", inReplyTo: "2"),
                             record("a3", at: "2026-12-01T08:50:00+07:00", author: "diskominfo", inReplyTo: "3")])
        let answers = try ["1", "2", "3"].map { number in
            let id = try t.comment(.x, number).id
            return try t.store.read { tx in try tx.replies(commentID: id) }[0]
        }
        // The import's event states each answer's fingerprint by the published recipe, computed here from the stored reply.
        let event = try XCTUnwrap(t.store.read { try $0.events(subject: nil, action: LogAction.importBatch.rawValue, limit: 1) }.last)
        let rows = try XCTUnwrap(JSONValue.parse(event.payload)?["agency_replies"]?.arrayValue)
        XCTAssertEqual(rows.map { $0.arrayValue?[2].stringValue }, answers.map { CommentWords.hex(CommentWords.fingerprint(of: $0)) })
        XCTAssertEqual(rows.map { $0.arrayValue?[3].stringValue }, ["x", "x", "x"])
        XCTAssertTrue(try t.store.read { try LogStateCheck.check($0) }.ok)
        t.tamperedWith = true
        // The answer's words made to promise more, another answer moved to a different citizen's comment on the platform,
        // the third to another platform.
        try t.store.unsafeExecute("""
            UPDATE reply SET text = 'Sudah kami perbaiki hari ini.' WHERE id = \(answers[0].id);
            UPDATE reply SET in_reply_to = '3' WHERE id = \(answers[1].id);
            UPDATE reply SET platform = 'mastodon' WHERE id = \(answers[2].id);
            """)
        let check = try t.store.read { try LogStateCheck.check($0) }
        XCTAssertEqual(check.disagreements.map { "\($0.subject.label.en) \($0.field.rawValue)" },
                       ["reply #\(answers[0].id) words_sha256", "reply #\(answers[1].id) words_sha256", "reply #\(answers[2].id) platform"])
        XCTAssertTrue(check.disagreements[0].message.en.hasSuffix(" in the log"), check.disagreements[0].message.en)
    }

    func testTheStateCheckNamesAnAgencyAnswerSwappedOrAddedBehindTheLog() throws {
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let t = try TestDesk(config: config)
        // The second answer comes before its comment (an export of the agency's posts imported first): a later import
        // links it, and says so.
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00"),
                             record("a1", at: "2026-12-01T08:30:00+07:00", author: "diskominfo", inReplyTo: "1"),
                             record("a2", at: "2026-12-01T08:40:00+07:00", author: "diskominfo", inReplyTo: "2")])
        try t.importRecords([record("2", at: "2026-12-01T08:01:00+07:00", author: "ani")])
        let first = try t.comment(.x, "1").id, second = try t.comment(.x, "2").id
        let a1 = try XCTUnwrap(t.store.read { try $0.replies(commentID: first) }.first?.id)
        let a2 = try XCTUnwrap(t.store.read { try $0.replies(commentID: second) }.first?.id)
        XCTAssertTrue(try t.store.read { try LogStateCheck.check($0) }.ok, "the later link is on the log")
        t.tamperedWith = true
        // Each answer moved to the other's comment (the counts stay the same), and an answer the agency never gave added.
        try t.store.unsafeExecute("""
            UPDATE reply SET comment_id = CASE id WHEN \(a1) THEN \(second) ELSE \(first) END WHERE id IN (\(a1), \(a2));
            INSERT INTO reply (comment_id, platform, external_id, in_reply_to, thread_key, text, sent_at, author, source)
              VALUES (\(first), 'x', 'forged', '1', '1', 'Sudah kami perbaiki', 1764550800, '@diskominfo', 'imported');
            """)
        let messages = try t.store.read { try LogStateCheck.check($0) }.disagreements.map(\.message.en)
        XCTAssertTrue(messages.contains("reply #\(a1) comment: #\(second) on the desk, #\(first) in the log"), "\(messages)")
        XCTAssertTrue(messages.contains("reply #\(a2) comment: #\(first) on the desk, #\(second) in the log"), "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasSuffix(": on the desk, never in the log: added behind the log") && $0.hasPrefix("reply #") },
                      "\(messages)")
    }

    func testAFractionOfASecondDoesNotMakeTheSortColumnsDisagree() throws {
        // A calendar response clock keeps the comment's fraction of a second, a business resolution clock does not: both
        // due at 08:30:00 once stored. The queue's sort columns are what the stored clocks give.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meja-mixed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("config.toml").path
        try Data("""
            [[sla]]
            name = "mixed"
            first_response = "1h calendar"
            next_response = "1h calendar"
            resolution = "1h business"
            at_risk = "25%"
            """.utf8).write(to: URL(fileURLWithPath: path))
        let config = DeskConfig.load(path: path)
        XCTAssertEqual(config.issues, [])
        let t = try TestDesk(now: "2026-12-01T07:40:00+07:00", config: config)
        let line = #"{"platform":"mastodon","id":"1","author":{"handle":"rina"},"text":"Halo min","created_at":"2026-12-01T00:30:00.500Z"}"#
        try Importer(desk: t.desk).importData(Data(line.utf8), name: "api.jsonl", format: MejaJSONLFormat())
        let check = try t.store.read { try LogStateCheck.check($0) }
        XCTAssertTrue(check.ok, "\(check.disagreements.map(\.message.en))")
    }

    func testTheStateCheckReplaysALongLogToItsLastEvent() throws {
        // The replay reads the log an event at a time (it once read pages of 256): the last of 600 events still counts.
        let t = try TestDesk()
        try t.addStaff(["budi"])
        try t.importRecords([record("a", at: "2026-12-01T08:00:00+07:00"), record("b", at: "2026-12-01T08:05:00+07:00")])
        let a = try t.comment(.x, "a").id, b = try t.comment(.x, "b").id
        for _ in 0..<300 {
            try t.as("budi").claim(a)
            try t.as("budi").release(a)
        }
        try t.as("budi").claim(b)
        let replay = try t.store.read { try LogReplay.replay($0, until: nil, keepingClocks: true) }
        XCTAssertGreaterThan(replay.lastSeq, 600)
        XCTAssertEqual(replay.states[b], .init(status: .claimed, assignee: "budi", replies: 0))
        XCTAssertEqual(replay.clocks[a]?.record.responseDueAt, try t.comment(.x, "a").sla.responseDueAt)
        XCTAssertTrue(try t.store.read { try LogStateCheck.check($0) }.ok)
        t.tamperedWith = true
        try t.store.unsafeExecute("UPDATE comment SET assignee = NULL, status = 'open' WHERE id = \(b)")
        let check = try t.store.read { try LogStateCheck.check($0) }
        XCTAssertEqual(check.disagreements.map(\.message.en), [
            "comment #\(b) status: open on the desk, claimed in the log",
            "comment #\(b) assignee: none on the desk, budi in the log",
        ])
    }

    func testLoggedClocksKeepEveryInstantTheyStateExactly() throws {
        let t = try TestDesk()
        try t.importRecords([record("a", at: "2026-12-01T08:00:00+07:00")])
        let id = try t.comment(.x, "a").id
        var logged = try XCTUnwrap(try t.store.read { try LogReplay.replay($0, until: nil, keepingClocks: true) }.clocks[id])
        // Stored in eight bytes each: a fraction of a second, and none, come back as they went in.
        let at = Date(timeIntervalSince1970: 1_764_550_000.25)
        let stated = SLARecord(responseClock: .nextResponse, responseDueAt: at, respondedAt: at + 0.5, responseStoppedAt: nil,
                               resolutionDueAt: at + 86_400.125, resolvedAt: nil, resolutionStoppedAt: at - 1,
                               pausedSince: Date(timeIntervalSinceReferenceDate: 0), escalatedAt: at + 60)
        logged.record = stated
        XCTAssertEqual(logged.record, stated)
        // What the log does not state is not kept.
        var more = stated
        more.policy = "standard"
        more.responseAtRiskAt = at
        more.pausedSeconds = 30
        logged.record = more
        XCTAssertEqual(logged.record, stated)
    }

    func testAPackedTableHoldsWhatADictionaryWould() {
        var table = IDTable<Int>()
        var dictionary: [Int64: Int] = [:]
        var random = SystemRandomNumberGenerator()
        for step in 0..<20_000 {
            let id = Int64.random(in: -50...500, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                table[id] = nil
                dictionary[id] = nil
            case 1:
                table[id]? += 1
                dictionary[id]? += 1
            default:
                table[id] = step
                dictionary[id] = step
            }
            XCTAssertEqual(table[id], dictionary[id])
        }
        XCTAssertEqual(table.count, dictionary.count)
        for id in Int64(-50)...500 { XCTAssertEqual(table[id], dictionary[id], "\(id)") }
    }

    func testAsOfReplayAgreesWithTheLiveStateAndWithEarlierMoments() throws {
        let t = try TestDesk(now: "2026-12-01T08:00:00+07:00")
        try t.addStaff(["budi"])
        try t.importRecords([record("a", at: "2026-12-01T07:00:00+07:00", author: "ani"),
                             record("b", at: "2026-12-01T07:05:00+07:00", author: "bima")])
        let a = try t.comment(.x, "a").id, b = try t.comment(.x, "b").id
        t.set("2026-12-01T09:00:00+07:00")
        try t.as("budi").claim(a)
        t.set("2026-12-01T10:00:00+07:00")
        try t.as("budi").reply(a, ReplyRequest(text: "Halo Kak"))
        t.set("2026-12-01T11:00:00+07:00")
        try t.desk.assign(b, to: "budi")
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let withChannel = Desk(store: t.store, config: config, clock: t.clock, actor: t.desk.actor)
        t.set("2026-12-01T12:00:00+07:00")
        try Importer(desk: withChannel).importData(Data(record("r", at: "2026-12-01T11:30:00+07:00", author: "@diskominfo", inReplyTo: "b").json.text.utf8),
                                                   name: "agency.jsonl", format: MejaJSONLFormat())
        t.set("2026-12-01T13:00:00+07:00")
        try t.as("budi").setStatus(a, .closed)

        func state(_ time: String) throws -> [Int64: LogReplay.State] {
            let replay = try t.store.read { try LogReplay.replay($0, until: Timestamp.parse(time)!) }
            return Dictionary(uniqueKeysWithValues: replay.states.ids.map { ($0, replay.states[$0]!) })
        }
        XCTAssertEqual(try state("2026-12-01T08:30:00+07:00"), [a: .init(), b: .init()])
        XCTAssertEqual(try state("2026-12-01T09:30:00+07:00")[a], .init(status: .claimed, assignee: "budi", replies: 0))
        XCTAssertEqual(try state("2026-12-01T10:30:00+07:00")[a], .init(status: .replied, assignee: "budi", replies: 1))
        XCTAssertEqual(try state("2026-12-01T11:15:00+07:00")[b], .init(status: .claimed, assignee: "budi", replies: 0))
        XCTAssertEqual(try state("2026-12-01T12:30:00+07:00")[b], .init(status: .replied, assignee: "budi", replies: 1))
        XCTAssertEqual(try state("2026-12-01T07:59:00+07:00"), [:], "nothing was on the desk before the first import")
        // At the end the replay equals the live state of every comment.
        let end = try state("2026-12-01T23:00:00+07:00")
        for id in [a, b] {
            let live = try XCTUnwrap(try t.store.read { try $0.comment(id: id) })
            let replies = try t.store.read { try $0.replies(commentID: id) }.count
            XCTAssertEqual(end[id], .init(status: live.status, assignee: live.assignee, replies: replies), "comment \(id)")
        }
    }
}

final class VersionLogTests: XCTestCase {
    func testConfigurationChangesAreLoggedOnceWithOldAndNew() throws {
        let t = try TestDesk()
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00")])
        try t.desk.claim(try t.comment(.x, "1").id)
        XCTAssertEqual(try t.store.read { try $0.events(subject: "config", action: "config.version", limit: 10) }.count, 1)
        var crisis = t.config
        crisis.crisisMode = true
        let changed = Desk(store: t.store, config: crisis, clock: t.clock, actor: t.desk.actor)
        try changed.setStatus(try t.comment(.x, "1").id, .open)
        try changed.claim(try t.comment(.x, "1").id)
        let versions = try t.store.read { try $0.events(subject: "config", action: "config.version", limit: 10) }
        XCTAssertEqual(versions.count, 2, "one event per change, not per action")
        XCTAssertEqual(versions[1].payloadValue["settings"]?["humor"]?["crisis_mode"]?.boolValue, true)
        XCTAssertEqual(versions[1].payloadValue["previous"]?["humor"]?["crisis_mode"]?.boolValue, false)
    }

    func testATemplateVersionIsLoggedAtFirstUseAndWhenItChanges() throws {
        let t = try TestDesk()
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00"), record("2", at: "2026-12-01T08:01:00+07:00"),
                             record("3", at: "2026-12-01T08:02:00+07:00")])
        func send(_ ext: String, version: Int, body: String) throws {
            try t.desk.reply(try t.comment(.x, ext).id, ReplyRequest(text: "Halo Kak", templateID: "id.ack", templateVersion: version, templateBody: body))
        }
        try send("1", version: 1, body: "Halo {citizen.name}")
        try send("2", version: 1, body: "Halo {citizen.name}")
        try send("3", version: 2, body: "Halo Kak {citizen.name} 🙏")
        let versions = try t.store.read { try $0.events(subject: "template:id.ack", action: "template.version", limit: 10) }
        XCTAssertEqual(versions.compactMap { $0.payloadValue["version"]?.intValue }, [1, 2])
        XCTAssertEqual(versions[1].payloadValue["body"]?.stringValue, "Halo Kak {citizen.name} 🙏")
        XCTAssertEqual(versions[1].payloadValue["previous"]?.stringValue, versions[0].payloadValue["fingerprint"]?.stringValue)
    }
}
