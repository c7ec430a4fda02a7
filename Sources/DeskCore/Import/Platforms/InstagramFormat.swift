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
        var reader = Reader(owner: ownerUsername)
        PlatformPages.read(data) { page in
            switch page {
            case .invalid(let line, let message): reader.records.reject(line, message)
            case .value(let value, let line): reader.page(value, line: line)
            }
        }
        try reader.records.emit(emit)
    }

    private struct Reader {
        let owner: String?
        var records = PlatformRecords(threads: .chainRoot)

        mutating func page(_ value: JSONValue, line: Int) {
            guard let f = PlatformFields(value, line: line) else {
                if let elements = value.arrayValue {
                    for e in elements { page(e, line: e.sourceLine ?? line) }
                } else {
                    records.reject(line, "expected \(InstagramFormat.expected); found \(JSONShape.describe(value))")
                }
                return
            }
            if let listing = GraphListing(f) {
                let parent = listing.edge == "replies" ? listing.objectID : nil
                for e in listing.data {
                    if let m = PlatformFields(e, line: f.line), m.object["comments"] != nil, m.object["text"] == nil {
                        media(m)
                    } else {
                        comment(e, line: e.sourceLine ?? f.line, parent: parent, owner: owner)
                    }
                }
            } else if f.object["comments"] != nil, f.object["text"] == nil {
                media(f)
            } else if let error = JSONShape.apiError(value) {
                records.reject(f.line, "expected \(InstagramFormat.expected); found an API error response (\(error))")
            } else if f.object["timestamp"] != nil {
                comment(value, line: f.line, parent: nil, owner: owner)
            } else {
                records.reject(f.line, "expected \(InstagramFormat.expected); found \(JSONShape.describe(value))")
            }
        }

        /// A media object with its comments edge; its `username` is the owner, whose comments are the agency's.
        mutating func media(_ m: PlatformFields) {
            let mediaOwner = m.string("username") ?? owner
            guard let edge = m.fields("comments"), let listing = GraphListing(edge) else {
                records.reject(m.line, "a media object whose `comments` is not a listing with a `data` array; found \(JSONShape.describe(.object(m.fields("comments")?.object ?? [:])))")
                return
            }
            for e in listing.data { comment(e, line: e.sourceLine ?? m.line, parent: nil, owner: mediaOwner) }
        }

        mutating func comment(_ value: JSONValue, line: Int, parent: String?, owner: String?) {
            switch PlatformFields.element(value, line: line, expected: "an Instagram comment object") {
            case .failure(let p): records.reject(line, p.message)
            case .success(let f):
                records.add(line: f.line) { () throws(RecordProblem) in try InstagramFormat.record(f, parent: parent, owner: owner) }
                let id = f.string("id")
                for reply in f.fields("replies")?.array("data") ?? [] {
                    comment(reply, line: reply.sourceLine ?? f.line, parent: id, owner: owner)
                }
            }
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
