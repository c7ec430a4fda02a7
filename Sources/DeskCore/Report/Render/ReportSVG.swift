import Foundation

/// Inline SVG charts drawn from a report table: bars of one column, optionally a line of a share (0–100 %) over
/// them. Plain text: no scripts, no external references, an `img` role with `<title>` and `<desc>`.
enum ReportSVG {
    static let width = 720.0, height = 270.0
    static let left = 52.0, right = 52.0, top = 40.0, bottom = 52.0

    static func chart(_ table: ReportTable, _ chart: ReportTable.Chart, id: String, audience: ReportAudience) -> String {
        let rows = table.rows
        let bars = rows.map { $0[chart.bars].value ?? 0 }
        let (maxBar, step) = scale(bars.max() ?? 0)
        let plotW = width - left - right, plotH = height - top - bottom
        let slot = plotW / Double(Swift.max(1, rows.count))
        let barW = Swift.max(2, slot * 0.62)
        let barName = table.columns[chart.bars].label.text(audience)
        let lineName = chart.line.map { table.columns[$0].label.text(audience) }
        let names = rows.map { $0[chart.labels].label?.text(audience) ?? $0[chart.labels].text }
        let title = table.title.text(audience)
        var desc = "\(barName): " + zip(names, rows).map { "\($0) \($1[chart.bars].text)" }.joined(separator: "; ") + "."
        if let line = chart.line, let lineName {
            desc += " \(lineName): " + zip(names, rows).map { "\($0) \($1[line].text)" }.joined(separator: "; ") + "."
        }
        func n(_ x: Double) -> String {
            let r = (x * 10).rounded() / 10
            return r == r.rounded() ? String(Int(r)) : String(r)
        }
        var out = """
            <figure>
            <svg role="img" aria-labelledby="\(id)-title \(id)-desc" viewBox="0 0 \(n(width)) \(n(height))" width="\(n(width))" height="\(n(height))">
            <title id="\(id)-title">\(ReportHTML.escape(title))</title>
            <desc id="\(id)-desc">\(ReportHTML.escape(desc))</desc>

            """
        let baseline = top + plotH
        // Grid and left axis (the bar scale, in round steps).
        for value in stride(from: 0, through: maxBar, by: step) {
            let y = baseline - plotH * value / maxBar
            out += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(left + plotW))\" y2=\"\(n(y))\" />\n"
            out += "<text class=\"muted\" x=\"\(n(left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(n(value))</text>\n"
        }
        out += "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(baseline))\" x2=\"\(n(left + plotW))\" y2=\"\(n(baseline))\" />\n"
        out += "<text class=\"muted\" x=\"\(n(left))\" y=\"14\">\(ReportHTML.escape(barName))</text>\n"
        // Bars with their values, and the row names under them (every k-th when crowded).
        let every = Swift.max(1, Int((Double(rows.count) / 12).rounded(.up)))
        for (i, row) in rows.enumerated() {
            let v = bars[i]
            let h = plotH * v / maxBar
            let x = left + slot * Double(i) + (slot - barW) / 2
            out += "<rect class=\"bar\" x=\"\(n(x))\" y=\"\(n(baseline - h))\" width=\"\(n(barW))\" height=\"\(n(h))\" />\n"
            out += "<text x=\"\(n(x + barW / 2))\" y=\"\(n(baseline - h - 4))\" text-anchor=\"middle\">\(ReportHTML.escape(row[chart.bars].text))</text>\n"
            guard i % every == 0 else { continue }
            let cx = n(left + slot * (Double(i) + 0.5))
            let cell = row[chart.labels]
            if let label = cell.label, audience.isPublic, label.id != label.en {
                out += "<text x=\"\(cx)\" y=\"\(n(baseline + 16))\" text-anchor=\"middle\">\(ReportHTML.escape(label.id))</text>\n"
                out += "<text class=\"muted\" lang=\"en\" x=\"\(cx)\" y=\"\(n(baseline + 30))\" text-anchor=\"middle\">\(ReportHTML.escape(label.en))</text>\n"
            } else {
                out += "<text x=\"\(cx)\" y=\"\(n(baseline + 16))\" text-anchor=\"middle\">\(ReportHTML.escape(names[i]))</text>\n"
            }
        }
        // The share line on its own 0–100 % axis at the right; gaps where a week has no value.
        if let line = chart.line, let lineName {
            out += "<text class=\"muted\" x=\"\(n(left + plotW))\" y=\"14\" text-anchor=\"end\">\(ReportHTML.escape(lineName)) (0–100%)</text>\n"
            for k in [0, 2, 4] {
                let y = top + plotH * Double(k) / 4
                out += "<text class=\"muted\" x=\"\(n(left + plotW + 6))\" y=\"\(n(y + 4))\">\(100 - 25 * k)%</text>\n"
            }
            var segment: [String] = []
            func flush() {
                if segment.count > 1 { out += "<polyline class=\"line\" points=\"\(segment.joined(separator: " "))\" />\n" }
                segment = []
            }
            for (i, row) in rows.enumerated() {
                guard let v = row[line].value else { flush(); continue }
                let x = n(left + slot * (Double(i) + 0.5)), y = n(top + plotH * (1 - Swift.min(1, Swift.max(0, v))))
                segment.append("\(x),\(y)")
                out += "<circle class=\"dot\" cx=\"\(x)\" cy=\"\(y)\" r=\"3.5\" />\n"
            }
            flush()
        }
        return out + "</svg>\n</figure>\n"
    }

    /// The top of the bar scale and its step: a round step (1, 2 or 5 times a power of ten) giving about four
    /// gridlines, and the first multiple of it at or above the largest value.
    static func scale(_ largest: Double) -> (top: Double, step: Double) {
        let rough = Swift.max(1, largest / 4)
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        return (Swift.max(step, (largest / step).rounded(.up) * step), step)
    }
}
