import ArgumentParser
import DeskCore

/// `meja claim ID`
struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Claim a comment for yourself. If someone else holds it, you are told who.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The comment id (or PLATFORM:EXTERNAL_ID).", valueName: "id")) var id: String

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            let c = try desk.claim(desk.resolve(id)).comment
            Console.out("Comment \(c.id) is claimed by \(c.assignee ?? desk.actor.name).")
        }
    }
}

/// `meja release ID`
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Give a claimed comment back to the queue.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The comment id.", valueName: "id")) var id: String

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
    @Argument(help: ArgumentHelp("The comment id.", valueName: "id")) var id: String
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
    @Argument(help: ArgumentHelp("The comment id.", valueName: "id")) var id: String
    @Argument(help: ArgumentHelp("The new status.", valueName: "status")) var status: String
    @Option(help: "A note kept on the log with the change.") var note: String?

    func run() throws {
        try guarded {
            guard let s = CommentStatus(rawValue: status) else {
                throw CLIError(message: "'\(status)' is not a status; settable: \(CommentStatus.settable.map(\.rawValue).joined(separator: ", "))", code: 64)
            }
            let desk = try global.openDesk()
            let c = try desk.setStatus(desk.resolve(id), s, note: note).comment
            Console.out("Comment \(c.id) is now \(c.status.rawValue).")
        }
    }
}

/// `meja escalate`
struct EscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate", abstract: "Escalate a comment to supervisors, or (--overdue) every breach older than the grace.",
        discussion: "`meja escalate --overdue` is safe to run from cron: each breach is escalated once, and only business time counts toward the grace ([escalation] grace in config.toml).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The comment id.", valueName: "id")) var id: String?
    @Option(help: "Why (kept on the log).") var reason: String = "escalated by hand"
    @Flag(help: "Escalate every breach that has stood longer than the configured grace.") var overdue = false

    func validate() throws {
        if (id == nil) == (overdue == false) { throw ValidationError("give a comment id, or --overdue (not both)") }
    }

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            if overdue {
                let ids = try desk.escalateOverdue()
                // A cron job's mail stays readable after a long outage: the count, and the first ids.
                let shown = ids.prefix(50).map(String.init).joined(separator: ", ") + (ids.count > 50 ? ", …" : "")
                Console.out(ids.isEmpty ? "Nothing to escalate." : "Escalated \(ids.count) (`meja list --status escalated` lists them): \(shown)")
            } else if let id {
                let c = try desk.escalate(desk.resolve(id), reason: reason).comment
                Console.out("Comment \(c.id) is escalated to supervisors.")
            }
        }
    }
}
