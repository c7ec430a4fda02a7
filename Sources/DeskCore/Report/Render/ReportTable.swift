/// One table of a report: the shape every format renders (text and Markdown tables, HTML tables and the charts
/// drawn from them, CSV). Each cell carries what people read and what a spreadsheet reads.
public struct ReportTable: Sendable, Hashable {
    /// The CSV table name (`docs/report-csv.md`), e.g. `hit_rate`; also the HTML section id.
    public var family: String
    public var title: ReportLabel
    public var columns: [Column]
    public var rows: [[Cell]]
    /// A column whose numbers the text format draws as bars beside each row, and how they are scaled.
    public var bar: Bar?
    /// Columns the text format sums up as sparklines under the table (the week-by-week trends), scaled like bars.
    public var sparklines: [Bar] = []
    /// The chart the HTML format draws from this table (the table itself stays as its accessible fallback).
    public var chart: Chart?
    /// A two-column list of measures and values: the text format writes `label   value` lines, never cutting a value.
    public var keyValue: Bool

    public init(family: String, title: ReportLabel, columns: [Column], rows: [[Cell]], bar: Bar? = nil, sparklines: [Bar] = [],
                chart: Chart? = nil, keyValue: Bool = false) {
        self.family = family
        self.title = title
        self.columns = columns
        self.rows = rows
        self.bar = bar
        self.sparklines = sparklines
        self.chart = chart
        self.keyValue = keyValue
    }

    public struct Column: Sendable, Hashable {
        /// The CSV column name (stable).
        public var key: String
        public var label: ReportLabel
        /// Right-aligned in text and Markdown.
        public var numeric: Bool
        public init(_ key: String, _ label: ReportLabel, numeric: Bool = true) {
            self.key = key
            self.label = label
            self.numeric = numeric
        }
    }

    public struct Cell: Sendable, Hashable {
        /// What people read (`83.3%`, `1:05`, `Tanggapan pertama / First response`).
        public var text: String
        /// What CSV holds (`0.8333`, `65`, `first_response`); empty for "no value".
        public var raw: String
        /// The number behind the cell, for bars, sparklines and charts.
        public var value: Double?
        /// For a cell that is a label: both languages, so HTML can mark the English part as such.
        public var label: ReportLabel?

        public init(text: String, raw: String, value: Double? = nil, label: ReportLabel? = nil) {
            self.text = text
            self.raw = raw
            self.value = value
            self.label = label
        }
    }

    public struct Bar: Sendable, Hashable {
        public var column: Int
        /// The value a full bar stands for; nil: the column's largest value.
        public var full: Double?
        public init(column: Int, full: Double? = nil) {
            self.column = column
            self.full = full
        }
    }

    public struct Chart: Sendable, Hashable {
        /// Bars of this column, one per row…
        public var bars: Int
        /// …and optionally a line of this column (a share, 0…1) over them, on its own 0–100 % scale.
        public var line: Int?
        /// The column that names each row on the horizontal axis.
        public var labels: Int
        public init(bars: Int, line: Int? = nil, labels: Int = 0) {
            self.bars = bars
            self.line = line
            self.labels = labels
        }
    }
}
