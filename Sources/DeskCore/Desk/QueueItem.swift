import Foundation

/// A comment as a queue shows it: the comment and its SLA standing at the moment of listing.
public struct QueueItem: Sendable, Hashable {
    public var comment: Comment
    /// The most urgent clock (nil when the comment has none).
    public var clock: SLARecord.ClockStatus?
    /// Unanswered while at least the configured number of newer comments in its queue were answered.
    public var passedOver: Bool
    /// The acting staff member has a reply to it half written (their draft, which is not on the log).
    public var hasDraft: Bool
    /// Colleagues left notes on it (`meja note`, `N`): read them in its history.
    public var hasNotes: Bool

    public init(comment: Comment, clock: SLARecord.ClockStatus?, passedOver: Bool, hasDraft: Bool = false, hasNotes: Bool = false) {
        self.comment = comment
        self.clock = clock
        self.passedOver = passedOver
        self.hasDraft = hasDraft
        self.hasNotes = hasNotes
    }

    public var state: SLAState { clock?.state ?? .none }

    /// The queue item's JSON (DESIGN.md keys, plus `policy`, `passed_over`, `intent`, `tags`, `channel`).
    public var json: JSONValue {
        let c = comment
        return [
            "id": .int(c.id), "platform": .string(c.platform.rawValue), "external_id": .string(c.externalID),
            "author_handle": .string(c.author.handle), "author_name": .string(c.author.name), "text": .string(c.text),
            "created_at": .time(c.createdAt), "status": .string(c.status.rawValue), "assignee": .string(c.assignee),
            "sla_state": .string(state.rawValue), "sla_clock": .string(clock?.clock.rawValue), "due_at": .time(clock?.dueAt),
            "policy": .string(c.sla.policy), "policy_version": .int(c.sla.policyVersion), "passed_over": .bool(passedOver),
            "intent": .string(c.intent?.rawValue), "sentiment": c.sentiment.map { .double(($0 * 1000).rounded() / 1000) } ?? .null, "tags": .array(c.tags.map { .string($0) }), "channel": .string(c.channel),
            // `thread_id` as the file gave it (or derived it from a reply chain it held whole); `thread_key` the
            // conversation the desk files the comment under, the same whatever order files were imported in.
            "thread_id": .string(c.threadID), "thread_key": .string(c.threadKey), "url": .string(c.url),
        ]
    }
}

/// Everything the thread view and `meja show` need about one comment.
public struct CommentDetail: Sendable {
    public var item: QueueItem
    /// Every clock of the comment at the moment of reading.
    public var clocks: [SLARecord.ClockStatus]
    /// The conversation, oldest first: in a small thread all of it; in a busy one (a post with many citizens
    /// under it) the part that concerns this citizen — their messages, what they answer and what answers them.
    public var threadComments: [Comment]
    public var threadReplies: [Reply]
    /// Replies linked to this comment.
    public var replies: [Reply]
    /// The citizen's other comments on the platform, newest first.
    public var otherByAuthor: [Comment]
    /// The citizen's comments on the platform written before this one, newest first.
    public var earlierByAuthor: [Comment]
    /// The log entries about this comment, oldest first.
    public var history: [LogEvent]

    public init(item: QueueItem, clocks: [SLARecord.ClockStatus], threadComments: [Comment], threadReplies: [Reply],
                replies: [Reply], otherByAuthor: [Comment], earlierByAuthor: [Comment] = [], history: [LogEvent]) {
        self.item = item
        self.clocks = clocks
        self.threadComments = threadComments
        self.threadReplies = threadReplies
        self.replies = replies
        self.otherByAuthor = otherByAuthor
        self.earlierByAuthor = earlierByAuthor
        self.history = history
    }

    public var comment: Comment { item.comment }
}
