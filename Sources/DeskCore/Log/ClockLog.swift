import Foundation

/// How the log records comments' response-time clocks, so that every report figure can be recomputed from a log
/// export alone (`docs/reports.md` shows how).
///
/// - An import batch lists each comment it added under `arrivals` — one row per comment, its fields named once in
///   `arrival_fields` — with the deadlines it was given on arrival.
/// - Every event that changes a comment's clocks (a reply, an imported agency answer, a status change, an
///   escalation) carries `clocks`: `{"<comment id>": {field: new value, …}}` with only the fields that changed,
///   `null` for one that was cleared (a reopened case), and the elapsed minutes where a clock was met.
public enum ClockLog {
    /// The names of the fields of one `arrivals` row, in order. Deadlines are seconds after `created_at`; `sentiment`
    /// is the tone governor's score (-1…1) when one was taken; `tags` the comment's tags (the sensitive topics found);
    /// `words_sha256` the fingerprint of who wrote what (`CommentWords`).
    /// Rows may gain fields at the end, never lose or reorder them.
    public static let arrivalFields: [String] = [
        "id", "platform", "channel", "created_at", "intent", "clock", "response_due_after_s", "resolution_due_after_s", "sentiment",
        "tags", CommentWords.field,
    ]

    /// The text of a comment's `arrivals` row after its id: `,"mastodon",…]`. An import writes it where the record is
    /// read, so that the writer only puts `[` and the id the store gave before it (`ArrivalList`).
    /// `words` is the comment's `CommentWords` fingerprint.
    static func arrivalTail(platform: Platform, channel: String?, createdAt: Date, intent: Intent?, sla: SLARecord,
                            sentiment: Double?, tags: [String], words: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160)
        func field(_ value: JSONValue) {
            out.append(UInt8(ascii: ","))
            value.write(to: &out)
        }
        let created = ElapsedMinutes.second(createdAt)
        func after(_ d: Date?) -> JSONValue { d.map { .int(ElapsedMinutes.second($0) - created) } ?? .null }
        field(.string(platform.rawValue))
        field(.string(channel))
        field(.time(createdAt))
        field(.string(intent?.rawValue))
        field(.string(sla.responseClock?.rawValue))
        field(after(sla.responseDueAt))
        field(after(sla.resolutionDueAt))
        field(sentiment.map(JSONValue.double) ?? .null)
        field(.array(tags.map { .string($0) }))
        field(.string(CommentWords.hex(words)))
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// An import batch's `arrivals` list, written row by row as comments are stored.
    struct ArrivalList {
        private var text: [UInt8] = [UInt8(ascii: "[")]

        /// Whether no row was added.
        var isEmpty: Bool { text.count == 1 }

        /// Adds the row of the comment stored as `id`, its other fields written beforehand (`arrivalTail`).
        mutating func append(id: Int64, tail: [UInt8]) {
            if !isEmpty { text.append(UInt8(ascii: ",")) }
            text.append(UInt8(ascii: "["))
            JSONValue.int(id).write(to: &text)
            text.append(contentsOf: tail)
        }

        /// The list as JSON text.
        var json: [UInt8] { text + [UInt8(ascii: "]")] }
    }

    /// What changed from `old` to `new` in a comment's clocks, as the log states it; nil when nothing did.
    ///
    /// Keys: `responded_at` (with `response_minutes`), `response_stopped_at`, `clock` with `response_due_after_s` (as in
    /// `arrivals`, when a comment turns out to be a follow-up), `resolved_at` (with
    /// `resolution_minutes`), `resolution_stopped_at`, `paused_since`, `resolution_due_at`, `escalated_at`.
    /// Minutes count from the comment's arrival on `calendar` (its policy version's calendar).
    public static func changes(from old: SLARecord, to new: SLARecord, createdAt: Date, calendar: BusinessCalendar) -> JSONValue? {
        var o: [String: JSONValue] = [:]
        @discardableResult
        func instant(_ key: String, _ a: Date?, _ b: Date?) -> Bool {
            guard a.map(ElapsedMinutes.second) != b.map(ElapsedMinutes.second) else { return false }
            o[key] = .time(b)
            return true
        }
        if instant("responded_at", old.respondedAt, new.respondedAt), let at = new.respondedAt {
            o["response_minutes"] = ElapsedMinutes(from: createdAt, to: at, calendar: calendar).json
        }
        instant("response_stopped_at", old.responseStoppedAt, new.responseStoppedAt)
        if old.responseClock != new.responseClock || old.responseDueAt.map(ElapsedMinutes.second) != new.responseDueAt.map(ElapsedMinutes.second) {
            // A comment found to be a follow-up after all: restated as its `arrivals` row states it.
            o["clock"] = .string(new.responseClock?.rawValue)
            o["response_due_after_s"] = new.responseDueAt.map { .int(ElapsedMinutes.second($0) - ElapsedMinutes.second(createdAt)) } ?? .null
        }
        if instant("resolved_at", old.resolvedAt, new.resolvedAt), let at = new.resolvedAt {
            o["resolution_minutes"] = ElapsedMinutes(from: createdAt, to: at, calendar: calendar).json
        }
        instant("resolution_stopped_at", old.resolutionStoppedAt, new.resolutionStoppedAt)
        instant("paused_since", old.pausedSince, new.pausedSince)
        instant("resolution_due_at", old.resolutionDueAt, new.resolutionDueAt)
        instant("escalated_at", old.escalatedAt, new.escalatedAt)
        return o.isEmpty ? nil : .object(o)
    }

    /// Adds one comment's change to an event's `clocks` object; a later change of the same field in the same event
    /// wins, so the object always states the comment's values after the event.
    public static func merge(_ change: JSONValue?, of id: Int64, into clocks: inout [String: JSONValue]) {
        merge(change, key: String(id), into: &clocks)
    }

    /// Adds another event part's `clocks` object to this one (same rule: later changes win, field by field).
    public static func merge(_ other: [String: JSONValue], into clocks: inout [String: JSONValue]) {
        for (key, change) in other { merge(change, key: key, into: &clocks) }
    }

    private static func merge(_ change: JSONValue?, key: String, into clocks: inout [String: JSONValue]) {
        guard case .object(let fields)? = change else { return }
        var merged = clocks[key]?.objectValue ?? [:]
        merged.merge(fields) { _, new in new }
        clocks[key] = .object(merged)
    }
}
