import DeskCore

/// The reports screen for supervisors: the core's text report of the period shown — the same lines as
/// `meja report --format text`, with its bars and sparklines — fitted to the screen's width and scrolled; the
/// period in the status line. While the report is being computed (in the background) it says so.
public enum ReportsView {
    public static func draw(_ state: AppState, on surface: inout some Surface) -> [(String, UIObject)] {
        let s = state.strings
        let body = Layout.body(state.size)
        let doc = document(state)
        let scroll = min(state.reports.scroll, max(0, doc.lines.count - body.height))
        doc.draw(in: Rect(row: body.row, col: 1, width: body.width - 2, height: body.height), scroll: scroll, on: &surface)
        let r = state.reports
        guard let period = r.period else { return [] }
        let back = switch r.periodOffset {
        case 0: s[.reportsEndingToday]
        case 1: s[.reportsWeekEarlier]
        default: s.format(.reportsWeeksEarlier, String(r.periodOffset))
        }
        // In reading order, each with its rank: on a narrow line the least important go, rather than being cut.
        var pieces: [(text: String, object: UIObject, rank: Int)] = [
            (s.format(.reportsPeriod, s.period(period, zone: state.timeZone)), .status, 0), ("  " + back, .muted, 3),
        ]
        if r.audience.isPublic { pieces.append(("  " + s[.reportsPublicView], .warning, 1)) }
        if doc.lines.count > body.height {
            pieces.append(("  " + s.format(.linesShown, String(scroll + 1), String(doc.lines.count)), .muted, 2))
        }
        var room = state.size.width - 2
        var kept = Set<Int>()
        for i in pieces.indices.sorted(by: { pieces[$0].rank < pieces[$1].rank }) where DisplayWidth.of(pieces[i].text) <= room {
            kept.insert(i)
            room -= DisplayWidth.of(pieces[i].text)
        }
        return pieces.indices.filter(kept.contains).map { (pieces[$0].text, pieces[$0].object) }
    }

    /// Lines on the screen (for scrolling).
    public static func lineCount(_ state: AppState) -> Int { document(state).lines.count }

    static func document(_ state: AppState) -> Document {
        let s = state.strings
        let width = Layout.body(state.size).width - 2
        var doc = Document(width: width)
        let r = state.reports
        guard let period = r.period else { return doc }
        guard let report = r.report else {
            doc.blank()
            if r.isComputing {
                doc.add(("  " + s.format(.reportsComputing, s.period(period, zone: state.timeZone)), .muted))
            } else {
                doc.add(("  " + s[.reportsFailed], .error))
            }
            return doc
        }
        // Channel and tag names come from imported data: made inert like every other text from outside.
        let lines = ReportText.lines(report, width: width, audience: r.audience).map { SafeText.sanitize($0, lines: .fold) }
        for (i, line) in lines.enumerated() {
            let underlined = i + 1 < lines.count && isRule(lines[i + 1])
            doc.add((line, isRule(line) ? .muted : underlined && !line.isEmpty ? .heading : .text))
        }
        return doc
    }

    /// A line of `═` or `─` only: the rule under the report's title or a table's.
    private static func isRule(_ line: String) -> Bool {
        !line.isEmpty && line.allSatisfy { $0 == "═" || $0 == "─" }
    }
}
