import Foundation

/// Stores comments from import files: deduplicated, in atomic batches each logged with its counts.
///
/// A bad element never stops the good ones: it is reported as `FILE:LINE: reason` and the rest are committed.
/// Comments written by the agency's own channels (`from_agency`, or an author in `[agency].channels`) become
/// replies to the comment they answer, so they stop its clock and never enter the queue. Files may come in any
/// order: an answer imported after citizens' replies to it catches them up (`Desk.catchUp`), and a comment imported
/// after replies to it gathers them into its conversation.
public struct Importer: Sendable {
    public let desk: Desk
    /// Records per batch (the first at most 1,000, so that writing starts at once, and the next ones twice the one before
    /// up to this): each batch is logged as one event.
    /// A crash loses at most the transaction in flight, never half of one.
    public var batchSize: Int
    /// Records per transaction at most: one transaction stores the batches that are already read and waiting, so the
    /// write lock is never held while waiting for the reader. Fewer, larger commits write each touched index page
    /// to SQLite's log once rather than once per batch: in SQLite alone, 1,000,000 comments with the desk's indexes
    /// took 19 s in 20,000-row transactions and 14 s in 100,000-row ones on the development machine. Another
    /// writer (staff replying during a large import) waits for at most one such transaction: about two seconds, as
    /// `lockBudget` also bounds it (on a desk of a million a batch stores more slowly).
    public var transactionRows: Int
    /// How long one transaction goes on taking waiting batches (seconds of wall time; the batch under way is finished):
    /// staff claiming or replying meanwhile, and the desk's own writes, wait no longer than this for the import.
    public var lockBudget: TimeInterval = 2
    /// The agency account the file's comments were addressed to (e.g. the Page whose feed was exported), given to
    /// every citizen comment that names none. Platform exports rarely say which of the agency's accounts received
    /// a comment; with this, policies and reports by channel see them.
    public var channel: String?

    /// The zone of times written without an offset in meja-jsonl and CSV files (`--assume-zone`); nil refuses them.
    public var assumedZone: TimeZone?

    /// How far after now a comment may be dated before the import warns about it (clocks differ a little).
    public static let futureTolerance: TimeInterval = 15 * 60

    public init(desk: Desk, batchSize: Int = 20_000, transactionRows: Int = 100_000, channel: String? = nil) {
        self.desk = desk
        self.batchSize = batchSize
        self.transactionRows = transactionRows
        self.channel = channel.map(Author.normalizedHandle)
    }

    /// What one import did.
    public struct Summary: Sendable {
        public var file: String
        public var format: String
        /// True when the format was detected rather than named.
        public var detected: Bool
        public var sha256: String
        /// New comments added to the desk.
        public var accepted = 0
        /// Agency replies recorded (from the agency's own channels), answering a comment.
        public var replies = 0
        /// The agency's own posts recorded (answering no one): kept so that citizens' replies under them are
        /// threaded, never counted as answers.
        public var agencyPosts = 0
        /// Elements already on the desk (re-importing is a no-op).
        public var duplicates = 0
        public var rejected: [FileIssue] = []
        /// Elements kept but worth a look: comments dated more than `futureTolerance` after now (a wrong time zone
        /// in an export, most often), as `FILE:LINE: …`.
        public var warnings: [FileIssue] = []
        /// The log events written, one per batch.
        public var events: [Int64] = []
        /// How many comments were dated more than `futureTolerance` after now, and the furthest ahead by how much.
        public var futureDated = 0
        public var furthestAhead: TimeInterval = 0
        /// When the comments added were written: the earliest and the latest.
        public var written: ClosedRange<Date>?
        /// Years the added comments' deadlines may fall in that the calendar has no holidays for, beyond those the
        /// command already names for deadlines set now: comments written then (an archive, a late export) had every
        /// weekday counted as open.
        public var yearsWithoutHolidays: [Int] = []

        /// The warnings as people read them: the first `limit` as they are, the rest counted (`json` lists every one),
        /// and, when comments were dated after now, what most likely went wrong. A wrong time zone in an export dates
        /// every comment after now, and a long list of the same warning would bury the one line that explains it.
        public func warningsToRead(limit: Int = 10) -> [String] {
            var lines = warnings.prefix(limit).map { "\($0) (warning)" }
            if warnings.count > limit {
                let rest = warnings.dropFirst(limit).compactMap(\.line)
                let span = rest.isEmpty ? "" : " (lines \(rest.min()!)–\(rest.max()!))"
                lines.append("\(file): \(warnings.count - limit) more warnings like these\(span); --json lists them all")
            }
            if futureDated > 0 { lines.append("\(file): \(futureAdvice)") }
            if let warning = BusinessCalendar.missingHolidaysWarning(yearsWithoutHolidays) {
                let when = written.map { $0.lowerBound == $0.upperBound ? "a comment written " + Timestamp.utc($0.lowerBound)
                                                                          : "comments written " + Timestamp.utc($0.lowerBound) + " to " + Timestamp.utc($0.upperBound) } ?? "comments"
                lines.append("\(file): \(when): " + warning.en)
            }
            return lines
        }

        /// What comments dated after now most likely mean: a time zone written as UTC when it was local.
        private var futureAdvice: String {
            // A zone's whole offset, less the age of the newest comment in the export (rarely more than a few minutes
            // or hours): 6.4 h ahead is +07:00.
            let hours = Int((furthestAhead / 3600 - 0.25).rounded(.up))
            let count = futureDated == 1 ? "1 comment is" : "\(futureDated) comments are"
            let kept = "They are kept as dated, and their clocks start at those times; importing them again adds nothing, so fix the "
                + "times of files still to come (an offset such as +07:00, or --assume-zone for times written without one)."
            if furthestAhead < 3600 {
                return "\(count) dated after now, the furthest \(Int(furthestAhead / 60)) min ahead: the clock of the machine that made the file "
                    + "may run fast. They are kept as dated, and their clocks start at those times."
            }
            guard hours <= 14 else {
                return "\(count) dated after now, the furthest \(Int((furthestAhead / 86_400).rounded())) days ahead: check the export's dates. \(kept)"
            }
            let zone = [7: " (WIB, +07:00)", 8: " (WITA, +08:00)", 9: " (WIT, +09:00)"][hours] ?? ""
            return "\(count) dated after now, the furthest \(max(1, hours)) h ahead: the export's times are probably local"
                + "\(zone) but marked as UTC. \(kept)"
        }

        /// The counts in words, as the command line reports them.
        public var tally: String {
            "\(accepted) new, \(replies) agency replies, " + (agencyPosts > 0 ? "\(agencyPosts) agency posts, " : "")
                + "\(duplicates) already on the desk, \(rejected.count) rejected"
        }

        public var json: JSONValue {
            ["file": .string(file), "format": .string(format), "detected": .bool(detected), "sha256": .string(sha256),
             "accepted": .int(accepted), "replies": .int(replies), "agency_posts": .int(agencyPosts), "duplicates": .int(duplicates),
             "rejected": .int(rejected.count),
             "problems": .array(rejected.map { .string($0.description) }), "warnings": .array(warnings.map { .string($0.description) }),
             "future_dated": .int(futureDated), "years_without_holidays": .array(yearsWithoutHolidays.map { .int($0) })]
        }
    }

    /// Imports one file. `format` nil means detect it from the content. `progress` gets (bytes done, bytes total).
    @discardableResult
    public func importFile(_ path: String, format: (any ImportFormat)? = nil,
                           progress: ((Int, Int) -> Void)? = nil) throws -> Summary {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw DeskError.invalidInput("\(path): is a folder; name the files in it (e.g. \(path)/*.json)")
        }
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
            throw DeskError.invalidInput("\(path): cannot be read (does it exist, and may you read it?)")
        }
        // An empty export (no new comments since the last one) is not an error, whatever its format.
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            var empty = Summary(file: path, format: format?.name ?? "none", detected: false, sha256: EventChain.sha256Hex(data))
            empty.warnings = [FileIssue(file: path, line: nil, "is empty: nothing to import")]
            return empty
        }
        let chosen: any ImportFormat
        if let format {
            chosen = format
        } else if let detected = ImportFormats.detect(data, fileName: url.lastPathComponent) {
            chosen = detected
        } else if ImportFormats.isEmptyListing(data) {
            // A quiet day: the platform had nothing new, in whatever shape its empty page comes.
            var empty = Summary(file: path, format: "none", detected: false, sha256: EventChain.sha256Hex(data))
            empty.warnings = [FileIssue(file: path, line: nil, "holds an empty listing (no comments): nothing to import")]
            return empty
        } else if let error = ImportFormats.apiError(data) {
            throw DeskError.invalidInput("\(path): holds an API error response, not comments (\(error)): the export or fetch failed; "
                + "fetch it again with a valid access token and the permissions it needs, then import the new file")
        } else {
            throw DeskError.invalidInput("\(path): the format could not be recognised (\(ImportFormats.unrecognised(data))); name it with --format (\(ImportFormats.all.map(\.name).joined(separator: ", ")))")
        }
        let reading = assumedZone.flatMap { zone in (chosen as? any ZoneAssuming)?.assuming(zone) } ?? chosen
        var summary = try importData(data, name: path, format: reading, detected: format == nil, progress: progress)
        // A format named by hand that read nothing: say which one the file looks like.
        if format != nil, summary.accepted + summary.replies + summary.agencyPosts + summary.duplicates == 0, !summary.rejected.isEmpty,
           let looks = ImportFormats.detect(data, fileName: url.lastPathComponent), looks.name != chosen.name {
            summary.warnings.insert(FileIssue(file: path, line: nil,
                "nothing was read as \(chosen.name), but the file looks like \(looks.name): leave --format off to have it detected, "
                    + "or name --format \(looks.name)"), at: 0)
        }
        return summary
    }

    /// Imports records already read into memory (the file name is used in messages and on the log).
    ///
    /// Reading (parsing) runs on a second thread while batches are written, so both cores work.
    @discardableResult
    public func importData(_ data: Data, name: String, format: any ImportFormat, detected: Bool = false,
                           progress: ((Int, Int) -> Void)? = nil) throws -> Summary {
        // The file's digest is taken once reading has begun (below): the first batches are read meanwhile.
        var summary = Summary(file: name, format: format.name, detected: detected, sha256: "")
        // meja-jsonl and CSV note such bytes on each record they keep; a platform file's pages are checked here.
        if !(format is MejaJSONLFormat || format is CSVFormat) {
            summary.warnings += Self.linesWithBytesNotUTF8(data, limit: 5).map { FileIssue(file: name, line: $0, ImportItem.replacedBytes) }
        }
        let total = data.count
        let lines = max(1, estimatedLines(data))
        // Room for the first five batches (1,000 to 16,000 records): the reader fills it while the file's digest is taken.
        let pipe = BatchPipe(capacity: 5)
        let size = batchSize
        let preparer = Preparer(config: desk.config, classifier: desk.classifier, channel: channel,
                                platformExport: !(format is MejaJSONLFormat || format is CSVFormat))
        // The first batch is small, so that the writer starts at once rather than after a whole batch is read (about
        // a third of a second of tone reading for 20,000 comments, with the writer idle); the next ones double up to the
        // batch size, so that the writer, once started, is not left waiting for a whole batch either.
        let firstSize = min(size, 1_000)
        let reader = Thread {
            var batch: [Prepared] = []
            batch.reserveCapacity(size)
            var limit = firstSize
            do {
                try format.read(data) { item in
                    batch.append(preparer.prepare(item))
                    if batch.count >= limit {
                        limit = min(size, limit * 2)
                        guard pipe.put(.batch(batch)) else { throw CancellationError() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { _ = pipe.put(.batch(batch)) }
                _ = pipe.put(.end)
            } catch {
                _ = pipe.put(.failed(error))
            }
        }
        reader.stackSize = 8 << 20
        reader.start()
        defer { pipe.cancel() }
        summary.sha256 = EventChain.sha256Hex(data)
        var number = 0
        var latestAnswers = LatestAgencyMessages()
        var furthest = 0
        var waiting: BatchPipe.Message?
        loop: while true {
            let message = waiting ?? pipe.take()
            waiting = nil
            switch message {
            case .batch(let first):
                // One transaction takes the batches already waiting, up to `transactionRows` and `lockBudget`: never
                // waits for the reader while holding the write lock.
                try desk.store.write { tx in
                    _ = try desk.actingStaff(tx)
                    let engine = try desk.engine(tx)
                    var items = first
                    var rows = 0
                    // Wall time, for the lock only: nothing recorded depends on it.
                    let began = DispatchTime.now().uptimeNanoseconds
                    func lockHeld() -> TimeInterval { Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9 }
                    while true {
                        number += 1
                        rows += items.count
                        // Platform formats hand records over oldest first, not in file order: progress follows the furthest line.
                        furthest = max(furthest, items.lazy.map(\.line).max() ?? 0)
                        try store(items, number: number, tx, engine, latestAnswers: &latestAnswers, into: &summary)
                        progress?(min(total, Int(Double(total) * Double(furthest) / Double(lines))), total)
                        guard rows < transactionRows, lockHeld() < lockBudget, let next = pipe.takeIfReady() else { break }
                        guard case .batch(let more) = next else { waiting = next; break }
                        items = more
                    }
                }
            case .end:
                break loop
            case .failed(let error):
                throw error is CancellationError ? DeskError.storage("the import was interrupted") : error
            }
        }
        progress?(total, total)
        if let written = summary.written {
            summary.yearsWithoutHolidays = desk.config.yearsWithoutHolidays(writtenFrom: written.lowerBound, to: written.upperBound, now: desk.now)
        }
        // A large import changes the shape of the data: let the planner know which indexes now pay.
        if summary.accepted >= 10_000 { try? desk.store.refreshStatistics() }
        return summary
    }

    /// A message's platform and the platform's id of it.
    struct PlatformID: Hashable {
        var platform: Platform
        var id: String
    }

    /// The citizens' records of a batch that are stored as the agency's messages, looked up per platform in one statement
    /// (only on platforms with any reply; `presence` caches which).
    private static func storedAgencyMessages(among items: [Prepared], presence: inout [Platform: (any: Bool, pending: Bool)],
                                             _ tx: any StoreReader) throws -> Set<PlatformID> {
        var ids: [Platform: [String]] = [:]
        for item in items where !item.passedOver && !item.isAgency {
            guard case .success(let r) = item.result else { continue }
            ids[r.platform, default: []].append(r.id)
        }
        var found: Set<PlatformID> = []
        for (platform, list) in ids {
            let present = try presence[platform] ?? tx.replyPresence(platform: platform)
            presence[platform] = present
            guard present.any else { continue }
            for id in try tx.replyExternalIDs(platform: platform, among: list) { found.insert(PlatformID(platform: platform, id: id)) }
        }
        return found
    }

    /// How a record whose (platform, id) is already on the desk compares with the comment stored under it.
    enum StoredComparison: Equatable {
        case same
        /// The same writer (by account id, or by handle when an id is missing), other words.
        case edited(StoredWords)
        /// Another writer: a renamed account (when the platform gives no account id), or a file that reuses an id.
        case otherWriter(StoredWords)
    }

    static func compareWithStored(_ record: CommentRecord, _ tx: any StoreReader) throws -> StoredComparison {
        guard let stored = try tx.storedWords(platform: record.platform, externalID: record.id) else { return .same }
        let sameWriter = if let a = record.author.id, let b = stored.authorID { a == b } else { record.author.handle == stored.authorHandle }
        if !sameWriter { return .otherWriter(stored) }
        return stored.text == record.text ? .same : .edited(stored)
    }

    /// The newest of a post's earlier versions that is on the desk, with its platform id.
    static func storedEarlierVersion(of record: CommentRecord, _ tx: any StoreReader) throws -> (String, StoredWords)? {
        for earlier in record.earlierVersions.reversed() {
            if let stored = try tx.storedWords(platform: record.platform, externalID: earlier) { return (earlier, stored) }
        }
        return nil
    }

    /// The warning for an agency answer dated before the comment it answers.
    static func answerBeforeQuestion(_ answeredAt: Date, _ comment: Comment) -> String {
        "the agency's answer is dated \(Timestamp.utc(answeredAt)), before the comment it answers (#\(comment.id), \(Timestamp.utc(comment.createdAt))): "
            + "check the time zones the answer and the comment were exported with; it counts as answered when the comment was written"
    }

    /// The lines (1-based) holding bytes that are not UTF-8, at most `limit`; none, quickly, for a valid file.
    static func linesWithBytesNotUTF8(_ data: Data, limit: Int) -> [Int] {
        let valid = data.withUnsafeBytes { raw in String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) != nil }
        if valid { return [] }
        var lines: [Int] = []
        for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where String(validating: line, as: UTF8.self) == nil {
            lines.append(number + 1)
            if lines.count == limit { break }
        }
        return lines
    }

    private func estimatedLines(_ data: Data) -> Int {
        // Progress is by elements; estimate the total from the newline count of the first megabyte.
        let head = data.prefix(1 << 20)
        let lines = head.withUnsafeBytes { raw in raw.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }
        guard lines > 0 else { return 1 }
        return max(1, Int(Double(lines) * Double(data.count) / Double(head.count)))
    }

    /// Stores one batch and its log event, inside the caller's transaction.
    private func store(_ items: [Prepared], number: Int, _ tx: any StoreWriter, _ engine: SLAEngine,
                       latestAnswers: inout LatestAgencyMessages,
                       into summary: inout Summary) throws {
        let now = try desk.actionTime(tx)
        var counts = (accepted: 0, replies: 0, posts: 0, duplicates: 0)
        var rejected: [FileIssue] = []
        var warnings: [FileIssue] = []
        var futureDated = 0
        var furthestAhead: TimeInterval = 0
        let file = summary.file
        var presence: [Platform: (any: Bool, pending: Bool)] = [:]
        var awaitingParent: [Platform: Bool] = [:]
        // Only a desk with comments waiting for their citizen looks for the citizens' returns.
        let waitingOnCitizens = try tx.anyWaitingOnCitizen()
        var firstID: Int64?
        var lastID: Int64?
        var answered: [Int64] = []
        var repliesTo: [Int64] = []
        // The `arrivals` list, written row by row: the reading thread wrote each row but its id (`Prepared.arrivalTail`).
        var arrivals = ClockLog.ArrivalList()
        // The agency's messages stored: reply id, when it was sent (reports credit answers by these), who wrote what, on
        // which platform, and the comment it answers (when on the desk); and answers stored earlier that were linked to
        // a comment of this batch, as [reply id, comment id].
        var agencyReplies: [JSONValue] = []
        var linkedReplies: [JSONValue] = []
        var clocks: [String: JSONValue] = [:]
        var joined: [Int64] = []
        var waitsEnded: [EventDraft] = []
        func responded(_ r: (ids: [Int64], clocks: [String: JSONValue])) {
            answered += r.ids
            ClockLog.merge(r.clocks, into: &clocks)
        }
        // A catch-up restarts clocks as if the files had come in time order; an agency answer already on the desk that
        // came later in the conversation (its file was imported first: Mastodon lists newest first) then meets them, as
        // it would have had the answers come in order.
        func catchingUp(_ changed: [String: JSONValue]) throws {
            ClockLog.merge(changed, into: &clocks)
            for key in changed.keys.sorted() {
                guard let id = Int64(key), let c = try tx.comment(id: id), c.sla.awaitsResponse,
                      let at = try tx.firstAgencyAnswer(to: c, since: c.createdAt, until: nil, source: .imported) else { continue }
                responded(try desk.respond(to: c, at: at, tx))
            }
        }
        // The agency's own messages stored as its answers (from its archive, or a file that marked them) that come again
        // in a file that does not say they are the agency's (no channels configured): not citizens' comments.
        let storedAsAgency = try Self.storedAgencyMessages(among: items, presence: &presence, tx)
        // A comment or an agency answer dated after now: kept as dated, and named (a wrong time zone, most often).
        func noteIfDatedAfterNow(_ record: CommentRecord, line: Int) {
            let ahead = record.createdAt.timeIntervalSince(now)
            guard ahead > Self.futureTolerance else { return }
            futureDated += 1
            furthestAhead = max(furthestAhead, ahead)
            warnings.append(FileIssue(file: file, line: line,
                "kept, but dated \(Timestamp.utc(record.createdAt)), after now (\(Timestamp.utc(now))): check the file's time zone"))
        }
        // Platform importers hand records over oldest first, so a batch's lines need not be in order.
        let lines = "\(items.lazy.map(\.line).min() ?? 0)-\(items.lazy.map(\.line).max() ?? 0)"
        // The batch's records are read in place, field by field: a copy of a whole record retains every string in it.
        for index in items.indices where !items[index].passedOver {
            // A message already on the desk in some form: counted as such, and named when it differs from what is there.
            func alreadyOnDesk(_ why: String? = nil) {
                counts.duplicates += 1
                if let why { warnings.append(FileIssue(file: file, line: items[index].line, why)) }
            }
            let record: CommentRecord
            switch items[index].result {
            case .failure(let problem):
                rejected.append(FileIssue(file: file, line: items[index].line, problem.message))
                continue
            case .success(let r): record = r
            }
            // Looked up once per record (a platform's name is hashed for each look-up).
            let present: (any: Bool, pending: Bool)
            if let known = presence[record.platform] {
                present = known
            } else {
                present = try tx.replyPresence(platform: record.platform)
                presence[record.platform] = present
            }
            if items[index].isAgency {
                let parent = try record.inReplyTo.flatMap { try tx.comment(platform: record.platform, externalID: $0) }
                let parentReply = parent == nil ? try record.inReplyTo.flatMap { try tx.reply(platform: record.platform, externalID: $0) } : nil
                let reply = Reply(commentID: parent?.id, platform: record.platform, externalID: record.id, inReplyTo: record.inReplyTo,
                                  threadID: record.threadID,
                                  threadKey: record.threadID ?? parent?.threadKey ?? parentReply?.threadKey ?? record.inReplyTo ?? record.id,
                                  text: record.text, sentAt: record.createdAt, author: Author.normalizedHandle(record.author.handle),
                                  source: .imported)
                // The same message taken for a citizen's comment by an earlier file (which did not say it was the agency's).
                if let stored = try tx.storedWords(platform: record.platform, externalID: record.id) {
                    alreadyOnDesk("this message of the agency's is on the desk as a citizen's comment, #\(stored.id), from a file that did not "
                        + "say it was the agency's: `meja status \(stored.id) no_reply_needed` takes it off the queue; list the account in "
                        + "[agency].channels so that its messages are known")
                    continue
                }
                // Context repeats on every page that refers to it: only a listed message counts as already on the desk.
                guard let replyID = try tx.insertReply(reply) else { if !record.onlyIfAgency { alreadyOnDesk() }; continue }
                agencyReplies.append([.int(replyID), .time(record.createdAt), .string(CommentWords.hex(CommentWords.fingerprint(of: reply))),
                                      .string(reply.platform.rawValue), parent.map { .int($0.id) } ?? .null])
                if let note = items[index].note { warnings.append(FileIssue(file: file, line: items[index].line, note)) }
                noteIfDatedAfterNow(record, line: items[index].line)
                if record.inReplyTo == nil { counts.posts += 1 } else { counts.replies += 1 }
                try latestAnswers.note(record.createdAt, on: record.platform, tx)
                presence[record.platform] = (true, present.pending || parent == nil)
                if let parent {
                    repliesTo.append(parent.id)
                    // An answer cannot come before its question: two clocks or time zones disagree. It is counted as
                    // answered when the comment was written (no earlier), and named so the files can be checked.
                    if record.createdAt < parent.createdAt {
                        warnings.append(FileIssue(file: file, line: items[index].line, Self.answerBeforeQuestion(record.createdAt, parent)))
                    }
                    responded(try desk.respond(to: parent, at: max(record.createdAt, parent.createdAt), tx))
                }
                let caughtUp = try desk.catchUp(with: reply, answering: parent, tx)
                joined += caughtUp.joined
                try catchingUp(caughtUp.clocks)
                continue
            }
            if storedAsAgency.contains(PlatformID(platform: record.platform, id: record.id)) {
                alreadyOnDesk("the agency's own message, already on the desk as its answer (from another file): list "
                    + "@\(SafeText.forMessage(record.author.handle)) in [agency].channels so that the agency's messages are known as its own")
                continue
            }
            // A later export fetches an edited post under its new id; it is the comment already on the desk.
            if !record.earlierVersions.isEmpty, let (earlier, stored) = try Self.storedEarlierVersion(of: record, tx) {
                alreadyOnDesk(stored.text == record.text ? nil
                    : "an edit of #\(stored.id) (\(record.platform.rawValue) post \(earlier)), which is on the desk: the desk keeps the words it first "
                        + "imported; read the edit on the platform")
                continue
            }
            // The parent decides the conversation (when the record names no thread) and whether this message
            // follows an agency answer; both lookups are skipped when they cannot change anything.
            var parentMessage: (threadKey: String?, answeredAuthor: Author?, isAnswer: Bool)?
            var parentThread: String?
            if let irt = record.inReplyTo {
                if present.any { parentMessage = try tx.agencyMessage(platform: record.platform, externalID: irt) }
                if record.threadID == nil, parentMessage == nil {
                    parentThread = try tx.comment(platform: record.platform, externalID: irt)?.threadKey
                }
            }
            let threadKey = record.threadID ?? parentThread ?? parentMessage?.threadKey ?? record.inReplyTo ?? record.id
            // Answering the agency is a follow-up only when the agency had answered this citizen: its message
            // answered their comment, or answered one not on the desk (whose author cannot be told). Replying
            // under the agency's own post, or under its answer to someone else, starts a first-response clock
            // unless the agency answered this citizen elsewhere in the conversation.
            var follows = false
            if let parent = parentMessage, parent.isAnswer {
                follows = parent.answeredAuthor.map { $0.isSame(as: record.author) } ?? true
            }
            if !follows, present.any {
                follows = try tx.agencyReplied(platform: record.platform, threadKey: threadKey, author: record.author,
                                               before: record.createdAt)
            }
            var sla = items[index].sla
            var restarted = false
            if let policyIndex = items[index].policyIndex {
                let policy = engine.policies[policyIndex]
                if follows {
                    sla = SLAEngine.start(policy, createdAt: record.createdAt, followsAgencyReply: true)
                    restarted = true
                } else {
                    sla.policyVersion = policy.version
                }
            }
            let intent = items[index].intent
            var comment = Comment(id: 0, platform: record.platform, externalID: record.id, author: record.author, text: record.text,
                                  createdAt: record.createdAt, threadID: record.threadID, threadKey: threadKey,
                                  inReplyTo: record.inReplyTo, channel: record.channel.map(Author.normalizedHandle), url: record.url,
                                  lang: record.lang, importedAt: now, intent: intent, sentiment: items[index].sentiment, tags: items[index].tags, sla: sla)
            guard let id = try tx.insertComment(comment) else {
                // Already on the desk: the same comment again (re-importing is a no-op), edited since, or a clash of ids.
                switch try Self.compareWithStored(record, tx) {
                case .same: alreadyOnDesk()
                case .edited(let stored):
                    alreadyOnDesk("already on the desk as #\(stored.id), with other words (edited on the platform?): the desk keeps the words it "
                        + "first imported; read the new ones on the platform")
                case .otherWriter(let stored):
                    // A platform never gives two comments one id, but an account may be renamed between two exports: kept
                    // as it is, and named, since a hand-made file may also have given two comments the same id.
                    alreadyOnDesk("id \(SafeText.forMessage(record.id)) is already on the desk as #\(stored.id), written by "
                        + "@\(SafeText.forMessage(stored.authorHandle)), but this line names @\(SafeText.forMessage(record.author.handle)): "
                        + "the desk keeps #\(stored.id) as it is (a renamed account, or two comments given the same id: check the file's ids)")
                }
                continue
            }
            counts.accepted += 1
            summary.written = summary.written.map { min($0.lowerBound, record.createdAt)...max($0.upperBound, record.createdAt) }
                ?? record.createdAt...record.createdAt
            noteIfDatedAfterNow(record, line: items[index].line)
            if let note = items[index].note { warnings.append(FileIssue(file: file, line: items[index].line, note)) }
            comment.id = id
            // Replies that came before this comment were filed under its id: they join its conversation. (A platform
            // that names every conversation, like X, never has such replies, and the look-up is skipped.)
            if threadKey != record.id {
                let awaits: Bool
                if let known = awaitingParent[record.platform] {
                    awaits = known
                } else {
                    awaits = try tx.commentsAwaitParent(platform: record.platform)
                    awaitingParent[record.platform] = awaits
                }
                if awaits {
                    let caughtUp = try desk.catchUp(filedUnder: record.id, joining: threadKey, platform: record.platform, tx)
                    joined += caughtUp.joined
                    try catchingUp(caughtUp.clocks)
                }
            }
            // Filed under a parent that is not on the desk: it waits for it.
            if record.inReplyTo != nil, record.threadID == nil, parentThread == nil, parentMessage == nil {
                awaitingParent[record.platform] = true
            }
            if waitingOnCitizens { waitsEnded += try desk.citizenReturned(with: comment, tx) }
            // A follow-up's clock was restarted here: its row states the deadlines it has now.
            let tail = restarted ? ClockLog.arrivalTail(platform: comment.platform, channel: comment.channel, createdAt: comment.createdAt,
                                                        intent: comment.intent, sla: comment.sla, sentiment: comment.sentiment,
                                                        tags: comment.tags, words: items[index].words)
                                 : items[index].arrivalTail
            arrivals.append(id: id, tail: tail)
            if firstID == nil { firstID = id }
            lastID = id
            var linkedPending = false
            if present.pending {
                let pending = try tx.pendingReplies(platform: record.platform, inReplyTo: record.id)
                for r in pending {
                    try tx.linkReply(id: r.id, toComment: id, threadKey: threadKey)
                    linkedReplies.append([.int(r.id), .int(id)])
                }
                if let first = pending.map(\.sentAt).min() {
                    repliesTo += Array(repeating: id, count: pending.count)
                    if first < comment.createdAt {
                        warnings.append(FileIssue(file: file, line: items[index].line, Self.answerBeforeQuestion(first, comment)))
                    }
                    responded(try desk.respond(to: comment, at: max(first, comment.createdAt), tx))
                    try catchingUp(try desk.catchUp(answered: comment, by: pending, tx))
                    linkedPending = true
                }
            }
            // The agency may already have answered this citizen later in the conversation (its answers' file came
            // first, or the answer went to the thread's first comment, as Instagram, YouTube and Facebook file every
            // reply): that answer meets this comment's clock too, as it would had this comment been stored first.
            // Skipped when no agency message on the platform is as late as this comment (imports in time order).
            if !linkedPending, present.any, try latestAnswers.any(since: record.createdAt, on: record.platform, tx),
               let at = try tx.firstAgencyAnswer(to: comment, since: record.createdAt, until: nil, source: .imported) {
                responded(try desk.respond(to: comment, at: at, tx))
            }
        }
        var payload: [String: JSONValue] = [
            "file": .string(file), "sha256": .string(summary.sha256), "format": .string(summary.format), "batch": .int(number),
            "lines": .string(lines),
            "accepted": .int(counts.accepted), "replies": .int(counts.replies), "agency_posts": .int(counts.posts),
            "duplicate": .int(counts.duplicates),
            "rejected": .int(rejected.count),
            "comment_ids": firstID.map { .string("\($0)-\(lastID!)") } ?? .null,
            "replies_to": .array(repliesTo.map { .int($0) }),
            "now_replied": .array(Array(Set(answered)).sorted().map { .int($0) }),
        ]
        var written: [String: [UInt8]] = [:]
        if !arrivals.isEmpty {
            payload["arrival_fields"] = .array(ClockLog.arrivalFields.map { .string($0) })
            written["arrivals"] = arrivals.json
        }
        if !agencyReplies.isEmpty { payload["agency_replies"] = .array(agencyReplies) }
        if !linkedReplies.isEmpty { payload["linked_replies"] = .array(linkedReplies) }
        if !clocks.isEmpty { payload["clocks"] = .object(clocks) }
        if !joined.isEmpty { payload["joined_thread"] = .array(joined.map { .int($0) }) }
        if let channel { payload["channel"] = .string(channel) }
        payload.merge(desk.actor.payloadNote) { a, _ in a }
        // Waits ended come first: anything later in the batch (an agency answer in the same export) acted on the comment
        // as they left it, and the batch's `now_replied` and `clocks` state what it did after them.
        for event in waitsEnded { try tx.append(event, actor: desk.actor.name, at: now) }
        var batchEvent = EventDraft(.importBatch, subject: "", payload: .object(payload))
        batchEvent.writtenMembers = written
        let seq = try tx.append(batchEvent, actor: desk.actor.name, at: now).seq
        summary.accepted += counts.accepted
        summary.replies += counts.replies
        summary.agencyPosts += counts.posts
        summary.duplicates += counts.duplicates
        summary.rejected += rejected
        summary.warnings += warnings
        summary.futureDated += futureDated
        summary.furthestAhead = max(summary.furthestAhead, furthestAhead)
        summary.events.append(seq)
    }
}

/// The latest imported agency answer per platform during one import: read from the store once, then kept up to date with
/// the answers the import adds, so that a comment can tell cheaply whether an answer later than it may be on the desk.
struct LatestAgencyMessages {
    private var latest: [Platform: Date] = [:]

    /// Whether an agency message on `platform` was sent at or after `time`.
    mutating func any(since time: Date, on platform: Platform, _ tx: any StoreReader) throws -> Bool {
        try current(platform, tx) >= time
    }

    /// Records an agency message the import added.
    mutating func note(_ time: Date, on platform: Platform, _ tx: any StoreReader) throws {
        latest[platform] = max(try current(platform, tx), time)
    }

    private mutating func current(_ platform: Platform, _ tx: any StoreReader) throws -> Date {
        if let known = latest[platform] { return known }
        let stored = try tx.latestAgencyMessage(platform: platform) ?? .distantPast
        latest[platform] = stored
        return stored
    }
}

/// A bounded hand-over of parsed batches from the reading thread to the writing one.
private final class BatchPipe: @unchecked Sendable {
    enum Message {
        case batch([Prepared])
        case end
        case failed(any Error)
    }

    private let condition = NSCondition()
    private var queue: [Message] = []
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Hands over a message, waiting while the pipe is full; false once the writer has gone away.
    func put(_ m: Message) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity, !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(m)
        condition.broadcast()
        return true
    }

    func take() -> Message {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        return removeFirst()
    }

    /// The next message if one is waiting, without waiting for it.
    func takeIfReady() -> Message? {
        condition.lock()
        defer { condition.unlock() }
        return queue.isEmpty ? nil : removeFirst()
    }

    /// Takes the first message and wakes a reader waiting for room (the lock held).
    private func removeFirst() -> Message {
        let m = queue.removeFirst()
        condition.broadcast()
        return m
    }

    /// Stops the reader (after an error on the writing side, or at the end).
    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// An import element made ready on the reading thread: parsed, classified, and measured under the matching
/// policy as a first message (the writer fixes the policy version, and re-measures the rare follow-up).
struct Prepared: Sendable {
    var line: Int
    var result: Result<CommentRecord, RecordProblem>
    /// The import format's note on a record it kept (a warning once stored).
    var note: String?
    var isAgency = false
    /// Context that is not the agency's (`CommentRecord.onlyIfAgency`): not stored.
    var passedOver = false
    var intent: Intent?
    var sentiment: Double?
    /// The sensitive topics found in the text, as tags: they show in the queue, and policies can match them.
    var tags: [String] = []
    /// Index of the matching policy in the configuration (and in the engine, which lists them in that order).
    var policyIndex: Int?
    var sla = SLARecord()
    /// Who wrote what (`CommentWords`), for the log.
    var words: UInt64 = 0
    /// The comment's `arrivals` row after its id (`ClockLog.arrivalTail`), with `sla` as it is here.
    var arrivalTail: [UInt8] = []
}

/// Does the per-record work that needs no database.
struct Preparer: Sendable {
    let config: DeskConfig
    let classifier: (@Sendable (String) -> CommentTone)?
    /// The channel given to comments that name none.
    var channel: String?
    /// Whether the file is a platform's own export or API response (not Meja's own formats, which state what a
    /// message answers, or that it answers nothing).
    var platformExport = false

    func prepare(_ item: ImportItem) -> Prepared {
        var p = Prepared(line: item.line, result: item.result, note: item.note)
        guard case .success(var record) = item.result else { return p }
        if record.replaceNULCharacters() {
            p.result = .success(record)
            p.note = p.note.map { $0 + "; " + ImportItem.replacedNUL } ?? ImportItem.replacedNUL
        }
        // The account the file's comments were addressed to is the agency's own, whatever the configuration says.
        p.isAgency = record.fromAgency || config.isAgency(record.author, on: record.platform, addressedTo: channel)
        // Whatever the format, a message that is stored must be dated within the times a comment can have.
        if p.isAgency || !record.onlyIfAgency, let problem = CommentRecord.timeProblem(record.createdAt) {
            p.result = .failure(problem)
            return p
        }
        if p.isAgency {
            // Instagram's agency comments are nearly always answers; a reply listing without `parent_id` or its paging
            // link does not say to what. (In Meja's own formats a message without `in_reply_to` is a post, as written.)
            if platformExport, record.platform == .instagram, record.inReplyTo == nil {
                p.note = "the agency's comment names no comment it answers: recorded as its own post. If it is a reply, export "
                    + "replies with parent_id (fields=id,text,username,timestamp,parent_id) or with their listing's paging links"
            }
            return p
        }
        if record.onlyIfAgency {
            p.passedOver = true
            return p
        }
        func add(_ note: String) { p.note = p.note.map { $0 + "; " + note } ?? note }
        if let channel = config.channelByNameOnly(record.author, on: record.platform) {
            add("kept as a citizen's comment, but its writer has the name of the agency's \(channel): on Facebook a Page is known by its id; "
                + "if it is the agency's Page, add \"facebook:\(record.author.id!)\" to [agency].channels")
        }
        if let channel = config.channelLookalike(record.author.handle, on: record.platform) {
            add("kept as a citizen's comment, but \(record.author.atHandle) has the name of the agency's \(channel) on another server: "
                + "if it is the agency's account, list it in [agency].channels as \"\(record.author.atHandle)\"")
        }
        if record.channel == nil, let channel {
            record.channel = channel
            p.result = .success(record)
        }
        p.words = CommentWords.fingerprint(of: record)
        let tone = classifier?(record.text)
        p.intent = tone?.intent
        p.sentiment = tone?.sentiment
        p.tags = tone?.topics.map(\.rawValue) ?? []
        let intent = p.intent, tags = p.tags
        p.policyIndex = config.policies.firstIndex { $0.matches(platform: record.platform, channel: record.channel, intent: intent, tags: tags) }
        if let index = p.policyIndex {
            let unversioned = VersionedPolicy(policy: config.policies[index], version: 0, calendar: config.calendar)
            p.sla = SLAEngine.start(unversioned, createdAt: record.createdAt, followsAgencyReply: false)
        }
        p.arrivalTail = ClockLog.arrivalTail(platform: record.platform, channel: record.channel.map(Author.normalizedHandle),
                                             createdAt: record.createdAt, intent: p.intent, sla: p.sla, sentiment: p.sentiment,
                                             tags: p.tags, words: p.words)
        return p
    }
}
