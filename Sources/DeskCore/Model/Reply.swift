import Foundation

/// A response by the agency: sent from Meja, or imported from the agency's own channel.
public struct Reply: Hashable, Sendable {
    public var id: Int64
    /// The citizen comment this reply answers, when it is on the desk.
    public var commentID: Int64?
    public var platform: Platform
    /// The platform id of the reply, for imported replies (and sent ones, once the platform confirms).
    public var externalID: String?
    /// The platform id of what it answers (for imported replies that arrive before their comment).
    public var inReplyTo: String?
    public var threadID: String?
    /// The conversation it belongs to (see `Comment.threadKey`).
    public var threadKey: String?
    public var text: String
    public var sentAt: Date
    /// The staff login that sent it from Meja, or the channel handle for an imported reply.
    public var author: String
    public var source: Source
    public var templateID: String?
    public var templateVersion: Int?
    /// Humour level of the reply (0 none, 1 warm, 2 light joke).
    public var humor: Int
    /// Why a blocking linter finding was overridden, if one was.
    public var overrideReason: String?

    public enum Source: String, Sendable, Codable {
        /// Written and recorded in Meja.
        case desk
        /// Found in an import: the agency answered on the platform itself.
        case imported
    }

    public init(id: Int64 = 0, commentID: Int64?, platform: Platform, externalID: String? = nil, inReplyTo: String? = nil,
                threadID: String? = nil, threadKey: String? = nil, text: String, sentAt: Date, author: String, source: Source,
                templateID: String? = nil, templateVersion: Int? = nil, humor: Int = 0, overrideReason: String? = nil) {
        self.id = id
        self.commentID = commentID
        self.platform = platform
        self.externalID = externalID
        self.inReplyTo = inReplyTo
        self.threadID = threadID
        self.threadKey = threadKey ?? threadID ?? inReplyTo
        self.text = text
        self.sentAt = sentAt
        self.author = author
        self.source = source
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.humor = humor
        self.overrideReason = overrideReason
    }
}
