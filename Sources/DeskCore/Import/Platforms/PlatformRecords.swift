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
    private var tree = ThreadTree()

    init(threads: Threads = .asGiven) { self.threads = threads }

    mutating func add(_ record: CommentRecord, line: Int) {
        records.append((line, record))
        if threads != .asGiven { tree.link(record.id, to: record.inReplyTo) }
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
        let order = records.indices.sorted {
            let a = records[$0].record.createdAt, b = records[$1].record.createdAt
            return a != b ? a < b : $0 < $1
        }
        for k in order {
            var r = records[k].record
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
