import Foundation

/// Collects what an importer read from one file, names threads from reply links, and hands everything to the
/// importer oldest first.
///
/// Platforms list newest first (Mastodon, X search, YouTube) or by thread; the desk needs each comment stored
/// after what it answers, so that an agency reply stops the clock it answers and a citizen's follow-up after an
/// agency reply is known as one. Problems come first, in line order; then records by time (ties keep file order).
struct PlatformRecords {
    /// How records get their `threadID`.
    enum Threads {
        /// As the importer set it (X's `conversation_id`, YouTube's thread id).
        case asGiven
        /// The root of the `inReplyTo` chain, as far as the file shows it (Facebook, Instagram: one level deep).
        case chainRoot
        /// The root of the chain only when the whole chain is in the file (Mastodon: chains of any depth);
        /// otherwise left for the importer to take from the parent already stored.
        case completeChainRoot
    }

    let threads: Threads
    private var records: [(line: Int, record: CommentRecord)] = []
    private var problems: [ImportItem] = []
    /// Earlier versions of edited posts, by id, with the id of their latest version (X's `edit_history_tweet_ids`) and
    /// how many versions the history that named it held (the longest history names the latest version).
    private var editedInto: [String: (latest: String, versions: Int)] = [:]
    private var tree = ThreadTree()
    /// Whether a page was not valid JSON (then a file read in pieces is read again whole).
    private(set) var sawInvalidJSON = false

    init(threads: Threads = .asGiven) { self.threads = threads }

    mutating func add(_ record: CommentRecord, line: Int) {
        records.append((line, record))
        if threads != .asGiven { tree.link(record.id, to: record.inReplyTo) }
    }

    /// Notes that post `old` was edited into `latest`. When the file holds both, the desk keeps one comment: the earliest
    /// version's id and time (replies name it, and the citizen wrote then) with the latest version's words.
    mutating func edited(_ old: String, into latest: String, versions: Int = 2) {
        if let known = editedInto[old], known.versions >= versions { return }
        editedInto[old] = (latest, versions)
    }

    /// The versions of each edited post whose latest version is in the file, as indices into `records`.
    private func editedVersions() -> Dictionary<String, [Int]>.Values {
        var versions: [String: [Int]] = [:]
        guard !editedInto.isEmpty else { return versions.values }
        let present = Set(records.map(\.record.id))
        for k in records.indices {
            if let latest = editedInto[records[k].record.id]?.latest, present.contains(latest) { versions[latest, default: []].append(k) }
        }
        for k in records.indices where versions[records[k].record.id] != nil { versions[records[k].record.id]!.append(k) }
        return versions.values
    }

    mutating func reject(_ line: Int, _ message: String) { problems.append(ImportItem(line: line, .failure(RecordProblem(message)))) }

    /// Adds the record `make` returns, or its problem at `line`.
    mutating func add(line: Int, _ make: () throws(RecordProblem) -> CommentRecord?) {
        do {
            if let r = try make() { add(r, line: line) }
        } catch {
            reject(line, error.message)
        }
    }

    /// Emits everything: problems in line order, then records oldest first.
    func emit(_ emit: (ImportItem) throws -> Void) throws {
        for p in problems.sorted(by: { $0.line < $1.line }) { try emit(p) }
        // An edited post is one comment: its first version, with the latest version's words.
        var words: [Int: String] = [:]
        var superseded: Set<Int> = []
        for group in editedVersions() {
            let byTime = group.sorted { records[$0].record.createdAt < records[$1].record.createdAt }
            words[byTime[0]] = records[byTime[byTime.count - 1]].record.text
            superseded.formUnion(byTime.dropFirst())
        }
        let order = records.indices.filter { !superseded.contains($0) }.sorted {
            let a = records[$0].record.createdAt, b = records[$1].record.createdAt
            return a != b ? a < b : $0 < $1
        }
        for k in order {
            var r = records[k].record
            if let latest = words[k] { r.text = latest }
            switch threads {
            case .asGiven: break
            case .chainRoot: r.threadID = tree.root(of: r.id).id
            case .completeChainRoot:
                let root = tree.root(of: r.id)
                if root.complete { r.threadID = root.id }
            }
            try emit(ImportItem(line: records[k].line, .success(r)))
        }
    }
}

extension PlatformRecords {
    /// Reads every page of a platform file and emits what was found: each object goes to `page`; an array is a
    /// list of pages or elements (each visited in turn); text that is not JSON, and any other value, is rejected
    /// as "expected `expected`; found …".
    ///
    /// A large file of many pages (JSON lines, pages pasted together) is read in two halves at once: the desk
    /// stores nothing until the whole file is read (records go to it oldest first), so the second core would
    /// otherwise wait. If a half turns out not to be whole pages, the file is read again in one piece.
    static func read(_ data: Data, threads: Threads = .asGiven, expected: String, emit: (ImportItem) throws -> Void,
                     page: @escaping @Sendable (PlatformFields, inout PlatformRecords) -> Void) throws {
        let pieces = data.count >= 1 << 20 ? PlatformPages.pieces(data, parts: 2) : []
        if pieces.count > 1 {
            let results = ResultSlots(count: pieces.count)
            DispatchQueue.concurrentPerform(iterations: pieces.count) { k in
                let piece = pieces[k]
                let range = (data.startIndex + piece.range.lowerBound)..<(data.startIndex + piece.range.upperBound)
                results.set(k, readPages(data[range], firstLine: piece.firstLine, threads: threads, expected: expected, page: page))
            }
            let parts = results.all
            if parts.allSatisfy({ !$0.sawInvalidJSON }) {
                var records = PlatformRecords(threads: threads)
                for part in parts { records.append(part) }
                return try records.emit(emit)
            }
        }
        try readPages(data, firstLine: 1, threads: threads, expected: expected, page: page).emit(emit)
    }

    private static func readPages(_ data: Data, firstLine: Int, threads: Threads, expected: String,
                                  page: (PlatformFields, inout PlatformRecords) -> Void) -> PlatformRecords {
        var records = PlatformRecords(threads: threads)
        func visit(_ value: JSONValue, line: Int) {
            if let f = PlatformFields(value, line: line) {
                page(f, &records)
            } else if let elements = value.arrayValue {
                for e in elements { visit(e, line: e.sourceLine ?? line) }
            } else {
                records.reject(line, "expected \(expected); found \(JSONShape.describe(value))")
            }
        }
        PlatformPages.read(data, firstLine: firstLine) { p in
            switch p {
            case .invalid(let line, let message):
                records.reject(line, message)
                records.sawInvalidJSON = true
            case .value(let value, let line): visit(value, line: line)
            }
        }
        return records
    }

    /// Adds what another piece of the same file found, after what this one holds.
    private mutating func append(_ other: PlatformRecords) {
        for (line, r) in other.records { add(r, line: line) }
        for (old, edit) in other.editedInto { edited(old, into: edit.latest, versions: edit.versions) }
        problems += other.problems
    }

    /// The results of reading the pieces of a file, one slot each, filled from several threads.
    private final class ResultSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [PlatformRecords?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ r: PlatformRecords) { lock.withLock { slots[k] = r } }
        var all: [PlatformRecords] { lock.withLock { slots.compactMap { $0 } } }
    }

    /// Adds a Graph API comment and, depth first, the replies nested in its `repliesKey` listing (`comments` on
    /// Facebook, `replies` on Instagram), each answering the comment it is nested in.
    mutating func addNested(_ value: JSONValue, line: Int, expected: String, repliesKey: String, parent: String?,
                            _ make: (PlatformFields, String?) throws(RecordProblem) -> CommentRecord) {
        guard let f = PlatformFields(value, line: line) else {
            reject(line, "expected \(expected); found \(JSONShape.describe(value))")
            return
        }
        add(line: f.line) { () throws(RecordProblem) in try make(f, parent) }
        for reply in f.fields(repliesKey)?.array("data") ?? [] {
            addNested(reply, line: reply.sourceLine ?? f.line, expected: expected, repliesKey: repliesKey, parent: f.string("id"), make)
        }
    }
}
