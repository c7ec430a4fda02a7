import ArgumentParser
import DeskCore
import Foundation

/// `meja list`
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the queue in the desk's order: breached first, then at risk, then by due time, oldest first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Which statuses: 'all', or a comma-separated list of \(CommentStatus.allCases.map(\.rawValue).joined(separator: ", ")). Default: those still needing action (new, open, claimed, escalated).", valueName: "status"))
    var status: String?

    @Option(help: ArgumentHelp("Show the desk as it stood at this time, rebuilt from the log alone (ISO 8601, or a date: its start, 00:00 in the agency's zone — unlike report --to, where a date is the whole day).", valueName: "time"))
    var asOf: String?

    @Option(help: "Only this platform.") var platform: String?
    @Option(help: ArgumentHelp("Only comments held by this staff member ('me', 'none' for unassigned).", valueName: "name")) var assignee: String?
    @Option(help: ArgumentHelp("Only comments whose text contains these words.", valueName: "words")) var search: String?
    @Option(help: ArgumentHelp("Only comments with this tag: a sensitive topic (\(SensitiveTopic.allCases.map(\.rawValue).joined(separator: ", ")), also by its Indonesian tag such as bencana), 'urgent' for every incident that needs someone at once (disaster, health_emergency, child_safety), or another tag.", valueName: "tag"))
    var tag: String?
    @Option(parsing: .unconditional, help: "How many items at most, most urgent first; a note on stderr says when there are more.") var limit: Int = 1_000

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit is a number of items, 1 or more") }
    }
    @Flag(help: "Print JSON (the DESIGN.md queue item keys).") var json = false

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            var q = try query(desk)
            if let asOf {
                try AsOfListing.print(desk: desk, at: parseTime(asOf, zone: desk.config.calendar.zone), query: q, json: json)
                return
            }
            // One more than asked for tells whether there are more.
            q.limit = min(limit, Int.max - 1) + 1
            var items = try desk.queue(q)
            let more = items.count > limit
            if more { items.removeLast() }
            if json {
                Console.jsonLines(items.lazy.map(\.json))
            } else {
                QueueTable.render(items, now: desk.now, width: Console.width).forEach(Console.out)
            }
            // After the rows, where it is read last.
            if more { Console.warn("meja: the \(limit) most urgent are shown, and there are more: --limit N lists more; --status, --platform, --assignee, --search or --tag narrow the list") }
        }
    }

    /// The filters asked for, checked: an unknown platform or staff member, or a search with no word, is a usage error.
    private func query(_ desk: Desk) throws -> QueueQuery {
        var q = QueueQuery(now: desk.now, statuses: try Self.statuses(status), limit: limit)
        if let platform {
            guard let p = Platform(parsing: platform) else { throw CLIError(message: "'\(platform)' is not a platform name", code: 64) }
            // A misspelt or old name would list nothing, and look like an empty queue.
            let known = Set(Platform.social + (try desk.platforms()))
            guard known.contains(p) else {
                let names = known.map(\.rawValue).sorted().joined(separator: ", ")
                let alias = ["twitter": "x", "fb": "facebook", "ig": "instagram", "yt": "youtube"][p.rawValue].map { " (did you mean \($0)?)" } ?? ""
                throw CLIError(message: "no comment on the desk is from '\(platform)'\(alias); platforms: \(names)", code: 64)
            }
            q.platform = p
        }
        switch assignee {
        case nil: break
        case "none"?: q.assignee = .unassigned
        case "me"?: q.assignee = .staff(desk.actor.name)
        case let name?:
            guard try desk.staff().contains(where: { $0.name == name }) else {
                throw CLIError(message: "'\(name)' is not on the staff; see `meja staff list` (or use --assignee me or none)", code: 64)
            }
            q.assignee = .staff(name)
        }
        if let search, QueueQuery.searchWords(search).isEmpty {
            throw CLIError(message: "--search '\(search)' has no word to look for: only letters and digits are indexed (not emoji or punctuation)", code: 64)
        }
        q.search = search
        if let tag {
            guard !tag.isEmpty, !tag.contains(",") else { throw CLIError(message: "--tag takes one tag, such as disaster or bencana", code: 64) }
            let urgent = SensitiveTopic.urgentWords.contains(tag.lowercased())
            q.tags = urgent ? SensitiveTopic.needingSomeoneAtOnce.map(\.rawValue) : [SensitiveTopic.named(tag)?.rawValue ?? tag]
            if urgent, status == nil { q.statuses = SensitiveTopic.urgentListStatuses }
        }
        return q
    }

    /// nil (needing action), `all`, or a list of status names.
    static func statuses(_ text: String?) throws -> Set<CommentStatus> {
        guard let text, !text.isEmpty else { return CommentStatus.needingAction }
        switch text {
        case "all": return Set(CommentStatus.allCases)
        default:
            var out = Set<CommentStatus>()
            for word in text.split(separator: ",") {
                guard let s = CommentStatus(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                    throw CLIError(message: "'\(word)' is not a status; use \(CommentStatus.allCases.map(\.rawValue).joined(separator: ", ")) or all", code: 64)
                }
                out.insert(s)
            }
            return out
        }
    }
}
