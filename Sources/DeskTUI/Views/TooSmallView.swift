import DeskCore

/// What a terminal below the minimum size shows: the size it has, the size needed, and how to get out.
public enum TooSmallView {
    public static func draw(_ state: AppState, on surface: inout some Surface) {
        let s = state.strings
        let w = state.size.width
        let h = state.size.height
        guard w > 0, h > 0 else { return }
        let need = AppState.minimumSize
        let text = s.format(.tooSmall, "\(w)×\(h)", "\(need.width)×\(need.height)")
        let lines = TextLayout.wrap(text, width: max(1, w - 2))
        let top = max(0, (h - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < h {
            let col = max(0, (w - DisplayWidth.of(line)) / 2)
            surface.put(line, row: top + i, col: col, style: CellStyle(i == 0 ? .warning : .text))
        }
    }
}
