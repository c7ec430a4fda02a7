@testable import DeskCore
import Foundation
import XCTest

final class StoreTests: XCTestCase {
    func testAScanSeesWhatAReadSeesAndPutsTheConnectionBack() throws {
        let t = try TestDesk()
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00"), record("2", at: "2026-12-01T08:05:00+07:00")])
        func pragma(_ tx: any StoreReader, _ name: String) throws -> Int64 {
            let s = try RawStatement((tx as! SQLiteTransaction).db, sql: "PRAGMA \(name)")
            XCTAssertTrue(try s.step())
            return s.int(0)
        }
        let (mapped, cached) = try t.store.read { (try pragma($0, "mmap_size"), try pragma($0, "cache_size")) }
        XCTAssertGreaterThan(mapped, 0)
        // Inside a scan the file is read, not mapped, through a small cache; it sees the same snapshot a read does.
        let scanned = try t.store.scan { tx in
            XCTAssertEqual(try pragma(tx, "mmap_size"), 0)
            XCTAssertEqual(try pragma(tx, "cache_size"), -16_384)
            return (try tx.commentCount(), try tx.lastEvent()?.hash)
        }
        let read = try t.store.read { (try $0.commentCount(), try $0.lastEvent()?.hash) }
        XCTAssertEqual(scanned.0, 2)
        XCTAssertEqual(scanned.0, read.0)
        XCTAssertEqual(scanned.1, read.1)
        // The connection goes back to the pool as it was.
        XCTAssertEqual(try t.store.read { (try pragma($0, "mmap_size"), try pragma($0, "cache_size")) }.0, mapped)
        XCTAssertEqual(try t.store.read { try pragma($0, "cache_size") }, cached)
        XCTAssertTrue(try LogAudit.audit(t.store).ok)
    }

    func testImportedCommentRoundTripsThroughTheFile() throws {
        let t = try TestDesk()
        var r = record("100", at: "2026-12-01T08:00:00+07:00", text: "Jalan rusak 😡\u{1B}[2J", thread: "root", inReplyTo: "root")
        r.author = Author(id: "42", handle: "@warga", name: "Warga Baik")
        r.url = "https://x.com/warga/status/100"
        r.lang = "id"
        try t.importRecords([r])
        // A second store on the same file sees exactly what was written.
        let other = try SQLiteStore(path: t.path)
        let c = try XCTUnwrap(try other.read { try $0.comment(platform: .x, externalID: "100") })
        XCTAssertEqual(c.text, "Jalan rusak 😡\u{1B}[2J", "the original text is stored unchanged")
        XCTAssertEqual(c.author, r.author)
        XCTAssertEqual(c.createdAt, r.createdAt)
        XCTAssertEqual(c.threadKey, "root")
        XCTAssertEqual(c.url, r.url)
        XCTAssertEqual(c.status, .new)
        XCTAssertEqual(c.sla.policy, "default")
        XCTAssertNotNil(c.sla.responseDueAt)
    }

    func testADatabaseFromBeforeHandlesLostTheirAtSignKeepsItsCitizens() throws {
        let t = try TestDesk()
        try t.importRecords([record("1", at: "2026-12-01T08:00:00+07:00", author: "warga")])
        // As an older Meja left it: the handle stored with its @, and the migration not yet run.
        try t.store.unsafeExecute("""
            UPDATE comment SET author_handle = '@warga'; DELETE FROM grdb_migrations WHERE identifier = 'v5-handles-without-at'
            """)
        let reopened = try SQLiteStore(path: t.path)
        XCTAssertEqual(try reopened.read { try $0.comment(platform: .x, externalID: "1") }?.author.handle, "warga")
        let desk = Desk(store: reopened, config: t.config, clock: t.clock, actor: t.desk.actor)
        try Importer(desk: desk).importData(Data(record("2", at: "2026-12-01T08:05:00+07:00", author: "@warga").json.text.utf8),
                                            name: "later.jsonl", format: MejaJSONLFormat())
        XCTAssertEqual(try desk.detail(id: try t.comment(.x, "2").id).earlierByAuthor.map(\.externalID), ["1"], "one citizen")
    }

    func testFullTextSearchFindsWordsAndPrefixes() throws {
        let t = try TestDesk()
        try t.importRecords([
            record("1", at: "2026-12-01T08:00:00+07:00", text: "Banjir di Jl. Merdeka"),
            record("2", at: "2026-12-01T08:01:00+07:00", text: "Jalan rusak parah"),
            record("3", at: "2026-12-01T08:02:00+07:00", text: "banjir lagi, jalannya tergenang"),
        ])
        var q = QueueQuery(now: t.clock.now)
        q.search = "banjir"
        XCTAssertEqual(Set(try t.desk.queue(q).map(\.comment.externalID)), ["1", "3"])
        q.search = "jala"
        XCTAssertEqual(Set(try t.desk.queue(q).map(\.comment.externalID)), ["2", "3"], "the last word is a prefix")
        q.search = "banjir merdeka"
        XCTAssertEqual(try t.desk.queue(q).map(\.comment.externalID), ["1"])
        q.search = "\"!! 😡"
        XCTAssertEqual(try t.desk.queue(q).map(\.comment.externalID), [], "a search without a word matches nothing, not everything")
        XCTAssertEqual(try t.desk.counts(q).total, 0)
        q.search = "\u{0D4E}\" banjir"
        XCTAssertEqual(try t.desk.queue(q).map(\.comment.externalID), [], "a quote inside a word is a character to look for, not SQL")
    }

    func testQueueOrderBreachedThenAtRiskThenDueThenOldest() throws {
        // Default policy: 2h business first response, at risk in the last 25 % (30 min).
        let t = try TestDesk(now: "2026-12-01T12:00:00+07:00")
        try t.importRecords([
            record("on-track", at: "2026-12-01T11:00:00+07:00"),      // due 13:00
            record("breached-old", at: "2026-12-01T08:00:00+07:00"),  // due 10:00, breached 2h
            record("at-risk", at: "2026-12-01T10:10:00+07:00"),       // due 12:10
            record("breached-new", at: "2026-12-01T09:30:00+07:00"),  // due 11:30
            record("on-track-later", at: "2026-12-01T11:30:00+07:00"),
        ])
        let order = try t.desk.queue(limit: 10).map(\.comment.externalID)
        XCTAssertEqual(order, ["breached-old", "breached-new", "at-risk", "on-track", "on-track-later"])
        // Paging through the indexed segments gives the same order.
        let paged = try (0..<5).flatMap { try t.desk.queue(limit: 1, offset: $0).map(\.comment.externalID) }
        XCTAssertEqual(paged, order)
        // The filtered (scanning) path orders the same way.
        var q = QueueQuery(now: t.clock.now)
        q.platform = .x
        XCTAssertEqual(try t.desk.queue(q).map(\.comment.externalID), order)
        let counts = try t.desk.counts(QueueQuery(now: t.clock.now))
        XCTAssertEqual(counts, QueueCounts(total: 5, breached: 2, atRisk: 1))
    }

    func testAWriterKeptWaitingPastTheTimeoutIsToldTheDatabaseIsBusy() throws {
        let t = try TestDesk()
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00")])
        let id = try t.comment(.x, "1").id
        let impatient = Desk(store: try SQLiteStore(path: t.path, busyTimeout: 0.2), clock: t.clock, actor: t.desk.actor)
        // Another process (an import) holds the write lock all the while.
        try t.store.write { _ in
            XCTAssertThrowsError(try impatient.claim(id)) { error in
                XCTAssertEqual(error as? StoreError, .busy(0.2))
                XCTAssertTrue("\(error)".contains("the database is busy"), "\(error)")
                XCTAssertFalse("\(error)".contains("damaged"), "a busy desk is not called damaged")
                XCTAssertTrue((error as? StoreError)?.explanation.id.contains("basis data sedang sibuk") ?? false, "and the Indonesian desk says so in Indonesian")
            }
        }
        XCTAssertNoThrow(try impatient.claim(id), "once the lock is free, the same claim goes through")
    }

    func testClaimRaceBetweenConnectionsHasExactlyOneWinner() throws {
        let t = try TestDesk()
        let agents = (1...8).map { "agent\($0)" }
        try t.addStaff(agents)
        try t.importRecords([record("contested", at: "2026-12-01T09:00:00+07:00")])
        let id = try t.comment(.x, "contested").id
        // Each racer has its own connection pool, as separate processes would.
        let desks = try agents.map { name in
            Desk(store: try SQLiteStore(path: t.path), clock: t.clock, actor: ActorIdentity(name: name, login: name, overridden: false))
        }
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: desks.count) { i in
            do {
                try desks[i].claim(id)
                results.add(winner: agents[i])
            } catch DeskError.claimedByOther(_, let holder) {
                results.add(loserToldHolder: holder)
            } catch {
                results.add(error: "\(error)")
            }
        }
        XCTAssertEqual(results.errors, [])
        XCTAssertEqual(results.winners.count, 1)
        XCTAssertEqual(results.holders.count, agents.count - 1)
        XCTAssertEqual(Set(results.holders), Set(results.winners), "every loser is told who holds it")
        XCTAssertEqual(try t.comment(.x, "contested").assignee, results.winners.first)
        let claims = try t.store.read { try $0.events(subject: String(id), action: "claim", limit: 100) }
        XCTAssertEqual(claims.count, 1, "only the winning claim is on the log")
    }

    func testSQLiteRunsWithoutItsOwnLocksOnceAStoreIsOpen() throws {
        // The claim race above shows GRDB's serialisation is enough; this shows the settings took effect.
        _ = try TestDesk()
        XCTAssertTrue(SQLiteStore.processSettingsApplied, "SQLite was used before the first store opened: it runs with its own locks")
    }

    func testEventTableRefusesUpdateAndDelete() throws {
        let t = try TestDesk()
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00")])
        XCTAssertThrowsError(try t.store.unsafeExecute("UPDATE event SET actor = 'mallory'"))
        XCTAssertThrowsError(try t.store.unsafeExecute("DELETE FROM event"))
        XCTAssertTrue(try LogAudit.verify(t.store).ok)
    }

    func testAWriteThatChangesTheRecordWithoutAnEventIsRolledBack() throws {
        let t = try TestDesk()
        XCTAssertThrowsError(try t.store.write { tx in
            _ = try tx.insertComment(Comment(id: 0, platform: .x, externalID: "sneaky", author: Author(handle: "a"), text: "t",
                                             createdAt: t.clock.now, importedAt: t.clock.now))
        }) { XCTAssertEqual($0 as? StoreError, .unloggedChange) }
        XCTAssertEqual(try t.store.read { try $0.commentCount() }, 0)
    }

    func testADatabaseOfTheFirstSchemaGetsTheAuthorAndThreadIndex() throws {
        let t = try TestDesk()
        func authorIndex() throws -> [String] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["sqlite3", t.path, "SELECT name FROM pragma_index_info('comment_author') ORDER BY seqno"]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            p.waitUntilExit()
            return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
        }
        XCTAssertEqual(try authorIndex(), ["platform", "author_handle", "thread_key", "created_at"])
        // As a database made before the second migration: the old index, and no record of the migration.
        try t.store.unsafeExecute("""
            DROP INDEX comment_author; CREATE INDEX comment_author ON comment (platform, author_handle, created_at);
            DELETE FROM grdb_migrations WHERE identifier = 'v2-author-thread'
            """)
        XCTAssertEqual(try authorIndex(), ["platform", "author_handle", "created_at"])
        _ = try SQLiteStore(path: t.path)
        XCTAssertEqual(try authorIndex(), ["platform", "author_handle", "thread_key", "created_at"])
    }

    func testAnotherProgramsDatabaseIsRefusedAndLeftAsItWas() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meja-other-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("inventory.sqlite").path
        func sqlite(_ sql: String) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["sqlite3", path, sql]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            p.waitUntilExit()
            return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try sqlite("CREATE TABLE stock (item TEXT); INSERT INTO stock VALUES ('kertas')")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SQLiteStore(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .notMeja(path, tables: ["stock"]))
            XCTAssertTrue("\(error)".contains("an SQLite database of another program (tables stock), not a Meja desk"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "no table added, not switched to WAL")
        XCTAssertEqual(try sqlite("PRAGMA journal_mode"), "delete")
        // Another program built on GRDB keeps its migrations in a table of the same name, without Meja's.
        let other = dir.appendingPathComponent("notes.sqlite").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", other, "CREATE TABLE grdb_migrations (identifier TEXT PRIMARY KEY); INSERT INTO grdb_migrations VALUES ('createNotes'); CREATE TABLE notes (id INTEGER PRIMARY KEY)"]
        try p.run()
        p.waitUntilExit()
        let notes = try Data(contentsOf: URL(fileURLWithPath: other))
        XCTAssertThrowsError(try SQLiteStore(path: other)) { error in
            XCTAssertEqual(error as? StoreError, .notMeja(other, tables: ["notes"]))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: other)), notes)
    }

    func testANewDatabaseTakesItsPermissionsFromTheUmaskSoAGroupCanShareIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meja-shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func mode(_ path: String) throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1 }
        let saved = umask(0o002)
        defer { umask(saved) }
        let shared = dir.appendingPathComponent("shared.sqlite").path
        let store = try SQLiteStore(path: shared)
        XCTAssertEqual(try mode(shared), 0o664, "staff in the folder's group can write it")
        XCTAssertEqual(try mode(shared + "-wal"), 0o664, "and the files SQLite writes beside it")
        _ = store
        umask(0o022)
        let own = dir.appendingPathComponent("own.sqlite").path
        _ = try SQLiteStore(path: own)
        XCTAssertEqual(try mode(own), 0o644)
    }

    func testADatabaseOfANewerMejaNamesTheChangeItDoesNotKnow() throws {
        let t = try TestDesk()
        try t.store.unsafeExecute("INSERT INTO grdb_migrations (identifier) VALUES ('v9-shared-inbox')")
        XCTAssertThrowsError(try SQLiteStore(path: t.path)) { error in
            XCTAssertEqual(error as? StoreError, .newerSchema("v9-shared-inbox"))
            XCTAssertTrue("\(error)".contains("its schema has v9-shared-inbox, which this one does not know"), "\(error)")
        }
    }

    func testABatchsLookUpOfAgencyMessagesWalksTheBatchNotTheReplies() throws {
        // On a new database, without statistics, the planner chose to walk every reply and scan the batch for each.
        let t = try TestDesk()
        let sql = SQLiteTransaction.replyExternalIDsSQL.replacingOccurrences(of: "json_each(?)", with: "json_each('[\"a\"]')")
            .replacingOccurrences(of: "r.platform = ?", with: "r.platform = 'x'")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", t.path, "EXPLAIN QUERY PLAN " + sql]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        let plan = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(plan.contains("SCAN j"), plan)
        XCTAssertTrue(plan.contains("(platform=? AND external_id=?)"), "each id a probe of the index: \(plan)")
    }

    func testDraftsSurviveAndAreNotOnTheLog() throws {
        let t = try TestDesk()
        try t.importRecords([record("1", at: "2026-12-01T09:00:00+07:00")])
        let id = try t.comment(.x, "1").id
        let before = try t.store.read { try $0.lastEvent()?.seq }
        try t.desk.saveDraft(for: id, text: "Halo Kak, sedang kami cek 🙏")
        let reopened = Desk(store: try SQLiteStore(path: t.path), clock: t.clock, actor: t.desk.actor)
        XCTAssertEqual(try reopened.draft(for: id)?.text, "Halo Kak, sedang kami cek 🙏")
        XCTAssertEqual(try t.store.read { try $0.lastEvent()?.seq }, before)
        // The queue marks it for the one who wrote it, not for anyone else.
        XCTAssertEqual(try t.desk.queue(limit: 10).first { $0.comment.id == id }?.hasDraft, true)
        let other = t.desk.acting(as: ActorIdentity(name: "budi", login: "budi", overridden: false))
        XCTAssertEqual(try other.queue(limit: 10).first { $0.comment.id == id }?.hasDraft, false)
        try t.desk.saveDraft(for: id, text: "")
        XCTAssertEqual(try t.desk.queue(limit: 10).first { $0.comment.id == id }?.hasDraft, false, "an emptied draft is gone")
        try t.desk.saveDraft(for: id, text: "Halo")
        try t.desk.saveDraft(for: id, text: "   \n\t ")
        XCTAssertNil(try t.desk.draft(for: id), "blanks alone are no draft")
        XCTAssertEqual(try t.desk.queue(limit: 10).first { $0.comment.id == id }?.hasDraft, false)
        // A draft keeps what its writer had seen when it was begun, however often it is saved after.
        try t.desk.saveDraft(for: id, text: "Halo", seenReplyID: 3)
        try t.desk.saveDraft(for: id, text: "Halo Kak", seenReplyID: 9)
        XCTAssertEqual(try reopened.draft(for: id)?.seenReplyID, 3)
        try t.desk.saveDraft(for: id, text: "")
        try t.desk.saveDraft(for: id, text: "Baru", seenReplyID: 9)
        XCTAssertEqual(try t.desk.draft(for: id)?.seenReplyID, 9, "a new draft begins anew")
    }
}

/// Collects outcomes from concurrent work.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var winners: [String] = []
    private(set) var holders: [String] = []
    private(set) var errors: [String] = []
    func add(winner: String) { lock.withLock { winners.append(winner) } }
    func add(loserToldHolder: String) { lock.withLock { holders.append(loserToldHolder) } }
    func add(error: String) { lock.withLock { errors.append(error) } }
}
