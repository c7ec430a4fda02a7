/// Everything the suggester needs to know about one comment.
public struct SuggestionInput: Sendable {
    /// The comment text as the citizen wrote it.
    public var text: String
    /// Where the reply will be posted (its length limit and the templates' `channels`).
    public var platform: Platform
    /// The agency account that received the comment.
    public var channel: String?
    /// The tone governor's verdict on the text.
    public var verdict: ToneVerdict
    /// The intent recorded at import when it differs from the governor's reading now (a newer word list): it wins.
    public var triagedIntent: Intent?
    /// Templates already sent to this citizen in the last 30 days (the store supplies them).
    public var recentTemplateIDs: Set<String>
    /// Values for the templates' variables.
    public var context: RenderContext
    /// Values for the templates of each language where they differ (`{sla.promise}` is a date written in the template's
    /// language): an English reply to a code-mixed comment says "by Tuesday, 8 December", not "Selasa, 8 Desember".
    public var contextsByLanguage: [TextLanguage: RenderContext] = [:]
    /// Whether the agency's office is open now (nil when not known): an out-of-hours notice sinks while it is.
    public var officeOpen: Bool?
    /// Whether the agency has answered this citizen in the conversation (nil when not known): closing and follow-up
    /// messages ("thank you for confirming, we are closing …") are not offered before it has.
    public var agencyAnswered: Bool?
    /// Whether the citizen has waited past the response standard for the answer now being written (nil when not known):
    /// the reply starts with an apology for the wait.
    public var answerLate: Bool?

    /// The input for one comment; `recentTemplateIDs` and `context` may be left empty.
    public init(text: String, platform: Platform, channel: String? = nil, verdict: ToneVerdict, triagedIntent: Intent? = nil,
                recentTemplateIDs: Set<String> = [], context: RenderContext = RenderContext(), officeOpen: Bool? = nil,
                agencyAnswered: Bool? = nil, answerLate: Bool? = nil) {
        self.officeOpen = officeOpen
        self.answerLate = answerLate
        self.agencyAnswered = agencyAnswered
        self.text = text
        self.platform = platform
        self.channel = channel
        self.verdict = verdict
        self.triagedIntent = triagedIntent
        self.recentTemplateIDs = recentTemplateIDs
        self.context = context
    }

    /// The intent used for ranking: the recorded one, else the governor's reading.
    public var intent: Intent { triagedIntent ?? verdict.intent }
}
