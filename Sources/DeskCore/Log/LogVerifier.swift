import Foundation

/// Recomputes the chain of a log, event by event, and says where it first breaks.
///
/// Without an anchor this proves the log is internally consistent: no event was edited, removed, inserted or
/// moved *unless* whoever did it recomputed every later hash. An anchor (`seq:hash` noted earlier, e.g. in a
/// published report) closes that gap: the event at the anchor must still carry that hash, and the log must
/// still reach it.
///
/// Times never go back: Meja dates an action no earlier than the log's last event, whatever the clock or `MEJA_NOW`
/// says. An event dated before its predecessor was written with a false clock (by a Meja older than that rule, with
/// `MEJA_NOW`) or slipped in, and counts in reports "as of" a moment before it happened: it is named as a warning
/// (`timeRegressions`), not as a broken chain, since logs written before the rule can hold such events honestly.
public struct LogVerifier: Sendable {
    /// The outcome of a verification.
    public struct Report: Sendable, Hashable {
        public var count: Int64
        public var head: String?
        /// The first sequence number found wrong, and why.
        public var failure: (seq: Int64, reason: String)?
        /// How many events are dated before the event before them, and the first few (a warning, not a failure).
        public var timeRegressionCount = 0
        public var timeRegressions: [TimeRegression] = []

        public var ok: Bool { failure == nil }

        public static func == (a: Report, b: Report) -> Bool {
            a.count == b.count && a.head == b.head && a.failure?.seq == b.failure?.seq && a.failure?.reason == b.failure?.reason
        }
        public func hash(into h: inout Hasher) {
            h.combine(count)
            h.combine(head)
            h.combine(failure?.seq)
        }
    }

    /// An event dated before the event before it.
    public struct TimeRegression: Sendable, Hashable {
        public var seq: Int64
        public var at: String
        public var previousAt: String

        /// `event 2483 is dated 2026-11-25T06:00:00Z, before event 2482 (2026-12-01T03:00:00Z)`.
        public var message: String { "event \(seq) is dated \(at), before event \(seq - 1) (\(previousAt))" }
    }

    /// A noted head, `SEQ:HASH`.
    public struct Anchor: Sendable, Hashable {
        public var seq: Int64
        public var hash: String
        public init(seq: Int64, hash: String) {
            self.seq = seq
            self.hash = hash
        }
        /// Parses `SEQ:HASH` (64 lower-case hex digits).
        public init?(parsing text: String) {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let s = Int64(parts[0]), s > 0, parts[1].count == 64,
                  parts[1].allSatisfy({ $0.isHexDigit }) else { return nil }
            self.init(seq: s, hash: parts[1].lowercased())
        }
    }

    private var expectedSeq: Int64 = 1
    private var prevHash = EventChain.genesis
    private var failure: (Int64, String)?
    private var count: Int64 = 0
    private var lastSeq: Int64 = 0
    private var lastHash = ""
    /// The previous event's `at`, as stored (`2026-12-01T03:00:00Z` compares in time order byte by byte).
    private var lastAt: [UInt8] = []
    private let anchor: Anchor?
    private var anchorSeen = false
    private var regressionCount = 0
    private var regressions: [TimeRegression] = []

    public init(anchor: Anchor? = nil) { self.anchor = anchor }

    /// Feeds the next event in stored order. Returns false once a failure has been found.
    @discardableResult
    public mutating func feed(_ e: LogEvent) -> Bool {
        guard failure == nil else { return false }
        if e.seq != expectedSeq {
            failure = e.seq > expectedSeq
                ? (expectedSeq, "event \(expectedSeq) is missing (the next stored event is \(e.seq))")
                : (e.seq, "event \(e.seq) is out of order or repeated (expected \(expectedSeq))")
            return false
        }
        if e.prev != prevHash {
            failure = (e.seq, "its prev does not match the hash of event \(e.seq - 1): an event before it was changed, removed or inserted")
            return false
        }
        let expected = EventChain.expectedHash(of: e)
        if e.hash != expected {
            failure = (e.seq, "its contents do not match its hash: the event was edited")
            return false
        }
        if Array(e.at.utf8).lexicographicallyPrecedes(lastAt) {
            regressionCount += 1
            if regressions.count < 5 { regressions.append(TimeRegression(seq: e.seq, at: e.at, previousAt: String(decoding: lastAt, as: UTF8.self))) }
        }
        if let anchor, anchor.seq == e.seq {
            anchorSeen = true
            if anchor.hash != e.hash {
                failure = (e.seq, "it does not match the anchor \(anchor.seq):\(anchor.hash.prefix(12))…: the history up to here was rewritten")
                return false
            }
        }
        prevHash = e.hash
        lastAt = Array(e.at.utf8)
        expectedSeq += 1
        count += 1
        lastSeq = e.seq
        lastHash = e.hash
        return true
    }

    /// Feeds the next event as raw stored bytes: the same checks as `feed(_:)` without building strings.
    @discardableResult
    public mutating func feed(_ f: EventFields) -> Bool {
        guard failure == nil else { return false }
        guard f.seq == expectedSeq, Self.equal(f.prev, prevHash), !f.at.lexicographicallyPrecedes(lastAt), EventChain.matches(f)
        else { return feed(f.event) }
        if let anchor, anchor.seq == f.seq { return feed(f.event) }
        prevHash = String(decoding: f.hash, as: UTF8.self)
        if !f.at.elementsEqual(lastAt) { lastAt = Array(f.at) }
        expectedSeq += 1
        count += 1
        lastSeq = f.seq
        lastHash = prevHash
        return true
    }

    private static func equal(_ bytes: UnsafeRawBufferPointer, _ text: String) -> Bool {
        var t = text
        return t.withUTF8 { $0.count == bytes.count && memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    /// The verdict after the last event.
    private var head: String? { count > 0 ? "\(lastSeq):\(lastHash)" : nil }

    public func finish() -> Report {
        var report = Report(count: count, head: head, failure: failure)
        if failure == nil, let anchor, !anchorSeen {
            report.failure = (count + 1, "the log ends at \(count) but the anchor names event \(anchor.seq): the tail was cut off (or the anchor was mistyped: compare it with the head as published)")
        }
        report.timeRegressionCount = regressionCount
        report.timeRegressions = regressions
        return report
    }
}
