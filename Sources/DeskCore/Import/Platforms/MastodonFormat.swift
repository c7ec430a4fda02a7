import Foundation

/// Mastodon REST API entities: arrays of Notification entities (`GET /api/v1/notifications`, type `mention`, or
/// `quote` (Mastodon 4.5: someone quoted the agency's post, with words of their own), with its `status`) or of Status entities (timelines, `GET /api/v1/statuses/:id/context`'s `ancestors` and
/// `descendants`), one page or several (an array of arrays, arrays one after another, or one per line).
///
/// `content` is HTML and becomes plain text (`HTMLText`); a non-empty `spoiler_text` is kept as a first line
/// `CW: …`, and media are noted as `[image: description]` lines. The author is `account.acct` (`user` on the
/// same server, `user@server` elsewhere). The thread is the root of the `in_reply_to_id` chain when the whole
/// chain is in the file; otherwise the importer links the comment under its parent's thread. Other notification
/// types (favourites, boosts, follows) and boosts themselves are not comments and are passed over.
///
/// With `ownAccountID` (the agency's account id, from `GET /api/v1/accounts/verify_credentials`), that account's
/// statuses are the agency's own: those that answer something (`in_reply_to_id`) are its replies
/// (`from_agency`), and its original posts, which answer no one, are passed over like boosts.
public struct MastodonFormat: ImportFormat {
    /// The agency's account id on the server the entities come from, if known.
    public var ownAccountID: String?

    public init(ownAccountID: String? = nil) { self.ownAccountID = ownAccountID }
    public var name: String { "mastodon" }

    static let expected = "Mastodon Notification or Status entities in an array"

    public func confidence(sample: String, fileName: String) -> Int {
        let keys = SampleKeys(sample)
        guard keys.has("acct"), keys.has("content") || keys.has("status") else { return 0 }
        var score = 60
        if keys.has("in_reply_to_id") || keys.has("spoiler_text") { score += 25 }
        if keys.contains("\"mention\"") || keys.has("visibility") { score += 7 }
        return score
    }

    public func read(_ data: Data, emit: (ImportItem) throws -> Void) throws {
        let own = ownAccountID
        try PlatformRecords.read(data, threads: .completeChainRoot, expected: Self.expected, emit: emit) { f, records in
            Self.entity(f, own: own, &records)
        }
    }

    private static func entity(_ f: PlatformFields, own: String?, _ records: inout PlatformRecords) {
        if f.object["ancestors"] != nil || f.object["descendants"] != nil {
            // A status context (`GET /api/v1/statuses/:id/context`).
            for e in (f.array("ancestors") ?? []) + (f.array("descendants") ?? []) {
                guard let s = PlatformFields(e, line: f.line) else {
                    records.reject(e.sourceLine ?? f.line, "expected a Mastodon Status entity; found \(JSONShape.describe(e))")
                    continue
                }
                entity(s, own: own, &records)
            }
        } else if let type = f.string("type"), f.object["status"] != nil || f.object["account"] != nil, f.object["content"] == nil {
            // A Notification: only mentions and quotes carry a comment addressed to the agency.
            guard type == "mention" || type == "quote" else { return }
            guard let status = f.fields("status") else {
                // `"status": null`: the post was deleted (or hidden) since; nothing is left to answer.
                if f.object["status"]?.isNull == true { return }
                records.reject(f.line, "a `\(type)` notification without its `status` (the post that \(type == "quote" ? "quotes" : "mentions") the agency)")
                return
            }
            records.add(line: f.line) { () throws(RecordProblem) in try Self.status(status, own: own) }
        } else if f.object["content"] != nil || f.object["account"] != nil || f.object["in_reply_to_id"] != nil {
            records.add(line: f.line) { () throws(RecordProblem) in try Self.status(f, own: own) }
        } else {
            records.reject(f.line, "expected a Mastodon Notification or Status entity; found \(JSONShape.describe(f.value))")
        }
    }

    /// The record of a Status entity; nil for a boost (a reblog is not a comment) and for an original post of the
    /// account `own` (it answers no one).
    static func status(_ s: PlatformFields, own: String?) throws(RecordProblem) -> CommentRecord? {
        if s.object["reblog"]?.objectValue != nil { return nil }
        let account = s.fields("account")
        let fromAgency = own != nil && account?.string("id") == own
        if fromAgency, s.string("in_reply_to_id") == nil { return nil }
        let id = try s.id("id", "the status id")
        let created = try s.time("created_at", example: "2026-11-30T02:15:00.000Z")
        let html = try s.text("content", "the post's HTML")
        var text = HTMLText.plainText(html)
        if let cw = s.string("spoiler_text") { text = "CW: \(HTMLText.decodeEntities(cw))\n" + text }
        for m in s.array("media_attachments") ?? [] {
            guard let media = PlatformFields(m, line: s.line) else { continue }
            text += (text.isEmpty ? "" : "\n") + PlatformFields.attachmentNote(media.string("type") ?? "media", media.string("description"))
        }
        if let options = s.fields("poll")?.array("options") {
            let titles = options.compactMap { $0["title"]?.stringValue }
            if !titles.isEmpty { text += (text.isEmpty ? "" : "\n") + "[poll: " + titles.joined(separator: " / ") + "]" }
        }
        var author = PlatformFields.missingAuthor
        if let a = account, let handle = a.string("acct") ?? a.string("username") {
            author = Author(id: a.string("id"), handle: handle, name: a.string("display_name"))
        }
        return CommentRecord(platform: .mastodon, id: id, author: author, text: text, createdAt: created,
                             inReplyTo: s.string("in_reply_to_id"), url: s.string("url") ?? s.string("uri"),
                             lang: s.language("language"), fromAgency: fromAgency)
    }
}
