import Foundation

/// Starts, advances and stops the response-time clocks of comments under the agency's policies.
///
/// The engine is pure: it takes instants and returns updated `SLARecord`s. Which policy version a comment is
/// measured under is decided once, when it arrives; later events use that version's own targets and calendar.
public struct SLAEngine: Sendable {
    /// The current policies, in the order they are matched (first match wins).
    public var policies: [VersionedPolicy]

    public init(policies: [VersionedPolicy]) { self.policies = policies }

    /// The first policy that applies to a comment, or nil when none does (no fallback configured).
    public func policy(platform: Platform, channel: String?, intent: Intent?, tags: [String]) -> VersionedPolicy? {
        policies.first { $0.policy.matches(platform: platform, channel: channel, intent: intent, tags: tags) }
    }

    /// A fresh record for a comment written at `createdAt`. `followsAgencyReply` is true when the agency had
    /// already answered in the thread before it: the comment then starts a `next_response` clock.
    public static func start(_ versioned: VersionedPolicy, createdAt: Date, followsAgencyReply: Bool) -> SLARecord {
        let policy = versioned.policy
        let kind: SLAClock = followsAgencyReply ? .nextResponse : .firstResponse
        let response = deadline(policy.target(kind), threshold: policy.atRisk, from: createdAt, calendar: versioned.calendar)
        let resolution = deadline(policy.resolution, threshold: policy.atRisk, from: createdAt, calendar: versioned.calendar)
        return SLARecord(policy: policy.name, policyVersion: versioned.version, responseClock: kind,
                         responseDueAt: response?.due, responseAtRiskAt: response?.atRisk,
                         resolutionDueAt: resolution?.due, resolutionAtRiskAt: resolution?.atRisk)
    }

    /// The due and at-risk instants of a target counted from `start`.
    public static func deadline(_ target: SLADuration, threshold: AtRiskThreshold, from start: Date,
                                calendar: BusinessCalendar) -> (due: Date, atRisk: Date)? {
        switch target.mode {
        case .calendar:
            let due = start + Double(target.seconds)
            let lead: Double = switch threshold {
            case .share(let s): Double(target.seconds) * s
            case .remaining(let d): Double(d.seconds)
            }
            return (due, max(start, due - lead))
        case .business:
            guard let opening = calendar.nextOpening(atOrAfter: start) else { return nil }
            let due: Date?
            if target.unit == .days {
                due = calendar.adding(businessDays: target.amount, to: start)
            } else {
                due = calendar.adding(businessSeconds: target.seconds, to: start)
            }
            guard let due else { return nil }
            let total = calendar.businessSeconds(from: opening, to: due)
            let lead: Int = switch threshold {
            case .share(let s): Int((Double(total) * s).rounded())
            case .remaining(let d): d.seconds
            }
            let atRisk = calendar.adding(businessSeconds: max(0, total - lead), to: opening) ?? due
            return (due, atRisk)
        }
    }

    /// Records an answer by the agency at `at`: the response clock is met (the earliest answer counts).
    public static func responded(_ record: inout SLARecord, at: Date) {
        guard record.responseClock != nil else { return }
        if record.respondedAt.map({ at < $0 }) ?? true { record.respondedAt = at }
        record.responseStoppedAt = nil
    }

    /// An answer written at `at` to a comment that was closed as unanswered (its resolution withdrawn when it closed):
    /// found later (an export imported after the desk closed it), it makes the close the resolution it was — in
    /// whatever order files and actions come, the figures are the same.
    public static func answeredBeforeClose(_ record: inout SLARecord, at: Date) {
        guard record.resolvedAt == nil, let closed = record.resolutionStoppedAt, at <= closed else { return }
        record.resolvedAt = closed
        record.resolutionStoppedAt = nil
    }

    /// Moves the clocks for a status change at `at`, measured under the comment's own policy version.
    public static func statusChanged(_ record: inout SLARecord, from old: CommentStatus, to new: CommentStatus, at: Date,
                                     policy: VersionedPolicy?) {
        if old == .waitingCitizen, new != .waitingCitizen { resume(&record, at: at, policy: policy) }
        switch new {
        case .waitingCitizen:
            if record.resolvedAt == nil, record.resolutionStoppedAt == nil, record.pausedSince == nil { record.pausedSince = at }
        case .closed:
            // Closing resolves what was answered. Closed unanswered, nothing was resolved for the citizen: both clocks
            // are withdrawn, as for spam — a miss if they had breached, never a resolution on time.
            if record.respondedAt == nil {
                if record.responseStoppedAt == nil { record.responseStoppedAt = at }
                if record.resolvedAt == nil, record.resolutionStoppedAt == nil { record.resolutionStoppedAt = at }
            } else if record.resolvedAt == nil {
                record.resolvedAt = at
            }
        case .noReplyNeeded, .spam:
            if record.respondedAt == nil, record.responseStoppedAt == nil { record.responseStoppedAt = at }
            if record.resolvedAt == nil, record.resolutionStoppedAt == nil { record.resolutionStoppedAt = at }
        case .open, .claimed, .new, .escalated:
            if old.isFinal {
                // Reopened: the obligations come back with their original due times.
                record.resolvedAt = nil
                record.resolutionStoppedAt = nil
                if record.respondedAt == nil { record.responseStoppedAt = nil }
            }
        case .replied:
            break
        }
    }

    /// Ends a pause: the resolution due and at-risk times move later by the paused time, unless the clock had
    /// already breached when the pause began (a breach is never undone).
    private static func resume(_ record: inout SLARecord, at: Date, policy: VersionedPolicy?) {
        guard let since = record.pausedSince else { return }
        record.pausedSince = nil
        guard let due = record.resolutionDueAt, since <= due else { return }
        let mode = policy?.policy.resolution.mode ?? .calendar
        if mode == .business, let calendar = policy?.calendar {
            let paused = calendar.businessSeconds(from: since, to: at)
            record.pausedSeconds += paused
            let left = calendar.businessSeconds(from: since, to: due)
            record.resolutionDueAt = calendar.adding(businessSeconds: left, to: at) ?? due
            if let risk = record.resolutionAtRiskAt {
                let riskLeft = calendar.businessSeconds(from: since, to: risk)
                record.resolutionAtRiskAt = risk > since ? calendar.adding(businessSeconds: riskLeft, to: at) ?? risk : risk
            }
        } else {
            let paused = max(0, at.timeIntervalSince(since))
            record.pausedSeconds += Int(paused)
            record.resolutionDueAt = due + paused
            if let risk = record.resolutionAtRiskAt, risk > since { record.resolutionAtRiskAt = risk + paused }
        }
    }
}
