import DeskCore

/// An in-memory `Surface`: a grid of cells, each holding one grapheme cluster (or the right half of a wide one)
/// and a style. The run loop draws into it and hands it to the `Terminal`; tests read `text` and `roles`.
public struct CellGrid: Surface, Sendable, Equatable {
    /// One cell. A two-column cluster occupies its cell and the next, which holds an empty continuation.
    public struct Cell: Hashable, Sendable {
        /// The grapheme cluster drawn here; "" for the right half of a wide cluster.
        public var text: String
        /// Columns the cluster takes (1 or 2); 0 for a continuation.
        public var width: Int
        public var style: CellStyle

        public static let blank = Cell(text: " ", width: 1, style: .plain)
    }

    public private(set) var size: Size
    public private(set) var cells: [Cell]
    /// Where the cursor stands, if a view asked for it.
    public private(set) var cursor: (row: Int, col: Int)?
    /// The start of the highlighted line drawn last (the selected row; an overlay's over the list below it): where the
    /// hidden cursor is parked, so that screen readers and braille displays, which follow the cursor, follow the
    /// selection too.
    public private(set) var focus: (row: Int, col: Int)?

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public init(width: Int, height: Int) { self.init(size: Size(width: width, height: height)) }

    /// The cell at (`row`, `col`).
    public subscript(row: Int, col: Int) -> Cell { cells[row * size.width + col] }

    /// One row's cells.
    public func row(_ r: Int) -> ArraySlice<Cell> { cells[(r * size.width)..<((r + 1) * size.width)] }

    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, limit: Int, style: CellStyle) -> Int {
        guard row >= 0, row < size.height, col >= 0, col < size.width, limit > 0 else { return 0 }
        let end = min(size.width, col + limit)
        if style.highlighted { noteFocus(row: row, col: col) }
        var c = col
        for ch in text {
            let w: Int
            let drawn: String
            if let a = ch.asciiValue {
                if a < 0x20 || a == 0x7F { drawn = "\u{FFFD}"; w = 1 } else { drawn = String(ch); w = 1 }
            } else {
                let first = ch.unicodeScalars.first!.value
                if (0x80..<0xA0).contains(first) { drawn = "\u{FFFD}"; w = 1 } else { drawn = String(ch); w = DisplayWidth.of(ch) }
            }
            if w == 0 { continue }
            if c + w > end { break }
            set(row: row, col: c, Cell(text: drawn, width: w, style: style))
            if w == 2 { set(row: row, col: c + 1, Cell(text: "", width: 0, style: style)) }
            c += w
        }
        return c - col
    }

    public mutating func fill(row: Int, col: Int, width: Int, style: CellStyle) {
        guard row >= 0, row < size.height else { return }
        let start = max(0, col)
        let end = min(size.width, col + width)
        guard start < end else { return }
        if style.highlighted { noteFocus(row: row, col: start) }
        for c in start..<end { set(row: row, col: c, Cell(text: " ", width: 1, style: style)) }
    }

    /// A highlighted line begins here, unless this continues the one noted last (its text after its fill).
    private mutating func noteFocus(row: Int, col: Int) {
        if let f = focus, f.row == row, f.col <= col { return }
        focus = (row, col)
    }

    public mutating func placeCursor(row: Int, col: Int) {
        cursor = (row >= 0 && row < size.height && col >= 0 && col < size.width) ? (row, col) : nil
    }

    /// Writes one cell, blanking the other half of any wide cluster it cuts through.
    private mutating func set(row: Int, col: Int, _ cell: Cell) {
        let i = row * size.width + col
        let old = cells[i]
        if old.width == 2, col + 1 < size.width {
            cells[i + 1] = Cell(text: " ", width: 1, style: cells[i + 1].style)
        }
        if old.width == 0, cell.width != 0, col > 0, cells[i - 1].width == 2 {
            cells[i - 1] = Cell(text: " ", width: 1, style: cells[i - 1].style)
        }
        cells[i] = cell
    }

    /// The characters of every row, trailing blanks removed, rows joined by newlines.
    public var text: String {
        (0..<size.height).map { rowText($0) }.joined(separator: "\n")
    }

    /// The characters of one row, trailing blanks removed.
    public func rowText(_ r: Int) -> String {
        var line = ""
        for cell in row(r) { line += cell.text }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// One style code per column (`UIObject.code`, upper case when highlighted), rows joined by newlines.
    public var roles: String {
        (0..<size.height).map { r in
            var line = ""
            var lead: Character = "t"
            for cell in row(r) {
                if cell.width != 0 { lead = cell.style.code }
                line.append(lead)
            }
            return line
        }.joined(separator: "\n")
    }

    public static func == (a: CellGrid, b: CellGrid) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursor?.row == b.cursor?.row && a.cursor?.col == b.cursor?.col
    }
}
