import DeskCore

/// The `:` command line: filters, screens and triage actions typed as words.
public enum DeskCommandLine {
    /// What a command line asks for.
    public enum Entry: Sendable, Equatable {
        case filter(QueueFilter)
        case search(String?)
        case open(Int64)
        /// A comment named by platform and the platform's id (`x:1863…`), found in the store before it opens.
        case openReference(String)
        case action(ActionID)
        case assign(String)
        case escalate(String?)
        /// A note for colleagues on the comment under the cursor.
        case note(String)
        /// The desk's language from now on.
        case language(Language)
        case quit
        /// A known command with a value it does not take: what was wrong and what it takes.
        case invalid(Localized)
    }

    /// Short words for statuses beside their names and labels (`waiting` for `waiting_citizen`).
    static let statusWords: [String: CommentStatus] = [
        "waiting": .waitingCitizen, "menunggu": .waitingCitizen, "no_reply": .noReplyNeeded, "noreply": .noReplyNeeded,
        "baru": .new, "terbuka": .open, "diambil": .claimed, "dibalas": .replied, "selesai": .closed, "ditutup": .closed,
        "eskalasi": .escalated,
    ]

    /// A status by its name (`waiting_citizen`), its label on the desk in either language ("menunggu warga",
    /// "waiting for citizen"), or a short word for it (`waiting`).
    static func status(named word: String) -> CommentStatus? {
        let wanted = key(word)
        return CommentStatus(rawValue: wanted) ?? statusWords[wanted] ?? labelled(word, among: CommentStatus.allCases) { $0.status($1) }
    }

    /// The one of `cases` whose label on the desk, in either language, is `word`.
    private static func labelled<T>(_ word: String, among cases: [T], label: (Strings, T) -> String) -> T? {
        let wanted = key(word)
        return cases.first { c in [Language.id, .en].contains { key(label(Strings($0), c)) == wanted } }
    }

    /// A word as names are compared: lower case, `-` and spaces as `_`.
    private static func key(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
    }

    private static func invalid(_ command: String, _ value: String, known: [String]) -> Entry {
        let list = known.joined(separator: ", ")
        return .invalid(Localized("`:\(command)` tidak mengenal '\(value)'; pilih salah satu: \(list)",
                                  "`:\(command)` does not take '\(value)'; use one of: \(list)"))
    }

    /// The words the command line knows, for its error message.
    public static let words = ["status", "platform", "channel", "intent", "topic", "mine", "unassigned", "everyone", "search", "clear",
                               "open", "claim", "release", "assign", "escalate", "note", "overdue", "passed", "log", "reports", "lang", "help", "quit"]

    /// Parses `text` against the current filter. Returns nil for a line it does not understand.
    /// `platforms` are those the desk knows (Meja's own and any seen on comments): another name is most likely a typo,
    /// which would only show an empty queue.
    public static func parse(_ text: String, filter: QueueFilter, platforms: [Platform] = Platform.social) -> Entry? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let head = words.first?.lowercased() else { return nil }
        let rest = words.dropFirst().joined(separator: " ")
        let arg = rest.lowercased()
        // No argument, "all" or "semua": the filter is lifted.
        let lifts = arg.isEmpty || arg == "all" || arg == "semua"
        var f = filter
        switch head {
        case "status", "s":
            switch arg {
            case "all", "semua": f.status = .all
            case "", "action", "default", "needing": f.status = .needingAction
            default:
                guard let s = status(named: arg) else {
                    return invalid(head, rest, known: ["all", "action"] + CommentStatus.allCases.map(\.rawValue))
                }
                f.status = .only(s)
            }
            return .filter(f)
        case "platform", "p":
            if lifts { f.platform = nil } else {
                guard let p = Platform(parsing: arg), platforms.contains(p) else { return invalid(head, rest, known: ["all"] + platforms.map(\.rawValue)) }
                f.platform = p
            }
            return .filter(f)
        case "channel", "kanal":
            f.channel = lifts ? nil : Author.normalizedHandle(rest)
            return .filter(f)
        case "intent", "maksud":
            if lifts { f.intent = nil } else {
                // By its name or as the desk shows it (`keluhan`, as the filter line says).
                guard let i = Intent.named(arg) else { return invalid(head, rest, known: ["all"] + Intent.allCases.map(\.rawValue)) }
                f.intent = i
            }
            return .filter(f)
        case "topic", "topik", "tag":
            f.urgent = SensitiveTopic.urgentWords.contains(arg)
            if lifts || f.urgent { f.topic = nil } else {
                guard let t = SensitiveTopic.named(arg) else { return invalid(head, rest, known: ["all", "urgent"] + QueueFilter.topicOrder.map(\.rawValue)) }
                f.topic = t
            }
            return .filter(f)
        case "mine", "saya": f.assignee = .mine; return .filter(f)
        case "unassigned", "bebas": f.assignee = .unassigned; return .filter(f)
        case "everyone", "anyone", "all", "semua": f.assignee = .anyone; return .filter(f)
        case "search", "cari", "/": return .search(rest.isEmpty ? nil : rest)
        case "clear", "reset": return .filter(QueueFilter())
        case "open", "buka":
            if let id = Int64(arg.hasPrefix("#") ? String(arg.dropFirst()) : arg) { return .open(id) }
            if let colon = rest.firstIndex(of: ":"), Platform(parsing: String(rest[..<colon])) != nil, rest.index(after: colon) < rest.endIndex {
                return .openReference(rest)
            }
            return .invalid(Localized("`:\(head)` perlu nomor komentar (misalnya `:\(head) 42`) atau PLATFORM:ID (`:\(head) x:1863…`)",
                                      "`:\(head)` needs a comment number (such as `:\(head) 42`) or PLATFORM:ID (`:\(head) x:1863…`)"))
        case "claim", "ambil": return .action(.claim)
        case "release", "lepas": return .action(.release)
        case "assign", "tugaskan":
            guard !rest.isEmpty else { return .action(.assign) }
            return .assign(rest)
        case "escalate", "eskalasi": return .escalate(rest.isEmpty ? nil : rest)
        case "note", "catatan":
            guard !rest.isEmpty else { return .action(.note) }
            return .note(rest)
        case "overdue", "terlambat": return .action(.overdueBoard)
        case "passed", "passed-over", "terlewati": return .action(.passedOver)
        case "log": return .action(.logView)
        case "reports", "report", "laporan": return .action(.reports)
        case "lang", "language", "bahasa":
            switch arg {
            case "id", "indonesia", "indonesian", "bahasa": return .language(.id)
            case "en", "english", "inggris": return .language(.en)
            default: return invalid(head, rest, known: ["id", "en"])
            }
        case "help", "bantuan", "?": return .action(.help)
        case "quit", "q", "keluar": return .quit
        default: return nil
        }
    }
}
