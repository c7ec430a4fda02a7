/// A social platform (or other channel type) a comment came from.
///
/// Any lower-case word is accepted so an agency can import from platforms Meja does not know yet;
/// the well-known ones have constants and display names.
public struct Platform: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Parses a platform name as found in import files: trimmed, lower-cased, one word of letters, digits, `-` or `_`.
    public init?(parsing text: String) {
        let known = ["x", "mastodon", "facebook", "instagram", "youtube", "email", "web"]
        if let exact = known.first(where: { $0 == text }) {
            self.rawValue = exact
            return
        }
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !word.isEmpty, word.count <= 32,
              word.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
        else { return nil }
        self.rawValue = word
    }

    public static let mastodon = Platform(rawValue: "mastodon")
    public static let x = Platform(rawValue: "x")
    public static let facebook = Platform(rawValue: "facebook")
    public static let instagram = Platform(rawValue: "instagram")
    public static let youtube = Platform(rawValue: "youtube")
    public static let email = Platform(rawValue: "email")
    public static let web = Platform(rawValue: "web")

    /// The five social platforms Meja ships importers for.
    public static let social: [Platform] = [.mastodon, .x, .facebook, .instagram, .youtube]

    /// The longest reply the platform accepts, in characters (grapheme clusters), where one is known.
    public var replyLimit: Int? {
        switch self {
        case .x: 280
        case .mastodon: 500
        case .instagram: 2_200
        case .youtube: 10_000
        case .facebook: 8_000
        default: nil
        }
    }

    /// A short human name ("X", "YouTube").
    public var displayName: String {
        switch self {
        case .mastodon: "Mastodon"
        case .x: "X"
        case .facebook: "Facebook"
        case .instagram: "Instagram"
        case .youtube: "YouTube"
        case .email: "E-mail"
        case .web: "Web"
        default: rawValue
        }
    }

    public var description: String { rawValue }
    public static func < (a: Platform, b: Platform) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
