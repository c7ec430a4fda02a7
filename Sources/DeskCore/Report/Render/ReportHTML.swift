/// The report as one self-contained HTML file: inline CSS, inline SVG charts (weekly volume and hit rate, the
/// first-response histogram, the backlog's age), no scripts, no external links or assets.
///
/// Readable in print and with a screen reader: a `lang` attribute (and `lang="en"` on the English half of
/// bilingual labels), semantic headings, tables labelled by their section's heading, every chart an `img` with a
/// `<title>` and `<desc>`, and every chart followed by the table of its values. The output is well-formed XML as well as HTML.
public enum ReportHTML {
    public static func render(_ report: Report, audience: ReportAudience = .supervisors) -> String {
        let layout = ReportLayout(report, audience: audience)
        var out = """
            <!DOCTYPE html>
            <html lang="\(audience.isPublic ? "id" : audience.language.rawValue)">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>\(escape(layout.title))</title>
            <style>\(css)</style>
            </head>
            <body>
            <main>
            <header>
            <h1>\(escape(layout.title))</h1>
            </header>

            """
        for table in layout.tables { out += section(table, audience: audience) }
        out += "<section id=\"notes\" aria-labelledby=\"h-notes\">\n<h2 id=\"h-notes\">\(label(ReportLabels.notesTitle, audience))</h2>\n<ul>\n"
        for note in ReportLabels.notes(passedOverThreshold: report.passedOverThreshold) { out += "<li>\(label(note, audience))</li>\n" }
        out += "</ul>\n</section>\n"
        if let head = report.logHead {
            out += """
                <footer>
                <p><strong>\(label(ReportLabels.logHead, audience))</strong>: <code class="head">\(escape(head))</code></p>
                <p>\(label(ReportLabels.logHeadNote, audience))</p>
                </footer>

                """
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    /// One figure family: heading, chart (if any), and its table.
    static func section(_ table: ReportTable, audience: ReportAudience) -> String {
        let id = table.family.replacingOccurrences(of: "_", with: "-")
        var out = "<section id=\"\(id)\" aria-labelledby=\"h-\(id)\">\n<h2 id=\"h-\(id)\">\(label(table.title, audience))</h2>\n"
        guard !table.rows.isEmpty else { return out + "<p>\(label(ReportLabels.noData, audience))</p>\n</section>\n" }
        if let chart = table.chart { out += ReportSVG.chart(table, chart, id: id, audience: audience) }
        let shown = table.columns.indices.filter { table.columns[$0].shown }
        out += "<table aria-labelledby=\"h-\(id)\">\n<thead><tr>"
        for c in shown { out += "<th scope=\"col\"\(table.columns[c].numeric && c != shown[0] ? " class=\"num\"" : "")>\(label(table.columns[c].label, audience))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for c in shown {
                let cell = row[c]
                let content = cell.label.map { label($0, audience) } ?? escape(cell.text)
                if c == shown[0] {
                    out += "<th scope=\"row\">\(content)</th>"
                } else {
                    out += "<td\(table.columns[c].numeric ? " class=\"num\"" : "")>\(content)</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// A label as markup: in public, `Bahasa / <span lang="en">English</span>`.
    static func label(_ l: ReportLabel, _ audience: ReportAudience) -> String {
        guard audience.isPublic, l.id != l.en else { return escape(l.text(audience)) }
        return "\(escape(l.id)) / <span lang=\"en\">\(escape(l.en))</span>"
    }

    /// Text made safe inside elements and quoted attributes, and inert (`SafeText`: escape sequences, controls, bidi
    /// overrides and invisible format characters are shown as marks or dropped, line breaks kept).
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in SafeText.sanitize(s, lines: .keep, limit: .max).unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Noncharacters XML forbids are dropped (`SafeText` has made every control visible).
                if c.value == 0xFFFE || c.value == 0xFFFF { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static let css = """

        :root { color-scheme: light; --ink: #1d2430; --muted: #5b6472; --bar: #2f6db5; --line: #b3261e; --rule: #d5d9e0; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; min-width: 50%; }
        th, td { border-bottom: 1px solid var(--rule); padding: .25rem .6rem; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ink); }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td { overflow-wrap: anywhere; }
        figure { margin: .5rem 0; }
        svg { max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
        svg .bar { fill: var(--bar); }
        svg .line { fill: none; stroke: var(--line); stroke-width: 2.5; stroke-dasharray: 6 3; }
        svg .dot { fill: var(--line); }
        svg .axis { stroke: var(--ink); stroke-width: 1; }
        svg .grid { stroke: var(--rule); stroke-width: 1; }
        svg text { fill: var(--ink); }
        svg .muted { fill: var(--muted); }
        code.head { word-break: break-all; }
        footer { margin-top: 2rem; padding-top: 1rem; border-top: 2px solid var(--rule); }
        @media print {
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          section, figure, table { break-inside: avoid; }
          svg .bar { fill: #555; }
          svg .line { stroke: #000; }
          svg .dot { fill: #000; }
        }

        """
}
