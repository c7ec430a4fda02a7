import Foundation

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

    /// A reply's length as the platform counts it against `replyLimit`.
    ///
    /// - X weighs characters after Unicode normalisation (twitter-text's weighted length): Latin, Indonesian and most
    ///   punctuation 1, CJK and other scripts 2, an emoji (with its modifiers and joiners) 2, and every link 23
    ///   whatever its length, bare domains (`contoh.go.id/ktp`) included.
    /// - Mastodon counts characters, every link written with `https://` as 23.
    /// - On both, an unfilled `{link}` counts as the link it will be.
    /// - The others count characters (grapheme clusters).
    public func replyLength(_ text: String) -> Int {
        switch self {
        case .x, .mastodon:
            // A {link} staff have yet to fill in will count as the link it becomes.
            let filled = text.replacingOccurrences(of: "{link}", with: "https://link.invalid")
            let counted = self == .x ? filled.precomposedStringWithCanonicalMapping : filled
            var length = 0
            var from = counted.startIndex
            for link in LinkSpotter.links(in: counted) where self == .x || link.hasScheme {
                length += count(counted[from..<link.range.lowerBound]) + Self.linkLength
                from = link.range.upperBound
            }
            return length + count(counted[from...])
        default:
            return text.count
        }
    }

    /// How long a link counts on X and Mastodon, whatever its length (they shorten it).
    static let linkLength = 23

    private func count(_ text: Substring) -> Int {
        guard self == .x else { return text.count }
        return text.reduce(0) { total, character in
            let scalars = character.unicodeScalars
            if scalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F || $0.value == 0x200D }) {
                return total + 2
            }
            return total + scalars.reduce(0) { $0 + (Self.weighsOne($1.value) ? 1 : 2) }
        }
    }

    /// twitter-text's ranges of weight 1: Latin and the scripts before Hangul Jamo, general punctuation's spaces,
    /// dashes, quotes and primes.
    private static func weighsOne(_ v: UInt32) -> Bool {
        v <= 0x10FF || (0x2000...0x200D).contains(v) || (0x2010...0x201F).contains(v) || (0x2032...0x2037).contains(v)
    }

    /// The longest reply the platform accepts, as `replyLength` counts it, where one is known.
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
