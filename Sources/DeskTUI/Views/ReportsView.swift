/// The reports screen. Its figures come from the core's report functions (issue 7); until the desk is given
/// them it says so instead of computing anything itself.
public enum ReportsView {
    public static func draw(_ state: AppState, on surface: inout some Surface) -> [(String, UIObject)] {
        let s = state.strings
        let body = Layout.body(state.size)
        var doc = Document(width: body.width - 2)
        doc.heading(s[.reportsTitle])
        doc.blank()
        doc.paragraph(s[.reportsUnavailable], .muted, indent: 2)
        doc.draw(in: Rect(row: body.row, col: 1, width: body.width - 2, height: body.height), scroll: state.reports.scroll, on: &surface)
        return [(s.format(.reportsPeriod, String(state.reports.periodOffset)), .status)]
    }
}
