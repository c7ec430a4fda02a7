import DeskCore

/// The `?` overlay: the live key table of the screen (or the list to choose from) underneath, as rebound in keys.toml,
/// without the actions the user's role may not take.
public enum HelpOverlay {
    /// What the overlay explains: the picker when one is open, else the screen.
    static func context(_ state: AppState) -> KeyContext { state.picker != nil ? .picker : state.screen.context }

    /// The rows: keys and description, for the context under the overlay.
    static func rows(_ state: AppState, keys: KeyMap) -> [(keys: String, text: String, record: Bool)] {
        let context = context(state)
        return ActionTable.actions(in: context).filter { state.isSupervisor || !$0.supervisorOnly }.compactMap { spec in
            let bound = keys.keys(for: spec.id, in: context)
            guard !bound.isEmpty else { return nil }
            return (bound.map(\.label).joined(separator: " "), spec.summary(state.language), spec.changesRecord)
        }
    }

    /// How many lines the overlay has with the bindings in force (a rebound key's label can wrap a description).
    public static func lineCount(_ state: AppState) -> Int { lines(state, keys: state.keys).lines.count }

    /// The overlay's lines at the screen's width: each description wrapped under its keys (never cut), then the note
    /// on ✎; and the width of the keys column.
    static func lines(_ state: AppState, keys: KeyMap) -> (lines: [(keys: String, text: String)], keyWidth: Int) {
        let all = rows(state, keys: keys)
        let keyWidth = min(16, (all.map { DisplayWidth.of($0.keys) }.max() ?? 4) + 1)
        let room = max(8, Layout.overlay(state.size).inset(1).width - keyWidth - 3)
        var out: [(keys: String, text: String)] = []
        func add(_ keys: String, mark: String, _ text: String) {
            for (i, line) in TextLayout.wrap(text, width: room - 2).enumerated() {
                out.append(i == 0 ? (keys, mark + line) : ("", "  " + line))
            }
        }
        for row in all { add(row.keys, mark: row.record ? "✎ " : "  ", row.text) }
        if all.contains(where: \.record) {
            out.append(("", ""))
            add("✎", mark: "  ", state.strings[.helpRecordNote])
        }
        // The lists' signs, which no key explains.
        if [.queue, .overdue, .passedOver].contains(context(state)) {
            out.append(("", ""))
            add("!! ! · ‖", mark: "  ", state.strings[.helpSignsClock])
            add("● ⇣ ▲ ✉ ✐ ⚑", mark: "  ", state.strings[.helpSignsRow])
        }
        return (out, keyWidth)
    }

    public static func draw(_ state: AppState, keys: KeyMap, on surface: inout some Surface) {
        let s = state.strings
        let frame = Layout.overlay(state.size)
        // The key that closes it, as keys.toml binds it.
        let close = keys.keys(for: .back, in: .help).first?.label ?? "q"
        box(frame, title: s.format(.helpTitle, state.picker.map { PickerView.title($0, s) } ?? s.screenTitle(state.screen), close), on: &surface)
        let inner = frame.inset(1)
        let (lines, keyWidth) = lines(state, keys: keys)
        let scroll = min(state.help ?? 0, max(0, lines.count - inner.height))
        let room = inner.width - keyWidth - 3
        for i in 0..<inner.height {
            let index = scroll + i
            guard index < lines.count else { break }
            let row = inner.row + i
            surface.put(TextLayout.fit(lines[index].keys, to: keyWidth), row: row, col: inner.col + 1, limit: keyWidth, style: CellStyle(.footerKey))
            surface.put(TextLayout.truncate(lines[index].text, to: room), row: row, col: inner.col + 2 + keyWidth, limit: room, style: CellStyle(.text))
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
