import DeskCore

/// The composer: the comment being answered, the draft editor with a counter against the platform's limit,
/// and the suggestion pane (top five, humour badge, reasons).
public enum ComposerView {
    public static func draw(_ state: AppState, on surface: inout some Surface) -> [(String, UIObject)] {
        guard let c = state.composer else { return [] }
        let s = state.strings
        let layout = Layout.composer(state.size)
        drawHeader(c, state: state, rect: layout.header, on: &surface)
        drawEditor(c, state: state, rect: layout.editor, on: &surface)
        drawSuggestions(c, state: state, rect: layout.suggestions, sideBySide: layout.sideBySide, on: &surface)

        var status: [(String, UIObject)] = []
        if let limit = c.platform.replyLimit {
            let length = c.length
            let over = length > limit
            status.append((s.format(.counter, String(length), String(limit)), over ? .overLimit : .status))
            if over { status.append(("  " + s.format(.overBy, String(length - limit)), .overLimit)) }
        } else {
            status.append((s.format(.counterNoLimit, String(c.replyText.count)), .status))
        }
        // An empty composer has no draft to call saved.
        if c.unsaved || !c.replyText.isEmpty { status.append(("  · " + (c.unsaved ? s[.draftUnsaved] : s[.draftSaved]), .muted)) }
        if let t = c.templateID { status.append(("  · " + s.format(.fromTemplate, SafeText.sanitize(t, limit: 64)), .muted)) }
        return status
    }

    private static func drawHeader(_ c: ComposerState, state: AppState, rect: Rect, on surface: inout some Surface) {
        let s = state.strings
        let handle = c.comment.map { SafeText.sanitize($0.author.atHandle, limit: 80) } ?? "#\(c.commentID)"
        var col = 1
        col += surface.put(s.format(.replyTo, handle, c.platform.displayName), row: rect.row, col: col, limit: rect.width - 2, style: CellStyle(.heading))
        if let comment = c.comment, let clock = Reducer.responseClock(comment, at: state.now) {
            let left = SLABadge.timeLeft(clock, now: state.now, strings: s)
            let text = "  " + SLABadge.glyph(clock.state) + " " + s.clock(clock.clock) + " " + left
            surface.put(text, row: rect.row, col: col, limit: rect.right - col - 1, style: CellStyle(SLABadge.object(clock.state)))
        } else if let answered = c.comment?.sla.respondedAt {
            // Someone answered it already (before or while this is written): said where the clock would be.
            let text = "  ✓ " + s.format(.alreadyAnswered, s.dateTime(answered, zone: state.timeZone))
            surface.put(text, row: rect.row, col: col, limit: rect.right - col - 1, style: CellStyle(.warning))
        }
        if let comment = c.comment {
            let excerpt = TextLayout.truncate(SafeText.sanitize(comment.text, lines: .fold, limit: 600), to: rect.width - 4)
            surface.put("“" + excerpt + "”", row: rect.row + 1, col: 1, limit: rect.width - 2, style: CellStyle(.muted))
        }
        surface.put(String(repeating: "─", count: rect.width), row: rect.row + 2, col: 0, style: CellStyle(.muted))
    }

    private static func drawEditor(_ c: ComposerState, state: AppState, rect: Rect, on surface: inout some Surface) {
        guard rect.height > 0, rect.width > 0 else { return }
        let lines = c.editor.layout(width: rect.width)
        let cursor = c.editor.cursorPosition(width: rect.width)
        let scroll = max(0, cursor.row - rect.height + 1)
        if c.editor.isEmpty {
            surface.put(state.strings[.composerPlaceholder], row: rect.row, col: rect.col, limit: rect.width, style: CellStyle(.muted))
        }
        for i in 0..<rect.height {
            let index = scroll + i
            guard index < lines.count else { break }
            surface.put(c.editor.text(of: lines[index]), row: rect.row + i, col: rect.col, limit: rect.width, style: CellStyle(.editor))
        }
        if state.keyContext == .composer {
            surface.placeCursor(row: rect.row + cursor.row - scroll, col: rect.col + min(cursor.col, rect.width - 1))
        }
    }

    private static func drawSuggestions(_ c: ComposerState, state: AppState, rect: Rect, sideBySide: Bool, on surface: inout some Surface) {
        guard rect.height > 1 else { return }
        let s = state.strings
        if sideBySide {
            for r in rect.row..<rect.bottom { surface.put("│", row: r, col: rect.col, style: CellStyle(.muted)) }
        } else {
            surface.put(String(repeating: "─", count: rect.width), row: rect.row, col: 0, style: CellStyle(.muted))
        }
        let inner = sideBySide ? Rect(row: rect.row, col: rect.col + 2, width: rect.width - 3, height: rect.height)
                               : Rect(row: rect.row + 1, col: 1, width: rect.width - 2, height: rect.height - 1)
        surface.put(s[.suggestionsTitle], row: inner.row, col: inner.col, limit: inner.width, style: CellStyle(.heading))
        guard !c.suggestions.isEmpty else {
            surface.put(c.suggestionsLoaded ? s[.noSuggestions] : s[.loading], row: inner.row + 1, col: inner.col, limit: inner.width,
                        style: CellStyle(.muted))
            return
        }
        var row = inner.row + 1
        let top = Array(c.suggestions.prefix(5).enumerated())
        let textWidth = max(1, inner.width - 2)
        func wrapped(_ sug: Suggestion) -> [String] { TextLayout.wrap(SafeText.sanitize(sug.text, lines: .fold, limit: 2000), width: textWidth) }
        func reason(_ sug: Suggestion) -> String? {
            sug.explanations.first.map { "  " + TextLayout.truncate(SafeText.sanitize($0(state.language)), to: textWidth) }
        }
        // Wide: each text in up to three lines and its first reason, the selected one's as far as the rows the others
        // leave free allow. Narrow: one line each, then the selected one's text and reason in the rows left below the
        // list. Either way it can be read before Ctrl-T inserts it, and a text cut short ends in "…".
        let others = top.filter { $0.offset != c.selectedSuggestion }
            .reduce(0) { $0 + 1 + (sideBySide ? min(3, wrapped($1.element).count) + (reason($1.element) == nil ? 0 : 1) : 0) }
        let selectedRoom = max(3, inner.height - 1 - others - 1 - (sideBySide ? 1 : 0))
        for (i, sug) in top where row < inner.bottom {
            let selected = i == c.selectedSuggestion
            surface.fill(row: row, col: inner.col, width: inner.width, style: CellStyle(.text, highlighted: selected))
            var col = inner.col
            col += surface.put("\(i + 1) ", row: row, col: col, limit: inner.width, style: CellStyle(.muted, highlighted: selected))
            // The humour badge always shows; a title too long for the rest ends in "…".
            let badge = sug.humor > .none ? " " + humorBadge(sug.humor.rawValue, s) : ""
            let name = TextLayout.truncate(SafeText.sanitize(sug.title, lines: .fold, limit: 120),
                                           to: max(0, inner.right - col - DisplayWidth.of(badge)))
            col += surface.put(name, row: row, col: col, limit: inner.right - col, style: CellStyle(.platform, highlighted: selected))
            if !badge.isEmpty {
                col += surface.put(badge, row: row, col: col, limit: inner.right - col, style: CellStyle(.humor, highlighted: selected))
            }
            if !sideBySide {
                let text = TextLayout.truncate(" — " + SafeText.sanitize(sug.text, lines: .fold, limit: 400), to: max(0, inner.right - col))
                surface.put(text, row: row, col: col, limit: inner.right - col, style: CellStyle(.muted, highlighted: selected))
            }
            row += 1
            guard sideBySide else { continue }
            row = drawText(of: sug, lines: selected ? selectedRoom : 3, from: row, in: inner, on: &surface)
        }
        // Narrow: the selected suggestion in full below the list, where there is room for two lines or more.
        if !sideBySide, c.suggestions.indices.contains(c.selectedSuggestion), inner.bottom - row >= 2 {
            _ = drawText(of: c.suggestions[c.selectedSuggestion], lines: inner.bottom - row - 1, from: row, in: inner, on: &surface)
        }

        /// The text in at most `lines` lines ("…" at the end when cut), then the first reason where a line is left for it
        /// (the words come first: a promised date at their end must be read); returns the next row.
        func drawText(of sug: Suggestion, lines: Int, from start: Int, in inner: Rect, on surface: inout some Surface) -> Int {
            var row = start
            var text = wrapped(sug)
            // A text longer than its lines takes the reason's line too.
            let shown = text.count > lines ? lines + 1 : lines
            if text.count > shown, shown > 0 {
                // The next line did not fit after the last one shown: joined, they are cut with "…".
                text[shown - 1] = TextLayout.truncate(text[shown - 1] + " " + text[shown], to: textWidth)
            }
            for line in text.prefix(max(0, shown)) where row < inner.bottom {
                surface.put("  " + line, row: row, col: inner.col, limit: inner.width, style: CellStyle(.text))
                row += 1
            }
            if let reason = reason(sug), row < inner.bottom {
                surface.put(reason, row: row, col: inner.col, limit: inner.width, style: CellStyle(.muted))
                row += 1
            }
            return row
        }
    }

    /// `☺ warm` or `☺☺ joke` (with words, so it reads without colour).
    static func humorBadge(_ level: Int, _ s: Strings) -> String {
        level <= 0 ? "" : String(repeating: "☺", count: min(level, 2)) + " " + s.humor(level)
    }
}
