/// A text in both languages of the desk: Bahasa Indonesia and English.
///
/// The desk's labels, the reports' labels and the reasons the core gives (tone verdicts, suggestions) are all
/// written in both, and shown in the reader's language.
public struct Localized: Sendable, Hashable {
    public let id: String
    public let en: String

    public init(id: String, en: String) {
        self.id = id
        self.en = en
    }

    /// The same, without labels: `Localized("keluhan", "complaint")`.
    public init(_ id: String, _ en: String) {
        self.init(id: id, en: en)
    }

    /// The same text in both languages (a name, a number).
    public init(both text: String) {
        self.init(id: text, en: text)
    }

    /// The text in `language`.
    public func callAsFunction(_ language: Language) -> String { language == .id ? id : en }
}
