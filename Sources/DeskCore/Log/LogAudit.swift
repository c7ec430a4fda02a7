import Foundation

/// Verification and export of a store's log, streamed in pages so a million events need little memory.
public enum LogAudit {
    /// Recomputes the whole chain (and checks the anchor, if any).
    public static func verify(_ store: any DeskStore, anchor: LogVerifier.Anchor? = nil, pageSize: Int = 20_000) throws -> LogVerifier.Report {
        try store.scan { tx in
            var verifier = LogVerifier(anchor: anchor)
            try tx.forEachEventFields(from: 1) { verifier.feed($0) }
            return verifier.finish()
        }
    }

    /// Recomputes the chain and checks that the tables agree with the log (`LogStateCheck`), both on one snapshot of
    /// the store, so that an action landing meanwhile cannot make them disagree.
    /// `progress` hears what is being done, for a long check: the chain with the events read so far (every 100,000),
    /// then the comparison of the tables.
    public static func audit(_ store: any DeskStore, anchor: LogVerifier.Anchor? = nil, limit: Int = 20,
                             progress: ((String) -> Void)? = nil) throws -> Audit {
        try store.scan { tx in
            var verifier = LogVerifier(anchor: anchor)
            var read = 0
            progress?("checking the chain")
            try tx.forEachEventFields(from: 1) { fields in
                read += 1
                if read % 100_000 == 0 { progress?("checking the chain: \(read) events") }
                return verifier.feed(fields)
            }
            progress?("comparing the desk's tables with the log (\(read) events)")
            return Audit(chain: verifier.finish(), state: try LogStateCheck.check(tx, limit: limit))
        }
    }

    /// What `audit` found: the chain, and whether the tables agree with it.
    public struct Audit: Sendable, Hashable {
        public var chain: LogVerifier.Report
        public var state: LogStateCheck
        public var ok: Bool { chain.ok && state.ok }
    }

    /// Calls `body` for each event whose `at` lies in `[from, to]` (either end open when nil), in `seq` order.
    public static func forEach(_ store: any DeskStore, from: Date? = nil, to: Date? = nil, pageSize: Int = 20_000,
                               _ body: (LogEvent) throws -> Void) throws {
        let lower = from.map(Timestamp.utc)
        let upper = to.map(Timestamp.utc)
        try store.scan { tx in
            var next: Int64 = 1
            while true {
                let page = try tx.events(from: next, limit: pageSize)
                if page.isEmpty { break }
                for e in page {
                    if let lower, e.at < lower { continue }
                    if let upper, e.at > upper { continue }
                    try body(e)
                }
                next = page.last!.seq + 1
            }
        }
    }

    /// The CSV header of an export.
    public static let csvHeader = "seq,at,actor,action,subject,payload,prev,hash"

    /// One event as a CSV row (RFC 4180 quoting).
    public static func csvRow(_ e: LogEvent) -> String {
        [String(e.seq), e.at, e.actor, e.action, e.subject, e.payload, e.prev, e.hash].map(csvField).joined(separator: ",")
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    public static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
