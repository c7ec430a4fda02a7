import Foundation

/// Facebook Graph API comment listings: `{"data": [comment…], "paging": {…}}` pages from `/{object-id}/comments`
/// (replies nested as `comments.data[]`, or listed flat with `parent {id}` under `filter=stream`), an object
/// with its `comments` edge (`/{post-id}?fields=comments{…}`), several pages in one file (one after another,
/// one per line, or in an array).
///
/// Facebook has no handles: the author is `from.name`, with `from.id` as the author id. `from` is left out for
/// people who have not authorised the app or whose account is gone: they become `[deleted]`. A comment whose
/// `from.id` is the Page's id is the agency's own reply; the Page id is `pageID` when given, else read from the
/// listing's paging links or the post's id (`PAGEID_POSTID`). The thread is the top-level comment with its
/// replies, as Facebook shows them.
public struct FacebookFormat: ImportFormat {
    /// The agency's Page id, when known from elsewhere.
    public var pageID: String?

    /// The format; `pageID` marks that Page's comments as the agency's when the file does not name it.
    public init(pageID: String? = nil) { self.pageID = pageID }
    public var name: String { "facebook" }

    static let expected = "a Graph API listing with a `data` array of comments"
    static let example = "2026-11-30T09:15:00+0000"

    public func confidence(sample: String, fileName: String) -> Int {
        let keys = SampleKeys(sample)
        guard keys.has("created_time") else { return 0 }
        var score = 50
        if keys.has("message") { score += 15 }
        if keys.has("from") { score += 10 }
        if keys.has("data") || keys.has("paging") { score += 10 }
        if keys.has("permalink_url") || keys.has("parent") || keys.has("comment_count") { score += 5 }
        return score
    }

    public func read(_ data: Data, emit: (ImportItem) throws -> Void) throws {
        try PlatformRecords.read(data, threads: .chainRoot, expected: Self.expected, emit: emit) { f, records in page(f, &records) }
    }

    private func page(_ f: PlatformFields, _ records: inout PlatformRecords) {
        if let listing = GraphListing(f) {
            comments(listing, objectID: listing.objectID, line: f.line, &records)
        } else if let edge = f.fields("comments"), let listing = GraphListing(edge), f.object["created_time"] == nil {
            // A post (or photo, video) with its comments edge: the post is the agency's, its comments are not.
            comments(listing, objectID: f.string("id"), line: f.line, &records)
        } else if f.object["created_time"] != nil {
            comments([f.value], line: f.line, page: pageID, parent: nil, &records)
        } else {
            records.reject(f.line, "expected \(Self.expected); found \(JSONShape.describe(f.value))")
        }
    }

    private func comments(_ listing: GraphListing, objectID: String?, line: Int, _ records: inout PlatformRecords) {
        let (page, parent) = context(objectID: objectID, elements: listing.data)
        comments(listing.data, line: line, page: page, parent: parent, &records)
    }

    private func comments(_ elements: [JSONValue], line: Int, page: String?, parent: String?, _ records: inout PlatformRecords) {
        for e in elements {
            records.addNested(e, line: e.sourceLine ?? line, expected: "a Graph API comment object", repliesKey: "comments", parent: parent) {
                f, parent throws(RecordProblem) in try Self.record(f, parent: parent, pageID: page)
            }
        }
    }

    /// The Page id and the parent comment implied by the listed object: `PAGEID_POSTID` lists a post's comments
    /// (their ids start `POSTID_`); `POSTID_COMMENTID` lists a comment's replies.
    private func context(objectID: String?, elements: [JSONValue]) -> (page: String?, parent: String?) {
        guard let object = objectID else { return (pageID, nil) }
        let parts = object.split(separator: "_", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return (pageID, nil) }
        let ids = elements.compactMap { $0["id"]?.stringValue }
        if ids.contains(where: { $0.hasPrefix(parts[1] + "_") }) { return (pageID ?? parts[0], nil) }
        if ids.contains(where: { $0.hasPrefix(parts[0] + "_") }) { return (pageID, object) }
        return (pageID, nil)
    }

    static func record(_ f: PlatformFields, parent: String?, pageID: String?) throws(RecordProblem) -> CommentRecord {
        let id = try f.id("id", "the comment id")
        let created = try f.time("created_time", example: example)
        let attachment = f.fields("attachment")
        var text = attachment != nil && f["message"] == nil ? "" : try f.text("message", "the comment's text")
        if let a = attachment {
            text += (text.isEmpty ? "" : "\n") + PlatformFields.attachmentNote(a.string("type") ?? "attachment", a.string("description") ?? a.string("title"))
        }
        var author = PlatformFields.missingAuthor
        var fromAgency = false
        if let from = f.fields("from"), let handle = from.string("name") ?? from.string("id") {
            author = Author(id: from.string("id"), handle: handle, name: from.string("name"))
            fromAgency = pageID != nil && from.string("id") == pageID
        }
        return CommentRecord(platform: .facebook, id: id, author: author, text: text, createdAt: created,
                             inReplyTo: f.fields("parent")?.string("id") ?? parent, url: f.string("permalink_url"), fromAgency: fromAgency)
    }
}
