/// A colour as a theme writes it: the terminal's own default, an xterm palette index, or an RGB value.
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's default foreground or background.
    case terminalDefault
    /// An index into the xterm 256-colour palette (0–7 the basic colours, 8–15 their bright forms).
    case index(Int)
    case rgb(UInt8, UInt8, UInt8)

    private static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "grey": 8, "gray": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses `default`, a colour name (`red`, `bright-blue`), `0`…`255` or `#rrggbb`.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "default" || t == "none" { self = .terminalDefault; return }
        if let n = ThemeColor.names[t] { self = .index(n); return }
        if let n = Int(t), (0...255).contains(n) { self = .index(n); return }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
            return
        }
        return nil
    }

    /// The curses colour number at a colour depth: -1 for the terminal default; nil when colours are off or
    /// the colour has no fair stand-in at that depth (a mid grey on an 8-colour terminal), in which case the
    /// role's `mono` attributes are used instead.
    public func number(depth: ColorDepth) -> Int? {
        switch depth {
        case .none: return nil
        case .colors256:
            switch self {
            case .terminalDefault: return -1
            case .index(let n): return n
            case .rgb(let r, let g, let b): return ThemeColor.nearest256(r, g, b)
            }
        case .colors8:
            switch self {
            case .terminalDefault: return -1
            case .index(let n) where n < 8: return n
            case .index(let n) where n < 16: return n == 8 ? nil : n - 8
            case .index(let n):
                let (r, g, b) = ThemeColor.rgbOf256(n)
                return ThemeColor.nearest8(r, g, b)
            case .rgb(let r, let g, let b): return ThemeColor.nearest8(r, g, b)
            }
        }
    }

    /// The RGB value of an xterm palette entry.
    static func rgbOf256(_ n: Int) -> (UInt8, UInt8, UInt8) {
        if n < 16 { return basic16[n] }
        if n >= 232 {
            let v = UInt8(8 + (n - 232) * 10)
            return (v, v, v)
        }
        let i = n - 16
        let level: (Int) -> UInt8 = { $0 == 0 ? 0 : UInt8(55 + $0 * 40) }
        return (level(i / 36), level(i / 6 % 6), level(i % 6))
    }

    private static let basic16: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr * 3 + dg * dg * 4 + db * db * 2
    }

    /// The closest entry of the 6×6×6 cube or the grey ramp (16–255).
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        (16...255).min { distance(rgbOf256($0), (r, g, b)) < distance(rgbOf256($1), (r, g, b)) }!
    }

    /// The closest of the eight basic colours, judged by hue rather than brightness so that a dark red stays
    /// red; nil for a mid grey, which no basic colour stands in for on both dark and light backgrounds.
    static func nearest8(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int? {
        let hi = max(r, g, b), lo = min(r, g, b)
        if Int(hi) - Int(lo) < 40 { return hi >= 200 ? 7 : hi <= 50 ? 0 : nil }
        let threshold = (Int(hi) + Int(lo)) / 2
        let bits = (Int(r) > threshold ? 1 : 0) | (Int(g) > threshold ? 2 : 0) | (Int(b) > threshold ? 4 : 0)
        return bits == 7 ? 7 : bits
    }
}

/// How many colours the terminal can show.
public enum ColorDepth: String, Sendable, CaseIterable {
    /// No colour at all (`TERM=vt100`, `NO_COLOR`, the monochrome theme): attributes and glyphs only.
    case none
    case colors8 = "8"
    case colors256 = "256"

    /// The depth for a terminal that reports `colors` colours, unless `NO_COLOR` is set.
    public static func detect(colors: Int, hasColors: Bool, environment: [String: String]) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard hasColors else { return .none }
        if colors >= 256 { return .colors256 }
        if colors >= 8 { return .colors8 }
        return .none
    }
}
