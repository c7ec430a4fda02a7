/// A rectangle of terminal cells.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var bottom: Int { row + height }
    public var right: Int { col + width }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The rectangle with `n` cells taken off every side.
    public func inset(_ n: Int) -> Rect { Rect(row: row + n, col: col + n, width: width - 2 * n, height: height - 2 * n) }

    /// The top `n` rows, and what is left below them.
    public func splitTop(_ n: Int) -> (top: Rect, rest: Rect) {
        let h = min(max(0, n), height)
        return (Rect(row: row, col: col, width: width, height: h), Rect(row: row + h, col: col, width: width, height: height - h))
    }

    /// The left `n` columns, and what is right of them.
    public func splitLeft(_ n: Int) -> (left: Rect, rest: Rect) {
        let w = min(max(0, n), width)
        return (Rect(row: row, col: col, width: w, height: height), Rect(row: row, col: col + w, width: width - w, height: height))
    }
}

/// The terminal size in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// What views draw on: text with a style at a row and column, clipped by display width.
///
/// Views never talk to the terminal. The run loop draws them onto a `CellGrid` and hands the grid to the
/// `Terminal`; tests and benchmarks keep the grid and read it back.
public protocol Surface {
    var size: Size { get }
    /// Draws `text` from (`row`, `col`) using at most `limit` columns (and never past the right edge); a grapheme
    /// cluster that does not fit whole is left out. Returns the columns used.
    @discardableResult
    mutating func put(_ text: String, row: Int, col: Int, limit: Int, style: CellStyle) -> Int
    /// Paints `width` blank cells from (`row`, `col`) in `style`.
    mutating func fill(row: Int, col: Int, width: Int, style: CellStyle)
    /// Where the terminal cursor should stand (a text field), or nil to hide it.
    mutating func placeCursor(row: Int, col: Int)
}

extension Surface {
    /// Draws `text` from (`row`, `col`) up to the right edge.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, style: CellStyle = .plain) -> Int {
        put(text, row: row, col: col, limit: size.width - col, style: style)
    }

    /// Paints a whole rectangle.
    public mutating func fill(_ rect: Rect, style: CellStyle) {
        for r in rect.row..<rect.bottom { fill(row: r, col: rect.col, width: rect.width, style: style) }
    }

    /// The whole surface as a rectangle.
    public var bounds: Rect { Rect(row: 0, col: 0, width: size.width, height: size.height) }
}
