import DeskCore
import Foundation

/// Something that happened: a key's action, typed text, time passing, or the result of an effect.
/// The reducer turns events into a new state and effects.
public enum AppEvent: Sendable {
    /// A bound key was pressed.
    case action(ActionID)
    /// A supervisor-only action was asked for by an agent.
    case denied(ActionID)
    /// Text typed into the composer or a prompt.
    case typed(String)
    /// Text pasted in one piece into the composer or a prompt (one change for undo; cleaned as the external editor's
    /// text is: `SafeText.editable`).
    case pasted(String)
    case resized(Size)
    /// The clock moved on (the input timeout passed).
    case tick(Date)
    /// Nothing is waiting for the keyboard: time for background work (counts).
    case idle
    /// Another process (or this one) committed something: reload what is shown.
    case externalChange

    /// A page of the queue, for the request `token` (older requests' pages are dropped).
    case queueLoaded([QueueItem], at: Date, token: Int)
    /// The queue's counts for `filter` (nil when counting failed), for the request `token`.
    case countsLoaded(QueueCounts?, filter: QueueFilter, token: Int)
    case detailLoaded(CommentDetail, tone: ToneVerdict?)
    /// The comment could not be loaded (`:open` of an id that is not there); the message says why.
    case detailFailed(commentID: Int64, Localized)
    case draftLoaded(commentID: Int64, ReplyDraft?, newestReplyID: Int64? = nil)
    case suggestionsLoaded(commentID: Int64, [Suggestion])
    case reviewLoaded(commentID: Int64, ReplyReview, alsoAnswers: [Comment] = [])
    /// The board's items (at most the desk's limit, oldest breach first) and, when known, how many there are in all.
    case overdueLoaded([QueueItem], counts: OverdueCounts? = nil)
    case passedOverLoaded(PassedOverList)
    case logLoaded([LogEvent], LogAudit.Audit?)
    /// The staff who can be assigned, with what each holds (a supervisor assigns to whoever has room).
    case staffLoaded([StaffMember], workloads: [String: StaffWorkload], then: PickerState.Kind)
    /// The comment a `PLATFORM:ID` named (`:open x:1863…`).
    case commentFound(Int64)
    /// Every channel and platform on the desk (read once, at the start: the filters offer them all).
    case channelsLoaded([String], platforms: [Platform])
    /// The report for the request `token` (nil when it could not be computed; `failed` says why).
    case reportLoaded(Report?, token: Int)
    /// A triage action worked; the message says what happened.
    case done(Notice)
    /// An effect failed; the message says what to do, in both languages (the desk shows its own).
    case failed(Localized)
    /// The draft was saved to the store.
    case draftSaved(commentID: Int64)
    /// `$EDITOR` returned this text (nil when it could not be run; `failed` says why).
    case editorFinished(String?)
    /// The reply was recorded and logged.
    case replySent(commentID: Int64)
    /// What an action on the marked comments did to each.
    case bulkDone(BulkOutcome)
    /// What arrived that needs someone at once since comment `after` (nil: the first look), and the newest id now;
    /// `stillNeeded`: which of the arrivals already named still need action (a colleague may have dealt with one);
    /// `uptime` is the machine's (seconds), which paces the bell even when the desk's clock is fixed (`MEJA_NOW`).
    case urgentLoaded(newest: Int64, [Comment], after: Int64?, stillNeeded: Set<Int64>? = nil, uptime: TimeInterval)
    /// The marked comments as they stand now, for the picker `then` opens (what they can take, what this person may do).
    case markedLoaded([Comment], then: PickerState.Kind)
}

/// What one action on several marked comments did: each comment's command is carried out on its own (its own
/// transaction and log event), so some may be done while others are refused.
public struct BulkOutcome: Sendable, Hashable {
    /// What was done, as the status line says it after "N marked comments" ("now spam", "assigned to budi").
    public var what: Localized
    /// The comments changed.
    public var changed: [Int64] = []
    /// The comments that already were so (nothing recorded for them).
    public var unchanged: [Int64] = []
    /// The comments the desk refused, each with the reason in both languages.
    public var refused: [Refusal] = []

    /// A comment the action was refused on, and why.
    public struct Refusal: Sendable, Hashable {
        public var commentID: Int64
        public var reason: Localized
        public init(commentID: Int64, reason: Localized) {
            self.commentID = commentID
            self.reason = reason
        }
    }

    public init(what: Localized) { self.what = what }
}

/// A triage action on the record, carried out through `Desk`.
public enum DeskCommand: Sendable, Hashable {
    case claim(Int64)
    case release(Int64)
    case assign(Int64, to: String)
    case setStatus(Int64, CommentStatus)
    case setIntent(Int64, Intent)
    case escalate(Int64, reason: String)
    case note(Int64, String)

    public var commentID: Int64 {
        switch self {
        case .claim(let id), .release(let id), .assign(let id, _), .setStatus(let id, _), .setIntent(let id, _), .escalate(let id, _),
             .note(let id, _): id
        }
    }
}

/// Work the reducer asks for; `EffectRunner` carries it out outside the views and reports back with events.
public enum Effect: Sendable {
    /// A page of the queue for `filter`; `token` tells a newer request from an older one.
    case loadQueue(QueueQuery, token: Int)
    /// The queue's counts (slow on a large desk: they are loaded in the background).
    case loadCounts(QueueQuery, filter: QueueFilter, token: Int)
    case loadDetail(Int64)
    case loadDraft(Int64)
    case loadSuggestions(Int64)
    case saveDraft(commentID: Int64, text: String, templateID: String?, seenReplyID: Int64?)
    case perform(DeskCommand)
    /// The same action on each marked comment, one after another; reported by `bulkDone`.
    case performAll([DeskCommand])
    case review(commentID: Int64, ReplyRequest)
    case send(commentID: Int64, ReplyRequest)
    case openEditor(String)
    case loadOverdue
    case loadPassedOver
    case loadLog(verify: Bool)
    /// The staff list for the assign picker `then` opens.
    case loadStaff(then: PickerState.Kind)
    /// The marked comments as they stand now, for the status or intent picker `then` opens.
    case loadMarked([Int64], then: PickerState.Kind)
    /// What arrived after comment `after` that needs someone at once (`Desk.urgentArrivals`), and which of `named` (the
    /// arrivals the desk is naming) still need action.
    case loadUrgent(after: Int64?, named: [Int64] = [])
    /// Rings the terminal's bell.
    case bell
    case loadChannels
    /// Finds the comment a `PLATFORM:ID` names.
    case findComment(String)
    /// The report of a period (about 2 s on a million comments: it runs apart from the other loads).
    case loadReport(ReportPeriod, token: Int)
}

extension Effect {
    /// Reads the store and changes nothing: it may run away from the screen, in the background.
    public var isRead: Bool {
        switch self {
        case .loadQueue, .loadCounts, .loadDetail, .loadDraft, .loadSuggestions, .review, .loadOverdue, .loadPassedOver, .loadLog,
             .loadStaff, .loadMarked, .loadUrgent, .loadChannels, .findComment, .loadReport: true
        case .saveDraft, .perform, .performAll, .send, .openEditor, .bell: false
        }
    }

    /// Secondary information the screen does not wait for (counts, the log's verification).
    public var isSecondary: Bool {
        switch self {
        case .loadCounts, .loadChannels, .loadLog(verify: true): return true
        default: return false
        }
    }

    /// A long read (a report; the desk's channels and platforms, a scan of every comment; the log's whole check) that
    /// runs on its own background queue, so the screens' quick loads never wait behind it.
    public var isLong: Bool {
        switch self {
        case .loadReport, .loadChannels, .loadLog(verify: true): return true
        default: return false
        }
    }

    /// The queue request a load belongs to, if it is one.
    public var queueToken: Int? {
        switch self {
        case .loadQueue(_, let token), .loadCounts(_, _, let token): token
        default: nil
        }
    }

    /// The report request a load belongs to, if it is one.
    public var reportToken: Int? {
        if case .loadReport(_, let token) = self { return token }
        return nil
    }
}
