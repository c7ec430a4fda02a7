/// One comment's fields that reports count, as stored: whole seconds since 1970 for instants (nil for NULL) and
/// text as UTF-8 bytes borrowed from the store for the duration of one call (nil for NULL).
///
/// Reports read a million of these in one scan, so nothing here is decoded into a `Comment`.
public struct CommentFacts {
    public var id: Int64
    public var platform: UnsafeRawBufferPointer
    public var channel: UnsafeRawBufferPointer?
    /// The conversation (`Comment.threadKey`).
    public var threadKey: UnsafeRawBufferPointer
    public var authorHandle: UnsafeRawBufferPointer
    public var createdAt: Int64
    public var importedAt: Int64
    public var intent: UnsafeRawBufferPointer?
    /// The tags as stored: `,a,b,` (empty when none).
    public var tags: UnsafeRawBufferPointer
    public var sentiment: Double?
    public var policy: UnsafeRawBufferPointer?
    public var policyVersion: Int64?
    /// `first_response` or `next_response`.
    public var responseClock: UnsafeRawBufferPointer?
    public var responseDue: Int64?
    public var respondedAt: Int64?
    public var responseStopped: Int64?
    public var resolutionDue: Int64?
    public var resolvedAt: Int64?
    public var resolutionStopped: Int64?
    public var pausedSince: Int64?
    public var escalatedAt: Int64?

    public init(id: Int64, platform: UnsafeRawBufferPointer, channel: UnsafeRawBufferPointer?, threadKey: UnsafeRawBufferPointer,
                authorHandle: UnsafeRawBufferPointer, createdAt: Int64, importedAt: Int64, intent: UnsafeRawBufferPointer?, tags: UnsafeRawBufferPointer,
                sentiment: Double?, policy: UnsafeRawBufferPointer?, policyVersion: Int64?, responseClock: UnsafeRawBufferPointer?,
                responseDue: Int64?, respondedAt: Int64?, responseStopped: Int64?, resolutionDue: Int64?, resolvedAt: Int64?,
                resolutionStopped: Int64?, pausedSince: Int64?, escalatedAt: Int64?) {
        self.id = id
        self.platform = platform
        self.channel = channel
        self.threadKey = threadKey
        self.authorHandle = authorHandle
        self.createdAt = createdAt
        self.importedAt = importedAt
        self.intent = intent
        self.tags = tags
        self.sentiment = sentiment
        self.policy = policy
        self.policyVersion = policyVersion
        self.responseClock = responseClock
        self.responseDue = responseDue
        self.respondedAt = respondedAt
        self.responseStopped = responseStopped
        self.resolutionDue = resolutionDue
        self.resolvedAt = resolvedAt
        self.resolutionStopped = resolutionStopped
        self.pausedSince = pausedSince
        self.escalatedAt = escalatedAt
    }
}

/// One reply's fields that reports count, borrowed from the store like `CommentFacts`.
public struct ReplyFacts {
    public var id: Int64
    /// The comment it is linked to (nil for an imported answer still waiting for its comment).
    public var commentID: Int64?
    public var sentAt: Int64
    /// The staff login (desk replies) or the agency channel (imported ones).
    public var author: UnsafeRawBufferPointer
    /// True for an answer the agency posted on the platform itself (found in an import).
    public var imported: Bool
    public var humor: Int
    /// Whether a blocking linter finding was overridden.
    public var overridden: Bool

    public init(id: Int64, commentID: Int64?, sentAt: Int64, author: UnsafeRawBufferPointer, imported: Bool, humor: Int, overridden: Bool) {
        self.id = id
        self.commentID = commentID
        self.sentAt = sentAt
        self.author = author
        self.imported = imported
        self.humor = humor
        self.overridden = overridden
    }
}
