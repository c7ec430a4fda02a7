import DeskCore

/// The queue: what needs the agency's attention, most urgent first.
public enum QueueView {
    /// Draws the list in the body and returns the status line (counts and filters).
    public static func draw(_ state: AppState, on surface: inout some Surface) -> [(String, UIObject)] {
        let q = state.queue
        let empty = q.filter.isDefault ? state.strings[.queueEmpty] : state.strings[.queueEmptyFiltered]
        QueueRowView.drawList(q.items, cursor: q.cursor, loaded: q.loaded, empty: empty, marked: state.marked, state: state, on: &surface)
        return status(state)
    }

    /// Counts, then the filters in force. When they do not fit the width, the counts lose their words (`281 · !! 211 ·
    /// ! 3`), then the filters their label, and last the free-text filters (channel, search; listed last) are cut, so
    /// that at 80 columns the list still says what it is showing.
    static func status(_ state: AppState) -> [(String, UIObject)] {
        let s = state.strings
        let loading: [(String, UIObject)] = state.queue.loading && state.queue.loaded ? [("  " + s[.loading], .muted)] : []
        let parts = filterParts(state).joined(separator: ", ")
        let marks = marksStatus(state)
        func filters(labelled: Bool) -> [(String, UIObject)] {
            parts.isEmpty ? [] : [("  │ " + (labelled ? s[.filterLabel] + " " : ""), .muted), (parts, .status)]
        }
        guard let c = state.queue.counts, state.queue.countsFilter == state.queue.filter else {
            return marks + [(s[.counting], .muted)] + loading + filters(labelled: true)
        }
        func counts(worded: Bool) -> [(String, UIObject)] {
            func figure(_ key: UIString, _ n: Int) -> String { worded ? s.format(key, String(n)) : String(n) }
            // "In queue" only for what needs the agency: under another status filter (answered, closed, all) it is a list.
            let inQueue = switch state.queue.filter.status {
            case .needingAction: true
            case .only(let status): status.needsAction
            case .all: false
            }
            let total: UIString = inQueue ? .countTotal : .countListed
            return [(figure(total, c.total), .status), (" · ", .muted),
                    (SLABadge.glyph(.breached) + " " + figure(.countBreached, c.breached), c.breached > 0 ? .badgeBreached : .status),
                    (" · ", .muted),
                    (SLABadge.glyph(.atRisk) + " " + figure(.countAtRisk, c.atRisk), c.atRisk > 0 ? .badgeAtRisk : .status)]
        }
        // The status line starts one column in and keeps one free at the end.
        func width(_ line: [(String, UIObject)]) -> Int { line.reduce(0) { $0 + DisplayWidth.of($1.0) } }
        let room = state.size.width - 2 - width(marks)
        for (worded, labelled) in [(true, true), (false, true), (false, false)] {
            let line = counts(worded: worded) + loading + filters(labelled: labelled)
            if width(line) <= room { return marks + line }
        }
        var line = counts(worded: false) + loading + filters(labelled: false)
        line[line.count - 1].0 = TextLayout.truncate(parts, to: max(1, room - width(line.dropLast())))
        return marks + line
    }

    /// The marks, first on the status line of the lists that take them: what the next c, a, s or E will act on must not
    /// be cut off.
    static func marksStatus(_ state: AppState) -> [(String, UIObject)] {
        state.marked.isEmpty ? [] : [("● " + state.strings.format(.marked, String(state.marked.count)), .info), ("  ", .muted)]
    }

    /// The filters in force, each as the desk names it, the free-text ones last.
    private static func filterParts(_ state: AppState) -> [String] {
        let s = state.strings
        let f = state.queue.filter
        var parts: [String] = []
        switch f.status {
        case .needingAction: break
        case .only(let st): parts.append(s.status(st))
        case .all: parts.append(s[.filterAllStatuses])
        }
        if let p = f.platform { parts.append(p.displayName) }
        if let i = f.intent { parts.append(s.intent(i)) }
        if let t = f.topic { parts.append(s.tags([t.rawValue])) }
        if f.urgent { parts.append("⚑ " + s[.filterUrgent]) }
        switch f.assignee {
        case .anyone: break
        case .mine: parts.append(s[.filterMine])
        case .unassigned: parts.append(s[.filterUnassigned])
        }
        // Free text last: a line too narrow cuts these first.
        if let ch = f.channel { parts.append(SafeText.sanitize(ch, limit: 64)) }
        if let q = f.search { parts.append("/" + SafeText.sanitize(q, limit: 64)) }
        return parts
    }
}
