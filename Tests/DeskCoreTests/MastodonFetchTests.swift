import DeskCore
import Foundation
import XCTest

/// `MastodonFetcher` against a Mastodon-shaped server on 127.0.0.1: paging through `Link` headers, the
/// rate-limit headers and `429 Retry-After` honoured through the injected sleeper (tests never really wait),
/// the newest id kept so the next run fetches only new mentions, and errors that explain without the token.
final class MastodonFetchTests: XCTestCase {
    /// Records waits and moves the test clock instead of sleeping.
    final class RecordingSleeper: Sleeper, @unchecked Sendable {
        let clock: ManualClock
        private let lock = NSLock()
        private var recorded: [TimeInterval] = []
        init(_ clock: ManualClock) { self.clock = clock }
        var waits: [TimeInterval] { lock.withLock { recorded } }
        func sleep(seconds: TimeInterval) {
            lock.withLock { recorded.append(seconds) }
            clock.advance(seconds)
        }
    }

    /// The notifications endpoint of a Mastodon server: newest first, `max_id`/`since_id`, `Link` paging that,
    /// like Mastodon's, does not carry `since_id` on; scripted answers for chosen request numbers.
    final class FakeMastodon: @unchecked Sendable {
        static let token = "tok-3f9a1c77e2b54d"
        private let lock = NSLock()
        private var ids: [Int] = []
        private var scripted: [Int: LocalHTTPServer.Response] = [:]
        private var extraHeaders: [Int: [String: String]] = [:]
        private var count = 0
        private(set) var server: LocalHTTPServer!

        init() throws {
            server = try LocalHTTPServer { [unowned self] in self.answer($0) }
        }

        func add(_ new: ClosedRange<Int>) { lock.withLock { ids += Array(new) } }
        /// Request number `n` (1-based, retries included) gets `response` instead of the listing.
        func script(_ n: Int, _ response: LocalHTTPServer.Response) { lock.withLock { scripted[n] = response } }
        /// Request number `n` also carries these headers.
        func headers(_ n: Int, _ h: [String: String]) { lock.withLock { extraHeaders[n] = h } }

        var url: URL { server.baseURL }

        private func answer(_ r: LocalHTTPServer.Request) -> LocalHTTPServer.Response {
            let (scriptedAnswer, extra, all) = lock.withLock { () -> (LocalHTTPServer.Response?, [String: String], [Int]) in
                count += 1
                return (scripted[count], extraHeaders[count] ?? [:], ids)
            }
            guard r.headers["authorization"] == "Bearer \(Self.token)" else {
                return .init(status: 401, body: Data(#"{"error":"The access token is invalid"}"#.utf8))
            }
            guard r.path == "/api/v1/notifications" else { return .init(status: 404, body: Data(#"{"error":"Record not found"}"#.utf8)) }
            if let scriptedAnswer { return scriptedAnswer }
            let q = r.query
            let limit = Int(q["limit"] ?? "") ?? 40
            let page = all.sorted(by: >).filter { id in
                q["types[]"] == "mention" && q["max_id"].flatMap(Int.init).map { id < $0 } ?? true
                    && q["since_id"].flatMap(Int.init).map { id > $0 } ?? true
            }.prefix(limit)
            var headers = extra
            headers["X-RateLimit-Limit"] = "300"
            if headers["X-RateLimit-Remaining"] == nil { headers["X-RateLimit-Remaining"] = "299" }
            if let last = page.last, let first = page.first {
                let base = "\(url.absoluteString)/api/v1/notifications?types%5B%5D=mention&limit=\(limit)"
                headers["Link"] = "<\(base)&max_id=\(last)>; rel=\"next\", <\(base)&min_id=\(first)>; rel=\"prev\""
            }
            let body = "[" + page.map(Self.notification).joined(separator: ",") + "]"
            return .init(status: 200, headers: headers, body: Data(body.utf8))
        }

        static func notification(_ id: Int) -> String {
            let at = Timestamp.utc(Timestamp.parse("2026-11-30T01:00:00Z")!.addingTimeInterval(Double(id) * 60)).replacingOccurrences(of: "Z", with: ".000Z")
            let account = #"{"id":"7\#(id)","username":"warga\#(id)","acct":"warga\#(id)@mastodon.social","display_name":"Warga \#(id)"}"#
            let content = #"<p><span class=\"h-card\"><a href=\"https://mastodon.contoh.id/@diskominfo_contoh\" class=\"u-url mention\">@<span>diskominfo_contoh</span></a></span> laporan nomor \#(id) &amp; foto 📷</p>"#
            let status = #"{"id":"11\#(id)","created_at":"\#(at)","in_reply_to_id":null,"spoiler_text":"","visibility":"public","language":"id","url":"https://mastodon.social/@warga\#(id)/11\#(id)","content":"\#(content)","reblog":null,"account":\#(account),"media_attachments":[]}"#
            return #"{"id":"\#(id)","type":"mention","created_at":"\#(at)","account":\#(account),"status":\#(status)}"#
        }
    }

    private var t: TestDesk!
    private var mastodon: FakeMastodon!
    private var sleeper: RecordingSleeper!

    override func setUpWithError() throws {
        t = try TestDesk()
        mastodon = try FakeMastodon()
        sleeper = RecordingSleeper(t.clock)
    }

    override func tearDown() {
        mastodon.server.stop()
        mastodon = nil
        t = nil
    }

    private func fetcher(token: String = FakeMastodon.token, pageSize: Int = 2) -> MastodonFetcher {
        var f = MastodonFetcher(instance: mastodon.url, token: token, http: URLSessionHTTPClient(timeout: 10), sleeper: sleeper, clock: t.clock)
        f.pageSize = pageSize
        return f
    }

    private var sinceKey: String { MastodonFetcher.sinceIDKey(mastodon.url) }

    func testPagesThroughLinksWaitsAsToldAndKeepsTheNewestID() throws {
        mastodon.add(101...105)
        // Page 1 uses up the rate limit until 30 s from now; the first try of page 2 is told to come back in 7 s.
        mastodon.headers(1, ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2026-12-01T03:00:30.000Z"])
        mastodon.script(2, .init(status: 429, headers: ["Retry-After": "7"], body: Data(#"{"error":"Too many requests"}"#.utf8)))
        let outcome = try fetcher().run(desk: t.desk)
        XCTAssertEqual(sleeper.waits, [30, 7])
        let requests = mastodon.server.requests
        XCTAssertEqual(requests.count, 5) // pages 1, 2 (429), 2, 3, and the empty page after the last
        XCTAssertTrue(requests.allSatisfy { $0.headers["authorization"] == "Bearer \(FakeMastodon.token)" })
        XCTAssertEqual(requests[0].query["types[]"], "mention")
        XCTAssertEqual(requests[0].query["limit"], "2")
        XCTAssertNil(requests[0].query["since_id"])
        XCTAssertEqual(requests[1].target, requests[2].target, "the 429 is retried on the same page")
        XCTAssertEqual(requests[2].query["max_id"], "104")
        XCTAssertEqual(outcome.pages.mentions, 5)
        XCTAssertTrue(outcome.pages.complete)
        XCTAssertEqual(outcome.summary.format, "mastodon")
        XCTAssertEqual(outcome.summary.accepted, 5)
        XCTAssertEqual(try t.comment(.mastodon, "11103").text, "@diskominfo_contoh laporan nomor 103 & foto 📷")
        XCTAssertEqual(try t.comment(.mastodon, "11103").author.handle, "warga103@mastodon.social")
        XCTAssertEqual(outcome.keptSinceID, "105")
        XCTAssertEqual(try t.store.read { try $0.setting(sinceKey) }, "105")
        // The token is in no log event.
        let events = try t.store.read { try $0.events(from: 1, limit: 100) }
        XCTAssertFalse(events.isEmpty)
        XCTAssertFalse(events.contains { $0.payload.contains(FakeMastodon.token) })
    }

    func testASecondRunFetchesOnlyNewMentions() throws {
        mastodon.add(101...105)
        _ = try fetcher().run(desk: t.desk)
        let before = mastodon.server.requests.count
        mastodon.add(106...107)
        let second = try fetcher().run(desk: t.desk)
        let requests = Array(mastodon.server.requests.dropFirst(before))
        XCTAssertEqual(requests.first?.query["since_id"], "105")
        XCTAssertEqual(second.sinceID, "105")
        XCTAssertEqual(second.pages.mentions, 2)
        XCTAssertEqual(second.summary.accepted, 2)
        XCTAssertEqual(second.keptSinceID, "107")
        XCTAssertLessThanOrEqual(requests.count, 2, "stops at the first page that reaches mentions already taken")
        XCTAssertEqual(try t.store.read { try $0.commentCount() }, 7)
        // Nothing new: one request, nothing imported, the mark stays.
        let third = try fetcher().run(desk: t.desk)
        XCTAssertEqual([third.pages.mentions, third.summary.accepted], [0, 0])
        XCTAssertEqual(try t.store.read { try $0.setting(sinceKey) }, "107")
        // --since-id overrides the kept mark.
        let count = mastodon.server.requests.count
        let again = try fetcher().run(desk: t.desk, sinceID: "104")
        XCTAssertEqual(mastodon.server.requests[count].query["since_id"], "104")
        XCTAssertEqual(again.pages.mentions, 3)
        XCTAssertEqual(again.summary.accepted, 0)
        XCTAssertEqual(again.keptSinceID, "107", "the kept mark never moves back")
    }

    func testRetryAfterAsAnHTTPDate() throws {
        mastodon.add(101...101)
        mastodon.script(1, .init(status: 429, headers: ["Retry-After": "Tue, 01 Dec 2026 03:02:00 GMT"]))
        let outcome = try fetcher().run(desk: t.desk)
        XCTAssertEqual(sleeper.waits, [120])
        XCTAssertEqual(outcome.summary.accepted, 1)
    }

    func testAWaitLongerThanAllowedStopsEarlyAndKeepsTheOldMark() throws {
        mastodon.add(101...105)
        mastodon.script(2, .init(status: 429, headers: ["Retry-After": "3600"]))
        var f = fetcher()
        f.maxWait = 600
        let outcome = try f.run(desk: t.desk)
        XCTAssertFalse(outcome.pages.complete)
        XCTAssertTrue(outcome.pages.stoppedEarly?.contains("asks to wait until 2026-12-01T04:00:00Z") == true, outcome.pages.stoppedEarly ?? "")
        XCTAssertEqual(outcome.summary.accepted, 2, "the first page is imported")
        XCTAssertEqual(sleeper.waits, [])
        XCTAssertNil(try t.store.read { try $0.setting(sinceKey) }, "the gap is filled by the next run")
        // With nothing fetched at all, the wait is the error.
        let t2 = try TestDesk()
        XCTAssertEqual(mastodon.server.requests.count, 2)
        mastodon.script(3, .init(status: 429, headers: ["Retry-After": "3600"]))
        XCTAssertThrowsError(try f.run(desk: t2.desk)) { error in
            XCTAssertTrue("\(error)".contains("run the fetch again after that"), "\(error)")
        }
    }

    func testARefusedTokenIsExplainedWithoutShowingIt() throws {
        mastodon.add(101...101)
        XCTAssertThrowsError(try fetcher(token: "wrong-token-42").run(desk: t.desk)) { error in
            guard case FetchError.unauthorized(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("refused the access token (HTTP 401: The access token is invalid)"), message)
            XCTAssertTrue(message.contains("read:notifications"), message)
            XCTAssertFalse(message.contains("wrong-token-42"))
        }
        XCTAssertEqual(try t.store.read { try $0.commentCount() }, 0)
    }

    func testTokenFilesInstancesAndLinkHeaders() throws {
        let file = t.dir.appendingPathComponent("token")
        try Data("  \(FakeMastodon.token)\n".utf8).write(to: file)
        XCTAssertEqual(try MastodonFetcher.readToken(path: file.path), FakeMastodon.token)
        try Data("\n".utf8).write(to: file)
        XCTAssertThrowsError(try MastodonFetcher.readToken(path: file.path)) { XCTAssertEqual(($0 as? FetchError)?.exitCode, 64) }
        XCTAssertThrowsError(try MastodonFetcher.readToken(path: t.dir.appendingPathComponent("none").path))
        XCTAssertEqual(try MastodonFetcher.instanceURL("mastodon.contoh.id/").absoluteString, "https://mastodon.contoh.id")
        XCTAssertEqual(try MastodonFetcher.instanceURL(" http://127.0.0.1:8080 ").absoluteString, "http://127.0.0.1:8080")
        XCTAssertThrowsError(try MastodonFetcher.instanceURL("ftp://x"))
        XCTAssertEqual(MastodonFetcher.sinceIDKey(URL(string: "https://Mastodon.Contoh.id")!), "fetch.mastodon.mastodon.contoh.id.since_id")
        XCTAssertEqual(MastodonFetcher.sinceIDKey(URL(string: "http://127.0.0.1:8080")!), "fetch.mastodon.127.0.0.1:8080.since_id")
        let link = LinkHeader(#"<https://m.example/api/v1/notifications?max_id=7&types[]=mention>; rel="next", <https://m.example/api/v1/notifications?min_id=9>; rel="prev""#)
        XCTAssertEqual(link.next, "https://m.example/api/v1/notifications?max_id=7&types[]=mention")
        XCTAssertEqual(link.links["prev"], "https://m.example/api/v1/notifications?min_id=9")
        XCTAssertNil(LinkHeader("").next)
    }
}
