import DeskCore

/// The tone verdict of a comment as the thread view and review show it, read from the verdict's JSON
/// (DESIGN.md keys: `lang`, `sentiment`, `sensitive`, `joking`, `humor_allowed`, `reasons`).
public struct ToneSummary: Sendable, Hashable {
    public var lang: String?
    /// -1.0 … 1.0.
    public var sentiment: Double
    public var sensitive: [String]
    public var joking: Bool
    /// 0 none, 1 warm, 2 light joke.
    public var humorAllowed: Int
    public var reasons: [String]

    public init(lang: String? = nil, sentiment: Double, sensitive: [String] = [], joking: Bool = false, humorAllowed: Int,
                reasons: [String] = []) {
        self.lang = lang
        self.sentiment = sentiment
        self.sensitive = sensitive
        self.joking = joking
        self.humorAllowed = humorAllowed
        self.reasons = reasons
    }

    /// Reads a verdict's JSON; nil when it is not an object with at least `sentiment` or `humor_allowed`.
    public init?(json: JSONValue) {
        guard json.objectValue != nil, json["sentiment"]?.doubleValue != nil || json["humor_allowed"]?.intValue != nil else { return nil }
        lang = json["lang"]?.stringValue
        sentiment = json["sentiment"]?.doubleValue ?? 0
        sensitive = json["sensitive"]?.arrayValue?.compactMap(\.stringValue) ?? []
        joking = json["joking"]?.boolValue ?? false
        humorAllowed = Int(json["humor_allowed"]?.intValue ?? 0)
        reasons = json["reasons"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

/// What other parts of Meja lend the desk when they are present: reply suggestions and tone verdicts.
/// The CLI fills these in from the template and tone modules; without them the composer shows no suggestions
/// and the thread view no verdict.
public struct DeskAssistants: Sendable {
    /// Ranked reply templates for a comment, rendered for it.
    public var suggest: (@Sendable (Comment) -> [ComposerSuggestion])?
    /// The tone verdict of a comment.
    public var tone: (@Sendable (Comment) -> ToneSummary?)?

    public init(suggest: (@Sendable (Comment) -> [ComposerSuggestion])? = nil, tone: (@Sendable (Comment) -> ToneSummary?)? = nil) {
        self.suggest = suggest
        self.tone = tone
    }
}
