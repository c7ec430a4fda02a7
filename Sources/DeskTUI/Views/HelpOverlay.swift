import DeskCore

/// The `?` overlay: the live key table of the screen underneath (as rebound in keys.toml), without the
/// actions the user's role may not take.
public enum HelpOverlay {
    /// The rows: keys and description, for the context under the overlay.
    static func rows(_ state: AppState, keys: KeyMap) -> [(keys: String, text: String, record: Bool)] {
        let context = state.screen.context
        return ActionTable.actions(in: context).filter { state.isSupervisor || !$0.supervisorOnly }.compactMap { spec in
            let bound = keys.keys(for: spec.id, in: context)
            guard !bound.isEmpty else { return nil }
            return (bound.map(\.label).joined(separator: " "), spec.summary(state.language), spec.changesRecord)
        }
    }

    public static func lineCount(_ state: AppState) -> Int { rows(state, keys: .defaults).count + 2 }

    public static func draw(_ state: AppState, keys: KeyMap, on surface: inout some Surface) {
        let s = state.strings
        let frame = Layout.overlay(state.size)
        box(frame, title: s.format(.helpTitle, s.screenTitle(state.screen)), on: &surface)
        let inner = frame.inset(1)
        let all = rows(state, keys: keys)
        let keyWidth = min(16, (all.map { DisplayWidth.of($0.keys) }.max() ?? 4) + 1)
        var lines: [(String, String, Bool)] = all.map { ($0.keys, $0.text, $0.record) }
        lines.append(("", "", false))
        lines.append(("✎", s[.helpRecordNote], false))
        let scroll = min(state.help ?? 0, max(0, lines.count - inner.height))
        for i in 0..<inner.height {
            let index = scroll + i
            guard index < lines.count else { break }
            let (k, text, record) = lines[index]
            let row = inner.row + i
            surface.put(TextLayout.fit(k, to: keyWidth), row: row, col: inner.col + 1, limit: keyWidth, style: CellStyle(.footerKey))
            let mark = record ? "✎ " : "  "
            let room = inner.width - keyWidth - 3
            surface.put(TextLayout.truncate(mark + text, to: room), row: row, col: inner.col + 2 + keyWidth, limit: room, style: CellStyle(.text))
        }
    }

    /// A framed, blanked rectangle with a title in its top edge.
    static func box(_ rect: Rect, title: String, on surface: inout some Surface) {
        surface.fill(rect, style: CellStyle(.text))
        let horizontal = String(repeating: "─", count: max(0, rect.width - 2))
        surface.put("┌" + horizontal + "┐", row: rect.row, col: rect.col, limit: rect.width, style: CellStyle(.frame))
        for r in (rect.row + 1)..<max(rect.row + 1, rect.bottom - 1) {
            surface.put("│", row: r, col: rect.col, style: CellStyle(.frame))
            surface.put("│", row: r, col: rect.right - 1, style: CellStyle(.frame))
        }
        surface.put("└" + horizontal + "┘", row: rect.bottom - 1, col: rect.col, limit: rect.width, style: CellStyle(.frame))
        surface.put(" " + TextLayout.truncate(title, to: rect.width - 6) + " ", row: rect.row, col: rect.col + 2, limit: rect.width - 4,
                    style: CellStyle(.heading))
    }
}
