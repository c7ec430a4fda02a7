import Foundation

/// A comment's response-time clocks as the log states them: its `arrivals` row, then every `clocks` change after it
/// (`ClockLog`), folded in order. Replayed up to a moment, this is the comment's SLA record as it stood then —
/// including a pause lifted since (today's record no longer shows it) and a due time a later pause moved.
public struct LoggedClocks: Sendable, Hashable {
    public var createdAt: Date
    /// The clocks the log states. What it does not state stays unset: the policy, the at-risk times, the paused total.
    public var record: SLARecord
    /// What the import stated about the comment beside its clocks (`LoggedArrival`), when the replay kept it.
    public var arrival: LoggedArrival?

    /// The clocks of an `arrivals` row (fields named by the batch's `arrival_fields`).
    init?(arrival row: [JSONValue], fields: [String: Int]) {
        func value(_ name: String) -> JSONValue? { fields[name].flatMap { row.indices.contains($0) ? row[$0] : nil } }
        guard let created = value("created_at")?.stringValue.flatMap(Timestamp.parse) else { return nil }
        createdAt = created
        record = SLARecord(responseClock: value("clock")?.stringValue.flatMap(SLAClock.init(rawValue:)),
                           responseDueAt: value("response_due_after_s")?.intValue.map { created + TimeInterval($0) },
                           resolutionDueAt: value("resolution_due_after_s")?.intValue.map { created + TimeInterval($0) })
    }

    /// Applies one event's `clocks` entry for this comment: the fields it names take their new values (`null` clears).
    mutating func apply(_ change: [String: JSONValue]) {
        func instant(_ key: String, _ field: WritableKeyPath<SLARecord, Date?>) {
            if let v = change[key] { record[keyPath: field] = v.stringValue.flatMap(Timestamp.parse) }
        }
        instant("responded_at", \.respondedAt)
        instant("response_stopped_at", \.responseStoppedAt)
        if let clock = change["clock"] { record.responseClock = clock.stringValue.flatMap(SLAClock.init(rawValue:)) }
        if let after = change["response_due_after_s"] { record.responseDueAt = after.intValue.map { createdAt + TimeInterval($0) } }
        instant("resolved_at", \.resolvedAt)
        instant("resolution_stopped_at", \.resolutionStoppedAt)
        instant("paused_since", \.pausedSince)
        instant("resolution_due_at", \.resolutionDueAt)
        instant("escalated_at", \.escalatedAt)
    }

    /// The logged clocks completed from `today` (the comment's record now) with what the log does not state: the
    /// policy, the paused total, and the at-risk times, each moved by as much as its due time moved.
    public func applied(to today: SLARecord) -> SLARecord {
        func shifted(_ risk: Date?, from due: Date?, to newDue: Date?) -> Date? {
            guard let risk, let due, let newDue else { return newDue == nil ? nil : risk }
            return risk + newDue.timeIntervalSince(due)
        }
        var r = record
        r.policy = today.policy
        r.policyVersion = today.policyVersion
        r.pausedSeconds = today.pausedSeconds
        r.responseAtRiskAt = shifted(today.responseAtRiskAt, from: today.responseDueAt, to: record.responseDueAt)
        r.resolutionAtRiskAt = shifted(today.resolutionAtRiskAt, from: today.resolutionDueAt, to: record.resolutionDueAt)
        return r
    }
}
