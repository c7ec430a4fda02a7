import DeskCore
import Foundation

/// How an SLA state looks: a text glyph (readable without colour) and a styled object.
public enum SLABadge {
    /// `!!` breached, `!` at risk, `·` on track, `‖` paused, `✓` met, blank for none.
    public static func glyph(_ state: SLAState) -> String {
        switch state {
        case .breached: "!!"
        case .atRisk: "!"
        case .onTrack: "·"
        case .paused: "‖"
        case .met: "✓"
        case .none: ""
        }
    }

    public static func object(_ state: SLAState) -> UIObject {
        switch state {
        case .breached: .badgeBreached
        case .atRisk: .badgeAtRisk
        case .onTrack: .badgeOnTrack
        case .paused: .badgePaused
        case .met: .badgeMet
        case .none: .badgeNone
        }
    }

    /// Time left on a running clock (`1j20m`), or how late it is (`-2j05m`); empty for clocks that are not running.
    public static func timeLeft(_ clock: SLARecord.ClockStatus?, now: Date, strings: Strings) -> String {
        guard let clock, let due = clock.dueAt, [.onTrack, .atRisk, .breached].contains(clock.state) else { return "" }
        let seconds = Int(due.timeIntervalSince(now).rounded(.down))
        return seconds < 0 ? "-" + strings.duration(-seconds) : strings.duration(seconds)
    }
}
