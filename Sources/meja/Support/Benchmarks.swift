import DeskCore
import DeskTUI
import Foundation

/// The named figures of `meja bench`, measured on a generated database in a temporary folder.
struct Benchmarks {
    let rows: Int
    /// The groups of figures to measure (nil: all): import, x, queue, tui, tone, suggest, sla, log, report.
    var only: Set<String>? = nil
    /// A folder to measure in and keep afterwards (nil: a temporary one, removed at the end).
    var keep: String? = nil
    let log: (String) -> Void

    /// Wall time of `body` in milliseconds (benchmarks measure real time; domain code never reads it).
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let s = values.sorted()
        return s.isEmpty ? 0 : s[min(s.count - 1, Int(Double(s.count) * p))]
    }

    func run() throws -> [String: Double] {
        let dir = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("meja-bench-\(ProcessInfo.processInfo.processIdentifier)")
        if let keep, let inside = try? FileManager.default.contentsOfDirectory(atPath: keep), !inside.isEmpty {
            throw DeskError.invalidInput("\(keep): is not empty; name a new or empty folder for --keep (the benchmark must start from an empty database)")
        }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: dir) } }
        let now = Timestamp.parse("2026-12-01T10:00:00+07:00")!
        let clock = ManualClock(now)
        let actor = ActorIdentity(name: "bench", login: "bench", overridden: false)
        let store = try SQLiteStore(path: dir.appendingPathComponent("bench.sqlite").path)
        // The desk `meja import` uses: each comment's tone (intent, sentiment, sensitive topics) is read as it is stored.
        let desk = Desk.withReplyChecks(store: store, config: DeskConfig(), clock: clock, actor: actor)
        var figures: [String: Double] = [:]

        log("generating \(rows) comments…")
        let data = SyntheticInbox.jsonl(count: rows, now: now)
        let file = dir.appendingPathComponent("inbox.jsonl")
        try data.write(to: file)
        log("importing…")
        let importer = Importer(desk: desk, batchSize: 20_000)
        var imported = 0
        let importMS = try Self.milliseconds { imported = try importer.importFile(file.path).accepted }
        figures["import_rows_per_s"] = Double(imported) / (importMS / 1000)

        func want(_ group: String) -> Bool { only?.contains(group) ?? true }

        if want("import") {
        // The next day's file on a desk already holding the million, with the agency's own posts on it and the planner's
        // statistics as a large import leaves them: one look-up per comment once read every unlinked post (57 s for
        // 20,000 comments on a desk of a million).
        let (postCount, moreCount) = (min(12_000, max(100, rows / 80)), min(20_000, max(100, rows / 50)))
        log("importing \(moreCount) more comments into the desk of \(rows), with answers and \(postCount) agency posts on it…")
        let posts = dir.appendingPathComponent("posts.jsonl")
        try (SyntheticInbox.agencyAnswers(count: min(rows, 100_000), now: now) + SyntheticInbox.agencyPosts(count: postCount, now: now))
            .write(to: posts)
        // On a copy, so that the other figures are measured on the desk of `rows` alone.
        let copyPath = dir.appendingPathComponent("next-day.sqlite").path
        try store.backup(to: copyPath)
        let copy = try SQLiteStore(path: copyPath)
        let nextDay = Importer(desk: Desk.withReplyChecks(store: copy, config: DeskConfig(), clock: clock, actor: actor), batchSize: 20_000)
        _ = try nextDay.importFile(posts.path)
        try copy.refreshStatistics()
        let more = dir.appendingPathComponent("more.jsonl")
        try SyntheticInbox.jsonl(count: moreCount, now: now, days: 1, seed: 8, prefix: "n").write(to: more)
        var added = 0
        let moreMS = try Self.milliseconds { added = try nextDay.importFile(more.path).accepted }
        figures["import_into_1m_rows_per_s"] = Double(added) / (moreMS / 1000)
        }

        if want("x") {
        log("importing 100,000 tweets in X API v2 format…")
        var xConfig = DeskConfig()
        xConfig.channels = ["@diskominfo_contoh"]
        let xDesk = Desk.withReplyChecks(store: try SQLiteStore(path: dir.appendingPathComponent("x.sqlite").path), config: xConfig,
                                         clock: clock, actor: actor)
        let tweets = dir.appendingPathComponent("x-v2-sample.jsonl")
        try XV2Sample.generate(count: 100_000).write(to: tweets)
        var tweetCount = 0
        let tweetMS = try Self.milliseconds {
            let s = try Importer(desk: xDesk, batchSize: 20_000).importFile(tweets.path, format: XV2Format())
            tweetCount = s.accepted + s.replies + s.agencyPosts
        }
        figures["import_x_v2_rows_per_s"] = Double(tweetCount) / (tweetMS / 1000)
        }

        if want("queue") {
        log("queue first page…")
        var pages: [Double] = []
        for _ in 0..<20 { pages.append(try Self.milliseconds { _ = try desk.queue(limit: 50) }) }
        figures["queue_first_page_ms"] = Self.median(pages)
        }

        if want("tui") {
        log("desk first frame and keypresses…")
        figures["tui_first_frame_ms"] = Self.median((0..<5).map { _ in DeskBench.firstFrame(desk: desk).milliseconds })
        figures["tui_keypress_p99_ms"] = DeskBench.percentile(DeskBench.keypressLatencies(desk: desk, rounds: 20), 99)
        }

        if want("tone") {
        log("reading the tone of 100,000 comments (as the import does for each)…")
        let texts = SyntheticInbox.texts(count: 100_000, now: now)
        let governor = ToneGovernor(config: DeskConfig())
        let toneMS = Self.milliseconds { for text in texts { _ = governor.commentTone(text) } }
        figures["tone_read_us"] = toneMS * 1000 / Double(texts.count)
        }

        if want("suggest") {
        log("suggestions for one comment from 300 templates…")
        let shipped = ReplyAssistant.loadLibrary().library.templates
        var many: [ReplyTemplate] = []
        for copy in 0..<((300 + shipped.count - 1) / max(1, shipped.count)) {
            for var t in shipped where many.count < 300 {
                t.id += ".copy\(copy)"
                many.append(t)
            }
        }
        let library = TemplateLibrary(templates: many)
        let governor = ToneGovernor(config: DeskConfig())
        let text = "Min, jalan di Jl. Merdeka rusak parah udah 3 bulan, kapan diperbaiki?? 😡"
        let input = SuggestionInput(text: text, platform: .instagram, channel: "@diskominfo_contoh", verdict: governor.verdict(text),
                                    recentTemplateIDs: [], context: RenderContext(citizenName: "Ani", agencyName: "Dinas Kominfo"))
        var suggestTimes: [Double] = []
        for _ in 0..<200 { suggestTimes.append(Self.milliseconds { _ = Suggester.suggest(for: input, library: library) } * 1000) }
        figures["suggest_median_us"] = Self.median(suggestTimes)
        }

        if want("sla") {
        log("SLA recompute over 100,000 open comments…")
        let census = try SLACensus.take(store, at: now)
        let scale = 100_000 / Double(max(1, census.total))
        var sweeps: [Double] = []
        for _ in 0..<3 { sweeps.append(try Self.milliseconds { _ = try SLACensus.take(store, at: now) }) }
        figures["sla_recompute_100k_ms"] = Self.median(sweeps) * scale
        }

        if want("log") {
        log("the desk's tables against the log (every comment)…")
        var check: LogStateCheck?
        let checkMS = try Self.milliseconds { check = try store.read { try LogStateCheck.check($0) } }
        if check?.ok != true { log("warning: the state check found \(check?.disagreementCount ?? -1) disagreements") }
        figures["log_state_check_1m_ms"] = checkMS * 1_000_000 / Double(max(1, check?.comments ?? 1))
        // The chain's speed, on a log of a million filler events (as many as rows, at least 20,000) in a database of its
        // own (removed after): the kept
        // desk's log holds only what happened to its comments, and verifies.
        let fillers = min(1_000_000, max(20_000, rows))
        log("log verification over \(fillers) events…")
        let logPath = dir.appendingPathComponent("log-bench.sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: logPath + suffix) } }
        let logStore = try SQLiteStore(path: logPath)
        try logStore.write { tx in
            let payload: JSONValue = ["note": "benchmark event", "n": 1]
            for i in 0..<fillers {
                try tx.append(EventDraft(.note, subject: "bench-\(i % 5000)", payload: payload), actor: "bench", at: now)
            }
        }
        var verified: LogVerifier.Report?
        let verifyMS = try Self.milliseconds { verified = try LogAudit.verify(logStore) }
        figures["log_verify_events_per_s"] = Double(verified?.count ?? 0) / (verifyMS / 1000)
        }

        if want("report") {
        log("answering two thirds of the comments (the agency's posts on the platform)…")
        let answers = dir.appendingPathComponent("answers.jsonl")
        try SyntheticInbox.agencyAnswers(count: rows, now: now).write(to: answers)
        _ = try importer.importFile(answers.path)
        log("report over every comment…")
        // The generated comments span the 30 days before now: five weeks hold them all.
        let period = ReportPeriod(start: now - 35 * 86_400, end: now + 1)
        var reports: [Double] = []
        for _ in 0..<3 {
            reports.append(try Self.milliseconds { _ = try ReportBuilder.build(store: store, config: desk.config, period: period, now: now) })
        }
        figures["report_1m_ms"] = Self.median(reports) * 1_000_000 / Double(max(1, imported))
        }
        return figures
    }
}
