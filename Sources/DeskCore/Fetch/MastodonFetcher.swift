import Foundation

/// Pulls new mentions of the agency's account from a Mastodon server through its REST API and imports them.
///
/// `GET /api/v1/notifications?types[]=mention&limit=40` with `Authorization: Bearer TOKEN`, newest first,
/// following `Link: <…>; rel="next"` to older pages until it reaches the mentions an earlier run already took
/// (`since_id`, kept in the store per instance) or the end. It respects the server's limits: when
/// `X-RateLimit-Remaining` reaches 0 it waits until `X-RateLimit-Reset` before the next page, and a `429` (or `503`)
/// is retried after its `Retry-After` (seconds or an HTTP date). All waiting goes through the injected `Sleeper`
/// and all "now" through the injected clock. The statuses are then imported with `MastodonFormat` through
/// `Importer.importData`, so deduplication, batching and the log are the same as for files.
///
/// The newest notification id is stored as the next run's `since_id` only when the run went all the way back
/// to the previous one; a run cut short (a wait longer than `maxWait`, or `maxPages` reached) imports what it got
/// and leaves the mark where it was, so the next run fills the gap (re-importing is a no-op).
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
    /// Notifications per page (the API's maximum is 40 for this endpoint, 80 for some servers).
    public var pageSize = 40
    /// The most pages one run reads.
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

    /// What one fetch brought back.
    public struct Pages: Sendable {
        /// Each page's body as the server sent it (a JSON array of notifications), newest page first.
        public var bodies: [Data] = []
        /// The number of mention notifications newer than `since_id`.
        public var mentions = 0
        /// The newest notification id seen, the next run's `since_id`.
        public var newestID: String?
        /// True when the run reached `since_id` or the end of the list.
        public var complete = true
        /// Why the run stopped early, when it did.
        public var stoppedEarly: String?
        /// Requests made, retries included.
        public var requests = 0
        /// Each wait, in seconds, in order.
        public var waits: [TimeInterval] = []
    }

    /// What `run` did: the pages fetched and the import of their statuses.
    public struct Outcome: Sendable {
        /// What was fetched.
        public var pages: Pages
        /// What the import of the fetched statuses did.
        public var summary: Importer.Summary
        /// The `since_id` the run started from.
        public var sinceID: String?
        /// The `since_id` kept for the next run.
        public var keptSinceID: String?
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
            throw .usage("\(path): cannot be read. Put the account's access token (Preferences → Development → your app, scope read:notifications) in that file.")
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
    public static func sinceIDKey(_ instance: URL) -> String {
        let host = (instance.host ?? instance.absoluteString).lowercased()
        return "fetch.mastodon.\(host)\(instance.port.map { ":\($0)" } ?? "").since_id"
    }

    // MARK: Fetching

    /// Fetches mention notifications newer than `sinceID` (all the server keeps when nil).
    public func fetch(sinceID: String?) throws(FetchError) -> Pages {
        var pages = Pages()
        var components = URLComponents(url: instance.appendingPathComponent("api/v1/notifications"), resolvingAgainstBaseURL: false)!
        var query = [URLQueryItem(name: "types[]", value: "mention"), URLQueryItem(name: "limit", value: String(pageSize))]
        if let sinceID { query.append(URLQueryItem(name: "since_id", value: sinceID)) }
        components.queryItems = query
        var next: URL? = components.url
        var pageCount = 0
        while let url = next {
            guard pageCount < maxPages else {
                pages.complete = false
                pages.stoppedEarly = "read \(maxPages) pages, the most one run reads"
                break
            }
            pageCount += 1
            let response: HTTPResponse
            do {
                response = try request(url, &pages)
            } catch {
                if case .rateLimited = error, !pages.bodies.isEmpty {
                    pages.complete = false
                    pages.stoppedEarly = error.description
                    break
                }
                throw error
            }
            let ids = try notificationIDs(response.body, url: url)
            pages.bodies.append(response.body)
            var reachedOld = false
            for id in ids {
                if let sinceID, !Self.isNewer(id, than: sinceID) { reachedOld = true; continue }
                pages.mentions += 1
                if pages.newestID.map({ Self.isNewer(id, than: $0) }) ?? true { pages.newestID = id }
            }
            if ids.isEmpty || reachedOld { break }
            next = response.header("Link").flatMap { LinkHeader($0).next }.flatMap { URL(string: $0) }
            guard next != nil else { break }
            if let remaining = response.header("X-RateLimit-Remaining").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
               remaining <= 0 {
                let wait = resetWait(response) ?? 60
                guard wait <= maxWait else {
                    pages.complete = false
                    pages.stoppedEarly = FetchError.rateLimited(until: clock.now.addingTimeInterval(wait), instance: host).description
                    break
                }
                pause(wait, &pages)
            }
        }
        return pages
    }

    /// One GET, retried after a 429/503 (`Retry-After`, else the rate-limit reset, else a growing pause) or a 5xx.
    private func request(_ url: URL, _ pages: inout Pages) throws(FetchError) -> HTTPResponse {
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
                return response
            case 401, 403:
                throw .unauthorized("\(host) refused the access token (HTTP \(response.status)\(Self.serverMessage(response))). Check that the token file holds a valid token of the agency's account with the read:notifications scope.")
            case 404, 410:
                throw .unexpected("\(host) has no \(url.path) (HTTP \(response.status)). Is \(instance.absoluteString) a Mastodon server?")
            case 429, 500...599:
                attempt += 1
                let wait = retryAfter(response) ?? resetWait(response) ?? min(60, pow(2, Double(attempt)))
                guard attempt <= maxRetries else {
                    throw .unexpected("\(host) kept answering HTTP \(response.status) after \(maxRetries) retries\(Self.serverMessage(response)); try again later.")
                }
                guard wait <= maxWait else { throw .rateLimited(until: clock.now.addingTimeInterval(wait), instance: host) }
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

    /// The ids of a page of notifications (which must be a JSON array of objects with `id`).
    private func notificationIDs(_ body: Data, url: URL) throws(FetchError) -> [String] {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes: [UInt8](body))
        } catch {
            throw .unexpected("\(host) answered \(url.path) with something that is not JSON (\(error)).")
        }
        guard let list = value.arrayValue else {
            throw .unexpected("\(host) answered \(url.path) with \(JSONShape.describe(value)), not an array of notifications.")
        }
        return list.compactMap { $0["id"]?.stringValue ?? $0["id"]?.intValue.map(String.init) }
    }

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

    /// Fetches new mentions and imports them into `desk`, keeping the newest id for the next run.
    /// `sinceID` overrides the id kept in the store. The import is named by the notifications address.
    public func run(desk: Desk, sinceID override: String? = nil) throws -> Outcome {
        let key = Self.sinceIDKey(instance)
        let stored = try desk.store.read { try $0.setting(key) }
        let since = override ?? stored
        let pages = try fetch(sinceID: since)
        var body = Data()
        for (k, page) in pages.bodies.enumerated() {
            if k > 0 { body.append(0x0A) }
            body.append(page)
        }
        let name = instance.appendingPathComponent("api/v1/notifications").absoluteString
        let summary = try Importer(desk: desk).importData(body, name: name, format: MastodonFormat())
        var kept = stored
        if pages.complete, let newest = pages.newestID, kept.map({ Self.isNewer(newest, than: $0) }) ?? true {
            try desk.store.write { try $0.setSetting(key, newest) }
            kept = newest
        }
        return Outcome(pages: pages, summary: summary, sinceID: since, keptSinceID: kept)
    }
}
