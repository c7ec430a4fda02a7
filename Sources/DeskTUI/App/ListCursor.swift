/// A selection in a list and the first visible line, kept so the selection is always on screen.
public struct ListCursor: Sendable, Hashable {
    public var selected = 0
    public var scroll = 0

    public init(selected: Int = 0, scroll: Int = 0) {
        self.selected = selected
        self.scroll = scroll
    }

    /// Moves the selection by `delta` within `count` items, `visible` lines at a time.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        guard count > 0 else { self = ListCursor(); return }
        selected = min(max(0, selected + delta), count - 1)
        keepVisible(count: count, visible: visible)
    }

    /// Puts the selection on `index` (clamped).
    public mutating func select(_ index: Int, count: Int, visible: Int) {
        selected = index
        move(by: 0, count: count, visible: visible)
    }

    /// Scrolls so the selection is on screen and no blank lines are shown past the end.
    public mutating func keepVisible(count: Int, visible: Int) {
        let visible = max(1, visible)
        selected = min(max(0, selected), max(0, count - 1))
        if selected < scroll { scroll = selected }
        if selected >= scroll + visible { scroll = selected - visible + 1 }
        scroll = max(0, min(scroll, max(0, count - visible)))
    }
}
