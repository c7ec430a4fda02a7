import ArgumentParser
import DeskCore
import Foundation

/// `meja log verify|head|export|show`
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "The accountability log: verify it, note its head, export it, read it.",
        discussion: prose("""
            Every action that changes the public record or the queue is an event chained by SHA-256:
            hash = sha256(seq \\n at \\n actor \\n action \\n subject \\n payload \\n prev). Anyone can check an export.
            """),
        subcommands: [Verify.self, Head.self, Export.self, Show.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the chain and check the desk against it; exit 1 and name what is wrong if anything was tampered with.",
            discussion: prose("""
                Without --anchor this proves the log is consistent with itself; someone with the database file who
                recomputes every later hash would not be caught. With --anchor SEQ:HASH (a head noted earlier, e.g.
                published in a report) a rewritten history or a cut-off tail is caught too.

                Then the log is replayed and compared with the desk's tables: each comment's status, assignee,
                number of replies, time of writing, response-time clocks (due, met, stopped, paused, escalated),
                whether it is in the queue and the queue's sort columns; what its import stated (platform, channel,
                intent, sentiment, tags, time of import) and who wrote what (its words, writer and conversation, by
                fingerprint); every reply sent from the desk (its words, sender, time, humour, override reason,
                template); every agency answer an import found (there, sent when it said, and its words, channel and
                conversation by fingerprint, in logs that list them); every staff member's presence, role, display name
                and whether active. A table changed behind the log (with sqlite3, say) is named here even though the
                chain itself is intact. Not compared (the log holds no per-item record of them): a comment's link and
                language, the policy it is measured under, the conversation key the desk files a comment or an answer
                under, at-risk times and paused totals (a sort column is compared with what the stored clocks give,
                "by its clocks"). An event dated before the event before it is a warning, not a failure.
                """))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("A head noted earlier, SEQ:HASH.", valueName: "seq:hash")) var anchor: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try guarded {
                var parsed: LogVerifier.Anchor?
                if let anchor {
                    guard let a = LogVerifier.Anchor(parsing: anchor) else { throw CLIError(message: "--anchor must be SEQ:HASH, as `meja log head` prints it: an event number from 1 and its hash of 64 hex digits", code: 64) }
                    parsed = a
                }
                let store = try global.openStore()
                // Seconds per million comments: a line of progress on a terminal.
                let bar = ProgressBar("Verifying the log")
                let audit = try LogAudit.audit(store, anchor: parsed) { bar.note($0) }
                bar.finish()
                let (report, state) = (audit.chain, audit.state)
                if json {
                    Console.out(JSONValue.object([
                        "ok": .bool(audit.ok), "chain_ok": .bool(report.ok), "count": .int(report.count),
                        "head": .string(report.head),
                        "first_bad_seq": report.failure.map { .int($0.seq) } ?? .null, "reason": .string(report.failure?.reason),
                        "time_regression_count": .int(report.timeRegressionCount),
                        "time_regressions": .array(report.timeRegressions.map { .string($0.message) }),
                        "state": state.json,
                    ]).text)
                } else {
                    // The verdict first: a line starting OK is printed only for what is whole.
                    if let f = report.failure {
                        Console.out("TAMPERED: event \(f.seq): \(f.reason)")
                    } else if state.ok {
                        let anchored = parsed.map { "; the anchor \($0.seq):\($0.hash.prefix(12))… matches" } ?? ""
                        Console.out("OK: \(report.count) events verified; head \(report.head ?? "0:" + EventChain.genesis)\(anchored)")
                    }
                    Self.printState(state)
                    if let first = report.timeRegressions.first {
                        Console.out("warning: \(report.timeRegressionCount) event\(report.timeRegressionCount == 1 ? " is" : "s are") dated before the event before \(report.timeRegressionCount == 1 ? "it" : "them") (first: \(first.message)): written with a clock set back — by a Meja older than the rule that times never go back, with MEJA_NOW — or slipped in; such events count in reports as of their dates")
                    }
                    if report.ok, !state.ok {
                        Console.out("The chain itself is intact: \(report.count) events; head \(report.head ?? "0:" + EventChain.genesis) (do not publish it: the desk does not match it)")
                    }
                }
                if !audit.ok { throw ExitCode(1) }
            }
        }

        static func printState(_ state: LogStateCheck) {
            let checked = "\(state.comments) comments (status, assignee, who escalated, replies, response-time clocks, and what their import stated: platform, channel, intent, sentiment, tags, time imported, who wrote what), \(state.deskReplies) replies sent from the desk (words, sender, time, humour, override, template), \(state.staff) staff"
            guard !state.ok else {
                Console.out("OK: the desk agrees with the log: \(checked)")
                return
            }
            Console.out("TAMPERED: the desk's tables disagree with the log in \(state.disagreementCount) place\(state.disagreementCount == 1 ? "" : "s") (checked \(checked)); they were changed without Meja, which logs every change:")
            for d in state.disagreements { Console.out("  " + SafeText.sanitize(d.message.en, limit: 600)) }
            if state.disagreementCount > state.disagreements.count {
                Console.out("  … and \(state.disagreementCount - state.disagreements.count) more")
            }
        }
    }

    struct Head: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the current head, SEQ:HASH, to note or publish.",
            discussion: "It verifies the whole chain first (as `meja log verify`: seconds per million comments) and prints no head, exit 1, when the check fails: a head is only worth publishing for a log that verifies.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try guarded {
                let store = try global.openStore()
                // A head is noted to be published: one of a log that does not verify, or that the desk's tables do not
                // match, would vouch for the damage.
                let audit = try LogAudit.requireSound(store, before: "publish its head")
                Console.out(audit.chain.head ?? "0:\(EventChain.genesis)")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the log as JSON lines (keys seq, at, actor, action, subject, payload, prev, hash) or CSV.",
            discussion: "The export itself is logged first, so it appears in the export it describes.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "jsonl or csv.") var format: String = "jsonl"
        @Option(help: ArgumentHelp("Only events at or after this time (a date: from its first second).", valueName: "time")) var from: String?
        @Option(help: ArgumentHelp("Only events at or before this time (a date: to its last second, so --from 2026-11-30 --to 2026-11-30 is that whole day).",
                                   valueName: "time")) var to: String?
        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var out: String?

        func validate() throws {
            if format != "jsonl", format != "csv" { throw ValidationError("--format is jsonl or csv") }
        }

        func run() throws {
            try guarded {
                let desk = try global.openDesk()
                LogAudit.warnIfBroken(desk.store)
                let zone = desk.config.calendar.zone
                let lower = try from.map { try parseTime($0, zone: zone) }
                let upper = try to.map { try Self.upperBound($0, zone: zone) }
                if let lower, let upper, upper < lower {
                    throw CLIError(message: "--from (\(from ?? "")) must not come after --to (\(to ?? ""))", code: 64)
                }
                // The destination is opened before the export is logged: an export that cannot be written is not one.
                // An export cut short (killed, disk full) leaves whatever was at the destination as it was.
                let sink = try OutputSink(path: out)
                try desk.record(EventDraft(.export, payload: ["format": .string(format), "from": .time(lower), "to": .time(upper),
                                                              "destination": .string(out ?? "stdout")]))
                if format == "csv" { try sink.write(LogAudit.csvHeader) }
                // Progress by event number when writing to a file from a terminal (seconds per million events).
                let bar = ProgressBar("Exporting the log", enabled: out != nil && Console.stderrIsTerminal)
                let last = try desk.store.read { try $0.lastEvent()?.seq } ?? 0
                try LogAudit.forEach(desk.store, from: lower, to: upper) { e in
                    try sink.write(format == "csv" ? LogAudit.csvRow(e) : e.json.text)
                    bar.update(done: Int(e.seq), total: Int(last))
                }
                bar.finish()
                try sink.close()
            }
        }

        /// The last instant `--to` takes in: a time as given, a date up to its last second in the calendar's zone
        /// (the log's times are whole seconds).
        static func upperBound(_ text: String, zone: TimeZone) throws -> Date {
            guard let day = CivilDate(parsing: text) else { return try parseTime(text, zone: zone) }
            return ReportPeriod(from: day, to: day, zone: zone).end.addingTimeInterval(-1)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show log events, newest last.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only events filed under this subject: a comment (42, #42 or PLATFORM:EXTERNAL_ID), a staff name, config, sla:NAME, template:ID. Imports are filed under no subject, and an answer to a citizen's other comment under that one: `meja show ID` lists both for a comment.") var subject: String?
        @Option(help: ArgumentHelp("Only this action (\(LogAction.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "action")) var action: String?
        @Option(parsing: .unconditional, help: "How many events at most.") var limit: Int = 200
        @Flag(help: "Print JSON.") var json = false

        /// Whether `subject` is PLATFORM:EXTERNAL_ID (and not sla:NAME or template:ID, which are subjects as they are).
        static func namesACommentByItsPlatformID(_ subject: String) -> Bool {
            guard let colon = subject.firstIndex(of: ":") else { return false }
            let prefix = String(subject[..<colon])
            return !["sla", "template"].contains(prefix) && Platform(parsing: prefix) != nil
        }

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit is a number of events, 1 or more") }
            if let action, LogAction(rawValue: action) == nil {
                throw ValidationError("'\(action)' is not a log action; use one of \(LogAction.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            try guarded {
                let desk = try global.openDesk()
                // A comment named as the desk prints it (#42) or by its platform id is the log's subject `42`; the other
                // subjects (a staff name, config, sla:NAME, template:ID, a bare number) are the log's own words.
                var subject = self.subject
                if let given = subject, Self.namesACommentByItsPlatformID(given) || given.hasPrefix("#") {
                    subject = String(try desk.resolve(given))
                }
                // One more than asked for tells whether older events were left out.
                var events = try desk.store.read { try $0.events(subject: subject, action: action, limit: min(limit, Int.max - 1) + 1) }
                if events.count > limit {
                    events.removeFirst(events.count - limit)
                    Console.warn("meja: the newest \(limit) events are shown; --limit lists more, `meja log export` all of them")
                }
                if json {
                    Console.jsonLines(events.map { e in
                        guard case .object(var o) = e.json else { return e.json }
                        o["payload"] = e.payloadValue
                        return .object(o)
                    })
                } else {
                    for e in events {
                        Console.out("\(e.seq)\t\(e.at)\t\(e.actor)\t\(e.action)\t\(e.subject)\t\(SafeText.sanitize(e.payload, limit: 300))")
                    }
                }
            }
        }
    }
}

extension LogAudit {
    /// Audits the log and the tables, and refuses (exit 1) what would vouch for damage — a published head, a public
    /// report — when the chain does not verify or the tables disagree with it. `before` says what is refused.
    @discardableResult
    static func requireSound(_ store: any DeskStore, before what: String) throws -> Audit {
        let audit = try LogAudit.audit(store)
        if let f = audit.chain.failure {
            throw CLIError(message: "the log does not verify (event \(f.seq): \(f.reason)); do not \(what). `meja log verify` names the damage", code: 1)
        }
        if let d = audit.state.disagreements.first {
            throw CLIError(message: "the desk's tables disagree with the log in \(audit.state.disagreementCount) place(s) (first: \(SafeText.sanitize(d.message.en, limit: 200))); do not \(what): its figures would not be the log's. `meja log verify` names them all", code: 1)
        }
        return audit
    }

    /// Says on standard error when the log does not verify, for commands that hand it, or its head, to others (an
    /// export, the public report): they go on, and the reader is told.
    static func warnIfBroken(_ store: any DeskStore) {
        guard let report = try? LogAudit.verify(store), let f = report.failure else { return }
        Console.warn("meja: warning: the log does not verify (event \(f.seq): \(f.reason)); what follows shows it as it is. `meja log verify` names the damage")
    }
}
