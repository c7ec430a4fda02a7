/// What the tone governor concluded about a comment, and why.
public struct ToneVerdict: Hashable, Sendable {
    /// The comment's language.
    public var lang: TextLanguage
    /// From -1.0 (clearly upset) to 1.0 (clearly pleased); 0 when the text shows no feeling either way.
    public var sentiment: Double
    /// Sensitive topics found, in `SensitiveTopic` order.
    public var sensitiveTopics: [SensitiveTopic]
    /// True when the citizen is joking (laughter, 😂, "canda") and not being sarcastic.
    public var joking: Bool
    /// True when praise sits on complaint content ("mantap, jalan rusak lagi 👍").
    public var sarcastic: Bool
    /// True when the comment insults or swears.
    public var rude: Bool
    /// True when the comment looks like advertising, gambling or other spam.
    public var spam: Bool
    /// What the citizen most likely wants.
    public var intent: Intent
    /// The most humour a reply may carry.
    public var humorAllowed: HumorLevel
    /// One human-readable line per decision (language, sentiment, topics, intent, joking, humour), in both
    /// languages.
    public var explanations: [Localized]
    /// The explanations in English: `reasons` in JSON.
    public var reasons: [String] { explanations.map(\.en) }

    /// A verdict with every field given (the governor builds these; tests and tools may too).
    public init(lang: TextLanguage, sentiment: Double, sensitiveTopics: [SensitiveTopic], joking: Bool, sarcastic: Bool = false,
                rude: Bool = false, spam: Bool = false, intent: Intent, humorAllowed: HumorLevel, explanations: [Localized]) {
        self.lang = lang
        self.sentiment = sentiment
        self.sensitiveTopics = sensitiveTopics
        self.joking = joking
        self.sarcastic = sarcastic
        self.rude = rude
        self.spam = spam
        self.intent = intent
        self.humorAllowed = humorAllowed
        self.explanations = explanations
    }

    /// The topic names (`disaster`, `health_emergency` …) as used in JSON and template files.
    public var sensitive: [String] { sensitiveTopics.map(\.rawValue) }

    /// The DESIGN.md shape: `lang`, `sentiment`, `sensitive`, `joking`, `humor_allowed`, `reasons`, plus
    /// `intent`, `sarcastic`, `rude` and `spam`.
    public var json: JSONValue {
        .object([
            "lang": .string(lang.rawValue),
            "sentiment": .double((sentiment * 100).rounded() / 100),
            "sensitive": .array(sensitive.map { .string($0) }),
            "joking": .bool(joking),
            "humor_allowed": .int(Int64(humorAllowed.rawValue)),
            "reasons": .array(reasons.map { .string($0) }),
            "intent": .string(intent.rawValue),
            "sarcastic": .bool(sarcastic),
            "rude": .bool(rude),
            "spam": .bool(spam),
        ])
    }
}
