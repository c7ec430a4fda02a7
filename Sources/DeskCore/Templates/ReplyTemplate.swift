/// One reply template: words for staff to send, with what it suits (intent, language, platform, humour).
///
/// Written in TOML as `[[template]]` tables; see docs/templates.md for the format.
public struct ReplyTemplate: Hashable, Sendable {
    /// Stable identifier, e.g. `id.ack.general`; an agency's template with the same id replaces the shipped one.
    public var id: String
    /// Bumped whenever the wording changes, so recorded replies say which wording was sent.
    public var version: Int
    /// The language it is written in (`id` or `en`).
    public var lang: TextLanguage
    /// The intents it answers; empty means any.
    public var intents: [Intent]
    /// Words that make it fit a comment (normalised like comment text, so "gak" and "tidak" are one).
    public var keywords: [String]
    /// Offered only when one of its keywords is in the comment: a template about one situation (a flood, a missing
    /// child) that its topic alone does not name (a fire is a disaster too).
    public var keywordsRequired: Bool
    /// How much humour it carries.
    public var humor: HumorLevel
    /// The platforms it suits; empty means all.
    public var channels: [Platform]
    /// A short name for the UI.
    public var title: String
    /// The text with `{variables}`.
    public var text: TemplateText
    /// The sensitive topics it is written for (a condolence template for `death`).
    public var sensitive: [SensitiveTopic]
    /// What the reply does (`acknowledge`, `ask_dm`, `condolence` …); templates with the same purpose and
    /// language are equivalent when avoiding repeats.
    public var purpose: String
    /// Where it was defined, `FILE:LINE`, for messages.
    public var source: String

    /// A template built in code (files are read by `TemplateLibrary`).
    public init(id: String, version: Int = 1, lang: TextLanguage, intents: [Intent] = [], keywords: [String] = [],
                keywordsRequired: Bool = false, humor: HumorLevel = .none, channels: [Platform] = [], title: String, body: TemplateText,
                sensitive: [SensitiveTopic] = [], purpose: String = "acknowledge", source: String = "") {
        self.id = id
        self.version = version
        self.lang = lang
        self.intents = intents
        self.keywords = keywords
        self.keywordsRequired = keywordsRequired
        self.humor = humor
        self.channels = channels
        self.title = title
        self.text = body
        self.sensitive = sensitive
        self.purpose = purpose
        self.source = source
    }

    /// The body with the context's values filled in (missing ones stay visible as `{name}`); an Indonesian reply to a
    /// citizen who greeted with a salam answers it first ("Waalaikumsalam Kak Budi, …").
    public func render(_ context: RenderContext) -> String {
        let rendered = text.render(context)
        return lang == .indonesian && context.greetedWithSalam ? Salam.answering(rendered) : rendered
    }

    /// Whether it suits `platform` (no `channels` listed means every platform).
    public func suits(_ platform: Platform) -> Bool { channels.isEmpty || channels.contains(platform) }
}
