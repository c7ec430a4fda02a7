import DeskCore

/// A small framed list to choose from (staff to assign to, status to set).
public enum PickerView {
    /// What the list chooses, as its frame (and the help over it) names it.
    static func title(_ picker: PickerState, _ s: Strings) -> String {
        switch picker.kind {
        case .assign(let id): s.format(.pickAssignee, String(id))
        case .status(let id): s.format(.pickStatus, String(id))
        case .intent(let id, let now): s.format(.pickIntent, String(id), now.map(s.intent) ?? "—")
        case .assignMarked(let ids): s.format(.pickAssigneeMarked, String(ids.count))
        case .statusMarked(let ids): s.format(.pickStatusMarked, String(ids.count))
        case .intentMarked(let ids): s.format(.pickIntentMarked, String(ids.count))
        }
    }

    public static func draw(_ picker: PickerState, state: AppState, on surface: inout some Surface) {
        let s = state.strings
        let title = title(picker, s)
        let widest = max(DisplayWidth.of(title) + 6, (picker.options.map { DisplayWidth.of($0.label) }.max() ?? 10) + 6)
        let width = min(state.size.width - 4, max(30, widest))
        let height = min(state.size.height - 4, picker.options.count + 2)
        let rect = Rect(row: max(1, (state.size.height - height) / 2), col: (state.size.width - width) / 2, width: width, height: height)
        HelpOverlay.box(rect, title: title, on: &surface)
        let inner = rect.inset(1)
        for i in 0..<inner.height {
            let index = picker.cursor.scroll + i
            guard index < picker.options.count else { break }
            let selected = index == picker.cursor.selected
            surface.fill(row: inner.row + i, col: inner.col, width: inner.width, style: CellStyle(.text, highlighted: selected))
            surface.put(" " + SafeText.sanitize(picker.options[index].label, limit: 200), row: inner.row + i, col: inner.col,
                        limit: inner.width, style: CellStyle(.text, highlighted: selected))
        }
    }
}
