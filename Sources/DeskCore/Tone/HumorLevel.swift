/// How much lightness a reply may carry.
public enum HumorLevel: Int, CaseIterable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Plain, respectful, no jokes and no playful emoji.
    case none = 0
    /// Warm and friendly ("Halo Kak 😊"), still no joke.
    case warm = 1
    /// A light, kind, self-deprecating joke, only when the citizen is joking too.
    case light = 2

    /// The level's name in both languages: `tanpa humor` / `none`, `hangat` / `warm`, `canda ringan` / `light joke`.
    public var label: Localized {
        switch self {
        case .none: Localized("tanpa humor", "none")
        case .warm: Localized("hangat", "warm")
        case .light: Localized("canda ringan", "light joke")
        }
    }

    /// Parses 0, 1 or 2.
    public init?(level: Int) { self.init(rawValue: level) }

    /// Lower humour sorts first.
    public static func < (a: HumorLevel, b: HumorLevel) -> Bool { a.rawValue < b.rawValue }

    /// `0 (none)`, `1 (warm)`, `2 (light joke)`.
    public var description: String {
        switch self {
        case .none: "0 (none)"
        case .warm: "1 (warm)"
        case .light: "2 (light joke)"
        }
    }
}
