import Foundation

/// A comment's response-time clocks as the log states them: its `arrivals` row, then every `clocks` change after it
/// (`ClockLog`), folded in order. Replayed up to a moment, this is the comment's SLA record as it stood then —
/// including a pause lifted since (today's record no longer shows it) and a due time a later pause moved.
public struct LoggedClocks: Sendable, Hashable {
    public var createdAt: Date
    public var responseClock: SLAClock?
    public var responseDueAt: Date?
    public var resolutionDueAt: Date?
    public var respondedAt: Date?
    public var responseStoppedAt: Date?
    public var resolvedAt: Date?
    public var resolutionStoppedAt: Date?
    public var pausedSince: Date?
    public var escalatedAt: Date?

    /// The clocks of an `arrivals` row (fields named by the batch's `arrival_fields`).
    init?(arrival row: [JSONValue], fields: [String: Int]) {
        func value(_ name: String) -> JSONValue? { fields[name].flatMap { row.indices.contains($0) ? row[$0] : nil } }
        guard let created = value("created_at")?.stringValue.flatMap(Timestamp.parse) else { return nil }
        createdAt = created
        responseClock = value("clock")?.stringValue.flatMap(SLAClock.init(rawValue:))
        responseDueAt = value("response_due_after_s")?.intValue.map { created + TimeInterval($0) }
        resolutionDueAt = value("resolution_due_after_s")?.intValue.map { created + TimeInterval($0) }
    }

    /// Applies one event's `clocks` entry for this comment: the fields it names take their new values (`null` clears).
    mutating func apply(_ change: [String: JSONValue]) {
        func instant(_ key: String, _ field: inout Date?) {
            if let v = change[key] { field = v.stringValue.flatMap(Timestamp.parse) }
        }
        instant("responded_at", &respondedAt)
        instant("response_stopped_at", &responseStoppedAt)
        if let clock = change["clock"] { responseClock = clock.stringValue.flatMap(SLAClock.init(rawValue:)) }
        if let after = change["response_due_after_s"] { responseDueAt = after.intValue.map { createdAt + TimeInterval($0) } }
        instant("resolved_at", &resolvedAt)
        instant("resolution_stopped_at", &resolutionStoppedAt)
        instant("paused_since", &pausedSince)
        instant("resolution_due_at", &resolutionDueAt)
        instant("escalated_at", &escalatedAt)
    }

    /// `record` (today's, for what the log does not state: the policy, the paused total) with the logged clocks in
    /// place. An at-risk time moves with its due time, by as much (the log states due times, not at-risk times).
    public func applied(to record: SLARecord) -> SLARecord {
        var r = record
        func shifted(_ risk: Date?, from due: Date?, to newDue: Date?) -> Date? {
            guard let risk, let due, let newDue else { return newDue == nil ? nil : risk }
            return risk + newDue.timeIntervalSince(due)
        }
        r.responseAtRiskAt = shifted(record.responseAtRiskAt, from: record.responseDueAt, to: responseDueAt)
        r.resolutionAtRiskAt = shifted(record.resolutionAtRiskAt, from: record.resolutionDueAt, to: resolutionDueAt)
        r.responseClock = responseClock
        r.responseDueAt = responseDueAt
        r.resolutionDueAt = resolutionDueAt
        r.respondedAt = respondedAt
        r.responseStoppedAt = responseStoppedAt
        r.resolvedAt = resolvedAt
        r.resolutionStoppedAt = resolutionStoppedAt
        r.pausedSince = pausedSince
        r.escalatedAt = escalatedAt
        return r
    }
}
