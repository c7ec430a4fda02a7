/// What the pre-send checks found in a reply, as the desk records it with the reply.
public struct ReplyReview: Sendable, Hashable {
    public var findings: [LintFinding]
    /// The tone verdict of the comment the reply answers (JSON, DESIGN.md keys), when known.
    public var tone: JSONValue?
    /// The highest humour level the tone allows, when known.
    public var humorAllowed: Int?
    /// The reply's own humour level as the checks saw it: the declared one, or for free text the estimate (a
    /// joke sent as free text is recorded, and counted in the reports, as the joke it is). Nil when not checked.
    public var humor: Int?

    public init(findings: [LintFinding] = [], tone: JSONValue? = nil, humorAllowed: Int? = nil, humor: Int? = nil) {
        self.findings = findings
        self.tone = tone
        self.humorAllowed = humorAllowed
        self.humor = humor
    }

    public var blocking: [LintFinding] { findings.filter(\.blocking) }
}

/// Checks a reply before it is recorded (the linter and tone governor plug in here).
public protocol ReplyReviewer: Sendable {
    /// Checks `text` as a reply to `comment`; `humor` is the reply's declared humour level (nil: estimate it).
    func review(text: String, humor: Int?, comment: Comment, config: DeskConfig) -> ReplyReview
}

/// A reply as staff ask to send it.
public struct ReplyRequest: Sendable, Hashable {
    public var text: String
    public var templateID: String?
    public var templateVersion: Int?
    /// The template's body as written, so a changed template is put on the log with its new version.
    public var templateBody: String?
    /// The reply's humour level (0 none, 1 warm, 2 light joke); nil for free text, which the linter estimates.
    public var humor: Int?
    /// Required when the review has blocking findings; kept with the reply and on the log.
    public var overrideReason: String?
    /// The newest reply to the comment its writer had seen when they began writing (0: none), or nil not to ask. A reply
    /// recorded after it — a colleague's answer while this one was written — is a blocking `answered_meanwhile` finding.
    public var seenReplyID: Int64?
    /// The blocking findings the override reason was written for, as its writer's review showed them; one found at
    /// sending that is not among them (a colleague's answer that landed since) stops the reply, reason or not. nil: the
    /// reason answers whatever blocks (the CLI's `--override-reason`, given with the command).
    public var overriddenFindings: Set<LintFinding>?

    public init(text: String, templateID: String? = nil, templateVersion: Int? = nil, templateBody: String? = nil, humor: Int? = nil,
                overrideReason: String? = nil, seenReplyID: Int64? = nil, overriddenFindings: Set<LintFinding>? = nil) {
        self.text = text
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.templateBody = templateBody
        self.humor = humor
        self.overrideReason = overrideReason
        self.seenReplyID = seenReplyID
        self.overriddenFindings = overriddenFindings
    }

    /// The blocking findings of `review` that this request's override reason does not answer: all of them without a
    /// reason, those missing from `overriddenFindings` with one.
    public func unanswered(in review: ReplyReview) -> [LintFinding] {
        guard !(overrideReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return review.blocking }
        guard let overriddenFindings else { return [] }
        return review.blocking.filter { !overriddenFindings.contains($0) }
    }
}
