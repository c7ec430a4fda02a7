import Foundation

/// A citizen's comment as the desk holds it: what was written, and where the agency stands with it.
public struct Comment: Hashable, Sendable {
    /// Meja's own id (what `meja show ID` takes).
    public var id: Int64
    public var platform: Platform
    /// The platform's id of the comment.
    public var externalID: String
    public var author: Author
    /// The text exactly as the citizen wrote it. Make it safe with `SafeText` before drawing it.
    public var text: String
    public var createdAt: Date
    /// The id of the root post or conversation, when known.
    public var threadID: String?
    /// The conversation this comment belongs to: its thread id, else its parent's conversation, else the
    /// comment it answers, else itself. Replies with the same key are in the same conversation.
    public var threadKey: String
    /// The platform id of the comment or post this one answers.
    public var inReplyTo: String?
    /// The agency account that received it, e.g. `@kominfo`.
    public var channel: String?
    public var url: String?
    public var lang: String?
    public var importedAt: Date
    public var status: CommentStatus
    /// The login name of the staff member working on it.
    public var assignee: String?
    public var intent: Intent?
    /// The tone governor's sentiment of the text at import (-1 … 1), when it was measured.
    public var sentiment: Double?
    public var tags: [String]
    /// The response-time measurement of this comment (clocks, policy and version).
    public var sla: SLARecord
    /// Who escalated it last: a staff member, or `meja` for the sweep (`StaffMember.systemName`); nil if never.
    public var escalatedBy: String?

    public init(id: Int64, platform: Platform, externalID: String, author: Author, text: String, createdAt: Date,
                threadID: String? = nil, threadKey: String? = nil, inReplyTo: String? = nil, channel: String? = nil, url: String? = nil,
                lang: String? = nil, importedAt: Date, status: CommentStatus = .new, assignee: String? = nil,
                intent: Intent? = nil, sentiment: Double? = nil, tags: [String] = [], sla: SLARecord = SLARecord(), escalatedBy: String? = nil) {
        self.id = id
        self.platform = platform
        self.externalID = externalID
        self.author = author
        self.text = text
        self.createdAt = createdAt
        self.threadID = threadID
        self.threadKey = threadKey ?? threadID ?? inReplyTo ?? externalID
        self.inReplyTo = inReplyTo
        self.channel = channel
        self.url = url
        self.lang = lang
        self.importedAt = importedAt
        self.status = status
        self.assignee = assignee
        self.intent = intent
        self.sentiment = sentiment
        self.tags = tags
        self.sla = sla
        self.escalatedBy = escalatedBy
    }
}
