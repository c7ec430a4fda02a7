import Foundation

/// A comment's response-time clocks as the log states them: its `arrivals` row, then every `clocks` change after it
/// (`ClockLog`), folded in order. Replayed up to a moment, this is the comment's SLA record as it stood then —
/// including a pause lifted since (today's record no longer shows it) and a due time a later pause moved.
///
/// A replay keeps one for every comment (a million on a large desk), so only what the log states is stored, each
/// instant in eight bytes: 176 bytes a comment with its arrival, against 304 for a whole `SLARecord` and `Date?`s.
public struct LoggedClocks: Sendable, Hashable {
    public var createdAt: Date
    private var responseDue: Instant
    private var resolutionDue: Instant
    private var responded: Instant
    private var responseStopped: Instant
    private var resolved: Instant
    private var resolutionStopped: Instant
    private var pausedSince: Instant
    private var escalated: Instant
    private var responseClock: SLAClock?
    /// What the import stated about the comment beside its clocks (`LoggedArrival`), when the replay kept it.
    public var arrival: LoggedArrival?

    /// The clocks the log states. What it does not state stays unset: the policy, the at-risk times, the paused total
    /// (and setting them keeps nothing of them).
    public var record: SLARecord {
        get {
            SLARecord(responseClock: responseClock, responseDueAt: responseDue.date, respondedAt: responded.date,
                      responseStoppedAt: responseStopped.date, resolutionDueAt: resolutionDue.date, resolvedAt: resolved.date,
                      resolutionStoppedAt: resolutionStopped.date, pausedSince: pausedSince.date, escalatedAt: escalated.date)
        }
        set {
            responseClock = newValue.responseClock
            responseDue = Instant(newValue.responseDueAt)
            responded = Instant(newValue.respondedAt)
            responseStopped = Instant(newValue.responseStoppedAt)
            resolutionDue = Instant(newValue.resolutionDueAt)
            resolved = Instant(newValue.resolvedAt)
            resolutionStopped = Instant(newValue.resolutionStoppedAt)
            pausedSince = Instant(newValue.pausedSince)
            escalated = Instant(newValue.escalatedAt)
        }
    }

    /// An instant or none in eight bytes (a `Date?` takes sixteen in a struct): the bits of its time interval.
    private struct Instant: Sendable, Hashable {
        private static let none = Double.nan.bitPattern
        private let bits: UInt64
        init(_ date: Date?) { bits = date?.timeIntervalSinceReferenceDate.bitPattern ?? Self.none }
        var date: Date? { bits == Self.none ? nil : Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits)) }
    }

    /// The clocks of an `arrivals` row (fields named by the batch's `arrival_fields`).
    init?(arrival row: [JSONValue], fields: [String: Int]) {
        func value(_ name: String) -> JSONValue? { fields[name].flatMap { row.indices.contains($0) ? row[$0] : nil } }
        guard let created = value("created_at")?.stringValue.flatMap(Timestamp.parse) else { return nil }
        createdAt = created
        responseClock = value("clock")?.stringValue.flatMap(SLAClock.init(rawValue:))
        responseDue = Instant(value("response_due_after_s")?.intValue.map { created + TimeInterval($0) })
        resolutionDue = Instant(value("resolution_due_after_s")?.intValue.map { created + TimeInterval($0) })
        (responded, responseStopped, resolved, resolutionStopped) = (Instant(nil), Instant(nil), Instant(nil), Instant(nil))
        (pausedSince, escalated) = (Instant(nil), Instant(nil))
    }

    /// Applies one event's `clocks` entry for this comment: the fields it names take their new values (`null` clears).
    mutating func apply(_ change: [String: JSONValue]) {
        var record = self.record
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
        self.record = record
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
