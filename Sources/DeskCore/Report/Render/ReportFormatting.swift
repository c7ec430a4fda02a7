import Foundation

/// How report figures are written for people and for CSV.
public struct ReportFormatting: Sendable {
    public let zone: TimeZone
    /// Whether percentages are written with a decimal comma, as Bahasa Indonesia writes them (`83,3%`); CSV keeps the
    /// point whatever the language (`fraction`).
    public let decimalComma: Bool

    public init(zone: TimeZone, decimalComma: Bool = false) {
        self.zone = zone
        self.decimalComma = decimalComma
    }

    /// The local date of an instant, `2026-11-04`.
    public func date(_ d: Date) -> String { String(Timestamp.local(d, in: zone).prefix(10)) }

    /// A local date and time with the zone's name, `2026-12-01 10:00 WIB`.
    public func instant(_ d: Date) -> String {
        let local = Timestamp.local(d, in: zone)
        return local.prefix(10) + " " + local.dropFirst(11).prefix(5) + " " + SLAPromise.zoneName(zone, offset: zone.secondsFromGMT(for: d))
    }

    /// Minutes as hours and minutes, `0:35`, `26:05`; `–` for none.
    public func duration(_ minutes: Int?) -> String {
        guard let m = minutes else { return "–" }
        return "\(m / 60):" + (m % 60 < 10 ? "0" : "") + String(m % 60)
    }

    /// A share as a percentage with one decimal, `83.3%` (`83,3%` with a decimal comma); `–` for none.
    public func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10)\(decimalComma ? "," : ".")\(tenths % 10)%"
    }

    /// A share for CSV with four decimals, `0.8333`; empty for none.
    public func fraction(_ share: Double?) -> String {
        guard let share else { return "" }
        let n = Int((share * 10_000).rounded())
        let digits = String(n % 10_000)
        return "\(n / 10_000)." + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
