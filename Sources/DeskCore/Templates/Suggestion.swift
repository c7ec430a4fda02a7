/// A ranked, rendered template offered to staff for one comment.
public struct Suggestion: Hashable, Sendable {
    /// The template suggested.
    public var templateID: String
    /// Its version, to record with the reply.
    public var templateVersion: Int
    /// Higher is a better fit; comparable only among suggestions for the same comment.
    public var score: Double
    /// The template's humour level (never above what the tone verdict allows).
    public var humor: HumorLevel
    /// The template's language.
    public var lang: TextLanguage
    /// What the reply does (`acknowledge`, `ask_dm` …).
    public var purpose: String
    /// The template's short title, for the UI.
    public var title: String
    /// The rendered text; variables without a value stay visible as `{name}`.
    public var text: String
    /// Why it ranks where it does, one line per factor, in both languages.
    public var explanations: [Localized]
    /// The explanations in English: `reasons` in JSON.
    public var reasons: [String] { explanations.map(\.en) }

    /// A suggestion with every field given (the suggester builds these).
    public init(templateID: String, templateVersion: Int, score: Double, humor: HumorLevel, lang: TextLanguage, purpose: String,
                title: String, text: String, explanations: [Localized]) {
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.score = score
        self.humor = humor
        self.lang = lang
        self.purpose = purpose
        self.title = title
        self.text = text
        self.explanations = explanations
    }

    /// The DESIGN.md shape: `template_id`, `score`, `humor`, `text`, `reasons`, plus `template_version`,
    /// `lang`, `purpose` and `title`.
    public var json: JSONValue {
        .object([
            "template_id": .string(templateID),
            "template_version": .int(Int64(templateVersion)),
            "score": .double((score * 10).rounded() / 10),
            "humor": .int(Int64(humor.rawValue)),
            "text": .string(text),
            "reasons": .array(reasons.map { .string($0) }),
            "lang": .string(lang.rawValue),
            "purpose": .string(purpose),
            "title": .string(title),
        ])
    }
}
