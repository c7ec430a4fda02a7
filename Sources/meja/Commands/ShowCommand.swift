import ArgumentParser
import DeskCore
import Foundation

/// `meja show ID`
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one comment with its thread, the agency's replies, its SLA clocks and its history on the log.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: GlobalOptions.commentArgument) var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            let d = try desk.detail(id: desk.resolve(id))
            // The import that brought it in is filed under no subject: looked up apart, it heads the history.
            let arrival = try desk.importEvent(of: d.comment.id)
            // So are the imports that found the agency's answers on the platform: an answer given outside Meja is traced too.
            let answers = try desk.answerImportEvents(of: d.comment.id)
            let created = d.comment.createdAt
            if let warning = BusinessCalendar.missingHolidaysWarning(desk.config.yearsWithoutHolidays(writtenFrom: created, to: created, now: desk.now)) {
                Console.warn("meja: this comment's clocks: " + warning.en)
            }
            if json {
                Console.out(Self.json(d, importedBy: arrival, answersImportedBy: answers).prettyText)
            } else {
                Self.text(d, desk: desk, importedBy: arrival, answersImportedBy: answers).forEach(Console.out)
            }
        }
    }

    static func clockJSON(_ c: SLARecord.ClockStatus) -> JSONValue {
        ["clock": .string(c.clock.rawValue), "state": .string(c.state.rawValue), "due_at": .time(c.dueAt),
         "at_risk_at": .time(c.atRiskAt), "met_at": .time(c.metAt), "stopped_at": .time(c.stoppedAt), "late": .bool(c.late)]
    }

    static func replyJSON(_ r: Reply) -> JSONValue {
        ["id": .int(r.id), "comment_id": .int(r.commentID.map(Int.init)), "text": .string(r.text), "sent_at": .time(r.sentAt),
         "author": .string(r.author), "source": .string(r.source.rawValue), "template_id": .string(r.templateID),
         "template_version": .int(r.templateVersion), "humor": .int(r.humor), "override_reason": .string(r.overrideReason)]
    }

    /// The imports that found the agency's answers on the platform, and those answers' ids.
    typealias AnswerImports = [(event: EventMark, replyID: Int64)]

    static func json(_ d: CommentDetail, importedBy arrival: EventMark? = nil, answersImportedBy answers: AnswerImports = []) -> JSONValue {
        guard case .object(var o) = d.item.json else { return d.item.json }
        o["clocks"] = .array(d.clocks.map(clockJSON))
        o["sla_history"] = .object([
            "policy": .string(d.comment.sla.policy), "policy_version": .int(d.comment.sla.policyVersion),
            "responded_at": .time(d.comment.sla.respondedAt), "resolved_at": .time(d.comment.sla.resolvedAt),
            "paused_since": .time(d.comment.sla.pausedSince), "paused_seconds": .int(d.comment.sla.pausedSeconds),
            "escalated_at": .time(d.comment.sla.escalatedAt), "escalated_by": .string(d.comment.escalatedBy),
        ])
        o["replies"] = .array(d.replies.map(replyJSON))
        o["thread"] = .array(d.threadComments.map { c in
            ["id": .int(c.id), "author_handle": .string(c.author.handle), "text": .string(c.text), "created_at": .time(c.createdAt),
             "status": .string(c.status.rawValue)]
        })
        o["thread_replies"] = .array(d.threadReplies.map(replyJSON))
        // The citizen's other comments on the platform, newest first (up to ten); `earlier_by_author` the ten newest of
        // those written before this one, as its name says.
        func brief(_ c: Comment) -> JSONValue {
            ["id": .int(c.id), "text": .string(c.text), "created_at": .time(c.createdAt), "status": .string(c.status.rawValue)]
        }
        o["other_by_author"] = .array(d.otherByAuthor.map(brief))
        o["earlier_by_author"] = .array(d.earlierByAuthor.map(brief))
        o["history"] = .array(d.history.map(\.json))
        o["import_event"] = .int(arrival.map { Int($0.seq) })
        o["answer_import_events"] = .array(answers.map { ["seq": .int(Int($0.event.seq)), "reply_id": .int(Int($0.replyID))] })
        return .object(o)
    }

    static func text(_ d: CommentDetail, desk: Desk, importedBy arrival: EventMark? = nil, answersImportedBy answers: AnswerImports = []) -> [String] {
        let c = d.comment
        let zone = desk.config.calendar.zone
        let width = min(Console.width, 100)
        var lines: [String] = []
        lines.append("#\(c.id)  \(c.platform.displayName)  \(SafeText.sanitize(c.author.atHandle))\(c.author.name.map { " (" + SafeText.sanitize($0) + ")" } ?? "")  \(Timestamp.local(c.createdAt, in: zone))")
        // Dated after now (beyond the import's tolerance): most likely a time zone mistake in the file it came from.
        if c.createdAt.timeIntervalSince(desk.now) > Importer.futureTolerance {
            lines.append("note: written after now, by its date — check the time zone of the file it came from; its clocks start then")
        }
        lines.append("status: \(c.status.rawValue)   assignee: \(c.assignee ?? "-")   intent: \(c.intent?.rawValue ?? "-")   policy: \(c.sla.policy ?? "-") v\(c.sla.policyVersion.map(String.init) ?? "-")\(d.item.passedOver ? "   PASSED OVER" : "")")
        lines.append("")
        lines += TextLayout.wrap(SafeText.sanitize(c.text, lines: .keep), width: width).map { "  " + $0 }
        lines.append("")
        lines.append("Clocks:")
        for clock in d.clocks {
            let due = clock.dueAt.map { Timestamp.local($0, in: zone) } ?? "-"
            let met = clock.metAt.map { ", met " + Timestamp.local($0, in: zone) + (clock.late ? " (late)" : "") }
                ?? clock.stoppedAt.map { ", stopped " + Timestamp.local($0, in: zone) + (clock.late ? " (late)" : "") } ?? ""
            lines.append("  \(clock.clock.rawValue): \(clock.stoppedAt == nil ? clock.state.rawValue : "stopped"), due \(due)\(met)")
        }
        if d.clocks.isEmpty { lines.append("  none") }
        if d.threadComments.count > 1 || !d.threadReplies.isEmpty {
            lines.append("")
            lines.append("Thread:")
            let entries: [(Date, String)] = d.threadComments.map { ($0.createdAt, "\($0.id == c.id ? "▶" : " ") #\($0.id) \(SafeText.sanitize($0.author.atHandle)): \(SafeText.sanitize($0.text))") }
                + d.threadReplies.map { ($0.sentAt, "  ↳ agency (\($0.author)): \(SafeText.sanitize($0.text))") }
            for (_, line) in entries.sorted(by: { $0.0 < $1.0 }) { lines.append("  " + TextLayout.truncate(line, to: width - 2)) }
        }
        if !d.otherByAuthor.isEmpty {
            lines.append("")
            lines.append("Other comments by this citizen (newest first):")
            for e in d.otherByAuthor.prefix(5) {
                lines.append("  " + TextLayout.truncate("#\(e.id) [\(e.status.rawValue)] \(SafeText.sanitize(e.text))", to: width - 2))
            }
            if d.otherByAuthor.count > 5 { lines.append("  … more: `meja show \(c.id) --json` lists the ten newest") }
        }
        if !d.history.isEmpty || arrival != nil || !answers.isEmpty {
            lines.append("")
            lines.append("On the log:")
            // The log's UTC instants in the zone the rest is shown in (`--json` and `meja log` keep them as stored).
            func local(_ at: String) -> String { Timestamp.parse(at).map { Timestamp.local($0, in: zone) } ?? at }
            // The imports, filed under no subject, between the comment's own events in log order.
            func line(_ mark: EventMark, _ what: String) -> (seq: Int64, line: String) {
                (mark.seq, "  \(mark.seq)  \(local(mark.at))  \(SafeText.sanitize(mark.actor, limit: 64))  import (\(what))")
            }
            var marks = (arrival.map { [line($0, "brought this comment in")] } ?? [])
                + answers.map { line($0.event, "found the agency's answer on the platform, reply \($0.replyID)") }
            marks.sort { $0.seq < $1.seq }
            for e in d.history {
                while let next = marks.first, next.seq < e.seq { lines.append(marks.removeFirst().line) }
                lines.append("  \(e.seq)  \(local(e.at))  \(SafeText.sanitize(e.actor, limit: 64))  \(e.action)" + (e.historyDetail(viewedFrom: String(c.id), naming: { $0 }, { $0 }).map { " " + $0 } ?? ""))
                // A note for colleagues, whole, under its line.
                if let text = e.noteText {
                    lines += SafeText.sanitize(text, lines: .keep).split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }
                }
            }
            lines += marks.map(\.line)
        }
        return lines
    }
}
