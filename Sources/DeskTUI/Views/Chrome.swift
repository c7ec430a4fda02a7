import DeskCore

/// The frame around every screen: the title bar, the status line (or the prompt, or a notice) and the footer
/// of key hints drawn from the action table.
public enum Chrome {
    /// The title bar on row 0.
    public static func drawTitle(_ state: AppState, on surface: inout some Surface) {
        let s = state.strings
        let w = state.size.width
        surface.fill(row: 0, col: 0, width: w, style: CellStyle(.title))
        let who = state.cannotAct != nil ? s.format(.actorReadOnly, state.actor)
            : state.isSupervisor ? s.format(.actorSupervisor, state.actor) : s.format(.actorAgent, state.actor)
        let whoWidth = min(DisplayWidth.of(who) + 1, w / 3)
        var left = " Meja · " + s.screenTitle(state.screen)
        if !state.agency.isEmpty { left += " · " + SafeText.sanitize(state.agency, limit: 120) }
        surface.put(TextLayout.truncate(left, to: w - whoWidth - 1), row: 0, col: 0, style: CellStyle(.title))
        surface.put(TextLayout.fit(who, to: whoWidth - 1, alignRight: true), row: 0, col: w - whoWidth, limit: whoWidth, style: CellStyle(.title))
    }

    /// The status line: the prompt while one is open, else the latest notice, else `status`.
    public static func drawStatus(_ state: AppState, status: [(String, UIObject)], on surface: inout some Surface) {
        let row = state.size.height - 2
        let w = state.size.width
        surface.fill(row: row, col: 0, width: w, style: CellStyle(.status))
        if let notice = state.notice {
            // A notice too long for the line takes up to three, over the bottom of the screen, until the next key; above
            // an open prompt when it is about what was typed there (a reason refused).
            var lines = TextLayout.wrap(SafeText.sanitize(notice.text), width: max(1, w - 2))
            if lines.count > 3 { lines = Array(lines.prefix(2)) + [TextLayout.truncate(lines[2...].joined(separator: " "), to: w - 2)] }
            drawAbove(state.prompt == nil ? row : row - 1, lines, style: CellStyle(notice.kind == .error ? .error : .info), width: w, on: &surface)
        }
        if let prompt = state.prompt {
            drawPrompt(prompt, state: state, row: row, on: &surface)
            return
        }
        if state.notice != nil { return }
        if !state.startupIssues.isEmpty {
            // Problems found at start (keys.toml, the theme, the calendar): one a line, up to three, over the bottom of
            // the screen until the first key, like a long notice.
            let issues = state.startupIssues
            var lines = issues.prefix(issues.count > 3 ? 2 : 3).map { TextLayout.truncate(SafeText.sanitize($0), to: w - 2) }
            if issues.count > 3 { lines.append(TextLayout.truncate(state.strings.format(.moreIssues, String(issues.count - 2)), to: w - 2)) }
            drawAbove(row, lines, style: CellStyle(.warning), width: w, on: &surface)
            return
        }
        var col = 1
        for (text, object) in status where col < w - 1 {
            // What does not fit ends in "…", so a cut count is not read as a whole one.
            col += surface.put(TextLayout.truncate(text, to: w - col - 1), row: row, col: col, limit: w - col - 1, style: CellStyle(object))
        }
    }

    /// The alert of arrivals that need someone at once, over the title bar (row 0), over whatever is drawn, in the
    /// selection's reverse so that it reads apart from every row without colour too; no row of a list is hidden under
    /// it. It stays until the comments are opened or Esc at the queue.
    public static func drawAlert(_ state: AppState, on surface: inout some Surface) {
        guard let alert = state.alert else { return }
        let w = state.size.width
        let style = CellStyle(.error, highlighted: true)
        surface.fill(row: 0, col: 0, width: w, style: style)
        surface.put(" ⚑ " + TextLayout.truncate(SafeText.sanitize(alert.text(state.strings)), to: w - 4), row: 0, col: 0, limit: w, style: style)
    }

    /// Draws `lines` ending on `row` (the status line), over the rows above it, each filled across the screen.
    private static func drawAbove(_ row: Int, _ lines: [String], style: CellStyle, width w: Int, on surface: inout some Surface) {
        let first = max(1, row - lines.count + 1)
        for (i, line) in lines.enumerated() where first + i <= row {
            surface.fill(row: first + i, col: 0, width: w, style: style)
            surface.put(" " + line, row: first + i, col: 0, limit: w, style: style)
        }
    }

    /// What the open prompt asks, as its line starts (empty when none is open).
    static func promptLabel(_ state: AppState) -> String {
        let s = state.strings
        guard let kind = state.prompt?.kind else { return "" }
        return switch kind {
        case .search: "/"
        case .command: ":"
        case .overrideReason: s[.promptOverride] + " "
        case .escalateReason(let id, let colleague?): s.format(.promptEscalateColleague, String(id), colleague) + " "
        case .escalateReason: s[.promptEscalate] + " "
        case .escalateMarkedReason(let ids): s.format(.promptEscalateMarked, String(ids.count)) + " "
        case .note(let id): s.format(.promptNote, String(id)) + " "
        }
    }

    private static func drawPrompt(_ prompt: PromptState, state: AppState, row: Int, on surface: inout some Surface) {
        let label = promptLabel(state)
        let w = state.size.width
        var col = surface.put(label, row: row, col: 0, style: CellStyle(.prompt))
        // Show the end of a long entry so the cursor stays visible.
        let field = prompt.field
        let before = String(field.characters[..<field.cursor])
        let room = w - col - 1
        var shown = before
        while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        let after = TextLayout.truncate(String(field.characters[field.cursor...]), to: max(0, room - DisplayWidth.of(shown)))
        col += surface.put(shown, row: row, col: col, limit: room, style: CellStyle(.prompt))
        surface.placeCursor(row: row, col: col)
        surface.put(after, row: row, col: col, limit: w - col, style: CellStyle(.prompt))
    }

    /// The footer: hints for the actions of the current context that are marked for it.
    public static func drawFooter(_ state: AppState, keys: KeyMap, on surface: inout some Surface) {
        let row = state.size.height - 1
        let w = state.size.width
        surface.fill(row: row, col: 0, width: w, style: CellStyle(.footer))
        var col = 1
        for (key, label) in hints(state, keys: keys) {
            let need = DisplayWidth.of(key) + 1 + DisplayWidth.of(label) + 2
            guard col + need <= w else { break }
            col += surface.put(key, row: row, col: col, style: CellStyle(.footerKey)) + 1
            col += surface.put(label, row: row, col: col, style: CellStyle(.footer)) + 2
        }
    }

    /// The (keys, label) pairs the footer shows, in table order; `j/k` for the two moves together.
    public static func hints(_ state: AppState, keys: KeyMap) -> [(String, String)] {
        let context = state.keyContext
        let s = state.strings
        var out: [(String, String)] = []
        let specs = ActionTable.actions(in: context).filter { $0.hinted(in: context) && (state.isSupervisor || !$0.supervisorOnly) }
        // A comment someone else holds is not this person's to claim (not even a supervisor's: they assign), nor to answer
        // unless they supervise, and an escalated one is the supervisors' unless the sweep left it open: its footer does
        // not offer what would be refused (the keys still say why, if pressed).
        let shown = Reducer.currentComment(state)
        // With comments marked, claim acts on them, whoever holds the one under the cursor.
        let marked = state.markedTargets != nil
        let claimRefused = !marked && shown.map { Desk.claimRefusal($0, by: state.actor, isSupervisor: state.isSupervisor) != nil } ?? false
        let replyRefused = shown.map { Desk.replyRefusal($0, by: state.actor, isSupervisor: state.isSupervisor) != nil } ?? false
        for spec in specs {
            // An empty list (or a group's heading on the board) has nothing to open, answer, claim or escalate.
            if shown == nil, !marked, spec.actsOnAComment { continue }
            if spec.id == .claim, claimRefused { continue }
            if spec.id == .reply, replyRefused { continue }
            // Already yours: claiming it again changes nothing.
            if spec.id == .claim, !marked, let c = shown, c.status == .claimed, c.assignee == state.actor { continue }
            let bound = keys.keys(for: spec.id, in: context)
            guard let first = bound.first else { continue }
            if spec.id == .moveUp, out.last?.1 == s[.hintMove] { continue }
            if spec.id == .moveDown, let up = keys.keys(for: .moveUp, in: context).first {
                out.append((first.label + "/" + up.label, s[.hintMove]))
                continue
            }
            if spec.id == .back, context == .queue {
                out.append((first.label, s[.hintQuit]))
                continue
            }
            // Esc puts away an alert first; with none showing it unmarks; with neither it does nothing, and is not offered.
            if spec.id == .clearMarks {
                if state.alert != nil { out.append((first.label, spec.label(state.language))) } else if marked { out.append((first.label, s[.hintUnmark])) }
                continue
            }
            out.append((first.label, spec.label(state.language)))
        }
        return out
    }
}
