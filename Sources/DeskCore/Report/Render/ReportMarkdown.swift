/// The report as Markdown, for sharing: a heading, the period facts, and one pipe table per figure family.
public enum ReportMarkdown {
    public static func render(_ report: Report, audience: ReportAudience = .supervisors) -> String {
        let layout = ReportLayout(report, audience: audience)
        var out = ["# " + escape(layout.title)]
        for table in layout.tables {
            out += ["", "## " + escape(table.title.text(audience)), ""]
            guard !table.rows.isEmpty else {
                out.append("_\(ReportLabels.noData.text(audience))_")
                continue
            }
            let shown = table.columns.filter(\.shown)
            let indices = table.columns.indices.filter { table.columns[$0].shown }
            out.append("| " + shown.map { escape($0.label.text(audience)) }.joined(separator: " | ") + " |")
            out.append("|" + shown.enumerated().map { k, c in c.numeric && k > 0 ? " ---: " : " --- " }.joined(separator: "|") + "|")
            for row in table.rows { out.append("| " + indices.map { escape(row[$0].text) }.joined(separator: " | ") + " |") }
        }
        out += ["", "## " + escape(ReportLabels.notesTitle.text(audience)), ""]
        for note in ReportLabels.notes(passedOverThreshold: report.passedOverThreshold) { out.append("- " + escape(note.text(audience))) }
        if audience.isPublic, let head = report.logHead {
            out += ["", "**\(escape(ReportLabels.logHead.text(audience)))**: `\(head)`", "", escape(ReportLabels.logHeadNote.text(audience))]
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Text made inert in Markdown: table pipes, emphasis and link characters are escaped.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\|*_[]<>#`".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
