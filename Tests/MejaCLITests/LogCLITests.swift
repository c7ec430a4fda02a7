import DeskCore
import Foundation
import XCTest

final class LogCLITests: XCTestCase {
    private func seed(_ cli: CLIHarness, comments: Int) throws {
        let lines = (1...comments).map { i in
            #"{"platform":"x","id":"\#(i)","author":{"handle":"w\#(i)"},"text":"Halo min \#(i)","created_at":"2026-12-01T08:00:00+07:00"}"#
        }
        let file = try cli.write("seed.jsonl", lines.joined(separator: "\n"))
        XCTAssertEqual(try cli.run(["import", file]).status, 0)
    }

    func testTheReadmeAuditorScriptVerifiesAnExportAndCatchesTampering() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["demo", "--seed-only"]).status, 0)
        // A note for colleagues (an action of its own, its text over two lines) is verified like any event.
        XCTAssertEqual(try cli.run(["note", "3", "Sudah telepon warga.\nCek lagi besok 🙏"]).status, 0)
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "<!-- auditor-script:start -->\n```python\n"))
        let end = try XCTUnwrap(readme.range(of: "```\n<!-- auditor-script:end -->"))
        let script = try cli.write("verify.py", String(readme[start.upperBound..<end.lowerBound]))
        let export = try cli.run(["log", "export", "--format", "jsonl", "--out", cli.dir.appendingPathComponent("log.jsonl").path])
        XCTAssertEqual(export.status, 0, export.stderr)
        let head = try cli.run(["log", "head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let python = try runTool("/usr/bin/env", ["python3", script, cli.dir.appendingPathComponent("log.jsonl").path])
        XCTAssertEqual(python.status, 0, python.output)
        XCTAssertEqual(python.output.trimmingCharacters(in: .whitespacesAndNewlines), "OK: head \(head)", "the export includes its own export event")
        // One changed character in a payload is caught by the same script.
        var lines = try String(contentsOfFile: cli.dir.appendingPathComponent("log.jsonl").path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[20] = lines[20].replacingOccurrences(of: "\\\"", with: "\\\"x", options: [], range: lines[20].range(of: "\\\""))
        let forged = try cli.write("forged.jsonl", lines.joined(separator: "\n") + "\n")
        let caught = try runTool("/usr/bin/env", ["python3", script, forged])
        XCTAssertNotEqual(caught.status, 0)
        XCTAssertTrue(caught.output.contains("NOT OK at event 21"), caught.output)
        // An export cut at the front, and a head published earlier, are checked too.
        let original = try String(contentsOfFile: cli.dir.appendingPathComponent("log.jsonl").path, encoding: .utf8)
        let cut = try cli.write("cut.jsonl", original.split(separator: "\n").dropFirst(3).joined(separator: "\n") + "\n")
        let front = try runTool("/usr/bin/env", ["python3", script, cut])
        XCTAssertTrue(front.status != 0 && front.output.contains("must start at event 1"), front.output)
        let log = cli.dir.appendingPathComponent("log.jsonl").path
        XCTAssertEqual(try runTool("/usr/bin/env", ["python3", script, log, head]).status, 0, "the published head is in the export")
        let other = String(head.prefix { $0 != ":" }) + ":" + String(repeating: "a", count: 64)
        let mismatch = try runTool("/usr/bin/env", ["python3", script, log, other])
        XCTAssertTrue(mismatch.status != 0 && mismatch.output.contains("is not the one published"), mismatch.output)
        // An empty file is no verified log, and an event dated before the one before it is named (its chain made anew).
        let empty = try runTool("/usr/bin/env", ["python3", script, try cli.write("empty.jsonl", "")])
        XCTAssertTrue(empty.status != 0 && empty.output.contains("holds no event"), empty.output)
        var events = original.split(separator: "\n").compactMap { JSONValue.parse(String($0))?.objectValue }
        var prev = String(repeating: "0", count: 64)
        for i in events.indices {
            if i == 9 { events[i]["at"] = "2026-11-01T00:00:00Z" }
            events[i]["prev"] = .string(prev)
            let fields = ["seq", "at", "actor", "action", "subject", "payload", "prev"].map { k in events[i][k].map { $0.stringValue ?? "\($0.intValue!)" } ?? "" }
            prev = EventChain.sha256Hex(Data(fields.joined(separator: "\n").utf8))
            events[i]["hash"] = .string(prev)
        }
        let backdated = try cli.write("backdated.jsonl", events.map { JSONValue.object($0).text }.joined(separator: "\n") + "\n")
        let back = try runTool("/usr/bin/env", ["python3", script, backdated])
        XCTAssertTrue(back.status == 0 && back.output.contains("WARNING: event 10 is dated 2026-11-01T00:00:00Z, before"), back.output)
        // CSV export has the documented columns.
        let csv = try cli.run(["log", "export", "--format", "csv"])
        XCTAssertEqual(csv.stdout.split(separator: "\n").first, "seq,at,actor,action,subject,payload,prev,hash")
    }

    func testAnExportReplacesItsFileOnlyWhenWholeAndWritesWhereALinkPoints() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["demo", "--seed-only"]).status, 0)
        let fm = FileManager.default
        let kept = try cli.write("kept.jsonl", "an earlier export\n")
        XCTAssertEqual(chmod(kept, 0o600), 0)
        // Through a symbolic link: the file it points to gets the export, keeping its permissions; the link stays a link.
        let link = cli.dir.appendingPathComponent("latest.jsonl").path
        try fm.createSymbolicLink(atPath: link, withDestinationPath: "kept.jsonl")
        let export = try cli.run(["log", "export", "--out", link])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: link), "kept.jsonl")
        let first = try String(contentsOfFile: kept, encoding: .utf8)
        XCTAssertTrue(first.hasPrefix(#"{"action":"#) && first.split(separator: "\n").count > 1_000, String(first.prefix(200)))
        XCTAssertEqual((try fm.attributesOfItem(atPath: kept)[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: cli.dir.path).filter { $0.contains(".partial-") }, [])
        // Cut short: the export is killed while it waits for another writer (it has opened its destination by then).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", cli.database]
        let input = Pipe(), output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        // A write first (of nothing that changes), so that the write-ahead log the export opens is not empty: opening a
        // database whose log is empty would itself wait for the lock.
        input.fileHandleForWriting.write(Data("PRAGMA user_version = 0;\nBEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        XCTAssertEqual(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self), "locked\n")
        let cut = try cli.start(["log", "export", "--out", "kept.jsonl"])
        var partial: String?
        for _ in 0..<500 where partial == nil {
            partial = try fm.contentsOfDirectory(atPath: cli.dir.path).first { $0.hasPrefix(".kept.jsonl.partial-") }
            if partial == nil { usleep(10_000) }
        }
        kill(cut.process.processIdentifier, SIGKILL)
        let killed = cut.wait()
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        XCTAssertNotNil(partial, "the export writes beside its destination: \(killed.stderr)")
        XCTAssertEqual(try String(contentsOfFile: kept, encoding: .utf8), first, "an export cut short replaces nothing")
        // The next export to it removes what the killed one left; a write still running elsewhere keeps its file.
        let running = ".kept.jsonl.partial-\(getpid())"
        _ = try cli.write(running, "still being written\n")
        XCTAssertEqual(try cli.run(["log", "export", "--out", "kept.jsonl"]).status, 0)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: cli.dir.path).filter { $0.contains(".partial-") }, [running])
        // Links that go round in a loop are named, and nothing is written.
        try fm.createSymbolicLink(atPath: cli.dir.appendingPathComponent("loop-a").path, withDestinationPath: "loop-b")
        try fm.createSymbolicLink(atPath: cli.dir.appendingPathComponent("loop-b").path, withDestinationPath: "loop-a")
        let loop = try cli.run(["log", "export", "--out", cli.dir.appendingPathComponent("loop-a").path])
        XCTAssertEqual(loop.status, 1)
        XCTAssertTrue(loop.stderr.contains("its symbolic links go round in a loop"), loop.stderr)
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: cli.dir.appendingPathComponent("loop-a").path), "loop-b")
        // A device is written in place, never replaced by a file; a full one is an error in words, not a crash.
        let full = try cli.run(["log", "export", "--out", "/dev/full"])
        XCTAssertEqual(full.status, 1)
        XCTAssertTrue(full.stderr.contains("cannot write /dev/full: No space left on device"), full.stderr)
        var info = stat()
        XCTAssertEqual(stat("/dev/full", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/full is still a device")
        // Standard output on a full device: said, exit 1, not a crash.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIHarness.binary)
        p.arguments = ["log", "export"]
        p.environment = cli.env
        p.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        let err = Pipe()
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 1)
        XCTAssertTrue(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .contains("cannot write to standard output: No space left on device"))
    }

    func testLogShowListsEverySubjectItsHelpNames() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["demo", "--seed-only"]).status, 0)
        for (subject, action) in [("config", "config.version"), ("rina", "staff.add"), ("sla:default", "policy.version"), ("#1", "import")] {
            let shown = try cli.run(["log", "show", "--subject", subject, "--json"])
            XCTAssertEqual(shown.status, 0, "\(subject): \(shown.stderr)")
            let events = try jsonArray(shown.stdout)
            XCTAssertFalse(events.isEmpty, subject)
            if subject == "#1" {
                XCTAssertTrue(events.allSatisfy { $0["subject"]?.stringValue == "1" }, subject)
            } else {
                XCTAssertTrue(events.contains { $0["action"]?.stringValue == action }, "\(subject): \(shown.stdout.prefix(300))")
                XCTAssertTrue(events.allSatisfy { $0["subject"]?.stringValue == subject }, subject)
            }
        }
    }

    func testAClockSetBackCannotDateAnActionBeforeTheLog() throws {
        let cli = try CLIHarness()
        try seed(cli, comments: 2)
        // MEJA_NOW a week back: the claim is dated at the log's last event instead, and the command says so.
        let back = try cli.run(["claim", "1"], extraEnv: ["MEJA_NOW": "2026-11-24T10:00:00+07:00"])
        XCTAssertEqual(back.status, 0, back.stderr)
        XCTAssertTrue(back.stderr.contains("now is taken as 2026-12-01T03:00:00Z, and what you do is dated so"), back.stderr)
        let events = try jsonArray(try cli.run(["log", "show", "--json"]).stdout)
        XCTAssertEqual(events.last?["action"]?.stringValue, "claim")
        XCTAssertEqual(events.last?["at"]?.stringValue, "2026-12-01T03:00:00Z", "not 2026-11-24")
        XCTAssertEqual(try cli.run(["log", "verify"]).status, 0)
        // The clock right again: no warning, and actions are dated by it.
        let later = try cli.run(["claim", "2"], extraEnv: ["MEJA_NOW": "2026-12-01T10:05:00+07:00"])
        XCTAssertFalse(later.stderr.contains("dated"), later.stderr)
    }

    func testADamagedDatabaseIsNamedAsDamagedNotAsAWrongPath() throws {
        let cli = try CLIHarness()
        try seed(cli, comments: 3)
        XCTAssertEqual(try runTool("/usr/bin/env", ["sqlite3", cli.database, "PRAGMA wal_checkpoint(TRUNCATE);"]).status, 0)
        // The schema page overwritten, as in a copy torn by a write.
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: cli.database))
        try file.seek(toOffset: 120)
        file.write(Data(repeating: 0xFF, count: 3_000))
        try file.close()
        let verify = try cli.run(["log", "verify"])
        XCTAssertEqual(verify.status, 1, "a check that cannot be made has failed: \(verify.stderr)")
        XCTAssertTrue(verify.stderr.contains("is damaged") && verify.stderr.contains(".backup"), verify.stderr)
        XCTAssertFalse(verify.stderr.contains("Check --db"), verify.stderr)
    }

    func testVerifyWarnsOfAnEventDatedBeforeTheOneBeforeIt() throws {
        // As an older Meja with MEJA_NOW ahead of the clock could leave it: the last event (a claim) a week back.
        let cli = try CLIHarness()
        try seed(cli, comments: 1)
        XCTAssertEqual(try cli.run(["claim", "1"]).status, 0)
        let store = try SQLiteStore(path: cli.database)
        var last = try XCTUnwrap(try store.read { try $0.lastEvent() })
        last.at = "2026-11-24T03:00:00Z"
        try store.unsafeExecute("""
            DROP TRIGGER event_append_only_update;
            UPDATE event SET at = '\(last.at)', hash = '\(EventChain.expectedHash(of: last))' WHERE seq = \(last.seq);
            """)
        let verify = try cli.run(["log", "verify"])
        XCTAssertEqual(verify.status, 0, "a warning, not a broken chain: \(verify.stdout)")
        XCTAssertTrue(verify.stdout.contains("warning: 1 event is dated before the event before it (first: event \(last.seq) is dated 2026-11-24T03:00:00Z"),
                      verify.stdout)
        let json = try XCTUnwrap(JSONValue.parse(try cli.run(["log", "verify", "--json"]).stdout))
        XCTAssertEqual(json["time_regression_count"]?.intValue, 1)
    }

    func testTheDemoDoesNotPlayItsHistoryBeforeALogThatHasBegun() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["staff", "add", "budi", "--role", "agent"]).status, 0)
        let demo = try cli.run(["demo", "--seed-only"])
        XCTAssertEqual(demo.status, 64, demo.stderr)
        XCTAssertTrue(demo.stderr.contains("this one's log has begun") && demo.stderr.contains("Use another --db"), demo.stderr)
        XCTAssertEqual(try cli.run(["log", "verify"]).status, 0)
    }

    func testVerifyReportsTamperingWithExitOneAndAnchors() throws {
        let cli = try CLIHarness()
        try seed(cli, comments: 5)
        for i in 1...5 { XCTAssertEqual(try cli.run(["claim", String(i)]).status, 0) }
        let head = try cli.run(["log", "head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let ok = try XCTUnwrap(JSONValue.parse(try cli.run(["log", "verify", "--json", "--anchor", head]).stdout))
        XCTAssertEqual(ok["ok"]?.boolValue, true)
        XCTAssertEqual(ok["head"]?.stringValue, head)
        let anchored = try cli.run(["log", "verify", "--anchor", head]).stdout
        XCTAssertTrue(anchored.contains("; the anchor \(head.prefix { $0 != ":" }):\(head.drop { $0 != ":" }.dropFirst().prefix(12))… matches"), anchored)
        let hash = String(head.drop { $0 != ":" }.dropFirst())
        let past = try cli.run(["log", "verify", "--anchor", "99999:" + hash])
        XCTAssertTrue(past.stdout.contains("or the anchor was mistyped"), past.stdout)
        // An attacker with the file drops the triggers and edits event 4.
        let sqlite = try runTool("/usr/bin/env", ["sqlite3", cli.database,
            "DROP TRIGGER event_append_only_update; UPDATE event SET actor = 'mallory' WHERE seq = 4;"])
        XCTAssertEqual(sqlite.status, 0, sqlite.output)
        let bad = try cli.run(["log", "verify"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains("event 4"), bad.stdout)
        let json = try XCTUnwrap(JSONValue.parse(try cli.run(["log", "verify", "--json"]).stdout))
        XCTAssertEqual(json["first_bad_seq"]?.intValue, 4)
        // A broken log's head is not for publishing; an export of it goes on, and says so.
        let brokenHead = try cli.run(["log", "head"])
        XCTAssertEqual(brokenHead.status, 1)
        XCTAssertTrue(brokenHead.stderr.contains("does not verify (event 4"), brokenHead.stderr)
        let brokenExport = try cli.run(["log", "export"])
        XCTAssertEqual(brokenExport.status, 0)
        XCTAssertTrue(brokenExport.stderr.contains("warning: the log does not verify (event 4"), brokenExport.stderr)
        XCTAssertEqual(try cli.run(["log", "verify", "--anchor", "nonsense"]).status, 64)
    }

    func testVerifyNamesTablesChangedBehindAnIntactLog() throws {
        let cli = try CLIHarness()
        try seed(cli, comments: 5)
        XCTAssertEqual(try cli.run(["staff", "add", "budi", "--role", "agent"]).status, 0)
        XCTAssertEqual(try cli.run(["claim", "1"]).status, 0)
        XCTAssertEqual(try cli.run(["reply", "2", "--text", "Terima kasih, Kak. Kami cek dulu ya."]).status, 0)
        let clean = try cli.run(["log", "verify"])
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertTrue(clean.stdout.contains("OK: the desk agrees with the log: 5 comments"), clean.stdout)
        // Someone with the file edits the tables, not the log: the chain stays intact.
        let sqlite = try runTool("/usr/bin/env", ["sqlite3", cli.database, """
            UPDATE comment SET status = 'closed', active = 0, assignee = NULL WHERE id = 1;
            UPDATE reply SET text = 'Bukan urusan kami.' WHERE comment_id = 2;
            UPDATE comment SET responded_at = responded_at - 3600 WHERE id = 2;
            UPDATE reply SET author = 'budi' WHERE comment_id = 2;
            UPDATE comment SET created_at = created_at + 60 WHERE id = 3;
            UPDATE comment SET due_at = due_at + 864000, at_risk_at = at_risk_at + 864000 WHERE id = 4;
            UPDATE comment SET active = 0 WHERE id = 3;
            UPDATE staff SET role = 'supervisor' WHERE name = 'budi';
            DELETE FROM comment WHERE id = 5;
            """])
        XCTAssertEqual(sqlite.status, 0, sqlite.output)
        let bad = try cli.run(["log", "verify"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.hasPrefix("TAMPERED: the desk's tables"), "the verdict first: \(bad.stdout)")
        XCTAssertFalse(bad.stdout.contains("OK"), bad.stdout)
        XCTAssertTrue(bad.stdout.contains("The chain itself is intact"), bad.stdout)
        let head = try cli.run(["log", "head"])
        XCTAssertEqual(head.status, 1, "no head to publish for a desk that does not match its log")
        XCTAssertTrue(head.stderr.contains("tables disagree with the log in 12 place(s)"), head.stderr)
        // Nor a public report: its figures would be the tables', not the log's. The supervisors' own report still runs.
        let published = try cli.run(["report", "--public"])
        XCTAssertEqual(published.status, 1)
        XCTAssertTrue(published.stderr.contains("do not publish a report: its figures would not be the log's"), published.stderr)
        XCTAssertEqual(published.stdout, "")
        let plain = try cli.run(["report"])
        XCTAssertEqual(plain.status, 0)
        XCTAssertTrue(plain.stderr.contains("[agency].name is not set in config.toml"), "no config: the placeholder name is pointed out: \(plain.stderr)")
        let configDir = cli.dir.appendingPathComponent("config/meja")
        try FileManager.default.createDirectory(at: configDir, withIntermediateDirectories: true)
        try Data("[agency]\nname = \"Diskominfo Kota Contoh\"\n".utf8).write(to: configDir.appendingPathComponent("config.toml"))
        XCTAssertFalse(try cli.run(["report"]).stderr.contains("[agency].name"))
        for line in ["TAMPERED: the desk's tables disagree with the log in 12 places",
                     "comment #3 in the queue: no on the desk, yes in the log",
                     "comment #1 in the queue: no on the desk, yes in the log",
                     "comment #4 due_at: 2026-12-11T03:00:00Z on the desk, 2026-12-01T03:00:00Z by its clocks",
                     "reply #1 author: budi on the desk, sari in the log",
                     "comment #3 created_at: 2026-12-01T01:01:00Z on the desk, 2026-12-01T01:00:00Z in the log",
                     "comment #2 responded_at: 2026-12-01T02:00:00Z on the desk, 2026-12-01T03:00:00Z in the log",
                     "comment #1 status: closed on the desk, claimed in the log",
                     "comment #1 assignee: none on the desk,",
                     "reply #1 text: \"Bukan urusan kami.\" on the desk, \"Terima kasih, Kak. Kami cek dulu ya.\" in the log",
                     "staff budi role: supervisor on the desk, agent in the log",
                     "comment #5: in the log (imported), missing from the desk"] {
            XCTAssertTrue(bad.stdout.contains(line), "\(line)\n\(bad.stdout)")
        }
        let json = try XCTUnwrap(JSONValue.parse(try cli.run(["log", "verify", "--json"]).stdout))
        XCTAssertEqual(json["ok"]?.boolValue, false)
        XCTAssertEqual(json["chain_ok"]?.boolValue, true)
        XCTAssertEqual(json["state"]?["disagreement_count"]?.intValue, 12)
        XCTAssertEqual(json["state"]?["disagreements"]?.arrayValue?.first?["field"]?.stringValue, "status")
    }

    func testACitizensAnswerEndsTheWaitOnTheRecord() throws {
        let cli = try CLIHarness()
        let first = try cli.write("first.jsonl", #"{"platform":"x","id":"q1","author":{"handle":"ani"},"text":"Lampu jalan mati","created_at":"2026-12-01T08:00:00+07:00","thread_id":"t"}"#)
        XCTAssertEqual(try cli.run(["import", first]).status, 0)
        XCTAssertEqual(try cli.run(["claim", "1"]).status, 0)
        XCTAssertEqual(try cli.run(["reply", "1", "--text", "Di jalan apa, Kak?"]).status, 0)
        XCTAssertEqual(try cli.run(["status", "1", "waiting_citizen"]).status, 0)
        let answer = try cli.write("answer.jsonl", #"{"platform":"x","id":"q2","author":{"handle":"ani"},"text":"Jl. Melati","created_at":"2026-12-01T10:30:00+07:00","thread_id":"t","in_reply_to":"q1"}"#)
        XCTAssertEqual(try cli.run(["import", answer], extraEnv: ["MEJA_NOW": "2026-12-01T11:00:00+07:00"]).status, 0)
        let shown = try cli.run(["show", "1"], extraEnv: ["MEJA_NOW": "2026-12-01T11:00:00+07:00"]).stdout
        XCTAssertTrue(shown.contains("status → waiting_citizen"), shown)
        XCTAssertTrue(shown.contains("status → claimed (citizen_replied)"), shown)
        XCTAssertEqual(try jsonArray(try cli.run(["list", "--status", "waiting_citizen", "--json"]).stdout).count, 0)
        XCTAssertEqual(try cli.run(["log", "verify"]).status, 0, "the log accounts for the ended wait")
        // Answering her newest message answers the one before it too, and the reply says so.
        let more = try cli.write("more.jsonl", #"{"platform":"x","id":"q3","author":{"handle":"ani"},"text":"Halo?","created_at":"2026-12-01T10:45:00+07:00","thread_id":"t"}"#)
        XCTAssertEqual(try cli.run(["import", more], extraEnv: ["MEJA_NOW": "2026-12-01T11:00:00+07:00"]).status, 0)
        let sent = try cli.run(["reply", "3", "--text", "Sudah kami catat, Kak."], extraEnv: ["MEJA_NOW": "2026-12-01T11:10:00+07:00"])
        XCTAssertTrue(sent.stdout.contains("It also answers #2: the same citizen's unanswered comments in this conversation."), sent.stdout + sent.stderr)
        // The comment's events by any name the desk gives it.
        for name in ["1", "#1", "x:q1"] {
            let events = try jsonArray(try cli.run(["log", "show", "--subject", name, "--json"]).stdout)
            XCTAssertEqual(events.compactMap { $0["action"]?.stringValue }, ["claim", "reply", "status", "status"], name)
        }
    }

    func testConcurrentWritersFromSeveralProcessesMakeOneLinearChain() throws {
        let cli = try CLIHarness()
        try seed(cli, comments: 40)
        for name in ["a1", "a2", "a3", "a4"] { XCTAssertEqual(try cli.run(["staff", "add", name, "--role", "agent"]).status, 0) }
        let before = try XCTUnwrap(Int(try cli.run(["log", "head"]).stdout.split(separator: ":").first ?? ""))
        // Four processes, each working through its own ten comments at the same time.
        let workers = try (0..<4).map { w in
            try cli.start(["stress-replies", "--count", "10"], extraEnv: ["USER": "a\(w + 1)"])
        }
        let results = workers.map { $0.wait() }
        XCTAssertEqual(results.map(\.status), [0, 0, 0, 0], results.map(\.stderr).joined())
        let verify = try XCTUnwrap(JSONValue.parse(try cli.run(["log", "verify", "--json"]).stdout))
        XCTAssertEqual(verify["ok"]?.boolValue, true)
        let replies = try jsonArray(try cli.run(["log", "show", "--action", "reply", "--json", "--limit", "1000"]).stdout)
        XCTAssertEqual(replies.count, 40, "every comment answered exactly once across the four processes")
        XCTAssertEqual(Set(replies.compactMap { $0["subject"]?.stringValue }).count, 40)
        let claims = try jsonArray(try cli.run(["log", "show", "--action", "claim", "--json", "--limit", "1000"]).stdout)
        XCTAssertEqual(claims.count, 40, "each comment was claimed once: losers of a race were told and moved on")
        XCTAssertEqual(verify["count"]?.intValue, Int64(before + 80))
    }

    func testKillingAWriterMidReplyNeverLeavesAReplyWithoutItsEvent() throws {
        let cli = try CLIHarness()
        try seed(cli, comments: 400)
        var rng = SystemRandomNumberGenerator()
        let observer = try SQLiteStore(path: cli.database)
        func replies() throws -> Int { try observer.read { try $0.events(subject: nil, action: "reply", limit: 100_000).count } }
        for _ in 0..<8 {
            let before = try replies()
            let worker = try cli.start(["stress-replies", "--count", "400"])
            // Wait until it is replying, then kill it at a random moment mid-flight.
            let deadline = Date().addingTimeInterval(30)
            while try replies() == before, Date() < deadline, worker.process.isRunning { usleep(10_000) }
            usleep(UInt32.random(in: 0...150_000, using: &rng))
            kill(worker.process.processIdentifier, SIGKILL)
            _ = worker.wait()
        }
        let verify = try cli.run(["log", "verify", "--json"])
        XCTAssertEqual(JSONValue.parse(verify.stdout)?["ok"]?.boolValue, true, verify.stdout + verify.stderr)
        let check = try runTool("/usr/bin/env", ["sqlite3", cli.database, """
            SELECT (SELECT count(*) FROM reply),
                   (SELECT count(*) FROM event WHERE action = 'reply'),
                   (SELECT count(*) FROM reply WHERE id NOT IN (SELECT json_extract(payload, '$.reply_id') FROM event WHERE action = 'reply')),
                   (SELECT count(*) FROM comment WHERE status = 'replied' AND id NOT IN (SELECT CAST(subject AS INTEGER) FROM event WHERE action = 'reply'));
            PRAGMA integrity_check;
            """])
        let lines = check.output.split(separator: "\n").map(String.init)
        let counts = lines[0].split(separator: "|").compactMap { Int($0) }
        XCTAssertEqual(counts.count, 4, check.output)
        XCTAssertGreaterThan(counts[0], 0, "some replies were made before the kills")
        XCTAssertEqual(counts[0], counts[1], "replies and reply events match")
        XCTAssertEqual(counts[2], 0, "no reply without its event")
        XCTAssertEqual(counts[3], 0, "no replied status without its event")
        XCTAssertEqual(lines[1], "ok")
    }

    func testKillingAnImportAtAnyMomentLeavesADeskThatVerifiesAndAnImportThatFinishes() throws {
        let cli = try CLIHarness()
        // Citizens' comments, and every fifth line the agency's answer to the one before it: batches store comments,
        // replies and moved clocks together.
        let total = 20_000
        let lines = (1...total).map { i -> String in
            let minute = String(format: "%02d", i / 600 % 60), second = String(format: "%02d", i / 10 % 60)
            let at = "2026-11-30T0\(i / 36_000 + 1):\(minute):\(second)+07:00"
            return i % 5 == 0
                ? #"{"platform":"x","id":"\#(i)","author":{"handle":"diskominfo"},"text":"Baik Kak, kami cek","created_at":"\#(at)","in_reply_to":"\#(i - 1)","from_agency":true}"#
                : #"{"platform":"x","id":"\#(i)","author":{"handle":"w\#(i)"},"text":"Min, jalan di RT \#(i) rusak","created_at":"\#(at)","thread_id":"t\#(i / 5)"}"#
        }
        let file = try cli.write("big.jsonl", lines.joined(separator: "\n"))
        let observer = try SQLiteStore(path: cli.database)
        func stored() throws -> Int { try observer.read { try $0.commentCount() } }
        var rng = SystemRandomNumberGenerator()
        var cutShort = 0
        for _ in 0..<4 {
            let before = try stored()
            let worker = try cli.start(["import", file])
            // Wait until it is storing, then kill it at a random moment mid-flight.
            let deadline = Date().addingTimeInterval(60)
            while try stored() == before, Date() < deadline, worker.process.isRunning { usleep(5_000) }
            usleep(UInt32.random(in: 0...400_000, using: &rng))
            kill(worker.process.processIdentifier, SIGKILL)
            _ = worker.wait()
            if try stored() < total / 5 * 4 { cutShort += 1 }
            // Whatever was cut short: the desk opens, its log verifies, and the tables say what the log says.
            let verify = try cli.run(["log", "verify", "--json"])
            XCTAssertEqual(JSONValue.parse(verify.stdout)?["ok"]?.boolValue, true, verify.stdout + verify.stderr)
        }
        XCTAssertGreaterThan(cutShort, 0, "at least one import was killed before it finished")
        let finished = try cli.run(["import", file, "--json"])
        XCTAssertEqual(finished.status, 0, finished.stderr)
        let check = try runTool("/usr/bin/env", ["sqlite3", cli.database, """
            SELECT (SELECT count(*) FROM comment), (SELECT count(*) FROM reply),
                   (SELECT sum(json_extract(payload, '$.accepted')) FROM event WHERE action = 'import'),
                   (SELECT sum(json_extract(payload, '$.replies')) FROM event WHERE action = 'import'),
                   (SELECT count(*) FROM comment WHERE responded_at IS NULL AND CAST(external_id AS INTEGER) % 5 = 4);
            PRAGMA integrity_check;
            """])
        let rows = check.output.split(separator: "\n").map(String.init)
        let counts = rows[0].split(separator: "|").compactMap { Int($0) }
        XCTAssertEqual(counts, [total / 5 * 4, total / 5, total / 5 * 4, total / 5, 0],
                       "every line stored once, each counted by exactly one logged batch, every answered comment answered: \(check.output)")
        XCTAssertEqual(rows[1], "ok")
        let verify = try cli.run(["log", "verify", "--json"])
        XCTAssertEqual(JSONValue.parse(verify.stdout)?["ok"]?.boolValue, true, verify.stdout + verify.stderr)
    }

    func testListAsOfShowsTheIntentAndStandardACommentHadBeforeACorrection() throws {
        let cli = try CLIHarness(now: "2026-12-01T10:40:00+07:00")
        let file = try cli.write("one.jsonl", #"{"platform":"x","id":"1","author":{"handle":"a"},"text":"Min, mau tanya jadwal posyandu?","created_at":"2026-12-01T09:00:00+07:00"}"#)
        XCTAssertEqual(try cli.run(["import", file], extraEnv: ["MEJA_NOW": "2026-12-01T09:01:00+07:00"]).status, 0)
        XCTAssertEqual(try cli.run(["intent", "1", "complaint"]).status, 0)
        // At 10:35 it was a question under the default standard: due 11:00, at risk from 10:30 (a quarter of two hours).
        let then = try XCTUnwrap(jsonArray(try cli.run(["list", "--as-of", "2026-12-01T10:35:00+07:00", "--json"]).stdout).first)
        XCTAssertEqual(then["intent"]?.stringValue, "question")
        XCTAssertEqual(then["policy"]?.stringValue, "default")
        XCTAssertEqual(then["due_at"]?.stringValue, "2026-12-01T04:00:00Z")
        XCTAssertEqual(then["sla_state"]?.stringValue, "at_risk")
        let now = try XCTUnwrap(jsonArray(try cli.run(["list", "--as-of", "2026-12-01T10:41:00+07:00", "--json"]).stdout).first)
        XCTAssertEqual(now["intent"]?.stringValue, "complaint")
        XCTAssertEqual(now["policy"]?.stringValue, "complaints")
        XCTAssertEqual(now["sla_state"]?.stringValue, "breached")
    }

    func testListAsOfRebuildsFromTheLog() throws {
        let cli = try CLIHarness(now: "2026-12-01T09:00:00+07:00")
        try seed(cli, comments: 3)
        XCTAssertEqual(try cli.run(["claim", "1"], extraEnv: ["MEJA_NOW": "2026-12-01T09:30:00+07:00"]).status, 0)
        XCTAssertEqual(try cli.run(["reply", "2", "--text", "Halo Kak"], extraEnv: ["MEJA_NOW": "2026-12-01T10:00:00+07:00"]).status, 0)
        let early = try jsonArray(try cli.run(["list", "--as-of", "2026-12-01T09:15:00+07:00", "--status", "all", "--json"]).stdout)
        XCTAssertEqual(early.compactMap { $0["status"]?.stringValue }, ["new", "new", "new"])
        let later = try jsonArray(try cli.run(["list", "--as-of", "2026-12-01T10:30:00+07:00", "--status", "all", "--json"]).stdout)
        let byID = Dictionary(uniqueKeysWithValues: later.map { ($0["id"]!.intValue!, $0) })
        XCTAssertEqual(byID[1]?["status"]?.stringValue, "claimed")
        XCTAssertEqual(byID[1]?["assignee"]?.stringValue, "sari")
        XCTAssertEqual(byID[2]?["status"]?.stringValue, "replied")
        XCTAssertEqual(byID[2]?["reply_count"]?.intValue, 1)
        XCTAssertEqual(byID[3]?["status"]?.stringValue, "new")
        // The listing's filters apply to the desk as it stood: who held what then, which platform, which words.
        func ids(_ filters: [String]) throws -> [Int64] {
            try jsonArray(try cli.run(["list", "--as-of", "2026-12-01T10:30:00+07:00", "--status", "all", "--json"] + filters).stdout)
                .compactMap { $0["id"]?.intValue }
        }
        XCTAssertEqual(try ids(["--assignee", "sari"]), [1])
        XCTAssertEqual(try ids(["--assignee", "none"]).sorted(), [2, 3])
        XCTAssertEqual(try ids(["--platform", "facebook"]), [])
        XCTAssertEqual(try ids(["--search", "min 3"]), [3])
        XCTAssertEqual(try ids(["--limit", "1"]).count, 1)
        XCTAssertEqual(try cli.run(["list", "--as-of", "2026-12-01T10:30:00+07:00", "--assignee", "ghost"]).status, 64)
        XCTAssertTrue(later.allSatisfy { $0["passed_over"] == .null }, "not rebuilt for a past moment, so not claimed")

        // A pause lifted since, and the hour it added to the due time, show as they stood then, not as today.
        XCTAssertEqual(try cli.run(["status", "2", "waiting_citizen"], extraEnv: ["MEJA_NOW": "2026-12-01T10:05:00+07:00"]).status, 0)
        XCTAssertEqual(try cli.run(["status", "2", "open"], extraEnv: ["MEJA_NOW": "2026-12-01T11:05:00+07:00"]).status, 0)
        func two(at moment: String) throws -> JSONValue? {
            try jsonArray(try cli.run(["list", "--as-of", moment, "--status", "all", "--json"]).stdout).first { $0["id"]?.intValue == 2 }
        }
        let paused = try two(at: "2026-12-01T10:30:00+07:00")
        XCTAssertEqual(paused?["status"]?.stringValue, "waiting_citizen")
        XCTAssertEqual(paused?["sla_state"]?.stringValue, "paused")
        let resumed = try two(at: "2026-12-01T11:30:00+07:00")
        XCTAssertEqual(resumed?["status"]?.stringValue, "open")
        XCTAssertEqual(resumed?["sla_state"]?.stringValue, "on_track")
        let before = try XCTUnwrap(paused?["due_at"]?.stringValue.flatMap(Timestamp.parse))
        let after = try XCTUnwrap(resumed?["due_at"]?.stringValue.flatMap(Timestamp.parse))
        XCTAssertEqual(after.timeIntervalSince(before), 3600, "the paused office hour was added when the pause ended, not before")
    }

    func testExportDatesAreWholeDaysAndAFailedExportIsNotLogged() throws {
        let cli = try CLIHarness(now: "2026-12-01T09:00:00+07:00")
        try seed(cli, comments: 2)
        XCTAssertEqual(try cli.run(["claim", "1"], extraEnv: ["MEJA_NOW": "2026-12-02T10:00:00+07:00"]).status, 0)
        func exported(_ args: [String]) throws -> [String] {
            let r = try cli.run(["log", "export"] + args, extraEnv: ["MEJA_NOW": "2026-12-03T10:00:00+07:00"])
            XCTAssertEqual(r.status, 0, r.stderr)
            return try jsonArray("[" + r.stdout.split(separator: "\n").joined(separator: ",") + "]").compactMap { $0["action"]?.stringValue }
        }
        XCTAssertEqual(try exported(["--from", "2026-12-02", "--to", "2026-12-02"]), ["claim"], "--to a date takes in that whole day")
        XCTAssertTrue(try exported(["--to", "2026-12-01"]).contains("import"))
        XCTAssertFalse(try exported(["--to", "2026-12-01"]).contains("claim"))
        XCTAssertEqual(try cli.run(["log", "export", "--from", "2026-12-02", "--to", "2026-12-01"]).status, 64)

        let before = try cli.run(["log", "head"]).stdout
        let failed = try cli.run(["log", "export", "--out", cli.dir.appendingPathComponent("no/such/dir/log.jsonl").path])
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(try cli.run(["log", "head"]).stdout, before, "an export that could not be written is not on the log")
    }

    func testOverdueJSONOnAKnownScenario() throws {
        // Tuesday 1 Dec 2026 at 14:00 WIB, default policies (2h business first response, at risk in the last 30 min).
        let cli = try CLIHarness(now: "2026-12-01T14:00:00+07:00")
        let rows = [
            ("early", "2026-12-01T07:00:00+07:00"),   // before opening: due 09:30, breached 4h30
            ("friday", "2026-11-27T15:45:00+07:00"),  // Fri 15:45: 45 min Fri, 75 min Mon → due Mon 08:45 (breached)
            ("noon", "2026-12-01T11:50:00+07:00"),    // due 13:50: breached 10 min
            ("risk", "2026-12-01T12:20:00+07:00"),    // due 14:20: at risk
            ("fine", "2026-12-01T13:00:00+07:00"),    // due 15:00: on track
            ("weekend", "2026-11-29T10:00:00+07:00"), // Sunday: due Mon 09:30 (breached)
        ]
        let lines = rows.map { #"{"platform":"facebook","id":"\#($0.0)","author":{"handle":"w"},"text":"t","created_at":"\#($0.1)"}"# }
        XCTAssertEqual(try cli.run(["import", try cli.write("s.jsonl", lines.joined(separator: "\n"))]).status, 0)
        let breached = try jsonArray(try cli.run(["overdue", "--json"]).stdout)
        XCTAssertEqual(breached.compactMap { $0["external_id"]?.stringValue }, ["friday", "weekend", "early", "noon"])
        XCTAssertEqual(breached.compactMap { $0["due_at"]?.stringValue },
                       ["2026-11-30T01:45:00Z", "2026-11-30T02:30:00Z", "2026-12-01T02:30:00Z", "2026-12-01T06:50:00Z"])
        XCTAssertTrue(breached.allSatisfy { $0["sla_clock"]?.stringValue == "first_response" && $0["sla_state"]?.stringValue == "breached" })
        let withRisk = try jsonArray(try cli.run(["overdue", "--at-risk", "--json"]).stdout)
        XCTAssertEqual(withRisk.compactMap { $0["external_id"]?.stringValue }, ["friday", "weekend", "early", "noon", "risk"])
        XCTAssertEqual(withRisk.last?["sla_state"]?.stringValue, "at_risk")
        // A limit lists the oldest and says how many there are in all.
        let two = try cli.run(["overdue", "--limit", "2", "--json"])
        XCTAssertEqual(try jsonArray(two.stdout).compactMap { $0["external_id"]?.stringValue }, ["friday", "weekend"])
        XCTAssertTrue(two.stderr.contains("the oldest 2 of 4 are listed; --limit 4 lists them all"), two.stderr)
        XCTAssertTrue(try cli.run(["overdue", "--at-risk", "--limit", "4"]).stderr.contains("the oldest 4 of 5"))
        XCTAssertEqual(try cli.run(["overdue", "--limit", "4"]).stderr, "", "all listed: nothing to say")
        // Written a row at a time, the array is the one `jsonLines` writes: one element a line, `[]` when there is none.
        let text = try cli.run(["overdue", "--json"]).stdout
        XCTAssertTrue(text.hasPrefix("[\n  {") && text.hasSuffix("}\n]\n"), text)
        XCTAssertEqual(text.components(separatedBy: "},\n  {").count, 4, text)
        let table = try cli.run(["overdue"]).stdout.split(separator: "\n")
        XCTAssertEqual(table.count, 5)
        let oldest = try XCTUnwrap(breached.first?["id"]?.intValue)
        XCTAssertTrue(table[0].hasPrefix("ID") && table[1].hasPrefix(String(oldest) + " "), "\(table)")
        let calm = try CLIHarness(now: "2026-12-01T14:00:00+07:00")
        XCTAssertEqual(try calm.run(["import", try calm.write("s.jsonl", lines[4])]).status, 0)
        XCTAssertEqual(try calm.run(["overdue", "--json"]).stdout, "[]\n")
        XCTAssertEqual(try calm.run(["overdue"]).stdout.split(separator: "\n").count, 1, "the headings alone")
    }

}
