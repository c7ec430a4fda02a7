import DeskCore
import Foundation

/// The screens of the desk. They stack: the queue is always at the bottom, `q` pops.
public enum ScreenID: String, Sendable, Hashable, CaseIterable {
    case queue, thread, composer, review, overdue, passedOver, log, reports

    /// The key context of the screen.
    public var context: KeyContext {
        switch self {
        case .queue: .queue
        case .thread: .thread
        case .composer: .composer
        case .review: .review
        case .overdue: .overdue
        case .passedOver: .passedOver
        case .log: .log
        case .reports: .reports
        }
    }
}

/// The queue screen.
public struct QueueScreenState: Sendable {
    public var filter = QueueFilter()
    /// The comment an action was last taken on from the queue: if it leaves the list, the desk says where the cursor went.
    public var actedOn: Int64?
    public var items: [QueueItem] = []
    public var counts: QueueCounts?
    /// The filter `counts` were counted for (while a new filter is being counted, the old counts are not shown).
    public var countsFilter: QueueFilter?
    public var cursor = ListCursor()
    /// How many rows are asked for; grows when the selection reaches the end of what is loaded.
    public var limit = QueueScreenState.page
    public var loaded = false
    /// The latest queue request; pages and counts of older ones are dropped when they arrive.
    public var token = 0
    /// A page was asked for and has not arrived yet.
    public var loading = false
    /// Counts are being counted; at most one count runs at a time (a full scan on a large desk).
    public var countsInFlight = false
    /// The counts are out of date: they are counted again at the next idle moment.
    public var countsDirty = false

    /// `G` asked for the last row before it was loaded: the selection goes there when the rows arrive.
    public var goingToEnd = false

    /// Rows asked for at a time.
    public static let page = 100
    /// The most rows `G` loads to reach the end of a long queue (a filter narrows one longer than this).
    public static let endReach = 5_000
    /// The moment the items' SLA states were computed.
    public var loadedAt: Date?

    public init() {}

    public var selectedItem: QueueItem? { items.indices.contains(cursor.selected) ? items[cursor.selected] : nil }
    /// Whether more rows may exist past the loaded ones.
    public var mayHaveMore: Bool { items.count >= limit }
}

/// The thread view of one comment.
public struct ThreadScreenState: Sendable {
    public var commentID: Int64
    public var detail: CommentDetail?
    /// The tone verdict of the comment, when the desk has an assistant.
    public var tone: ToneVerdict?
    /// This person's unsent draft for the comment: shown, so that a draft on a comment now held by someone else (which
    /// they can no longer open in the composer) can still be read and handed over.
    public var draft: ReplyDraft?
    public var scroll = 0

    public init(commentID: Int64) { self.commentID = commentID }
}

/// The composer: the draft, and the suggestions beside it.
public struct ComposerState: Sendable {
    public var commentID: Int64
    public var platform: Platform
    /// The comment being answered, for the line above the editor.
    public var comment: Comment?
    public var editor = TextEditor()
    /// The template the draft started from, if any, and its version.
    public var templateID: String?
    public var templateVersion: Int?
    /// The humour level of the inserted template (nil when the draft did not start from one).
    public var humor: Int?
    /// The best templates for the comment, rendered for it (the first five are shown).
    public var suggestions: [Suggestion] = []
    /// The suggestions have arrived (until then the pane says it is loading).
    public var suggestionsLoaded = false
    public var selectedSuggestion = 0
    /// The draft changed since it was last saved.
    public var unsaved = false
    /// The newest reply to the comment when the composer opened (0: none; nil until known): a reply recorded after it
    /// is someone else's answer written meanwhile, which the review and the send point out (`ReplyRequest.seenReplyID`).
    public var seenReplyID: Int64?
    /// The template a text came from, for each text the draft had just before its template changed or went (a second
    /// template replacing a first, the draft cleared): undo brings the text back, and with it what it came from.
    var templateOfText: [String: TemplateUse] = [:]

    /// Which template, at which version and humour, the draft comes from (all nil for the person's own words).
    struct TemplateUse: Hashable, Sendable {
        var id: String?
        var version: Int?
        var humor: Int?
    }

    var templateUse: TemplateUse {
        get { TemplateUse(id: templateID, version: templateVersion, humor: humor) }
        set { (templateID, templateVersion, humor) = (newValue.id, newValue.version, newValue.humor) }
    }

    public init(commentID: Int64, platform: Platform, comment: Comment?) {
        self.commentID = commentID
        self.platform = platform
        self.comment = comment
    }

    /// Saving the draft as it stands, with what its writer had seen.
    var saveDraft: Effect { .saveDraft(commentID: commentID, text: editor.text, templateID: templateID, seenReplyID: seenReplyID) }

    /// Characters left under the platform's limit (negative when over), or nil when the platform has none.
    public var remaining: Int? { platform.replyLimit.map { $0 - length } }

    /// The text a review of this draft checks and a send records: the draft without leading or trailing blanks.
    public var replyText: String { editor.text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The length of the reply as its platform counts it (`Platform.replyLength`), the same figure the review shows:
    /// blanks typed at either end are not counted, since they are not sent.
    public var length: Int { platform.replyLength(replyText) }

    /// A draft emptied (the inserted template undone, or all text deleted) no longer comes from a template: what is
    /// typed next is sent, and logged, as the person's own words.
    mutating func forgetTemplateIfEmptied() {
        guard editor.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        templateID = nil
        templateVersion = nil
        humor = nil
    }
}

/// The review before sending.
public struct ReviewState: Sendable {
    public var commentID: Int64
    public var request: ReplyRequest
    public var review: ReplyReview?
    /// The clock the reply will satisfy (the comment's running response clock), if any.
    public var clock: SLARecord.ClockStatus?
    /// The citizen's other comments in the conversation the reply will answer too (they leave the queue with it).
    public var alsoAnswers: [Comment] = []
    public var scroll = 0
    /// A reason given for findings that a new one then outgrew (a colleague's answer landed): the next reason prompt
    /// starts from it, so what it justified is not lost from the record.
    public var earlierReason: String?
    /// The blocking findings on screen when the reason prompt opened: the ones the reason is written for (a finding that
    /// appears while it is typed is not among them).
    public var reasonFor: Set<LintFinding>?

    public init(commentID: Int64, request: ReplyRequest, clock: SLARecord.ClockStatus?) {
        self.commentID = commentID
        self.request = request
        self.clock = clock
    }

    /// Whether sending needs an override reason.
    public var isBlocked: Bool { !(review?.blocking.isEmpty ?? true) }
    /// Whether a finding blocks that no reason sends past (`LintFinding.overridable`): fix the draft first.
    public var mustFix: Bool { review?.blocking.contains { !$0.overridable } ?? false }
}

/// The supervisors' overdue board.
public struct OverdueState: Sendable {
    public enum Grouping: Sendable, Hashable { case staff, channel }
    public var items: [QueueItem] = []
    /// How many are breached and at risk in all: more than `items` holds when the board shows only the oldest.
    public var counts: OverdueCounts?
    public var grouping = Grouping.staff
    public var cursor = ListCursor()
    public var loaded = false

    public init() {}
}

/// A plain list of queue items (the passed-over list).
public struct ItemListState: Sendable {
    public var items: [QueueItem] = []
    public var cursor = ListCursor()
    public var loaded = false

    public init() {}

    public var selectedItem: QueueItem? { items.indices.contains(cursor.selected) ? items[cursor.selected] : nil }
}

/// The log view.
public struct LogScreenState: Sendable {
    /// The newest events, oldest first.
    public var events: [LogEvent] = []
    public var verification: LogAudit.Audit?
    /// The screen was opened again over a check already made: the rows' newest event decides whether to check again.
    public var checkIfMoved = false
    public var cursor = ListCursor()
    public var loaded = false

    public init() {}
}

/// The reports screen: the report of a period, computed in the background by the core.
public struct ReportsState: Sendable {
    /// The period shown: the four weeks ending on the day the screen was opened, moved back `periodOffset` weeks.
    /// Nil until the screen opens.
    public var period: ReportPeriod?
    /// Weeks back from the four weeks ending today (0 = ending today; the screen goes no later than that).
    public var periodOffset = 0
    /// Who the report is laid out for: everything (supervisors), or the public transparency report.
    public var audience = ReportAudience.supervisors
    /// Reports computed since the screen opened, by period (moving back and forth does not compute again;
    /// `refresh` and reopening the screen do).
    public var reports: [ReportPeriod: Report] = [:]
    /// The period of the latest report request while it is being computed; nil when nothing is.
    public var computing: ReportPeriod?
    /// The latest report request; a result of an older one is kept but does not end the wait.
    public var token = 0
    /// Results of requests older than this one are dropped (made before the screen was opened or refreshed).
    public var oldestWanted = 0
    /// The first line shown.
    public var scroll = 0

    /// A closed screen for supervisors reading `language`; `token` carries on from an earlier one so that its late
    /// results are told apart.
    public init(token: Int = 0, language: Language = .en) {
        self.token = token
        oldestWanted = token + 1
        audience = .supervisors(language)
    }

    /// The report of the period shown, once it has been computed.
    public var report: Report? { period.flatMap { reports[$0] } }

    /// Whether the report of the period shown is being computed.
    public var isComputing: Bool { period != nil && computing == period && report == nil }
}

/// A one-line prompt at the bottom.
public struct PromptState: Sendable {
    public enum Kind: Sendable, Hashable {
        case search
        case command
        /// Why a blocked reply is sent anyway.
        case overrideReason
        /// Why a comment is escalated.
        /// The reason to escalate a comment; `heldBy` a colleague when it is theirs: then a reason is required.
        case escalateReason(Int64, heldBy: String? = nil)
        /// Why the marked comments are escalated.
        case escalateMarkedReason([Int64])
        /// A note for colleagues on a comment.
        case note(Int64)
    }
    public var kind: Kind
    public var field: TextEditor
    /// The most a prompt takes (a search, a command, a reason): the rest of a longer paste is cut, and said so.
    public static let maxLength = 500
    /// The most this prompt takes: a note as much as the desk keeps (`Desk.noteLimit`), anything else `maxLength`.
    public var limit: Int {
        if case .note = kind { return Desk.noteLimit }
        return Self.maxLength
    }
    /// Whether the text was filled in from before (the current search): typing first replaces it, as a selected
    /// text would be; moving or deleting first keeps it to edit.
    public var replacesOnType: Bool

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        field = TextEditor(text: text)
        replacesOnType = !text.isEmpty
    }
}

/// A list to choose one entry from.
public struct PickerState: Sendable {
    public enum Kind: Sendable, Hashable {
        case assign(Int64)
        case status(Int64)
        /// One staff member for every marked comment.
        case assignMarked([Int64])
        /// One status for every marked comment.
        case statusMarked([Int64])
        /// One intent for every marked comment.
        case intentMarked([Int64])
        /// The comment, and the intent it has now (nil when none was read).
        case intent(Int64, now: Intent?)
    }
    public struct Option: Sendable, Hashable {
        public var value: String
        public var label: String
        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }
    public var kind: Kind
    public var options: [Option]
    public var cursor = ListCursor()

    public init(kind: Kind, options: [Option]) {
        self.kind = kind
        self.options = options
    }
}

/// The arrivals that need someone at once and have not been opened yet, said one at a time (the oldest first) in the
/// desk's language of the moment, with how many there are.
public struct Alert: Sendable, Hashable {
    /// One arrival: the comment and the start of its words (made safe).
    public struct Arrival: Sendable, Hashable {
        public var commentID: Int64
        public var excerpt: String
        public init(commentID: Int64, excerpt: String) {
            self.commentID = commentID
            self.excerpt = excerpt
        }
    }

    /// Not opened yet, oldest first (opening one takes it off; Esc at the queue puts them all away).
    public var arrivals: [Arrival]
    /// More arrived than one look reads (`Desk.urgentLookLimit`): the count is a floor.
    public var beyond = false

    public init(arrivals: [Arrival], beyond: Bool = false) {
        self.arrivals = arrivals
        self.beyond = beyond
    }

    /// The comment the line names.
    public var commentID: Int64? { arrivals.first?.commentID }

    /// The alert's line in the language of `s`: how many, then the oldest and how to open it, then its words (a narrow
    /// screen cuts the words last; its topics are in the thread).
    public func text(_ s: Strings) -> String {
        guard let first = arrivals.first else { return "" }
        let count = String(arrivals.count) + (beyond ? "+" : "")
        return s.format(.urgentArrived, String(first.commentID), first.excerpt, count)
    }
}

/// A line of feedback after an action.
public struct Notice: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, error }
    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
