import Foundation

/// Facebook Graph API comment listings: `{"data": [comment…], "paging": {…}}` pages from `/{object-id}/comments`
/// (replies nested as `comments.data[]`, or listed flat with `parent {id}` under `filter=stream`), an object
/// with its `comments` edge (`/{post-id}?fields=comments{…}`), a Page's post listings with their comments
/// (`/{page-id}/feed`, `/posts`, `/published_posts`, `/visitor_posts` with `fields=…,comments{…}`), several pages
/// in one file (one after another, one per line, or in an array).
///
/// A post is told from a comment by the edge its listing names, by being written by the Page its id starts
/// with (`PAGEID_POSTID`), or by holding comments whose ids start with its own post part (`POSTID_…`). The Page's
/// own posts answer no one and are not imported (a post without `from` counts as the Page's own: the API leaves
/// `from` out only where the reader may not see who wrote it — except in a listing of `/visitor_posts` or `/tagged`,
/// which holds other people's posts only: there it is a citizen's, `[deleted]`); their comments are top-level
/// comments. A visitor's post is a citizen's message like a comment, and its comments reply to it.
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
        if let listing = GraphListing(f), listing.data.contains(where: { Self.isPost($0, edge: listing.edge) }) {
            for e in listing.data { post(e, line: e.sourceLine ?? f.line, visitors: Self.visitorEdges.contains(listing.edge ?? ""), &records) }
        } else if let listing = GraphListing(f) {
            comments(listing, objectID: listing.objectID, line: f.line, &records)
        } else if Self.isPost(f.value, edge: nil) {
            post(f.value, line: f.line, visitors: false, &records)
        } else if let edge = f.fields("comments"), let listing = GraphListing(edge), f.object["created_time"] == nil {
            // A post (or photo, video) with its comments edge: the post is the agency's, its comments are not.
            comments(listing, objectID: f.string("id"), line: f.line, &records)
        } else if f.object["created_time"] != nil {
            comments([f.value], line: f.line, page: pageID, parent: nil, &records)
        } else {
            records.reject(f.line, "expected \(Self.expected); found \(JSONShape.describe(f.value))")
        }
    }

    /// The edges of a Page that list posts.
    static let postEdges: Set<String> = ["feed", "posts", "published_posts", "visitor_posts", "tagged"]
    /// The edges that list other people's posts only: there a post without `from` is a citizen's (withheld), never the Page's.
    static let visitorEdges: Set<String> = ["visitor_posts", "tagged"]

    /// Whether a listed object is a post rather than a comment (see the type's summary).
    static func isPost(_ value: JSONValue, edge: String?) -> Bool {
        if let edge, postEdges.contains(edge) { return true }
        guard let id = value["id"]?.stringValue, let (page, post) = idParts(id) else { return false }
        if value["from"]?["id"]?.stringValue == page { return true }
        let nested = value["comments"]?["data"]?.arrayValue ?? []
        return nested.contains { $0["id"]?.stringValue?.hasPrefix(post + "_") == true }
    }

    /// `A_B` split at its underscore.
    private static func idParts(_ id: String) -> (String, String)? {
        let parts = id.split(separator: "_", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    /// A post of a Page listing: the Page's own post adds only its comments (top-level, the Page known from the
    /// post's id); a visitor's post is added as a citizen's message with its comments replying to it. In a listing of
    /// `visitors`' posts, one without `from` is a citizen's whose name is withheld.
    private func post(_ value: JSONValue, line: Int, visitors: Bool, _ records: inout PlatformRecords) {
        guard let f = PlatformFields(value, line: line) else {
            records.reject(line, "expected a Graph API post object; found \(JSONShape.describe(value))")
            return
        }
        let page = pageID ?? f.string("id").flatMap(Self.idParts)?.0
        let author = f.fields("from")?.string("id")
        guard author != nil || visitors, author != page else {
            comments(f.fields("comments")?.array("data") ?? [], line: line, page: page, parent: nil, &records)
            return
        }
        comments([value], line: line, page: page, parent: nil, &records)
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
        guard let object = objectID, let (first, second) = Self.idParts(object) else { return (pageID, nil) }
        let ids = elements.compactMap { $0["id"]?.stringValue }
        if ids.contains(where: { $0.hasPrefix(second + "_") }) { return (pageID ?? first, nil) }
        if ids.contains(where: { $0.hasPrefix(first + "_") }) { return (pageID, object) }
        return (pageID, nil)
    }

    static func record(_ f: PlatformFields, parent: String?, pageID: String?) throws(RecordProblem) -> CommentRecord {
        let id = try f.id("id", "the comment id")
        let created = try f.time("created_time", example: example)
        let attachment = f.fields("attachment")
        // A post may carry a `story` ("… shared a photo") instead of a message.
        let field = f["message"] == nil && f["story"] != nil ? "story" : "message"
        var text = attachment != nil && f["message"] == nil ? "" : try f.text(field, "the comment's text")
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
