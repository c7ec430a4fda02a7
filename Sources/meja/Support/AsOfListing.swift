import DeskCore
import Foundation

/// `meja list --as-of TIME`: the queue as it stood at a moment, rebuilt from the log.
enum AsOfListing {
    static func print(desk: Desk, at moment: Date, statuses: Set<CommentStatus>, json: Bool) throws {
        let rows: [(Comment, LogReplay.State, LoggedClocks?)] = try desk.store.read { tx in
            let replay = try LogReplay.replay(tx, until: moment, keepingClocks: true)
            return try replay.states.keys.sorted().compactMap { id in
                guard let state = replay.states[id], statuses.contains(state.status), let c = try tx.comment(id: id) else { return nil }
                return (c, state, replay.clocks[id])
            }
        }
        let items = rows.map { c, state, clocks -> (QueueItem, LogReplay.State) in
            var comment = c
            comment.status = state.status
            comment.assignee = state.assignee
            // The clocks as the log stated them then (a pause lifted since is still on, a later extension not yet given);
            // today's clocks, with what came after taken off, for a comment imported before the log stated arrivals.
            comment.sla = (clocks?.applied(to: comment.sla) ?? comment.sla).asOf(moment)
            return (QueueItem(comment: comment, clock: comment.sla.mostUrgent(at: moment), passedOver: false), state)
        }.sorted { a, b in
            let x = a.0, y = b.0
            return (x.state.urgency, x.clock?.dueAt ?? .distantFuture, x.comment.createdAt, x.comment.id)
                < (y.state.urgency, y.clock?.dueAt ?? .distantFuture, y.comment.createdAt, y.comment.id)
        }
        if json {
            Console.jsonLines(items.map { item, state in
                guard case .object(var o) = item.json else { return item.json }
                o["reply_count"] = .int(state.replies)
                o["as_of"] = .time(moment)
                return .object(o)
            })
        } else {
            Console.out("As of \(Timestamp.local(moment, in: desk.config.calendar.zone)), rebuilt from the log:")
            QueueTable.render(items.map(\.0), now: moment, width: Console.width).forEach(Console.out)
        }
    }
}
