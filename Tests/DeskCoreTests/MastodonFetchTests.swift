import DeskCore
import Foundation
import XCTest

/// `MastodonFetcher` against a Mastodon-shaped server on 127.0.0.1: paging through `Link` headers, the
/// rate-limit headers and `429 Retry-After` honoured through the injected sleeper (tests never really wait),
/// the newest id kept so the next run fetches only new mentions, the agency's replies written on the web fetched
/// from its own statuses (and skipped with a reason when the token may not read them), and errors that explain
/// without the token.
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

    /// The endpoints of a Mastodon server the fetch reads: mention notifications, `verify_credentials` (the
    /// token's account is the agency's, id `ownID`) and that account's statuses; listings newest first, with
    /// `max_id`/`since_id` and `Link` paging that, like Mastodon's, does not carry `since_id` on; scripted answers
    /// for chosen request numbers, and chosen paths refused with a status.
    final class FakeMastodon: @unchecked Sendable {
        static let token = "tok-3f9a1c77e2b54d"
        static let ownID = "900"
        private let lock = NSLock()
        private var ids: [Int] = []
        /// The agency's own statuses: id and the mention (notification id) it answers, nil for an original post.
        private var own: [Int: Int?] = [:]
        private var scripted: [Int: LocalHTTPServer.Response] = [:]
        private var refused: [String: Int] = [:]
        private var extraHeaders: [Int: [String: String]] = [:]
        private var count = 0
        private(set) var server: LocalHTTPServer!

        init() throws {
            server = try LocalHTTPServer { [unowned self] in self.answer($0) }
        }

        func add(_ new: ClosedRange<Int>) { lock.withLock { ids += Array(new) } }
        /// A status of the agency's own account, answering mention `mention` (nil: an original post).
        func addOwn(_ id: Int, answering mention: Int?) { lock.withLock { own[id] = .some(mention) } }
        /// Request number `n` (1-based, retries included) gets `response` instead of the listing.
        func script(_ n: Int, _ response: LocalHTTPServer.Response) { lock.withLock { scripted[n] = response } }
        /// Requests for `path` are answered with `status` (403: outside the token's scopes, 404: no such endpoint;
        /// nil: served again).
        func refuse(_ path: String, _ status: Int?) { lock.withLock { refused[path] = status } }
        /// Request number `n` also carries these headers.
        func headers(_ n: Int, _ h: [String: String]) { lock.withLock { extraHeaders[n] = h } }

        var url: URL { server.baseURL }

        /// The requests for one path.
        func requests(_ path: String) -> [LocalHTTPServer.Request] { server.requests.filter { $0.path == path } }

        private func answer(_ r: LocalHTTPServer.Request) -> LocalHTTPServer.Response {
            let (scriptedAnswer, refusal, extra, all, mine) = lock.withLock {
                () -> (LocalHTTPServer.Response?, Int?, [String: String], [Int], [Int: Int?]) in
                count += 1
                return (scripted[count], refused[r.path], extraHeaders[count] ?? [:], ids, own)
            }
            guard r.headers["authorization"] == "Bearer \(Self.token)" else {
                return .init(status: 401, body: Data(#"{"error":"The access token is invalid"}"#.utf8))
            }
            if let refusal {
                let error = refusal == 404 ? "Record not found" : "This action is outside the authorized scopes"
                return .init(status: refusal, body: Data(#"{"error":"\#(error)"}"#.utf8))
            }
            if let scriptedAnswer { return scriptedAnswer }
            switch r.path {
            case "/api/v1/notifications" where r.query["types[]"] == "mention":
                return listing(all, r, extra, linkQuery: "types%5B%5D=mention", Self.notification)
            case "/api/v1/accounts/verify_credentials":
                return .init(status: 200, headers: extra, body: Data(Self.ownAccount.utf8))
            case "/api/v1/accounts/\(Self.ownID)/statuses" where r.query["exclude_reblogs"] == "true":
                return listing(Array(mine.keys), r, extra, linkQuery: "exclude_reblogs=true") { Self.ownStatus($0, answering: mine[$0]!) }
            default:
                return .init(status: 404, body: Data(#"{"error":"Record not found"}"#.utf8))
            }
        }

        /// A page of a newest-first listing of `all` ids, as Mastodon pages: `limit`, `max_id`, `since_id`, and a
        /// `Link` header whose next page carries `linkQuery`, `limit` and `max_id` (not `since_id`).
        private func listing(_ all: [Int], _ r: LocalHTTPServer.Request, _ extra: [String: String], linkQuery: String,
                             _ entity: (Int) -> String) -> LocalHTTPServer.Response {
            let q = r.query
            let limit = Int(q["limit"] ?? "") ?? 40
            let page = all.sorted(by: >).filter { id in
                q["max_id"].flatMap(Int.init).map { id < $0 } ?? true && q["since_id"].flatMap(Int.init).map { id > $0 } ?? true
            }.prefix(limit)
            var headers = extra
            headers["X-RateLimit-Limit"] = "300"
            if headers["X-RateLimit-Remaining"] == nil { headers["X-RateLimit-Remaining"] = "299" }
            if let last = page.last, let first = page.first {
                let base = "\(url.absoluteString)\(r.path)?\(linkQuery)&limit=\(limit)"
                headers["Link"] = "<\(base)&max_id=\(last)>; rel=\"next\", <\(base)&min_id=\(first)>; rel=\"prev\""
            }
            let body = "[" + page.map(entity).joined(separator: ",") + "]"
            return .init(status: 200, headers: headers, body: Data(body.utf8))
        }

        /// The time of notification or status `id`: `id` minutes after 2026-11-30T01:00Z.
        static func time(_ id: Int) -> String {
            Timestamp.utc(Timestamp.parse("2026-11-30T01:00:00Z")!.addingTimeInterval(Double(id) * 60)).replacingOccurrences(of: "Z", with: ".000Z")
        }

        static func notification(_ id: Int) -> String {
            let at = time(id)
            let account = #"{"id":"7\#(id)","username":"warga\#(id)","acct":"warga\#(id)@mastodon.social","display_name":"Warga \#(id)"}"#
            let content = #"<p><span class=\"h-card\"><a href=\"https://mastodon.contoh.id/@diskominfo_contoh\" class=\"u-url mention\">@<span>diskominfo_contoh</span></a></span> laporan nomor \#(id) &amp; foto 📷</p>"#
            let status = #"{"id":"11\#(id)","created_at":"\#(at)","in_reply_to_id":null,"spoiler_text":"","visibility":"public","language":"id","url":"https://mastodon.social/@warga\#(id)/11\#(id)","content":"\#(content)","reblog":null,"account":\#(account),"media_attachments":[]}"#
            return #"{"id":"\#(id)","type":"mention","created_at":"\#(at)","account":\#(account),"status":\#(status)}"#
        }

        static let ownAccount = #"{"id":"\#(ownID)","username":"diskominfo_contoh","acct":"diskominfo_contoh","display_name":"Diskominfo Kota Contoh"}"#

        /// A status of the agency's account: a reply to mention `mention`'s status, or an original post.
        static func ownStatus(_ id: Int, answering mention: Int?) -> String {
            let replyTo = mention.map { #""11\#($0)""# } ?? "null"
            let replyAccount = mention.map { #""7\#($0)""# } ?? "null"
            let content = mention.map { #"<p><span class=\"h-card\"><a href=\"https://mastodon.social/@warga\#($0)\" class=\"u-url mention\">@<span>warga\#($0)</span></a></span> Terima kasih, laporan nomor \#($0) kami teruskan.</p>"# }
                ?? "<p>Jadwal layanan pekan ini.</p>"
            return #"{"id":"\#(id)","created_at":"\#(time(id))","in_reply_to_id":\#(replyTo),"in_reply_to_account_id":\#(replyAccount),"spoiler_text":"","visibility":"public","language":"id","url":"https://mastodon.contoh.id/@diskominfo_contoh/\#(id)","content":"\#(content)","reblog":null,"account":\#(ownAccount),"media_attachments":[]}"#
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
        XCTAssertEqual(requests.count, 7) // pages 1, 2 (429), 2, 3, the empty page after the last; then the own statuses
        XCTAssertEqual(mastodon.requests("/api/v1/notifications").count, 5)
        XCTAssertEqual(requests.suffix(2).map(\.path), ["/api/v1/accounts/verify_credentials", "/api/v1/accounts/900/statuses"])
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
        XCTAssertLessThanOrEqual(requests.filter { $0.path == "/api/v1/notifications" }.count, 2,
                                 "stops at the first page that reaches mentions already taken")
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
        // The server's wait holds for the own statuses too: they are not asked for before then.
        XCTAssertNil(outcome.own.account)
        XCTAssertTrue(outcome.own.pages.stoppedEarly?.contains("asks to wait until 2026-12-01T04:00:00Z") == true)
        XCTAssertNil(outcome.ownRepliesSkipped)
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

    private var ownSinceKey: String { MastodonFetcher.ownSinceIDKey(mastodon.url) }

    private func time(_ id: Int) -> Date { Timestamp.parse(FakeMastodon.time(id))! }

    func testAMentionAnsweredOnTheWebIsAnsweredOnTheDesk() throws {
        mastodon.add(101...103)
        mastodon.addOwn(201, answering: 102) // answered on Mastodon's web, after the mentions
        mastodon.addOwn(202, answering: nil) // an announcement: answers no one
        let outcome = try fetcher().run(desk: t.desk)
        XCTAssertEqual(outcome.own.account, MastodonFetcher.OwnAccount(id: "900", acct: "diskominfo_contoh"))
        XCTAssertEqual(outcome.own.pages.entries, 2)
        XCTAssertNil(outcome.ownRepliesSkipped)
        XCTAssertEqual([outcome.summary.accepted, outcome.summary.replies, outcome.summary.rejected.count], [3, 1, 0])
        let request = try XCTUnwrap(mastodon.requests("/api/v1/accounts/900/statuses").first)
        XCTAssertEqual(request.query["exclude_reblogs"], "true")
        XCTAssertEqual(request.query["limit"], "2")
        XCTAssertNil(request.query["since_id"])
        // The mention's first-response clock is met at the time of the reply written on the web.
        let answered = try t.comment(.mastodon, "11102")
        XCTAssertEqual(answered.status, .replied)
        XCTAssertEqual(answered.sla.respondedAt, time(201))
        XCTAssertEqual(answered.channel, "@diskominfo_contoh", "the mentions were addressed to the token's account")
        let detail = try t.desk.detail(id: answered.id)
        XCTAssertEqual(detail.replies.map(\.externalID), ["201"])
        XCTAssertEqual(detail.replies.first?.sentAt, time(201))
        let first = try XCTUnwrap(detail.clocks.first { $0.clock == .firstResponse })
        XCTAssertEqual(first.state, .met)
        XCTAssertEqual(first.metAt, time(201))
        // The other mentions still wait; the announcement is neither a comment nor a reply.
        XCTAssertNil(try t.comment(.mastodon, "11103").sla.respondedAt)
        XCTAssertEqual(try t.store.read { try $0.commentCount() }, 3)
        XCTAssertNil(try t.store.read { try $0.comment(platform: .mastodon, externalID: "202") })
        XCTAssertNil(try t.store.read { try $0.reply(platform: .mastodon, externalID: "202") })
        XCTAssertEqual(outcome.keptOwnSinceID, "202")
        XCTAssertEqual(try t.store.read { try $0.setting(ownSinceKey) }, "202")
    }

    func testASecondRunFetchesOnlyNewOwnStatuses() throws {
        mastodon.add(101...102)
        mastodon.addOwn(201, answering: 101)
        _ = try fetcher().run(desk: t.desk)
        XCTAssertEqual(try t.store.read { try $0.setting(ownSinceKey) }, "201")
        let before = mastodon.requests("/api/v1/accounts/900/statuses").count
        mastodon.addOwn(202, answering: 102)
        let second = try fetcher().run(desk: t.desk)
        let requests = mastodon.requests("/api/v1/accounts/900/statuses").dropFirst(before)
        XCTAssertEqual(requests.first?.query["since_id"], "201")
        XCTAssertEqual(requests.count, 2, "the next page reaches the status already taken")
        XCTAssertEqual(second.own.pages.entries, 1)
        // The page that reaches the mark brings 201 again: left out before the import.
        XCTAssertEqual([second.summary.accepted, second.summary.replies, second.summary.duplicates], [0, 1, 0])
        XCTAssertEqual(second.keptOwnSinceID, "202")
        XCTAssertEqual(second.keptSinceID, "102", "the mentions' mark is kept apart")
        XCTAssertEqual(try t.comment(.mastodon, "11102").sla.respondedAt, time(202))
        // --since-id moves the mentions only.
        let again = try fetcher().run(desk: t.desk, sinceID: "101")
        XCTAssertEqual(mastodon.requests("/api/v1/accounts/900/statuses").last?.query["since_id"], "202")
        XCTAssertEqual([again.pages.mentions, again.own.pages.entries], [1, 0])
    }

    func testATokenWithoutTheReadScopeStillImportsTheMentions() throws {
        mastodon.add(101...102)
        mastodon.addOwn(201, answering: 101)
        mastodon.refuse("/api/v1/accounts/verify_credentials", 403)
        let outcome = try fetcher().run(desk: t.desk)
        XCTAssertEqual(outcome.summary.accepted, 2)
        XCTAssertEqual(outcome.summary.replies, 0)
        XCTAssertEqual(outcome.keptSinceID, "102")
        let why = try XCTUnwrap(outcome.ownRepliesSkipped)
        XCTAssertTrue(why.contains("HTTP 403: This action is outside the authorized scopes"), why)
        XCTAssertTrue(why.contains("/api/v1/accounts/verify_credentials"), why)
        XCTAssertTrue(why.contains("Give the token the read scope (read:accounts, read:statuses) so replies written on the web are counted"), why)
        XCTAssertFalse(why.contains(FakeMastodon.token))
        XCTAssertNil(outcome.own.account)
        XCTAssertTrue(mastodon.requests("/api/v1/accounts/900/statuses").isEmpty)
        XCTAssertNil(try t.store.read { try $0.setting(ownSinceKey) })
        XCTAssertNil(try t.comment(.mastodon, "11101").sla.respondedAt)
        // A server without the statuses listing: the same, with the reason.
        let t2 = try TestDesk()
        mastodon.refuse("/api/v1/accounts/verify_credentials", nil)
        mastodon.refuse("/api/v1/accounts/900/statuses", 404)
        let other = try fetcher().run(desk: t2.desk)
        XCTAssertEqual(other.summary.accepted, 2)
        XCTAssertEqual(other.own.account?.id, "900")
        XCTAssertTrue(other.ownRepliesSkipped?.contains("has no /api/v1/accounts/900/statuses (HTTP 404)") == true, other.ownRepliesSkipped ?? "")
    }

    func testOwnStatusesArePagedAndWaitedForLikeTheMentions() throws {
        mastodon.add(101...102)
        mastodon.addOwn(201, answering: 101)
        mastodon.addOwn(202, answering: 102)
        mastodon.addOwn(203, answering: nil)
        // Requests: 1 notifications (102, 101), 2 its empty next page, 3 verify_credentials, 4 statuses (203, 202),
        // which uses up the rate limit for 20 s, 5 (429) and 6 the next page (201), 7 the empty page after it.
        mastodon.headers(4, ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2026-12-01T03:00:20.000Z"])
        mastodon.script(5, .init(status: 429, headers: ["Retry-After": "5"], body: Data(#"{"error":"Too many requests"}"#.utf8)))
        let outcome = try fetcher().run(desk: t.desk)
        XCTAssertEqual(sleeper.waits, [20, 5])
        XCTAssertEqual(outcome.own.pages.waits, [20, 5])
        let requests = mastodon.requests("/api/v1/accounts/900/statuses")
        XCTAssertEqual(requests.count, 4)
        XCTAssertEqual(requests[1].target, requests[2].target, "the 429 is retried on the same page")
        XCTAssertEqual(requests[1].query["max_id"], "202")
        XCTAssertEqual(requests[1].query["exclude_reblogs"], "true")
        XCTAssertEqual(outcome.own.pages.bodies.count, 3)
        XCTAssertEqual(outcome.own.pages.entries, 3)
        XCTAssertTrue(outcome.own.pages.complete)
        XCTAssertEqual(outcome.requests, 7)
        XCTAssertEqual([outcome.summary.accepted, outcome.summary.replies], [2, 2])
        XCTAssertEqual(try t.comment(.mastodon, "11101").sla.respondedAt, time(201))
        XCTAssertEqual(try t.comment(.mastodon, "11102").sla.respondedAt, time(202))
        XCTAssertEqual(try t.store.read { try $0.setting(ownSinceKey) }, "203")
    }

    func testABacklogLargerThanOneRunIsTakenInSeveralEachMentionOnce() throws {
        mastodon.add(101...120)
        var f = fetcher()
        f.maxPages = 3
        // First run: the newest three pages (120 … 115); the rest is a gap the next runs go down.
        let first = try f.run(desk: t.desk)
        XCTAssertFalse(first.pages.complete)
        XCTAssertEqual(first.keptPosition, .init(mark: nil, gap: .init(top: "120", below: "115")))
        XCTAssertEqual(try t.store.read { try $0.commentCount() }, 6)
        var runs = 1
        var outcome = first
        while outcome.keptPosition.gap != nil, runs < 10 {
            if runs == 2 { mastodon.add(121...122) } // new mentions meanwhile are read first
            outcome = try f.run(desk: t.desk)
            runs += 1
            XCTAssertEqual(outcome.summary.duplicates, 0, "run \(runs) reads nothing twice")
            XCTAssertLessThanOrEqual(outcome.pages.bodies.count, 3)
        }
        XCTAssertEqual(outcome.keptPosition, .init(mark: "122"), "the gap closed, the mark moved up to the newest")
        XCTAssertTrue(outcome.pages.complete)
        XCTAssertEqual(try t.store.read { try $0.commentCount() }, 22)
        XCTAssertEqual(try t.store.read { try $0.setting(sinceKey) }, "122")
        XCTAssertEqual(try t.store.read { try $0.setting(MastodonFetcher.gapKey(sinceKey)) }, "")
        XCTAssertLessThan(runs, 10)
        // The next run asks only for what is newer.
        let before = mastodon.requests("/api/v1/notifications").count
        _ = try f.run(desk: t.desk)
        XCTAssertEqual(mastodon.requests("/api/v1/notifications").dropFirst(before).map { $0.query["since_id"] }, ["122"])
    }

    func testAWaitBeforeTheGapStillImportsWhatIsNew() throws {
        mastodon.add(101...110)
        var f = fetcher()
        f.maxPages = 3
        f.maxWait = 600
        XCTAssertEqual(try f.run(desk: t.desk).keptPosition, .init(mark: nil, gap: .init(top: "110", below: "105")))
        mastodon.add(111...112)
        // The next run: the new page (112, 111), the empty page after it, then the gap's first page is told to wait an hour.
        let n = mastodon.server.requests.count
        mastodon.script(n + 3, .init(status: 429, headers: ["Retry-After": "3600"]))
        let second = try f.run(desk: t.desk)
        XCTAssertEqual(second.summary.accepted, 2, "what is new is imported")
        XCTAssertEqual(second.keptPosition, .init(mark: nil, gap: .init(top: "112", below: "105")), "the gap waits for the next run")
        XCTAssertTrue(second.pages.stoppedEarly?.contains("asks to wait") == true, second.pages.stoppedEarly ?? "")
    }

    func testTheTokenGoesToNoOtherServer() throws {
        let elsewhere = try LocalHTTPServer { _ in .init(status: 200, body: Data("[]".utf8)) }
        defer { elsewhere.stop() }
        mastodon.add(101...101)
        // A next page on another server is not followed; the mark stays, so the next run reads the rest.
        let page = "[" + FakeMastodon.notification(103) + "," + FakeMastodon.notification(102) + "]"
        mastodon.script(1, .init(status: 200, headers: ["Link": "<\(elsewhere.baseURL.absoluteString)/api/v1/notifications?max_id=102>; rel=\"next\""],
                                 body: Data(page.utf8)))
        let outcome = try fetcher().run(desk: t.desk)
        XCTAssertTrue(elsewhere.requests.isEmpty, "no request, no token, went to the other server")
        XCTAssertFalse(outcome.pages.complete)
        XCTAssertTrue(outcome.pages.stoppedEarly?.contains("is on another server") == true, outcome.pages.stoppedEarly ?? "")
        XCTAssertEqual(outcome.summary.accepted, 2)
        XCTAssertNil(outcome.keptPosition.mark)
        // A redirect to another server is not followed either.
        let t2 = try TestDesk()
        mastodon.script(mastodon.server.requests.count + 1,
                        .init(status: 302, headers: ["Location": "\(elsewhere.baseURL.absoluteString)/api/v1/notifications"], body: Data()))
        XCTAssertThrowsError(try fetcher().run(desk: t2.desk)) { error in
            XCTAssertTrue("\(error)".contains("on to another server"), "\(error)")
            XCTAssertTrue("\(error)".contains("Meja does not follow it"), "\(error)")
        }
        XCTAssertTrue(elsewhere.requests.isEmpty)
    }

    func testAFailingServerIsTriedAgainAfterGrowingPausesNotAtTheRateLimitsReset() throws {
        mastodon.add(101...101)
        // Mastodon sends its rate-limit reset on every answer: a 500 is not told to wait until then.
        let reset = ["X-RateLimit-Reset": "2026-12-01T03:05:00.000Z"]
        mastodon.script(1, .init(status: 500, headers: reset, body: Data()))
        mastodon.script(2, .init(status: 502, headers: reset, body: Data()))
        let outcome = try fetcher().run(desk: t.desk)
        XCTAssertEqual(Array(sleeper.waits.prefix(2)), [2, 4])
        XCTAssertEqual(outcome.summary.accepted, 1)
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
        XCTAssertEqual(MastodonFetcher.ownSinceIDKey(URL(string: "http://127.0.0.1:8080")!), "fetch.mastodon.127.0.0.1:8080.own_since_id")
        let link = LinkHeader(#"<https://m.example/api/v1/notifications?max_id=7&types[]=mention>; rel="next", <https://m.example/api/v1/notifications?min_id=9>; rel="prev""#)
        XCTAssertEqual(link.next, "https://m.example/api/v1/notifications?max_id=7&types[]=mention")
        XCTAssertEqual(link.links["prev"], "https://m.example/api/v1/notifications?min_id=9")
        XCTAssertNil(LinkHeader("").next)
    }
}
