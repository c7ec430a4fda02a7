import Foundation

/// Where the desk keeps comments, replies, staff and the log.
///
/// A store hands out read and write transactions; everything the core does happens inside one. A write
/// transaction that changes the record without appending a log event is rolled back
/// (`StoreError.unloggedChange`), so no code path can change state silently. The SQLite store is the embedded
/// default; every store test is written against these protocols so another implementation can run them too.
public protocol DeskStore: AnyObject, Sendable {
    /// Where the data lives (a file path or a server URL), for messages.
    var location: String { get }
    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (any StoreReader) throws -> T) throws -> T
    /// Runs `body` on a consistent snapshot that passes over much of the database (a verification, an export), keeping
    /// little of what it reads in memory. `read` may keep more, to be faster when asked again.
    func scan<T>(_ body: (any StoreReader) throws -> T) throws -> T
    /// Runs `body` in one serialized, atomic transaction.
    func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T
    /// Refreshes the query planner's statistics after a bulk change (a large import).
    func refreshStatistics() throws
}

extension DeskStore {
    /// A store that keeps nothing between reads scans as it reads.
    public func scan<T>(_ body: (any StoreReader) throws -> T) throws -> T { try read(body) }
}

/// Queries, valid inside a transaction.
public protocol StoreReader {
    func comment(id: Int64) throws -> Comment?
    func comment(platform: Platform, externalID: String) throws -> Comment?
    /// Who wrote the comment stored under (platform, external id), and its words: what a record with the same id is
    /// compared with when it is imported again.
    func storedWords(platform: Platform, externalID: String) throws -> StoredWords?
    /// Comments of a queue in the desk's order (breached, at risk, by due time, oldest first).
    func queue(_ query: QueueQuery) throws -> [Comment]
    func counts(_ query: QueueQuery) throws -> QueueCounts
    /// Comments still needing action with an id above `id` and any of `tags`, lowest id first, at most `limit`.
    func arrivals(after id: Int64, taggedAny tags: [String], limit: Int) throws -> [Comment]
    /// The highest comment id on the desk (0 when it has none).
    func newestCommentID() throws -> Int64
    /// Comments with a running clock that has breached (and with `atRisk`, is at risk) at `now`, oldest breach first.
    func overdue(now: Date, includeAtRisk: Bool, limit: Int) throws -> [Comment]
    /// `overdue`, one comment at a time (a million may be late).
    func forEachOverdue(now: Date, includeAtRisk: Bool, limit: Int, _ body: (Comment) throws -> Void) throws
    /// How many comments `overdue` would list without a limit: breached, and at risk (not yet breached).
    func overdueCounts(now: Date) throws -> OverdueCounts
    /// What each staff member holds that still needs action, and how much of it has breached, by staff name (those
    /// who hold nothing are left out).
    func workloads(now: Date) throws -> [String: StaffWorkload]
    /// Breached comments that still ask something of the agency (new, open, claimed) and were never escalated, by id,
    /// after id `after`: the escalation sweep's pages.
    func unescalatedBreaches(now: Date, after: Int64, limit: Int) throws -> [Comment]
    /// How many newer comments in the same queue (platform and channel) were answered, up to `limit`.
    func answeredNewer(than comment: Comment, limit: Int) throws -> Int
    func replies(commentID: Int64) throws -> [Reply]
    func reply(platform: Platform, externalID: String) throws -> Reply?
    /// A comment's conversation, oldest first, with the agency's answers in it: all of it, or in a conversation of more
    /// than 500 comments (a viral post) the 250 written before the comment and the 250 from it on, and wherever they
    /// fall its writer's own messages there and what each answered.
    func thread(around c: Comment) throws -> (comments: [Comment], replies: [Reply])
    /// Every channel (agency account) comments on the desk were addressed to, sorted.
    func channels() throws -> [String]
    /// Every platform comments on the desk came from, sorted.
    func platforms() throws -> [Platform]
    /// The author's other comments on the platform, newest first.
    ///
    /// Every look-up by citizen on this protocol takes the `Author` and finds the same citizen (`Author.isSame(as:)`):
    /// the same handle, the same account id where both carry one, and nobody for an unknown author.
    func comments(byAuthor author: Author, platform: Platform, excluding id: Int64, before: Date?, limit: Int) throws -> [Comment]
    /// An agency message with that platform id, as a citizen's answer to it needs it: its conversation (nil when none
    /// is recorded), the author of the comment it answers (nil when that comment is not on the desk), and whether it
    /// answers anything at all (false for the agency's own post). nil when there is no such message.
    func agencyMessage(platform: Platform, externalID: String) throws -> (threadKey: String?, answeredAuthor: Author?, isAnswer: Bool)?
    /// Whether the agency answered this author in the conversation before `before` (a later message of theirs
    /// then starts a `next_response` clock).
    func agencyReplied(platform: Platform, threadKey: String, author: Author, before: Date) throws -> Bool
    /// Templates already sent to this citizen on the platform since `since` (so they are not suggested again).
    func recentTemplateIDs(author: Author, platform: Platform, since: Date) throws -> Set<String>
    /// Whether any reply, and any reply still waiting for its comment, exists on a platform (lets imports
    /// skip lookups that cannot find anything).
    func replyPresence(platform: Platform) throws -> (any: Bool, pending: Bool)
    /// Which of `ids` are stored as the agency's messages (replies) on `platform`.
    func replyExternalIDs(platform: Platform, among ids: [String]) throws -> Set<String>
    /// Whether some comments on a platform are filed under the id of the message they answer, because it was not on
    /// the desk when they came (lets imports skip looking for them when a comment arrives).
    func commentsAwaitParent(platform: Platform) throws -> Bool
    /// Whether any comment is waiting for its citizen (`waiting_citizen`).
    func anyWaitingOnCitizen() throws -> Bool
    /// The comments of `author` in a conversation that wait for them (`waiting_citizen`), written before `before`.
    func waitingOnCitizen(platform: Platform, threadKey: String, author: Author, before: Date) throws -> [Comment]
    /// Imported agency replies waiting for the comment they answer.
    func pendingReplies(platform: Platform, inReplyTo externalID: String) throws -> [Reply]
    /// Comments by `author` (by anyone when nil) in a conversation, written after `after`, whose response clock
    /// of kind `clock` still runs: those an agency answer imported late turns into follow-ups, or back.
    func responsesRunning(_ clock: SLAClock, platform: Platform, threadKey: String, author: Author?, after: Date) throws -> [Comment]
    /// Comments by `author` in a conversation, unanswered and not withdrawn (spam, no reply needed, closed
    /// unanswered), written at or before `before`.
    func unansweredComments(platform: Platform, threadKey: String, author: Author, before: Date) throws -> [Comment]
    /// When the agency first answered the writer of `comment` in its conversation at or after `since` (and at or before
    /// `until`): a reply from `source` to `comment` or to another of its writer's comments there, if there is one.
    func firstAgencyAnswer(to comment: Comment, since: Date, until: Date?, source: Reply.Source) throws -> Date?
    /// The latest time an agency message imported from the platform was sent, if there is one.
    func latestAgencyMessage(platform: Platform) throws -> Date?
    /// Streams the SLA record of every comment still needing action (for a census of clock states).
    func forEachOpenSLA(_ body: (Int64, SLARecord) throws -> Void) throws
    /// Streams every comment's clocks with the queue's sort columns stored beside them, for the log's state check.
    func forEachSortColumns(_ body: (Int64, SLARecord, SortColumns) throws -> Void) throws
    /// How many comments the desk holds.
    func commentCount() throws -> Int
    func staff() throws -> [StaffMember]
    func staffMember(_ name: String) throws -> StaffMember?
    func lastEvent() throws -> LogEvent?
    /// Streams every event from `seq` ≥ `from` in order as raw fields (valid only during the call), until `body`
    /// returns false. The verifier uses this to hash a million events without building strings.
    func forEachEventFields(from: Int64, _ body: (EventFields) throws -> Bool) throws
    /// Events with `seq` ≥ `from`, in order, at most `limit`.
    func events(from: Int64, limit: Int) throws -> [LogEvent]
    /// Events for a subject and/or of an action, newest last.
    func events(subject: String?, action: String?, limit: Int) throws -> [LogEvent]
    func policyVersions(name: String) throws -> [StoredPolicyVersion]
    /// Every stored policy version, by name then version.
    func allPolicyVersions() throws -> [StoredPolicyVersion]
    /// Streams every comment's report fields in id order, as raw stored values valid only during the call (reports
    /// scan a million comments this way without decoding them).
    func forEachCommentFacts(_ body: (CommentFacts) throws -> Void) throws
    /// Streams every reply's report fields in id order, raw like `forEachCommentFacts`.
    func forEachReplyFacts(_ body: (ReplyFacts) throws -> Void) throws
    /// Streams every comment's workflow state (id, status as stored, assignee, whether it is in the queue) in id order,
    /// for the log's state check.
    func forEachCommentState(_ body: (_ id: Int64, _ status: String, _ assignee: String?, _ active: Bool, _ escalatedBy: String?) throws -> Void) throws
    /// Streams every comment's id and the fingerprint of who wrote what (`CommentWords`) in id order, for the log's state
    /// check.
    func forEachCommentWords(_ body: (_ id: Int64, _ words: UInt64) throws -> Void) throws
    /// Streams the id, fingerprint (`CommentWords.fingerprint(of:)` for a reply) and platform of every agency answer found
    /// by an import, in id order, for the log's state check.
    func forEachImportedReplyWords(_ body: (_ id: Int64, _ words: UInt64, _ platform: String) throws -> Void) throws
    /// The replies written on the desk (not imported), in id order.
    func deskReplies() throws -> [Reply]
    /// The last event (highest `seq`) whose `at` is at or before `moment`: the log head as it stood then.
    func lastEvent(atOrBefore moment: Date) throws -> LogEvent?
    /// The import event that brought comment `id` onto the desk at `importedAt` (its `comment_ids` range holds it).
    func importEvent(of id: Int64, importedAt: Date) throws -> EventMark?
    /// The import event that found the agency's answer `replyID` on the platform (listed in its `agency_replies`).
    func importEvent(recordingReply replyID: Int64) throws -> EventMark?
    func setting(_ key: String) throws -> String?
    func draft(commentID: Int64, staff: String) throws -> ReplyDraft?
    /// The comments a staff member has a draft for.
    func draftCommentIDs(staff: String) throws -> Set<Int64>
    /// Which of `ids` have a note for colleagues on the log.
    func notedCommentIDs(among ids: [Int64]) throws -> Set<Int64>
}

/// Changes, valid inside a write transaction. Those marked *record* must be accompanied by `append`.
public protocol StoreWriter: StoreReader {
    /// *Record.* Inserts a comment; returns its new id, or nil when (platform, external id) is already stored.
    func insertComment(_ comment: Comment) throws -> Int64?
    /// *Record.* Inserts a reply; nil when an imported reply with the same (platform, external id) exists.
    func insertReply(_ reply: Reply) throws -> Int64?
    /// *Record.* Attaches a pending imported reply to the comment it answers.
    func linkReply(id: Int64, toComment commentID: Int64, threadKey: String) throws
    /// *Record.* Files the comments and replies of conversation `oldKey` under `newKey`; returns the comments moved.
    /// (Messages answering one not yet on the desk are filed under its id until it arrives.)
    func joinThread(platform: Platform, from oldKey: String, into newKey: String) throws -> [Int64]
    /// *Record.* Saves a comment's workflow state: status, assignee, intent, tags and SLA record.
    func updateState(of comment: Comment) throws
    /// *Record.* Adds or changes a staff entry.
    func putStaff(_ member: StaffMember) throws
    /// *Record.* Stores a new SLA policy version.
    func addPolicyVersion(_ version: StoredPolicyVersion) throws
    /// Appends an event to the log, chained to the last one.
    @discardableResult
    func append(_ draft: EventDraft, actor: String, at: Date) throws -> LogEvent
    /// Working state that is not part of the record (fetch positions and the like).
    func setSetting(_ key: String, _ value: String) throws
    /// Saves (or with empty text, removes) a draft. Drafts are private work, not the record.
    func saveDraft(_ draft: ReplyDraft) throws
}

/// Failures of the storage layer.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A write transaction changed the record without logging an event; it was rolled back.
    case unloggedChange
    /// The database file cannot be opened or is not a Meja database.
    case cannotOpen(String)
    /// The database was written by a newer Meja: it holds a schema change (migration) this one does not know.
    case newerSchema(String)
    /// The file is an SQLite database of another program (its tables, some of them): Meja leaves it as it is.
    case notMeja(String, tables: [String])
    /// The disk holding the database is full: the transaction was rolled back.
    case diskFull(String)
    /// An event's actor or subject would hold a line break (which the hash could not tell from a field's end).
    case lineBreakInLogField(String)
    /// The database file, or its folder, may not be written by this user (SQLite in WAL mode writes beside the file
    /// even to read it).
    case readOnly(String)
    /// SQLite found the file damaged (a torn copy, a failed disk): nothing in it can be read with trust.
    case damaged(String)
    /// Another process held the write lock longer than the busy timeout (seconds).
    case busy(TimeInterval)

    /// The description in both languages where the desk shows it; only what staff meet in the course of work is
    /// translated (the others are for whoever looks after the database, and read the same in both).
    public var explanation: Localized {
        switch self {
        case .diskFull(let path):
            Localized("disk tempat \(path) penuh: tidak ada bagian tindakan ini yang tersimpan (SQLite membatalkannya utuh). Kosongkan sebagian ruang lalu ulangi",
                      description)
        case .busy(let seconds):
            Localized("basis data sedang sibuk: proses Meja lain (impor, penyapuan, atau desk lain) sedang menulis lebih dari \(Int(seconds)) detik. Belum ada yang berubah; coba lagi sebentar lagi",
                      description)
        default: Localized(both: description)
        }
    }

    public var description: String {
        switch self {
        case .unloggedChange: "internal error: a change without its log event was refused and rolled back"
        case .cannotOpen(let why): "cannot open the database: \(why)"
        case .newerSchema(let v): "the database was written by a newer Meja (its schema has \(v), which this one does not know); update Meja to open it"
        case .notMeja(let path, let tables):
            "\(path) is an SQLite database of another program (tables \(tables.prefix(5).joined(separator: ", "))\(tables.count > 5 ? ", …" : "")), not a Meja desk; "
                + "Meja leaves it as it is. Check --db or MEJA_DB"
        case .lineBreakInLogField(let fields):
            "internal error: a log event's actor or subject would hold a line break (\(fields)); nothing was written"
        case .diskFull(let path):
            "the disk holding \(path) is full: nothing of this action was kept (SQLite undid it whole). Free some space there and run it again"
        case .readOnly(let path): "cannot open the database: \(path) (or its folder) is read-only for you, and SQLite writes beside it even to read it"
        case .busy(let seconds):
            "the database is busy: another Meja process (an import, a sweep, another desk) has been writing for over \(Int(seconds)) s. Nothing was changed; try again in a moment"
        case .damaged(let path):
            "the database \(path) is damaged (SQLite: database disk image is malformed), so it can be neither read nor verified. "
                + "A copy taken while Meja was writing can be torn: copy a database in use with sqlite3 '\(path)' \".backup copy.sqlite\" "
                + "(or take `meja log export`), and restore a damaged one from a backup"
        }
    }
}

/// The columns the queue orders by, kept beside a comment's clocks (`SLARecord.nextDue`): whole seconds since 1970.
public struct SortColumns: Sendable, Hashable {
    public var dueAt: Int64?
    public var atRiskAt: Int64?
    public var clock: String?
}

/// A stored comment's id, writer and words (`StoreReader.storedWords`).
public struct StoredWords: Equatable, Sendable {
    public var id: Int64
    public var authorID: String?
    public var authorHandle: String
    public var text: String
}
