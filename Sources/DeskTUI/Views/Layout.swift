/// The geometry of the screens, shared by views (where to draw) and the reducer (how far a page scrolls, how
/// wide the composer wraps), so both always agree.
public enum Layout {
    /// Rows between the title bar and the status line.
    public static func body(_ size: Size) -> Rect {
        Rect(row: 1, col: 0, width: size.width, height: size.height - 3)
    }

    /// Rows of items a list screen shows under its heading line.
    public static func listRows(_ size: Size) -> Int { max(1, body(size).height - 1) }

    /// The composer's parts: the comment above, the editor, and the suggestion pane (beside the editor on wide
    /// terminals, below it on narrow ones).
    public struct Composer: Sendable {
        public var header: Rect
        public var editor: Rect
        public var suggestions: Rect
        public var sideBySide: Bool
    }

    public static func composer(_ size: Size) -> Composer {
        let b = body(size)
        let (header, rest) = b.splitTop(3)
        if size.width >= 110 {
            let paneWidth = min(48, size.width / 3)
            let (left, right) = rest.splitLeft(rest.width - paneWidth)
            return Composer(header: header, editor: Rect(row: left.row, col: 1, width: left.width - 2, height: left.height),
                            suggestions: right, sideBySide: true)
        }
        // Room for five suggestions one line each and the selected one's text below them; a reply to a citizen is
        // short, and the editor keeps at least a third (six lines on 80x24).
        let paneHeight = min(12, max(4, rest.height * 2 / 3))
        let (top, bottom) = rest.splitTop(rest.height - paneHeight)
        return Composer(header: header, editor: Rect(row: top.row, col: 1, width: top.width - 2, height: top.height),
                        suggestions: bottom, sideBySide: false)
    }

    /// The width the thread view wraps text at.
    public static func threadTextWidth(_ size: Size) -> Int { max(10, size.width - 6) }

    /// The help overlay's frame.
    public static func overlay(_ size: Size) -> Rect {
        let w = min(size.width - 4, 96)
        let h = size.height - 4
        return Rect(row: 2, col: (size.width - w) / 2, width: w, height: h)
    }
}
