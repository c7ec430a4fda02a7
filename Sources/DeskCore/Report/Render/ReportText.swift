/// The report as terminal text: aligned tables with Unicode bars beside them and sparklines for the weekly trends,
/// fitted to a width. `meja report --format text` prints these lines; the desk's reports screen draws them.
public enum ReportText {
    /// The report's lines for a terminal `width` columns wide (at least 40 are used).
    public static func lines(_ report: Report, width: Int, audience: ReportAudience = .supervisors) -> [String] {
        lines(ReportLayout(report, audience: audience), width: width, logHead: report.logHead,
              notes: ReportLabels.notes(passedOverThreshold: report.passedOverThreshold))
    }

    /// The lines of a layout, then what its figures mean (`notes`, as in the HTML and Markdown reports).
    public static func lines(_ layout: ReportLayout, width: Int, logHead: String?, notes: [ReportLabel] = []) -> [String] {
        let width = Swift.max(40, width)
        let title = TextLayout.wrap(layout.title, width: width)
        var out = title + [String(repeating: "═", count: title.map(DisplayWidth.of).max() ?? 0)]
        for table in layout.tables {
            out.append("")
            out += lines(of: table, width: width, audience: layout.audience)
        }
        if !notes.isEmpty {
            let heading = ReportLabels.notesTitle.text(layout.audience)
            out += ["", TextLayout.truncate(heading, to: width), String(repeating: "─", count: Swift.min(width, DisplayWidth.of(heading)))]
            for note in notes {
                out += TextLayout.wrap(note.text(layout.audience), width: width - 4).enumerated().map { k, line in (k == 0 ? "  - " : "    ") + line }
            }
        }
        if layout.audience.isPublic, let logHead {
            out.append("")
            out += TextLayout.wrap("\(ReportLabels.logHead.text(.public)): \(logHead)", width: width)
            out += TextLayout.wrap(ReportLabels.logHeadNote.text(.public), width: width)
        }
        return out
    }

    /// One table: title, header, rows (with bars), sparklines.
    static func lines(of table: ReportTable, width: Int, audience: ReportAudience) -> [String] {
        let title = table.title.text(audience)
        var out = [TextLayout.truncate(title, to: width), String(repeating: "─", count: Swift.min(width, DisplayWidth.of(title)))]
        let shown = table.columns.indices.filter { table.columns[$0].shown }
        guard !table.rows.isEmpty else {
            out.append("  " + ReportLabels.noData.text(audience))
            return out
        }
        if table.keyValue {
            // Labels in one column; a label or value wider than its column wraps below itself, never cut. A value
            // that is one word (the log head's seq:hash, which people copy) goes whole on a line of its own instead,
            // where that line is wide enough.
            let labels = table.rows.map { $0[0].text }
            let labelWidth = Swift.min(width / 2 - 2, labels.map(DisplayWidth.of).max() ?? 0)
            let valueWidth = width - labelWidth - 4
            for (label, row) in zip(labels, table.rows) {
                let labelLines = TextLayout.wrap(label, width: labelWidth)
                let word = row[1].text
                if DisplayWidth.of(word) > valueWidth, DisplayWidth.of(word) <= width - 4, !word.contains(where: \.isWhitespace) {
                    out += labelLines.map { trimmed("  " + $0) }
                    out.append("    " + word)
                    continue
                }
                let value = TextLayout.wrap(row[1].text, width: valueWidth)
                for i in 0..<Swift.max(labelLines.count, value.count) {
                    let left = i < labelLines.count ? labelLines[i] : ""
                    out.append(trimmed("  " + TextLayout.fit(left, to: labelWidth) + "  " + (i < value.count ? value[i] : "")))
                }
            }
            return out
        }
        // Bilingual headers take two lines, Bahasa Indonesia above English.
        let labels = shown.map { table.columns[$0].label }
        var headers: [[String]] = audience.isPublic && labels.contains(where: { $0.id != $0.en })
            ? [labels.map(\.id), labels.map(\.en)] : [labels.map { $0.text(audience) }]
        let cellWidths = shown.map { c in table.rows.reduce(0) { Swift.max($0, DisplayWidth.of($1[c].text)) } }
        var widths = shown.indices.map { k in Swift.max(cellWidths[k], headers.map { DisplayWidth.of($0[k]) }.max() ?? 0) }
        if 2 + widths.reduce(0, { $0 + $1 + 2 }) > width {
            // Too wide: a header of several words ("Tepat waktu") wraps over lines, so that its column is only as
            // wide as its longest word or value (in the public report, each language's header in turn).
            for k in widths.indices.dropFirst() {
                let longestWord = headers.flatMap { $0[k].split(separator: " ") }.map { DisplayWidth.of(String($0)) }.max() ?? 0
                widths[k] = Swift.max(cellWidths[k], longestWord)
            }
            headers = headers.flatMap { header -> [[String]] in
                let wrapped = widths.indices.map { k in k == 0 ? [header[0]] : TextLayout.wrap(header[k], width: widths[k]) }
                let lines = wrapped.map(\.count).max() ?? 1
                // Bottom-aligned, so that the last word of every header sits on the line above the numbers.
                return (0..<lines).map { line in wrapped.map { w in line - (lines - w.count) >= 0 ? w[line - (lines - w.count)] : "" } }
            }
        }
        // The first column gives way when the table is too wide.
        let rest = widths.dropFirst().reduce(0) { $0 + $1 + 2 }
        widths[0] = Swift.max(Swift.min(12, widths[0]), Swift.min(widths[0], width - 2 - rest))
        // Still too wide (a narrow terminal): the line is cut at the edge.
        func row(_ cells: [String]) -> String {
            TextLayout.truncate("  " + zip(shown.indices, cells).map { k, text in
                TextLayout.fit(text, to: widths[k], alignRight: table.columns[shown[k]].numeric && k > 0)
            }.joined(separator: "  "), to: width)
        }
        for header in headers { out.append(trimmed(row(header))) }
        let used = 2 + widths.reduce(0) { $0 + $1 + 2 }
        let barWidth = Swift.min(30, width - used - 1)
        for cells in table.rows {
            // A first cell wider than its column (a clock's name in Bahasa Indonesia, both languages in the public
            // report) wraps below itself rather than losing its end.
            let first = cells[shown[0]].text
            let parts = DisplayWidth.of(first) > widths[0] ? TextLayout.wrap(first, width: widths[0]) : [first]
            var line = row([parts.first ?? ""] + shown.dropFirst().map { cells[$0].text })
            if let bar = table.bar, barWidth >= 4 {
                line += "  " + Self.bar(cells[bar.column].value, full: full(bar, table), width: barWidth)
            }
            out.append(trimmed(line))
            for more in parts.dropFirst() { out.append(trimmed("  " + more)) }
        }
        if !table.sparklines.isEmpty {
            let names = table.sparklines.map { table.columns[$0.column].label.text(audience) }
            let nameWidth = names.map(DisplayWidth.of).max() ?? 0
            for (spark, name) in zip(table.sparklines, names) {
                let values = table.rows.map { $0[spark.column].value }
                out.append(trimmed("  " + TextLayout.fit(name, to: nameWidth) + "  " + sparkline(values, full: full(spark, table))))
            }
        }
        return out
    }

    /// Eighth blocks, `▁▂▃▄▅▆▇█`, one per value scaled to `full` (`·` where there is no value).
    public static func sparkline(_ values: [Double?], full: Double) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return String(values.map { v -> Character in
            guard let v else { return "·" }
            guard full > 0 else { return blocks[0] }
            return blocks[Swift.max(0, Swift.min(7, Int((v / full * 7).rounded())))]
        })
    }

    /// A horizontal bar of `width` columns at most, in eighths of a column (`█▉▊▋▌▍▎▏`).
    public static func bar(_ value: Double?, full: Double, width: Int) -> String {
        guard let value, full > 0, value > 0 else { return "" }
        let eighths = Swift.max(1, Int((Swift.min(1, value / full) * Double(width * 8)).rounded()))
        let partial: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }

    private static func full(_ bar: ReportTable.Bar, _ table: ReportTable) -> Double {
        bar.full ?? table.rows.compactMap { $0[bar.column].value }.max() ?? 0
    }

    private static func trimmed(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
