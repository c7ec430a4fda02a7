import Foundation

/// Computes every figure of a report from the store, in one read transaction: one scan of the replies, one of the
/// comments (raw columns, nothing decoded into `Comment`), aggregated in arrays.
///
/// **Which comments count.** The period's comments are those written in `[start, end)` that were on the desk by the
/// report's moment `asOf` (`ReportPeriod.asOf`). Everything that happened to them after `asOf` is ignored: a
/// comment answered after the period ends counts as unanswered — a miss if its due time fell before `asOf`, pending
/// otherwise. The backlog, escalations and the log head are also taken at `asOf`.
///
/// **Times.** First-response and next-response times run from the comment's arrival to the agency's first answer
/// (in Meja, or posted on the platform and found by an import); resolution times to the closing of the case
/// (including any time waiting on the citizen). Business minutes count on the calendar of the policy version the
/// comment is measured under. Both are `ElapsedMinutes`: whole minutes, truncated, as written on the log.
///
/// **Hits.** See `HitTally`: met at or before the due time is a hit; met late, or never met and past due (still
/// running, paused after the breach, or withdrawn after the breach) is a miss; withdrawn before the due time is
/// excluded; not due yet is pending.
///
/// **Who answered.** A comment's answer is credited to the reply that met it (the earliest one at its answer time;
/// for the citizen's earlier comments answered along with a later one, the reply in their conversation).
///
/// **Passed over.** See `PassedOverCounter`.
public enum ReportBuilder {
    /// The report of `period` as of `period.asOf(now:)`.
    public static func build(store: any DeskStore, config: DeskConfig, period: ReportPeriod, now: Date) throws -> Report {
        let zone = config.calendar.zone
        let asOf = period.asOf(now: now)
        var report = Report(agency: SafeText.sanitize(config.agencyName, limit: 200), zone: zone, period: period, asOf: asOf, generatedAt: now)
        report.passedOverThreshold = config.passedOverThreshold
        try store.read { tx in
            let days = BusinessCalendar(zone: zone, week: Array(repeating: [], count: 7))
            let calendars = PolicyCalendars(try tx.allPolicyVersions(), fallback: config.calendar,
                                            firstDay: days.dayNumber(of: period.start) - 1, lastDay: days.dayNumber(of: asOf) + 1)
            var tally = ReportTally(period: period, asOf: asOf, weekBounds: period.weekBounds(zone: zone), calendars: calendars)
            let head = try tx.lastEvent(atOrBefore: asOf)
            tally.answersRecordedLater = try answersAsOf(asOf, importedAfter: head?.seq ?? 0, tx)
            tally.reserve(try tx.commentCount())
            try tx.forEachReplyFacts { tally.add($0) }
            try tx.forEachCommentFacts { tally.add($0) }
            tally.creditThroughConversations()
            tally.finish(into: &report, staff: try tx.staff(), threshold: config.passedOverThreshold)
            report.logHead = head?.head
        }
        return report
    }

    /// For each comment whose `responded_at` an import after event `seq` set (`answersImported`), when the desk knew it
    /// answered at `moment`: by a reply written on the desk to the citizen in that conversation by then, or not at all
    /// (nil). An import may have moved an earlier desk answer's time back to the platform's; the desk's stands.
    static func answersAsOf(_ moment: Date, importedAfter seq: Int64, _ tx: any StoreReader) throws -> [Int64: Int64?] {
        var answers: [Int64: Int64?] = [:]
        for id in try answersImported(after: seq, tx) {
            guard let c = try tx.comment(id: id) else { continue }
            let desk = try tx.firstAgencyAnswer(to: c, since: c.createdAt, until: moment, source: .desk)
            answers.updateValue(desk.map(ElapsedMinutes.second), forKey: id)
        }
        return answers
    }

    /// The comments whose `responded_at` an import after event `seq` set or moved (the import's `clocks`): an answer
    /// posted on the platform perhaps within the period, but not known at its end. As the report takes everything as
    /// it stood then, they count only as answered as the desk knew then (`answersAsOf`) — so that a report on a past
    /// period stays the same whenever it is made and matches the log up to the head it publishes. Empty, quickly, for a
    /// report up to now. Comments that an import after `seq` brought in themselves (its `comment_ids`) are left out:
    /// they were not on the desk at the report's moment, so the report does not count them at all (a history imported
    /// after its period would otherwise be looked up comment by comment).
    static func answersImported(after seq: Int64, _ tx: any StoreReader) throws -> Set<Int64> {
        var ids: Set<Int64> = [], arrivedLater: [ClosedRange<Int64>] = []
        let action = Array(LogAction.importBatch.rawValue.utf8), key = Array(#""responded_at":""#.utf8)
        try tx.forEachEventFields(from: seq + 1) { e in
            guard e.action.elementsEqual(action) else { return true }
            if let range = commentIDs(inImportPayload: e.payload) { arrivedLater.append(range) }
            guard e.payload.withMemoryRebound(to: UInt8.self, { UTF8Search.firstOffset(of: key, in: $0, from: 0) }) != nil,
                  let clocks = try? JSONValue.parse(bytes: Array(e.payload))["clocks"]?.objectValue else { return true }
            for (id, change) in clocks where change["responded_at"]?.stringValue != nil {
                if let n = Int64(id) { ids.insert(n) }
            }
            return true
        }
        guard !arrivedLater.isEmpty else { return ids }
        arrivedLater.sort { $0.lowerBound < $1.lowerBound }
        return ids.filter { id in
            // The last range starting at or before `id` is the only one that can hold it (batches do not overlap).
            var low = 0, high = arrivedLater.count
            while low < high {
                let mid = (low + high) / 2
                if arrivedLater[mid].lowerBound <= id { low = mid + 1 } else { high = mid }
            }
            return low == 0 || !arrivedLater[low - 1].contains(id)
        }
    }

    /// The range of comment ids an import batch event inserted (`"comment_ids":"FIRST-LAST"`), read from its raw payload.
    static func commentIDs(inImportPayload payload: UnsafeRawBufferPointer) -> ClosedRange<Int64>? {
        let key = Array(#""comment_ids":""#.utf8)
        return payload.withMemoryRebound(to: UInt8.self) { bytes -> ClosedRange<Int64>? in
            guard let start = UTF8Search.firstOffset(of: key, in: bytes, from: 0) else { return nil }
            var i = start + key.count
            func number() -> Int64? {
                var n: Int64 = 0, digits = 0
                while i < bytes.count, (48...57).contains(bytes[i]), digits < 18 {
                    n = n * 10 + Int64(bytes[i] - 48)
                    i += 1
                    digits += 1
                }
                return digits > 0 ? n : nil
            }
            guard let first = number(), i < bytes.count, bytes[i] == UInt8(ascii: "-") else { return nil }
            i += 1
            guard let last = number(), first <= last else { return nil }
            return first...last
        }
    }
}

/// The business time of the stored policy versions' calendars, found by name and version from raw bytes, as
/// `BusinessTimeTable`s over the report's days.
struct PolicyCalendars {
    private var names = ByteInterner()
    private var index: [Int: Int] = [:]
    /// Table 0 is the configured calendar's, used for comments without a (known) policy version, as the desk does.
    private(set) var tables: [BusinessTimeTable]
    /// The last lookup (comments come in runs under the same policy version).
    private var last: (name: Int, version: Int64, table: Int)?

    /// Tables for the local days `firstDay ... lastDay`.
    init(_ versions: [StoredPolicyVersion], fallback: BusinessCalendar, firstDay: Int, lastDay: Int) {
        tables = [BusinessTimeTable(calendar: fallback, firstDay: firstDay, lastDay: lastDay)]
        var known: [BusinessCalendar: Int] = [fallback: 0]
        for v in versions {
            guard let parsed = PolicyDefinition.parse(v.definition, version: v.version) else { continue }
            var name = v.name
            let i = name.withUTF8 { names.index(UnsafeRawBufferPointer($0)) }
            if known[parsed.calendar] == nil {
                known[parsed.calendar] = tables.count
                tables.append(BusinessTimeTable(calendar: parsed.calendar, firstDay: firstDay, lastDay: lastDay))
            }
            index[i << 32 | v.version] = known[parsed.calendar]
        }
    }

    /// The table of the calendar a comment is measured on.
    mutating func table(policy: UnsafeRawBufferPointer?, version: Int64?) -> Int {
        guard let policy, let version else { return 0 }
        let name = names.index(policy)
        if let last, last.name == name, last.version == version { return last.table }
        let table = index[name << 32 | Int(version)] ?? 0
        last = (name, version, table)
        return table
    }
}

/// The running totals of one report while the store is scanned.
struct ReportTally {
    let start: Int64
    /// The first second after the period (the report's moment is before it, unless taken as known now).
    let end: Int64
    let asOf: Int64
    let bounds: [Int64]
    var calendars: PolicyCalendars
    /// Comments whose answer an import logged after the report's moment, with the answer the desk knew of then
    /// (`ReportBuilder.answersAsOf`; nil: none).
    var answersRecordedLater: [Int64: Int64?] = [:]

    // Dimensions.
    var platforms = ByteInterner(), channels = ByteInterner(), intents = ByteInterner(), tags = ByteInterner()
    var platformCount: [Int] = [], channelCount: [Int] = [], intentCount: [Int] = [], tagCount: [Int] = []
    var noChannel = 0, noIntent = 0
    var sentimentCount = [0, 0, 0, 0]
    /// Queue numbers by platform, then channel (+1, 0 for none).
    var queues: [[Int]] = []
    /// Each queue's running figures, by queue number.
    var queueRows: [QueueRow] = []

    /// The running figures of one queue (`Report.QueueFigures` with interned names and the first-response minutes).
    struct QueueRow {
        let platform: Int, channel: Int
        var comments = 0, backlog = 0, breached = 0
        var responses = HitTally()
        var first: [Int] = []
    }

    // Replies: authors, and who met each answered comment.
    var authors = ByteInterner()
    var authorReplies: [Int] = [], authorOverrides: [Int] = []
    var credits = AnswerCredits()
    var replies = Report.Replies()

    // The period's comments.
    var comments = 0, unmeasured = 0, importedAfter = 0, escalations = 0, answeredOnPlatform = 0
    var business: [[Int]] = [[], [], []], calendar: [[Int]] = [[], [], []]
    var hits = [HitTally(), HitTally(), HitTally()]
    var histogram = [Int](repeating: 0, count: ReportBuckets.responseMinutes.count)
    var weekArrivals: [Int], weekHits: [HitTally], weekFirst: [[Int]], weekBacklog: [Int]
    var authorFirst: [[Int]] = [], authorHits: [HitTally] = []
    /// Answers to credit once every comment's conversation is known: answered along with a later comment.
    var throughConversation: [(comment: Int64, at: Int64, first: Bool, onTime: Bool, minutes: Int)] = []

    // Backlog at asOf.
    var backlog = 0, breached = 0
    var ages = [Int](repeating: 0, count: ReportBuckets.backlogAge.count)
    var passedOver = PassedOverCounter()

    init(period: ReportPeriod, asOf: Date, weekBounds: [Date], calendars: PolicyCalendars) {
        start = ElapsedMinutes.second(period.start)
        end = ElapsedMinutes.second(period.end)
        self.asOf = ElapsedMinutes.second(asOf)
        bounds = weekBounds.map(ElapsedMinutes.second)
        self.calendars = calendars
        let weeks = Swift.max(0, bounds.count - 1)
        weekArrivals = Array(repeating: 0, count: weeks)
        weekHits = Array(repeating: HitTally(), count: weeks)
        weekFirst = Array(repeating: [], count: weeks)
        weekBacklog = Array(repeating: 0, count: weeks + 1)
    }

    /// Room for `comments` comments (and about as many replies).
    mutating func reserve(_ comments: Int) {
        passedOver.reserve(comments)
        credits.reserve(comments)
    }

    /// The number of the queue of a platform and channel (-1: none).
    private mutating func queueNumber(_ platform: Int, _ channel: Int) -> Int {
        while queues.count <= platform { queues.append([]) }
        while queues[platform].count <= channel + 1 { queues[platform].append(-1) }
        if queues[platform][channel + 1] < 0 {
            queues[platform][channel + 1] = queueRows.count
            queueRows.append(QueueRow(platform: platform, channel: channel))
        }
        return queues[platform][channel + 1]
    }

    /// Only what happened by the report's moment.
    private func upTo(_ t: Int64?) -> Int64? { t.flatMap { $0 <= asOf ? $0 : nil } }

    /// Index into per-clock arrays: 0 first response, 1 next response, 2 resolution.
    private static func clockIndex(_ b: UnsafeRawBufferPointer?) -> Int? {
        guard let b, let first = b.first else { return nil }
        return first == UInt8(ascii: "f") ? 0 : first == UInt8(ascii: "n") ? 1 : nil
    }

    mutating func add(_ r: ReplyFacts) {
        guard r.sentAt <= asOf else { return }
        let author = author(r.author)
        if let id = r.commentID, id >= 0 { credits.addReply(id: r.id, comment: id, sentAt: r.sentAt, by: Int32(r.imported ? -2 : author)) }
        guard !r.imported, r.sentAt >= start, r.sentAt < end else { return }
        replies.total += 1
        replies.byHumor[Swift.min(2, Swift.max(0, r.humor))] += 1
        authorReplies[author] += 1
        if r.overridden {
            replies.overridden += 1
            authorOverrides[author] += 1
        }
    }

    /// The number of a reply author, with room for their figures.
    private mutating func author(_ name: UnsafeRawBufferPointer) -> Int {
        let a = authors.index(name)
        if a == authorReplies.count {
            authorReplies.append(0)
            authorOverrides.append(0)
            authorFirst.append([])
            authorHits.append(HitTally())
        }
        return a
    }

    /// The week holding `t` (within the period).
    private func week(of t: Int64) -> Int {
        var w = 0
        while w + 2 < bounds.count, t >= bounds[w + 1] { w += 1 }
        return w
    }

    /// The first week whose end moment (its last second, or asOf) is at or after `t`; `weeks` when none.
    private func firstWeekEnding(atOrAfter t: Int64) -> Int {
        var w = 0
        while w < weekBacklog.count - 1, Swift.min(bounds[w + 1] - 1, asOf) < t { w += 1 }
        return w
    }

    mutating func add(_ f: CommentFacts) {
        if f.respondedAt != nil { credits.noteConversation(of: f.id, platform: f.platform, thread: f.threadKey, author: f.authorHandle) }
        let created = f.createdAt
        guard created <= asOf, f.importedAt <= asOf else {
            if created >= start, created <= asOf, created < end { importedAfter += 1 }
            return
        }
        let respondedAt: Int64?
        if let knownThen = answersRecordedLater[f.id] { respondedAt = knownThen } else { respondedAt = f.respondedAt }
        let responded = upTo(respondedAt), withdrawn = upTo(f.responseStopped)
        let clock = Self.clockIndex(f.responseClock)
        let inPeriod = created >= start && created < end
        let platform = platforms.index(f.platform)
        let channel = f.channel.map { channels.index($0) } ?? -1
        let queue = queueNumber(platform, channel)
        let judged = inPeriod && clock != nil && !(responded == nil && withdrawn != nil)
        passedOver.add(queue: queue, created: created, answered: responded, judgedUntil: judged ? (responded ?? asOf + 1) : nil)

        if clock != nil {
            let waitingFrom = Swift.max(created, f.importedAt)
            let waitingUntil = Swift.min(respondedAt ?? .max, f.responseStopped ?? .max)
            if responded == nil, withdrawn == nil {
                backlog += 1
                queueRows[queue].backlog += 1
                if let due = f.responseDue, due < asOf {
                    breached += 1
                    queueRows[queue].breached += 1
                }
                ages[ReportBuckets.index(of: (asOf - created) / 60, in: ReportBuckets.backlogAge)] += 1
            }
            // Waiting at the end of weeks firstWeekEnding(waitingFrom) ..< firstWeekEnding(waitingUntil).
            let from = firstWeekEnding(atOrAfter: waitingFrom), to = firstWeekEnding(atOrAfter: waitingUntil)
            if from < to {
                weekBacklog[from] += 1
                weekBacklog[to] -= 1
            }
        }
        if let e = upTo(f.escalatedAt), e >= start, e < end { escalations += 1 }
        guard inPeriod else { return }

        comments += 1
        queueRows[queue].comments += 1
        let w = week(of: created)
        if w < weekArrivals.count { weekArrivals[w] += 1 }
        Self.bump(platform, in: &platformCount)
        if channel >= 0 { Self.bump(channel, in: &channelCount) } else { noChannel += 1 }
        if let i = f.intent { Self.bump(intents.index(i), in: &intentCount) } else { noIntent += 1 }
        sentimentCount[ReportBuckets.sentimentBand(f.sentiment)] += 1
        if f.tags.count > 1 { countTags(f.tags) }
        guard let clock else {
            unmeasured += 1
            return
        }
        let cal = calendars.table(policy: f.policy, version: f.policyVersion)
        var onTime = false
        if let due = f.responseDue {
            let outcome = HitTally.outcome(due: due, met: responded, withdrawn: withdrawn, pausedSince: nil, asOf: asOf)
            hits[clock].add(outcome)
            if w < weekHits.count { weekHits[w].add(outcome) }
            queueRows[queue].responses.add(outcome)
            onTime = outcome == .onTime
        }
        if let at = responded {
            let m = calendars.tables[cal].minutes(from: created, to: at)
            business[clock].append(m.business)
            calendar[clock].append(m.calendar)
            if clock == 0 {
                histogram[ReportBuckets.index(of: Int64(m.business), in: ReportBuckets.responseMinutes)] += 1
                if w < weekFirst.count { weekFirst[w].append(m.business) }
                queueRows[queue].first.append(m.business)
            }
            if let by = credits.direct(f.id, at: at) {
                credit(Int(by), first: clock == 0, onTime: onTime, minutes: m.business)
            } else {
                throughConversation.append((f.id, at, clock == 0, onTime, m.business))
            }
        }
        if let due = f.resolutionDue {
            let resolved = upTo(f.resolvedAt)
            hits[2].add(HitTally.outcome(due: due, met: resolved, withdrawn: upTo(f.resolutionStopped), pausedSince: upTo(f.pausedSince),
                                         asOf: asOf))
            if let at = resolved {
                let m = calendars.tables[cal].minutes(from: created, to: at)
                business[2].append(m.business)
                calendar[2].append(m.calendar)
            }
        }
    }

    private static func bump(_ i: Int, in counts: inout [Int]) {
        if i >= counts.count { counts += repeatElement(0, count: i - counts.count + 1) }
        counts[i] += 1
    }

    /// Counts each tag of `,a,b,` once.
    private mutating func countTags(_ text: UnsafeRawBufferPointer) {
        var seen: Set<Int> = []
        var from = 0
        for i in 0...text.count where i == text.count || text[i] == UInt8(ascii: ",") {
            if i > from {
                let tag = tags.index(UnsafeRawBufferPointer(rebasing: text[from..<i]))
                if seen.insert(tag).inserted { Self.bump(tag, in: &tagCount) }
            }
            from = i + 1
        }
    }

    /// Credits the answers given through a conversation, now that every answered comment's conversation is noted.
    mutating func creditThroughConversations() {
        credits.prepare()
        for t in throughConversation {
            credit(Int(credits.throughConversation(t.comment, at: t.at) ?? -1), first: t.first, onTime: t.onTime, minutes: t.minutes)
        }
        throughConversation = []
    }

    /// Credits an answer to an author index (-2: posted on the platform; -1: nobody found).
    private mutating func credit(_ author: Int, first: Bool, onTime: Bool, minutes: Int) {
        if author == -2, first { answeredOnPlatform += 1 }
        guard author >= 0 else { return }
        if first { authorFirst[author].append(minutes) }
        authorHits[author].add(onTime ? .onTime : .late)
    }

    func finish(into report: inout Report, staff: [StaffMember], threshold: Int) {
        func sorted(_ counts: [Count]) -> [Report.Count] {
            counts.filter { $0.count > 0 }.sorted { ($1.count, $0.key) < ($0.count, $1.key) }
        }
        typealias Count = Report.Count
        func list(_ interner: ByteInterner, _ counts: [Int], none: Int = 0) -> [Report.Count] {
            sorted(counts.indices.map { Count(interner.string($0), counts[$0]) } + [Count("-", none)])
        }
        report.comments = comments
        report.unmeasured = unmeasured
        report.importedAfter = importedAfter
        report.volume.platform = list(platforms, platformCount)
        report.volume.channel = list(channels, channelCount, none: noChannel)
        report.volume.intent = list(intents, intentCount, none: noIntent)
        report.volume.sentiment = comments == 0 ? []
            : ReportBuckets.sentimentBands.indices.map { Count(ReportBuckets.sentimentBands[$0], sentimentCount[$0]) }
        report.volume.tag = list(tags, tagCount)
        report.times = SLAClock.allCases.enumerated().map { i, clock in
            Report.ClockTimes(clock: clock, business: DurationStats(business[i]), calendar: DurationStats(calendar[i]))
        }
        report.hits = SLAClock.allCases.enumerated().map { Report.ClockHits(clock: $1, tally: hits[$0]) }
        report.responseHistogram = ReportBuckets.buckets(histogram, edges: ReportBuckets.responseMinutes)
        report.answeredOnPlatform = answeredOnPlatform
        report.backlog.total = backlog
        report.backlog.breached = breached
        report.backlog.ages = ReportBuckets.buckets(ages, edges: ReportBuckets.backlogAge)
        report.replies = replies
        report.escalations = escalations
        (report.passedOver, report.passedOverUnanswered) = passedOver.count(threshold: threshold)

        var waiting = 0
        report.weeks = weekArrivals.indices.map { w in
            var week = Report.Week(start: Date(timeIntervalSince1970: Double(bounds[w])), end: Date(timeIntervalSince1970: Double(bounds[w + 1])))
            week.arrivals = weekArrivals[w]
            week.responses = weekHits[w]
            week.firstResponse = DurationStats(weekFirst[w])
            waiting += weekBacklog[w]
            week.backlogAtEnd = waiting
            return week
        }

        report.queues = queueRows.filter { $0.comments > 0 || $0.backlog > 0 }.map { q in
            var row = Report.QueueFigures(platform: platforms.string(q.platform), channel: q.channel < 0 ? "-" : channels.string(q.channel))
            row.comments = q.comments
            row.responses = q.responses
            row.firstResponse = DurationStats(q.first)
            row.backlog = q.backlog
            row.backlogBreached = q.breached
            return row
        }.sorted { ($1.comments, $0.platform, $0.channel) < ($0.comments, $1.platform, $1.channel) }

        // Staff: everyone on the list who is active or did something in the period, busiest first.
        var rows: [String: Report.StaffFigures] = [:]
        for member in staff where member.active && member.name != ActorIdentity.system.name {
            rows[member.name] = Report.StaffFigures(name: member.name, displayName: member.displayName)
        }
        for a in 0..<authors.count {
            guard authorReplies[a] > 0 || authorHits[a].decided > 0 else { continue }
            let name = authors.string(a)
            var row = rows[name] ?? Report.StaffFigures(name: name, displayName: staff.first { $0.name == name }?.displayName ?? name)
            row.replies = authorReplies[a]
            row.overrides = authorOverrides[a]
            row.firstResponse = DurationStats(authorFirst[a])
            row.responses = authorHits[a]
            rows[name] = row
        }
        report.staff = rows.values.sorted { ($1.replies, $0.name) < ($0.replies, $1.name) }
    }
}
