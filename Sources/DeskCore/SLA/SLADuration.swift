/// A response-time target such as `1h business` or `3d calendar`.
public struct SLADuration: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Unit: String, Sendable, Codable { case minutes = "m", hours = "h", days = "d" }
    public enum Mode: String, Sendable, Codable {
        /// Counts only the agency's opening hours (the calendar).
        case business
        /// Counts every minute, day and night.
        case calendar
    }

    public var amount: Int
    public var unit: Unit
    public var mode: Mode

    public init(_ amount: Int, _ unit: Unit, _ mode: Mode) {
        self.amount = amount
        self.unit = unit
        self.mode = mode
    }

    /// Parses `N m|h|d [business|calendar]` (default business), e.g. `90m`, `4h business`, `2d calendar`.
    public init?(parsing text: String) {
        let words = text.lowercased().split(separator: " ").map(String.init)
        guard (1...2).contains(words.count), let last = words[0].last, let unit = Unit(rawValue: String(last)),
              let amount = Int(words[0].dropLast()), amount > 0, amount <= 100_000 else { return nil }
        var mode = Mode.business
        if words.count == 2 {
            guard let m = Mode(rawValue: words[1]) else { return nil }
            mode = m
        }
        self.init(amount, unit, mode)
    }

    /// The length in seconds, for minutes and hours (and days of 24 hours in calendar mode).
    public var seconds: Int {
        switch unit {
        case .minutes: amount * 60
        case .hours: amount * 3600
        case .days: amount * 86_400
        }
    }

    public var description: String { "\(amount)\(unit.rawValue) \(mode.rawValue)" }
}

/// When a running clock counts as at risk: a share of the target left, or a fixed time left.
public enum AtRiskThreshold: Hashable, Sendable, Codable, CustomStringConvertible {
    /// At risk when less than this share of the target is left (0.25 = 25 %).
    case share(Double)
    /// At risk when less than this much time is left (counted in the target's mode).
    case remaining(SLADuration)

    /// Parses `25%` or a duration such as `30m`.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") {
            guard let p = Double(t.dropLast()), p >= 0, p <= 100 else { return nil }
            self = .share(p / 100)
        } else if let d = SLADuration(parsing: t) {
            self = .remaining(d)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .share(let s): "\(Int((s * 100).rounded()))%"
        // Counted in the target's own mode, whatever the threshold was written with: the log names no mode for it
        // (`5m`, not a `5m business` that a calendar clock would not use).
        case .remaining(let d): "\(d.amount)\(d.unit.rawValue)"
        }
    }
}
