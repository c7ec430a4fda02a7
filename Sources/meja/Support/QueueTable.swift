import DeskCore
import Foundation

/// The text table of queue items shared by `meja list` and `meja overdue`.
enum QueueTable {
    /// One line per item, fitted to `width` columns; comment text is made safe and cut by display width.
    static func render(_ items: [QueueItem], now: Date, width: Int) -> [String] {
        [header(width: width)] + items.map { line($0, now: now, width: width) }
    }

    /// The column headings of `render`.
    static func header(width: Int) -> String {
        row(["ID", "SLA", "PLATFORM", "AUTHOR", "AGE", "STATUS", "ASSIGNEE", "TEXT"], widths(width))
    }

    /// One item's line of `render`.
    static func line(_ item: QueueItem, now: Date, width: Int) -> String {
        let c = item.comment
        let text = SafeText.sanitize(c.text, lines: .fold)
        return row([String(c.id), badge(item, now: now) + (item.passedOver ? " ⇣" : ""), c.platform.rawValue,
                    SafeText.sanitize(c.author.atHandle), compact(now.timeIntervalSince(c.createdAt)),
                    c.status.rawValue, c.assignee ?? "-", text], widths(width))
    }

    /// The columns' widths: the text takes what the others leave.
    private static func widths(_ width: Int) -> [Int] {
        let fixed = [6, 12, 9, 16, 6, 15, 10]
        return fixed + [max(12, width - fixed.reduce(0, +) - fixed.count)]
    }

    private static func row(_ cells: [String], _ widths: [Int]) -> String {
        zip(cells, widths).map { TextLayout.fit($0, to: $1) }.joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// The SLA badge: a glyph readable without colour, then the time left (or overdue, with a minus).
    static func badge(_ item: QueueItem, now: Date) -> String {
        guard let clock = item.clock else { return "–" }
        switch clock.state {
        case .breached: return "!! -" + compact(now.timeIntervalSince(clock.dueAt ?? now))
        case .atRisk: return "! " + compact((clock.dueAt ?? now).timeIntervalSince(now))
        case .onTrack: return "· " + compact((clock.dueAt ?? now).timeIntervalSince(now))
        case .paused: return "‖ paused"
        case .met: return "✓ met"
        case .none: return "–"
        }
    }

    /// `3d4h`, `2h10m`, `45m`, `0m`.
    static func compact(_ seconds: TimeInterval) -> String {
        let m = max(0, Int(seconds / 60))
        if m >= 1440 { return "\(m / 1440)d\(m % 1440 / 60)h" }
        if m >= 60 { return "\(m / 60)h\(m % 60)m" }
        return "\(m)m"
    }
}
