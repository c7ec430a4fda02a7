import Foundation
import GRDB

/// One transaction on the SQLite store; implements the reader and writer protocols with plain SQL.
final class SQLiteTransaction: StoreWriter {
    let db: Database
    let writable: Bool
    private(set) var recordChanged = false
    private(set) var eventAppended = false

    init(db: Database, writable: Bool) {
        self.db = db
        self.writable = writable
    }

    private func changed() { recordChanged = true }

    // MARK: Comments

    static let commentColumns = """
        id, platform, external_id, author_id, author_handle, author_name, text, created_at, thread_id, thread_key,
        in_reply_to, channel, url, lang, imported_at, status, assignee, intent, tags, sla_policy, sla_version,
        response_clock, response_due, response_at_risk, responded_at, response_stopped, resolution_due,
        resolution_at_risk, resolved_at, resolution_stopped, paused_since, paused_seconds, escalated_at, sentiment, escalated_by
        """

    /// The comment in the current row of `s`, read in `commentColumns` order.
    static func comment(_ s: RawStatement) -> Comment {
        func date(_ i: Int32) -> Date? { s.optionalInt(i).map { Date(timeIntervalSince1970: Double($0)) } }
        func text(_ i: Int32) -> String { s.text(i) ?? "" }
        let sla = SLARecord(
            policy: s.text(19), policyVersion: s.optionalInt(20).map { Int($0) }, responseClock: s.text(21).flatMap(SLAClock.init(rawValue:)),
            responseDueAt: date(22), responseAtRiskAt: date(23), respondedAt: date(24), responseStoppedAt: date(25),
            resolutionDueAt: date(26), resolutionAtRiskAt: date(27), resolvedAt: date(28), resolutionStoppedAt: date(29),
            pausedSince: date(30), pausedSeconds: Int(s.int(31)), escalatedAt: date(32))
        return Comment(
            id: s.int(0), platform: Platform(rawValue: text(1)), externalID: text(2),
            author: Author(id: s.text(3), handle: text(4), name: s.text(5)), text: text(6), createdAt: date(7) ?? Date(timeIntervalSince1970: 0),
            threadID: s.text(8), threadKey: text(9), inReplyTo: s.text(10), channel: s.text(11), url: s.text(12), lang: s.text(13),
            importedAt: date(14) ?? Date(timeIntervalSince1970: 0), status: s.text(15).flatMap(CommentStatus.init(rawValue:)) ?? .open,
            assignee: s.text(16), intent: s.text(17).flatMap(Intent.init(rawValue:)),
            sentiment: s.optionalDouble(33), tags: text(18).split(separator: ",").map(String.init), sla: sla, escalatedBy: s.text(34))
    }

    /// The comments a statement selecting `commentColumns` finds with `arguments`, read by hand.
    private func fetchComments(_ statement: Statement, _ arguments: StatementArguments) throws -> [Comment] {
        try statement.setArguments(arguments)
        let s = try RawStatement(reading: statement, db)
        var comments: [Comment] = []
        while try s.step() { comments.append(Self.comment(s)) }
        return comments
    }

    private func fetchComments(_ sql: String, _ args: StatementArguments = []) throws -> [Comment] {
        try fetchComments(db.cachedStatement(sql: sql), args)
    }

    func comment(id: Int64) throws -> Comment? {
        try fetchComments("SELECT \(Self.commentColumns) FROM comment WHERE id = ?", [id]).first
    }

    func comment(platform: Platform, externalID: String) throws -> Comment? {
        try fetchComments("SELECT \(Self.commentColumns) FROM comment WHERE platform = ? AND external_id = ?",
                          [platform.rawValue, externalID]).first
    }

    func storedWords(platform: Platform, externalID: String) throws -> StoredWords? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, author_id, author_handle, text FROM comment WHERE platform = ? AND external_id = ?"),
                         arguments: [platform.rawValue, externalID])
            .map { StoredWords(id: $0[0], authorID: $0[1], authorHandle: $0[2], text: $0[3]) }
    }

    func forEachOpenSLA(_ body: (Int64, SLARecord) throws -> Void) throws {
        try forEachSLA(where: "active = 1") { id, sla, _ in try body(id, sla) }
    }

    func forEachSortColumns(_ body: (Int64, SLARecord, SortColumns) throws -> Void) throws {
        try forEachSLA(where: "1", body)
    }

    /// Streams the clocks (and the queue's sort columns kept from them) of the comments matching `condition`.
    private func forEachSLA(where condition: String, _ body: (Int64, SLARecord, SortColumns) throws -> Void) throws {
        let s = try RawStatement(db, sql: """
            SELECT id, response_clock, response_due, response_at_risk, responded_at, response_stopped, resolution_due,
              resolution_at_risk, resolved_at, resolution_stopped, paused_since, paused_seconds, escalated_at,
              due_at, at_risk_at, sla_clock
            FROM comment WHERE \(condition)
            """)
        func date(_ c: Int32) -> Date? { s.isNull(c) ? nil : Date(timeIntervalSince1970: Double(s.int(c))) }
        while try s.step() {
            // The clock's name, read from its bytes without building a string.
            let clock: SLAClock? = s.isNull(1) ? nil : s.bytes(1).first == UInt8(ascii: "f") ? .firstResponse : .nextResponse
            let sla = SLARecord(responseClock: clock, responseDueAt: date(2), responseAtRiskAt: date(3), respondedAt: date(4),
                                responseStoppedAt: date(5), resolutionDueAt: date(6), resolutionAtRiskAt: date(7), resolvedAt: date(8),
                                resolutionStoppedAt: date(9), pausedSince: date(10), pausedSeconds: Int(s.int(11)), escalatedAt: date(12))
            try body(s.int(0), sla, SortColumns(dueAt: s.optionalInt(13), atRiskAt: s.optionalInt(14), clock: s.text(15)))
        }
    }

    func forEachCommentFacts(_ body: (CommentFacts) throws -> Void) throws {
        // Instants come with NULL as a sentinel so that each is one column read (a million rows, twenty columns).
        let none = Int64.min
        let instants = ["response_due", "responded_at", "response_stopped", "resolution_due", "resolved_at", "resolution_stopped",
                        "paused_since", "escalated_at", "sla_version"].map { "ifnull(\($0), \(none))" }.joined(separator: ", ")
        let s = try RawStatement(db, sql: """
            SELECT id, platform, channel, thread_key, created_at, imported_at, intent, tags, sentiment, sla_policy, response_clock,
              author_handle, \(instants)
            FROM comment ORDER BY id
            """)
        func instant(_ c: Int32) -> Int64? {
            let v = s.int(c)
            return v == none ? nil : v
        }
        while try s.step() {
            try body(CommentFacts(
                id: s.int(0), platform: s.bytes(1), channel: s.optionalBytes(2), threadKey: s.bytes(3), authorHandle: s.bytes(11),
                createdAt: s.int(4), importedAt: s.int(5), intent: s.optionalBytes(6), tags: s.bytes(7), sentiment: s.optionalDouble(8),
                policy: s.optionalBytes(9), policyVersion: instant(20), responseClock: s.optionalBytes(10),
                responseDue: instant(12), respondedAt: instant(13), responseStopped: instant(14), resolutionDue: instant(15),
                resolvedAt: instant(16), resolutionStopped: instant(17), pausedSince: instant(18), escalatedAt: instant(19)))
        }
    }

    func forEachReplyFacts(_ body: (ReplyFacts) throws -> Void) throws {
        let s = try RawStatement(db, sql: """
            SELECT id, comment_id, sent_at, author, source = 'imported', humor, override_reason IS NOT NULL FROM reply ORDER BY id
            """)
        while try s.step() {
            try body(ReplyFacts(id: s.int(0), commentID: s.optionalInt(1), sentAt: s.int(2), author: s.bytes(3), imported: s.int(4) != 0,
                                humor: Int(s.int(5)), overridden: s.int(6) != 0))
        }
    }

    func forEachCommentWords(_ body: (_ id: Int64, _ words: UInt64) throws -> Void) throws {
        try forEachWords("SELECT id, external_id, author_id, author_handle, author_name, thread_id, in_reply_to, text FROM comment ORDER BY id") {
            id, words, _ in try body(id, words)
        }
    }

    func forEachImportedReplyWords(_ body: (_ id: Int64, _ words: UInt64, _ platform: String) throws -> Void) throws {
        try forEachWords("""
            SELECT id, external_id, NULL, author, NULL, thread_id, in_reply_to, text, platform FROM reply WHERE source = 'imported' ORDER BY id
            """) { id, words, s in try body(id, words, s.text(8) ?? "") }
    }

    /// Streams `CommentWords` fingerprints of the seven fields a query selects after the id (the statement, positioned on
    /// the row, for any column after them).
    private func forEachWords(_ sql: String, _ body: (_ id: Int64, _ words: UInt64, _ row: RawStatement) throws -> Void) throws {
        let s = try RawStatement(db, sql: sql)
        var buffer: [UInt8] = []
        while try s.step() {
            let fields = (s.optionalBytes(1), s.optionalBytes(2), s.optionalBytes(3), s.optionalBytes(4), s.optionalBytes(5),
                          s.optionalBytes(6), s.optionalBytes(7))
            try body(s.int(0), CommentWords.fingerprint(fields, buffer: &buffer), s)
        }
    }

    func forEachCommentState(_ body: (_ id: Int64, _ status: String, _ assignee: String?, _ active: Bool, _ escalatedBy: String?) throws -> Void) throws {
        let s = try RawStatement(db, sql: "SELECT id, status, assignee, active, escalated_by FROM comment ORDER BY id")
        while try s.step() { try body(s.int(0), s.text(1) ?? "", s.text(2), s.int(3) != 0, s.text(4)) }
    }

    func deskReplies() throws -> [Reply] {
        try fetchReplies("SELECT \(Self.replyColumns) FROM reply WHERE source = ? ORDER BY id", [Reply.Source.desk.rawValue])
    }

    func commentCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM comment") ?? 0
    }

    /// The WHERE clause and arguments for a query's filters (not its SLA segment).
    private func filters(_ q: QueueQuery) -> (String, [DatabaseValueConvertible?]) {
        var clauses: [String] = []
        var args: [DatabaseValueConvertible?] = []
        if q.statuses == CommentStatus.needingAction {
            clauses.append("active = 1")
        } else if q.statuses.count < CommentStatus.allCases.count {
            clauses.append("status IN (\(q.statuses.map { _ in "?" }.joined(separator: ",")))")
            args += q.statuses.sorted().map(\.rawValue)
        }
        if let p = q.platform { clauses.append("platform = ?"); args.append(p.rawValue) }
        if let c = q.channel { clauses.append("lower(channel) = ?"); args.append(Author.normalizedHandle(c)) }
        if let i = q.intent { clauses.append("intent = ?"); args.append(i.rawValue) }
        if !q.tags.isEmpty {
            clauses.append(Self.anyTagClause(q.tags))
            args += q.tags.map(Self.tagPattern)
        }
        switch q.assignee {
        case .anyone: break
        case .unassigned: clauses.append("assignee IS NULL")
        case .staff(let name): clauses.append("assignee = ?"); args.append(name)
        }
        if let s = q.search, !s.isEmpty {
            if let match = Self.ftsQuery(s) {
                clauses.append("id IN (SELECT rowid FROM comment_fts WHERE comment_fts MATCH ?)")
                args.append(match)
            } else {
                clauses.append("0") // No word to look for: nothing contains it.
            }
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), args)
    }

    /// The user's words as an FTS5 query: every word must occur, the last one as a prefix.
    static func ftsQuery(_ text: String) -> String? {
        let words = QueueQuery.searchWords(text)
        guard !words.isEmpty else { return nil }
        // A word is split off at characters that are neither letters nor digits, but a quote joined to a letter before it
        // (a Malayalam "prepend" character makes one Character of both) stays in: doubled, as FTS5 strings escape it.
        return words.enumerated().map { i, w in
            "\"\(w.replacingOccurrences(of: "\"", with: "\"\""))\"" + (i == words.count - 1 ? "*" : "")
        }.joined(separator: " ")
    }

    /// The queue's order in SQL: breached (longest first), at risk, by due time, then oldest first.
    static let orderRank = "CASE WHEN due_at IS NULL THEN 3 WHEN due_at < :now THEN 0 WHEN at_risk_at <= :now THEN 1 ELSE 2 END"

    func queue(_ q: QueueQuery) throws -> [Comment] {
        let now = Int64(floor(q.now.timeIntervalSince1970))
        let (whereSQL, args) = filters(q)
        // The default statuses walk the queue index segment by segment, so the first page is fast at any size;
        // a filter on one staff member is selective enough to sort its few rows instead.
        if q.statuses == CommentStatus.needingAction, !Self.isStaffFilter(q.assignee) {
            return try segmentedQueue(q, now: now, filter: whereSQL, arguments: args)
        }
        var arguments = StatementArguments(args)
        _ = arguments.append(contentsOf: ["now": now, "limit": q.limit, "offset": q.offset])
        let sql = """
            SELECT \(Self.commentColumns) FROM comment WHERE \(whereSQL)
            ORDER BY \(Self.orderRank), due_at, created_at, id LIMIT :limit OFFSET :offset
            """
        return try fetchComments(db.makeStatement(sql: sql), arguments)
    }

    func arrivals(after id: Int64, taggedAny tags: [String], limit: Int) throws -> [Comment] {
        guard !tags.isEmpty else { return [] }
        // Walks the rows above `id` by their key: a look at what came since, however large the desk.
        let values: [DatabaseValueConvertible?] = [id] + tags.map(Self.tagPattern) + [limit]
        return try fetchComments("SELECT \(Self.commentColumns) FROM comment WHERE id > ? AND active = 1 AND \(Self.anyTagClause(tags)) ORDER BY id LIMIT ?",
                                 StatementArguments(values))
    }

    func newestCommentID() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(id) FROM comment") ?? 0
    }

    private static func isStaffFilter(_ a: QueueQuery.Assignee) -> Bool {
        if case .staff = a { return true }
        return false
    }

    /// The queue through its index, segment by segment: breached, at risk, on track, without a running clock.
    private func segmentedQueue(_ q: QueueQuery, now: Int64, filter: String, arguments args: [DatabaseValueConvertible?]) throws -> [Comment] {
        let segments: [(String, String)] = [
            ("active = 1 AND due_at < :now", "due_at, created_at, id"),
            // At risk: walks the queue index past now, reading the at-risk time from the index itself.
            ("active = 1 AND due_at >= :now AND at_risk_at <= :now", "due_at, created_at, id"),
            ("active = 1 AND due_at >= :now AND at_risk_at > :now", "due_at, created_at, id"),
            ("active = 1 AND due_at IS NULL", "created_at, id"),
        ]
        // Positional filter arguments come first; the named ones follow.
        let extra = filter == "active = 1" ? "" : " AND " + filter
        var out: [Comment] = []
        var skip = q.offset
        for (condition, order) in segments {
            let need = q.limit - out.count
            if need <= 0 { break }
            var arguments = StatementArguments(args)
            _ = arguments.append(contentsOf: ["now": now, "limit": need, "offset": skip])
            let rows = try fetchComments("""
                SELECT \(Self.commentColumns) FROM comment WHERE \(condition)\(extra) ORDER BY \(order) LIMIT :limit OFFSET :offset
                """, arguments)
            if rows.count < need, skip > 0 {
                var countArguments = StatementArguments(args)
                _ = countArguments.append(contentsOf: ["now": now])
                let size = rows.isEmpty
                    ? try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM comment WHERE \(condition)\(extra)"), arguments: countArguments) ?? 0
                    : skip + rows.count
                skip = max(0, skip - size)
            } else if !rows.isEmpty {
                skip = 0
            }
            out += rows
        }
        return out
    }

    func counts(_ q: QueueQuery) throws -> QueueCounts {
        let now = Int64(floor(q.now.timeIntervalSince1970))
        let (whereSQL, args) = filters(q)
        var arguments = StatementArguments(args)
        _ = arguments.append(contentsOf: ["now": now])
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*), sum(due_at < :now), sum(due_at >= :now AND at_risk_at <= :now)
            FROM comment WHERE \(whereSQL)
            """, arguments: arguments)
        return QueueCounts(total: row?[0] ?? 0, breached: row?[1] ?? 0, atRisk: row?[2] ?? 0)
    }

    func overdue(now: Date, includeAtRisk: Bool, limit: Int) throws -> [Comment] {
        var comments: [Comment] = []
        try forEachOverdue(now: now, includeAtRisk: includeAtRisk, limit: limit) { comments.append($0) }
        return comments
    }

    func forEachOverdue(now: Date, includeAtRisk: Bool, limit: Int, _ body: (Comment) throws -> Void) throws {
        let t = Int64(floor(now.timeIntervalSince1970))
        // Any comment with a running clock counts, whatever its status: a replied comment can still breach
        // its resolution clock.
        let condition = includeAtRisk ? "at_risk_at <= :now" : "due_at < :now"
        let statement = try db.cachedStatement(sql: """
            SELECT \(Self.commentColumns) FROM comment WHERE due_at IS NOT NULL AND \(condition)
            ORDER BY due_at, created_at, id LIMIT :limit
            """)
        try statement.setArguments(["now": t, "limit": limit])
        let s = try RawStatement(reading: statement, db)
        while try s.step() { try body(Self.comment(s)) }
    }

    func overdueCounts(now: Date) throws -> OverdueCounts {
        // One pass, grouped by holder and channel: the board's headings count every late comment, not only those loaded.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT assignee, channel, total(due_at < :now), total(due_at >= :now),
                   total(active = 0 AND responded_at IS NOT NULL), total(active = 0 AND responded_at IS NULL)
            FROM comment WHERE due_at IS NOT NULL AND (due_at < :now OR at_risk_at <= :now)
            GROUP BY assignee, channel
            """, arguments: ["now": Int64(floor(now.timeIntervalSince1970))])
        var counts = OverdueCounts(breached: 0, atRisk: 0)
        while let row = try rows.next() {
            let (breached, atRisk) = (Int(row[2] as Double), Int(row[3] as Double))
            counts.breached += breached
            counts.atRisk += atRisk
            counts.answeredAside += Int(row[4] as Double)
            counts.unansweredAside += Int(row[5] as Double)
            counts.byStaff[row[0] as String?, default: 0] += breached + atRisk
            counts.byChannel[row[1] as String?, default: 0] += breached + atRisk
        }
        return counts
    }

    func workloads(now: Date) throws -> [String: StaffWorkload] {
        var out: [String: StaffWorkload] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT assignee, count(*), total(due_at < ?) FROM comment INDEXED BY comment_assignee
            WHERE assignee IS NOT NULL AND active = 1 GROUP BY assignee
            """, arguments: [Int64(floor(now.timeIntervalSince1970))])
        while let row = try rows.next() {
            out[row[0]] = StaffWorkload(held: row[1], breached: Int(row[2] as Double))
        }
        return out
    }

    func unescalatedBreaches(now: Date, after: Int64, limit: Int) throws -> [Comment] {
        let statuses = CommentStatus.needingAction.subtracting([.escalated]).map(\.rawValue).sorted()
        return try fetchComments("""
            SELECT \(Self.commentColumns) FROM comment
            WHERE id > ? AND due_at < ? AND escalated_at IS NULL AND status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))
            ORDER BY id LIMIT ?
            """, StatementArguments([after, Int64(floor(now.timeIntervalSince1970))] + statuses + [limit]))
    }

    func answeredNewer(than c: Comment, limit: Int) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM (SELECT 1 FROM comment
              WHERE platform = ? AND channel IS ? AND created_at > ? AND responded_at IS NOT NULL LIMIT ?)
            """), arguments: [c.platform.rawValue, c.channel, Int64(c.createdAt.timeIntervalSince1970), limit]) ?? 0
    }

    func channels() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT channel FROM comment WHERE channel IS NOT NULL ORDER BY channel")
    }

    func platforms() throws -> [Platform] {
        try String.fetchAll(db, sql: "SELECT DISTINCT platform FROM comment INDEXED BY comment_thread ORDER BY platform").map(Platform.init(rawValue:))
    }

    /// The SQL condition "the comment's author is `author`" (`Author.isSame(as:)`), with its three arguments: an
    /// unknown author's handle is bound as NULL, which equals nothing.
    private static let sameCitizen = "comment.author_handle = ? AND (? IS NULL OR comment.author_id IS NULL OR comment.author_id = ?)"

    private static func sameCitizen(_ author: Author) -> [(any DatabaseValueConvertible)?] {
        [author.isKnown ? author.handle : nil, author.id, author.id]
    }

    func comments(byAuthor author: Author, platform: Platform, excluding id: Int64, before: Date?, limit: Int) throws -> [Comment] {
        try fetchComments("""
            SELECT \(Self.commentColumns) FROM comment WHERE platform = ? AND \(Self.sameCitizen) AND id != ? AND created_at < ?
            ORDER BY created_at DESC LIMIT ?
            """, StatementArguments([platform.rawValue] + Self.sameCitizen(author)
                                    + [id, before.map { Int64($0.timeIntervalSince1970) } ?? Int64.max, limit]))
    }

    func unansweredComments(platform: Platform, threadKey: String, author: Author, before: Date) throws -> [Comment] {
        try fetchComments("""
            SELECT \(Self.commentColumns) FROM comment INDEXED BY comment_author
            WHERE platform = ? AND \(Self.sameCitizen) AND thread_key = ? AND created_at <= ? AND responded_at IS NULL
              AND response_stopped IS NULL
            ORDER BY created_at
            """, StatementArguments([platform.rawValue] + Self.sameCitizen(author) + [threadKey, Int64(before.timeIntervalSince1970)]))
    }

    func firstAgencyAnswer(to c: Comment, since: Date, until: Date?, source: Reply.Source) throws -> Date? {
        // The comment itself always counts: an unknown author is nobody else, but their own comment is theirs. An
        // answer to another of their comments counts as `Desk.answerCovers` says: never for an escalated comment, and
        // for one naming sensitive topics only when the answered comment names them too.
        var others: String
        var otherArguments: [(any DatabaseValueConvertible)?] = []
        if c.status == .escalated {
            others = "0"
        } else {
            others = "(\(Self.sameCitizen))"
            otherArguments = Self.sameCitizen(c.author)
            for tag in Set(c.tags).sorted() {
                others += " AND comment.tags LIKE ?"
                otherArguments.append(Self.tagPattern(tag))
            }
        }
        return try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT MIN(reply.sent_at) FROM reply INDEXED BY reply_thread JOIN comment ON comment.id = reply.comment_id
            WHERE reply.platform = ? AND reply.thread_key = ? AND reply.sent_at >= ? AND reply.sent_at <= ?
              AND (comment.id = ? OR (\(others))) AND reply.source = ?
            """), arguments: StatementArguments([c.platform.rawValue, c.threadKey, Int64(floor(since.timeIntervalSince1970)),
                              until.map { Int64(floor($0.timeIntervalSince1970)) } ?? Int64.max, c.id] + otherArguments
                              + [source.rawValue]))
            .map { Date(timeIntervalSince1970: Double($0)) }
    }

    func latestAgencyMessage(platform: Platform) throws -> Date? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(sent_at) FROM reply WHERE platform = ? AND source = 'imported'"),
                           arguments: [platform.rawValue])
            .map { Date(timeIntervalSince1970: Double($0)) }
    }

    func responsesRunning(_ clock: SLAClock, platform: Platform, threadKey: String, author: Author?, after: Date) throws -> [Comment] {
        let running = "created_at > ? AND response_clock = ? AND responded_at IS NULL AND response_stopped IS NULL"
        let since = Int64(floor(after.timeIntervalSince1970))
        guard let author else {
            return try fetchComments("""
                SELECT \(Self.commentColumns) FROM comment INDEXED BY comment_thread
                WHERE platform = ? AND thread_key = ? AND \(running) ORDER BY created_at
                """, [platform.rawValue, threadKey, since, clock.rawValue])
        }
        return try fetchComments("""
            SELECT \(Self.commentColumns) FROM comment INDEXED BY comment_author
            WHERE platform = ? AND \(Self.sameCitizen) AND thread_key = ? AND \(running) ORDER BY created_at
            """, StatementArguments([platform.rawValue] + Self.sameCitizen(author) + [threadKey, since, clock.rawValue]))
    }

    private var commentInsert: RawStatement?
    private var ftsInsert: RawStatement?

    /// The statement in `slot`, prepared on first use in this transaction (for statements run once per row).
    private func prepared(_ slot: inout RawStatement?, _ sql: String) throws -> RawStatement {
        if let statement = slot { return statement }
        let statement = try RawStatement(db, sql: sql)
        slot = statement
        return statement
    }

    func insertComment(_ c: Comment) throws -> Int64? {
        let s = try prepared(&commentInsert, """
            INSERT OR IGNORE INTO comment (platform, external_id, author_id, author_handle, author_name, text, created_at,
              thread_id, thread_key, in_reply_to, channel, url, lang, imported_at, status, active, assignee, intent, tags,
              sla_policy, sla_version, response_clock, response_due, response_at_risk, responded_at, response_stopped,
              resolution_due, resolution_at_risk, resolved_at, resolution_stopped, paused_since, paused_seconds,
              escalated_at, due_at, at_risk_at, sla_clock, sentiment)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        s.bind(1, c.platform.rawValue)
        s.bind(2, c.externalID)
        s.bind(3, c.author.id)
        s.bind(4, c.author.handle)
        s.bind(5, c.author.name)
        s.bind(6, c.text)
        s.bind(7, Self.seconds(c.createdAt))
        s.bind(8, c.threadID)
        s.bind(9, c.threadKey)
        s.bind(10, c.inReplyTo)
        s.bind(11, c.channel)
        s.bind(12, c.url)
        s.bind(13, c.lang)
        s.bind(14, Self.seconds(c.importedAt))
        Self.bindWorkState(c, s, from: 15)
        s.bind(37, c.sentiment)
        try s.run()
        guard db.changesCount > 0 else { return nil }
        let id = db.lastInsertedRowID
        let fts = try prepared(&ftsInsert, "INSERT INTO comment_fts (rowid, text) VALUES (?, ?)")
        fts.bind(1, id)
        fts.bind(2, c.text)
        try fts.run()
        changed()
        return id
    }

    private var stateUpdate: RawStatement?

    func updateState(of c: Comment) throws {
        // Run for every comment an imported agency reply answers: a raw statement, prepared once.
        let s = try prepared(&stateUpdate, """
            UPDATE comment SET status = ?, active = ?, assignee = ?, intent = ?, tags = ?, sla_policy = ?, sla_version = ?,
              response_clock = ?, response_due = ?, response_at_risk = ?, responded_at = ?, response_stopped = ?,
              resolution_due = ?, resolution_at_risk = ?, resolved_at = ?, resolution_stopped = ?, paused_since = ?,
              paused_seconds = ?, escalated_at = ?, due_at = ?, at_risk_at = ?, sla_clock = ?, escalated_by = ?
            WHERE id = ?
            """)
        Self.bindWorkState(c, s, from: 1)
        s.bind(23, c.escalatedBy)
        s.bind(24, c.id)
        try s.run()
        changed()
    }

    private static func seconds(_ d: Date?) -> Int64? { d.map { Int64(floor($0.timeIntervalSince1970)) } }

    private static func tagText(_ tags: [String]) -> String { tags.isEmpty ? "" : "," + tags.joined(separator: ",") + "," }
    /// The LIKE pattern of a comment whose `tagText` holds `tag`.
    private static func tagPattern(_ tag: String) -> String { "%," + tag + ",%" }

    /// `(tags LIKE ? OR …)`, one placeholder for each of `tags` (their `tagPattern`s bound in order).
    private static func anyTagClause(_ tags: [String]) -> String { "(" + tags.map { _ in "tags LIKE ?" }.joined(separator: " OR ") + ")" }

    /// Binds the 22 columns of a comment's work state, `status` … `sla_clock` in the order both the insert and the
    /// update name them, from parameter `first` on.
    private static func bindWorkState(_ c: Comment, _ s: RawStatement, from first: Int32) {
        s.bind(first, c.status.rawValue)
        s.bind(first + 1, Int64(c.status.needsAction ? 1 : 0))
        s.bind(first + 2, c.assignee)
        s.bind(first + 3, c.intent?.rawValue)
        s.bind(first + 4, tagText(c.tags))
        bindSLA(c.sla, s, from: first + 5)
    }

    /// Binds the 17 SLA columns, `sla_policy` … `sla_clock`, from parameter `first` on.
    private static func bindSLA(_ sla: SLARecord, _ s: RawStatement, from first: Int32) {
        // The sort columns from the clocks as stored (whole seconds): a calendar due time keeps the comment's fraction
        // of a second, a business one does not, and the stored columns must be what the stored clocks give.
        let next = sla.wholeSeconds.nextDue
        s.bind(first, sla.policy)
        s.bind(first + 1, sla.policyVersion)
        s.bind(first + 2, sla.responseClock?.rawValue)
        for (i, d) in [sla.responseDueAt, sla.responseAtRiskAt, sla.respondedAt, sla.responseStoppedAt, sla.resolutionDueAt,
                       sla.resolutionAtRiskAt, sla.resolvedAt, sla.resolutionStoppedAt, sla.pausedSince].enumerated() {
            s.bind(first + 3 + Int32(i), seconds(d))
        }
        s.bind(first + 12, sla.pausedSeconds)
        s.bind(first + 13, seconds(sla.escalatedAt))
        s.bind(first + 14, seconds(next?.dueAt))
        s.bind(first + 15, seconds(next?.atRiskAt))
        s.bind(first + 16, next?.clock.rawValue)
    }

    // MARK: Replies

    static let replyColumns = """
        id, comment_id, platform, external_id, in_reply_to, thread_id, thread_key, text, sent_at, author, source,
        template_id, template_version, humor, override_reason
        """

    static func reply(_ r: Row) -> Reply {
        Reply(id: r[0], commentID: r[1], platform: Platform(rawValue: r[2]), externalID: r[3], inReplyTo: r[4], threadID: r[5],
              threadKey: r[6], text: r[7], sentAt: Date(timeIntervalSince1970: Double(r[8] as Int64)), author: r[9],
              source: Reply.Source(rawValue: r[10]) ?? .desk, templateID: r[11], templateVersion: r[12], humor: r[13],
              overrideReason: r[14])
    }

    private func fetchReplies(_ sql: String, _ args: StatementArguments) throws -> [Reply] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: args).map(Self.reply)
    }

    func replies(commentID: Int64) throws -> [Reply] {
        try fetchReplies("SELECT \(Self.replyColumns) FROM reply WHERE comment_id = ? ORDER BY sent_at, id", [commentID])
    }

    func reply(platform: Platform, externalID: String) throws -> Reply? {
        try fetchReplies("SELECT \(Self.replyColumns) FROM reply WHERE platform = ? AND external_id = ?",
                         [platform.rawValue, externalID]).first
    }

    func recentTemplateIDs(author: Author, platform: Platform, since: Date) throws -> Set<String> {
        Set(try String.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT reply.template_id FROM comment JOIN reply ON reply.comment_id = comment.id
            WHERE comment.platform = ? AND \(Self.sameCitizen) AND reply.sent_at >= ? AND reply.template_id IS NOT NULL
            """), arguments: StatementArguments([platform.rawValue] + Self.sameCitizen(author) + [Int64(since.timeIntervalSince1970)])))
    }

    func replyPresence(platform: Platform) throws -> (any: Bool, pending: Bool) {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM reply WHERE platform = ?),
                   EXISTS (SELECT 1 FROM reply WHERE platform = ? AND comment_id IS NULL AND in_reply_to IS NOT NULL)
            """), arguments: [platform.rawValue, platform.rawValue])
        return (row?[0] ?? false, row?[1] ?? false)
    }

    func replyExternalIDs(platform: Platform, among ids: [String]) throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        // One statement for a batch: SQLite walks the list and probes the (platform, external_id) index for each. CROSS
        // JOIN keeps that order: on a new database, without statistics, the planner otherwise walked every reply of the
        // platform and scanned the list for each (an X import of 100,000 tweets ran ten times slower).
        let list = JSONValue.array(ids.map { .string($0) }).text
        return Set(try String.fetchAll(db.cachedStatement(sql: Self.replyExternalIDsSQL), arguments: [list, platform.rawValue]))
    }

    static let replyExternalIDsSQL = """
        SELECT r.external_id FROM json_each(?) AS j CROSS JOIN reply AS r ON r.platform = ? AND r.external_id = j.value
        """

    func commentsAwaitParent(platform: Platform) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM comment INDEXED BY comment_awaiting_parent
                           WHERE platform = ? AND thread_id IS NULL AND thread_key = in_reply_to)
            """), arguments: [platform.rawValue]) ?? false
    }

    func anyWaitingOnCitizen() throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM comment INDEXED BY comment_waiting WHERE status = 'waiting_citizen')
            """)) ?? false
    }

    func waitingOnCitizen(platform: Platform, threadKey: String, author: Author, before: Date) throws -> [Comment] {
        try fetchComments("""
            SELECT \(Self.commentColumns) FROM comment INDEXED BY comment_waiting
            WHERE platform = ? AND thread_key = ? AND \(Self.sameCitizen) AND created_at < ? AND status = 'waiting_citizen'
            ORDER BY created_at
            """, StatementArguments([platform.rawValue, threadKey] + Self.sameCitizen(author) + [Int64(before.timeIntervalSince1970)]))
    }

    func pendingReplies(platform: Platform, inReplyTo externalID: String) throws -> [Reply] {
        // The partial index by name: with the statistics a large import leaves, the planner would otherwise read every
        // unlinked agency post (7 ms a comment at a million, against 0.03).
        try fetchReplies("SELECT \(Self.replyColumns) FROM reply INDEXED BY reply_pending WHERE platform = ? AND in_reply_to = ? AND comment_id IS NULL",
                         [platform.rawValue, externalID])
    }

    private var agencyRepliedQuery: RawStatement?

    func agencyReplied(platform: Platform, threadKey: String, author: Author, before: Date) throws -> Bool {
        // Asked for most imported comments once a platform has replies: a raw statement, prepared once, that seeks
        // the citizen's comments in the conversation (a few) and looks for an answer to any of them.
        let q = try prepared(&agencyRepliedQuery, """
            SELECT 1 FROM comment INDEXED BY comment_author JOIN reply ON reply.comment_id = comment.id
            WHERE comment.platform = ? AND \(Self.sameCitizen) AND comment.thread_key = ? AND reply.sent_at < ? LIMIT 1
            """)
        guard author.isKnown else { return false }
        q.bind(1, platform.rawValue)
        q.bind(2, author.handle)
        q.bind(3, author.id)
        q.bind(4, author.id)
        q.bind(5, threadKey)
        q.bind(6, Int64(floor(before.timeIntervalSince1970)))
        return try q.first { _ in true } ?? false
    }

    private var agencyMessageQuery: RawStatement?

    func agencyMessage(platform: Platform, externalID: String) throws -> (threadKey: String?, answeredAuthor: Author?, isAnswer: Bool)? {
        let q = try prepared(&agencyMessageQuery, """
            SELECT reply.thread_key, comment.author_handle, reply.in_reply_to IS NOT NULL, comment.author_id
            FROM reply LEFT JOIN comment ON comment.id = reply.comment_id WHERE reply.platform = ? AND reply.external_id = ?
            """)
        q.bind(1, platform.rawValue)
        q.bind(2, externalID)
        return try q.first { row in (row.text(0), row.text(1).map { Author(id: row.text(3), handle: $0) }, row.int(2) != 0) }
    }

    func thread(around c: Comment) throws -> (comments: [Comment], replies: [Reply]) {
        let (platform, threadKey) = (c.platform.rawValue, c.threadKey)
        let created = Self.seconds(c.createdAt)!
        let before = try fetchComments("""
            SELECT \(Self.commentColumns) FROM comment WHERE platform = ? AND thread_key = ? AND (created_at < ? OR (created_at = ? AND id < ?))
            ORDER BY created_at DESC, id DESC LIMIT 250
            """, [platform, threadKey, created, created, c.id])
        let after = try fetchComments("""
            SELECT \(Self.commentColumns) FROM comment WHERE platform = ? AND thread_key = ? AND (created_at > ? OR (created_at = ? AND id >= ?))
            ORDER BY created_at, id LIMIT 250
            """, [platform, threadKey, created, created, c.id])
        var comments = before.reversed() + after
        if before.count == 250 || after.count == 250 {
            // A conversation longer than the window: the citizen's own messages in it, and what each answered, are
            // still part of the comment's story wherever they fall.
            var known = Set(comments.map(\.id))
            var byExternal = Dictionary(comments.map { ($0.externalID, $0) }) { a, _ in a }
            let own = try fetchComments("""
                SELECT \(Self.commentColumns) FROM comment WHERE platform = ? AND author_handle = ? AND thread_key = ?
                ORDER BY created_at, id LIMIT 250
                """, [platform, c.author.handle, threadKey])
            var wanted = own.filter { $0.author.isSame(as: c.author) }
            var lookups = 0
            while let next = wanted.popLast() {
                if known.insert(next.id).inserted {
                    comments.append(next)
                    byExternal[next.externalID] = next
                }
                guard let parent = next.inReplyTo, byExternal[parent] == nil, lookups < 100 else { continue }
                lookups += 1
                if let found = try comment(platform: c.platform, externalID: parent), found.threadKey == threadKey { wanted.append(found) }
            }
            comments.sort { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        }
        let ids = comments.map(\.id)
        var replies = try fetchReplies("""
            SELECT \(Self.replyColumns) FROM reply WHERE platform = ? AND thread_key = ? ORDER BY sent_at, id LIMIT 500
            """, [platform, threadKey])
        if !ids.isEmpty {
            let linked = try fetchReplies("""
                SELECT \(Self.replyColumns) FROM reply WHERE comment_id IN (\(ids.map { _ in "?" }.joined(separator: ","))) ORDER BY sent_at, id
                """, StatementArguments(ids))
            let known = Set(replies.map(\.id))
            replies += linked.filter { !known.contains($0.id) }
            replies.sort { ($0.sentAt, $0.id) < ($1.sentAt, $1.id) }
        }
        return (comments, replies)
    }

    func insertReply(_ r: Reply) throws -> Int64? {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO reply (comment_id, platform, external_id, in_reply_to, thread_id, thread_key, text, sent_at,
              author, source, template_id, template_version, humor, override_reason)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """).execute(arguments: [r.commentID, r.platform.rawValue, r.externalID, r.inReplyTo, r.threadID, r.threadKey, r.text,
                                     Self.seconds(r.sentAt), r.author, r.source.rawValue, r.templateID, r.templateVersion, r.humor,
                                     r.overrideReason])
        guard db.changesCount > 0 else { return nil }
        changed()
        return db.lastInsertedRowID
    }

    func joinThread(platform: Platform, from oldKey: String, into newKey: String) throws -> [Int64] {
        // Asked for every imported agency answer, and almost always moves nothing: look first, then change row by row.
        // (A statement that may change several rows opens a statement savepoint, which makes the full-text index
        // flush its pending terms: thousands of small segments over an import.)
        let arguments: StatementArguments = [platform.rawValue, oldKey]
        let comments = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM comment WHERE platform = ? AND thread_key = ?"),
                                          arguments: arguments)
        let replies = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM reply WHERE platform = ? AND thread_key = ?"),
                                         arguments: arguments)
        for id in comments {
            try db.cachedStatement(sql: "UPDATE comment SET thread_key = ? WHERE id = ?").execute(arguments: [newKey, id])
        }
        for id in replies {
            try db.cachedStatement(sql: "UPDATE reply SET thread_key = ? WHERE id = ?").execute(arguments: [newKey, id])
        }
        if !comments.isEmpty || !replies.isEmpty { changed() }
        return comments.sorted()
    }

    func linkReply(id: Int64, toComment commentID: Int64, threadKey: String) throws {
        try db.cachedStatement(sql: "UPDATE reply SET comment_id = ?, thread_key = ? WHERE id = ?")
            .execute(arguments: [commentID, threadKey, id])
        changed()
    }

    // MARK: Staff

    func staff() throws -> [StaffMember] {
        try Row.fetchAll(db, sql: "SELECT name, display_name, role, active FROM staff ORDER BY name").map(Self.staff)
    }

    func staffMember(_ name: String) throws -> StaffMember? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT name, display_name, role, active FROM staff WHERE name = ?"), arguments: [name])
            .map(Self.staff)
    }

    static func staff(_ r: Row) -> StaffMember {
        StaffMember(name: r[0], displayName: r[1], role: StaffMember.Role(rawValue: r[2]) ?? .agent, active: r[3])
    }

    func putStaff(_ m: StaffMember) throws {
        try db.execute(sql: """
            INSERT INTO staff (name, display_name, role, active) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, active = excluded.active
            """, arguments: [m.name, m.displayName, m.role.rawValue, m.active])
        changed()
    }

    // MARK: Log

    static func event(_ r: Row) -> LogEvent {
        LogEvent(seq: r[0], at: r[1], actor: r[2], action: r[3], subject: r[4], payload: r[5], prev: r[6], hash: r[7])
    }

    func forEachEventFields(from: Int64, _ body: (EventFields) throws -> Bool) throws {
        let s = try RawStatement(db, sql: "SELECT seq, at, actor, action, subject, payload, prev, hash FROM event WHERE seq >= ? ORDER BY seq")
        s.bind(1, from)
        while try s.step() {
            let fields = EventFields(seq: s.int(0), at: s.bytes(1), actor: s.bytes(2), action: s.bytes(3), subject: s.bytes(4),
                                     payload: s.bytes(5), prev: s.bytes(6), hash: s.bytes(7))
            if try !body(fields) { return }
        }
    }

    func lastEvent(atOrBefore moment: Date) throws -> LogEvent? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT seq, at, actor, action, subject, payload, prev, hash FROM event WHERE at <= ? ORDER BY seq DESC LIMIT 1
            """), arguments: [Timestamp.utc(moment)]).map(Self.event)
    }

    func importEvent(of id: Int64, importedAt: Date) throws -> EventMark? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT seq, at, actor FROM (
              SELECT seq, at, actor, json_extract(payload, '$.comment_ids') AS ids FROM event WHERE action = ? AND at = ?)
            WHERE ids IS NOT NULL AND CAST(substr(ids, 1, instr(ids, '-') - 1) AS INTEGER) <= ?
              AND CAST(substr(ids, instr(ids, '-') + 1) AS INTEGER) >= ?
            ORDER BY seq LIMIT 1
            """), arguments: [LogAction.importBatch.rawValue, Timestamp.utc(importedAt), id, id]).map { EventMark(seq: $0[0], at: $0[1], actor: $0[2]) }
    }

    func importEvent(recordingReply replyID: Int64) throws -> EventMark? {
        // The text search passes over most import events quickly; the JSON look makes sure the number is a reply's.
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT seq, at, actor FROM event
            WHERE action = ? AND instr(payload, ?) > 0
              AND EXISTS (SELECT 1 FROM json_each(payload, '$.agency_replies') WHERE json_extract(value, '$[0]') = ?)
            ORDER BY seq LIMIT 1
            """), arguments: [LogAction.importBatch.rawValue, "[\(replyID),\"", replyID]).map { EventMark(seq: $0[0], at: $0[1], actor: $0[2]) }
    }

    func lastEvent() throws -> LogEvent? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, at, actor, action, subject, payload, prev, hash FROM event ORDER BY seq DESC LIMIT 1"))
            .map(Self.event)
    }

    func events(from: Int64, limit: Int) throws -> [LogEvent] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT seq, at, actor, action, subject, payload, prev, hash FROM event WHERE seq >= ? ORDER BY seq LIMIT ?
            """), arguments: [from, limit]).map(Self.event)
    }

    func events(subject: String?, action: String?, limit: Int) throws -> [LogEvent] {
        var clauses: [String] = []
        var args: [DatabaseValueConvertible?] = []
        if let subject { clauses.append("subject = ?"); args.append(subject) }
        if let action { clauses.append("action = ?"); args.append(action) }
        args.append(limit)
        let rows = try Row.fetchAll(db, sql: """
            SELECT seq, at, actor, action, subject, payload, prev, hash FROM event
            \(clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")) ORDER BY seq DESC LIMIT ?
            """, arguments: StatementArguments(args))
        return rows.map(Self.event).reversed()
    }

    func append(_ draft: EventDraft, actor: String, at: Date) throws -> LogEvent {
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1"))
        let seq: Int64 = (last?[0] as Int64? ?? 0) + 1
        let prev: String = last?[1] ?? EventChain.genesis
        let atText = Timestamp.utc(at)
        // The hash joins the fields with line breaks: one inside a field could make two different events hash alike.
        // (Actors are staff names and subjects are made of names and ids that cannot hold one; this holds the line.)
        guard !actor.contains(where: \.isNewline), !draft.subject.contains(where: \.isNewline) else {
            throw StoreError.lineBreakInLogField(SafeText.forMessage(actor + " " + draft.subject))
        }
        let payload = draft.payloadText
        let hash = EventChain.hash(seq: seq, at: atText, actor: actor, action: draft.action.rawValue, subject: draft.subject,
                                   payload: payload, prev: prev)
        try db.cachedStatement(sql: "INSERT INTO event (seq, at, actor, action, subject, payload, prev, hash) VALUES (?,?,?,?,?,?,?,?)")
            .execute(arguments: [seq, atText, actor, draft.action.rawValue, draft.subject, payload, prev, hash])
        eventAppended = true
        return LogEvent(seq: seq, at: atText, actor: actor, action: draft.action.rawValue, subject: draft.subject, payload: payload,
                        prev: prev, hash: hash)
    }

    // MARK: Policies, settings, drafts

    func policyVersions(name: String) throws -> [StoredPolicyVersion] {
        try Row.fetchAll(db, sql: "SELECT name, version, definition, created_at FROM sla_policy WHERE name = ? ORDER BY version",
                         arguments: [name]).map {
            StoredPolicyVersion(name: $0[0], version: $0[1], definition: $0[2], createdAt: Date(timeIntervalSince1970: Double($0[3] as Int64)))
        }
    }

    func allPolicyVersions() throws -> [StoredPolicyVersion] {
        try Row.fetchAll(db, sql: "SELECT name, version, definition, created_at FROM sla_policy ORDER BY name, version").map {
            StoredPolicyVersion(name: $0[0], version: $0[1], definition: $0[2], createdAt: Date(timeIntervalSince1970: Double($0[3] as Int64)))
        }
    }

    func addPolicyVersion(_ v: StoredPolicyVersion) throws {
        try db.execute(sql: "INSERT INTO sla_policy (name, version, definition, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [v.name, v.version, v.definition, Self.seconds(v.createdAt)])
        changed()
    }

    func setting(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    func setSetting(_ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }

    func draft(commentID: Int64, staff: String) throws -> ReplyDraft? {
        try Row.fetchOne(db, sql: """
            SELECT comment_id, staff, text, template_id, updated_at, seen_reply_id FROM draft WHERE comment_id = ? AND staff = ?
            """, arguments: [commentID, staff]).map {
            ReplyDraft(commentID: $0[0], staff: $0[1], text: $0[2], templateID: $0[3], updatedAt: Date(timeIntervalSince1970: Double($0[4] as Int64)),
                       seenReplyID: $0[5])
        }
    }

    func notedCommentIDs(among ids: [Int64]) throws -> Set<Int64> {
        var noted = Set<Int64>()
        // By the subject index, a page of the queue at a time (at most a few thousand ids; SQLite takes 32,766 arguments).
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let marks = chunk.map { _ in "?" }.joined(separator: ",")
            let values: [DatabaseValueConvertible?] = chunk.map { String($0) } + [LogAction.note.rawValue]
            for subject in try String.fetchAll(db, sql: "SELECT DISTINCT subject FROM event WHERE subject IN (\(marks)) AND action = ?",
                                               arguments: StatementArguments(values)) {
                if let id = Int64(subject) { noted.insert(id) }
            }
        }
        return noted
    }

    func draftCommentIDs(staff: String) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT comment_id FROM draft WHERE staff = ?", arguments: [staff]))
    }

    func saveDraft(_ d: ReplyDraft) throws {
        if d.text.isEmpty {
            try db.execute(sql: "DELETE FROM draft WHERE comment_id = ? AND staff = ?", arguments: [d.commentID, d.staff])
        } else {
            try db.execute(sql: """
                INSERT INTO draft (comment_id, staff, text, template_id, updated_at, seen_reply_id) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (comment_id, staff) DO UPDATE SET text = excluded.text, template_id = excluded.template_id,
                  updated_at = excluded.updated_at, seen_reply_id = coalesce(draft.seen_reply_id, excluded.seen_reply_id)
                """, arguments: [d.commentID, d.staff, d.text, d.templateID, Self.seconds(d.updatedAt), d.seenReplyID])
        }
    }
}
