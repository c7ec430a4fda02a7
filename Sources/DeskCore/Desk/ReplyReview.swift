/// What the pre-send checks found in a reply, as the desk records it with the reply.
public struct ReplyReview: Sendable, Hashable {
    /// One finding: a stable code, a message for the user, and whether it blocks sending.
    public struct Finding: Sendable, Hashable {
        public var code: String
        public var message: String
        public var blocking: Bool
        public init(code: String, message: String, blocking: Bool) {
            self.code = code
            self.message = message
            self.blocking = blocking
        }
        public var json: JSONValue { ["code": .string(code), "message": .string(message), "blocking": .bool(blocking)] }
    }

    public var findings: [Finding]
    /// The tone verdict of the comment the reply answers (JSON, DESIGN.md keys), when known.
    public var tone: JSONValue?
    /// The highest humour level the tone allows, when known.
    public var humorAllowed: Int?

    public init(findings: [Finding] = [], tone: JSONValue? = nil, humorAllowed: Int? = nil) {
        self.findings = findings
        self.tone = tone
        self.humorAllowed = humorAllowed
    }

    public var blocking: [Finding] { findings.filter(\.blocking) }
}

/// Checks a reply before it is recorded (the linter and tone governor plug in here).
public protocol ReplyReviewer: Sendable {
    func review(text: String, humor: Int, comment: Comment, config: DeskConfig) -> ReplyReview
}

/// A reply as staff ask to send it.
public struct ReplyRequest: Sendable, Hashable {
    public var text: String
    public var templateID: String?
    public var templateVersion: Int?
    public var humor: Int
    /// Required when the review has blocking findings; kept with the reply and on the log.
    public var overrideReason: String?

    public init(text: String, templateID: String? = nil, templateVersion: Int? = nil, humor: Int = 0, overrideReason: String? = nil) {
        self.text = text
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.humor = humor
        self.overrideReason = overrideReason
    }
}
