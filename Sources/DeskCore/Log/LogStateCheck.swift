import Foundation

/// Checks that the desk's tables say what the log says: the log's hash chain proves the log was not edited, this
/// proves the tables were not edited behind it (someone with the database file changing a status, an assignee, a
/// reply's words or a staff member's role with `sqlite3`, which writes no event).
///
/// The whole log is replayed (`LogReplay`) and compared with the stored state:
/// - every comment: that it was announced by an import, its status, its assignee, how many replies are linked to it,
///   its time of writing and its response-time clocks (`LoggedClocks`: the clock, due times, met, stopped, paused and
///   escalated instants), whether it is in the queue (kept from its status) and the queue's sort columns kept from those
///   clocks (edited, they would hide a breach from the queue and the overdue board);
/// - every reply written on the desk: that a `reply` event recorded it, for the same comment, with the same words, by
///   the event's actor at the event's time;
/// - every staff member: login, role, display name and whether active, as the last `staff.add`/`staff.update` left them.
///
/// - every comment's platform, channel, intent, sentiment, tags (in logs whose `arrivals` carry them) and the time it
///   was imported, as its import event stated them: reports count by them, and nothing changes them after;
/// - who wrote what: each imported comment's words, writer (account id, handle, display name), platform id and the
///   conversation and message it answered, by the fingerprint its import event stated (`CommentWords`, in logs whose
///   `arrivals` carry it);
/// - a desk reply's humour level, override reason and template, as its event recorded them;
/// - every agency message an import found (in logs whose imports list them): that it is there, sent when the import
///   said, and with the words, channel and conversation it stated (`CommentWords.fingerprint(of:)` for a reply, in logs
///   whose `agency_replies` rows carry it).
///
/// Not covered, because the log does not carry them per item: a comment's link, language and the conversation it was
/// later found to join (and the conversation key of an imported answer), the SLA policy named, and the at-risk times and paused
/// totals derived from the clocks it does check.
public struct LogStateCheck: Sendable, Hashable {
    /// One place where the tables and the log disagree.
    public struct Disagreement: Sendable, Hashable {
        /// What disagrees.
        public enum Subject: Sendable, Hashable {
            case comment(Int64), reply(Int64), staff(String)

            public var label: Localized {
                switch self {
                case .comment(let id): Localized("komentar #\(id)", "comment #\(id)")
                case .reply(let id): Localized("balasan #\(id)", "reply #\(id)")
                case .staff(let name): Localized("petugas \(name)", "staff \(name)")
                }
            }
        }

        /// Which part of it.
        public enum Field: String, Sendable, Hashable {
            /// Whether it exists at all.
            case presence = "present"
            case status, assignee, replies, text, comment, role
            case displayName = "display_name"
            case active
            case author
            case sentAt = "sent_at"
            case createdAt = "created_at"
            /// Whether the comment is in the queue (`active`, kept from its status): edited, it hides a comment from the queue.
            case inQueue = "in_queue"
            /// The queue's sort columns, kept from the clocks: edited, they hide a breach from the queue and the board.
            case queueDue = "due_at"
            case queueAtRisk = "at_risk_at"
            case queueClock = "sla_clock"
            /// A response-time clock field, named as the log's `clocks` name it.
            case clock = "clock"
            case responseDue = "response_due_at"
            case resolutionDue = "resolution_due_at"
            case respondedAt = "responded_at"
            case responseStopped = "response_stopped_at"
            case resolvedAt = "resolved_at"
            case resolutionStopped = "resolution_stopped_at"
            case pausedSince = "paused_since"
            case escalatedAt = "escalated_at"
            /// Who escalated it last: the sweep's escalation leaves it open to the agents, a person's does not.
            case escalatedBy = "escalated_by"
            /// What an import stated once and nothing changes after (`LoggedArrival`): reports count by them.
            case platform, channel, intent, sentiment, tags
            case importedAt = "imported_at"
            /// Who wrote what: an imported comment's words, writer or conversation (`CommentWords`).
            case words = "words_sha256"
            /// A desk reply's fields its event recorded.
            case humor
            case overrideReason = "override_reason"
            case template

            var label: Localized {
                switch self {
                case .presence: Localized("ada", "present")
                case .status: Localized("status", "status")
                case .assignee: Localized("petugas", "assignee")
                case .replies: Localized("jumlah balasan", "replies")
                case .text: Localized("teks", "text")
                case .comment: Localized("komentar", "comment")
                case .role: Localized("peran", "role")
                case .displayName: Localized("nama tampilan", "display name")
                case .active: Localized("aktif", "active")
                case .inQueue: Localized("di antrean", "in the queue")
                case .escalatedBy: Localized("dieskalasi oleh", "escalated by")
                case .words: Localized("kata atau penulis (words_sha256)", "words or writer (words_sha256)")
                default: Localized(both: rawValue)
                }
            }
        }

        public var subject: Subject
        public var field: Field
        /// The value in the tables; nil when the tables do not have the subject.
        public var desk: String?
        /// The value the log gives; nil when the log never mentions the subject.
        public var log: String?

        /// One line for a person: `comment #5 status: closed on the desk, replied in the log`.
        public var message: Localized {
            let who = subject.label
            func shown(_ v: String) -> String { field == .text ? "\"\(v)\"" : v }
            switch (desk, log) {
            case (nil, let log?):
                return Localized("\(who.id): ada di log (\(log)), hilang dari desk: dihapus di luar log",
                                 "\(who.en): in the log (\(log)), missing from the desk: deleted behind the log")
            case (_?, nil), (nil, nil):
                return Localized("\(who.id): ada di desk, tidak pernah di log: ditambahkan di luar log",
                                 "\(who.en): on the desk, never in the log: added behind the log")
            case (let desk?, let log?) where [.queueDue, .queueAtRisk, .queueClock].contains(field):
                // A sort column is checked against what the stored clocks give (the at-risk time is not on the log).
                return Localized("\(who.id) \(field.label.id): \(desk) di desk, \(log) menurut jamnya",
                                 "\(who.en) \(field.label.en): \(desk) on the desk, \(log) by its clocks")
            case (let desk?, let log?):
                return Localized("\(who.id) \(field.label.id): \(shown(desk)) di desk, \(shown(log)) di log",
                                 "\(who.en) \(field.label.en): \(shown(desk)) on the desk, \(shown(log)) in the log")
            }
        }

        public var json: JSONValue {
            ["subject": .string(subject.label.en), "field": .string(field.rawValue), "desk": .string(desk), "log": .string(log),
             "message": .string(message.en)]
        }
    }

    /// How many comments, desk replies and staff members were compared.
    public var comments = 0
    public var deskReplies = 0
    public var staff = 0
    /// Every disagreement found.
    public var disagreementCount = 0
    /// The first ones, at most the limit given to `check`, in the order above (comments by id first).
    public var disagreements: [Disagreement] = []

    public var ok: Bool { disagreementCount == 0 }

    public var json: JSONValue {
        ["ok": .bool(ok), "comments": .int(comments), "desk_replies": .int(deskReplies), "staff": .int(staff),
         "disagreement_count": .int(disagreementCount), "disagreements": .array(disagreements.map(\.json))]
    }

    /// A stored instant (whole seconds since 1970) as the log writes times, or `none`.
    private static func instant(_ seconds: Int64?) -> String {
        seconds.map { Timestamp.utc(Date(timeIntervalSince1970: TimeInterval($0))) } ?? "none"
    }

    /// Replays the log read by `tx` and compares it with the tables in the same transaction, keeping the first `limit`
    /// disagreements.
    public static func check(_ tx: any StoreReader, limit: Int = 20) throws -> LogStateCheck {
        let replay = try LogReplay.replay(tx, until: nil, keepingClocks: true)
        var result = LogStateCheck()
        func disagree(_ subject: Disagreement.Subject, _ field: Disagreement.Field, desk: String?, log: String?) {
            result.disagreementCount += 1
            if result.disagreements.count < limit {
                result.disagreements.append(Disagreement(subject: subject, field: field, desk: desk, log: log))
            }
        }
        func none(_ s: String?) -> String { s ?? "none" }

        var replyCounts: [Int64: Int] = [:]
        try tx.forEachReplyFacts { r in if let c = r.commentID { replyCounts[c, default: 0] += 1 } }
        var matched = 0
        try tx.forEachCommentState { id, status, assignee, active, escalatedBy in
            result.comments += 1
            guard let logged = replay.states[id] else {
                disagree(.comment(id), .presence, desk: "present", log: nil)
                return
            }
            matched += 1
            if status != logged.status.rawValue { disagree(.comment(id), .status, desk: status, log: logged.status.rawValue) }
            if assignee != logged.assignee { disagree(.comment(id), .assignee, desk: none(assignee), log: none(logged.assignee)) }
            if escalatedBy != logged.escalatedBy { disagree(.comment(id), .escalatedBy, desk: none(escalatedBy), log: none(logged.escalatedBy)) }
            // Whether it is in the queue at all (the first of the queue's sort columns): what its logged status implies.
            if active != logged.status.needsAction {
                disagree(.comment(id), .inQueue, desk: active ? "yes" : "no", log: logged.status.needsAction ? "yes" : "no")
            }
            let replies = replyCounts[id] ?? 0
            if replies != logged.replies { disagree(.comment(id), .replies, desk: String(replies), log: String(logged.replies)) }
        }
        if matched < replay.states.count {
            // Some comment the log announced is gone: a second pass names which (a million ids are not kept otherwise).
            var present = Set<Int64>()
            try tx.forEachCommentState { id, _, _, _, _ in present.insert(id) }
            for id in replay.states.ids.sorted() where !present.contains(id) {
                disagree(.comment(id), .presence, desk: nil, log: "imported")
            }
        }

        // One pass over the comments (a million on a large desk) for what the log states of each: the clocks, for every
        // comment whose arrival the log states (all of them, in logs written since it did); and what the import stated
        // and nothing changes after — reports count by platform, channel, intent, sentiment and tags, and a comment
        // stored "later" than its import would drop out of reports on the periods before.
        var wordsLogged = false
        try tx.forEachCommentFacts { f in
            guard let logged = replay.clocks[f.id] else { return }
            let record = logged.record
            func text(_ b: UnsafeRawBufferPointer?) -> String? { b.map { String(decoding: $0, as: UTF8.self) } }
            func compare(_ field: Disagreement.Field, _ stored: Int64?, _ log: Date?) {
                let logged = log.map(ElapsedMinutes.second)
                guard stored != logged else { return }
                disagree(.comment(f.id), field, desk: instant(stored), log: instant(logged))
            }
            compare(.createdAt, f.createdAt, logged.createdAt)
            let clock = text(f.responseClock)
            if clock != record.responseClock?.rawValue {
                disagree(.comment(f.id), .clock, desk: none(clock), log: none(record.responseClock?.rawValue))
            }
            compare(.responseDue, f.responseDue, record.responseDueAt)
            compare(.resolutionDue, f.resolutionDue, record.resolutionDueAt)
            compare(.respondedAt, f.respondedAt, record.respondedAt)
            compare(.responseStopped, f.responseStopped, record.responseStoppedAt)
            compare(.resolvedAt, f.resolvedAt, record.resolvedAt)
            compare(.resolutionStopped, f.resolutionStopped, record.resolutionStoppedAt)
            compare(.pausedSince, f.pausedSince, record.pausedSince)
            compare(.escalatedAt, f.escalatedAt, record.escalatedAt)

            guard let arrival = logged.arrival else { return }
            func same(_ stored: UnsafeRawBufferPointer?, _ log: String?) -> Bool {
                switch (stored, log) {
                case (nil, nil): true
                case (let b?, let s?): s.utf8.elementsEqual(b)
                default: false
                }
            }
            if !same(f.platform, arrival.platform) { disagree(.comment(f.id), .platform, desk: none(text(f.platform)), log: arrival.platform) }
            if !same(f.channel, arrival.channel) { disagree(.comment(f.id), .channel, desk: none(text(f.channel)), log: none(arrival.channel)) }
            if !same(f.intent, arrival.intent) { disagree(.comment(f.id), .intent, desk: none(text(f.intent)), log: none(arrival.intent)) }
            let sentimentAgrees = switch (f.sentiment, arrival.sentiment) {
            case (nil, nil): true
            case (let a?, let b?): abs(a - b) < 1e-9
            default: false
            }
            if !sentimentAgrees {
                disagree(.comment(f.id), .sentiment, desk: f.sentiment.map { "\($0)" } ?? "none", log: arrival.sentiment.map { "\($0)" } ?? "none")
            }
            if let tags = arrival.tags, !(tags.isEmpty ? f.tags.isEmpty : same(f.tags, "," + tags.joined(separator: ",") + ",")) {
                let desk = (text(f.tags) ?? "").split(separator: ",").joined(separator: ",")
                disagree(.comment(f.id), .tags, desk: desk.isEmpty ? "none" : desk, log: tags.isEmpty ? "none" : tags.joined(separator: ","))
            }
            if f.importedAt != arrival.importedAt {
                disagree(.comment(f.id), .importedAt, desk: instant(f.importedAt), log: instant(arrival.importedAt))
            }
            if arrival.words != nil { wordsLogged = true }
        }
        // What the citizens said, and who said it, in logs whose arrivals state it: a second pass, reading the words.
        if wordsLogged {
            try tx.forEachCommentWords { id, words in
                guard let logged = replay.clocks[id]?.arrival?.words, logged != words else { return }
                disagree(.comment(id), .words, desk: CommentWords.hex(words), log: CommentWords.hex(logged))
            }
        }

        // What the queue and the overdue board order by must be what the (checked) clocks give.
        try tx.forEachSortColumns { id, sla, stored in
            let next = sla.nextDue
            let due = next.map { ElapsedMinutes.second($0.dueAt) }, risk = next.map { ElapsedMinutes.second($0.atRiskAt) }
            if stored.dueAt != due { disagree(.comment(id), .queueDue, desk: instant(stored.dueAt), log: instant(due)) }
            if stored.atRiskAt != risk { disagree(.comment(id), .queueAtRisk, desk: instant(stored.atRiskAt), log: instant(risk)) }
            if stored.clock != next?.clock.rawValue {
                disagree(.comment(id), .queueClock, desk: none(stored.clock), log: none(next?.clock.rawValue))
            }
        }

        let replies = try tx.deskReplies()
        result.deskReplies = replies.count
        for r in replies {
            guard let logged = replay.deskReplies[r.id] else {
                disagree(.reply(r.id), .presence, desk: "present", log: nil)
                continue
            }
            if r.commentID != logged.commentID {
                disagree(.reply(r.id), .comment, desk: r.commentID.map { "#\($0)" } ?? "none", log: "#\(logged.commentID)")
            }
            if r.text != logged.text { disagree(.reply(r.id), .text, desk: r.text, log: logged.text) }
            // Credit in reports and the response time go by these.
            if r.author != logged.author { disagree(.reply(r.id), .author, desk: r.author, log: logged.author) }
            let sent = Timestamp.utc(r.sentAt)
            if sent != logged.sentAt { disagree(.reply(r.id), .sentAt, desk: sent, log: logged.sentAt) }
            // Reports count humour sent and overridden findings by these.
            if r.humor != logged.humor { disagree(.reply(r.id), .humor, desk: String(r.humor), log: String(logged.humor)) }
            if r.overrideReason != logged.overrideReason {
                disagree(.reply(r.id), .overrideReason, desk: none(r.overrideReason), log: none(logged.overrideReason))
            }
            if r.templateID != logged.templateID || r.templateVersion != logged.templateVersion {
                func named(_ id: String?, _ version: Int?) -> String { id.map { "\($0) v\(version.map(String.init) ?? "?")" } ?? "none" }
                disagree(.reply(r.id), .template, desk: named(r.templateID, r.templateVersion), log: named(logged.templateID, logged.templateVersion))
            }
        }
        let onDesk = Set(replies.map(\.id))
        for id in replay.deskReplies.keys.sorted() where !onDesk.contains(id) {
            disagree(.reply(id), .presence, desk: nil, log: "sent")
        }

        // The agency's messages found by imports, in logs whose import events list them (`agency_replies`): each listed
        // one must be there, sent when the import said — the report credits answers "on the platform" by them.
        if let first = replay.importedReplies.keys.min() {
            var seen = 0
            try tx.forEachReplyFacts { r in
                // One before the first listed may come from an older Meja that did not list them: not taken for a forgery.
                // After it, every import lists what it stores: one not listed was put there behind the log.
                guard r.imported, r.id >= first else { return }
                guard let logged = replay.importedReplies[r.id] else {
                    return disagree(.reply(r.id), .presence, desk: "imported", log: nil)
                }
                seen += 1
                let stored = instant(r.sentAt)
                if stored != logged.sentAt { disagree(.reply(r.id), .sentAt, desk: stored, log: logged.sentAt) }
                // The comment it answers: the report credits the answer, and the desk shows it, there.
                if logged.commentStated, r.commentID != logged.commentID {
                    disagree(.reply(r.id), .comment, desk: r.commentID.map { "#\($0)" } ?? "none", log: logged.commentID.map { "#\($0)" } ?? "none")
                }
            }
            // What the agency said, and in answer to what, in logs whose imports state it.
            if replay.importedReplies.values.contains(where: { $0.words != nil }) {
                try tx.forEachImportedReplyWords { id, words, platform in
                    guard let logged = replay.importedReplies[id] else { return }
                    if let said = logged.words, said != words { disagree(.reply(id), .words, desk: CommentWords.hex(words), log: CommentWords.hex(said)) }
                    if let said = logged.platform, said != platform { disagree(.reply(id), .platform, desk: platform, log: said) }
                }
            }
            if seen < replay.importedReplies.count {
                var present = Set<Int64>()
                try tx.forEachReplyFacts { r in if r.imported { present.insert(r.id) } }
                for id in replay.importedReplies.keys.sorted() where !present.contains(id) { disagree(.reply(id), .presence, desk: nil, log: "imported") }
            }
        }

        let staff = try tx.staff()
        result.staff = staff.count
        for member in staff {
            guard let logged = replay.staff[member.name] else {
                disagree(.staff(member.name), .presence, desk: member.role.rawValue, log: nil)
                continue
            }
            if member.role != logged.role { disagree(.staff(member.name), .role, desk: member.role.rawValue, log: logged.role.rawValue) }
            if member.displayName != logged.displayName {
                disagree(.staff(member.name), .displayName, desk: member.displayName, log: logged.displayName)
            }
            if member.active != logged.active { disagree(.staff(member.name), .active, desk: String(member.active), log: String(logged.active)) }
        }
        let names = Set(staff.map(\.name))
        for name in replay.staff.keys.sorted() where !names.contains(name) {
            disagree(.staff(name), .presence, desk: nil, log: replay.staff[name]!.role.rawValue)
        }
        return result
    }
}
