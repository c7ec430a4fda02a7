import Foundation

/// A comment in Meja's normalized import format (`meja-jsonl`, DESIGN.md), whatever platform it came from.
///
/// Platform importers turn API responses and exports into these; the importer stores them.
public struct CommentRecord: Hashable, Sendable {
    public var platform: Platform
    /// The platform's id of the comment; (`platform`, `id`) is unique.
    public var id: String
    public var author: Author
    /// Plain text as written (may contain anything, including escape sequences).
    public var text: String
    public var createdAt: Date
    public var threadID: String?
    public var inReplyTo: String?
    /// The agency account that received it, e.g. `@kominfo`.
    public var channel: String?
    public var url: String?
    public var lang: String?
    /// True when the agency itself wrote it (an earlier reply).
    public var fromAgency: Bool
    /// True for a message the file gives only as context (X's `includes.tweets`: the tweets its tweets refer to,
    /// anyone's): imported when the agency wrote it — its answer, which stops a clock — and passed over otherwise.
    public var onlyIfAgency = false
    /// The platform's ids of this post's earlier versions, oldest first (X's `edit_history_tweet_ids` before this one's):
    /// when one of them is already on the desk, this is an edit of that comment, not a new one.
    public var earlierVersions: [String] = []

    public init(platform: Platform, id: String, author: Author, text: String, createdAt: Date, threadID: String? = nil,
                inReplyTo: String? = nil, channel: String? = nil, url: String? = nil, lang: String? = nil, fromAgency: Bool = false) {
        self.platform = platform
        self.id = id
        self.author = author
        self.text = text
        self.createdAt = createdAt
        self.threadID = threadID
        self.inReplyTo = inReplyTo
        self.channel = channel
        self.url = url
        self.lang = lang
        self.fromAgency = fromAgency
    }

    /// Reads a record from one `meja-jsonl` object; the error says which field is wrong and how. A `created_at` without
    /// an offset is read in `assumedZone` when one is given (`meja import --assume-zone`), and refused otherwise.
    public init(json: JSONValue, assumedZone: TimeZone? = nil) throws(RecordProblem) {
        guard let o = json.objectValue else { throw RecordProblem("expected a JSON object with the comment's fields") }
        func required(_ key: String) throws(RecordProblem) -> String {
            guard let v = o[key], !v.isNull else { throw RecordProblem("missing required field '\(key)'") }
            guard let s = v.stringValue else { throw RecordProblem("field '\(key)' must be a string") }
            return s
        }
        func optional(_ key: String) throws(RecordProblem) -> String? {
            guard let v = o[key], !v.isNull else { return nil }
            if let s = v.stringValue { return s.isEmpty ? nil : s }
            if let i = v.intValue { return String(i) }
            throw RecordProblem("field '\(key)' must be a string")
        }
        let platformText = try required("platform")
        guard let platform = Platform(parsing: platformText) else {
            throw RecordProblem("platform '\(SafeText.forMessage(platformText))' must be one lower-case word such as mastodon, x, facebook, instagram, youtube")
        }
        var idText: String
        if let n = o["id"]?.intValue { idText = String(n) } else { idText = try required("id") }
        if idText.first == " " || idText.last == " " { idText = idText.trimmingCharacters(in: .whitespaces) }
        guard !idText.isEmpty else { throw RecordProblem("field 'id' is empty") }
        guard let authorValue = o["author"], !authorValue.isNull else { throw RecordProblem("missing required field 'author'") }
        guard let a = authorValue.objectValue else { throw RecordProblem("field 'author' must be an object like {\"handle\": \"warga\"}") }
        guard let handle = a["handle"]?.stringValue, handle.contains(where: { !$0.isWhitespace }) else {
            throw RecordProblem("author.handle is missing or empty")
        }
        let text = try required("text")
        let created = try required("created_at")
        guard let createdAt = Timestamp.parse(created) ?? assumedZone.flatMap({ Timestamp.parse(created, assumingZone: $0) }) else {
            let local = assumedZone == nil && Timestamp.parse(created, assumingZone: TimeZone(identifier: "UTC")!) != nil
            throw RecordProblem("created_at '\(SafeText.forMessage(created))' is not ISO 8601 with an offset or Z, e.g. 2026-11-30T09:15:00+07:00"
                + (local ? "; if the file's times are local, import it with --assume-zone Asia/Jakarta (or the zone they are in)" : ""))
        }
        var fromAgency = false
        if let f = o["from_agency"], !f.isNull {
            guard let b = f.boolValue else { throw RecordProblem("from_agency must be true or false") }
            fromAgency = b
        }
        self.init(platform: platform, id: idText,
                  author: Author(id: a["id"]?.stringValue ?? a["id"]?.intValue.map { String($0) }, handle: handle,
                                 name: a["name"]?.stringValue),
                  text: text, createdAt: createdAt, threadID: try optional("thread_id"), inReplyTo: try optional("in_reply_to"),
                  channel: try optional("channel"), url: try optional("url"), lang: try optional("lang"), fromAgency: fromAgency)
    }

    /// The times a comment can be written at: from 2000-01-01 (social media is younger: an earlier time is a mistake in
    /// the export, a missing year or a zero time) up to 9000-01-01 (deadlines counted from a later one could pass the
    /// year 9999, past which times cannot be written as ISO 8601).
    public static let possibleTimes = Timestamp.parse("2000-01-01T00:00:00Z")!..<Timestamp.parse("9000-01-01T00:00:00Z")!

    /// Why a record dated `time` cannot be imported, or nil when the time is possible (`possibleTimes`). Every import
    /// format's records are checked so, whatever field the time came from.
    public static func timeProblem(_ time: Date) -> RecordProblem? {
        if time < possibleTimes.lowerBound {
            return RecordProblem("the time it was written, \(Timestamp.utc(time)), is before 2000-01-01, older than any social-media "
                + "comment: check the export's dates (a missing year or a zero time, say) and import it again with the right one")
        }
        if time >= possibleTimes.upperBound {
            return RecordProblem("the time it was written, \(Timestamp.utc(time)), is after 9000-01-01, and its deadlines could pass "
                + "the year 9999: check the export's dates and import it again with the right one")
        }
        return nil
    }

    /// The `meja-jsonl` object of this record.
    public var json: JSONValue {
        var author: [String: JSONValue] = ["handle": .string(self.author.handle)]
        if let id = self.author.id { author["id"] = .string(id) }
        if let name = self.author.name { author["name"] = .string(name) }
        var o: [String: JSONValue] = ["platform": .string(platform.rawValue), "id": .string(id), "author": .object(author),
                                      "text": .string(text), "created_at": .string(Timestamp.utc(createdAt))]
        if let threadID { o["thread_id"] = .string(threadID) }
        if let inReplyTo { o["in_reply_to"] = .string(inReplyTo) }
        if let channel { o["channel"] = .string(channel) }
        if let url { o["url"] = .string(url) }
        if let lang { o["lang"] = .string(lang) }
        if fromAgency { o["from_agency"] = .bool(true) }
        return .object(o)
    }
}

/// Why one record of an import file was rejected.
public struct RecordProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension CommentRecord {
    /// Replaces each NUL character (a `\u0000` escape in JSON) in the record's texts with U+FFFD: SQLite keeps it, but it
    /// would end the text wherever the text is read back as C text (a comparison with a re-import, a display), so the
    /// comment would seem edited or cut short. True when there was one. (A raw NUL byte is no JSON and rejects the line.)
    mutating func replaceNULCharacters() -> Bool {
        func mend(_ s: inout String) -> Bool {
            guard s.utf8.contains(0) else { return false }
            s = s.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
            return true
        }
        func mend(_ s: inout String?) -> Bool {
            guard var value = s, mend(&value) else { return false }
            s = value
            return true
        }
        let fields = [mend(&id), mend(&text), mend(&author.handle), mend(&author.name), mend(&author.id), mend(&threadID),
                      mend(&inReplyTo), mend(&channel), mend(&url), mend(&lang)]
        return fields.contains(true)
    }
}

/// One element read from an import file: a record, or the reason it could not be read, with its place.
public struct ImportItem: Sendable {
    /// The 1-based line where the element starts (or its row for CSV).
    public var line: Int
    public var result: Result<CommentRecord, RecordProblem>
    /// Why a record that is kept deserves a look (reported as a warning when it is stored).
    public var note: String?

    public init(line: Int, _ result: Result<CommentRecord, RecordProblem>, note: String? = nil) {
        self.line = line
        self.result = result
        self.note = note
    }

    /// The note for a record whose bytes were not all UTF-8.
    public static let replacedBytes = "kept, but some bytes are not UTF-8 and were replaced with \u{FFFD}, which stays (importing the comment again changes nothing): export such files as UTF-8 before importing them"
    /// The note for a record whose NUL characters (`\u0000`) were replaced.
    public static let replacedNUL = "kept, but it holds a NUL character (\\u0000), replaced with \u{FFFD} so that the text is never cut short at it"
}
