import Foundation

/// Which comments a queue listing shows, and which page of them.
public struct QueueQuery: Sendable, Hashable {
    /// Whose comments: everyone's, nobody's yet, or one staff member's.
    public enum Assignee: Sendable, Hashable {
        case anyone
        case unassigned
        case staff(String)
    }

    /// Statuses to include; the default is those still needing action.
    public var statuses: Set<CommentStatus> = CommentStatus.needingAction
    public var platform: Platform?
    public var channel: String?
    public var intent: Intent?
    /// Only comments with any of these tags (empty: no such filter): one topic, or every incident that needs someone at
    /// once together.
    public var tags: [String] = []
    public var assignee: Assignee = .anyone
    /// Full-text search over comment text (words, all of which must occur; the last may be a prefix). A search
    /// without any word (only emoji or punctuation, which the index does not hold) matches nothing.
    public var search: String?
    /// The moment the SLA states are evaluated at.
    public var now: Date
    public var offset = 0
    public var limit = 50

    public init(now: Date, statuses: Set<CommentStatus> = CommentStatus.needingAction, limit: Int = 50) {
        self.now = now
        self.statuses = statuses
        self.limit = limit
    }

    /// The words a search looks for: runs of letters and digits (what the full-text index holds).
    public static func searchWords(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { String($0) }
    }

    /// True when only the status set narrows the listing (the indexed fast path applies).
    public var isUnfiltered: Bool {
        platform == nil && channel == nil && intent == nil && tags.isEmpty && assignee == .anyone && (search ?? "").isEmpty
    }
}

/// How many comments a queue has, by SLA state (what the status line shows).
public struct QueueCounts: Sendable, Hashable {
    public var total = 0
    public var breached = 0
    public var atRisk = 0
    public init(total: Int = 0, breached: Int = 0, atRisk: Int = 0) {
        self.total = total
        self.breached = breached
        self.atRisk = atRisk
    }
}

/// A draft reply being written, saved as it is typed so nothing is lost.
public struct ReplyDraft: Sendable, Hashable {
    public var commentID: Int64
    public var staff: String
    public var text: String
    public var templateID: String?
    public var updatedAt: Date
    /// The newest reply to the comment when the draft was begun (`ReplyRequest.seenReplyID`): a draft picked up again
    /// days later still knows which answers landed since it was begun. Kept from the first save.
    public var seenReplyID: Int64?
    public init(commentID: Int64, staff: String, text: String, templateID: String? = nil, updatedAt: Date, seenReplyID: Int64? = nil) {
        self.commentID = commentID
        self.staff = staff
        self.text = text
        self.templateID = templateID
        self.updatedAt = updatedAt
        self.seenReplyID = seenReplyID
    }
}

/// A stored version of an SLA policy: its name, number and full definition (policy and calendar) as JSON.
public struct StoredPolicyVersion: Sendable, Hashable {
    public var name: String
    public var version: Int
    public var definition: String
    public var createdAt: Date
    public init(name: String, version: Int, definition: String, createdAt: Date) {
        self.name = name
        self.version = version
        self.definition = definition
        self.createdAt = createdAt
    }
}
