import ArgumentParser
import DeskCore

/// `meja reply ID (--template TID | --text TEXT)`
struct ReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply", abstract: "Record a reply to a comment: checked, stored and logged in one step.",
        discussion: prose("""
            The reply is checked first (unresolved variables, the platform's length limit, personal data, humour above
            what the comment's tone allows, the same words already sent to it, and with --seen-reply a colleague's
            answer recorded since). A blocking finding stops it with exit status 1 unless --override-reason is given;
            the reason is kept with the reply and on the log. An unfilled {variable}, hidden control characters or an
            empty reply are fixed, never sent past with a reason. With --check nothing is recorded: the findings are printed
            (exit status 1 when one blocks), for a second look before sending.
            """))
    @OptionGroup var global: GlobalOptions
    @Argument(help: GlobalOptions.commentArgument) var id: String
    @Option(help: "The reply text; {variables} in it are filled as in a template ({citizen.name}, {ticket.ref}, --var values).") var text: String?
    @Option(help: ArgumentHelp("A template id to render for this comment (see `meja suggest`).", valueName: "template")) var template: String?
    @Option(name: .customLong("var"), help: ArgumentHelp("Fill a variable of the template or --text, e.g. --var link=https://layanan.contoh.go.id/ktp (repeatable).", valueName: "name=value"))
    var variables: [String] = []
    @Option(help: "Why a blocking finding is overridden (kept on the log).") var overrideReason: String?
    @Option(help: "The reply's humour level (0 none, 1 warm, 2 light joke) when writing --text; estimated when not given.") var humor: Int?
    @Option(help: ArgumentHelp("The id of the newest reply you had read on the comment or its conversation (`replies` and `thread_replies` of `meja show ID --json`; 0 when none): a reply recorded after it that answers the comment is a blocking answered_meanwhile finding.", valueName: "reply-id"))
    var seenReply: Int64?
    @Flag(help: "Only check the reply: print every finding, record nothing (exit status 1 when one blocks).") var check = false

    func validate() throws {
        if (text == nil) == (template == nil) { throw ValidationError("give either --text or --template") }
        if let humor, !(0...2).contains(humor) { throw ValidationError("--humor is 0, 1 or 2") }
        if let seenReply, seenReply < 0 { throw ValidationError("--seen-reply is a reply id from `meja show ID --json`, or 0") }
    }

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            let commentID = try desk.resolve(id)
            var values: [String: String] = [:]
            for pair in variables {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw CLIError(message: "--var takes NAME=VALUE, e.g. --var link=https://contoh.go.id", code: 64) }
                values[parts[0]] = parts[1]
            }
            let assistant = global.openAssistant(desk)
            var request = if let template {
                try assistant.request(template: template, for: commentID, values: values, overrideReason: overrideReason)
            } else {
                try assistant.request(text: text ?? "", for: commentID, values: values, humor: humor, overrideReason: overrideReason)
            }
            if let seenReply, seenReply != 0, !(try desk.visibleReplyIDs(of: commentID)).contains(seenReply) {
                throw CLIError(message: "reply \(seenReply) is not on comment \(commentID) or in its conversation: give the newest id in `replies` or `thread_replies` of `meja show \(commentID) --json`, or 0 when it has none", code: 64)
            }
            request.seenReplyID = seenReply
            if check {
                let review = try desk.review(replyTo: commentID, text: request.text, humor: request.humor, seenReplyID: seenReply)
                for finding in review.findings {
                    Console.out("\(finding.blocking ? "blocks" : "note"): \(finding.message) (\(finding.code.rawValue))")
                }
                if review.blocking.isEmpty {
                    return Console.out("Nothing blocks this reply to comment \(commentID); nothing was recorded (--check).")
                }
                throw CLIError(message: "\(review.blocking.count) finding\(review.blocking.count == 1 ? "" : "s") would block this reply; nothing was recorded (--check)", code: 1)
            }
            let others = try desk.alsoAnswered(byReplyTo: commentID)
            let sent = try desk.replyReviewed(commentID, request)
            Console.out("Reply \(sent.reply.id) to comment \(commentID) is recorded and logged.")
            if !others.isEmpty {
                let named = others.map { c in "#\(c.id)" + (c.assignee.map { " (held by \(SafeText.sanitize($0, limit: 64)))" } ?? "") }
                Console.out("It also answers \(named.joined(separator: ", ")): the same citizen's unanswered comments in this conversation.")
            }
            // Findings that do not block (a link outside the allow-list, shouting) are on the log; say them here too,
            // for the second look they ask for.
            for finding in sent.findings where !finding.blocking {
                Console.warn("meja: note: \(finding.message) (\(finding.code.rawValue))")
            }

        }
    }
}
