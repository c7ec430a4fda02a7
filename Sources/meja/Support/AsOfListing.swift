import DeskCore
import Foundation

/// `meja list --as-of TIME`: the queue as it stood at a moment, rebuilt from the log.
enum AsOfListing {
    /// Prints the comments whose replayed status, and assignee, match `query` (its platform and words too; its
    /// limit after ordering).
    static func print(desk: Desk, at moment: Date, query: QueueQuery, json: Bool) throws {
        // The words are looked up in today's full-text index: a comment's words never change.
        var matching: Set<Int64>?
        if query.search != nil {
            var all = query
            all.statuses = Set(CommentStatus.allCases)
            all.assignee = .anyone
            all.limit = Int.max
            matching = Set(try desk.store.read { try $0.queue(all) }.map(\.id))
        }
        func wanted(_ c: Comment, _ state: LogReplay.State) -> Bool {
            // Tags, like words, are the import's and do not change.
            guard query.statuses.contains(state.status), query.platform.map({ $0 == c.platform }) ?? true,
                  query.tags.isEmpty || query.tags.contains(where: c.tags.contains),
                  matching?.contains(c.id) ?? true else { return false }
            switch query.assignee {
            case .anyone: return true
            case .unassigned: return state.assignee == nil
            case .staff(let name): return state.assignee == name
            }
        }
        let rows: [(Comment, LogReplay.State)] = try desk.store.read { tx in
            let replay = try LogReplay.replay(tx, until: moment, keepingClocks: true)
            return try replay.states.ids.sorted().compactMap { id in
                guard let state = replay.states[id], var c = try tx.comment(id: id) else { return nil }
                let clocks = replay.clocks[id]
                // What the citizen wanted as staff had it then (read at import, corrected up to then).
                if let arrival = clocks?.arrival { c.intent = arrival.intent.flatMap(Intent.init(rawValue:)) }
                guard wanted(c, state) else { return nil }
                c.status = state.status
                c.assignee = state.assignee
                // The clocks as the log stated them then (a pause lifted since is still on, a later extension not yet
                // given); today's clocks, with what came after taken off, for a comment imported before the log stated
                // arrivals. A standard an intent correction replaced since is named, with its own at-risk times.
                var sla = clocks?.applied(to: c.sla) ?? c.sla
                if let then = replay.standardsThen[id] {
                    let stored = try then.policy.flatMap { name in
                        try then.version.flatMap { try desk.policyVersion(SLARecord(policy: name, policyVersion: $0), tx) }
                    }
                    sla = sla.under(stored, name: then.policy, version: then.version, createdAt: c.createdAt)
                }
                c.sla = sla.asOf(moment)
                return (c, state)
            }
        }
        // The desk's order, sorted by small keys (a million whole comments moved about by a sort took most of the time),
        // then only the rows shown made into queue items.
        let clocks = rows.map { comment, _ in comment.sla.mostUrgent(at: moment) }
        let order = rows.indices.map { i in
            ((clocks[i]?.state ?? .none).urgency, clocks[i]?.dueAt ?? .distantFuture, rows[i].0.createdAt, rows[i].0.id, i)
        }.sorted { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }
        let items = order.prefix(query.limit).map { key in
            (QueueItem(comment: rows[key.4].0, clock: clocks[key.4], passedOver: false), rows[key.4].1)
        }
        if json {
            Console.jsonLines(items.map { item, state in
                guard case .object(var o) = item.json else { return item.json }
                o["reply_count"] = .int(state.replies)
                o["passed_over"] = .null  // not rebuilt for a past moment
                o["as_of"] = .time(moment)
                return .object(o)
            })
        } else {
            Console.out("As of \(Timestamp.local(moment, in: desk.config.calendar.zone)), rebuilt from the log:")
            QueueTable.render(items.map(\.0), now: moment, width: Console.width).forEach(Console.out)
        }
        if rows.count > query.limit {
            Console.warn("meja: the \(query.limit) most urgent of \(rows.count) are shown; --limit \(rows.count) lists them all")
        }
    }
}
