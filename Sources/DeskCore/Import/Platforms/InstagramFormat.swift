import Foundation

/// Instagram Graph API comment listings: `{"data": [comment…], "paging": {…}}` from `/{ig-media-id}/comments` with
/// replies nested as `replies.data[]`, reply listings from `/{ig-comment-id}/replies`, a media object with its
/// `comments` edge (`/{ig-media-id}?fields=username,comments{…}`) or a listing of such media; several pages in one
/// file.
///
/// The author is `username` or `from.username` (a comment without either becomes `[deleted]`). When the file
/// names the media's owner (`username` of a media object, or `ownerUsername`), that account's comments are the
/// agency's replies. Instagram replies hang under the top-level comment, which names the thread.
public struct InstagramFormat: ImportFormat {
    /// The agency's Instagram username, when known from elsewhere.
    public var ownerUsername: String?

    /// The format; `ownerUsername` marks that account's comments as the agency's when the file does not name it.
    public init(ownerUsername: String? = nil) { self.ownerUsername = ownerUsername }
    public var name: String { "instagram" }

    static let expected = "a Graph API listing with a `data` array of Instagram comments"
    static let example = "2026-11-30T09:15:00+0000"

    public func confidence(sample: String, fileName: String) -> Int {
        let keys = SampleKeys(sample)
        guard keys.has("timestamp"), keys.has("text") else { return 0 }
        var score = 50
        if keys.has("username") { score += 15 }
        score += 5 * keys.count(["like_count", "parent_id", "replies", "media_product_type"])
        if keys.has("data") || keys.has("paging") { score += 10 }
        return min(score, 90)
    }

    public func read(_ data: Data, emit: (ImportItem) throws -> Void) throws {
        try PlatformRecords.read(data, threads: .chainRoot, expected: Self.expected, emit: emit) { f, records in page(f, &records) }
    }

    private func page(_ f: PlatformFields, _ records: inout PlatformRecords) {
        if let listing = GraphListing(f) {
            let parent = listing.edge == "replies" ? listing.objectID : nil
            for e in listing.data {
                if let m = PlatformFields(e, line: f.line), m.object["comments"] != nil, m.object["text"] == nil {
                    media(m, &records)
                } else if let m = PlatformFields(e, line: f.line), Self.isMediaWithoutComments(m) {
                    continue // The Graph API leaves the `comments` edge out of a post nobody commented on.
                } else {
                    comment(e, line: e.sourceLine ?? f.line, parent: parent, owner: ownerUsername, &records)
                }
            }
        } else if f.object["comments"] != nil, f.object["text"] == nil {
            media(f, &records)
        } else if Self.isMediaWithoutComments(f) {
            return
        } else if f.object["timestamp"] != nil {
            comment(f.value, line: f.line, parent: nil, owner: ownerUsername, &records)
        } else {
            records.reject(f.line, "expected \(Self.expected); found \(JSONShape.describe(f.value))")
        }
    }

    /// A media object (a post: `caption`, `media_type`, `media_url` or `permalink`, no `text`) listed without a `comments`
    /// edge: nobody commented on it.
    static func isMediaWithoutComments(_ m: PlatformFields) -> Bool {
        m.object["text"] == nil && m.object["comments"] == nil
            && ["caption", "media_type", "media_url", "permalink", "media_product_type"].contains { m.object[$0] != nil }
    }

    /// A media object with its comments edge; its `username` is the owner, whose comments are the agency's.
    private func media(_ m: PlatformFields, _ records: inout PlatformRecords) {
        let owner = m.string("username") ?? ownerUsername
        guard let edge = m.fields("comments"), let listing = GraphListing(edge) else {
            records.reject(m.line, "a media object whose `comments` is not a listing with a `data` array; found \(JSONShape.describe(m.object["comments"] ?? .null))")
            return
        }
        for e in listing.data { comment(e, line: e.sourceLine ?? m.line, parent: nil, owner: owner, &records) }
    }

    private func comment(_ value: JSONValue, line: Int, parent: String?, owner: String?, _ records: inout PlatformRecords) {
        records.addNested(value, line: line, expected: "an Instagram comment object", repliesKey: "replies", parent: parent) {
            f, parent throws(RecordProblem) in try Self.record(f, parent: parent, owner: owner)
        }
    }

    static func record(_ f: PlatformFields, parent: String?, owner: String?) throws(RecordProblem) -> CommentRecord {
        let id = try f.id("id", "the comment id")
        let created = try f.time("timestamp", example: example)
        let text = try f.text("text", "the comment's text")
        var author = PlatformFields.missingAuthor
        let from = f.fields("from")
        if let handle = f.string("username") ?? from?.string("username") {
            author = Author(id: from?.string("id") ?? f.fields("user")?.string("id"), handle: handle)
        }
        let fromAgency = owner.map { Author.normalizedHandle($0) == author.atHandle } ?? false
        return CommentRecord(platform: .instagram, id: id, author: author, text: text, createdAt: created,
                             inReplyTo: f.string("parent_id") ?? parent, fromAgency: fromAgency)
    }
}
