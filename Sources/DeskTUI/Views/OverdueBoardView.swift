import DeskCore

/// The supervisors' overdue board: breached and at-risk items grouped by staff member or by channel, oldest
/// breach first within each group.
public enum OverdueBoardView {
    /// A line of the board: a group heading or an item (its index in `OverdueState.items`).
    public struct Line: Sendable, Hashable {
        /// The group's key (staff name or channel); nil for "nobody" / "no channel".
        public var group: String?
        public var count: Int
        public var item: Int?
    }

    /// The board's lines: groups sorted by name (the unassigned group first), items in the desk's order.
    public static func lines(_ board: OverdueState) -> [Line] {
        var groups: [String?: [Int]] = [:]
        var order: [String?] = []
        for (i, item) in board.items.enumerated() {
            let key: String? = board.grouping == .staff ? item.comment.assignee : item.comment.channel
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        order.sort { a, b in
            switch (a, b) {
            case (nil, _): return b != nil
            case (_, nil): return false
            case let (x?, y?): return x.lowercased() < y.lowercased()
            }
        }
        var out: [Line] = []
        for key in order {
            let members = groups[key] ?? []
            out.append(Line(group: key, count: members.count, item: nil))
            out += members.map { Line(group: key, count: 0, item: $0) }
        }
        return out
    }

    public static func draw(_ state: AppState, on surface: inout some Surface) -> [(String, UIObject)] {
        let s = state.strings
        let body = Layout.body(state.size)
        let board = state.overdue
        QueueRowView.drawHeading(s, row: body.row, width: body.width, on: &surface)
        let all = lines(board)
        // A board longer than the desk loads shows its oldest items: a group's heading then says how many it shows of all.
        let partial = board.counts.map { $0.total > board.items.count } ?? false
        if all.isEmpty {
            surface.put(board.loaded ? s[.boardEmpty] : s[.loading], row: body.row + 2, col: 2, style: CellStyle(board.loaded ? .ok : .muted))
        }
        for i in 0..<Layout.listRows(state.size) {
            let index = board.cursor.scroll + i
            guard index < all.count else { break }
            let row = body.row + 1 + i
            let line = all[index]
            if let item = line.item {
                QueueRowView.draw(board.items[item], row: row, width: body.width, highlighted: index == board.cursor.selected,
                                  marked: !state.marked.isEmpty && state.marked.contains(board.items[item].comment.id),
                                  now: state.now, strings: s, on: &surface)
            } else {
                let name = line.group.map { SafeText.sanitize($0, limit: 64) } ?? (board.grouping == .staff ? s[.groupNobody] : s[.groupNoChannel])
                let groupTotal = board.grouping == .staff ? board.counts?.byStaff[line.group] : board.counts?.byChannel[line.group]
                let count = partial ? s.format(.boardGroupShown, String(line.count), String(groupTotal ?? line.count)) : String(line.count)
                surface.put("▾ " + name + " (\(count))", row: row, col: 0, style: CellStyle(.heading))
            }
        }
        // The status line's counts are of all of them.
        let allCounts = partial ? board.counts : nil
        let breached = allCounts?.breached ?? board.items.filter { $0.state == .breached }.count
        let atRisk = allCounts?.atRisk ?? board.items.filter { $0.state == .atRisk }.count
        // The board also holds comments out of the queue whose clock runs late — answered ones whose resolution is
        // late, and ones set aside (waiting for the citizen, say) without any answer; the queue's counts hold neither,
        // so the difference is named, each kind for what it is.
        let aside = board.items.filter { !$0.comment.status.needsAction }
        let answered = allCounts?.answeredAside ?? aside.filter { $0.comment.sla.respondedAt != nil }.count
        let unanswered = allCounts?.unansweredAside ?? aside.filter { $0.comment.sla.respondedAt == nil }.count
        // The grouping and its key first: at 80 columns the end of the line is cut, and the counts read on after it.
        var status: [(String, UIObject)] = QueueView.marksStatus(state) + [
            ((board.grouping == .staff ? s[.groupedByStaff] : s[.groupedByChannel]) + " │ ", .muted),
            (SLABadge.glyph(.breached) + " " + s.format(.countBreached, String(breached)), .badgeBreached), (" · ", .muted),
            (SLABadge.glyph(.atRisk) + " " + s.format(.countAtRisk, String(atRisk)), .badgeAtRisk)]
        if answered > 0 { status.append((" · " + s.format(.boardAnswered, String(answered)), .muted)) }
        if unanswered > 0 { status.append((" · " + s.format(.boardUnansweredAside, String(unanswered)), .badgeBreached)) }
        if allCounts != nil { status.append((" · " + s.format(.boardOldestShown, String(board.items.count)), .badgeAtRisk)) }
        return status
    }
}
