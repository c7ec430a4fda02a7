import Foundation

/// X (Twitter) API v2 responses and the account archive's `tweets.js`.
///
/// - API v2: `{"data": [tweet…], "includes": {"users": […]}, "meta": {…}}` (a lookup's single `data` object too),
///   one response per file, several one after another, or one per line as twarc2 writes them; twarc2's
///   flattened tweets (one tweet per line with its `author` inline) as well. The author is the `includes.users`
///   entry of `author_id`; the reply link is the `replied_to` entry of `referenced_tweets`; the thread is
///   `conversation_id`. A note tweet's full `note_tweet.text` is preferred to the cut `text`; `t.co` links are
///   shown as their `expanded_url`, and X's `&amp;` `&lt;` `&gt;` are decoded. Retweets (`referenced_tweets` of type
///   `retweeted`) repeat someone else's post and are passed over.
/// - Archive: `window.YTD.tweets.part0 = [{"tweet": {…}}, …]` with `id_str`, `full_text`, legacy `created_at`
///   (`Tue Oct 31 22:10:47 +0000 2017`), `in_reply_to_status_id_str`. An archive holds the account owner's own
///   tweets, so its replies are imported as the agency's replies (author `archiveOwner`); its original posts
///   and retweets answer no one and are passed over.
///
/// - API v1.1 tweets (`statuses/mentions_timeline`, search, twarc1): objects with `id_str`, `full_text` (or `text`,
///   or `extended_tweet.full_text`) and their author in `user` (`screen_name`, `id_str`, `name`); the reply link is
///   `in_reply_to_status_id_str`, and the conversation follows the reply chain. Retweets are passed over. An object
///   with a `user` is never taken for an archive's: an archive's tweets name no author, being all the owner's.
///
/// `includes.tweets` holds the tweets referred to (quoted, answered), which may be anyone's and are not the listing
/// asked for: only the agency's own are imported (`CommentRecord.onlyIfAgency`) — its answer a citizen replied to, which
/// stops the clock of what it answered and makes the reply a follow-up.
public struct XV2Format: ImportFormat {
    /// Who wrote the tweets of an archive (the agency's account); the CLI may pass the configured channel.
    public var archiveOwner: Author

    /// The format; `archiveOwner` is the author given to an archive's tweets.
    public init(archiveOwner: Author = Author(handle: "[archive owner]")) { self.archiveOwner = archiveOwner }
    public var name: String { "x-v2" }

    static let expected = "an X API v2 response with a `data` array (and `includes.users`), one tweet per line, or an archive's tweets.js"
    static let example = "2026-11-30T02:15:00.000Z"

    public func confidence(sample: String, fileName: String) -> Int {
        let keys = SampleKeys(sample)
        if let script = PlatformPages.scriptName(sample), script.hasPrefix("window.YTD.") {
            return keys.has("full_text") || keys.has("id_str") || script.contains("tweets") ? 95 : 30
        }
        let tweetKeys = keys.count(["author_id", "conversation_id", "edit_history_tweet_ids", "referenced_tweets", "in_reply_to_user_id"])
        if keys.has("data"), tweetKeys > 0 { return 88 + min(tweetKeys, 4) }
        if keys.has("text"), tweetKeys >= 2 { return 90 }
        if keys.has("full_text"), keys.has("id_str") { return 80 }
        return 0
    }

    public func read(_ data: Data, emit: (ImportItem) throws -> Void) throws {
        try PlatformRecords.read(data, expected: Self.expected, emit: emit) { f, records in page(f, &records) }
    }

    private func page(_ f: PlatformFields, _ records: inout PlatformRecords) {
        if let data = f.object["data"], !data.isNull {
            response(f, data: data, &records)
        } else if let entry = f.fields("tweet") {
            records.add(line: f.line) { () throws(RecordProblem) in try archived(entry) }
        } else if f.object["full_text"] != nil || f.object["id_str"] != nil {
            if let user = f.fields("user") {
                records.add(line: f.line) { () throws(RecordProblem) in try Self.legacy(f, user: user) }
            } else {
                records.add(line: f.line) { () throws(RecordProblem) in try archived(f) }
            }
        } else if f.object["text"] != nil, f.object["id"] != nil {
            let author = f.fields("author").flatMap(Self.user)
            records.add(line: f.line) { () throws(RecordProblem) in try Self.tweet(f) { _ in author } }
            Self.noteEdits(f, &records)
        } else if f.fields("meta")?.object["result_count"] != nil {
            return // An empty page: nothing matched.
        } else {
            records.reject(f.line, "expected \(Self.expected); found \(JSONShape.describe(f.value))")
        }
    }

    private func response(_ f: PlatformFields, data: JSONValue, _ records: inout PlatformRecords) {
        var users: [String: Author] = [:]
        for u in f.fields("includes")?.array("users") ?? [] {
            if let user = PlatformFields(u, line: f.line), let id = user.string("id"), let author = Self.user(user) { users[id] = author }
        }
        let tweets = data.arrayValue ?? [data]
        let context = f.fields("includes")?.array("tweets") ?? []
        let listed = context.isEmpty ? [] : Set(tweets.compactMap { $0["id"]?.stringValue })
        for t in context {
            guard let id = t["id"]?.stringValue, !listed.contains(id), let tweet = PlatformFields(t, line: t.sourceLine ?? f.line) else { continue }
            // Context is never a problem of the file: one that cannot be read is passed over.
            if let record = try? Self.tweet(tweet, user: { users[$0] }) {
                var context = record
                context.onlyIfAgency = true
                records.add(context, line: tweet.line)
            }
        }
        for t in tweets {
            let line = t.sourceLine ?? f.line
            switch PlatformFields.element(t, line: line, expected: "a tweet object in `data`") {
            case .failure(let p): records.reject(line, p.message)
            case .success(let tweet):
                let parent = Self.impliedParent(of: tweet, among: tweets)
                records.add(line: line) { () throws(RecordProblem) in try Self.tweet(tweet, impliedParent: parent) { users[$0] } }
                Self.noteEdits(tweet, &records)
            }
        }
    }

    /// An edited post lists its versions, oldest first (`edit_history_tweet_ids`), in each version as fetched: when the
    /// file holds several, they are one comment (`PlatformRecords.edited`). The latest version names all the earlier
    /// ones; an earlier version fetched after the edit names the latest.
    static func noteEdits(_ t: PlatformFields, _ records: inout PlatformRecords) {
        guard let versions = t.array("edit_history_tweet_ids")?.compactMap(\.stringValue), let latest = versions.last,
              versions.count > 1 else { return }
        for old in versions.dropLast() { records.edited(old, into: latest, versions: versions.count) }
    }

    /// An `includes.users` entry (or twarc2's inline `author`).
    static func user(_ u: PlatformFields) -> Author? {
        guard let handle = u.string("username") else { return nil }
        return Author(id: u.string("id"), handle: handle, name: u.string("name"))
    }

    /// What a reply answers when the response leaves out `referenced_tweets` (a `tweet.fields` without it): the tweet
    /// names whom it answers (`in_reply_to_user_id`) and its conversation, so it answers that person's latest earlier
    /// tweet in the conversation among `tweets`, or else the conversation's first tweet unless another wrote it.
    static func impliedParent(of t: PlatformFields, among tweets: [JSONValue]) -> String? {
        guard t.object["referenced_tweets"] == nil, let addressee = t.string("in_reply_to_user_id"),
              let conversation = t.string("conversation_id"), let id = t.string("id"), conversation != id else { return nil }
        let written = t.string("created_at") ?? ""
        var root: JSONValue?
        var latest: (id: String, at: String)?
        for other in tweets where other["conversation_id"]?.stringValue == conversation {
            guard let otherID = other["id"]?.stringValue, otherID != id else { continue }
            if otherID == conversation { root = other }
            guard other["author_id"]?.stringValue == addressee, let at = other["created_at"]?.stringValue, at < written else { continue }
            if latest.map({ at > $0.at }) ?? true { latest = (otherID, at) }
        }
        if let latest { return latest.id }
        if let author = root?["author_id"]?.stringValue, author != addressee { return nil }
        return conversation
    }

    /// A v2 tweet object; `user` finds the author of an `author_id`; `impliedParent` is what it answers when it names no
    /// `replied_to` tweet. nil for a retweet: it repeats someone else's post and answers no one (a quote tweet, which
    /// adds words of its own, is kept).
    static func tweet(_ t: PlatformFields, impliedParent: String? = nil, user: (String) -> Author?) throws(RecordProblem) -> CommentRecord? {
        let id = try t.id("id", "the tweet id")
        if (t.array("referenced_tweets") ?? []).contains(where: { $0["type"]?.stringValue == "retweeted" }) { return nil }
        var text = try t.text("text", "the tweet's text")
        let note = t.fields("note_tweet")
        if let long = note?.string("text") { text = long }
        let created = try t.time("created_at", example: example)
        let authorID = t.string("author_id")
        let author = authorID.flatMap(user) ?? Author(id: authorID, handle: PlatformFields.missingAuthor.handle)
        var inReplyTo = impliedParent
        for ref in t.array("referenced_tweets") ?? [] where ref["type"]?.stringValue == "replied_to" {
            inReplyTo = ref["id"]?.stringValue
        }
        let url = author.id != nil && author.handle != PlatformFields.missingAuthor.handle
            ? "https://x.com/\(author.handle)/status/\(id)" : "https://x.com/i/web/status/\(id)"
        var record = CommentRecord(platform: .x, id: id, author: author, text: expanded(text, note?.fields("entities") != nil ? note! : t),
                                   createdAt: created, threadID: t.string("conversation_id"), inReplyTo: inReplyTo, url: url, lang: t.language("lang"))
        if let versions = t.array("edit_history_tweet_ids")?.compactMap(\.stringValue), let own = versions.firstIndex(of: id) {
            record.earlierVersions = Array(versions[..<own])
        }
        return record
    }

    /// An API v1.1 tweet written by `user`; nil for a retweet.
    static func legacy(_ t: PlatformFields, user: PlatformFields) throws(RecordProblem) -> CommentRecord? {
        let (id, created) = try legacyIDAndTime(t)
        guard t.object["retweeted_status"] == nil else { return nil }
        let extended = t.fields("extended_tweet")
        let text: String
        if let full = extended?.string("full_text") { text = expanded(full, extended!) } else { text = expanded(try legacyText(t), t) }
        let author = user.string("screen_name").map { Author(id: user.string("id_str"), handle: $0, name: user.string("name")) }
            ?? Author(id: user.string("id_str"), handle: Author.unknown.handle)
        let url = author.isKnown ? "https://x.com/\(author.handle)/status/\(id)" : "https://x.com/i/web/status/\(id)"
        return CommentRecord(platform: .x, id: id, author: author, text: text, createdAt: created,
                             inReplyTo: t.string("in_reply_to_status_id_str"), url: url, lang: t.language("lang"))
    }

    /// An archive tweet (the `tweet` of a tweets.js entry); nil for original posts and retweets.
    func archived(_ t: PlatformFields) throws(RecordProblem) -> CommentRecord? {
        let (id, created) = try Self.legacyIDAndTime(t)
        let text = try Self.legacyText(t)
        guard let parent = t.string("in_reply_to_status_id_str") ?? t.string("in_reply_to_status_id"),
              !text.hasPrefix("RT @"), t.object["retweeted_status"] == nil else { return nil }
        return CommentRecord(platform: .x, id: id, author: archiveOwner, text: Self.expanded(text, t), createdAt: created,
                             inReplyTo: parent, url: "https://x.com/i/web/status/\(id)", lang: t.language("lang"), fromAgency: true)
    }

    /// A legacy tweet's (v1.1, archive) id (`id_str`, or `id`) and time (`Tue Oct 31 22:10:47 +0000 2017`).
    static func legacyIDAndTime(_ t: PlatformFields) throws(RecordProblem) -> (String, Date) {
        let id: String
        if let s = t.string("id_str") { id = s } else { id = try t.id("id", "the tweet id") }
        return (id, try t.time("created_at", example: "Tue Oct 31 22:10:47 +0000 2017"))
    }

    /// A legacy tweet's text: `full_text`, or `text` when that is all it has.
    static func legacyText(_ t: PlatformFields) throws(RecordProblem) -> String {
        try t.text(t["text"] != nil && t["full_text"] == nil ? "text" : "full_text", "the tweet's text")
    }

    /// The text with `t.co` links shown as the address they stand for (from the `entities` of `t`: the tweet, or its
    /// `note_tweet`, whose links are listed there), and X's HTML escapes decoded.
    static func expanded(_ text: String, _ t: PlatformFields) -> String {
        var out = text
        if UTF8Search.contains(out, "https://t.co/"), let urls = t.fields("entities")?.array("urls") {
            for u in urls {
                guard let short = u["url"]?.stringValue, let long = u["expanded_url"]?.stringValue, !long.isEmpty else { continue }
                out = UTF8Search.replacing(short, with: long, in: out)
            }
        }
        return HTMLText.decodeEntities(out)
    }
}
