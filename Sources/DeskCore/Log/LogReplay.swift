import Foundation

/// Rebuilds the desk's state as it stood at a moment, from the log alone.
///
/// Every state change is an event (imports list the comment ids they created and the comments their agency
/// replies answered), so replaying the events up to a moment gives each comment's status, assignee and reply
/// count at that moment — the proof that the log is complete enough to account for the desk.
public struct LogReplay: Sendable {
    /// A comment's workflow state as the log tells it.
    public struct State: Sendable, Hashable {
        public var status: CommentStatus
        public var assignee: String?
        public var replies: Int
        /// The actor of the last escalation (`meja` for the sweep), nil if never escalated.
        public var escalatedBy: String?
        public init(status: CommentStatus = .new, assignee: String? = nil, replies: Int = 0, escalatedBy: String? = nil) {
            self.status = status
            self.assignee = assignee
            self.replies = replies
            self.escalatedBy = escalatedBy
        }

        /// An answer to the conversation reached it: `replied` if it was waiting for one (the rule of `Desk.respond`).
        mutating func answered() { status = status.afterAnswer }
    }

    /// A reply written on the desk, as its `reply` event recorded it.
    public struct DeskReply: Sendable, Hashable {
        public var commentID: Int64
        public var text: String
        /// Who sent it and when: the event's actor and time.
        public var author: String
        public var sentAt: String
        /// As the event recorded them: the humour level sent, the reason a blocking finding was overridden, the template.
        public var humor: Int
        public var overrideReason: String?
        public var templateID: String?
        public var templateVersion: Int?
    }

    /// Each comment's state, packed (`IDTable`): a million comments' worth.
    public private(set) var states = IDTable<State>()
    /// The desk's replies by reply id.
    public private(set) var deskReplies: [Int64: DeskReply] = [:]
    /// An agency message found by an import, as its import stated it.
    public struct ImportedReply: Sendable {
        /// When it was sent (`UTC`).
        public var sentAt: String
        /// Who wrote what (`CommentWords`), and on which platform; nil in logs written before import events carried them.
        public var words: UInt64?
        public var platform: String?
        /// The comment it answers as the log last stated it (its import, or a later import that linked it), when the
        /// log states it (`commentStated`).
        public var commentID: Int64?
        public var commentStated = false
    }

    /// The agency's messages found by imports, by reply id.
    public private(set) var importedReplies: [Int64: ImportedReply] = [:]
    /// Each staff member as the last `staff.add` or `staff.update` event left them.
    public private(set) var staff: [String: StaffMember] = [:]
    /// Each comment's clocks as the log states them (`LoggedClocks`, with what its import stated), when the replay was
    /// asked to keep them: packed (`IDTable`), as they are a million comments' worth.
    public private(set) var clocks = IDTable<LoggedClocks>()
    /// The standard (policy name and version) a comment was measured under at the replay's moment, for comments that an
    /// intent correction after it measured under another (the first such correction's `from_policy`): the tables hold
    /// only the standard since.
    public private(set) var standardsThen: [Int64: (policy: String?, version: Int?)] = [:]
    private var interned: [String: String] = [:]
    /// The last event applied.
    public private(set) var lastSeq: Int64 = 0
    private let keepsClocks: Bool

    /// A replay; `keepingClocks` also folds every comment's clocks (more memory: a million comments' worth).
    public init(keepingClocks: Bool = false) { keepsClocks = keepingClocks }

    /// Applies the next event (in `seq` order).
    public mutating func apply(_ e: LogEvent) { apply(e, payload: e.payloadValue) }

    /// `apply(_:)` with the event's payload parsed (`replay` parses it from the stored bytes).
    private mutating func apply(_ e: LogEvent, payload p: JSONValue) {
        lastSeq = e.seq
        defer {
            // After the event's own rows: its `clocks` state each named comment's values after it.
            if keepsClocks, let changes = p["clocks"]?.objectValue {
                for (key, change) in changes {
                    guard let id = Int64(key), let fields = change.objectValue else { continue }
                    clocks[id]?.apply(fields)
                }
            }
        }
        switch LogAction(rawValue: e.action) {
        case .importBatch?:
            if let range = p["comment_ids"]?.stringValue {
                let ends = range.split(separator: "-").compactMap { Int64($0) }
                if ends.count == 2, ends[0] <= ends[1] {
                    for id in ends[0]...ends[1] { states[id] = State() }
                }
            }
            for id in p["replies_to"]?.arrayValue?.compactMap(\.intValue) ?? [] { states[id, default: State()].replies += 1 }
            for case .array(let row)? in p["agency_replies"]?.arrayValue ?? [] where row.count >= 2 {
                guard let id = row[0].intValue, let sent = row[1].stringValue else { continue }
                importedReplies[id] = ImportedReply(sentAt: sent, words: row.count > 2 ? row[2].stringValue.flatMap(CommentWords.parse) : nil,
                                                    platform: row.count > 3 ? row[3].stringValue : nil,
                                                    commentID: row.count > 4 ? row[4].intValue : nil, commentStated: row.count > 4)
            }
            for case .array(let row)? in p["linked_replies"]?.arrayValue ?? [] where row.count == 2 {
                guard let reply = row[0].intValue, let comment = row[1].intValue, importedReplies[reply]?.commentStated == true else { continue }
                importedReplies[reply]?.commentID = comment
            }
            // Answered by the agency on the platform: replied, as `Desk.respond` moves it — unless it was finished already.
            for id in p["now_replied"]?.arrayValue?.compactMap(\.intValue) ?? [] { states[id, default: State()].answered() }
            if keepsClocks, let names = p["arrival_fields"]?.arrayValue?.compactMap(\.stringValue) {
                let fields = Dictionary(names.enumerated().map { ($1, $0) }) { first, _ in first }
                let importedAt = Timestamp.parse(e.at).map(ElapsedMinutes.second) ?? 0
                func intern(_ s: String) -> String {
                    if let known = interned[s] { return known }
                    interned[s] = s
                    return s
                }
                for case .array(let row)? in p["arrivals"]?.arrayValue ?? [] {
                    guard let index = fields["id"], row.indices.contains(index), let id = row[index].intValue else { continue }
                    var logged = LoggedClocks(arrival: row, fields: fields)
                    logged?.arrival = LoggedArrival(arrival: row, fields: fields, importedAt: importedAt, intern: intern)
                    clocks[id] = logged
                }
            }
        case .intent?:
            // What the state check compares the desk's intent with: the import's reading, then each correction.
            if let id = Int64(e.subject), let intent = p["intent"]?.stringValue { clocks[id]?.arrival?.intent = intent }
        case .claim?, .release?, .assign?, .status?, .escalate?:
            guard let id = Int64(e.subject) else { return }
            var s = states[id, default: State()]
            if let status = p["status"]?.stringValue.flatMap(CommentStatus.init(rawValue:)) { s.status = status }
            if let a = p.objectValue?["assignee"] { s.assignee = a.stringValue }
            if e.action == LogAction.escalate.rawValue { s.escalatedBy = e.actor }
            states[id] = s
        case .reply?:
            guard let id = Int64(e.subject) else { return }
            var s = states[id, default: State()]
            s.replies += 1
            if let status = p["status"]?.stringValue.flatMap(CommentStatus.init(rawValue:)) { s.status = status }
            states[id] = s
            if let replyID = p["reply_id"]?.intValue, let text = p["text"]?.stringValue {
                deskReplies[replyID] = DeskReply(commentID: id, text: text, author: e.actor, sentAt: e.at,
                                                 humor: p["humor"]?.intValue.map(Int.init) ?? 0, overrideReason: p["override_reason"]?.stringValue,
                                                 templateID: p["template_id"]?.stringValue,
                                                 templateVersion: p["template_version"]?.intValue.map(Int.init))
            }
            for other in p["also_answered"]?.arrayValue?.compactMap(\.intValue) ?? [] { states[other, default: State()].answered() }
        case .staffAdd?, .staffUpdate?:
            guard let name = p["name"]?.stringValue, let role = p["role"]?.stringValue.flatMap(StaffMember.Role.init(rawValue:)) else { return }
            staff[name] = StaffMember(name: name, displayName: p["display_name"]?.stringValue, role: role,
                                      active: p["active"]?.boolValue ?? true)
        default:
            break
        }
    }

    /// Notes the standard a comment had before an intent correction after the replay's moment measured it under another.
    private mutating func noteStandardCorrected(_ e: LogEvent, payload: () -> JSONValue) {
        guard e.action == LogAction.intent.rawValue, let id = Int64(e.subject), standardsThen[id] == nil else { return }
        let p = payload()
        guard let from = p["from_policy"] else { return }
        standardsThen[id] = (from.stringValue, p["from_policy_version"]?.intValue.map(Int.init))
    }

    /// Replays the store's log up to and including `moment` (every event whose `at` ≤ moment, in `seq` order), or the
    /// whole log when `moment` is nil.
    public static func replay(_ reader: any StoreReader, until moment: Date?, keepingClocks: Bool = false) throws -> LogReplay {
        var replay = LogReplay(keepingClocks: keepingClocks)
        let cutoff = moment.map(Timestamp.utc)
        // One event at a time: an import's event lists every comment it stored, and a page of them held at once was
        // the whole log of a million comments (360 MB of text). The payload is parsed from the stored bytes, as
        // `payloadValue` parses the same bytes as text, without first making the text (an import's is up to 26 MB).
        try reader.forEachEventFields(from: 1) { f in
            func text(_ b: UnsafeRawBufferPointer) -> String { String(decoding: b, as: UTF8.self) }
            let e = LogEvent(seq: f.seq, at: text(f.at), actor: text(f.actor), action: text(f.action), subject: text(f.subject),
                             payload: "", prev: "", hash: "")
            func payload() -> JSONValue { (try? JSONValue.parse(bytes: Array(f.payload))) ?? .object([:]) }
            if let cutoff, e.at > cutoff {
                replay.noteStandardCorrected(e, payload: payload)
            } else {
                replay.apply(e, payload: payload())
            }
            return true
        }
        return replay
    }
}
