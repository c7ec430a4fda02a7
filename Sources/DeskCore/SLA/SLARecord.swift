import Foundation

/// The response-time measurement stored with a comment: the policy version it is measured under and the
/// due, at-risk and done instants of its clocks.
///
/// Evaluating it at a moment (`status(at:)`) gives each clock's state; nothing here reads the time itself.
public struct SLARecord: Hashable, Sendable {
    public var policy: String?
    public var policyVersion: Int?
    /// `first_response` or `next_response`: which response clock this comment started.
    public var responseClock: SLAClock?
    public var responseDueAt: Date?
    public var responseAtRiskAt: Date?
    /// When the agency first answered (in Meja or on the platform).
    public var respondedAt: Date?
    /// When the response obligation was withdrawn without an answer (closed, spam, no reply needed).
    public var responseStoppedAt: Date?
    public var resolutionDueAt: Date?
    public var resolutionAtRiskAt: Date?
    /// When the case was closed.
    public var resolvedAt: Date?
    /// When the resolution obligation was withdrawn (spam, no reply needed).
    public var resolutionStoppedAt: Date?
    /// Set while the comment waits on the citizen: the resolution clock is paused.
    public var pausedSince: Date?
    /// Paused time so far, in the resolution target's own mode (business or calendar seconds).
    public var pausedSeconds: Int
    /// When the comment was escalated to supervisors for a breach (once).
    public var escalatedAt: Date?

    /// Whether the response clock still runs: started, neither met by an answer nor withdrawn (spam, no reply
    /// needed, closed unanswered). Only such a comment can be passed over, in the desk and in reports alike.
    public var awaitsResponse: Bool { responseClock != nil && respondedAt == nil && responseStoppedAt == nil }

    public init(policy: String? = nil, policyVersion: Int? = nil, responseClock: SLAClock? = nil,
                responseDueAt: Date? = nil, responseAtRiskAt: Date? = nil, respondedAt: Date? = nil,
                responseStoppedAt: Date? = nil, resolutionDueAt: Date? = nil, resolutionAtRiskAt: Date? = nil,
                resolvedAt: Date? = nil, resolutionStoppedAt: Date? = nil, pausedSince: Date? = nil,
                pausedSeconds: Int = 0, escalatedAt: Date? = nil) {
        self.policy = policy
        self.policyVersion = policyVersion
        self.responseClock = responseClock
        self.responseDueAt = responseDueAt
        self.responseAtRiskAt = responseAtRiskAt
        self.respondedAt = respondedAt
        self.responseStoppedAt = responseStoppedAt
        self.resolutionDueAt = resolutionDueAt
        self.resolutionAtRiskAt = resolutionAtRiskAt
        self.resolvedAt = resolvedAt
        self.resolutionStoppedAt = resolutionStoppedAt
        self.pausedSince = pausedSince
        self.pausedSeconds = pausedSeconds
        self.escalatedAt = escalatedAt
    }

    /// One clock of a comment at a moment.
    public struct ClockStatus: Hashable, Sendable {
        public var clock: SLAClock
        public var state: SLAState
        public var dueAt: Date?
        public var atRiskAt: Date?
        /// When the clock was met (answered or closed).
        public var metAt: Date?
        /// True when it was met after its due time, or withdrawn after it had breached.
        public var late: Bool
        /// When the clock was withdrawn without being met (closed unanswered, spam, no reply needed); its state is then
        /// `none`, and `late` says whether it had breached first.
        public var stoppedAt: Date? = nil
    }

    /// Every clock this comment has, at `now`.
    public func clocks(at now: Date) -> [ClockStatus] {
        [responseStatus(at: now), resolutionStatus(at: now)].compactMap { $0 }
    }

    private func responseStatus(at now: Date) -> ClockStatus? {
        guard let kind = responseClock, let due = responseDueAt else { return nil }
        return Self.status(kind, due: due, atRisk: responseAtRiskAt, done: respondedAt, stopped: responseStoppedAt, paused: false, now: now)
    }

    private func resolutionStatus(at now: Date) -> ClockStatus? {
        guard let due = resolutionDueAt else { return nil }
        return Self.status(.resolution, due: due, atRisk: resolutionAtRiskAt, done: resolvedAt, stopped: resolutionStoppedAt,
                           paused: pausedSince != nil, now: now)
    }

    private static func status(_ clock: SLAClock, due: Date, atRisk: Date?, done: Date?, stopped: Date?, paused: Bool,
                               now: Date) -> ClockStatus {
        if let done { return ClockStatus(clock: clock, state: .met, dueAt: due, atRiskAt: atRisk, metAt: done, late: done > due) }
        if let stopped {
            return ClockStatus(clock: clock, state: .none, dueAt: due, atRiskAt: atRisk, metAt: nil, late: stopped > due, stoppedAt: stopped)
        }
        if paused { return ClockStatus(clock: clock, state: .paused, dueAt: due, atRiskAt: atRisk, metAt: nil, late: false) }
        // Times are kept in whole seconds and a reply within the due second is on time: the clock breaches after it.
        let state: SLAState = now.timeIntervalSince1970.rounded(.down) > due.timeIntervalSince1970 ? .breached : (atRisk.map { now >= $0 } ?? false) ? .atRisk : .onTrack
        return ClockStatus(clock: clock, state: state, dueAt: due, atRiskAt: atRisk, metAt: nil, late: state == .breached)
    }

    /// The clock that matters most now: the most urgent running one; else a paused one; else a met one; else none.
    public func mostUrgent(at now: Date) -> ClockStatus? {
        // Two clocks at most: compared directly, without building lists (a census runs this a million times).
        let response = responseStatus(at: now)
        let resolution = resolutionStatus(at: now)
        func running(_ c: ClockStatus?) -> ClockStatus? { c.flatMap { $0.state.urgency <= SLAState.onTrack.urgency ? $0 : nil } }
        switch (running(response), running(resolution)) {
        case let (a?, b?):
            return (b.state.urgency, b.dueAt ?? .distantFuture) < (a.state.urgency, a.dueAt ?? .distantFuture) ? b : a
        case let (a?, nil): return a
        case let (nil, b?): return b
        case (nil, nil): break
        }
        if response?.state == .paused { return response }
        if resolution?.state == .paused { return resolution }
        if resolution?.state == .met { return resolution }
        if response?.state == .met { return response }
        return nil
    }

    /// The comment's SLA state at `now` (`none` when it has no clock).
    public func state(at now: Date) -> SLAState { mostUrgent(at: now)?.state ?? .none }

    /// The running clock with the earliest due time, independent of "now": what the queue index sorts by.
    public var nextDue: (clock: SLAClock, dueAt: Date, atRiskAt: Date)? {
        var best: (SLAClock, Date, Date)? = nil
        if let kind = responseClock, let due = responseDueAt, respondedAt == nil, responseStoppedAt == nil {
            best = (kind, due, responseAtRiskAt ?? due)
        }
        if let due = resolutionDueAt, resolvedAt == nil, resolutionStoppedAt == nil, pausedSince == nil,
           best.map({ due < $0.1 }) ?? true {
            best = (.resolution, due, resolutionAtRiskAt ?? due)
        }
        return best
    }
}

extension SLARecord {
    /// The record with every instant cut to its whole second, as the store keeps it.
    public var wholeSeconds: SLARecord {
        func cut(_ d: Date?) -> Date? { d.map { Date(timeIntervalSince1970: floor($0.timeIntervalSince1970)) } }
        var r = self
        r.responseDueAt = cut(responseDueAt)
        r.responseAtRiskAt = cut(responseAtRiskAt)
        r.respondedAt = cut(respondedAt)
        r.responseStoppedAt = cut(responseStoppedAt)
        r.resolutionDueAt = cut(resolutionDueAt)
        r.resolutionAtRiskAt = cut(resolutionAtRiskAt)
        r.resolvedAt = cut(resolvedAt)
        r.resolutionStoppedAt = cut(resolutionStoppedAt)
        r.pausedSince = cut(pausedSince)
        r.escalatedAt = cut(escalatedAt)
        return r
    }

    /// The record as it stood under the standard `name` (version `version`, `policy` when it is stored) that a later
    /// intent correction replaced: its due times are this record's (as the log stated them then), its at-risk times
    /// those of that standard's threshold from `createdAt` — a comment is measured again only while nothing had
    /// happened to its clocks, so none were paused or moved.
    public func under(_ policy: VersionedPolicy?, name: String?, version: Int?, createdAt: Date) -> SLARecord {
        var r = self
        r.policy = name
        r.policyVersion = version
        guard let policy else { return r }
        if let kind = responseClock, responseDueAt != nil {
            r.responseAtRiskAt = SLAEngine.deadline(policy.policy.target(kind), threshold: policy.policy.atRisk, from: createdAt,
                                                    calendar: policy.calendar)?.atRisk ?? responseAtRiskAt
        }
        if resolutionDueAt != nil {
            r.resolutionAtRiskAt = SLAEngine.deadline(policy.policy.resolution, threshold: policy.policy.atRisk, from: createdAt,
                                                      calendar: policy.calendar)?.atRisk ?? resolutionAtRiskAt
        }
        return r
    }

    /// The record with everything that happened after `moment` taken back (answers, closing, pauses,
    /// escalation), to show clocks as they stood then. Pause extensions granted later are not undone.
    public func asOf(_ moment: Date) -> SLARecord {
        func before(_ d: Date?) -> Date? { d.flatMap { $0 <= moment ? $0 : nil } }
        var r = self
        r.respondedAt = before(respondedAt)
        r.responseStoppedAt = before(responseStoppedAt)
        r.resolvedAt = before(resolvedAt)
        r.resolutionStoppedAt = before(resolutionStoppedAt)
        r.pausedSince = before(pausedSince)
        r.escalatedAt = before(escalatedAt)
        return r
    }
}
