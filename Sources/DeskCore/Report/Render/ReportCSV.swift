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

    /// A field quoted as RFC 4180 asks. A text a spreadsheet would run as a formula gets a leading `'`
    /// (`startsAFormula`).
    public static func field(_ s: String) -> String {
        LogAudit.csvField(startsAFormula(s) ? "'" + s : s)
    }

    /// Whether a spreadsheet would read `s` as a formula: it starts with `=`, `+` or `-` (numbers and the lone `-` of
    /// "none" excepted), with a tab or a carriage return, or with `@` when it is not a plain handle. Every channel is
    /// a handle (`@diskominfo`, `@warga@mastodon.social`), and docs/report-csv.md and the recount in docs/reports.md
    /// read them as they are; `@sum(1+1)` is no handle.
    public static func startsAFormula(_ s: String) -> Bool {
        switch s.unicodeScalars.first {
        case "="?, "+"?, "-"?: return s != "-" && Double(s) == nil
        case "\t"?, "\r"?: return true
        case "@"?: return !isPlainHandle(s)
        default: return false
        }
    }

    /// `@name`, `@name@server` or `@platform:id` (a Facebook Page or YouTube channel named by its id), the names of
    /// letters, digits, `_`, `.` and `-`: a channel as the desk stores it, which no spreadsheet takes for a formula.
    static func isPlainHandle(_ s: String) -> Bool {
        let rest = s.dropFirst()
        if let colon = rest.firstIndex(of: ":") {
            return Platform(parsing: String(rest[..<colon]))?.rawValue == String(rest[..<colon]) && isName(rest[rest.index(after: colon)...])
        }
        let names = rest.split(separator: "@", omittingEmptySubsequences: false)
        return names.count <= 2 && names.allSatisfy(isName)
    }

    private static func isName(_ name: Substring) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
    }
}
