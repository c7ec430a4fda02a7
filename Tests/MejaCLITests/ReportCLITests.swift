import DeskCore
import Foundation
import XCTest

final class ReportCLITests: XCTestCase {
    /// One demo database for the tests that only read it.
    private static let demo: Result<CLIHarness, Error> = Result {
        let cli = try CLIHarness()
        let seeded = try cli.run(["demo", "--seed-only"])
        guard seeded.status == 0 else { throw CLIError(seeded.stderr) }
        return cli
    }

    private struct CLIError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    // MARK: Privacy

    func testThePublicReportHoldsNoHandleNameOrTextOfTheDatabase() throws {
        let cli = try Self.demo.get()
        let personal = try Self.personalStrings(cli.database)
        XCTAssertGreaterThan(personal.count, 500, "handles, names and texts of a demo desk")
        for format in ["text", "md", "csv", "html"] {
            let file = cli.dir.appendingPathComponent("public.\(format)").path
            let run = try cli.run(["report", "--public", "--format", format, "--out", file])
            XCTAssertEqual(run.status, 0, run.stderr)
            let output = try String(contentsOfFile: file, encoding: .utf8)
            XCTAssertGreaterThan(output.count, 2_000)
            var leaks: [String] = []
            for s in personal where output.contains(s) || output.contains(ReportHTML.escape(s)) || output.contains(ReportMarkdown.escape(s)) {
                leaks.append(s)
            }
            XCTAssertEqual(leaks, [], "\(format) shows personal data")
        }
        // The same scan finds the staff in the supervisors' report: the check is not blind.
        let internalReport = try cli.run(["report", "--format", "csv"])
        XCTAssertTrue(internalReport.stdout.contains("\nstaff,budi,"), internalReport.stdout)
        // A spreadsheet keeps values, not labels: whether the log was verified for the report is a row of its own.
        XCTAssertTrue(internalReport.stdout.contains("\nsummary,log_verified,false\n"), "made without the check")
        let published = try String(contentsOfFile: cli.dir.appendingPathComponent("public.csv").path, encoding: .utf8)
        XCTAssertTrue(published.contains("\nsummary,log_verified,true\n"), "a public report is refused unless the log verifies")
    }

    /// Every author handle (bare and with `@`), author name, comment text, reply text and staff login and
    /// display name in the database, of three characters or more.
    static func personalStrings(_ path: String) throws -> Set<String> {
        let store = try SQLiteStore(path: path)
        var out: Set<String> = []
        try store.read { tx in
            var q = QueueQuery(now: Date(timeIntervalSince1970: 0), statuses: Set(CommentStatus.allCases), limit: 1_000_000)
            q.offset = 0
            for c in try tx.queue(q) {
                out.formUnion([c.author.handle, c.author.atHandle, c.author.name ?? "", c.text])
                for r in try tx.replies(commentID: c.id) { out.insert(r.text) }
            }
            for m in try tx.staff() { out.formUnion([m.name, m.displayName]) }
        }
        return out.filter { $0.trimmingCharacters(in: .whitespaces).count >= 3 }
    }

    // MARK: The log

    /// Recomputes report figures from `meja log export` alone — its own reading of the `arrivals` and `clocks`
    /// the log carries (docs/reports.md), nothing of the report code — and compares them with `meja report`.
    func testReportFiguresMatchThoseRecomputedFromTheLogExport() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["demo", "--seed-only"]).status, 0)
        let exportPath = cli.dir.appendingPathComponent("log.jsonl").path
        XCTAssertEqual(try cli.run(["log", "export", "--format", "jsonl", "--out", exportPath]).status, 0)
        let csv = try cli.run(["report", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let report = Self.parseCSV(csv.stdout)
        let lines = try String(contentsOfFile: exportPath, encoding: .utf8).split(separator: "\n")
        let log = LogRecount(lines.map { JSONValue.parse(String($0)) ?? .null })

        // The default period: the 28 days ending with MEJA_NOW's day, as of MEJA_NOW.
        let start = Timestamp.parse("2026-11-04T00:00:00+07:00")!, asOf = Timestamp.parse("2026-12-01T10:00:00+07:00")!
        let figures = log.figures(start: start, asOf: asOf, threshold: 5)
        func summary(_ key: String) -> String? { report["summary"]?.first { $0[0] == key }?[1] }
        XCTAssertEqual(summary("log_head"), figures.head)
        XCTAssertEqual(summary("comments"), String(figures.comments))
        XCTAssertGreaterThan(figures.comments, 1_000)
        XCTAssertEqual(summary("backlog"), String(figures.backlog))
        XCTAssertEqual(summary("backlog_breached"), String(figures.backlogBreached))
        XCTAssertEqual(summary("passed_over"), String(figures.passedOver))
        XCTAssertEqual(summary("escalations"), String(figures.escalations))
        XCTAssertEqual(summary("replies"), String(figures.replies))
        XCTAssertEqual(summary("answered_on_platform"), String(figures.answeredOnPlatform))
        XCTAssertGreaterThan(figures.answeredOnPlatform, 0, "the demo has answers imported from the platform")
        for clock in ["first_response", "next_response", "resolution"] {
            let row = try XCTUnwrap(report["hit_rate"]?.first { $0[0] == clock })
            XCTAssertEqual(Array(row[1...5]), figures.hits[clock]!.map(String.init), clock)
            for basis in ["business", "calendar"] {
                let times = try XCTUnwrap(report["response_times"]?.first { $0[0] == clock && $0[1] == basis })
                XCTAssertEqual(Array(times[2...5]), Self.stats(figures.minutes[clock + basis] ?? []), "\(clock) \(basis)")
            }
        }
        XCTAssertGreaterThan(figures.minutes["next_responsebusiness"]?.count ?? 0, 10, "the demo has follow-ups")
        for (dimension, counts) in [("platform", figures.platforms), ("intent", figures.intents)] {
            XCTAssertEqual(report["volume"]?.filter { $0[0] == dimension }.map { [$0[1], $0[2]] },
                           counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { [$0.key, String($0.value)] }, dimension)
        }
        XCTAssertEqual(report["volume"]?.filter { $0[0] == "sentiment" }.map { [$0[1], $0[2]] },
                       ["negative", "neutral", "positive", "-"].map { [$0, String(figures.sentiments[$0] ?? 0)] })
        XCTAssertGreaterThan(figures.intents.count, 3, "the demo's comments have intents from the tone governor")
        XCTAssertGreaterThan(figures.sentiments["negative"] ?? 0, 0)
        for row in report["staff"] ?? [] where row[1] != "0" {
            XCTAssertEqual(row[1], String(figures.staffReplies[row[0]] ?? 0), "replies of \(row[0])")
            XCTAssertEqual(row[3], String(figures.staffFirst[row[0]]?.count ?? 0), "first responses of \(row[0])")
            XCTAssertEqual(row[4], Self.stats(figures.staffFirst[row[0]] ?? [])[1], "median first response of \(row[0])")
        }
        XCTAssertEqual(report["staff"]?.map { $0[0] }.sorted(), ["budi", "dewi", "rina", "sari"])
        // Per queue: comments, on time, decided (on time counted in both), backlog, past due.
        var queues: [String: [Int]] = [:]
        for row in report["queues"] ?? [] { queues[row[0] + " " + row[1]] = [row[2], row[3], row[4], row[7], row[8]].map { Int($0)! } }
        let recounted = figures.queues.mapValues { q in [q[0], q[1], q[1] + q[2], q[3], q[4]] }
        XCTAssertEqual(queues, recounted)
        XCTAssertGreaterThanOrEqual(queues.count, 5, "the demo writes on every platform")
        XCTAssertEqual(report["weekly"]?.map { $0[2] }.last, String(figures.comments), "all demo comments fall in the last week")

        // The recount script in docs/reports.md, run as an auditor would, agrees too.
        let docs = try String(contentsOf: packageRoot.appendingPathComponent("docs/reports.md"), encoding: .utf8)
        let begin = try XCTUnwrap(docs.range(of: "<!-- recount-script:start -->\n```python\n"))
        let end = try XCTUnwrap(docs.range(of: "```\n<!-- recount-script:end -->"))
        let script = try cli.write("recount.py", String(docs[begin.upperBound..<end.lowerBound]))
        let period = try XCTUnwrap(summary("period")?.split(separator: "/").first.map(String.init)), reportMoment = try XCTUnwrap(summary("as_of"))
        func recount(_ export: String, _ extra: [String] = []) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", script, export, period, reportMoment] + extra
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, output)
            return output
        }
        let expected = ["log_head", "comments", "first_response_hit_rate"].map { "\($0) \(summary($0) ?? "?")\n" }.joined()
        XCTAssertEqual(try recount(exportPath), expected)
        // An event logged after the report in the same second (a claim) is in a later export: the report's head
        // sequence number, given as the fourth argument, leaves it out.
        let open = try XCTUnwrap(try jsonArray(try cli.run(["list", "--json"]).stdout).first { $0["status"]?.stringValue == "new" })
        XCTAssertEqual(try cli.run(["claim", String(try XCTUnwrap(open["id"]?.intValue))]).status, 0)
        let later = cli.dir.appendingPathComponent("later.jsonl").path
        XCTAssertEqual(try cli.run(["log", "export", "--format", "jsonl", "--out", later]).status, 0)
        XCTAssertNotEqual(try recount(later), expected, "by time alone the claim of the same second is counted in")
        let seq = try XCTUnwrap(summary("log_head")?.split(separator: ":").first.map(String.init))
        XCTAssertEqual(try recount(later, [seq]), expected)
    }

    /// count, median, p90, max (nearest rank) as the CSV writes them.
    static func stats(_ values: [Int]) -> [String] {
        let s = values.sorted()
        func rank(_ p: Int) -> String { s.isEmpty ? "" : String(s[max(1, (p * s.count + 99) / 100) - 1]) }
        return [String(s.count), rank(50), rank(90), s.last.map(String.init) ?? ""]
    }

    /// The CSV's tables by family: rows without the `table` column (no field in the demo needs quoting).
    static func parseCSV(_ text: String) -> [String: [[String]]] {
        var tables: [String: [[String]]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("table,") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            tables[fields[0], default: []].append(Array(fields.dropFirst()))
        }
        return tables
    }

    // MARK: Options

    func testOptionsFormatsAndErrors() throws {
        let cli = try Self.demo.get()
        let text = try cli.run(["report", "--from", "2026-11-25", "--to", "2026-12-01"], extraEnv: ["COLUMNS": "100"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Period                                  2026-11-25 – 2026-12-01 (Asia/Jakarta)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("▁") || text.stdout.contains("█"), "sparklines and bars")
        // Indonesian labels when asked for, or when the locale is Indonesian; the same figures; CSV keys unchanged.
        let indonesian = try cli.run(["report", "--from", "2026-11-25", "--to", "2026-12-01", "--lang", "id"], extraEnv: ["COLUMNS": "100"])
        XCTAssertTrue(indonesian.stdout.contains("Periode"), indonesian.stdout)
        XCTAssertTrue(indonesian.stdout.contains("Komentar masuk"), indonesian.stdout)
        XCTAssertFalse(indonesian.stdout.contains("Comments received"), indonesian.stdout)
        let byLocale = try cli.run(["report", "--from", "2026-11-25", "--to", "2026-12-01"], extraEnv: ["COLUMNS": "100", "LANG": "id_ID.UTF-8"])
        XCTAssertEqual(byLocale.stdout, indonesian.stdout)
        let csv = ["report", "--format", "csv", "--from", "2026-11-25", "--to", "2026-12-01"]
        XCTAssertEqual(try cli.run(csv + ["--lang", "id"]).stdout, try cli.run(csv).stdout)
        XCTAssertEqual(try cli.run(["report", "--lang", "fr"]).status, 64)
        let html = cli.dir.appendingPathComponent("r.html").path
        XCTAssertEqual(try cli.run(["report", "--format", "html", "--public", "--out", html]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let md = try cli.run(["report", "--format", "md", "--to", "2026-11-30"])
        XCTAssertTrue(md.stdout.contains("2026-11-03 – 2026-11-30"), "four weeks ending on --to")
        let backwards = try cli.run(["report", "--from", "2026-12-01", "--to", "2026-11-30"])
        XCTAssertEqual(backwards.status, 64)
        XCTAssertTrue(backwards.stderr.contains("must come before"), backwards.stderr)
        let millennia = try cli.run(["report", "--from", "0001-01-01", "--to", "9999-12-31"])
        XCTAssertEqual(millennia.status, 64)
        XCTAssertTrue(millennia.stderr.contains("is longer than ten years"), millennia.stderr)
        XCTAssertEqual(try cli.run(["report", "--format", "pdf"]).status, 64)
        let badDate = try cli.run(["report", "--from", "yesterday"])
        XCTAssertEqual(badDate.status, 64)
        XCTAssertFalse(badDate.stderr.contains("[agency].name"), "the mistake comes first, alone: \(badDate.stderr)")
    }

    /// An archive from a year the calendar ships no holidays for: its deadlines counted every weekday as open, and
    /// the import, `meja show` and a report on that period say so (the commands' own warning looks only ahead).
    func testCommentsFromAYearWithoutHolidaysAreNamedWhereTheyAreShown() throws {
        let cli = try CLIHarness(now: "2026-03-02T10:00:00+07:00")
        let file = try cli.write("arsip.jsonl", """
            {"platform":"x","id":"lama1","author":{"handle":"@warga"},"text":"Kapan kantor buka?","created_at":"2025-12-24T15:00:00+07:00"}
            {"platform":"x","id":"baru1","author":{"handle":"@warga2"},"text":"Syarat KTP apa saja?","created_at":"2026-03-02T09:00:00+07:00"}

            """)
        let imported = try cli.run(["import", file])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("arsip.jsonl: comments written 2025-12-24T08:00:00Z to 2026-03-02T02:00:00Z: the calendar has no holidays for 2025"),
                      imported.stderr)
        let unknownYear = "the calendar has no holidays for 2025"
        XCTAssertTrue(try cli.run(["show", "x:lama1"]).stderr.contains("this comment's clocks: " + unknownYear))
        XCTAssertFalse(try cli.run(["show", "x:baru1"]).stderr.contains(unknownYear))
        let december = try cli.run(["report", "--from", "2025-12-01", "--to", "2025-12-31", "--format", "csv"])
        XCTAssertTrue(december.stderr.contains("the period's comments: " + unknownYear))
        // Imported after the period it was written in: in no figure, and the report says how to count it.
        XCTAssertTrue(december.stdout.contains("summary,comments,0"), december.stdout)
        XCTAssertTrue(december.stderr.contains("1 comment written in the period was imported after it and in no figure"), december.stderr)
        let known = try cli.run(["report", "--from", "2025-12-01", "--to", "2025-12-31", "--format", "csv", "--as-known-now"])
        XCTAssertTrue(known.stdout.contains("summary,comments,1"), known.stdout)
        XCTAssertFalse(known.stderr.contains("imported after it"), known.stderr)
        XCTAssertFalse(try cli.run(["report", "--from", "2026-02-01", "--to", "2026-02-28"]).stderr.contains(unknownYear))
    }
}

/// An independent reading of a log export: folds `arrivals`, `clocks` and reply events up to a moment.
private struct LogRecount {
    struct Comment {
        var id: Int64
        var platform = "", channel = "", clock = "", intent = "-", sentiment = "-"
        var created: Int64 = 0, imported: Int64 = 0
        var responseDue: Int64?, resolutionDue: Int64?
        var fields: [String: JSONValue] = [:]
        var answeredBy: String?
    }

    struct Figures {
        var head = ""
        var comments = 0, backlog = 0, backlogBreached = 0, passedOver = 0, escalations = 0, replies = 0, answeredOnPlatform = 0
        var hits: [String: [Int]] = [:]
        var minutes: [String: [Int]] = [:]
        var platforms: [String: Int] = [:], intents: [String: Int] = [:], sentiments: [String: Int] = [:]
        var staffReplies: [String: Int] = [:]
        /// By "platform channel": comments, on time, decided (response clocks), backlog, past due.
        var queues: [String: [Int]] = [:]
        var staffFirst: [String: [Int]] = [:]
    }

    let events: [JSONValue]

    init(_ events: [JSONValue]) { self.events = events }

    static func seconds(_ s: String?) -> Int64? { s.flatMap(Timestamp.parse).map { Int64($0.timeIntervalSince1970) } }

    func figures(start: Date, asOf: Date, threshold: Int) -> Figures {
        let from = Int64(start.timeIntervalSince1970), cut = Int64(asOf.timeIntervalSince1970)
        var comments: [Int64: Comment] = [:]
        var f = Figures()
        for e in events {
            guard let at = Self.seconds(e["at"]?.stringValue), at <= cut, let p = e["payload"]?.stringValue.flatMap(JSONValue.parse) else { continue }
            f.head = "\(e["seq"]!.intValue!):\(e["hash"]!.stringValue!)"
            let action = e["action"]?.stringValue
            if action == "import", let names = p["arrival_fields"]?.arrayValue?.compactMap(\.stringValue) {
                for row in p["arrivals"]?.arrayValue ?? [] {
                    let values = Dictionary(uniqueKeysWithValues: zip(names, row.arrayValue ?? []))
                    var c = Comment(id: values["id"]!.intValue!)
                    c.platform = values["platform"]?.stringValue ?? ""
                    c.channel = values["channel"]?.stringValue ?? "-"
                    c.clock = values["clock"]?.stringValue ?? ""
                    c.intent = values["intent"]?.stringValue ?? "-"
                    if let score = values["sentiment"]?.doubleValue {
                        c.sentiment = score >= 0.25 ? "positive" : score <= -0.25 ? "negative" : "neutral"
                    }
                    c.created = Self.seconds(values["created_at"]?.stringValue)!
                    c.imported = at
                    c.responseDue = values["response_due_after_s"]?.intValue.map { c.created + $0 }
                    c.resolutionDue = values["resolution_due_after_s"]?.intValue.map { c.created + $0 }
                    comments[c.id] = c
                }
            }
            if action == "reply", at >= from {
                f.replies += 1
                f.staffReplies[e["actor"]!.stringValue!, default: 0] += 1
            }
            for (key, change) in p["clocks"]?.objectValue ?? [:] {
                guard let id = Int64(key), var c = comments[id] else { continue }
                for (field, value) in change.objectValue ?? [:] { c.fields[field] = value }
                // A comment found to be a follow-up after all is restated with its arrival row's field names.
                if let clock = change["clock"]?.stringValue { c.clock = clock }
                if let due = change["response_due_after_s"] { c.responseDue = due.intValue.map { c.created + $0 } }
                if change["responded_at"]?.stringValue != nil { c.answeredBy = action == "import" ? "@platform" : e["actor"]?.stringValue }
                comments[id] = c
            }
        }
        func time(_ c: Comment, _ key: String) -> Int64? { Self.seconds(c.fields[key]?.stringValue) }
        func outcome(due: Int64, met: Int64?, withdrawn: Int64?, paused: Int64?) -> Int {
            if let met { return met <= due ? 0 : 1 }
            if let withdrawn { return withdrawn > due ? 2 : 3 }
            if let paused { return paused >= due ? 2 : 4 }
            return due <= cut ? 2 : 4
        }
        let all = comments.values.sorted { $0.id < $1.id }
        f.hits = ["first_response": [0, 0, 0, 0, 0], "next_response": [0, 0, 0, 0, 0], "resolution": [0, 0, 0, 0, 0]]
        for c in all where c.created <= cut {
            let responded = time(c, "responded_at"), stopped = time(c, "response_stopped_at")
            if !c.clock.isEmpty, responded == nil, stopped == nil {
                f.backlog += 1
                f.queues[c.platform + " " + c.channel, default: [0, 0, 0, 0, 0]][3] += 1
                if let due = c.responseDue, due <= cut {
                    f.backlogBreached += 1
                    f.queues[c.platform + " " + c.channel]![4] += 1
                }
            }
            if let e = time(c, "escalated_at"), e >= from { f.escalations += 1 }
            guard c.created >= from else { continue }
            f.comments += 1
            f.queues[c.platform + " " + c.channel, default: [0, 0, 0, 0, 0]][0] += 1
            f.platforms[c.platform, default: 0] += 1
            f.intents[c.intent, default: 0] += 1
            f.sentiments[c.sentiment, default: 0] += 1
            guard !c.clock.isEmpty else { continue }
            if let due = c.responseDue {
                let o = outcome(due: due, met: responded, withdrawn: stopped, paused: nil)
                f.hits[c.clock]![o] += 1
                if o <= 2 { f.queues[c.platform + " " + c.channel]![o == 0 ? 1 : 2] += 1 }
                if responded != nil, let m = c.fields["response_minutes"] {
                    f.minutes[c.clock + "business", default: []].append(Int(m["business"]!.intValue!))
                    f.minutes[c.clock + "calendar", default: []].append(Int(m["calendar"]!.intValue!))
                    if c.clock == "first_response", let who = c.answeredBy {
                        if who == "@platform" { f.answeredOnPlatform += 1 } else { f.staffFirst[who, default: []].append(Int(m["business"]!.intValue!)) }
                    }
                }
            }
            if let due = time(c, "resolution_due_at") ?? c.resolutionDue {
                let resolved = time(c, "resolved_at")
                f.hits["resolution"]![outcome(due: due, met: resolved, withdrawn: time(c, "resolution_stopped_at"), paused: time(c, "paused_since"))] += 1
                if resolved != nil, let m = c.fields["resolution_minutes"] {
                    f.minutes["resolutionbusiness", default: []].append(Int(m["business"]!.intValue!))
                    f.minutes["resolutioncalendar", default: []].append(Int(m["calendar"]!.intValue!))
                }
            }
        }
        // Passed over, the slow way: newer comments of the same queue answered before this one was.
        for c in all where c.created >= from && c.created <= cut && !c.clock.isEmpty {
            let answered = time(c, "responded_at")
            if answered == nil, time(c, "response_stopped_at") != nil { continue }
            let until = answered ?? cut + 1
            let overtaking = all.filter { d in
                d.platform == c.platform && d.channel == c.channel && d.created > c.created && (time(d, "responded_at").map { $0 < until } ?? false)
            }
            if overtaking.count >= threshold { f.passedOver += 1 }
        }
        return f
    }
}
