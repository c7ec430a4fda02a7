import Foundation

/// How the clocks of all comments still needing action stand at one moment: the supervisor's overview.
public struct SLACensus: Sendable, Hashable {
    public var at: Date
    /// Comments by the state of their most urgent clock.
    public var byState: [SLAState: Int] = [:]
    /// Breached comments by the clock that breached.
    public var breachedByClock: [SLAClock: Int] = [:]
    public var total = 0

    /// Evaluates every open comment's clocks at `now`.
    public static func take(_ store: any DeskStore, at now: Date) throws -> SLACensus {
        var census = SLACensus(at: now)
        try store.read { tx in
            try tx.forEachOpenSLA { _, sla in
                census.total += 1
                let urgent = sla.mostUrgent(at: now)
                let state = urgent?.state ?? .none
                census.byState[state, default: 0] += 1
                if state == .breached, let clock = urgent?.clock { census.breachedByClock[clock, default: 0] += 1 }
            }
        }
        return census
    }

    public var json: JSONValue {
        ["at": .time(at), "total": .int(total),
         "by_state": .object(Dictionary(uniqueKeysWithValues: SLAState.allCases.map { ($0.rawValue, JSONValue.int(byState[$0] ?? 0)) })),
         "breached_by_clock": .object(Dictionary(uniqueKeysWithValues: SLAClock.allCases.map { ($0.rawValue, JSONValue.int(breachedByClock[$0] ?? 0)) }))]
    }
}
