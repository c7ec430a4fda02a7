import DeskCore

/// A scrollable page of styled lines (thread view, review, reports), built from state and then drawn from a
/// scroll offset.
public struct Document: Sendable {
    /// One line: styled pieces side by side.
    public struct Line: Sendable {
        public var pieces: [(text: String, object: UIObject)]
        public init(_ pieces: [(String, UIObject)]) { self.pieces = pieces.map { (text: $0.0, object: $0.1) } }
    }

    public private(set) var lines: [Line] = []
    /// Width text is wrapped at.
    public let width: Int

    public init(width: Int) { self.width = max(1, width) }

    /// Adds one line of pieces (cut at the width when drawn).
    public mutating func add(_ pieces: (String, UIObject)...) { lines.append(Line(pieces)) }

    /// Adds a prepared line.
    public mutating func append(_ line: Line) { lines.append(line) }

    /// Adds an empty line.
    public mutating func blank() { lines.append(Line([])) }

    /// Adds `text` made safe and wrapped by display width, each line indented by `indent` columns.
    public mutating func paragraph(_ text: String, _ object: UIObject, indent: Int = 0) {
        let safe = SafeText.sanitize(text, lines: .keep)
        for line in TextLayout.wrap(safe, width: max(1, width - indent)) {
            lines.append(Line([(String(repeating: " ", count: indent) + line, object)]))
        }
    }

    /// A heading line with a rule after it.
    public mutating func heading(_ text: String) {
        let rule = String(repeating: "─", count: max(0, width - DisplayWidth.of(text) - 1))
        lines.append(Line([(text, .heading), (" " + rule, .muted)]))
    }

    /// Draws the lines from `scroll` into `rect`. A line wider than `rect` ends in "…", so a cut text is not read
    /// as a whole one.
    public func draw(in rect: Rect, scroll: Int, on surface: inout some Surface) {
        for i in 0..<rect.height {
            let index = scroll + i
            guard index < lines.count else { break }
            let pieces = lines[index].pieces
            let cut = pieces.reduce(0) { $0 + DisplayWidth.of($1.text) } > rect.width
            let right = cut ? rect.right - 1 : rect.right
            var col = rect.col
            var style = CellStyle(UIObject.text)
            for piece in pieces where col < right {
                style = CellStyle(piece.object)
                col += surface.put(piece.text, row: rect.row + i, col: col, limit: right - col, style: style)
            }
            if cut { _ = surface.put("…", row: rect.row + i, col: col, limit: 1, style: style) }
        }
    }
}
