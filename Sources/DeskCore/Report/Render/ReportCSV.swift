/// The report as CSV for spreadsheets: one tidy table per figure family, each with a header row, separated by an
/// empty line. The first column of every row, `table`, names the family, so `grep '^volume,'` (or a spreadsheet
/// filter) takes one table out. Columns are documented in `docs/report-csv.md` and never renamed.
public enum ReportCSV {
    public static func render(_ report: Report, audience: ReportAudience = .supervisors) -> String {
        let layout = ReportLayout(report, audience: audience)
        var out: [String] = []
        for table in layout.tables {
            if !out.isEmpty { out.append("") }
            out.append((["table"] + table.columns.map(\.key)).joined(separator: ","))
            for row in table.rows { out.append(([table.family] + row.map { field($0.raw) }).joined(separator: ",")) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A field quoted as RFC 4180 asks; a text that a spreadsheet would run as a formula (`=`, `+`, `-`) gets a
    /// leading `'` (numbers and the lone `-` of "none" are left alone).
    public static func field(_ s: String) -> String {
        var s = s
        if let first = s.first, "=+-".contains(first), s != "-", Double(s) == nil { s = "'" + s }
        return LogAudit.csvField(s)
    }
}
