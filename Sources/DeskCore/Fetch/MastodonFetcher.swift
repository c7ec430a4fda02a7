import Foundation

/// Pulls new mentions of the agency's account, and the replies the agency wrote outside Meja, from a Mastodon
/// server through its REST API and imports them.
///
/// `GET /api/v1/notifications?types[]=mention&limit=40` with `Authorization: Bearer TOKEN`, newest first,
/// following `Link: <…>; rel="next"` to older pages until it reaches the mentions an earlier run already took
/// (`since_id`, kept in the store per instance) or the end. Then it asks whose token it is
/// (`GET /api/v1/accounts/verify_credentials`) and pages that account's own statuses the same way
/// (`GET /api/v1/accounts/:id/statuses?exclude_reblogs=true`, down to `own_since_id`): those that answer something
/// are the agency's replies, written on Mastodon's web or apps, and stop the clocks of what they answer. A token
/// without `read:accounts`/`read:statuses` (401/403), or a server without these endpoints (404), does not fail
/// the run: the mentions are imported and the outcome says why the own replies were skipped.
///
/// It respects the server's limits on every request: when `X-RateLimit-Remaining` reaches 0 it waits until
/// `X-RateLimit-Reset` before the next request, and a `429` (or `503`) is retried after its `Retry-After` (seconds
/// or an HTTP date). All waiting goes through the injected `Sleeper` and all "now" through the injected clock. The
/// statuses of both listings are then imported together with `MastodonFormat` through `Importer.importData`, so
/// deduplication, batching, oldest-first order and the log are the same as for files.
///
/// Each listing keeps its position per server (`ListingPosition`): a mark below which everything is on the desk, and,
/// after a run was cut short (a wait longer than `maxWait`, or `maxPages` reached), the gap still to fetch. The next
/// run reads what is new first, then goes on down the gap from where the last one stopped (`max_id`), so a backlog of
/// any size is taken in a few runs, each entry once; the mark moves up when the gap is closed. Entries at or below
/// where a page should stop are left out before the import, and only pages on the instance itself are followed: a
/// `Link` to another server is not (the token would go with it).
public struct MastodonFetcher: Sendable {
    /// The server, e.g. `https://mastodon.example` (no trailing slash).
    public let instance: URL
    private let token: String
    /// How requests are sent (`URLSessionHTTPClient` in the CLI).
    public var http: any HTTPClient
    /// How waits happen (tests record them instead of sleeping).
    public var sleeper: any Sleeper
    /// "Now", for rate-limit reset times and HTTP dates.
    public var clock: any WallClock
    /// Entries per page (the API's maximum is 40 for these endpoints, 80 on some servers).
    public var pageSize = 40
    /// The most pages one run reads of each listing.
    public var maxPages = 250
    /// The longest single wait (rate limit, `Retry-After`) the fetch accepts before stopping.
    public var maxWait: TimeInterval = 15 * 60
    /// Retries of one request after a 429 or a 5xx.
    public var maxRetries = 5

    /// A fetcher for `instance` (see `instanceURL(_:)`) with the account's access token (see `readToken(path:)`).
    public init(instance: URL, token: String, http: any HTTPClient = URLSessionHTTPClient(), sleeper: any Sleeper = ThreadSleeper(),
                clock: any WallClock) {
        self.instance = instance
        self.token = token
        self.http = http
        self.sleeper = sleeper
        self.clock = clock
    }

    /// What one listing (the mention notifications, or the account's own statuses) brought back.
    public struct Pages: Sendable {
        /// Each page's body as the server sent it (a JSON array of notifications or statuses), newest page first.
        public var bodies: [Data] = []
        /// The number of entries newer than the mark the listing started from.
        public var entries = 0
        /// The newest id seen, the next run's mark.
        public var newestID: String?
        /// The oldest id seen (newer than where the listing was to stop): where a cut-short run goes on from.
        public var oldestID: String?
        /// True when the run reached the mark or the end of the list.
        public var complete = true
        /// Why the run stopped early, when it did.
        public var stoppedEarly: String?
        /// Requests made, retries included.
        public var requests = 0
        /// Each wait, in seconds, in order.
        public var waits: [TimeInterval] = []
        /// Until when the last answer's rate limit (`X-RateLimit-Remaining: 0`) asks the next request to wait.
        var notBefore: Date?

        /// The number of mention notifications newer than `since_id` (for the notifications listing).
        public var mentions: Int { entries }

        /// Adds what another pass over the same listing brought (its pages after these).
        mutating func absorb(_ other: Pages) {
            bodies += other.bodies
            entries += other.entries
            for id in [other.newestID, other.oldestID].compactMap({ $0 }) {
                if newestID.map({ MastodonFetcher.isNewer(id, than: $0) }) ?? true { newestID = id }
                if oldestID.map({ MastodonFetcher.isNewer($0, than: id) }) ?? true { oldestID = id }
            }
            if !other.complete {
                complete = false
                stoppedEarly = other.stoppedEarly
            }
            requests += other.requests
            waits += other.waits
            notBefore = other.notBefore
        }
    }

    /// The token's own account, as `verify_credentials` names it.
    public struct OwnAccount: Sendable, Equatable {
        /// The account id, which its statuses carry in `account.id`.
        public var id: String
        /// `user` (on this server).
        public var acct: String

        public init(id: String, acct: String) {
            self.id = id
            self.acct = acct
        }
    }

    /// What the fetch of the account's own statuses brought back.
    public struct OwnStatuses: Sendable {
        /// The account, when the server said whose token it is.
        public var account: OwnAccount?
        /// The statuses listing (with the `verify_credentials` request counted in `requests`).
        public var pages = Pages()
        /// Why the own statuses were not fetched (the token lacks the scope, or the server has no such endpoint).
        public var skipped: String?
    }

    /// Where a listing stands between runs: everything at or below `mark` is on the desk (nil: nothing yet); after a
    /// run cut short, the entries between `mark` and `gap.below` are still to fetch, and those from `gap.below` up to
    /// `gap.top` are on the desk.
    public struct ListingPosition: Sendable, Equatable {
        public var mark: String?
        public var gap: Gap?

        /// The part of a listing a run cut short did not reach.
        public struct Gap: Sendable, Equatable {
            /// The newest id fetched so far.
            public var top: String
            /// The oldest id fetched so far: the gap is below it.
            public var below: String

            public init(top: String, below: String) {
                self.top = top
                self.below = below
            }
        }

        public init(mark: String?, gap: Gap? = nil) {
            self.mark = mark
            self.gap = gap
        }

        /// As stored: the mark in one setting, the gap as `TOP BELOW` in another (absent when none).
        init(mark: String?, gapText: String?) {
            self.mark = mark
            let parts = gapText?.split(separator: " ").map(String.init) ?? []
            gap = parts.count == 2 ? Gap(top: parts[0], below: parts[1]) : nil
        }

        /// The gap as stored and shown (`TOP BELOW`), nil when there is none.
        public var gapText: String? { gap.map { "\($0.top) \($0.below)" } }
    }

    /// What `run` did: the pages fetched and the import of their statuses.
    public struct Outcome: Sendable {
        /// The mention notifications fetched.
        public var pages: Pages
        /// The account's own statuses fetched (its replies written outside Meja).
        public var own: OwnStatuses
        /// What the import of the fetched statuses did.
        public var summary: Importer.Summary
        /// The `since_id` the run started from.
        public var sinceID: String?
        /// Where each listing stands for the next run (a gap when a listing was cut short).
        public var keptPosition: ListingPosition
        public var keptOwnPosition: ListingPosition
        /// The `since_id` kept for the next run.
        public var keptSinceID: String? { keptPosition.mark }
        /// The `own_since_id` kept for the next run.
        public var keptOwnSinceID: String? { keptOwnPosition.mark }

        /// Why the agency's replies written on the web were not fetched, when they were not.
        public var ownRepliesSkipped: String? { own.skipped }
        /// Requests made by the whole run, retries included.
        public var requests: Int { pages.requests + own.pages.requests }
    }

    // MARK: Setting up

    /// The server address from what a user typed: `mastodon.example`, `https://mastodon.example/`, …
    public static func instanceURL(_ text: String) throws(FetchError) -> URL {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !t.contains("://") { t = "https://" + t }
        while t.hasSuffix("/") { t.removeLast() }
        guard let url = URL(string: t), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = url.host, !host.isEmpty, url.query == nil
        else { throw .usage("'\(text)' is not a server address; give it like --instance https://mastodon.example") }
        return url
    }

    /// The access token in `path`, trimmed. The token itself never appears in a message.
    public static func readToken(path: String) throws(FetchError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .usage("\(path): cannot be read. Put the account's access token (Preferences → Development → your app, scopes read:notifications, read:accounts and read:statuses) in that file.")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw .usage("\(path) is empty; it must hold the account's access token and nothing else.") }
        guard !token.contains(where: { $0.isWhitespace }) else {
            throw .usage("\(path) holds more than one word; it must hold the access token alone.")
        }
        return token
    }

    /// The store setting that keeps the newest notification id for an instance:
    /// `fetch.mastodon.<host[:port]>.since_id`.
    public static func sinceIDKey(_ instance: URL) -> String { settingKey(instance, "since_id") }

    /// The store setting that keeps the newest id of the account's own statuses for an instance:
    /// `fetch.mastodon.<host[:port]>.own_since_id`.
    public static func ownSinceIDKey(_ instance: URL) -> String { settingKey(instance, "own_since_id") }

    /// The store setting that keeps a listing's gap (`TOP BELOW`) next to its mark setting `key`.
    public static func gapKey(_ key: String) -> String { key + ".gap" }

    private static func settingKey(_ instance: URL, _ name: String) -> String {
        let host = (instance.host ?? instance.absoluteString).lowercased()
        return "fetch.mastodon.\(host)\(instance.port.map { ":\($0)" } ?? "").\(name)"
    }

    // MARK: Fetching

    /// Fetches mention notifications newer than `sinceID` (all the server keeps when nil).
    public func fetch(sinceID: String?) throws(FetchError) -> Pages {
        try fetch(from: ListingPosition(mark: sinceID)).pages
    }

    /// Fetches the mention notifications a listing at `position` has not taken yet, and where it stands after.
    public func fetch(from position: ListingPosition) throws(FetchError) -> (pages: Pages, position: ListingPosition) {
        var pages = Pages()
        let next = try listing("api/v1/notifications", [URLQueryItem(name: "types[]", value: "mention")], from: position,
                               entries: "notifications", advice: .mentions, into: &pages)
        return (pages, next)
    }

    /// Fetches the statuses of the token's own account newer than `sinceID`: asks the server whose token it is
    /// (`GET /api/v1/accounts/verify_credentials`), then pages `GET /api/v1/accounts/:id/statuses` without boosts.
    /// A refusal (401/403, a token without `read:accounts` or `read:statuses`) or a 404 is no error: the result
    /// says why nothing was fetched. `after` is the listing fetched just before, whose rate limit still holds.
    public func fetchOwnStatuses(sinceID: String?, after previous: Pages? = nil) throws(FetchError) -> OwnStatuses {
        try fetchOwnStatuses(from: ListingPosition(mark: sinceID), after: previous).own
    }

    /// As `fetchOwnStatuses(sinceID:after:)`, for a listing at `position`; with where it stands after.
    public func fetchOwnStatuses(from position: ListingPosition, after previous: Pages? = nil) throws(FetchError) -> (own: OwnStatuses, position: ListingPosition) {
        var own = OwnStatuses()
        var next = position
        own.pages.notBefore = previous?.notBefore
        do {
            let me = instance.appendingPathComponent("api/v1/accounts/verify_credentials")
            let account = try ownAccount(try request(me, &own.pages, .ownStatuses), url: me)
            own.account = account
            next = try listing("api/v1/accounts/\(account.id)/statuses", [URLQueryItem(name: "exclude_reblogs", value: "true")],
                               from: position, entries: "statuses", advice: .ownStatuses, into: &own.pages)
        } catch {
            switch error {
            case .unauthorized(let why), .notFound(let why):
                own.skipped = why
                own.pages.bodies = []
                own.pages.entries = 0
                own.pages.newestID = nil
                own.pages.complete = false
            case .rateLimited:
                own.pages.complete = false
                own.pages.stoppedEarly = error.description
            default:
                throw error
            }
        }
        return (own, next)
    }

    /// The first page of a newest-first listing: `path?extra&limit=N[&max_id=ID][&since_id=ID]`.
    private func listingURL(_ path: String, _ extra: [URLQueryItem], sinceID: String?, maxID: String? = nil) -> URL {
        var components = URLComponents(url: instance.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        var query = extra + [URLQueryItem(name: "limit", value: String(pageSize))]
        if let maxID { query.append(URLQueryItem(name: "max_id", value: maxID)) }
        if let sinceID { query.append(URLQueryItem(name: "since_id", value: sinceID)) }
        components.queryItems = query
        return components.url!
    }

    /// Reads what a listing at `position` has not taken yet, into `pages`, and returns where it stands after: first what
    /// is new (down to the gap's top, or the mark), then down the gap from where the last run stopped, within `maxPages`
    /// pages in all. A pass cut short leaves a gap; the mark moves up when no gap is left.
    private func listing(_ path: String, _ extra: [URLQueryItem], from position: ListingPosition, entries: String, advice: Advice,
                         into pages: inout Pages) throws(FetchError) -> ListingPosition {
        let upper = position.gap?.top ?? position.mark
        var fresh = Pages()
        fresh.notBefore = pages.notBefore
        try page(from: listingURL(path, extra, sinceID: upper), sinceID: upper, pageLimit: maxPages, entries: entries, advice: advice, into: &fresh)
        pages.absorb(fresh)
        let top = fresh.newestID ?? upper
        guard fresh.complete else {
            // What is new was not read to its end: the gap now runs from the mark up to the oldest entry read (a part
            // of it may be on the desk already; it is read again, which the import passes over).
            guard let newest = fresh.newestID, let oldest = fresh.oldestID else { return position }
            return ListingPosition(mark: position.mark, gap: .init(top: newest, below: oldest))
        }
        guard let gap = position.gap, let top else { return ListingPosition(mark: top) }
        let left = maxPages - fresh.bodies.count
        var older = Pages()
        older.notBefore = pages.notBefore
        if left > 0 {
            do {
                try page(from: listingURL(path, extra, sinceID: position.mark, maxID: gap.below), sinceID: position.mark, pageLimit: left,
                         entries: entries, advice: advice, into: &older)
            } catch {
                // A wait too long before the gap's first page: what is new was read, and is imported; the gap waits.
                guard case .rateLimited = error else { throw error }
                older.complete = false
                older.stoppedEarly = error.description
            }
        } else {
            older.complete = false
            older.stoppedEarly = "read \(maxPages) pages, the most one run reads"
        }
        pages.absorb(older)   // a gap not closed leaves `pages` incomplete, with why
        if older.complete { return ListingPosition(mark: top) }
        return ListingPosition(mark: position.mark, gap: .init(top: top, below: older.oldestID ?? gap.below))
    }

    /// Reads a newest-first listing from `first`, following `Link: <…>; rel="next"` to older pages on the same server
    /// until it reaches `sinceID` or the end, into `pages`; entries at or below `sinceID` are left out of the bodies. A
    /// rate-limit wait longer than `maxWait`, `pageLimit` pages, or a next page on another server stop it early
    /// (`complete` false) once something was fetched.
    private func page(from first: URL, sinceID: String?, pageLimit: Int, entries: String, advice: Advice, into pages: inout Pages) throws(FetchError) {
        var next: URL? = first
        var pageCount = 0
        while let url = next {
            guard pageCount < pageLimit else {
                pages.complete = false
                pages.stoppedEarly = "read \(maxPages) pages, the most one run reads"
                break
            }
            pageCount += 1
            let response: HTTPResponse
            do {
                response = try request(url, &pages, advice)
            } catch {
                if case .rateLimited = error, !pages.bodies.isEmpty {
                    pages.complete = false
                    pages.stoppedEarly = error.description
                    break
                }
                throw error
            }
            let list = try entryList(response.body, url: url, entries: entries)
            var kept: [JSONValue] = []
            var reachedOld = false
            for entry in list {
                guard let id = Self.id(entry) else { kept.append(entry); continue }
                if let sinceID, !Self.isNewer(id, than: sinceID) { reachedOld = true; continue }
                kept.append(entry)
                pages.entries += 1
                if pages.newestID.map({ Self.isNewer(id, than: $0) }) ?? true { pages.newestID = id }
                if pages.oldestID.map({ Self.isNewer($0, than: id) }) ?? true { pages.oldestID = id }
            }
            pages.bodies.append(kept.count == list.count ? response.body : Data(JSONValue.array(kept).text.utf8))
            if list.isEmpty || reachedOld { break }
            guard let link = response.header("Link").flatMap({ LinkHeader($0).next }).flatMap({ URL(string: $0) }) else { break }
            guard link.isSameOrigin(as: instance) else {
                pages.complete = false
                let elsewhere = (link.host ?? link.absoluteString) + (link.port.map { ":\($0)" } ?? "")
                pages.stoppedEarly = "the server's next page is on another server (\(SafeText.forMessage(elsewhere))); "
                    + "it is not followed, so the token is not sent there"
                break
            }
            next = link
        }
    }


    /// What to tell the user when an endpoint refuses the token or does not exist.
    private struct Advice {
        /// What to do about a 401/403.
        var refused: String
        /// What a 404/410 probably means.
        var missing: String

        static let mentions = Advice(
            refused: "Check that the token file holds a valid token of the agency's account with the read:notifications scope.",
            missing: "Is it a Mastodon server?")
        static let ownStatuses = Advice(
            refused: "Give the token the read scope (read:accounts, read:statuses) so replies written on the web are counted.",
            missing: "Replies written on the web are not counted.")
    }

    /// One GET, after the wait the previous answer's rate limit asks for (`X-RateLimit-Remaining` 0 until
    /// `X-RateLimit-Reset`), retried after a 429 (`Retry-After`, else the rate-limit reset, else a growing pause) or a
    /// 5xx (`Retry-After`, else a growing pause: 2, 4, 8 … 60 s). A redirect to another server is an error.
    private func request(_ url: URL, _ pages: inout Pages, _ advice: Advice) throws(FetchError) -> HTTPResponse {
        if let until = pages.notBefore {
            let wait = max(0, until.timeIntervalSince(clock.now))
            guard wait <= maxWait else { throw .rateLimited(until: until, instance: host) }
            pages.notBefore = nil
            if wait > 0 { pause(wait, &pages) }
        }
        var attempt = 0
        while true {
            pages.requests += 1
            let response: HTTPResponse
            do {
                response = try http.get(url, headers: ["Authorization": "Bearer \(token)", "Accept": "application/json",
                                                       "User-Agent": "meja (social-media desk)"])
            } catch let e as FetchError {
                throw e
            } catch {
                throw .network("\(host): \(error)")
            }
            switch response.status {
            case 200..<300:
                if let remaining = response.header("X-RateLimit-Remaining").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                   remaining <= 0 {
                    pages.notBefore = clock.now.addingTimeInterval(resetWait(response) ?? 60)
                }
                return response
            case 401, 403:
                throw .unauthorized("\(host) refused the access token (HTTP \(response.status)\(Self.serverMessage(response))) for \(url.path). \(advice.refused)")
            case 404, 410:
                throw .notFound("\(host) has no \(url.path) (HTTP \(response.status)). \(advice.missing)")
            case 300..<400:
                let target = response.header("Location").map { " (\(SafeText.forMessage($0, limit: 200)))" } ?? ""
                throw .unexpected("\(host) sent \(url.path) on to another server\(target), HTTP \(response.status); Meja does not follow it, "
                    + "since the access token would go with it. Check --instance: give the server's own address.")
            case 429, 500...599:
                attempt += 1
                // The rate limit's reset is for a 429 only: a failing server is tried again after a growing pause.
                let backoff = min(60, pow(2, Double(attempt)))
                let wait = retryAfter(response) ?? (response.status == 429 ? resetWait(response) : nil) ?? backoff
                guard attempt <= maxRetries else {
                    throw .unexpected("\(host) kept answering HTTP \(response.status) after \(maxRetries) retries\(Self.serverMessage(response)); try again later.")
                }
                guard wait <= maxWait else {
                    let until = clock.now.addingTimeInterval(wait)
                    pages.notBefore = until // no later request of this run goes out before then
                    throw .rateLimited(until: until, instance: host)
                }
                pause(wait, &pages)
            default:
                throw .unexpected("\(host) answered HTTP \(response.status)\(Self.serverMessage(response)) to \(url.path).")
            }
        }
    }

    private func pause(_ seconds: TimeInterval, _ pages: inout Pages) {
        pages.waits.append(seconds)
        sleeper.sleep(seconds: seconds)
    }

    /// `Retry-After` in seconds from now: a number of seconds or an HTTP date.
    private func retryAfter(_ r: HTTPResponse) -> TimeInterval? {
        guard let value = r.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        return Timestamp.parseHTTPDate(value).map { max(0, $0.timeIntervalSince(clock.now)) }
    }

    /// Seconds until `X-RateLimit-Reset` (an ISO 8601 time on Mastodon).
    private func resetWait(_ r: HTTPResponse) -> TimeInterval? {
        guard let value = r.header("X-RateLimit-Reset")?.trimmingCharacters(in: .whitespaces) else { return nil }
        guard let reset = Timestamp.parse(value) else { return nil }
        return max(0, reset.timeIntervalSince(clock.now))
    }

    /// The entries of a page of `entries` (which must be a JSON array of objects with `id`).
    private func entryList(_ body: Data, url: URL, entries: String) throws(FetchError) -> [JSONValue] {
        let value = try json(body, url: url)
        guard let list = value.arrayValue else {
            throw .unexpected("\(host) answered \(url.path) with \(JSONShape.describe(value)), not an array of \(entries).")
        }
        return list
    }

    /// The account a `verify_credentials` answer describes.
    private func ownAccount(_ response: HTTPResponse, url: URL) throws(FetchError) -> OwnAccount {
        let value = try json(response.body, url: url)
        guard let id = Self.id(value), let acct = value["acct"]?.stringValue ?? value["username"]?.stringValue else {
            throw .unexpected("\(host) answered \(url.path) with \(JSONShape.describe(value)), not an Account with `id` and `acct`.")
        }
        return OwnAccount(id: id, acct: acct)
    }

    private func json(_ body: Data, url: URL) throws(FetchError) -> JSONValue {
        do {
            return try JSONValue.parse(bytes: [UInt8](body))
        } catch {
            throw .unexpected("\(host) answered \(url.path) with something that is not JSON (\(error)).")
        }
    }

    /// An entity's `id` (a string, or a number on some servers).
    private static func id(_ entity: JSONValue) -> String? { entity["id"]?.stringValue ?? entity["id"]?.intValue.map(String.init) }

    private var host: String { instance.host.map { h in instance.port.map { "\(h):\($0)" } ?? h } ?? instance.absoluteString }

    private static func serverMessage(_ r: HTTPResponse) -> String {
        guard let v = JSONValue.parse(String(decoding: r.body.prefix(2000), as: UTF8.self)), let e = JSONShape.apiError(v) else { return "" }
        return ": \(e)"
    }

    /// Whether Mastodon id `a` is newer than `b`: ids are decimal numbers that grow with time (compared by length,
    /// then digits, so they never overflow); other ids compare as text.
    static func isNewer(_ a: String, than b: String) -> Bool {
        let digits = { (s: String) in !s.isEmpty && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        if digits(a), digits(b), a.count != b.count { return a.count > b.count }
        return a > b
    }

    // MARK: Fetch and import

    /// Fetches new mentions and the account's new own statuses and imports them together into `desk` (oldest
    /// first, so a reply written on the web stops the clock of a mention fetched in the same run), keeping the
    /// newest id of each listing for the next run. `sinceID` overrides the notification id kept in the store.
    public func run(desk: Desk, sinceID override: String? = nil) throws -> Outcome {
        let key = Self.sinceIDKey(instance), ownKey = Self.ownSinceIDKey(instance)
        let (position, ownPosition) = try desk.store.read { tx in
            (ListingPosition(mark: try tx.setting(key), gapText: try tx.setting(Self.gapKey(key))),
             ListingPosition(mark: try tx.setting(ownKey), gapText: try tx.setting(Self.gapKey(ownKey))))
        }
        // --since-id starts the mentions afresh from there (a gap left by an earlier run is left with it).
        let start = override.map { ListingPosition(mark: $0) } ?? position
        let (pages, next) = try fetch(from: start)
        let (own, ownNext) = try fetchOwnStatuses(from: ownPosition, after: pages)
        var body = Data()
        for (k, page) in (pages.bodies + own.pages.bodies).enumerated() {
            if k > 0 { body.append(0x0A) }
            body.append(page)
        }
        var name = instance.appendingPathComponent("api/v1/notifications").absoluteString
        if let account = own.account, !own.pages.bodies.isEmpty { name += " + /api/v1/accounts/\(account.id)/statuses" }
        let format = MastodonFormat(ownAccountID: own.account?.id)
        // The mentions were addressed to the token's account: that is their channel.
        let summary = try Importer(desk: desk, channel: own.account.map { "@" + $0.acct }).importData(body, name: name, format: format)
        // Kept only now that what was fetched is stored: a run killed before this point is read again by the next.
        let kept = try keep(next, over: position, as: key, desk)
        let keptOwn = own.skipped == nil ? try keep(ownNext, over: ownPosition, as: ownKey, desk) : ownPosition
        return Outcome(pages: pages, own: own, summary: summary, sinceID: start.mark, keptPosition: kept, keptOwnPosition: keptOwn)
    }

    /// Stores where a listing stands for the next run, unless its mark would move back (a --since-id below the kept mark
    /// reads again what is on the desk); returns the position kept.
    private func keep(_ next: ListingPosition, over stored: ListingPosition, as key: String, _ desk: Desk) throws -> ListingPosition {
        if let old = stored.mark, next.mark.map({ Self.isNewer(old, than: $0) }) ?? true { return stored }
        guard next != stored else { return stored }
        try desk.store.write { tx in
            if let mark = next.mark { try tx.setSetting(key, mark) }
            try tx.setSetting(Self.gapKey(key), next.gapText ?? "")
        }
        return next
    }
}
