/// One key press as the desk understands it, independent of curses.
///
/// Keys have a canonical name (`j`, `G`, `enter`, `shift-tab`, `ctrl-t`, `f1`) used in `keys.toml` and the
/// generated key reference, and a short label for the footer and the help overlay.
public enum Key: Hashable, Sendable, Comparable {
    /// A printable character, exactly as typed (`j`, `G`, `?`, `é`, an emoji).
    case char(Character)
    /// Control plus a letter (`ctrl-t` is `.ctrl("t")`), or `ctrl-_`.
    case ctrl(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case insert
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    case function(Int)
    /// The terminal changed size (not bindable).
    case resize
    /// Text pasted in one piece (a bracketed paste; not bindable): typed where text is typed, ignored elsewhere.
    case paste(String)

    /// Names of the keys that are not a single character.
    private static let named: [(String, Key)] = [
        ("enter", .enter), ("esc", .escape), ("tab", .tab), ("shift-tab", .backTab), ("backspace", .backspace),
        ("delete", .delete), ("insert", .insert), ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("home", .home), ("end", .end), ("pgup", .pageUp), ("pgdn", .pageDown), ("space", .char(" ")),
    ]

    /// Other spellings accepted in `keys.toml`.
    private static let aliases: [String: Key] = [
        "return": .enter, "escape": .escape, "backtab": .backTab, "s-tab": .backTab, "bs": .backspace,
        "del": .delete, "ins": .insert, "pageup": .pageUp, "pagedown": .pageDown, "page-up": .pageUp,
        "page-down": .pageDown, "spacebar": .char(" "),
    ]

    /// Parses a key name as written in `keys.toml`: a single character, a name such as `enter` or `pgdn`,
    /// `ctrl-x` (also `c-x` and `^x`), or `f1`…`f12`. Returns nil for anything else.
    public init?(name raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.count == 1, let c = text.first {
            guard !c.isWhitespace || c == " ", c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return nil }
            self = .char(c)
            return
        }
        let lower = text.lowercased()
        if let found = Key.named.first(where: { $0.0 == lower }) { self = found.1; return }
        if let found = Key.aliases[lower] { self = found; return }
        for prefix in ["ctrl-", "c-", "ctrl+", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, ("a"..."z").contains(c) || c == "_" else { return nil }
            self = .ctrl(c)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        return nil
    }

    /// The canonical name, as `keys.toml` and `docs/keys.md` write it.
    public var name: String {
        switch self {
        case .char(" "): return "space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "ctrl-\(c)"
        case .function(let n): return "f\(n)"
        case .resize: return "resize"
        case .paste: return "paste"
        default: return Key.named.first { $0.1 == self }?.0 ?? "?"
        }
    }

    /// A short label for the footer and the help overlay (`⏎`, `^T`, `↓`).
    public var label: String {
        switch self {
        case .enter: return "⏎"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "⌫"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .ctrl(let c): return "^" + String(c).uppercased()
        case .function(let n): return "F\(n)"
        case .char(" "): return "Space"
        default: return name
        }
    }

    /// True for keys that type a character (what the composer and prompts insert as text).
    public var isPrintable: Bool {
        if case .char = self { return true }
        return false
    }

    public static func < (a: Key, b: Key) -> Bool { (a.sortRank, a.name) < (b.sortRank, b.name) }

    private var sortRank: Int {
        switch self {
        case .char: 0
        case .ctrl: 2
        case .function: 3
        default: 1
        }
    }
}
