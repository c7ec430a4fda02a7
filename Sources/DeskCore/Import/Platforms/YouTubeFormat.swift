import Foundation

/// YouTube Data API v3 listings: `commentThreads.list` responses (`items[]` of `youtube#commentThread`, each with
/// `snippet.topLevelComment` and `replies.comments[]`) and `comments.list` responses (`youtube#comment` items with
/// `snippet.parentId`); several pages in one file (one after another, one per line, or in an array).
///
/// The text is `textOriginal` (what the author typed), else the HTML `textDisplay` made plain. The author is
/// `authorDisplayName` (an `@handle` since 2023) with `authorChannelId.value` as id; a comment whose author channel
/// is the video's channel (`snippet.channelId` of the thread) is the agency's own reply. The thread is the
/// commentThread: the top-level comment and its replies.
public struct YouTubeFormat: ImportFormat {
    public init() {}
    public var name: String { "youtube" }

    static let expected = "a YouTube Data API commentThreads listing with an `items` array"
    static let example = "2026-11-30T02:15:00Z"

    public func confidence(sample: String, fileName: String) -> Int {
        let keys = SampleKeys(sample)
        if keys.contains("\"youtube#commentThread") || keys.contains("\"youtube#comment") || keys.has("topLevelComment") { return 95 }
        return keys.has("authorDisplayName") && keys.has("publishedAt") ? 80 : 0
    }

    public func read(_ data: Data, emit: (ImportItem) throws -> Void) throws {
        try PlatformRecords.read(data, expected: Self.expected, emit: emit) { f, records in Self.page(f, &records) }
    }

    private static func page(_ f: PlatformFields, _ records: inout PlatformRecords) {
        if let items = f.array("items") {
            for item in items { self.item(item, line: item.sourceLine ?? f.line, &records) }
        } else if f.object["snippet"] != nil {
            item(f.value, line: f.line, &records)
        } else {
            records.reject(f.line, "expected \(expected); found \(JSONShape.describe(f.value))")
        }
    }

    /// A commentThread, or a comment of a `comments.list` response.
    private static func item(_ value: JSONValue, line: Int, _ records: inout PlatformRecords) {
        guard let f = PlatformFields(value, line: line) else {
            records.reject(line, "expected a commentThread resource; found \(JSONShape.describe(value))")
            return
        }
        let snippet = f.fields("snippet")
        let isThread = f.string("kind") == "youtube#commentThread" || snippet?.object["topLevelComment"] != nil
        guard isThread else {
            records.add(line: f.line) { () throws(RecordProblem) in try comment(f, thread: nil, parent: nil, owner: nil, video: nil) }
            return
        }
        guard let snippet, let top = snippet.fields("topLevelComment") else {
            records.reject(f.line, "a commentThread without `snippet.topLevelComment` (the comment itself); found \(snippet?.keyList ?? f.keyList)")
            return
        }
        let thread = f.string("id") ?? top.string("id")
        let owner = snippet.string("channelId")
        let video = snippet.string("videoId")
        records.add(line: top.line) { () throws(RecordProblem) in try comment(top, thread: thread, parent: nil, owner: owner, video: video) }
        for reply in f.fields("replies")?.array("comments") ?? [] {
            guard let r = PlatformFields(reply, line: top.line) else {
                records.reject(reply.sourceLine ?? top.line, "expected a comment resource in `replies.comments`; found \(JSONShape.describe(reply))")
                continue
            }
            records.add(line: r.line) { () throws(RecordProblem) in
                try comment(r, thread: thread, parent: top.string("id"), owner: owner, video: video)
            }
        }
    }

    static func comment(_ c: PlatformFields, thread: String?, parent: String?, owner: String?, video: String?) throws(RecordProblem) -> CommentRecord {
        let id = try c.id("id", "the comment id")
        guard let s = c.fields("snippet") else { throw RecordProblem("missing `snippet` (the comment's text, author and time); found \(c.keyList)") }
        let text: String
        if s["textOriginal"] != nil {
            text = try s.text("textOriginal", "the comment's text")
        } else if s["textDisplay"] != nil {
            text = HTMLText.plainText(try s.text("textDisplay", "the comment's text"))
        } else {
            throw RecordProblem("missing `snippet.textOriginal` (or `textDisplay`): the comment's text; found snippet \(s.keyList)")
        }
        let created = try s.time("publishedAt", example: example)
        let channel = s.fields("authorChannelId")?.string("value")
        var author = PlatformFields.missingAuthor
        if let handle = s.string("authorDisplayName") ?? channel {
            author = Author(id: channel, handle: handle, name: s.string("authorDisplayName"))
        }
        let ownerChannel = owner ?? s.string("channelId")
        let inReplyTo = s.string("parentId") ?? parent
        let videoID = video ?? s.string("videoId")
        return CommentRecord(platform: .youtube, id: id, author: author, text: text, createdAt: created,
                             threadID: thread ?? inReplyTo ?? id, inReplyTo: inReplyTo,
                             url: videoID.map { "https://www.youtube.com/watch?v=\($0)&lc=\(id)" },
                             fromAgency: channel != nil && channel == ownerChannel)
    }
}
