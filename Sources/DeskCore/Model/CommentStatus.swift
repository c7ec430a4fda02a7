/// Where a comment stands in the desk's workflow.
///
/// The legal moves between statuses are enforced here, in the core, for every front end alike.
public enum CommentStatus: String, CaseIterable, Sendable, Codable, Comparable {
    case new
    case open
    case claimed
    case replied
    case waitingCitizen = "waiting_citizen"
    case closed
    case noReplyNeeded = "no_reply_needed"
    case spam
    case escalated

    /// The status as staff read it, in both languages (`tak perlu dibalas`, `no reply needed`).
    public var label: Localized {
        switch self {
        case .new: Localized("baru", "new")
        case .open: Localized("terbuka", "open")
        case .claimed: Localized("diambil", "claimed")
        case .replied: Localized("dibalas", "replied")
        case .waitingCitizen: Localized("menunggu warga", "waiting for citizen")
        case .closed: Localized("selesai", "closed")
        case .noReplyNeeded: Localized("tak perlu dibalas", "no reply needed")
        case .spam: Localized("spam", "spam")
        case .escalated: Localized("dieskalasi", "escalated")
        }
    }

    /// The label with the code `meja status` takes, where they differ: `tak perlu dibalas (no_reply_needed)`, `spam`.
    public var labelWithCode: Localized {
        func named(_ label: String) -> String { label == rawValue ? rawValue : "\(label) (\(rawValue))" }
        return Localized(named(label.id), named(label.en))
    }

    /// Statuses that still ask something of the agency: the default queue shows these.
    public static let needingAction: Set<CommentStatus> = [.new, .open, .claimed, .escalated]

    /// Whether a comment in this status still waits for the agency.
    public var needsAction: Bool { Self.needingAction.contains(self) }

    /// Whether the case is finished (the resolution clock stops).
    public var isFinal: Bool { self == .closed || self == .noReplyNeeded || self == .spam }

    /// The statuses a comment may move to from this one.
    ///
    /// `claimed` is reached only through a claim (which also sets the assignee), `replied` only by recording a
    /// reply, and `escalated` by escalation; `meja status` may set the others. Reopening (`open`) is always
    /// possible from a finished state so that a mistake can be undone — on the record.
    public var allowedNext: Set<CommentStatus> {
        switch self {
        case .new: [.open, .claimed, .replied, .closed, .noReplyNeeded, .spam, .escalated]
        case .open: [.claimed, .replied, .closed, .noReplyNeeded, .spam, .escalated]
        case .claimed: [.open, .replied, .waitingCitizen, .closed, .noReplyNeeded, .spam, .escalated]
        case .replied: [.open, .claimed, .replied, .waitingCitizen, .closed, .escalated]
        case .waitingCitizen: [.open, .claimed, .replied, .closed, .escalated]
        case .closed: [.open]
        case .noReplyNeeded: [.open, .claimed]
        case .spam: [.open]
        case .escalated: [.open, .claimed, .replied, .waitingCitizen, .closed, .noReplyNeeded, .spam]
        }
    }

    /// Whether moving from this status to `next` is legal.
    public func canMove(to next: CommentStatus) -> Bool { allowedNext.contains(next) }

    /// The status after an answer to the conversation reaches a comment: `replied` if it was waiting for one (needing
    /// action, or waiting for the citizen); a finished one stays as it is. The desk and the log's replay share this rule.
    public var afterAnswer: CommentStatus {
        (needsAction || self == .waitingCitizen) && canMove(to: .replied) ? .replied : self
    }

    /// Statuses that `meja status` (and the `s` key) may set directly; the rest have their own action.
    public static let settable: [CommentStatus] = [.open, .waitingCitizen, .closed, .noReplyNeeded, .spam]

    public static func < (a: CommentStatus, b: CommentStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
