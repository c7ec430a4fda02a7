import DeskCore
import Foundation

/// One comment as a line of a list (the queue, the boards): SLA badge and time left, platform, author, a safe
/// excerpt cut to the columns (after `▲` when it is escalated, `⇣` when it was passed over), age, assignee and tags.
public enum QueueRowView {
    /// Column widths at a screen width.
    public struct Columns: Sendable {
        public var badge = 2
        public var time = 7
        public var platform = 5
        public var author: Int
        public var excerpt: Int
        public var age = 4
        public var assignee: Int
        public var tags: Int

        public init(width: Int) {
            author = width >= 110 ? 16 : 14
            assignee = width >= 110 ? 10 : 8
            tags = width >= 100 ? min(18, (width - 100) / 2 + 10) : 0
            let fixed = badge + time + platform + author + age + assignee + (tags > 0 ? tags + 1 : 0) + 7
            excerpt = max(8, width - fixed)
        }
    }

    /// The short platform names of the platform column.
    static func platformCode(_ p: Platform) -> String {
        switch p {
        case .mastodon: "Masto"
        case .x: "X"
        case .facebook: "FB"
        case .instagram: "IG"
        case .youtube: "YT"
        case .email: "Email"
        case .web: "Web"
        default: String(p.rawValue.prefix(5))
        }
    }

    /// The column headings.
    public static func drawHeading(_ s: Strings, row: Int, width: Int, on surface: inout some Surface) {
        let c = Columns(width: width)
        surface.fill(row: row, col: 0, width: width, style: CellStyle(.heading))
        var col = 0
        func cell(_ text: String, _ w: Int) {
            surface.put(TextLayout.fit(text, to: w), row: row, col: col, limit: w, style: CellStyle(.heading))
            col += w + 1
        }
        cell(s[.colSLA], c.badge + 1 + c.time)
        cell(s[.colPlatform], c.platform)
        cell(s[.colAuthor], c.author)
        cell(s[.colComment], c.excerpt)
        cell(s[.colAge], c.age)
        cell(s[.colAssignee], c.assignee)
        if c.tags > 0 { cell(s[.colTags], c.tags) }
    }

    /// Draws `item` on `row`.
    public static func draw(_ item: QueueItem, row: Int, width: Int, highlighted: Bool, marked: Bool = false, now: Date,
                            strings s: Strings, on surface: inout some Surface) {
        let c = Columns(width: width)
        let h = highlighted
        surface.fill(row: row, col: 0, width: width, style: CellStyle(.text, highlighted: h))
        var col = 0
        func cell(_ text: String, _ w: Int, _ object: UIObject, right: Bool = false) {
            surface.put(TextLayout.fit(text, to: w, alignRight: right), row: row, col: col, limit: w, style: CellStyle(object, highlighted: h))
            col += w + 1
        }
        let comment = item.comment
        cell(SLABadge.glyph(item.state), c.badge, SLABadge.object(item.state))
        cell(SLABadge.timeLeft(item.clock, now: now, strings: s), c.time, SLABadge.object(item.state), right: true)
        cell(platformCode(comment.platform), c.platform, .platform)
        cell(SafeText.sanitize(comment.author.atHandle, limit: 64), c.author, .author)
        // A comment passed over while newer ones were answered is marked as in `meja list`; one on a sensitive
        // topic (a flood, a missing child) with ⚑ where the screen has no room for the tags column.
        var excerpt = SafeText.sanitize(comment.text, lines: .fold, limit: max(64, c.excerpt * 4))
        if c.tags == 0, !comment.tags.isEmpty { excerpt = "⚑ " + excerpt }
        if item.passedOver { excerpt = "⇣ " + excerpt }
        // A reply half written by this staff member (✐, not the help's ✎ for actions on the record): r takes it up again.
        if item.hasDraft { excerpt = "✐ " + excerpt }
        // Colleagues left a note (a handover, what is being waited for): read it in the thread's history.
        if item.hasNotes { excerpt = "✉ " + excerpt }
        // Escalated: the supervisors' to handle — seen before an agent tries to claim or answer it.
        if comment.status == .escalated { excerpt = "▲ " + excerpt }
        // Marked for an action on several: first, where the eye starts reading the comment.
        if marked { excerpt = "● " + excerpt }
        cell(excerpt, c.excerpt, .text)
        cell(s.age(Int(now.timeIntervalSince(comment.createdAt))), c.age, .muted, right: true)
        cell(comment.assignee.map { SafeText.sanitize($0, limit: 64) } ?? "–", c.assignee, .assignee)
        if c.tags > 0 { cell(s.tags(comment.tags), c.tags, .tag) }
    }

    /// A list screen of items: the heading, the rows from the cursor's scroll position (`marked` ones with ●), and
    /// `empty` (or "loading") when there are none.
    public static func drawList(_ items: [QueueItem], cursor: ListCursor, loaded: Bool, empty: String, marked: [Int64] = [],
                                state: AppState, on surface: inout some Surface) {
        let s = state.strings
        let body = Layout.body(state.size)
        drawHeading(s, row: body.row, width: body.width, on: &surface)
        if items.isEmpty {
            surface.put(loaded ? empty : s[.loading], row: body.row + 2, col: 2, style: CellStyle(.muted))
        }
        for i in 0..<Layout.listRows(state.size) {
            let index = cursor.scroll + i
            guard index < items.count else { break }
            draw(items[index], row: body.row + 1 + i, width: body.width, highlighted: index == cursor.selected,
                 marked: !marked.isEmpty && marked.contains(items[index].comment.id), now: state.now, strings: s, on: &surface)
        }
    }

    /// Tags as the desk shows them: `#disaster #death`.
}
