/// The formats of `meja report --format`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Terminal text with sparklines and bars.
    case text
    /// Markdown, for sharing.
    case md
    /// One tidy CSV table per figure family (`docs/report-csv.md`).
    case csv
    /// One self-contained HTML file with SVG charts.
    case html

    /// The whole report in this format; `width` is used by `text` only.
    public func render(_ report: Report, audience: ReportAudience, width: Int = 100) -> String {
        switch self {
        case .text: ReportText.lines(report, width: width, audience: audience).joined(separator: "\n") + "\n"
        case .md: ReportMarkdown.render(report, audience: audience)
        case .csv: ReportCSV.render(report, audience: audience)
        case .html: ReportHTML.render(report, audience: audience)
        }
    }
}
