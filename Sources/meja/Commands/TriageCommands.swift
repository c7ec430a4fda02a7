import ArgumentParser
import DeskCore

/// `meja claim ID`
struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Claim a comment for yourself. If someone else holds it, you are told who.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: GlobalOptions.commentArgument) var id: String

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            let change = try desk.claim(desk.resolve(id))
            let c = change.comment
            Console.out(change.changed ? "Comment \(c.id) is claimed by \(c.assignee ?? desk.actor.name)."
                                       : "Comment \(c.id) is already yours (\(c.status.rawValue)): nothing changed, nothing logged.")
        }
    }
}

/// `meja release ID`
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Give a claimed comment back to the queue.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: GlobalOptions.commentArgument) var id: String

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            let c = try desk.release(desk.resolve(id)).comment
            Console.out(c.status.needsAction ? "Comment \(c.id) is back in the queue (\(c.status.rawValue))."
                                             : "Comment \(c.id) is held by no one now (\(c.status.rawValue): it stays out of the queue).")
        }
    }
}

/// `meja assign ID STAFF`
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign a comment to a staff member (supervisors).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: GlobalOptions.commentArgument) var id: String
    @Argument(help: ArgumentHelp("The staff member's login name.", valueName: "staff")) var staff: String

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            let c = try desk.assign(desk.resolve(id), to: staff).comment
            Console.out("Comment \(c.id) is assigned to \(c.assignee ?? staff).")
        }
    }
}

/// `meja status ID S`
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Set a comment's status.",
        discussion: "Settable: \(CommentStatus.settable.map(\.rawValue).joined(separator: ", ")). waiting_citizen pauses the resolution clock; closed meets it.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: GlobalOptions.commentArgument) var id: String
    @Argument(help: ArgumentHelp("The new status.", valueName: "status")) var status: String
    @Option(help: "A note kept on the log with the change.") var note: String?

    func run() throws {
        try guarded {
            guard let s = CommentStatus(rawValue: status) else {
                throw CLIError(message: "'\(status)' is not a status; settable: \(CommentStatus.settable.map(\.rawValue).joined(separator: ", "))", code: 64)
            }
            let desk = try global.openDesk()
            let change = try desk.setStatus(desk.resolve(id), s, note: note)
            let c = change.comment
            let named = c.status.labelWithCode.en
            Console.out(change.changed ? "Comment \(c.id) is now \(named)." : "Comment \(c.id) is already \(named): nothing changed, nothing logged.")
        }
    }
}

/// `meja intent ID INTENT`
struct IntentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intent", abstract: "Correct what a citizen wants (the intent the tone reader guessed at import).",
        discussion: prose("""
            Intents: \(Intent.allCases.map { "\($0.rawValue) (\($0.label.id))" }.joined(separator: ", ")).
            Filters, suggestions and reports count by the corrected intent. A comment not yet answered, paused or
            closed is measured under the standard that matches its new intent, counted from its arrival (a complaint
            read as a question gets the complaints' deadline); an answered one keeps the standard its answer was
            judged by. Moving a deadline later takes a supervisor, and once a deadline has passed nobody moves it: the
            intent is corrected, the standard stays and the breach counts. Logged as `intent`.
            """))
    @OptionGroup var global: GlobalOptions
    @Argument(help: GlobalOptions.commentArgument) var id: String
    @Argument(help: ArgumentHelp("The intent, in English or Indonesian (complaint or keluhan).", valueName: "intent")) var intent: String

    func run() throws {
        try guarded {
            guard let wanted = Intent.named(intent) else {
                throw CLIError(message: "'\(intent)' is not an intent; use one of \(Intent.allCases.map { "\($0.rawValue) (\($0.label.id))" }.joined(separator: ", "))", code: 64)
            }
            let desk = try global.openDesk()
            let change = try desk.setIntent(desk.resolve(id), wanted)
            let c = change.comment
            guard change.changed else { return Console.out("Comment \(c.id): intent is already \(wanted.rawValue); nothing changed.") }
            var line = "Comment \(c.id): intent \(wanted.rawValue) (was \(change.previous.intent?.rawValue ?? "not read"))."
            if change.breachStands, let policy = c.sla.policy {
                line += " Its deadline had passed: the breach stands, and it stays under the \(policy) standard."
            } else if change.restandardised {
                let zone = desk.config.calendar.zone
                let due = c.sla.responseDueAt.map { ", response due \(Timestamp.local($0, in: zone))" } ?? ""
                line += " Measured under the \(c.sla.policy ?? "-") standard from its arrival\(due)."
            } else if let policy = c.sla.policy {
                line += Desk.isMeasuredAgainOnCorrection(change.previous)
                    ? " It stays under the \(policy) standard: no other comes first for a \(wanted.rawValue)."
                    : " Answered or set aside already: it keeps the \(policy) standard it was measured by."
            }
            Console.out(line)
        }
    }
}

/// `meja escalate`
struct EscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate", abstract: "Escalate a comment to supervisors, or (--overdue) every breach older than the grace.",
        discussion: "`meja escalate --overdue` is safe to run from cron: each breach is escalated once, and only business time counts toward the grace ([escalation] grace in config.toml), unless a standard sets its own escalation_grace. It takes the comments still needing action (new, open, claimed) and not yet escalated: an answered comment whose resolution is late stays on `meja overdue` (which lists both) without being escalated, so the two counts differ.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: GlobalOptions.commentArgument) var id: String?
    @Option(help: "Why (kept on the log); required to escalate a comment a colleague holds.") var reason: String?
    @Flag(help: "Escalate every comment still needing action whose breach has stood longer than the configured grace.") var overdue = false
    @Flag(help: "With --overdue: count and list what would be escalated, changing nothing (before a first run on imported history, say).") var dryRun = false

    func validate() throws {
        if dryRun, !overdue { throw ValidationError("--dry-run goes with --overdue") }
        if (id == nil) == (overdue == false) { throw ValidationError("give a comment id, or --overdue (not both)") }
    }

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            if overdue {
                // Progress on a terminal (a first sweep over imported history can take minutes; Ctrl-C keeps what is done).
                let bar = ProgressBar(dryRun ? "Counting breaches past the grace" : "Escalating breaches past the grace")
                let ids = try desk.escalateOverdue(dryRun: dryRun) { escalated, read in
                    bar.note("\(escalated) \(dryRun ? "due" : "escalated") of \(read) breaches read")
                }
                bar.finish()
                // A cron job's mail stays readable after a long outage: the count, and the first ids.
                let shown = ids.prefix(50).map(String.init).joined(separator: ", ") + (ids.count > 50 ? ", …" : "")
                if dryRun {
                    Console.out(ids.isEmpty ? "Nothing would be escalated." : "Would escalate \(ids.count) (nothing changed): \(shown)")
                } else {
                    Console.out(ids.isEmpty ? "Nothing to escalate." : "Escalated \(ids.count) (`meja list --status escalated` lists them): \(shown)")
                }
            } else if let id {
                let commentID = try desk.resolve(id)
                let reason = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
                if reason == nil, let comment = try desk.comments(ids: [commentID]).first, let me = try desk.actingMember(),
                   let holder = Desk.colleagueHolding(comment, by: me.name, isSupervisor: me.role == .supervisor) {
                    throw CLIError(message: "comment \(commentID) is held by \(holder): say why you take it to the supervisors with --reason", code: 64)
                }
                let change = try desk.escalate(commentID, reason: reason ?? "escalated by hand")
                Console.out(change.changed ? "Comment \(change.comment.id) is escalated to supervisors."
                                           : "Comment \(change.comment.id) is already escalated to supervisors: nothing changed, nothing logged.")
            }
        }
    }
}

/// `meja note ID TEXT`
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Keep a note for colleagues on a comment: on the log and in its history, never sent to the citizen.",
        discussion: "For handovers and what is being waited for (\"called the citizen; PDAM answers tomorrow\"). Any active staff member may note any comment, whoever holds it; the comment itself does not change. `meja show ID` prints its notes; `meja log show --action note` lists them all.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: GlobalOptions.commentArgument) var id: String
    @Argument(help: ArgumentHelp("The note (at most \(Desk.noteLimit) characters; quote it).", valueName: "text")) var text: String

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            let c = try desk.note(desk.resolve(id), text).comment
            Console.out("Note kept on comment \(c.id)'s history (on the log, not sent to the citizen).")
        }
    }
}
