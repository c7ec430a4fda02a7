import Foundation

/// The desk's service layer: every read and every action of staff goes through here, whatever the front end.
///
/// Each action checks the actor's role and the legal status moves, changes the store and appends its log
/// event in one transaction. Time comes from the injected clock.
public final class Desk: Sendable {
    public let store: any DeskStore
    public let config: DeskConfig
    public let clock: any WallClock
    public let actor: ActorIdentity
    public let reviewer: (any ReplyReviewer)?
    /// Reads a comment's intent and sentiment at import (the tone governor plugs in here).
    public let classifier: (@Sendable (String) -> CommentTone)?
    private let policyCache = PolicyCache()

    public init(store: any DeskStore, config: DeskConfig = DeskConfig(), clock: any WallClock, actor: ActorIdentity,
                reviewer: (any ReplyReviewer)? = nil, classifier: (@Sendable (String) -> CommentTone)? = nil) {
        self.store = store
        self.config = config
        self.clock = clock
        self.actor = actor
        self.reviewer = reviewer
        self.classifier = classifier
    }

    /// The same desk acting as someone else (tests, the demo seeder, automatic escalation).
    public func acting(as actor: ActorIdentity, clock: (any WallClock)? = nil) -> Desk {
        Desk(store: store, config: config, clock: clock ?? self.clock, actor: actor, reviewer: reviewer, classifier: classifier)
    }

    public var now: Date { clock.now }

    /// The time an action is dated: now, or the time of the log's last event when that is later (another process's
    /// action committed while this one waited for the write lock; a clock set back). Read inside the write
    /// transaction, which holds the lock, so the log's times never go back.
    func actionTime(_ tx: any StoreReader) throws -> Date {
        let t = now
        guard let last = try tx.lastEvent().flatMap({ Timestamp.parse($0.at) }), last > t else { return t }
        return last
    }

    // MARK: Reading

    /// A page of the queue in the desk's order, with each comment's SLA standing now.
    public func queue(_ query: QueueQuery) throws -> [QueueItem] {
        try store.read { tx in
            // The actor's own drafts are few: read once, marked on the items they belong to.
            let drafts = try tx.draftCommentIDs(staff: actor.name)
            let page = try tx.queue(query)
            let noted = try tx.notedCommentIDs(among: page.map(\.id))
            return try page.map {
                var item = try item($0, tx, now: query.now)
                item.hasDraft = drafts.contains($0.id)
                item.hasNotes = noted.contains($0.id)
                return item
            }
        }
    }

    /// A page of the default queue (what needs action) at the current time.
    public func queue(limit: Int = 50, offset: Int = 0) throws -> [QueueItem] {
        var q = QueueQuery(now: now, limit: limit)
        q.offset = offset
        return try queue(q)
    }

    public func counts(_ query: QueueQuery) throws -> QueueCounts {
        try store.read { tx in try tx.counts(query) }
    }

    /// How many comments are breached and at risk now, all of them (`overdue` lists at most its limit).
    public func overdueCounts() throws -> OverdueCounts {
        let t = now
        return try store.read { try $0.overdueCounts(now: t) }
    }

    /// Breached items (and with `includeAtRisk`, at-risk ones), oldest breach first.
    public func overdue(includeAtRisk: Bool = false, limit: Int = 10_000) throws -> [QueueItem] {
        let t = now
        return try store.read { tx in
            try tx.overdue(now: t, includeAtRisk: includeAtRisk, limit: limit).map { try item($0, tx, now: t) }
        }
    }

    /// `overdue`, one item at a time as it is read: for a listing of every late comment (`meja overdue --limit` a
    /// million). A read, not a `scan`: each item looks up how many newer comments were answered, and through the mapped
    /// file those look-ups took a third less time than through a scan's small cache (7.5 s against 11 s for 804,000).
    public func forEachOverdue(includeAtRisk: Bool = false, limit: Int = 10_000, _ body: (QueueItem) throws -> Void) throws {
        let t = now
        try store.read { tx in
            try tx.forEachOverdue(now: t, includeAtRisk: includeAtRisk, limit: limit) { try body(try item($0, tx, now: t)) }
        }
    }

    /// Unanswered comments that newer ones in the same queue overtook, among the `scan` most urgent: the fairness
    /// list, oldest first.
    public func passedOver(scan: Int = 2_000) throws -> PassedOverList {
        let t = now
        return try store.read { tx in
            // One more than the scan tells whether the scan was the whole queue.
            var q = QueueQuery(now: t, limit: scan + 1)
            // Parked as waiting for the citizen without an answer, a comment still waits for one.
            q.statuses = CommentStatus.needingAction.union([.waitingCitizen])
            var urgent = try tx.queue(q)
            let complete = urgent.count <= scan
            if !complete { urgent.removeLast() }
            let items = try urgent.filter(\.sla.awaitsResponse)
                .sorted { $0.createdAt < $1.createdAt }
                .map { try item($0, tx, now: t) }.filter(\.passedOver)
            return PassedOverList(items: items, scanned: urgent.count, complete: complete)
        }
    }

    /// One comment with its thread, the citizen's other comments, replies, clocks and history.
    public func detail(id: Int64) throws -> CommentDetail {
        let t = now
        return try store.read { tx in
            guard let c = try tx.comment(id: id) else { throw DeskError.notFound("Comment \(id)") }
            let whole = try tx.thread(around: c)
            let thread = Self.focus(whole, on: c)
            return CommentDetail(item: try item(c, tx, now: t), clocks: c.sla.clocks(at: t), threadComments: thread.comments,
                                 threadReplies: thread.replies, replies: try tx.replies(commentID: id),
                                 otherByAuthor: try tx.comments(byAuthor: c.author, platform: c.platform, excluding: id, before: nil, limit: 10),
                                 earlierByAuthor: try tx.comments(byAuthor: c.author, platform: c.platform, excluding: id,
                                                                  before: c.createdAt, limit: 10),
                                 history: try history(of: c, threadReplies: whole.replies, tx))
        }
    }

    /// The import event that brought comment `id` onto the desk, for tracing a comment on the log: import events are
    /// filed under no subject.
    public func importEvent(of id: Int64) throws -> EventMark? {
        try store.read { tx in
            guard let c = try tx.comment(id: id) else { throw DeskError.notFound("Comment \(id)") }
            return try tx.importEvent(of: id, importedAt: c.importedAt)
        }
    }

    /// The import events that found the agency's answers to comment `id` on the platform, with those answers' ids, in
    /// log order: an answer given outside Meja is on the log too, in the import that brought it.
    public func answerImportEvents(of id: Int64) throws -> [(event: EventMark, replyID: Int64)] {
        try store.read { tx in
            try tx.replies(commentID: id).filter { $0.source == .imported }.compactMap { reply in
                try tx.importEvent(recordingReply: reply.id).map { (event: $0, replyID: reply.id) }
            }.sorted { $0.event.seq < $1.event.seq }
        }
    }

    /// The events about comment `c`: those filed under it, and the reply to the same citizen's other comment that
    /// answered it too (its `also_answered`; found among the conversation's replies sent when `c` was answered).
    func history(of c: Comment, threadReplies: [Reply], _ tx: any StoreReader) throws -> [LogEvent] {
        var events = try tx.events(subject: String(c.id), action: nil, limit: 200)
        let others = Set(Self.answeredThroughOthers(c, among: threadReplies).filter { $0.source == .desk }.compactMap(\.commentID))
        for other in others.sorted() {
            events += try tx.events(subject: String(other), action: LogAction.reply.rawValue, limit: 200).filter { event in
                event.payloadValue["also_answered"]?.arrayValue?.contains { $0.intValue == c.id } == true
            }
        }
        return events.sorted { $0.seq < $1.seq }
    }

    /// The conversation's replies filed under the citizen's other comments that answered `c` too (`alsoAnswered`, a
    /// reply's `also_answered`): those sent the moment it was answered.
    static func answeredThroughOthers(_ c: Comment, among replies: [Reply]) -> [Reply] {
        guard let at = c.sla.respondedAt else { return [] }
        return replies.filter { $0.commentID != c.id && $0.sentAt == at }
    }

    /// Threads up to this size are shown whole.
    static let wholeThread = 12

    /// The part of a busy thread that concerns one citizen: their messages, the messages theirs answer (up the
    /// chain), the messages that answer theirs, and the agency's replies to any of these.
    static func focus(_ thread: (comments: [Comment], replies: [Reply]), on c: Comment) -> (comments: [Comment], replies: [Reply]) {
        guard thread.comments.count + thread.replies.count > wholeThread else { return thread }
        let byExternal = Dictionary(thread.comments.map { ($0.externalID, $0) }) { a, _ in a }
        var keep = Set(thread.comments.filter { $0.author.isSame(as: c.author) }.map(\.externalID))
        keep.insert(c.externalID)
        var frontier = Array(keep)
        while let next = frontier.popLast() {
            if let parent = byExternal[next]?.inReplyTo, byExternal[parent] != nil, keep.insert(parent).inserted { frontier.append(parent) }
        }
        for other in thread.comments where other.inReplyTo.map(keep.contains) == true { keep.insert(other.externalID) }
        let comments = thread.comments.filter { keep.contains($0.externalID) }
        let ids = Set(comments.map(\.id))
        let replies = thread.replies.filter { r in r.commentID.map(ids.contains) == true || r.inReplyTo.map(keep.contains) == true }
        return (comments, replies)
    }

    /// A comment by Meja id, or by `platform:external-id`.
    public func resolve(_ reference: String) throws -> Int64 {
        // `#42` as the desk and `meja show` print it, or `42`.
        if let id = Int64(reference.hasPrefix("#") ? String(reference.dropFirst()) : reference) { return id }
        let parts = reference.split(separator: ":", maxSplits: 1)
        if parts.count == 2, let platform = Platform(parsing: String(parts[0])) {
            if let c = try store.read({ try $0.comment(platform: platform, externalID: String(parts[1])) }) { return c.id }
            throw DeskError.notFound("Comment \(reference)")
        }
        throw DeskError.invalidInput(Localized("'\(reference)' bukan id komentar: pakai nomor yang ditampilkan `meja list`, atau PLATFORM:ID_EKSTERNAL",
                                                "'\(reference)' is not a comment id: use the number `meja list` shows, or PLATFORM:EXTERNAL_ID"))
    }

    public func staff() throws -> [StaffMember] { try store.read { try $0.staff() } }

    /// What each staff member holds now that still needs action, and how much of it has breached, by name.
    public func workloads() throws -> [String: StaffWorkload] {
        let t = now
        return try store.read { try $0.workloads(now: t) }
    }

    /// Every channel (agency account) the desk's comments were addressed to, sorted: what the channel filter offers.
    public func channels() throws -> [String] { try store.read { try $0.channels() } }

    /// Every platform the desk's comments came from, sorted (Meja's own and any an agency imported from).
    public func platforms() throws -> [Platform] { try store.read { try $0.platforms() } }

    /// The acting staff entry, if the actor is on the staff list.
    public func actingMember() throws -> StaffMember? { try store.read { try $0.staffMember(actor.name) } }

    /// A value that changes whenever anything is committed to the record, by this or another process.
    public func changeToken() throws -> Int64 { try store.read { try $0.lastEvent()?.seq ?? 0 } }

    /// The draft this actor is writing for a comment.
    public func draft(for commentID: Int64) throws -> ReplyDraft? {
        try store.read { try $0.draft(commentID: commentID, staff: actor.name) }
    }

    /// Saves the draft as typed (empty text removes it), with the newest reply its writer had seen when they began it
    /// (kept from the first save: `ReplyDraft.seenReplyID`). Drafts are private work, not on the log.
    public func saveDraft(for commentID: Int64, text: String, templateID: String? = nil, seenReplyID: Int64? = nil) throws {
        // Blanks alone are no draft: saving them removes it, as saving an empty text does.
        let kept = text.allSatisfy(\.isWhitespace) ? "" : text
        let d = ReplyDraft(commentID: commentID, staff: actor.name, text: kept, templateID: templateID, updatedAt: now, seenReplyID: seenReplyID)
        try store.write { try $0.saveDraft(d) }
    }

    func item(_ c: Comment, _ tx: any StoreReader, now: Date) throws -> QueueItem {
        let urgent = c.sla.mostUrgent(at: now)
        var passed = false
        if c.sla.awaitsResponse {
            passed = try tx.answeredNewer(than: c, limit: config.passedOverThreshold) >= config.passedOverThreshold
        }
        return QueueItem(comment: c, clock: urgent, passedOver: passed)
    }

    // MARK: Acting

    /// Claims a comment for the actor. Atomic: of two people claiming at once, one wins and the other is told
    /// who holds it.
    @discardableResult
    public func claim(_ id: Int64) throws -> CommentChange {
        try change(id, action: .claim) { c, me in
            // A finished comment cannot be claimed by anyone: say that, not who held it last.
            if c.status != .claimed, c.status != .escalated, !c.status.canMove(to: .claimed) { try move(&c, to: .claimed) }
            if let holder = c.assignee, holder != me.name { throw DeskError.claimedByOther(commentID: id, holder: holder) }
            try self.refuseEscalated(c, to: me, action: Localized("mengambilnya", "claim it"))
            // Already theirs — claimed, or answered by them and waiting on its resolution: claiming again changes nothing
            // (it once put an answered comment back in the queue as claimed).
            if c.assignee == me.name, c.status == .claimed || c.status == .replied || c.status == .waitingCitizen { return nil }
            if c.status == .escalated, me.role != .supervisor {
                // An agent takes up what the sweep escalated and nobody held: it stays escalated, for the supervisors to
                // see, and is theirs. Its holder claiming it again would take it out of the supervisors' hands.
                guard c.assignee == nil else { return nil }
                c.assignee = me.name
                return [:]
            }
            try move(&c, to: .claimed)
            c.assignee = me.name
            return [:]
        }
    }

    /// Gives a claimed comment back to the queue. Only its holder or a supervisor may.
    @discardableResult
    public func release(_ id: Int64) throws -> CommentChange {
        try change(id, action: .release) { c, me in
            guard let holder = c.assignee else { throw DeskError.notPermitted(Localized("Komentar \(id) tidak sedang diambil siapa pun, jadi tidak ada yang dilepas.",
                                                                                       "Comment \(id) is not claimed by anyone, so there is nothing to release.")) }
            if holder != me.name, me.role != .supervisor {
                throw DeskError.notPermitted(Localized("Komentar \(id) dipegang \(holder); hanya dia atau supervisor yang dapat melepasnya.",
                                                       "Comment \(id) is held by \(holder); only they or a supervisor can release it."))
            }
            try release(&c)
            return ["holder": .string(holder)]
        }
    }

    /// Assigns a comment to a staff member. Supervisors only (agents claim for themselves).
    @discardableResult
    public func assign(_ id: Int64, to name: String) throws -> CommentChange {
        try change(id, action: .assign) { c, me in
            guard me.role == .supervisor else {
                throw DeskError.notPermitted(Localized("Hanya supervisor yang dapat menugaskan pekerjaan kepada orang lain; ambil sendiri (tombol c, atau `meja claim \(id)`).",
                                                       "Only a supervisor can assign work to others; use `meja claim \(id)` to take it yourself."))
            }
            if let why = try self.assigneeProblem(name) { throw DeskError.invalidInput(why) }
            if c.assignee == name { return nil }
            let previous = c.assignee
            if c.status.canMove(to: .claimed) { c.status = .claimed }
            c.assignee = name
            return ["from": .string(previous), "to": .string(name)]
        }
    }

    /// Why work cannot be assigned to `name` (not an active staff member), or nil when it can.
    public func assigneeProblem(_ name: String) throws -> Localized? {
        guard let target = try store.read({ try $0.staffMember(name) }), target.active else {
            return Localized("\(name) bukan petugas aktif: `meja staff list` menampilkan siapa yang dapat ditugaskan.",
                             "\(name) is not an active staff member: `meja staff list` shows who can be assigned.")
        }
        return nil
    }

    /// The most arrivals one look at what needs someone at once returns.
    public static let urgentLookLimit = 100

    /// What arrived after comment `id` that needs someone at once (`SensitiveTopic.needingSomeoneAtOnce`) and still needs
    /// action, oldest first, at most `limit`; and the newest comment id on the desk, to look after next time. With no
    /// `id` (the first look) only the newest id: what was there already is not news. Praise is not called urgent; everything
    /// else is, a cheerful tone included ("perabotan terendam semua, kapan perahu karet datang" once read as pleased, and
    /// people joke in trouble too): a glance too many costs less than a missed flood.
    public func urgentArrivals(after id: Int64?, limit: Int = urgentLookLimit) throws -> (newest: Int64, comments: [Comment]) {
        try store.read { tx in
            let newest = try tx.newestCommentID()
            guard let id, newest > id else { return (max(newest, id ?? 0), []) }
            let arrived = try tx.arrivals(after: id, taggedAny: SensitiveTopic.needingSomeoneAtOnce.map(\.rawValue), limit: limit)
            return (newest, arrived.filter { $0.intent != .praise })
        }
    }

    /// The comments of `ids` that are on the desk, in the order of `ids` (one read).
    public func comments(ids: [Int64]) throws -> [Comment] {
        try store.read { tx in try ids.compactMap { try tx.comment(id: $0) } }
    }

    /// Sets a status that has no action of its own (`open`, `waiting_citizen`, `closed`, `no_reply_needed`, `spam`).
    @discardableResult
    public func setStatus(_ id: Int64, _ status: CommentStatus, note: String? = nil) throws -> CommentChange {
        guard CommentStatus.settable.contains(status) else {
            let hint = switch status {
            case .claimed: "use `meja claim`"
            case .replied: "record a reply with `meja reply`"
            case .escalated: "escalate instead"
            default: "it is set by the desk itself"
            }
            throw DeskError.invalidInput("Status \(status.rawValue) cannot be set directly: \(hint). Settable: \(CommentStatus.settable.map(\.rawValue).joined(separator: ", ")).")
        }
        return try change(id, action: .status) { c, me in
            if let why = Self.statusRefusal(c, by: me.name, isSupervisor: me.role == .supervisor) { throw DeskError.notPermitted(why) }
            if c.status == status { return nil }
            if me.role != .supervisor, let why = Self.urgentUnansweredClosing(c, to: status) { throw DeskError.notPermitted(why) }
            let answered = Self.hasBeenAnswered(c)
            try move(&c, to: status)
            if status == .waitingCitizen, !answered {
                throw DeskError.notPermitted(Localized(
                    "Komentar \(c.id) belum dijawab: menunggu warga berarti jawaban sudah menanyakan sesuatu kepadanya. Balas dulu, lalu tandai menunggu warga.",
                    "Comment \(c.id) has not been answered: waiting for the citizen follows an answer that asks them something. Reply first (`meja reply`), then set waiting_citizen."))
            }
            if status == .open { c.assignee = nil }
            return note.map { ["note": .string($0)] } ?? [:]
        }
    }

    /// Corrects what the citizen wants: the tone governor guessed the intent at import, and staff know better. Filters,
    /// suggestions and reports count by the corrected intent from then on.
    ///
    /// A comment not yet answered, paused or closed is measured under the standard that matches its new intent (the
    /// first `[[sla]]` policy that matches, as at import), its deadlines counted again from its arrival — a complaint
    /// read as a question gets the complaints' hour; when none matches, it keeps its standard. One whose clocks have
    /// moved (answered, paused, closed) keeps the standard it was measured by: its answer was timely or late by the rule
    /// it had. Moving a deadline later is a supervisor's decision (otherwise a breach could be corrected away), and not
    /// even theirs once that deadline has passed: the intent is corrected, the standard stays, and the breach stands in
    /// every report (the log's `policy_kept` says why). The log keeps the old and new intent, the standard and the
    /// deadlines.
    @discardableResult
    public func setIntent(_ id: Int64, _ intent: Intent) throws -> CommentChange {
        try store.write { tx in
            let (me, t) = try actingNow(tx)
            guard var c = try tx.comment(id: id) else { throw DeskError.notFound("Comment \(id)") }
            let isSupervisor = me.role == .supervisor
            if let why = Self.intentRefusal(c, by: me.name, isSupervisor: isSupervisor) { throw DeskError.notPermitted(why) }
            guard c.intent != intent else { return CommentChange(comment: c, changed: false, previous: c) }
            let before = c
            c.intent = intent
            var payload: [String: JSONValue] = ["from": .string(before.intent?.rawValue), "intent": .string(intent.rawValue)]
            if Self.isMeasuredAgainOnCorrection(before),
               let policy = try engine(tx).policy(platform: c.platform, channel: c.channel, intent: intent, tags: c.tags),
               policy.name != c.sla.policy || policy.version != c.sla.policyVersion {
                var sla = SLAEngine.start(policy, createdAt: c.createdAt, followsAgencyReply: c.sla.responseClock == .nextResponse)
                sla.escalatedAt = c.sla.escalatedAt
                if Self.laterDeadline(sla, than: c.sla, passedBy: t) != nil {
                    payload["policy_kept"] = .string("deadline_passed")
                    try commit(&c, from: before, action: .intent, payload: payload, by: me, at: t, tx)
                    return CommentChange(comment: c, changed: true, previous: before, breachStands: true)
                }
                if !isSupervisor, let later = Self.laterDeadline(sla, than: c.sla) {
                    func when(_ lang: String) -> String {
                        later.due.map { SLAPromise.format($0, zone: policy.calendar.zone, lang: lang) } ?? (lang == "en" ? "none" : "tidak ada")
                    }
                    throw DeskError.notPermitted(Localized(
                        "Dengan maksud \(intent.label.id), komentar \(c.id) diukur dengan standar \(policy.name) dan tenggat \(later.clock.id)nya mundur (menjadi: \(when("id"))). Hanya supervisor yang boleh memundurkan tenggat: mintalah kepadanya.",
                        "With the intent \(intent.label.en), comment \(c.id) would be measured under the \(policy.name) standard and its \(later.clock.en) deadline would move later (to: \(when("en"))). Only a supervisor may move a deadline later: ask one."))
                }
                c.sla = sla
                payload["policy"] = .string(policy.name)
                payload["from_policy"] = .string(before.sla.policy)
                payload["from_policy_version"] = before.sla.policyVersion.map { .int(Int64($0)) } ?? .null
            }
            try commit(&c, from: before, action: .intent, payload: payload, by: me, at: t, tx)
            return CommentChange(comment: c, changed: true, previous: before)
        }
    }

    /// Why `name` may not correct the intent of `c`, or nil when they may: someone else holds it, or it is escalated and
    /// not theirs. `setIntent` refuses with these words; the desk says them instead of offering intents.
    public static func intentRefusal(_ c: Comment, by name: String, isSupervisor: Bool) -> Localized? {
        let action = Localized("mengoreksi maksudnya", "correct its intent")
        return heldRefusal(c, by: name, isSupervisor: isSupervisor, action: action)
            ?? escalatedRefusal(c, by: name, isSupervisor: isSupervisor, action: action)
    }

    /// Whether correcting the intent of `c` measures it again under the standard its new intent matches: nothing has
    /// happened to it yet — not answered (with or without a clock), set aside, waiting for the citizen, closed, or its
    /// clocks stopped, paused or resolved.
    public static func isMeasuredAgainOnCorrection(_ c: Comment) -> Bool {
        let sla = c.sla
        return !hasBeenAnswered(c) && !c.status.isFinal && c.status != .waitingCitizen
            && sla.responseStoppedAt == nil && sla.resolvedAt == nil && sla.resolutionStoppedAt == nil
            && sla.pausedSince == nil && sla.pausedSeconds == 0
    }

    /// The first of `new`'s deadlines that is later than `old`'s (a missing one is later than any), with the clock's
    /// name; nil when none is later. With `passedBy`, only one whose old deadline had passed by then.
    private static func laterDeadline(_ new: SLARecord, than old: SLARecord, passedBy now: Date? = nil) -> (clock: Localized, due: Date?)? {
        let clocks = [(new.responseDueAt, old.responseDueAt, Localized("respons", "response")),
                      (new.resolutionDueAt, old.resolutionDueAt, Localized("penyelesaian", "resolution"))]
        for (a, b, clock) in clocks {
            if let now, let b, b >= now { continue }
            switch (a, b) {
            case (nil, _?): return (clock, nil)
            case (let a?, let b?) where ElapsedMinutes.second(a) > ElapsedMinutes.second(b): return (clock, a)
            default: continue
            }
        }
        return nil
    }

    /// The statuses staff may set on `c` now: the legal moves of `CommentStatus.settable`, and waiting for the citizen
    /// only once the comment has been answered — set aside unanswered, it would leave the queue (and the escalation
    /// sweep) while its response clock ran.
    /// An agent does not close, or call needing no reply, an unanswered report that needs someone at once (a flood, a
    /// collapse, a missing child): marked in a bulk action with the spam around it, it would leave the desk unanswered.
    public static func settableStatuses(for c: Comment, isSupervisor: Bool) -> [CommentStatus] {
        CommentStatus.settable.filter {
            c.status.canMove(to: $0) && ($0 != .waitingCitizen || hasBeenAnswered(c))
                && (isSupervisor || urgentUnansweredClosing(c, to: $0) == nil)
        }
    }

    /// Why an agent may not set `status` on `c` — an unanswered report that needs someone at once, closed or called
    /// needing no reply — or nil when they may.
    static func urgentUnansweredClosing(_ c: Comment, to status: CommentStatus) -> Localized? {
        guard status == .closed || status == .noReplyNeeded, !hasBeenAnswered(c),
              let topic = SensitiveTopic.needingSomeoneAtOnce.first(where: { c.tags.contains($0.rawValue) }) else { return nil }
        return Localized("Komentar \(c.id) (\(topic.label.id)) belum dijawab: hanya supervisor yang dapat menutupnya tanpa jawaban. Balas dulu, atau eskalasikan.",
                         "Comment \(c.id) (\(topic.label.en)) has not been answered: only a supervisor can close it unanswered. Answer it first, or escalate it.")
    }

    /// Lets go of a comment: nobody holds it, and a claim goes back to the queue (`open`) or, when the comment had been
    /// answered (claimed again to follow up), back to `replied` — a release never makes an answered comment ask for an
    /// answer again.
    private func release(_ c: inout Comment) throws {
        if c.status == .claimed { try move(&c, to: Self.hasBeenAnswered(c) ? .replied : .open) }
        c.assignee = nil
    }

    /// Whether the agency has answered the comment: its response clock met, or (measured under no policy, so without a
    /// clock) replied to.
    static func hasBeenAnswered(_ c: Comment) -> Bool { c.sla.respondedAt != nil || c.status == .replied }

    /// An escalated comment is the supervisors' to handle: an agent may act on it only when it is theirs (claimed
    /// before it was escalated, or assigned to them by a supervisor) — or when the sweep escalated it and nobody holds
    /// it (`escalatedRefusal`).
    private func refuseEscalated(_ c: Comment, to me: StaffMember, action: Localized) throws {
        if let why = Self.escalatedRefusal(c, by: me.name, isSupervisor: me.role == .supervisor, action: action) {
            throw DeskError.notPermitted(why)
        }
    }

    private static func escalatedRefusal(_ c: Comment, by name: String, isSupervisor: Bool, action: Localized) -> Localized? {
        guard c.status == .escalated, !isSupervisor, c.assignee != name else { return nil }
        // The sweep's escalation tells the supervisors that a breach stands; it does not take the comment from the agents
        // while nobody holds it: on a flood day every emergency breaches within its grace, and the supervisors alone
        // could not answer them all. A person's escalation is a decision: theirs to lift.
        if c.escalatedBy == StaffMember.systemName, c.assignee == nil { return nil }
        return Localized(
            "Komentar \(c.id) sudah dieskalasi ke supervisor; hanya supervisor, atau petugas yang ditugaskan supervisor, yang dapat \(action.id).",
            "Comment \(c.id) is escalated to supervisors; only a supervisor, or the person a supervisor assigns it to, can \(action.en).")
    }

    /// Why `name` may not change the status of `c`, or nil when they may: someone else holds it, or it is escalated
    /// (only supervisors move an escalated comment on). `setStatus` refuses with these words; the desk says them
    /// instead of offering statuses.
    public static func statusRefusal(_ c: Comment, by name: String, isSupervisor: Bool) -> Localized? {
        guard !isSupervisor else { return nil }
        if let held = heldRefusal(c, by: name, isSupervisor: isSupervisor, action: Localized("mengubah statusnya", "change its status")) {
            return held
        }
        if c.status == .escalated {
            return Localized("Komentar \(c.id) sudah dieskalasi ke supervisor; hanya supervisor yang dapat mengubah statusnya.",
                             "Comment \(c.id) is escalated to supervisors; only a supervisor can change its status.")
        }
        return nil
    }

    /// Why `name` may not claim `c`, or nil when they may: someone else holds it (a supervisor assigns instead), or it is
    /// escalated to supervisors and not open to agents. `claim` refuses for these reasons (someone else's hold as
    /// `DeskError.claimedByOther`); the desk's footer does not offer what would be refused.
    public static func claimRefusal(_ c: Comment, by name: String, isSupervisor: Bool) -> Localized? {
        if let holder = c.assignee, holder != name { return DeskError.claimedByOther(commentID: c.id, holder: holder).explanation }
        return escalatedRefusal(c, by: name, isSupervisor: isSupervisor, action: Localized("mengambilnya", "claim it"))
    }

    /// Why `name` may not answer `c`, or nil when they may: someone else holds it, or it is escalated to supervisors and
    /// not theirs. `reply` refuses with these words; the desk says them before a reply is written.
    public static func replyRefusal(_ c: Comment, by name: String, isSupervisor: Bool) -> Localized? {
        let action = Localized("membalasnya", "reply to it")
        if let held = heldRefusal(c, by: name, isSupervisor: isSupervisor, action: action) {
            return Localized(held.id + " Minta dia melepasnya, atau minta supervisor menugaskannya kepada Anda.",
                             held.en + " Ask them to release it, or a supervisor to assign it to you.")
        }
        return escalatedRefusal(c, by: name, isSupervisor: isSupervisor, action: action)
    }

    /// Someone else holds `c`: only they or a supervisor may `action`.
    private static func heldRefusal(_ c: Comment, by name: String, isSupervisor: Bool, action: Localized) -> Localized? {
        guard let holder = c.assignee, holder != name, !isSupervisor else { return nil }
        return Localized("Komentar \(c.id) dipegang \(holder); hanya dia atau supervisor yang dapat \(action.id).",
                         "Comment \(c.id) is held by \(holder); only they or a supervisor can \(action.en).")
    }

    /// The longest note for colleagues, in characters.
    public static let noteLimit = 2_000

    /// Why `text` cannot be a note (empty, or longer than `noteLimit`), or nil when it can.
    public static func noteProblem(_ text: String) -> Localized? {
        let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // Nothing to read: blanks, or only invisible marks (direction controls, zero-width characters).
        let visible = words.unicodeScalars.contains { s in
            !s.properties.isWhitespace && ![.format, .control, .unassigned, .privateUse].contains(s.properties.generalCategory)
        }
        if !visible { return Localized("Catatan kosong tidak disimpan: tulis apa yang perlu diketahui rekan.",
                                            "An empty note is not kept: write what colleagues need to know.") }
        guard words.count > noteLimit else { return nil }
        return Localized("Catatan terlalu panjang (\(words.count) karakter, paling banyak \(noteLimit)): ringkas, atau bagi menjadi dua.",
                         "The note is too long (\(words.count) characters, at most \(noteLimit)): shorten it or split it in two.")
    }

    /// Keeps a note for colleagues on a comment (a handover, a call made, what is being waited for): on the log, shown
    /// with the comment's history, never sent to the citizen. Any active staff member may note any comment, whoever
    /// holds it and whatever its status; nothing else about the comment changes.
    @discardableResult
    public func note(_ id: Int64, _ text: String) throws -> CommentChange {
        if let why = Self.noteProblem(text) { throw DeskError.invalidInput(why) }
        return try change(id, action: .note) { _, _ in ["text": .string(text.trimmingCharacters(in: .whitespacesAndNewlines))] }
    }

    /// The colleague holding `c`, when `name` (not a supervisor) would escalate it: taking a colleague's comment to the
    /// supervisors is said why, for them to read (the desk and `meja escalate` ask for a reason then).
    public static func colleagueHolding(_ c: Comment, by name: String, isSupervisor: Bool) -> String? {
        guard !isSupervisor, let holder = c.assignee, holder != name else { return nil }
        return holder
    }

    /// Escalates a comment to supervisors (by hand, or automatically for a breach beyond the grace).
    @discardableResult
    public func escalate(_ id: Int64, reason: String) throws -> CommentChange {
        try change(id, action: .escalate) { c, me in
            if c.status == .escalated {
                // What the sweep escalated, escalated again by a person: now their decision, the supervisors' to lift
                // (it is no longer open to every agent), with their reason on the log.
                guard c.escalatedBy == StaffMember.systemName, me.name != StaffMember.systemName else { return nil }
            } else {
                try move(&c, to: .escalated)
                if c.sla.escalatedAt == nil { c.sla.escalatedAt = self.now }
            }
            c.escalatedBy = me.name
            return ["reason": .string(reason)]
        }
    }

    /// Escalates, once each, the comments whose breach has stood longer than the configured grace, counting
    /// business time only. Returns the ids escalated, in id order. Runs as the system actor. Every breach is looked
    /// at, however many: they are read a page at a time. With `dryRun` nothing changes and nothing is logged: the ids
    /// returned are those it would escalate. `progress` hears, every thousand breaches read, how many were escalated
    /// (or would be) and how many read; each escalation is its own transaction, so an interrupted sweep keeps those
    /// done and the next run goes on from there.
    @discardableResult
    public func escalateOverdue(page: Int = 10_000, dryRun: Bool = false,
                                progress: ((_ escalated: Int, _ read: Int) -> Void)? = nil) throws -> [Int64] {
        let t = now
        var done: [Int64] = []
        var read = 0
        var last: Int64 = 0
        while true {
            let due = try store.read { tx in try tx.unescalatedBreaches(now: t, after: last, limit: page) }
            guard let end = due.last?.id else { return done }
            for start in stride(from: 0, to: due.count, by: 1_000) {
                let slice = Array(due[start..<min(due.count, start + 1_000)])
                done += try escalate(slice, at: t, dryRun: dryRun)
                read += slice.count
                progress?(done.count, read)
            }
            last = end
        }
    }

    /// The comments of one page of the sweep whose breach has stood longer than the grace, escalated (or, with
    /// `dryRun`, found due).
    private func escalate(_ due: [Comment], at t: Date, dryRun: Bool) throws -> [Int64] {
        var done: [Int64] = []
        let system = acting(as: .system)
        for c in due {
            guard let breachedAt = c.sla.nextDue?.dueAt else { continue }
            let policy = try store.read { try policyVersion(c.sla, $0) }
            let calendar = policy?.calendar ?? config.calendar
            // The standard's own grace when it has one (an emergency's, day and night), else the desk's.
            let grace = policy?.policy.escalationGrace ?? config.escalationGrace
            // The breach must have stood longer than the grace: "1d business" is one business day, as in a policy.
            let graceEnds: Date? = switch (grace.mode, grace.unit) {
            case (.business, .days): calendar.adding(businessDays: grace.amount, to: breachedAt)
            case (.business, _): calendar.adding(businessSeconds: grace.seconds, to: breachedAt)
            default: breachedAt.addingTimeInterval(TimeInterval(grace.seconds))
            }
            guard let graceEnds, t > graceEnds else { continue }
            if dryRun {
                done.append(c.id)
                continue
            }
            let clock = c.sla.nextDue?.clock.rawValue ?? "?"
            // The system escalates; the log still says whose run of the sweep it was.
            do {
                let change = try system.escalate(c.id, reason: "\(clock) breached at \(Timestamp.utc(breachedAt)); still open after the grace of \(grace) (sweep run by \(actor.login))")
                if change.changed { done.append(c.id) }
            } catch DeskError.illegalTransition {
                continue // Closed or answered by staff since the page was read: nothing left to escalate.
            }
        }
        return done
    }

    /// Why a reason given for sending past a blocking finding is not one, or nil when it is. A reason is read by a
    /// supervisor and kept in the log with the reply: "ok", "test" or "ok ok ok ok" says nothing, so it takes two
    /// different words of three letters or more ("link resmi" will do).
    public static func overrideReasonProblem(_ reason: String) -> Localized? {
        let words = Set(reason.lowercased().split(whereSeparator: { $0.isWhitespace || $0.isPunctuation })
            .filter { $0.filter(\.isLetter).count >= 3 })
        guard words.count < 2 else { return nil }
        let shown = SafeText.sanitize(reason, lines: .fold, limit: 40)
        return Localized("'\(shown)' belum menjelaskan mengapa balasan ini tetap benar dikirim: tulis alasannya, minimal dua kata berbeda (misalnya 'nomor telepon kantor, bukan data pribadi'); alasan disimpan bersama balasan di log",
                         "'\(shown)' does not say why this reply is right to send anyway: write the reason, two different words or more (e.g. 'the office phone number, not personal data'); it is kept with the reply in the log")
    }

    /// Records a reply to a comment: checks it, stores it, meets the response clock and logs it, in one transaction.
    @discardableResult
    public func reply(_ id: Int64, _ request: ReplyRequest) throws -> Reply {
        try replyReviewed(id, request).reply
    }

    /// `reply`, also giving the checks' findings as they were logged with it (the ones that did not block ask for a
    /// second look).
    public func replyReviewed(_ id: Int64, _ request: ReplyRequest) throws -> (reply: Reply, findings: [LintFinding]) {
        return try store.write { tx in
            let (me, t) = try actingNow(tx)
            guard var c = try tx.comment(id: id) else { throw DeskError.notFound("Comment \(id)") }
            if let why = Self.replyRefusal(c, by: me.name, isSupervisor: me.role == .supervisor) { throw DeskError.notPermitted(why) }
            guard c.status.canMove(to: .replied) else { throw DeskError.illegalTransition(from: c.status, to: .replied) }
            let text = request.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw DeskError.invalidInput(Localized("Balasannya kosong.", "The reply is empty.")) }
            let review = try review(text, humor: request.humor, comment: c, seenReplyID: request.seenReplyID, tx)
            let reason = request.overrideReason?.trimmingCharacters(in: .whitespacesAndNewlines)
            let mustFix = review.blocking.filter { !$0.overridable }
            if !mustFix.isEmpty { throw DeskError.blocked(mustFix) }
            let unanswered = request.unanswered(in: review)
            if !unanswered.isEmpty { throw DeskError.blocked(unanswered) }
            if !review.blocking.isEmpty, let reason, let problem = Self.overrideReasonProblem(reason) { throw DeskError.notPermitted(problem) }
            let before = c.sla.mostUrgent(at: t)
            let policy = try policyVersion(c.sla, tx)
            let calendar = policy?.calendar ?? config.calendar
            var reply = Reply(commentID: id, platform: c.platform, inReplyTo: c.externalID, threadID: c.threadID, threadKey: c.threadKey,
                              text: text, sentAt: t, author: me.name, source: .desk, templateID: request.templateID,
                              templateVersion: request.templateVersion, humor: request.humor ?? review.humor ?? 0,
                              overrideReason: review.blocking.isEmpty ? nil : reason)
            try recordTemplateVersion(request, tx, actor: me.name, at: t)
            reply.id = try tx.insertReply(reply) ?? 0
            let responded = try respond(to: c, at: t, tx)
            c = try tx.comment(id: id) ?? c
            var payload: [String: JSONValue] = [
                "reply_id": .int(reply.id), "text": .string(text), "template_id": .string(request.templateID),
                "template_version": .int(request.templateVersion), "humor": .int(reply.humor),
                "findings": .array(review.findings.map(\.json)), "override_reason": .string(reply.overrideReason),
                "tone": review.tone ?? .null, "humor_allowed": .int(review.humorAllowed),
                "response_minutes": ElapsedMinutes(from: c.createdAt, to: t, calendar: calendar).json,
                "sla_at_send": ["state": .string(before?.state.rawValue ?? SLAState.none.rawValue),
                                "clock": .string(before?.clock.rawValue), "due_at": .time(before?.dueAt)],
                "also_answered": .array(responded.ids.filter { $0 != id }.map { .int($0) }),
                "status": .string(c.status.rawValue),
            ]
            if !responded.clocks.isEmpty { payload["clocks"] = .object(responded.clocks) }
            payload.merge(actor.payloadNote) { a, _ in a }
            try tx.append(EventDraft(.reply, subject: String(id), payload: .object(payload)), actor: me.name, at: t)
            try tx.saveDraft(ReplyDraft(commentID: id, staff: me.name, text: "", updatedAt: t))
            return (reply, review.findings)
        }
    }

    /// Adds a staff member or changes one's role or name. Supervisors only — except on an empty desk, where
    /// the first person to act becomes its first supervisor.
    @discardableResult
    public func putStaff(_ member: StaffMember) throws -> StaffMember {
        try changeStaff(member.name) { _ in member }.member
    }

    /// What a change to the staff list did: the entry as stored, and the comments released because their holder left.
    public struct StaffChange: Sendable {
        public var member: StaffMember
        /// Comments the member held that still needed action, back in the queue (or, escalated, with the supervisors)
        /// now that they are inactive: nobody else could have claimed them.
        public var released: [Int64] = []
    }

    /// Adds a staff member, or changes what is given of one already on the desk: nil keeps the current role, name
    /// or activity (a new member needs a role, and starts active under their login name). Making someone inactive
    /// releases what they held that still needs action, each on the log (`release`, reason `staff_inactive`).
    @discardableResult
    public func putStaff(name: String, role: StaffMember.Role?, displayName: String?, active: Bool?) throws -> StaffChange {
        try changeStaff(name) { old in
            guard let role = role ?? old?.role else {
                throw DeskError.invalidInput("\(name) is not on the desk yet: give the role (--role agent or --role supervisor)")
            }
            return StaffMember(name: name, displayName: displayName ?? old?.displayName, role: role, active: active ?? old?.active ?? true)
        }
    }

    /// Stores `change(current entry)` for the login `name`, logged, in one transaction (supervisors only).
    private func changeStaff(_ name: String, _ change: (StaffMember?) throws -> StaffMember) throws -> StaffChange {
        guard StaffMember.isValidName(name) else {
            throw DeskError.invalidInput("'\(SafeText.sanitize(name))' is not a valid login name (letters, digits, '.', '_' and '-').")
        }
        return try store.write { tx in
            let (me, t) = try actingNow(tx)
            guard me.role == .supervisor else { throw DeskError.notPermitted(Localized("Hanya supervisor yang dapat menambah atau mengubah petugas.", "Only a supervisor can add or change staff.")) }
            let old = try tx.staffMember(name)
            // New staff only: someone already on the desk under such a name can still be changed or deactivated.
            if old == nil {
                if let why = StaffMember.reservation(of: name) { throw DeskError.invalidInput(why) }
                guard StaffMember.isPlainLoginName(name) else {
                    throw DeskError.invalidInput("'\(SafeText.forMessage(name))' is not a login name as systems write them: ASCII letters, digits, '.', '_' and '-', not starting with '-' or '.' (so that no two names on the list look alike)")
                }
                if let twin = try tx.staff().first(where: { $0.name.lowercased() == name.lowercased() }) {
                    throw DeskError.invalidInput("'\(name)' differs from \(twin.name), already on the staff list, only in capitals: the two would be taken for one another; choose another login name")
                }
            }
            let member = try change(old)
            if old == member { return StaffChange(member: member) }
            if let old, old.role == .supervisor, old.active, member.role != .supervisor || !member.active,
               try !tx.staff().contains(where: { $0.name != member.name && $0.role == .supervisor && $0.active }) {
                // Without an active supervisor nobody could add staff, assign work or touch an escalation again.
                throw DeskError.notPermitted(Localized("\(member.name) adalah supervisor aktif terakhir desk ini: jadikan orang lain supervisor lebih dulu.",
                                                       "\(member.name) is the desk's last active supervisor: make someone else a supervisor first."))
            }
            try tx.putStaff(member)
            var payload: [String: JSONValue] = ["name": .string(member.name), "role": .string(member.role.rawValue),
                                                "display_name": .string(member.displayName), "active": .bool(member.active)]
            if let old { payload["previous"] = ["role": .string(old.role.rawValue), "display_name": .string(old.displayName), "active": .bool(old.active)] }
            payload.merge(actor.payloadNote) { a, _ in a }
            try tx.append(EventDraft(old == nil ? .staffAdd : .staffUpdate, subject: member.name, payload: .object(payload)),
                          actor: me.name, at: t)
            var result = StaffChange(member: member)
            if old?.active == true, !member.active { result.released = try releaseHeld(by: member.name, at: t, actor: me, tx) }
            return result
        }
    }

    /// Releases every comment `name` holds that still needs action (claimed ones back to the queue, escalated ones left
    /// with the supervisors), each logged as a `release` by `actor`.
    private func releaseHeld(by name: String, at t: Date, actor me: StaffMember, _ tx: any StoreWriter) throws -> [Int64] {
        var q = QueueQuery(now: t, limit: Int.max)
        q.assignee = .staff(name)
        var released: [Int64] = []
        for var c in try tx.queue(q) {
            let before = c
            try release(&c)
            try commit(&c, from: before, action: .release, payload: ["holder": .string(name), "reason": .string("staff_inactive")],
                       by: me, at: t, tx)
            released.append(c.id)
        }
        return released
    }

    /// Appends a plain event (exports, configuration notes) under the actor's name.
    @discardableResult
    public func record(_ draft: EventDraft) throws -> LogEvent {
        return try store.write { tx in
            let (me, t) = try actingNow(tx)
            var d = draft
            if case .object(var o) = d.payload { o.merge(actor.payloadNote) { a, _ in a }; d.payload = .object(o) }
            return try tx.append(d, actor: me.name, at: t)
        }
    }

    // MARK: Internals shared by actions and import

    /// Runs a comment-scoped action: `body` validates and mutates the comment and returns the event payload,
    /// or nil when nothing changes (no event is written then).
    private func change(_ id: Int64, action: LogAction,
                        _ body: (inout Comment, StaffMember) throws -> [String: JSONValue]?) throws -> CommentChange {
        return try store.write { tx in
            let (me, t) = try actingNow(tx)
            guard var c = try tx.comment(id: id) else { throw DeskError.notFound("Comment \(id)") }
            let before = c
            guard let payload = try body(&c, me) else { return CommentChange(comment: c, changed: false, previous: c) }
            try commit(&c, from: before, action: action, payload: payload, by: me, at: t, tx)
            return CommentChange(comment: c, changed: true, previous: before)
        }
    }

    /// Stores a comment-scoped change from `before` to `c` and logs it as `action` by `me`, its payload completed by
    /// `settle`, inside the caller's transaction.
    private func commit(_ c: inout Comment, from before: Comment, action: LogAction, payload: [String: JSONValue], by me: StaffMember,
                        at t: Date, _ tx: any StoreWriter) throws {
        var payload = payload
        settle(from: before, to: &c, at: t, policy: try policyVersion(c.sla, tx), into: &payload)
        try tx.updateState(of: c)
        try tx.append(EventDraft(action, subject: String(c.id), payload: .object(payload)), actor: me.name, at: t)
    }

    /// Completes a comment-scoped change from `before` to `c` at `at`: moves the clocks for a status change, and adds to
    /// the event's `payload` what the log states of it (the status moved from and to, the clocks changed, a new
    /// assignee, the actor's note).
    private func settle(from before: Comment, to c: inout Comment, at: Date, policy: VersionedPolicy?,
                        into payload: inout [String: JSONValue]) {
        if before.status != c.status {
            SLAEngine.statusChanged(&c.sla, from: before.status, to: c.status, at: at, policy: policy)
            payload["from"] = payload["from"] ?? .string(before.status.rawValue)
            payload["status"] = .string(c.status.rawValue)
        }
        var clocks: [String: JSONValue] = [:]
        ClockLog.merge(ClockLog.changes(from: before.sla, to: c.sla, createdAt: c.createdAt, calendar: policy?.calendar ?? config.calendar),
                       of: c.id, into: &clocks)
        if !clocks.isEmpty { payload["clocks"] = .object(clocks) }
        if before.assignee != c.assignee { payload["assignee"] = .string(c.assignee) }
        payload.merge(actor.payloadNote) { a, _ in a }
    }

    /// Applies a legal status move, or throws.
    private func move(_ c: inout Comment, to status: CommentStatus) throws {
        guard c.status.canMove(to: status) else { throw DeskError.illegalTransition(from: c.status, to: status) }
        c.status = status
    }

    /// Why `name` may not act on a desk whose staff list is `staff` (not on it, or no longer active), or nil when they
    /// may; on an empty list anyone may, and becomes its first supervisor. The desk says it before anyone starts work.
    public static func actingRefusal(_ name: String, staff: [StaffMember]) -> Localized? {
        guard !staff.isEmpty else { return nil }
        guard let member = staff.first(where: { $0.name == name }) else { return DeskError.unknownActor(name).explanation }
        return member.active ? nil : Localized("\(name) sudah tidak aktif di daftar petugas.", "\(name) is no longer active on the staff list.")
    }

    /// The acting staff member and the time the action is dated: taken after what acting may log (the first
    /// supervisor, a configuration change), so that the transaction's events stay in time order.
    private func actingNow(_ tx: any StoreWriter) throws -> (StaffMember, Date) {
        let me = try actingStaff(tx)
        return (me, try actionTime(tx))
    }

    /// The acting staff member, bootstrapping the first supervisor on an empty desk.
    func actingStaff(_ tx: any StoreWriter) throws -> StaffMember {
        let member = try resolveStaff(tx)
        try recordConfigurationChange(tx, actor: member.name)
        return member
    }

    private func resolveStaff(_ tx: any StoreWriter) throws -> StaffMember {
        if actor == .system { return StaffMember(name: ActorIdentity.system.name, role: .supervisor) }
        if let m = try tx.staffMember(actor.name) {
            if let why = Self.actingRefusal(actor.name, staff: [m]) { throw DeskError.notPermitted(why) }
            return m
        }
        guard try tx.staff().isEmpty else { throw DeskError.unknownActor(actor.name) }
        let first = StaffMember(name: actor.name, role: .supervisor)
        // The first user becomes a supervisor under their login: never one a filter word or the sweep's name would hide.
        guard StaffMember.isValidName(first.name), StaffMember.reservation(of: first.name) == nil else { throw DeskError.unknownActor(actor.name) }
        try tx.putStaff(first)
        var payload: [String: JSONValue] = ["name": .string(first.name), "role": "supervisor", "display_name": .string(first.displayName),
                                            "active": true, "reason": "first user of an empty desk"]
        payload.merge(actor.payloadNote) { a, _ in a }
        try tx.append(EventDraft(.staffAdd, subject: first.name, payload: .object(payload)), actor: first.name, at: try actionTime(tx))
        return first
    }

    /// Puts a change of the recorded settings on the log (old and new), once, by whoever first acts under it.
    private func recordConfigurationChange(_ tx: any StoreWriter, actor name: String) throws {
        let current = config.recordedSettings.text
        let previous = try tx.setting("config.current")
        guard previous != current else { return }
        var payload: [String: JSONValue] = ["settings": config.recordedSettings, "source": .string(config.source ?? "shipped defaults"),
                                            "previous": previous.flatMap(JSONValue.parse) ?? .null]
        payload.merge(actor.payloadNote) { a, _ in a }
        try tx.setSetting("config.current", current)
        try tx.append(EventDraft(.configVersion, subject: "config", payload: .object(payload)), actor: name, at: try actionTime(tx))
    }

    /// Puts a new or changed template on the log (old and new version) the first time a reply uses it.
    private func recordTemplateVersion(_ request: ReplyRequest, _ tx: any StoreWriter, actor name: String, at t: Date) throws {
        guard let id = request.templateID, let body = request.templateBody else { return }
        let current = "\(request.templateVersion ?? 0):\(EventChain.sha256Hex(Data(body.utf8)))"
        let key = "template:" + id
        let previous = try tx.setting(key)
        guard previous != current else { return }
        var payload: [String: JSONValue] = ["template_id": .string(id), "version": .int(request.templateVersion), "body": .string(body),
                                            "fingerprint": .string(current), "previous": .string(previous)]
        payload.merge(actor.payloadNote) { a, _ in a }
        try tx.setSetting(key, current)
        try tx.append(EventDraft(.templateVersion, subject: "template:" + id, payload: .object(payload)), actor: name, at: t)
    }

    /// Marks a comment answered at `at` — and the same citizen's earlier unanswered comments in the thread,
    /// since one answer to the conversation answers them too. Returns the ids answered and, for the log's
    /// `clocks`, what changed in each one's clocks.
    @discardableResult
    func respond(to comment: Comment, at: Date, _ tx: any StoreWriter) throws -> (ids: [Int64], clocks: [String: JSONValue]) {
        let targets = [comment] + (try alsoAnswered(with: comment, at: at, tx))
        var answered: [Int64] = []
        var clocks: [String: JSONValue] = [:]
        for var c in targets {
            let old = c.status
            let before = c.sla
            let policy = try policyVersion(c.sla, tx)
            SLAEngine.responded(&c.sla, at: at)
            if c.status == .closed { SLAEngine.answeredBeforeClose(&c.sla, at: at) }
            if c.status.afterAnswer != c.status {
                c.status = c.status.afterAnswer
                SLAEngine.statusChanged(&c.sla, from: old, to: .replied, at: at, policy: policy)
            }
            try tx.updateState(of: c)
            answered.append(c.id)
            ClockLog.merge(ClockLog.changes(from: before, to: c.sla, createdAt: c.createdAt, calendar: policy?.calendar ?? config.calendar),
                           of: c.id, into: &clocks)
        }
        return (answered, clocks)
    }

    /// The comments an answer to `comment` at `at` answers too: the same citizen's other comments in the conversation,
    /// written before the answer, whose response clock still runs (the citizen reads one answer to the conversation),
    /// and which `answerCovers`.
    func alsoAnswered(with comment: Comment, at: Date, _ tx: any StoreReader) throws -> [Comment] {
        try tx.unansweredComments(platform: comment.platform, threadKey: comment.threadKey, author: comment.author,
                                  before: at).filter { $0.id != comment.id && Self.answerCovers($0, answering: comment) }
    }

    /// Whether an answer to `answered` also answers `other`, the same citizen's other comment in the conversation: not
    /// when `other` was escalated (it waits for the supervisors' own answer), nor when it names a sensitive topic that
    /// `answered` does not (an answer about a death certificate does not answer the same citizen's flood report). Those
    /// stay in the queue until they are answered themselves. The store's `firstAgencyAnswer` applies the same rule.
    public static func answerCovers(_ other: Comment, answering answered: Comment) -> Bool {
        other.status != .escalated && Set(other.tags).isSubset(of: answered.tags)
    }

    /// The pre-send checks of a reply to comment `id` (as the review screen shows them before sending); with
    /// `seenReplyID` (`ReplyRequest.seenReplyID`), also whether someone answered it since.
    public func review(replyTo id: Int64, text: String, humor: Int?, seenReplyID: Int64? = nil) throws -> ReplyReview {
        try store.read { tx in
            guard let c = try tx.comment(id: id) else { throw DeskError.notFound("Comment \(id)") }
            return try review(text.trimmingCharacters(in: .whitespacesAndNewlines), humor: humor, comment: c, seenReplyID: seenReplyID, tx)
        }
    }

    /// The id of the newest reply to comment `id` or in its conversation (0 when there is none): what its writer has
    /// seen when they begin a reply (`ReplyRequest.seenReplyID`).
    public func newestReplyID(to id: Int64) throws -> Int64 { try visibleReplyIDs(of: id).max() ?? 0 }

    /// The replies to comment `id` and in its conversation (`meja show`'s `replies` and `thread_replies`): the ones a
    /// writer can have seen.
    public func visibleReplyIDs(of id: Int64) throws -> Set<Int64> {
        try store.read { tx in
            guard let c = try tx.comment(id: id) else { throw DeskError.notFound("Comment \(id)") }
            return Set((try tx.replies(commentID: id) + (try tx.thread(around: c).replies)).map(\.id))
        }
    }

    /// The reviewer's checks of `text` as a reply to `c`, and whether the same words were already sent to it, or
    /// anything after the reply its writer had seen: eight presses of send, or two staff answering at once, would
    /// otherwise post one answer eight times, or two answers the citizen must reconcile.
    private func review(_ text: String, humor: Int?, comment c: Comment, seenReplyID: Int64?, _ tx: any StoreReader) throws -> ReplyReview {
        var review = reviewer?.review(text: text, humor: humor, comment: c, config: config) ?? ReplyReview()
        let replies = try tx.replies(commentID: c.id)
        let sameWords = replies.first { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) == text }
        if let earlier = sameWords {
            let (by, at) = sender(of: earlier)
            review.findings.insert(LintFinding(code: .duplicateReply, explanation: Localized(
                "kata-kata yang sama sudah dikirim ke komentar ini oleh \(by.id) pada \(at.id): salinan kedua tidak dikirim (beri alasan untuk tetap mengirim)",
                "the same words were already sent to this comment by \(by.en) on \(at.en): a second copy is not sent (give a reason to send it anyway)"),
                blocking: true), at: 0)
        }
        // An answer to the same citizen's other comment in the conversation answers this one too (read only when asked).
        func answeredWith() throws -> [Reply] {
            c.sla.respondedAt == nil ? [] : Self.answeredThroughOthers(c, among: try tx.thread(around: c).replies)
        }
        if let seenReplyID, sameWords == nil,
           let other = (replies + (try answeredWith())).filter({ $0.id > seenReplyID }).max(by: { $0.id < $1.id }) {
            var (by, at) = sender(of: other)
            // The writer's own answer, sent from another desk or the command line, is not "someone else's".
            if other.source == .desk, other.author == actor.name { by = Localized("Anda sendiri (dari tempat lain)", "you yourself (elsewhere)") }
            // An imported answer's words are anyone's: quoted inert and short.
            let words = SafeText.forMessage(other.text)
            // Through an answer to the citizen's other comment: named, or the quote would seem to be about something else.
            let via = other.commentID.flatMap { $0 == c.id ? nil : $0 }
            let viaID = via.map { " (lewat jawabannya untuk #\($0))" } ?? "", viaEN = via.map { " (through the answer to #\($0))" } ?? ""
            review.findings.insert(LintFinding(code: .answeredMeanwhile, explanation: Localized(
                "selagi balasan ini ditulis, \(by.id) sudah menjawab komentar ini\(viaID) pada \(at.id): \"\(words)\" — baca jawaban itu di utas; kirim yang ini hanya bila masih perlu (beri alasan)",
                "while this reply was written, \(by.en) answered this comment\(viaEN) on \(at.en): \"\(words)\" — read that answer in the thread; send this one only if it is still needed (give a reason)"),
                blocking: true), at: 0)
        }
        if !config.agencyNamed, text.contains(config.agencyName) {
            review.findings.append(LintFinding(code: .placeholderAgency, explanation: Localized(
                "balasan memuat nama instansi bawaan \"\(config.agencyName)\": isi [agency].name di config.toml",
                "the reply names the placeholder agency \"\(config.agencyName)\": set [agency].name in config.toml (see docs/config.example.toml)"),
                blocking: false))
        }
        return review
    }

    /// Who sent `reply` (a staff member, or the agency's account for an imported answer) and when, for a finding.
    private func sender(of reply: Reply) -> (by: Localized, at: Localized) {
        let by = reply.source == .desk ? Localized(both: reply.author) : Localized("akun instansi", "the agency's account")
        return (by, Localized(SLAPromise.format(reply.sentAt, zone: config.calendar.zone, lang: "id"),
                              SLAPromise.format(reply.sentAt, zone: config.calendar.zone, lang: "en")))
    }

    /// What a reply to comment `id` sent now would answer besides it (`alsoAnswered(with:at:)`), for the review
    /// before sending: they leave the queue with it, whoever holds them.
    public func alsoAnswered(byReplyTo id: Int64) throws -> [Comment] {
        let t = now
        return try store.read { tx in
            guard let c = try tx.comment(id: id) else { throw DeskError.notFound("Comment \(id)") }
            return try alsoAnswered(with: c, at: t, tx)
        }
    }

    /// Catches up with citizens' messages imported before the agency answer `reply` that they come after, as if the
    /// answer had been imported first (exports of mentions and of the agency's own posts often come as separate
    /// files): messages filed under the answer's id because it was not yet on the desk join its conversation, and
    /// the answered citizen's later messages there — or, when the answered comment is not on the desk, the direct
    /// replies to the answer — become follow-ups: their first-response clock becomes a `next_response` clock counted
    /// from the same moment. Clocks already stopped or met stay as they are. Returns the comments moved to the
    /// conversation and, for the log's `clocks`, the changed ones.
    func catchUp(with reply: Reply, answering comment: Comment?, _ tx: any StoreWriter) throws
        -> (joined: [Int64], clocks: [String: JSONValue]) {
        guard let id = reply.externalID, let threadKey = reply.threadKey else { return ([], [:]) }
        let joined = threadKey == id ? [] : try tx.joinThread(platform: reply.platform, from: id, into: threadKey)
        return (joined, try followUps(of: reply, answering: comment, tx))
    }

    /// The second half of `catchUp(with:answering:)`: the answered citizen's later messages in the conversation (or,
    /// when the answered comment is not on the desk, the direct replies to the answer) become follow-ups.
    private func followUps(of reply: Reply, answering comment: Comment?, _ tx: any StoreWriter) throws -> [String: JSONValue] {
        // The agency's own post answers no one: replying under it starts a first response.
        guard let id = reply.externalID, let threadKey = reply.threadKey, reply.inReplyTo != nil else { return [:] }
        var followUps = try tx.responsesRunning(.firstResponse, platform: reply.platform, threadKey: threadKey,
                                                author: comment?.author, after: reply.sentAt)
        if comment == nil { followUps.removeAll { $0.inReplyTo != id } }
        var clocks: [String: JSONValue] = [:]
        for c in followUps { try restartResponseClock(c, followsAgencyReply: true, tx, into: &clocks) }
        return clocks
    }

    /// The other order: agency answers imported before the comment they answer (`answers`, as they were while
    /// waiting for it) made every direct reply to them a follow-up, their addressee unknown, and no message of the
    /// answered citizen one. Once the comment is on the desk, the citizen's later messages in the conversation become
    /// follow-ups (as in `catchUp(with:answering:)`; nothing is filed under the answer's id, since replies to it found
    /// it on the desk), and a reply to the answer by another citizen is a first contact
    /// after all — unless the agency had answered them elsewhere in the conversation. Returns the changed clocks.
    func catchUp(answered comment: Comment, by answers: [Reply], _ tx: any StoreWriter) throws -> [String: JSONValue] {
        var clocks: [String: JSONValue] = [:]
        for answer in answers {
            guard let id = answer.externalID, let threadKey = answer.threadKey else { continue }
            for c in try tx.responsesRunning(.nextResponse, platform: answer.platform, threadKey: threadKey, author: nil, after: answer.sentAt)
            where c.inReplyTo == id && !c.author.isSame(as: comment.author) {
                guard try !tx.agencyReplied(platform: c.platform, threadKey: c.threadKey, author: c.author, before: c.createdAt) else { continue }
                try restartResponseClock(c, followsAgencyReply: false, tx, into: &clocks)
            }
            var linked = answer
            linked.commentID = comment.id
            linked.threadKey = comment.threadKey
            ClockLog.merge(try followUps(of: linked, answering: comment, tx), into: &clocks)
        }
        return clocks
    }

    /// Catches up with citizens' messages imported before the comment `id` they answer, as if it had been imported
    /// first: filed under its id until it came, they join its conversation `threadKey`, and one whose first-response
    /// clock still runs becomes a follow-up when the agency had answered its writer earlier in that conversation.
    /// Returns the comments moved and, for the log's `clocks`, the changed ones.
    func catchUp(filedUnder id: String, joining threadKey: String, platform: Platform, _ tx: any StoreWriter) throws
        -> (joined: [Int64], clocks: [String: JSONValue]) {
        let joined = try tx.joinThread(platform: platform, from: id, into: threadKey)
        var clocks: [String: JSONValue] = [:]
        for moved in joined {
            guard let c = try tx.comment(id: moved), c.sla.responseClock == .firstResponse, c.sla.awaitsResponse,
                  try tx.agencyReplied(platform: c.platform, threadKey: c.threadKey, author: c.author, before: c.createdAt)
            else { continue }
            try restartResponseClock(c, followsAgencyReply: true, tx, into: &clocks)
        }
        return (joined, clocks)
    }

    /// A citizen wrote again (`followUp`) in a conversation where the desk was waiting for them: each of their earlier
    /// comments there in `waiting_citizen` comes back to whoever held it (`claimed`, its assignee kept) or, when nobody
    /// did or its holder is no longer active, to the queue (`open`); its paused resolution clock runs again from the
    /// moment they wrote (now, for a message dated later) — the agency's time to resolve is not paused while the
    /// citizen's answer sits unread. A comment whose wait began after they wrote stays waiting.
    /// The citizen is the same by `Author.isSame(as:)`: where both messages carry the platform's account id (Facebook
    /// and YouTube show display names, which two people can share), the ids match too.
    /// Returns one `status` event per comment (reason `citizen_replied`), for the caller to log before its own.
    func citizenReturned(with followUp: Comment, _ tx: any StoreWriter) throws -> [EventDraft] {
        var events: [EventDraft] = []
        for var c in try tx.waitingOnCitizen(platform: followUp.platform, threadKey: followUp.threadKey,
                                             author: followUp.author, before: followUp.createdAt) {
            if let since = c.sla.pausedSince, since > followUp.createdAt { continue }
            let before = c
            // Back to its holder while they are on the desk; to the queue otherwise.
            if let holder = c.assignee, try tx.staffMember(holder)?.active != true { c.assignee = nil }
            c.status = c.assignee == nil ? .open : .claimed
            // A message dated in the future (a file's wrong time zone) resumes the clock now, not later.
            let resumed = min(followUp.createdAt, now)
            var payload: [String: JSONValue] = ["reason": "citizen_replied", "follow_up": .int(followUp.id), "resumed_at": .time(resumed)]
            settle(from: before, to: &c, at: resumed, policy: try policyVersion(c.sla, tx), into: &payload)
            try tx.updateState(of: c)
            events.append(EventDraft(.status, subject: String(c.id), payload: .object(payload)))
        }
        return events
    }

    /// Gives a comment the response clock it would have had, had the import known then what it knows now (whether
    /// it follows an agency answer), counted from its arrival; adds the change to `clocks` for the log.
    private func restartResponseClock(_ comment: Comment, followsAgencyReply: Bool, _ tx: any StoreWriter,
                                      into clocks: inout [String: JSONValue]) throws {
        guard let policy = try policyVersion(comment.sla, tx) else { return }
        var c = comment
        let restarted = SLAEngine.start(policy, createdAt: c.createdAt, followsAgencyReply: followsAgencyReply)
        c.sla.responseClock = restarted.responseClock
        c.sla.responseDueAt = restarted.responseDueAt
        c.sla.responseAtRiskAt = restarted.responseAtRiskAt
        try tx.updateState(of: c)
        ClockLog.merge(ClockLog.changes(from: comment.sla, to: c.sla, createdAt: c.createdAt, calendar: policy.calendar),
                       of: c.id, into: &clocks)
    }

    /// The stored policy version a comment is measured under.
    public func policyVersion(_ sla: SLARecord, _ tx: any StoreReader) throws -> VersionedPolicy? {
        guard let name = sla.policy, let version = sla.policyVersion else { return nil }
        if let cached = policyCache.get(name, version) { return cached }
        guard let stored = try tx.policyVersions(name: name).first(where: { $0.version == version }),
              let parsed = PolicyDefinition.parse(stored.definition, version: version) else { return nil }
        policyCache.put(parsed)
        return parsed
    }

    /// The current policies as stored versions, adding (and logging) a new version for each policy whose
    /// definition differs from its latest stored one.
    func engine(_ tx: any StoreWriter) throws -> SLAEngine {
        var policies: [VersionedPolicy] = []
        for p in config.policies {
            let definition = PolicyDefinition.text(p, calendar: config.calendar)
            let versions = try tx.policyVersions(name: p.name)
            if let last = versions.last, last.definition == definition {
                policies.append(VersionedPolicy(policy: p, version: last.version, calendar: config.calendar))
                continue
            }
            let version = (versions.last?.version ?? 0) + 1
            try tx.addPolicyVersion(StoredPolicyVersion(name: p.name, version: version, definition: definition, createdAt: try actionTime(tx)))
            var payload: [String: JSONValue] = ["name": .string(p.name), "version": .int(version),
                                                "definition": JSONValue.parse(definition) ?? .null,
                                                "source": .string(config.source ?? "shipped defaults")]
            if let last = versions.last {
                payload["previous_version"] = .int(last.version)
                payload["previous_definition"] = JSONValue.parse(last.definition) ?? .null
            }
            payload.merge(actor.payloadNote) { a, _ in a }
            try tx.append(EventDraft(.policyVersion, subject: "sla:\(p.name)", payload: .object(payload)), actor: actor.name, at: try actionTime(tx))
            policies.append(VersionedPolicy(policy: p, version: version, calendar: config.calendar))
        }
        return SLAEngine(policies: policies)
    }
}

/// What the tone governor reads from a comment at import: its intent (which can choose the SLA standard)
/// and its sentiment (for reports).
public struct CommentTone: Sendable, Hashable {
    public var intent: Intent?
    public var sentiment: Double?
    /// The sensitive topics found: an imported comment is tagged with them (`disaster`, `death` …).
    public var topics: [SensitiveTopic]
    public init(intent: Intent?, sentiment: Double?, topics: [SensitiveTopic] = []) {
        self.intent = intent
        self.sentiment = sentiment
        self.topics = topics
    }
}

/// Decoded policy versions by name and number (stored versions never change).
final class PolicyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: VersionedPolicy] = [:]

    func get(_ name: String, _ version: Int) -> VersionedPolicy? { lock.withLock { entries["\(name)#\(version)"] } }
    func put(_ p: VersionedPolicy) { lock.withLock { entries["\(p.name)#\(p.version)"] = p } }
}
