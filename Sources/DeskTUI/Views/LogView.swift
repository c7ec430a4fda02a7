import DeskCore
import Foundation

/// The accountability log: the newest events, and whether the hash chain verifies.
public enum LogView {
    public static func draw(_ state: AppState, on surface: inout some Surface) -> [(String, UIObject)] {
        let s = state.strings
        let body = Layout.body(state.size)
        let log = state.log
        let w = body.width
        let seqW = 7, atW = 12, actorW = 12, actionW = 14, hashW = 10
        let subjectW = max(6, w - seqW - atW - actorW - actionW - hashW - 6)
        surface.fill(row: body.row, col: 0, width: w, style: CellStyle(.heading))
        var col = 0
        for (title, width, right) in [(s[.colSeq], seqW, true), (s[.colTime], atW, false), (s[.colActor], actorW, false),
                                      (s[.colAction], actionW, false), (s[.colSubject], subjectW, false), (s[.colHash], hashW, false)] {
            surface.put(TextLayout.fit(title, to: width, alignRight: right), row: body.row, col: col, limit: width, style: CellStyle(.heading))
            col += width + 1
        }
        if log.events.isEmpty {
            surface.put(log.loaded ? s[.logEmpty] : s[.loading], row: body.row + 2, col: 2, style: CellStyle(.muted))
        }
        for i in 0..<Layout.listRows(state.size) {
            let index = log.cursor.scroll + i
            guard index < log.events.count else { break }
            let e = log.events[index]
            let h = index == log.cursor.selected
            let row = body.row + 1 + i
            surface.fill(row: row, col: 0, width: w, style: CellStyle(.text, highlighted: h))
            let at = Timestamp.parse(e.at).map { s.dateTime($0, zone: state.timeZone) } ?? e.at
            col = 0
            for (text, width, object, right) in [(String(e.seq), seqW, UIObject.muted, true), (at, atW, .muted, false),
                                                 (SafeText.sanitize(e.actor, limit: 64), actorW, .assignee, false),
                                                 (s.action(e.action), actionW, .text, false), (subject(e), subjectW, .text, false),
                                                 (String(e.hash.prefix(hashW - 1)) + "…", hashW, .muted, false)] {
                surface.put(TextLayout.fit(text, to: width, alignRight: right), row: row, col: col, limit: width, style: CellStyle(object, highlighted: h))
                col += width + 1
            }
        }
        // Only the newest events are loaded: say so when older ones exist — with where to read the rest when the line
        // has room, else without it, never cut inside a number ("newest 1000 of 24…").
        let older = log.events.first.map { $0.seq > 1 } == true
        let window = older ? "  " + s.format(.logWindow, String(log.events.count), String(log.events.last!.seq)) : ""
        let shortWindow = older ? "  " + s.format(.logWindowShort, String(log.events.count), String(log.events.last!.seq)) : ""
        let room = state.size.width - 2
        func noting(_ line: [(String, UIObject)]) -> [(String, UIObject)] {
            guard older else { return line }
            let used = line.reduce(0) { $0 + DisplayWidth.of($1.0) }
            return line + [(used + DisplayWidth.of(window) <= room ? window : shortWindow, .muted)]
        }
        guard let audit = log.verification else { return noting([(s[.verifying], .muted)]) }
        let report = audit.chain
        if let failure = report.failure {
            return [("✗ " + s.format(.chainBroken, String(failure.seq), failure.reason), .blocking)]
        }
        if let first = audit.state.disagreements.first {
            return [("✗ " + s.format(.stateDisagrees, String(audit.state.disagreementCount), SafeText.sanitize(first.message(s.language), limit: 200)), .blocking)]
        }
        // Times that go back do not break the chain (older logs hold them honestly), but reports "as of" a moment count
        // them: the same warning `meja log verify` prints.
        let regressions: [(String, UIObject)] = report.timeRegressions.first.map {
            [("  " + s.format(.logTimeRegressions, String(report.timeRegressionCount), String($0.seq)), .warning)]
        } ?? []
        // The head is meant to be noted and published: whole when the line has room, before the window's note; cut to
        // no less than 24 characters beside the whole note, else to no less than 12 beside the short one.
        let intact = ("✓ " + s.format(.chainIntact, String(report.count)) + s[.stateAgrees], UIObject.ok)
        let head = report.head ?? "–"
        let fixed = ([intact] + regressions).reduce(0) { $0 + DisplayWidth.of($1.0) } + DisplayWidth.of("  " + s.format(.chainHead, ""))
        let besideWhole = room - fixed - DisplayWidth.of(window)
        let headRoom = besideWhole >= 24 ? besideWhole : max(12, room - fixed - DisplayWidth.of(shortWindow))
        let shown = head.count <= headRoom ? head : String(head.prefix(headRoom - 1)) + "…"
        return noting([intact] + regressions + [("  " + s.format(.chainHead, shown), .muted)])
    }

    /// The subject, a reply's override reason (what a supervisor reading the log looks for, right after whose it was),
    /// and the most telling part of the payload.
    static func subject(_ e: LogEvent) -> String {
        let p = e.payloadValue
        var parts = [SafeText.sanitize(e.subject, limit: 64)]
        if let why = p["override_reason"]?.stringValue, !why.isEmpty {
            parts.append("⚠ override=" + SafeText.sanitize(why, lines: .fold, limit: 80))
        }
        if let key = ["to", "status", "text", "reason", "name"].first(where: { p[$0]?.stringValue?.isEmpty == false }) {
            parts.append(key + "=" + SafeText.sanitize(p[key]!.stringValue!, lines: .fold, limit: 80))
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
