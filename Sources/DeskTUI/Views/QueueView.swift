import DeskCore

/// The queue: what needs the agency's attention, most urgent first.
public enum QueueView {
    /// Draws the list in the body and returns the status line (counts and filters).
    public static func draw(_ state: AppState, on surface: inout some Surface) -> [(String, UIObject)] {
        let q = state.queue
        let empty = q.filter.isDefault ? state.strings[.queueEmpty] : state.strings[.queueEmptyFiltered]
        QueueRowView.drawList(q.items, cursor: q.cursor, loaded: q.loaded, empty: empty, state: state, on: &surface)
        return status(state)
    }

    /// Counts, then the filters in force.
    static func status(_ state: AppState) -> [(String, UIObject)] {
        let s = state.strings
        var out: [(String, UIObject)] = []
        if let c = state.queue.counts, state.queue.countsFilter == state.queue.filter {
            out.append((s.format(.countTotal, String(c.total)), .status))
            out.append((" · ", .muted))
            out.append((SLABadge.glyph(.breached) + " " + s.format(.countBreached, String(c.breached)), c.breached > 0 ? .badgeBreached : .status))
            out.append((" · ", .muted))
            out.append((SLABadge.glyph(.atRisk) + " " + s.format(.countAtRisk, String(c.atRisk)), c.atRisk > 0 ? .badgeAtRisk : .status))
        } else {
            out.append((s[.counting], .muted))
        }
        if state.queue.loading, state.queue.loaded { out.append(("  " + s[.loading], .muted)) }
        let f = state.queue.filter
        var parts: [String] = []
        switch f.status {
        case .needingAction: break
        case .only(let st): parts.append(s.status(st))
        case .all: parts.append(s[.filterAllStatuses])
        }
        if let p = f.platform { parts.append(p.displayName) }
        if let ch = f.channel { parts.append(SafeText.sanitize(ch, limit: 64)) }
        if let i = f.intent { parts.append(s.intent(i)) }
        switch f.assignee {
        case .anyone: break
        case .mine: parts.append(s[.filterMine])
        case .unassigned: parts.append(s[.filterUnassigned])
        }
        if let q = f.search { parts.append("/" + SafeText.sanitize(q, limit: 64)) }
        if !parts.isEmpty {
            out.append(("  │ " + s[.filterLabel] + " ", .muted))
            out.append((parts.joined(separator: ", "), .status))
        }
        return out
    }
}
