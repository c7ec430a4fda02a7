import DeskCore

/// The text of the composer (and of one-line prompts): UTF-8 text edited by grapheme cluster, soft-wrapped at
/// spaces by display width, with undo.
///
/// Undo takes changes back one at a time, as far back as the draft goes (200 changes). Runs of typing count as one
/// change, so undo takes back what was typed since the last pause in typing (`endRun`, when the draft is saved) or the
/// last word, whichever is less, rather than the last letter; an inserted template or a paste is a change of its own.
public struct TextEditor: Sendable, Equatable {
    /// The text as grapheme clusters.
    public private(set) var characters: [Character]
    /// The cursor, as an index into `characters` (0…count).
    public private(set) var cursor: Int
    private var undoStack: [Snapshot] = []
    private var lastEdit: EditKind?
    /// The variable `takeNextVariable` last took out, where it stood, and the text just after: while nothing has been
    /// typed in its place, `restoreUnfilledVariable` puts it back, so that no gap ("untuk , persyaratan …") is sent.
    private var taken: TakenVariable?

    private struct TakenVariable: Sendable, Equatable {
        var name: String
        var at: Int
        var after: [Character]
    }

    private struct Snapshot: Sendable, Equatable {
        var characters: [Character]
        var cursor: Int
    }

    private enum EditKind: Sendable, Equatable { case typing, deleting, other }

    /// One visual line: `characters[start..<end]`.
    public struct Line: Sendable, Equatable {
        public var start: Int
        public var end: Int
    }

    /// An editor holding `text`, with the cursor at its end.
    public init(text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    /// Length in grapheme clusters (what platforms count).
    public var count: Int { characters.count }
    public var isEmpty: Bool { characters.isEmpty }
    /// Whether there is a change to undo.
    public var canUndo: Bool { !undoStack.isEmpty }

    // MARK: Changes

    /// Inserts text at the cursor: typing, or with `asOneChange` a suggestion or a paste, which undo takes back on
    /// its own.
    public mutating func insert(_ text: String, asOneChange: Bool = false) {
        guard !text.isEmpty else { return }
        // A new word after a space begins a new change: one undo never takes back more than a word of typing.
        if lastEdit == .typing, cursor > 0, characters[cursor - 1].isWhitespace, text.first?.isWhitespace == false { lastEdit = nil }
        remember(asOneChange ? .other : .typing)
        let before = String(characters[..<cursor]) + text
        let after = String(characters[cursor...])
        let joined = Array(before + after)
        cursor = min(joined.count, Array(before).count)
        characters = joined
    }

    /// Deletes the grapheme before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        remember(.deleting)
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the grapheme at the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        remember(.deleting)
        characters.remove(at: cursor)
    }

    /// Removes the next `{variable}` at or after the cursor (from the start when none follows it), as one undoable change,
    /// with the cursor where it stood: what is typed next takes its place. Returns the variable as written, or nil when
    /// the text has none.
    public mutating func takeNextVariable() -> String? {
        // A variable skipped with nothing typed for it goes back, and the search goes on after it.
        restoreUnfilledVariable()
        // Found as the linter finds them, so that what Ctrl-N skips is what the review would not point at.
        let text = self.text
        let spans = ReplyLinter.variableSpans(in: text).map {
            text.distance(from: text.startIndex, to: $0.lowerBound)..<text.distance(from: text.startIndex, to: $0.upperBound)
        }
        guard let found = spans.first(where: { $0.lowerBound >= cursor }) ?? spans.first else { return nil }
        remember(.other)
        let name = String(characters[found])
        characters.removeSubrange(found)
        cursor = found.lowerBound
        lastEdit = nil
        taken = TakenVariable(name: name, at: found.lowerBound, after: characters)
        return name
    }

    /// Puts back the variable last taken out by `takeNextVariable` when nothing has been typed in its place (the text is
    /// as it was just after), with the cursor after it. Called before the next is taken and before the draft is
    /// reviewed or kept: a variable left unfilled stays visible, for the review to point at, never an empty gap.
    public mutating func restoreUnfilledVariable() {
        guard let t = taken else { return }
        taken = nil
        guard characters == t.after, t.at <= characters.count else { return }
        characters.insert(contentsOf: Array(t.name), at: t.at)
        cursor = t.at + t.name.count
        lastEdit = nil
    }

    /// Replaces the whole text (the external editor's result), as one undoable change.
    public mutating func replaceAll(with text: String) {
        remember(.other)
        characters = Array(text)
        cursor = characters.count
    }

    /// Ends the current run of typing or deleting (a pause): what comes next is a change of its own.
    public mutating func endRun() { lastEdit = nil }

    /// Takes back the last change not yet taken back.
    public mutating func undo() {
        guard let previous = undoStack.popLast() else { return }
        characters = previous.characters
        cursor = min(previous.cursor, characters.count)
        lastEdit = nil
    }

    private mutating func remember(_ kind: EditKind) {
        if kind == .other || kind != lastEdit {
            undoStack.append(Snapshot(characters: characters, cursor: cursor))
            if undoStack.count > 200 { undoStack.removeFirst() }
        }
        lastEdit = kind
    }

    // MARK: Cursor

    public mutating func moveLeft() { cursor = max(0, cursor - 1); lastEdit = nil }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1); lastEdit = nil }

    /// To the start of the logical line (after the previous line break).
    public mutating func moveHome() {
        while cursor > 0, characters[cursor - 1] != "\n" { cursor -= 1 }
        lastEdit = nil
    }

    /// To the end of the logical line.
    public mutating func moveEnd() {
        while cursor < characters.count, characters[cursor] != "\n" { cursor += 1 }
        lastEdit = nil
    }

    /// One visual line up or down (`by` -1 or 1) at a wrap width, keeping the column where it can.
    public mutating func moveVertically(by delta: Int, width: Int) {
        let lines = layout(width: width)
        let (row, col) = position(in: lines)
        let target = row + delta
        guard target >= 0, target < lines.count else {
            cursor = delta < 0 ? 0 : characters.count
            lastEdit = nil
            return
        }
        let line = lines[target]
        // On a soft-wrapped line the last position belongs to the next line: stop before it.
        let softWrapped = target + 1 < lines.count && lines[target + 1].start == line.end
        let end = softWrapped ? max(line.start, line.end - 1) : line.end
        var i = line.start
        var used = 0
        while i < end {
            let w = DisplayWidth.of(characters[i])
            if used + w > col { break }
            used += w
            i += 1
        }
        cursor = i
        lastEdit = nil
    }

    // MARK: Layout

    /// The visual lines at `width` columns: breaks at line breaks, then at spaces, inside a word only when the
    /// word alone is wider than the line.
    public func layout(width: Int) -> [Line] {
        let width = max(1, width)
        var lines: [Line] = []
        var lineStart = 0
        var col = 0
        var lastBreak: Int? = nil
        var i = 0
        while i < characters.count {
            let ch = characters[i]
            if ch == "\n" {
                lines.append(Line(start: lineStart, end: i))
                lineStart = i + 1
                col = 0
                lastBreak = nil
                i += 1
                continue
            }
            let w = DisplayWidth.of(ch)
            if col + w > width {
                if ch == " " {
                    // A space at the edge hangs invisibly at the end of the line.
                    lines.append(Line(start: lineStart, end: i + 1))
                    lineStart = i + 1
                    col = 0
                    lastBreak = nil
                    i += 1
                    continue
                }
                if let b = lastBreak, b > lineStart {
                    lines.append(Line(start: lineStart, end: b))
                    lineStart = b
                    col = characters[b..<i].reduce(0) { $0 + DisplayWidth.of($1) }
                } else {
                    lines.append(Line(start: lineStart, end: i))
                    lineStart = i
                    col = 0
                }
                lastBreak = nil
            }
            col += w
            if ch == " " { lastBreak = i + 1 }
            i += 1
        }
        lines.append(Line(start: lineStart, end: characters.count))
        return lines
    }

    /// The cursor's visual row and column at `width`.
    public func cursorPosition(width: Int) -> (row: Int, col: Int) { position(in: layout(width: width)) }

    private func position(in lines: [Line]) -> (row: Int, col: Int) {
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            let softWrapped = !isLast && lines[index + 1].start == line.end
            if cursor >= line.start, cursor < line.end || (cursor == line.end && (isLast || !softWrapped)) {
                let col = characters[line.start..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
                return (index, col)
            }
        }
        return (max(0, lines.count - 1), 0)
    }

    /// The text of a visual line.
    public func text(of line: Line) -> String { String(characters[line.start..<line.end]) }
}
