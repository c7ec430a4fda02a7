/// The language of a comment or template.
public enum TextLanguage: String, CaseIterable, Sendable, Codable {
    /// Bahasa Indonesia (including slang).
    case indonesian = "id"
    /// English.
    case english = "en"
    /// Code-mixed Indonesian and English, common on Indonesian social media.
    case mixed

    /// The languages a template may be written in (`mixed` is only ever detected).
    public static let templateLanguages: [TextLanguage] = [.indonesian, .english]
}
