import DeskCore
import Foundation
import XCTest

final class CLITests: XCTestCase {
    func testAFetchThatFailsSaysSoInItsJSONToo() throws {
        let cli = try CLIHarness()
        let token = try cli.write("token", "tok-123\n")
        // Nothing listens on port 9 of this machine: the connection is refused.
        let failed = try cli.run(["fetch", "mastodon", "--instance", "http://127.0.0.1:9", "--token-file", token, "--json"])
        XCTAssertEqual(failed.status, 1, failed.stderr)
        let answer = try XCTUnwrap(JSONValue.parse(failed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), failed.stdout)
        XCTAssertEqual(answer["exit"]?.intValue, 1)
        XCTAssertEqual(answer["instance"]?.stringValue, "http://127.0.0.1:9")
        XCTAssertTrue(answer["error"]?.stringValue?.contains("127.0.0.1") == true, failed.stdout)
        XCTAssertFalse(failed.stdout.contains("tok-123"))
    }

    func testADemoCutShortIsNamedWhenItIsRunAgain() throws {
        let cli = try CLIHarness()
        let seeding = try cli.start(["demo", "--seed-only"])
        func comments() -> Int {
            (try? runTool("/usr/bin/env", ["sqlite3", cli.database, "SELECT count(*) FROM comment"]))
                .flatMap { Int($0.output.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        }
        let deadline = Date().addingTimeInterval(60)
        while comments() == 0, seeding.process.isRunning, Date() < deadline { usleep(20_000) }
        kill(seeding.process.processIdentifier, SIGKILL)
        _ = seeding.wait()
        let kept = comments()
        XCTAssertGreaterThan(kept, 0)
        let again = try cli.run(["demo", "--seed-only"])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("holds a demo that was cut short (\(kept) comments of it)"), again.stderr)
        XCTAssertTrue(again.stderr.contains("delete it and run `meja demo` again"), again.stderr)
        XCTAssertEqual(try cli.run(["log", "verify"]).status, 0, "what was kept verifies")
    }

    func testDemoFillsTheQueueWithDesignKeys() throws {
        let cli = try CLIHarness()
        let seeded = try cli.run(["demo", "--seed-only"])
        XCTAssertEqual(seeded.status, 0, seeded.stderr)
        let list = try cli.run(["list", "--json"])
        XCTAssertEqual(list.status, 0, list.stderr)
        let items = try jsonArray(list.stdout)
        XCTAssertGreaterThanOrEqual(items.count, 300)
        for key in ["id", "platform", "external_id", "author_handle", "text", "created_at", "status", "assignee", "sla_state", "sla_clock", "due_at"] {
            XCTAssertTrue(items.allSatisfy { $0.objectValue?.keys.contains(key) == true }, "missing \(key)")
        }
        let platforms = Set(items.compactMap { $0["platform"]?.stringValue })
        XCTAssertEqual(platforms, Set(Platform.social.map(\.rawValue)))
        // The overdue list's count names the answered ones whose resolution is late, as the desk's board does: the
        // escalation sweep takes only those still needing action, and the two counts must not look contradictory.
        let overdue = try cli.run(["overdue", "--limit", "1"])
        XCTAssertTrue(overdue.stderr.range(of: #"the oldest 1 of \d+ are listed \(\d+ of them answered, their resolution late\)"#,
                                          options: .regularExpression) != nil, overdue.stderr)
        let states = Set(items.compactMap { $0["sla_state"]?.stringValue })
        XCTAssertTrue(states.isSuperset(of: ["breached", "on_track"]), "\(states)")
        // Seeding again leaves the database alone, and the log verifies.
        let again = try cli.run(["demo", "--seed-only"])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("already holds comments; it is left as it is"), again.stderr)
        XCTAssertEqual(try jsonArray(try cli.run(["list", "--json"]).stdout).count, items.count)
        let verify = try cli.run(["log", "verify"])
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        XCTAssertTrue(verify.stdout.hasPrefix("OK: "))
        // The options every command takes may come before its name, as people type them.
        let elsewhere = cli.dir.appendingPathComponent("other.sqlite").path
        XCTAssertEqual(try cli.run(["--db", elsewhere, "demo", "--seed-only"]).status, 0)
        XCTAssertEqual(try jsonArray(try cli.run(["--db=" + elsewhere, "list", "--json"]).stdout).count, items.count)
        XCTAssertEqual(try cli.run(["--db", elsewhere, "log", "verify"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere))
        // The flood and accident reports, by the topic's name or its Indonesian tag.
        let floods = try jsonArray(try cli.run(["list", "--tag", "bencana", "--json"]).stdout)
        XCTAssertFalse(floods.isEmpty, "the demo has disaster reports")
        XCTAssertTrue(floods.allSatisfy { $0["tags"]?.arrayValue?.contains("disaster") == true })
        XCTAssertEqual(try jsonArray(try cli.run(["list", "--tag", "disaster", "--json"]).stdout).count, floods.count)
        let replayed = try jsonArray(try cli.run(["list", "--as-of", cli.env["MEJA_NOW"]!, "--tag", "bencana", "--json"]).stdout)
        XCTAssertEqual(replayed.compactMap { $0["id"]?.intValue }, floods.compactMap { $0["id"]?.intValue }, "the log's replay filters alike")
        // Every incident that needs someone at once, together.
        let urgent = try jsonArray(try cli.run(["list", "--tag", "urgent", "--json"]).stdout)
        let urgentTags: Set<String> = ["disaster", "health_emergency", "child_safety"]
        XCTAssertTrue(urgent.count > floods.count && urgent.allSatisfy { ($0["tags"]?.arrayValue ?? []).contains { urgentTags.contains($0.stringValue ?? "") } },
                      "the demo's floods and its missing child: \(urgent.count) against \(floods.count) floods")
        // Answered but not closed, an incident stays on the urgent list (not on the topic's, which lists what needs action).
        let answered = urgent.filter { ["replied", "waiting_citizen"].contains($0["status"]?.stringValue ?? "") }
        XCTAssertFalse(answered.isEmpty, "the demo answers some of its incidents")
        XCTAssertTrue(floods.allSatisfy { ["new", "open", "claimed", "escalated"].contains($0["status"]?.stringValue ?? "") })
        XCTAssertEqual(try jsonArray(try cli.run(["list", "--as-of", cli.env["MEJA_NOW"]!, "--tag", "mendesak", "--json"]).stdout).compactMap { $0["id"]?.intValue },
                       urgent.compactMap { $0["id"]?.intValue }, "the log's replay filters alike")
        // A mistyped command is named as one, with the commands there are (it read as an argument of the desk).
        for typo in [["lsit"], ["--db", elsewhere, "nosuch", "--json"]] {
            let wrong = try cli.run(typo)
            XCTAssertEqual(wrong.status, 64)
            XCTAssertTrue(wrong.stderr.contains("' is not a meja command. Commands: desk, demo, import, list,"), wrong.stderr)
            XCTAssertFalse(wrong.stderr.contains("stress"), "hidden commands stay hidden")
        }
    }

    func testImportTenGoodThreeMalformedExits65AndIsIdempotent() throws {
        let cli = try CLIHarness()
        var lines = (1...10).map { i in
            #"{"platform":"x","id":"\#(i)","author":{"handle":"warga\#(i)"},"text":"Halo min \#(i)","created_at":"2026-12-01T08:0\#(i % 10):00+07:00"}"#
        }
        lines.insert("{broken", at: 1)                                            // line 2
        lines.insert(#"{"platform":"x","id":"z","author":{"handle":"a"}}"#, at: 5)   // line 6
        lines.insert("[1,2,3]", at: 12)                                           // line 13
        let file = try cli.write("inbox.jsonl", lines.joined(separator: "\n"))
        let first = try cli.run(["import", file])
        XCTAssertEqual(first.status, 65)
        XCTAssertTrue(first.stderr.contains("\(file):2: "), first.stderr)
        XCTAssertTrue(first.stderr.contains("\(file):6: "), first.stderr)
        XCTAssertTrue(first.stderr.contains("\(file):13: "), first.stderr)
        XCTAssertTrue(first.stdout.contains("10 new"), first.stdout)
        XCTAssertEqual(try jsonArray(try cli.run(["list", "--json"]).stdout).count, 10)
        let second = try cli.run(["import", file])
        XCTAssertEqual(second.status, 65)
        XCTAssertTrue(second.stdout.contains("0 new, 0 agency replies, 10 already on the desk"), second.stdout)
        XCTAssertEqual(try jsonArray(try cli.run(["list", "--json"]).stdout).count, 10)
        XCTAssertFalse(first.stderr.contains("\r"), "no progress bar when stderr is not a terminal")
    }

    func testAFileThatCannotBeReadStopsOnlyItself() throws {
        let cli = try CLIHarness()
        let one = try cli.write("one.jsonl", #"{"platform":"x","id":"1","author":{"handle":"a"},"text":"t","created_at":"2026-12-01T08:00:00+07:00"}"#)
        let two = try cli.write("two.jsonl", #"{"platform":"x","id":"2","author":{"handle":"b"},"text":"t","created_at":"2026-12-01T08:00:00+07:00"}"#)
        let missing = cli.dir.appendingPathComponent("missing.jsonl").path
        let run = try cli.run(["import", one, missing, two, "--json"])
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("missing.jsonl: cannot be read"), run.stderr)
        let summaries = try jsonArray(run.stdout)
        XCTAssertEqual(summaries.compactMap { $0["file"]?.stringValue }, [one, missing, two], "every file is accounted for")
        XCTAssertEqual(summaries.compactMap { $0["accepted"]?.intValue }, [1, 1])
        XCTAssertNotNil(summaries.last { $0["error"] != nil }?["file"], "the unreadable file carries its error")
        XCTAssertEqual(try jsonArray(try cli.run(["list", "--json"]).stdout).count, 2, "the file after the missing one is imported too")
    }

    func testTwoProcessesRacingToClaim() throws {
        let cli = try CLIHarness()
        let file = try cli.write("one.jsonl", #"{"platform":"x","id":"1","author":{"handle":"a"},"text":"t","created_at":"2026-12-01T08:00:00+07:00"}"#)
        XCTAssertEqual(try cli.run(["import", file]).status, 0)
        XCTAssertEqual(try cli.run(["staff", "add", "budi", "--role", "agent"]).status, 0)
        XCTAssertEqual(try cli.run(["staff", "add", "dewi", "--role", "agent"]).status, 0)
        for _ in 0..<3 {
            _ = try cli.run(["status", "1", "open"], extraEnv: ["USER": "sari"])
            let a = try cli.start(["claim", "1"], extraEnv: ["USER": "budi"])
            let b = try cli.start(["claim", "1"], extraEnv: ["USER": "dewi"])
            let results = [a.wait(), b.wait()]
            XCTAssertEqual(results.filter { $0.status == 0 }.count, 1, results.map(\.stderr).joined())
            let loser = try XCTUnwrap(results.first { $0.status != 0 })
            XCTAssertEqual(loser.status, 1)
            XCTAssertTrue(loser.stderr.contains("already claimed by"), loser.stderr)
        }
    }

    func testIntentIsCorrectedInEitherLanguageAndTheDeadlineFollowsIt() throws {
        let cli = try CLIHarness()
        let file = try cli.write("one.jsonl", #"{"platform":"x","id":"1","author":{"handle":"a"},"text":"Min, mau tanya jadwal posyandu bulan ini?","created_at":"2026-12-01T09:00:00+07:00"}"#)
        XCTAssertEqual(try cli.run(["import", file]).status, 0)
        XCTAssertEqual(try cli.run(["staff", "add", "budi", "--role", "agent"]).status, 0)
        let corrected = try cli.run(["intent", "1", "keluhan"], extraEnv: ["USER": "budi"])
        XCTAssertEqual(corrected.status, 0, corrected.stderr)
        XCTAssertTrue(corrected.stdout.contains("intent complaint (was question)"), corrected.stdout)
        XCTAssertTrue(corrected.stdout.contains("Measured under the complaints standard from its arrival, response due 2026-12-01T10:00:00+07:00"),
                      corrected.stdout)
        let listed = try jsonArray(try cli.run(["list", "--json"]).stdout)
        XCTAssertEqual(listed.first?["due_at"]?.stringValue, "2026-12-01T03:00:00Z")
        let later = try cli.run(["intent", "1", "suggestion"], extraEnv: ["USER": "budi"])
        XCTAssertEqual(later.status, 1, "an agent may not move a deadline later")
        XCTAssertTrue(later.stderr.contains("Only a supervisor may move a deadline later"), later.stderr)
        XCTAssertEqual(try cli.run(["intent", "1", "saran"]).status, 0, "a supervisor may")
        let unknown = try cli.run(["intent", "1", "grumble"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("question (pertanyaan), complaint (keluhan), request (permintaan)"), unknown.stderr)
        XCTAssertTrue(try cli.run(["reply", "1", "--text", "Halo Kak, jadwalnya setiap Senin."]).status == 0)
        let answered = try cli.run(["intent", "1", "complaint"])
        XCTAssertTrue(answered.stdout.contains("Answered or set aside already: it keeps the default standard it was measured by."), answered.stdout)
        let history = try cli.run(["show", "1"]).stdout
        XCTAssertTrue(history.contains("budi  intent"), history)
        XCTAssertTrue(history.contains("complaint → suggestion [default]"), history)
        XCTAssertEqual(try cli.run(["log", "verify"]).status, 0)
    }

    func testAClockWithdrawnByClosingShowsWhenAndWhetherItWasLate() throws {
        let cli = try CLIHarness(now: "2026-12-04T10:00:00+07:00")
        let file = try cli.write("one.jsonl", #"{"platform":"x","id":"1","author":{"handle":"a"},"text":"Lampu jalan mati","created_at":"2026-12-01T08:00:00+07:00"}"#)
        XCTAssertEqual(try cli.run(["import", file]).status, 0)
        XCTAssertEqual(try cli.run(["status", "1", "closed"]).status, 0)
        let shown = try XCTUnwrap(JSONValue.parse(try cli.run(["show", "1", "--json"]).stdout))
        let response = try XCTUnwrap(shown["clocks"]?.arrayValue?.first { $0["clock"]?.stringValue == "first_response" })
        XCTAssertEqual(response["state"]?.stringValue, "none")
        XCTAssertEqual(response["late"]?.boolValue, true, "closed three days later, unanswered")
        XCTAssertNotNil(response["stopped_at"]?.stringValue)
        XCTAssertEqual(response["met_at"], .null)
        let text = try cli.run(["show", "1"]).stdout
        XCTAssertTrue(text.contains("first_response: stopped, due ") && text.contains(", stopped 2026-12-04T10:00:00+07:00 (late)"), text)
    }

    func testShowNamesTheImportThatBroughtTheComment() throws {
        let cli = try CLIHarness()
        let first = try cli.write("a.jsonl", #"{"platform":"x","id":"1","author":{"handle":"a"},"text":"Lampu mati","created_at":"2026-12-01T08:00:00+07:00"}"#)
        let second = try cli.write("b.jsonl", #"{"platform":"x","id":"2","author":{"handle":"b"},"text":"Jalan rusak","created_at":"2026-12-01T08:30:00+07:00"}"#)
        XCTAssertEqual(try cli.run(["import", first], extraEnv: ["MEJA_NOW": "2026-12-01T09:00:00+07:00"]).status, 0)
        XCTAssertEqual(try cli.run(["import", second], extraEnv: ["MEJA_NOW": "2026-12-01T09:05:00+07:00"]).status, 0)
        let imports = try jsonArray(try cli.run(["log", "show", "--action", "import", "--json"]).stdout).compactMap { $0["seq"]?.intValue }
        XCTAssertEqual(imports.count, 2)
        for (comment, seq) in zip(["1", "2"], imports) {
            XCTAssertEqual(JSONValue.parse(try cli.run(["show", comment, "--json"]).stdout)?["import_event"]?.intValue, seq)
            let text = try cli.run(["show", comment]).stdout
            XCTAssertTrue(text.contains("On the log:\n  \(seq)  ") && text.contains("import (brought this comment in)"), text)
        }
        // Its times in the zone of the rest of the page (the calendar's), not the log's UTC.
        XCTAssertTrue(try cli.run(["show", "2"]).stdout.contains("  2026-12-01T09:05:00+07:00  "), "the import's moment, local")
        // The agency answered #1 on the platform: the import that found the answer is on its history too, with the answer's id.
        let answer = try cli.write("c.jsonl", #"{"platform":"x","id":"3","author":{"handle":"diskominfo"},"text":"Baik Kak, kami cek","created_at":"2026-12-01T09:10:00+07:00","in_reply_to":"1","from_agency":true}"#)
        XCTAssertEqual(try cli.run(["import", answer], extraEnv: ["MEJA_NOW": "2026-12-01T09:15:00+07:00"]).status, 0)
        let third = try XCTUnwrap(try jsonArray(try cli.run(["log", "show", "--action", "import", "--json"]).stdout).compactMap { $0["seq"]?.intValue }.max())
        let shown = try XCTUnwrap(JSONValue.parse(try cli.run(["show", "1", "--json"]).stdout))
        let reply = try XCTUnwrap(shown["replies"]?.arrayValue?.first?["id"]?.intValue)
        XCTAssertEqual(shown["answer_import_events"], .array([["seq": .int(third), "reply_id": .int(reply)]]))
        let text = try cli.run(["show", "1"]).stdout
        XCTAssertTrue(text.contains("  \(third)  ") && text.contains("import (found the agency's answer on the platform, reply \(reply))"), text)
        XCTAssertEqual(JSONValue.parse(try cli.run(["show", "2", "--json"]).stdout)?["answer_import_events"], .array([]), "#2 was not answered")
    }

    func testTriageCommandsAndErrors() throws {
        let cli = try CLIHarness()
        let file = try cli.write("one.jsonl", #"{"platform":"x","id":"1","author":{"handle":"a"},"text":"t","created_at":"2026-12-01T08:00:00+07:00"}"#)
        XCTAssertEqual(try cli.run(["import", file]).status, 0)
        XCTAssertEqual(try cli.run(["staff", "add", "budi", "--role", "agent"]).status, 0)
        let staff = try jsonArray(try cli.run(["staff", "list", "--json"]).stdout)
        XCTAssertEqual(staff.compactMap { $0["name"]?.stringValue }, ["budi", "sari"])
        let assign = try cli.run(["assign", "1", "sari"], extraEnv: ["USER": "budi"])
        XCTAssertEqual(assign.status, 1, "an agent may not assign")
        XCTAssertTrue(assign.stderr.contains("supervisor"), assign.stderr)
        let ghost = try cli.run(["assign", "1", "ghost"])
        XCTAssertEqual(ghost.status, 64)
        XCTAssertTrue(ghost.stderr.contains("meja staff list"), "an unknown staff name points at the staff list: \(ghost.stderr)")
        XCTAssertEqual(try cli.run(["assign", "x:1", "budi"]).status, 0)
        let unanswered = try cli.run(["status", "1", "waiting_citizen"], extraEnv: ["USER": "budi"])
        XCTAssertEqual(unanswered.status, 1, "waiting for the citizen follows an answer")
        XCTAssertTrue(unanswered.stderr.contains("Reply first"), unanswered.stderr)
        XCTAssertEqual(try cli.run(["reply", "1", "--text", "Boleh dikirim fotonya lewat DM, Kak?"], extraEnv: ["USER": "budi"]).status, 0)
        XCTAssertEqual(try cli.run(["status", "1", "waiting_citizen"], extraEnv: ["USER": "budi"]).stdout,
                       "Comment 1 is now waiting for citizen (waiting_citizen).\n")
        XCTAssertEqual(try cli.run(["status", "1", "waiting_citizen"], extraEnv: ["USER": "budi"]).stdout,
                       "Comment 1 is already waiting for citizen (waiting_citizen): nothing changed, nothing logged.\n")
        let bad = try cli.run(["status", "1", "spam"], extraEnv: ["USER": "budi"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("cannot become spam"), bad.stderr)
        XCTAssertEqual(try cli.run(["status", "1", "nonsense"]).status, 64)
        XCTAssertEqual(try cli.run(["show", "999"]).status, 64)
        XCTAssertEqual(try cli.run(["show", "#1"]).status, 0, "an id as the desk prints it")
        for command in [["list", "--limit", "0"], ["log", "show", "--limit=-1"], ["suggest", "1", "--limit", "-2"], ["list", "--limit", "-1"],
                        ["overdue", "--limit", "-5"], ["log", "show", "--limit", "-1"]] {
            let run = try cli.run(command)
            XCTAssertEqual(run.status, 64, "\(command)")
            XCTAssertTrue(run.stderr.contains("1 or more") || run.stderr.contains("at least 1"), "a negative number is named as one: \(run.stderr)")
        }
        let shown = try XCTUnwrap(JSONValue.parse(try cli.run(["show", "1", "--json"]).stdout))
        XCTAssertEqual(shown["status"]?.stringValue, "waiting_citizen")
        XCTAssertEqual(shown["assignee"]?.stringValue, "budi")
        XCTAssertEqual(shown["history"]?.arrayValue?.compactMap { $0["action"]?.stringValue }, ["assign", "reply", "status"])
        // A file's comments get the channel named on the command line when they name none.
        let two = try cli.write("two.jsonl", #"{"platform":"x","id":"2","author":{"handle":"b"},"text":"t","created_at":"2026-12-01T08:00:00+07:00"}"#)
        XCTAssertEqual(try cli.run(["import", two, "--channel", "@Pemkot_Contoh"]).status, 0)
        XCTAssertEqual(JSONValue.parse(try cli.run(["show", "x:2", "--json"]).stdout)?["channel"]?.stringValue, "@pemkot_contoh")
        let older = try cli.write("three.jsonl", #"{"platform":"x","id":"3","author":{"handle":"b"},"text":"t","created_at":"2026-11-30T08:00:00+07:00"}"#)
        XCTAssertEqual(try cli.run(["import", older]).status, 0)
        let oldest = try cli.run(["show", "x:3"]).stdout
        XCTAssertTrue(oldest.contains("Other comments by this citizen"), "a later comment is not called earlier:\n\(oldest)")
        XCTAssertFalse(oldest.contains("Earlier"), oldest)
        XCTAssertFalse(oldest.contains("… more"), "one other comment is all there is: \(oldest)")
        let oldestJSON = try XCTUnwrap(JSONValue.parse(try cli.run(["show", "x:3", "--json"]).stdout))
        XCTAssertEqual(oldestJSON["other_by_author"]?.arrayValue?.count, 1, "x:2, written later by the same citizen")
        XCTAssertEqual(oldestJSON["earlier_by_author"]?.arrayValue?.count, 0, "nothing earlier: the key says what it holds")
        let laterJSON = try XCTUnwrap(JSONValue.parse(try cli.run(["show", "x:2", "--json"]).stdout))
        XCTAssertEqual(laterJSON["earlier_by_author"]?.arrayValue?.count, 1)
        // Six more by the same citizen: the text shows five and says where the rest are.
        let six = (4...9).map { #"{"platform":"x","id":"b\#($0)","author":{"handle":"b"},"text":"t\#($0)","created_at":"2026-11-30T09:0\#($0):00+07:00"}"# }
        XCTAssertEqual(try cli.run(["import", try cli.write("six.jsonl", six.joined(separator: "\n"))]).status, 0)
        XCTAssertTrue(try cli.run(["show", "x:3"]).stdout.contains("… more: `meja show "), "five of seven shown, and said so")
        XCTAssertNil(shown["channel"]?.stringValue)
        // Filters that name nobody on the staff, or no log action, are usage errors rather than empty answers.
        let unknownStaff = try cli.run(["list", "--assignee", "ghost"])
        XCTAssertEqual(unknownStaff.status, 64)
        XCTAssertTrue(unknownStaff.stderr.contains("meja staff list"), unknownStaff.stderr)
        XCTAssertEqual(try jsonArray(try cli.run(["list", "--assignee", "budi", "--status", "all", "--json"]).stdout).count, 1)
        // A colleague's comment is taken to the supervisors with a reason.
        XCTAssertEqual(try cli.run(["staff", "add", "dewi", "--role", "agent"]).status, 0)
        let silent = try cli.run(["escalate", "1"], extraEnv: ["USER": "dewi"])
        XCTAssertEqual(silent.status, 64)
        XCTAssertTrue(silent.stderr.contains("held by budi") && silent.stderr.contains("--reason"), silent.stderr)
        XCTAssertEqual(try cli.run(["escalate", "1", "--reason", "warga menyebut ancaman, budi sedang rapat"], extraEnv: ["USER": "dewi"]).status, 0)
        // Deadlines set late in December fall in a year the shipped calendar has no holidays for: every command says so.
        let yearEnd = try cli.run(["list"], extraEnv: ["MEJA_NOW": "2026-12-31T16:10:00+07:00"])
        XCTAssertTrue(yearEnd.stderr.contains("no holidays for 2027"), yearEnd.stderr)
        XCTAssertFalse(try cli.run(["list"], extraEnv: ["MEJA_NOW": "2026-11-15T10:00:00+07:00"]).stderr.contains("no holidays"))
        let wordless = try cli.run(["list", "--search", "\"😡"])
        XCTAssertEqual(wordless.status, 64, "a search without a word would otherwise list the whole queue")
        XCTAssertTrue(wordless.stderr.contains("only letters and digits"), wordless.stderr)
        XCTAssertEqual(try cli.run(["log", "show", "--action", "bogus"]).status, 64)
        XCTAssertEqual(try cli.run(["log", "show", "--action", "assign"]).status, 0)
        let newest = try cli.run(["log", "show", "--limit", "1"])
        XCTAssertEqual(newest.stdout.split(separator: "\n").count, 1)
        XCTAssertTrue(newest.stderr.contains("the newest 1 events are shown; --limit lists more"), newest.stderr)
        XCTAssertFalse(try cli.run(["log", "show", "--limit", "100000"]).stderr.contains("newest"))
        let twitter = try cli.run(["list", "--platform", "twitter"])
        XCTAssertEqual(twitter.status, 64, "an old name would list nothing and look like an empty queue")
        XCTAssertTrue(twitter.stderr.contains("no comment on the desk is from 'twitter' (did you mean x?)"), twitter.stderr)
        XCTAssertEqual(try cli.run(["list", "--platform", "youtube"]).status, 0, "a platform Meja knows, even with nothing from it yet")
        // A comment dated after now is kept, with a warning naming its line.
        let future = try cli.write("future.jsonl", #"{"platform":"x","id":"9","author":{"handle":"c"},"text":"t","created_at":"2030-01-01T08:00:00+07:00"}"#)
        let imported = try cli.run(["import", future])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("\(future):1: kept, but dated 2030-01-01T01:00:00Z"), imported.stderr)
        // Releasing what nobody holds is a refused action (exit 1), not a usage error.
        let release = try cli.run(["release", "x:2"])
        XCTAssertEqual(release.status, 1)
        XCTAssertTrue(release.stderr.contains("nothing to release"), release.stderr)
        let stranger = try cli.run(["claim", "1"], extraEnv: ["USER": "mallory"])
        XCTAssertEqual(stranger.status, 1)
        XCTAssertTrue(stranger.stderr.contains("meja staff add mallory"), stranger.stderr)
    }

    func testCommentsDatedAfterNowAreSummarisedWithTheLikelyCause() throws {
        let cli = try CLIHarness()
        // An export whose local times (WIB) were marked as UTC: written 10:10–10:39 WIB, before now (11:00 WIB), each
        // comment seems dated six to seven hours after now.
        let lines = (10..<40).map { n in
            #"{"platform":"x","id":"f\#(n)","author":{"handle":"c\#(n)"},"text":"halo","created_at":"2026-11-30T10:\#(n):00Z"}"#
        }
        let file = try cli.write("wib-as-utc.jsonl", lines.joined(separator: "\n"))
        let imported = try cli.run(["import", file], extraEnv: ["MEJA_NOW": "2026-11-30T04:00:00Z"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let warned = imported.stderr.split(separator: "\n").filter { $0.contains("kept, but dated") }
        XCTAssertEqual(warned.count, 10, "the first ten are named, not all thirty: \(imported.stderr)")
        XCTAssertTrue(imported.stderr.contains("\(file): 20 more warnings like these (lines 11–30); --json lists them all"), imported.stderr)
        XCTAssertTrue(imported.stderr.contains("\(file): 30 comments are dated after now, the furthest 7 h ahead: the export's times are probably local (WIB, +07:00)"),
                      imported.stderr)
        XCTAssertTrue(imported.stdout.contains("30 new"), imported.stdout)
        // The JSON summary keeps every warning and the count.
        let again = try cli.write("later.jsonl", #"{"platform":"x","id":"g1","author":{"handle":"d"},"text":"halo","created_at":"2026-12-02T00:00:00Z"}"#)
        let json = try XCTUnwrap(jsonArray(try cli.run(["import", again, "--json"], extraEnv: ["MEJA_NOW": "2026-11-30T04:00:00Z"]).stdout).first)
        XCTAssertEqual(json["future_dated"]?.intValue, 1)
        XCTAssertEqual(json["warnings"]?.arrayValue?.count, 1)
        let far = try cli.run(["import", try cli.write("far.jsonl", #"{"platform":"x","id":"h1","author":{"handle":"e"},"text":"halo","created_at":"2026-12-05T04:00:00Z"}"#)],
                              extraEnv: ["MEJA_NOW": "2026-11-30T04:00:00Z"])
        XCTAssertTrue(far.stderr.contains("1 comment is dated after now, the furthest 5 days ahead: check the export's dates"), far.stderr)
        XCTAssertTrue(try cli.run(["show", "x:h1"], extraEnv: ["MEJA_NOW": "2026-11-30T04:00:00Z"]).stdout.contains("note: written after now"))
        XCTAssertFalse(try cli.run(["show", "x:h1"], extraEnv: ["MEJA_NOW": "2026-12-06T04:00:00Z"]).stdout.contains("written after now"))
    }

    func testTimesWithoutAnOffsetAreRefusedWithTheWayOutOrReadInTheZoneGiven() throws {
        let cli = try CLIHarness()
        let file = try cli.write("local.jsonl", [
            #"{"platform":"x","id":"l1","author":{"handle":"a"},"text":"halo","created_at":"2026-11-30T08:15:00"}"#,
            #"{"platform":"x","id":"l2","author":{"handle":"b"},"text":"halo","created_at":"2026-11-30 08:20"}"#,
        ].joined(separator: "\n"))
        let refused = try cli.run(["import", file])
        XCTAssertEqual(refused.status, 65)
        XCTAssertTrue(refused.stderr.contains("\(file):1: created_at '2026-11-30T08:15:00' is not ISO 8601 with an offset or Z"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("import it with --assume-zone Asia/Jakarta"), refused.stderr)
        let read = try cli.run(["import", file, "--assume-zone", "Asia/Jakarta"])
        XCTAssertEqual(read.status, 0, read.stderr)
        let shown = try XCTUnwrap(JSONValue.parse(try cli.run(["show", "x:l1", "--json"]).stdout))
        XCTAssertEqual(shown["created_at"]?.stringValue, "2026-11-30T01:15:00Z", "08:15 WIB")
        XCTAssertEqual(try cli.run(["import", file, "--assume-zone", "Jakarta"]).status, 64)
    }

    func testHelpAnswers() throws {
        let cli = try CLIHarness()
        let help = try cli.run(["--help"])
        for command in ["demo", "import", "list", "show", "overdue", "claim", "assign", "status", "reply", "staff", "log", "bench"] {
            XCTAssertTrue(help.stdout.contains(command), "help lists \(command)")
        }
        XCTAssertTrue(try cli.run(["import", "--help"]).stdout.contains("FILE:LINE"))
        XCTAssertEqual(try cli.run(["import"]).status, 64, "a usage error exits 64")
        // Paragraphs are wrapped to the terminal, not broken where the source breaks them.
        let report = try cli.run(["report", "--help"], extraEnv: ["COLUMNS": "80"]).stdout
        XCTAssertTrue(report.split(separator: "\n").allSatisfy { $0.count <= 80 || $0.hasPrefix("USAGE") }, report)
        XCTAssertTrue(report.contains("The period holds the comments written in it; every other figure is taken as of\nits last second"), report)
        let blank = try cli.run(["import", "x.jsonl", "--channel", " "])
        XCTAssertEqual(blank.status, 64, "an empty channel is a usage error")
    }

    func testStaffAddChangesOnlyWhatIsGivenAndRefusesFilterWords() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["staff", "add", "rina", "--role", "agent", "--display-name", "Rina Kusuma"]).status, 0)
        func rina() throws -> JSONValue? {
            try jsonArray(try cli.run(["staff", "list", "--json"]).stdout).first { $0["name"]?.stringValue == "rina" }
        }
        XCTAssertEqual(try cli.run(["staff", "add", "rina", "--inactive"]).status, 0)
        XCTAssertEqual(try rina()?["display_name"]?.stringValue, "Rina Kusuma", "the name citizens see is kept")
        XCTAssertEqual(try rina()?["role"]?.stringValue, "agent")
        XCTAssertEqual(try rina()?["active"], .bool(false))
        XCTAssertEqual(try cli.run(["staff", "add", "rina", "--role", "supervisor"]).status, 0)
        XCTAssertEqual(try rina()?["active"], .bool(false), "a role change does not reactivate")
        XCTAssertEqual(try cli.run(["staff", "add", "rina", "--active"]).status, 0)
        XCTAssertEqual(try rina()?["active"], .bool(true))
        let newcomer = try cli.run(["staff", "add", "budi"])
        XCTAssertEqual(newcomer.status, 64)
        XCTAssertTrue(newcomer.stderr.contains("--role agent"), newcomer.stderr)
        for word in ["me", "none"] {
            let reserved = try cli.run(["staff", "add", word, "--role", "agent"])
            XCTAssertEqual(reserved.status, 64)
            XCTAssertTrue(reserved.stderr.contains("reserved"), reserved.stderr)
        }
    }

    func testStaffListShowsWhatEachHoldsAndHowMuchOfItHasBreached() throws {
        let cli = try CLIHarness()
        // Two comments of the morning (now is 10:00 WIB): the 07:45 one is past its two office hours, the 09:30 one is not.
        let file = try cli.write("two.jsonl", """
            {"platform":"x","id":"1","author":{"handle":"a"},"text":"Kapan KTP saya jadi?","created_at":"2026-12-01T07:45:00+07:00"}
            {"platform":"x","id":"2","author":{"handle":"b"},"text":"Jam buka kantor?","created_at":"2026-12-01T09:30:00+07:00"}
            """)
        XCTAssertEqual(try cli.run(["import", file]).status, 0)
        XCTAssertEqual(try cli.run(["staff", "add", "budi", "--role", "agent"]).status, 0)
        XCTAssertEqual(try cli.run(["assign", "1", "budi"]).status, 0)
        XCTAssertEqual(try cli.run(["assign", "2", "budi"]).status, 0)
        func load(_ name: String) throws -> (held: Int64?, breached: Int64?) {
            let entry = try jsonArray(try cli.run(["staff", "list", "--json"]).stdout).first { $0["name"]?.stringValue == name }
            return (entry?["held"]?.intValue, entry?["breached"]?.intValue)
        }
        XCTAssertEqual(try load("budi").held, 2)
        XCTAssertEqual(try load("budi").breached, 1, "the 07:45 comment is past due, the 09:30 one is not")
        XCTAssertEqual(try load("sari").held, 0, "someone holding nothing is listed with 0")
        let text = try cli.run(["staff", "list"]).stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(text.first?.split(separator: " ", omittingEmptySubsequences: true),
                       ["NAME", "ROLE", "STATE", "HOLDS", "BREACHED", "DISPLAY", "NAME"])
        XCTAssertEqual(text.first { $0.hasPrefix("budi") }?.split(separator: " ").prefix(5), ["budi", "agent", "active", "2", "1"])
        // Answered, a comment no longer needs budi: it leaves what he holds.
        XCTAssertEqual(try cli.run(["reply", "1", "--text", "KTP Kakak sudah bisa diambil hari ini."], extraEnv: ["USER": "budi"]).status, 0)
        XCTAssertEqual(try load("budi").held, 1)
        XCTAssertEqual(try load("budi").breached, 0)
    }

    func testListShowsTheMostUrgentUpToItsLimitAndSaysWhenThereAreMore() throws {
        let cli = try CLIHarness()
        let lines = (1...3).map { #"{"platform":"x","id":"\#($0)","author":{"handle":"w\#($0)"},"text":"Halo min","created_at":"2026-12-01T0\#($0):00:00+07:00"}"# }
        XCTAssertEqual(try cli.run(["import", try cli.write("three.jsonl", lines.joined(separator: "\n"))]).status, 0)
        let two = try cli.run(["list", "--limit", "2", "--json"])
        XCTAssertEqual(try jsonArray(two.stdout).compactMap { $0["external_id"]?.stringValue }, ["1", "2"], "the most urgent first")
        XCTAssertTrue(two.stderr.contains("the 2 most urgent are shown, and there are more"), two.stderr)
        let all = try cli.run(["list", "--limit", "3"])
        XCTAssertEqual(all.stdout.split(separator: "\n").count, 4, "a header and three rows: \(all.stdout)")
        XCTAssertFalse(all.stderr.contains("there are more"), all.stderr)
        XCTAssertEqual(try jsonArray(try cli.run(["list", "--json"]).stdout).count, 3, "the default limit is far above three")
    }

    func testADatabaseTheUserMayNotWriteIsExplainedWithAWayOut() throws {
        let setpriv = "/usr/bin/setpriv"
        try XCTSkipUnless(getuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv),
                          "needs root and setpriv to act as a user without write access")
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["staff", "add", "ani", "--role", "supervisor"]).status, 0)
        let folder = cli.dir.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("desk.sqlite").path
        try FileManager.default.copyItem(atPath: cli.database, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.dir.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: setpriv)
        p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLIHarness.binary, "log", "verify", "--db", copy]
        p.environment = cli.env.merging(["HOME": "/tmp"]) { _, new in new }
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(p.terminationStatus, 64, stderr)
        // The way out works whether or not a -wal file is there (a copy without one has none).
        XCTAssertTrue(stderr.contains("read-only for you") && stderr.contains("cp '\(copy)' /tmp/ && { cp '\(copy)-wal' /tmp/ 2>/dev/null || true; }"), stderr)
    }

    func testBenchKeepsItsFolderForProfilingAndRefusesOneInUse() throws {
        let cli = try CLIHarness()
        let folder = cli.dir.appendingPathComponent("bench-kept").path
        let run = try cli.run(["bench", "--rows", "40", "--only", "import", "--keep", folder, "--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertGreaterThan(try XCTUnwrap(JSONValue.parse(run.stdout)?["import_rows_per_s"]?.doubleValue), 0)
        XCTAssertGreaterThan(try XCTUnwrap(JSONValue.parse(run.stdout)?["import_into_1m_rows_per_s"]?.doubleValue), 0)
        let inbox = try String(contentsOfFile: folder + "/inbox.jsonl", encoding: .utf8)
        XCTAssertEqual(inbox.split(separator: "\n").count, 40, "the generated file is kept")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/bench.sqlite"), "the database is kept")
        let again = try cli.run(["bench", "--rows", "40", "--only", "import", "--keep", folder])
        XCTAssertNotEqual(again.status, 0, "a second run would import into a full database")
        XCTAssertTrue(again.stderr.contains("is not empty"), again.stderr)
        // The log's speed is measured on filler events of their own: the kept desk still verifies, every event its own.
        let logged = cli.dir.appendingPathComponent("bench-log").path
        let log = try cli.run(["bench", "--rows", "40", "--only", "log", "--keep", logged, "--json"])
        XCTAssertEqual(log.status, 0, log.stderr)
        XCTAssertGreaterThan(try XCTUnwrap(JSONValue.parse(log.stdout)?["log_verify_events_per_s"]?.doubleValue), 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: logged + "/log-bench.sqlite"), "the filler log is removed")
        let verify = try cli.run(["log", "verify", "--db", logged + "/bench.sqlite", "--json"])
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        XCTAssertLessThan(try XCTUnwrap(JSONValue.parse(verify.stdout)?["count"]?.intValue), 1_000, "no filler on the kept log: \(verify.stdout)")
    }

    func testWhileAnotherProcessWritesReadingWorksAndAWriterIsToldTheDatabaseIsBusy() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["demo", "--seed-only"]).status, 0)
        let first = try XCTUnwrap(try jsonArray(try cli.run(["list", "--json"]).stdout).first { $0["assignee"]?.stringValue == nil }?["id"]?.intValue)
        // This process plays a long import: it holds the write lock while the commands run.
        let store = try SQLiteStore(path: cli.database)
        try store.write { _ in
            let list = try cli.run(["list", "--limit", "3"])
            XCTAssertEqual(list.status, 0, "reading needs no write lock: \(list.stderr)")
            let claim = try cli.run(["claim", String(first)])
            XCTAssertEqual(claim.status, 1)
            XCTAssertTrue(claim.stderr.contains("the database is busy") && claim.stderr.contains("Nothing was changed"), claim.stderr)
            XCTAssertFalse(claim.stderr.contains("damaged"), claim.stderr)
        }
        let again = try cli.run(["claim", String(first)])
        XCTAssertEqual(again.status, 0, "once the lock is free the same claim goes through: \(again.stderr)")
    }

    func testLongChecksShowTheirProgressOnATerminalOnly() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["demo", "--seed-only"]).status, 0)
        let terminal = try cli.runOnTerminal(["log", "verify"])
        XCTAssertTrue(terminal.stdout.contains("Verifying the log: comparing the desk's tables with the log"), terminal.stdout)
        XCTAssertTrue(terminal.stdout.contains("OK: "), terminal.stdout)
        let sweep = try cli.runOnTerminal(["escalate", "--overdue", "--dry-run"])
        XCTAssertTrue(sweep.stdout.contains("Counting breaches past the grace: "), sweep.stdout)
        let file = cli.dir.appendingPathComponent("log.jsonl").path
        let export = try cli.runOnTerminal(["log", "export", "--out", file])
        XCTAssertTrue(export.stdout.contains("Exporting the log") && export.stdout.contains("100%"), export.stdout)
        XCTAssertFalse(try String(contentsOfFile: file, encoding: .utf8).contains("Exporting"), "the progress is not in the file")
        let toTerminal = try cli.runOnTerminal(["log", "export"])
        XCTAssertFalse(toTerminal.stdout.contains("Exporting the log"), "no progress between the events on the screen")
        // Piped (cron, scripts): the result alone.
        let piped = try cli.run(["log", "verify"])
        XCTAssertFalse(piped.stderr.contains("Verifying"), piped.stderr)
        XCTAssertTrue(piped.stdout.hasPrefix("OK: "), piped.stdout)
    }

    func testANoteIsKeptOnTheLogAndShownWithTheComment() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["demo", "--seed-only"]).status, 0)
        let noted = try cli.run(["note", "3", "Sudah telepon warga.\nPDAM jawab besok pagi \u{1B}[2J."])
        XCTAssertEqual(noted.status, 0, noted.stderr)
        XCTAssertEqual(noted.stdout, "Note kept on comment 3's history (on the log, not sent to the citizen).\n")
        let show = try cli.run(["show", "3"])
        XCTAssertTrue(show.stdout.contains("  note\n      Sudah telepon warga.\n      PDAM jawab besok pagi "), "the note, whole, under its line:\n\(show.stdout)")
        XCTAssertFalse(show.stdout.contains("\u{1B}"), "shown inert")
        let json = try XCTUnwrap(JSONValue.parse(try cli.run(["show", "3", "--json"]).stdout))
        XCTAssertEqual(json["history"]?.arrayValue?.last?["action"]?.stringValue, "note")
        let listed = try jsonArray(try cli.run(["log", "show", "--action", "note", "--json"]).stdout)
        XCTAssertEqual(listed.map { $0["subject"]?.stringValue }, ["3"])
        let empty = try cli.run(["note", "3", "   "])
        XCTAssertEqual(empty.status, 64)
        XCTAssertTrue(empty.stderr.contains("An empty note is not kept"), empty.stderr)
        XCTAssertEqual(try cli.run(["log", "verify"]).status, 0)
    }

    func testTheEscalationSweepCanBeCountedFirstThenRunsOnce() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["demo", "--seed-only"]).status, 0)
        let escalations = { try jsonArray(try cli.run(["log", "show", "--action", "escalate", "--json", "--limit", "100000"]).stdout).count }
        let before = try escalations()
        let dry = try cli.run(["escalate", "--overdue", "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        let would = try XCTUnwrap(dry.stdout.split(separator: " ").dropFirst(2).first.flatMap { Int($0) }, dry.stdout)
        XCTAssertTrue(dry.stdout.hasPrefix("Would escalate \(would) (nothing changed): "), dry.stdout)
        XCTAssertGreaterThan(would, 0, "the demo has breaches past the grace")
        XCTAssertEqual(try escalations(), before, "a dry run logs nothing")
        let real = try cli.run(["escalate", "--overdue"])
        XCTAssertTrue(real.stdout.hasPrefix("Escalated \(would) "), "the run does what the count said: \(real.stdout)")
        XCTAssertEqual(try escalations(), before + would)
        // Who escalated is shown: the sweep's escalation is the desk's own rule.
        let latest = try XCTUnwrap(try jsonArray(try cli.run(["log", "show", "--action", "escalate", "--json", "--limit", "1"]).stdout).last)
        let shown = try XCTUnwrap(JSONValue.parse(try cli.run(["show", latest["subject"]?.stringValue ?? "", "--json"]).stdout))
        XCTAssertEqual(shown["sla_history"]?["escalated_by"]?.stringValue, "meja")
        XCTAssertEqual(try cli.run(["escalate", "--overdue"]).stdout, "Nothing to escalate.\n")
        XCTAssertEqual(try cli.run(["escalate", "1", "--dry-run"]).status, 64)
    }

    func testAMissingDatabaseIsRefusedAndABrokenConfigNamesItsLineAndRunsOnDefaults() throws {
        let cli = try CLIHarness()
        let config = try cli.write("config.toml", """
            [agency]
            name = "Dinas Contoh"

            [[sla]]
            name = "fast"
            first_response = "soon"
            """)
        let missing = try cli.run(["list"])
        XCTAssertEqual(missing.status, 64, "a database that is not there is not created by a listing")
        XCTAssertTrue(missing.stderr.contains("there is no Meja database at \(cli.database)"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.database))
        XCTAssertEqual(try cli.run(["log", "verify"]).status, 64, "an auditor's mistyped path is not an empty log that verifies")
        let zero = try cli.write("zero.sqlite", "")
        XCTAssertEqual(try cli.run(["log", "verify", "--db", zero]).status, 64, "an empty file is no database either")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: zero)[.size] as? Int, 0, "and stays empty")
        let notes = try cli.write("notes.txt", "not a database at all, just some notes that are long enough to be read\n")
        let wrong = try cli.run(["list", "--db", notes])
        XCTAssertEqual(wrong.status, 64, "a wrong path is a usage error, not a failed check (1)")
        XCTAssertTrue(wrong.stderr.contains("is not a database") || wrong.stderr.contains("not a Meja database"), wrong.stderr)
        XCTAssertEqual(try cli.run(["staff", "add", "ani", "--role", "supervisor"]).status, 0, "staff add starts a new desk")
        let result = try cli.run(["list", "--config", config])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("\(config):6: "), result.stderr)
        let syntax = try cli.write("broken.toml", "[agency\nname = 1\n")
        let broken = try cli.run(["list", "--config", syntax])
        XCTAssertEqual(broken.status, 0)
        XCTAssertTrue(broken.stderr.contains("\(syntax):1: "), broken.stderr)
        let stranded = try cli.run(["list"], extraEnv: ["MEJA_RESOURCES": cli.dir.appendingPathComponent("nowhere").path])
        XCTAssertEqual(stranded.status, 0)
        XCTAssertTrue(stranded.stderr.contains("were not found"), "a binary without its shipped files says so: \(stranded.stderr)")
        XCTAssertFalse(try cli.run(["list"]).stderr.contains("were not found"))
        let typo = try cli.run(["list", "--config", cli.dir.appendingPathComponent("confg.toml").path])
        XCTAssertEqual(typo.status, 64, "a configuration file named but not there is a mistake, not the defaults")
        XCTAssertTrue(typo.stderr.contains("there is no configuration file at"), typo.stderr)
    }
}

final class ReplyCLITests: XCTestCase {
    func testToneReadsStdinLineByLineAsJSON() throws {
        let cli = try CLIHarness()
        let out = try cli.run(["tone", "--json"], stdin: "wkwkwk adminnya lucu bgt 😂\nturut berduka, ayah saya meninggal\nHow do I renew my ID card?\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n").compactMap { JSONValue.parse(String($0)) }
        XCTAssertEqual(lines.count, 3)
        for key in ["lang", "sentiment", "sensitive", "joking", "humor_allowed", "reasons"] {
            XCTAssertTrue(lines.allSatisfy { $0[key] != nil }, key)
        }
        XCTAssertEqual(lines[0]["humor_allowed"]?.intValue, 2)
        XCTAssertEqual(lines[0]["joking"]?.boolValue, true)
        XCTAssertEqual(lines[1]["humor_allowed"]?.intValue, 0)
        XCTAssertEqual(lines[1]["sensitive"]?.arrayValue?.compactMap(\.stringValue), ["death"])
        XCTAssertEqual(lines[2]["lang"]?.stringValue, "en")
        let crlf = try cli.run(["tone", "--json"], stdin: "wkwkwk adminnya lucu bgt 😂\r\nturut berduka, ayah saya meninggal\r\n")
        XCTAssertEqual(crlf.stdout.split(separator: "\n").compactMap { JSONValue.parse(String($0))?["humor_allowed"]?.intValue }, [2, 0],
                       "Windows line ends are line ends")
        XCTAssertEqual(try cli.run(["tone", "--json"], stdin: "").stdout, "", "no input, no verdicts")
        let missing = try cli.run(["tone", "no-such-file.txt"])
        XCTAssertEqual(missing.status, 64, "a file that cannot be read is a usage error, as for import")
        XCTAssertTrue(missing.stderr.contains("no-such-file.txt: cannot be read"), missing.stderr)
    }

    func testAReplyWithSeenReplyIsStoppedByAnAnswerRecordedAfterIt() throws {
        let cli = try CLIHarness()
        let file = try cli.write("c.jsonl", #"{"platform":"x","id":"s1","author":{"handle":"ani"},"text":"Min, lampu jalan mati","created_at":"2026-12-01T08:00:00+07:00"}"#)
        XCTAssertEqual(try cli.run(["import", file]).status, 0)
        let seen = try XCTUnwrap(JSONValue.parse(try cli.run(["show", "1", "--json"]).stdout))["replies"]?.arrayValue?.compactMap { $0["id"]?.intValue }.max() ?? 0
        XCTAssertEqual(seen, 0)
        let first = try cli.run(["reply", "1", "--text", "Sudah kami teruskan ke petugas PJU.", "--seen-reply", String(seen)])
        XCTAssertEqual(first.status, 0, first.stderr)
        let second = try cli.run(["reply", "1", "--text", "Terima kasih, Kak, kami cek.", "--seen-reply", String(seen)])
        XCTAssertEqual(second.status, 1, "another answer was recorded after the one read")
        XCTAssertTrue(second.stderr.contains("answered this comment") && second.stderr.contains("Sudah kami teruskan ke petugas PJU."), second.stderr)
        let newest = try XCTUnwrap(JSONValue.parse(try cli.run(["show", "1", "--json"]).stdout))["replies"]?.arrayValue?.compactMap { $0["id"]?.intValue }.max()
        let read = try cli.run(["reply", "1", "--text", "Terima kasih, Kak, kami cek.", "--seen-reply", String(try XCTUnwrap(newest))])
        XCTAssertEqual(read.status, 0, read.stderr)
        XCTAssertEqual(try cli.run(["reply", "1", "--text", "Lagi", "--seen-reply", "-1"]).status, 64)
        let foreign = try cli.run(["reply", "1", "--text", "Lagi", "--seen-reply", "99999"])
        XCTAssertEqual(foreign.status, 64, "an id that is no reply to it cannot say what was read")
        XCTAssertTrue(foreign.stderr.contains("reply 99999 is not on comment 1 or in its conversation"), foreign.stderr)
    }

    func testSuggestThenReplyWithATemplateAndABlockedNIK() throws {
        let cli = try CLIHarness()
        let file = try cli.write("c.jsonl", #"{"platform":"instagram","id":"c1","author":{"handle":"ani","name":"Ani"},"text":"Min, syarat bikin KTP elektronik apa aja ya?","created_at":"2026-12-01T08:00:00+07:00"}"#)
        XCTAssertEqual(try cli.run(["import", file]).status, 0)
        let suggest = try cli.run(["suggest", "1", "--json"])
        XCTAssertEqual(suggest.status, 0, suggest.stderr)
        let body = try XCTUnwrap(JSONValue.parse(suggest.stdout))
        let suggestions = try XCTUnwrap(body["suggestions"]?.arrayValue)
        XCTAssertGreaterThanOrEqual(suggestions.count, 3)
        for key in ["template_id", "score", "humor", "text", "reasons"] { XCTAssertTrue(suggestions.allSatisfy { $0[key] != nil }, key) }
        XCTAssertTrue(suggestions[0]["text"]?.stringValue?.contains("Ani") == true)
        let blocked = try cli.run(["reply", "1", "--text", "NIK Kakak 3171012345678901 sudah terdaftar"])
        XCTAssertEqual(blocked.status, 1)
        XCTAssertTrue(blocked.stderr.contains("--override-reason"), blocked.stderr)
        // --check says every finding, the notes too, before anything is recorded.
        let checked = try cli.run(["reply", "1", "--check", "--text", "MOHON TULISKAN NOMOR HP KAKAK DI SINI, INFO DI HTTPS://BIT.LY/KTP"])
        XCTAssertEqual(checked.status, 1)
        for code in ["blocks:", "asks_personal_data", "note:", "shouting", "link_not_allowed", "nothing was recorded"] {
            XCTAssertTrue((checked.stdout + checked.stderr).contains(code), code + ": " + checked.stdout + checked.stderr)
        }
        let fine = try cli.run(["reply", "1", "--check", "--text", "Halo Kak Ani, syaratnya ada di https://layanan.contoh.go.id/ktp ya"])
        XCTAssertEqual(fine.status, 0, fine.stderr)
        XCTAssertTrue(fine.stdout.contains("Nothing blocks"), fine.stdout)
        XCTAssertEqual(try jsonArray(try cli.run(["log", "show", "--action", "reply", "--json"]).stdout).count, 0, "--check records nothing")
        // The best template asks staff for the link and the service: without them it is blocked, with them it goes.
        let template = try XCTUnwrap(suggestions[0]["template_id"]?.stringValue)
        let unfilled = try cli.run(["reply", "1", "--template", template])
        if suggestions[0]["text"]?.stringValue?.contains("{link}") == true {
            XCTAssertEqual(unfilled.status, 1)
            XCTAssertTrue(unfilled.stderr.contains("{link}"), unfilled.stderr)
        }
        let sent = try cli.run(["reply", "1", "--template", template, "--var", "link=https://layanan.contoh.go.id/ktp",
                                "--var", "service.name=KTP elektronik"])
        XCTAssertEqual(sent.status, 0, sent.stderr)
        XCTAssertFalse(sent.stderr.contains("note:"), "an allowed link draws no note: \(sent.stderr)")
        let log = try jsonArray(try cli.run(["log", "show", "--action", "reply", "--json"]).stdout)
        XCTAssertEqual(log.count, 1)
        // A finding that does not block is still said, not only logged.
        let flagged = try cli.run(["reply", "1", "--text", "Info lengkap di https://bit.ly/ktp-kita ya Kak"])
        XCTAssertEqual(flagged.status, 0, flagged.stderr)
        XCTAssertTrue(flagged.stderr.contains("note:") && flagged.stderr.contains("bit.ly") && flagged.stderr.contains("link_not_allowed"),
                      flagged.stderr)
        XCTAssertEqual(log[0]["payload"]?["template_id"]?.stringValue, template)
        XCTAssertEqual(try XCTUnwrap(JSONValue.parse(try cli.run(["show", "1", "--json"]).stdout))["status"]?.stringValue, "replied")
        // Free text fills its variables as a template does; a name with no value stays for the linter to point at.
        let written = try cli.run(["reply", "1", "--text", "Terima kasih Kak {citizen.name}, cek {link} ya ({ticket.ref})",
                                   "--var", "link=https://layanan.contoh.go.id/ktp"])
        XCTAssertEqual(written.status, 0, written.stderr)
        let texts = try jsonArray(try cli.run(["log", "show", "--action", "reply", "--json"]).stdout).compactMap { $0["payload"]?["text"]?.stringValue }
        XCTAssertTrue(texts.contains("Terima kasih Kak Ani, cek https://layanan.contoh.go.id/ktp ya (MJ-1)"), "\(texts)")
        let unknown = try cli.run(["reply", "1", "--text", "Kami kabari {sla.janji}"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("{sla.janji}"), unknown.stderr)
    }
}
