import DeskCore
import Foundation
import XCTest

/// Each platform fixture imported into a real SQLite desk: threads linked, the agency's replies recorded as
/// replies that stop the clock of what they answer (at the real reply time), answered comments out of the default
/// queue, follow-ups after an agency reply on the next-response clock, rejections by line, re-import a no-op.
final class PlatformImportTests: XCTestCase {
    private func desk() throws -> TestDesk {
        var config = DeskConfig()
        config.channels = ["@diskominfo_contoh"]
        return try TestDesk(config: config)
    }

    @discardableResult
    private func importFixture(_ t: TestDesk, _ name: String, format: (any ImportFormat)? = nil) throws -> Importer.Summary {
        try Importer(desk: t.desk).importFile(PlatformFixture.url(name).path, format: format)
    }

    private func queue(_ t: TestDesk) throws -> Set<String> {
        Set(try t.desk.queue(limit: 1_000).map(\.comment.externalID))
    }

    private func time(_ text: String) -> Date { Timestamp.parse(text)! }

    /// The comment was answered by the agency at `at`, and so left the default queue.
    private func assertAnswered(_ t: TestDesk, _ platform: Platform, _ id: String, at: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let c = try t.comment(platform, id)
        XCTAssertEqual(c.sla.respondedAt, time(at), "\(id) responded at", file: file, line: line)
        XCTAssertEqual(c.status, .replied, file: file, line: line)
        XCTAssertFalse(try queue(t).contains(id), "\(id) should not be in the default queue", file: file, line: line)
    }

    func testBytesThatAreNotUTF8InAPlatformFileAreNamedByLine() throws {
        var text = try PlatformFixture.data("mastodon-notifications.json")
        let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
        let bad = try XCTUnwrap(lines.firstIndex { String(decoding: $0, as: UTF8.self).contains("car free day") })
        var broken = Data()
        for (i, line) in lines.enumerated() {
            broken.append(contentsOf: line)
            if i == bad { broken.removeLast(2); broken.append(contentsOf: [0xC3, 0x28]); broken.append(contentsOf: Data("\",".utf8)) }
            if i < lines.count - 1 { broken.append(0x0A) }
        }
        text = broken
        let t = try TestDesk()
        let s = try Importer(desk: t.desk).importData(text, name: "mentions.json", format: MastodonFormat())
        XCTAssertGreaterThan(s.accepted, 0, "the file is still read")
        XCTAssertEqual(s.warnings.map(\.description), ["mentions.json:\(bad + 1): " + ImportItem.replacedBytes])
        let clean = try Importer(desk: try TestDesk().desk).importData(try PlatformFixture.data("mastodon-notifications.json"), name: "m.json", format: MastodonFormat())
        XCTAssertEqual(clean.warnings, [])
    }

    func testMastodon() throws {
        let t = try desk()
        let s = try importFixture(t, "mastodon-notifications.json")
        XCTAssertEqual(s.format, "mastodon")
        XCTAssertTrue(s.detected)
        XCTAssertEqual(s.accepted, 5)
        XCTAssertEqual(s.replies, 1)
        XCTAssertEqual(s.rejected.map(\.line), [409, 576], "line 266's mention lost its post (deleted): nothing to answer, passed over")
        try assertAnswered(t, .mastodon, "113500000000000102", at: "2026-11-30T02:00:00Z")
        let followUp = try t.comment(.mastodon, "113500000000000105")
        XCTAssertEqual(followUp.threadKey, "113500000000000102")
        XCTAssertEqual(followUp.sla.responseClock, .nextResponse)
        XCTAssertTrue(try queue(t).isSuperset(of: ["113500000000000103", "113500000000000105", "113500000000000106", "113500000000000107"]))
        let threadRoot = try t.comment(.mastodon, "113500000000000102")
        let thread = try t.store.read { try $0.thread(around: threadRoot) }
        XCTAssertEqual(Set(thread.comments.map(\.externalID)), ["113500000000000102", "113500000000000105"])
        XCTAssertEqual(thread.replies.map(\.externalID), ["113500000000000104"])
        XCTAssertEqual(try t.comment(.mastodon, "113500000000000106").author.handle, "[deleted]")
        let again = try importFixture(t, "mastodon-notifications.json")
        XCTAssertEqual([again.accepted, again.replies, again.duplicates], [0, 0, 6])
    }

    func testXSearchThenTheAgencysArchive() throws {
        let t = try desk()
        let s = try importFixture(t, "x-v2-search.jsonl")
        XCTAssertEqual(s.format, "x-v2")
        XCTAssertEqual([s.accepted, s.replies, s.agencyPosts], [5, 1, 1], "the agency's post, from includes.tweets, is its own")
        XCTAssertEqual(s.rejected.map(\.line), [1, 2, 3, 4])
        try assertAnswered(t, .x, "1862000000000000101", at: "2026-11-30T03:00:00Z")
        XCTAssertEqual(try t.comment(.x, "1862000000000000106").sla.responseClock, .nextResponse)
        XCTAssertEqual(try t.comment(.x, "1862000000000000106").threadKey, "1862000000000000000")
        // Dewi's question is open until the agency's archive shows its reply.
        XCTAssertNil(try t.comment(.x, "1862000000000000105").sla.respondedAt)
        XCTAssertTrue(try queue(t).contains("1862000000000000105"))
        let archive = try importFixture(t, "x-tweets.js")
        XCTAssertEqual(archive.format, "x-v2")
        XCTAssertEqual([archive.accepted, archive.replies], [0, 1])
        XCTAssertEqual(archive.rejected.map(\.line), [133])
        try assertAnswered(t, .x, "1862000000000000105", at: "2026-11-30T05:30:00Z")
    }

    func testFacebook() throws {
        let t = try TestDesk() // no channels: the Page is recognised by its id from the paging links
        let s = try importFixture(t, "facebook-comments.json")
        XCTAssertEqual(s.format, "facebook")
        XCTAssertEqual([s.accepted, s.replies], [5, 1])
        XCTAssertEqual(s.rejected.map(\.line), [75, 120, 144])
        try assertAnswered(t, .facebook, "889900112233445_1001", at: "2026-11-30T03:15:00Z")
        let followUp = try t.comment(.facebook, "889900112233445_1003")
        XCTAssertEqual(followUp.threadKey, "889900112233445_1001")
        XCTAssertEqual(followUp.sla.responseClock, .nextResponse)
        XCTAssertEqual(try t.comment(.facebook, "889900112233445_1004").author.handle, "[deleted]")
        XCTAssertEqual(try t.comment(.facebook, "889900112233445_1006").text, "[sticker]")
        XCTAssertTrue(try queue(t).isSuperset(of: ["889900112233445_1003", "889900112233445_1004", "889900112233445_1007"]))
    }

    func testFacebookPageFeed() throws {
        let t = try TestDesk() // the Page is known from its posts' ids (PAGEID_POSTID)
        let s = try importFixture(t, "facebook-feed.json")
        XCTAssertEqual(s.format, "facebook")
        XCTAssertEqual([s.accepted, s.replies], [5, 2])
        XCTAssertEqual(s.rejected.map(\.line), [117])
        // The Page's own posts are not on the desk; a visitor's post is, and the Page's comment on it answers it.
        XCTAssertNil(try t.store.read { try $0.comment(platform: .facebook, externalID: "104729651234567_5550001") })
        XCTAssertNil(try t.store.read { try $0.comment(platform: .facebook, externalID: "104729651234567_5550003") })
        try assertAnswered(t, .facebook, "104729651234567_5550002", at: "2026-11-30T04:00:00Z")
        try assertAnswered(t, .facebook, "5550001_2001", at: "2026-11-30T02:40:00Z")
        let followUp = try t.comment(.facebook, "5550001_2003")
        XCTAssertEqual(followUp.threadKey, "5550001_2001")
        XCTAssertEqual(followUp.sla.responseClock, .nextResponse)
        XCTAssertEqual(try queue(t), ["5550001_2003", "5550001_2004", "5549990_4001"])
        XCTAssertEqual(try importFixture(t, "facebook-feed.json").accepted, 0, "re-importing adds nothing")
    }

    func testTheChannelGivenToAnImportGoesToCommentsThatNameNoneAndPicksItsPolicy() throws {
        var config = DeskConfig()
        config.policies.insert(SLAPolicy(name: "facebook-page", match: .init(channels: ["@pemkot_contoh_fb"]),
                                         firstResponse: SLADuration(30, .minutes, .calendar), nextResponse: SLADuration(1, .hours, .calendar),
                                         resolution: SLADuration(1, .days, .calendar)), at: 0)
        let t = try TestDesk(config: config)
        let s = try Importer(desk: t.desk, channel: "Pemkot_Contoh_FB").importFile(PlatformFixture.url("facebook-feed.json").path)
        XCTAssertEqual(s.accepted, 5)
        let comment = try t.comment(.facebook, "5549990_4001")
        XCTAssertEqual(comment.channel, "@pemkot_contoh_fb")
        XCTAssertEqual(comment.sla.policy, "facebook-page")
        XCTAssertEqual(comment.sla.responseDueAt, time("2026-11-30T05:30:00Z"))
        let events = try t.store.read { try $0.events(from: 1, limit: 10) }
        let event = try XCTUnwrap(events.last(where: { $0.action == "import" }))
        XCTAssertTrue(event.payload.contains(#""channel":"@pemkot_contoh_fb""#), event.payload)
        // Without it, the comments name no channel and fall to the default policy.
        let plain = try TestDesk(config: config)
        try importFixture(plain, "facebook-feed.json")
        XCTAssertNil(try plain.comment(.facebook, "5549990_4001").channel)
        XCTAssertNotEqual(try plain.comment(.facebook, "5549990_4001").sla.policy, "facebook-page")
    }

    private func importText(_ t: TestDesk, _ text: String, _ format: any ImportFormat, channel: String? = nil) throws -> Importer.Summary {
        try Importer(desk: t.desk, channel: channel).importData(Data(text.utf8), name: "file.json", format: format)
    }

    func testAFacebookPageIsKnownByTheIdConfiguredAndNeverByItsDisplayName() throws {
        var config = DeskConfig()
        config.channels = ["@diskominfo kota contoh"] // a display name, as a user might write it
        config.channelAccounts = [.facebook: ["123456789"]]
        let t = try TestDesk(config: config)
        // A reply listing with no paging link naming the Page: its id comes from the configuration. An impostor with
        // the Page's name (another id) is a citizen, and two people who share a name are two citizens.
        let s = try importText(t, #"""
            {"data":[{"id":"987_5001","created_time":"2026-11-30T01:00:00+0000","from":{"name":"Budi Santoso","id":"7001"},"message":"Kapan beasiswa dibuka?"},
             {"id":"987_5002","created_time":"2026-11-30T01:20:00+0000","from":{"name":"Budi Santoso","id":"7002"},"message":"Jalan depan SDN 3 ambles!","parent":{"id":"987_5001"}},
             {"id":"987_5003","created_time":"2026-11-30T01:40:00+0000","from":{"name":"Diskominfo Kota Contoh","id":"7999"},"message":"Sudah ditutup kak","parent":{"id":"987_5001"}},
             {"id":"987_5004","created_time":"2026-11-30T02:00:00+0000","from":{"name":"Diskominfo Kota Contoh","id":"123456789"},"message":"Dibuka Januari, Kak.","parent":{"id":"987_5001"}}]}
            """#, FacebookFormat())
        XCTAssertEqual([s.accepted, s.replies], [3, 1], "the impostor is a citizen; the Page answers once")
        try assertAnswered(t, .facebook, "987_5001", at: "2026-11-30T02:00:00Z")
        let other = try t.comment(.facebook, "987_5002")
        XCTAssertNil(other.sla.respondedAt, "the answer to one Budi Santoso does not answer another")
        XCTAssertTrue(try queue(t).isSuperset(of: ["987_5002", "987_5003"]))
    }

    func testVisitorPostsWithoutFromAreCitizensWithAWithheldName() throws {
        let t = try TestDesk()
        let s = try importText(t, #"""
            {"data":[{"id":"123456789_555001","created_time":"2026-11-30T01:00:00+0000","message":"Pak, lampu PJU di depan masjid mati seminggu."},
                     {"id":"123456789_555002","created_time":"2026-11-30T01:30:00+0000","message":"Mau lapor pungli di kelurahan, ke mana ya?"}],
             "paging":{"next":"https://graph.facebook.com/v21.0/123456789/visitor_posts?access_token=X&after=b"}}
            """#, FacebookFormat())
        XCTAssertEqual(s.accepted, 2, "no report may vanish because the API withheld its writer's name")
        XCTAssertEqual(try t.comment(.facebook, "123456789_555002").author, Author.unknown)
    }

    func testAFacebookNameMatchingAChannelIsAskedAboutNotTrusted() throws {
        var config = DeskConfig()
        config.channels = ["@pemkot"]
        let t = try TestDesk(config: config)
        let s = try importText(t, #"{"data":[{"id":"9_1","created_time":"2026-11-30T01:00:00+0000","from":{"name":"Pemkot","id":"4242"},"message":"Info: CFD libur"}]}"#,
                               FacebookFormat())
        XCTAssertEqual(s.accepted, 1)
        XCTAssertTrue(s.warnings.contains { $0.message.contains(#"add "facebook:4242" to [agency].channels"#) }, "\(s.warnings)")
    }

    func testAnUnknownAuthorsOwnCommentStillHasItsAnswers() throws {
        let t = try TestDesk()
        try t.importRecords([CommentRecord(platform: .facebook, id: "d1", author: .unknown, text: "Jalan rusak", createdAt: time("2026-12-01T01:00:00Z"))])
        let c = try t.comment(.facebook, "d1")
        try t.desk.reply(c.id, ReplyRequest(text: "Terima kasih, kami cek."))
        XCTAssertNotNil(try t.store.read { try $0.firstAgencyAnswer(to: c, since: c.createdAt, until: nil, source: .desk) },
                        "nobody else's, but its own answer is its own")
    }

    func testAnswersToAnUnknownAuthorNeverAnswerAnotherUnknownAuthor() throws {
        let t = try TestDesk() // the Page is known from the paging link
        let s = try importText(t, #"""
            {"data":[{"id":"777_1","created_time":"2026-11-30T01:00:00+0000","message":"Bantuan banjir RW 07 belum sampai",
                      "comments":{"data":[{"id":"777_2","created_time":"2026-11-30T01:30:00+0000","message":"RW 09 juga belum, rumah kami terendam"},
                                          {"id":"777_3","created_time":"2026-11-30T02:00:00+0000","from":{"name":"Pemkot","id":"104729651234567"},"message":"Bantuan RW 07 tiba jam 3."}]}}],
             "paging":{"next":"https://graph.facebook.com/v21.0/104729651234567_777/comments?after=b"}}
            """#, FacebookFormat())
        XCTAssertEqual([s.accepted, s.replies], [2, 1])
        XCTAssertEqual(try t.comment(.facebook, "777_2").author, Author.unknown)
        XCTAssertNotNil(try t.comment(.facebook, "777_1").sla.respondedAt)
        XCTAssertNil(try t.comment(.facebook, "777_2").sla.respondedAt, "a reply to one deleted account is nobody else's answer")
        XCTAssertFalse(Author.unknown.isSame(as: Author.unknown))
    }

    func testAnXV11TweetListIsCitizensTweetsNotTheAgencysArchive() throws {
        let t = try desk()
        try importText(t, #"""
            {"data":[{"id":"301","created_at":"2026-11-30T01:00:00.000Z","conversation_id":"301","author_id":"903","text":"@diskominfo_contoh sampah belum diangkut"}],
             "includes":{"users":[{"id":"903","username":"rudi_h"}]}}
            """#, XV2Format())
        let s = try importText(t, #"""
            [{"created_at":"Mon Nov 30 03:00:00 +0000 2026","id_str":"1003","full_text":"@rudi_h @diskominfo_contoh di Jl. Mawar juga, sudah 4 hari!","in_reply_to_status_id_str":"301","user":{"id_str":"906","screen_name":"tono_s"}},
             {"created_at":"Mon Nov 30 02:30:00 +0000 2026","id_str":"1002","full_text":"@diskominfo_contoh lampu merah mati!","in_reply_to_status_id_str":null,"user":{"id_str":"907","screen_name":"wati_r"}},
             {"created_at":"Mon Nov 30 04:00:00 +0000 2026","id_str":"1004","full_text":"@rudi_h Sudah kami teruskan ke DLH.","in_reply_to_status_id_str":"301","user":{"id_str":"500","screen_name":"diskominfo_contoh"}},
             {"created_at":"Mon Nov 30 04:10:00 +0000 2026","id_str":"1005","full_text":"RT @wati_r: lampu merah mati!","retweeted_status":{"id_str":"1002"},"user":{"id_str":"908","screen_name":"ani"}}]
            """#, XV2Format())
        XCTAssertEqual([s.accepted, s.replies], [2, 1], "two citizens' tweets and the agency's answer; the retweet passed over")
        XCTAssertEqual(try t.comment(.x, "1003").author.handle, "tono_s")
        XCTAssertEqual(try t.comment(.x, "1003").threadKey, "301")
        XCTAssertEqual(try t.comment(.x, "1002").author.handle, "wati_r")
        try assertAnswered(t, .x, "301", at: "2026-11-30T04:00:00Z")
        XCTAssertNil(try t.comment(.x, "1003").sla.respondedAt, "the answer was to Rudi, not to Tono")
    }

    func testAnXReplyWithoutReferencedTweetsAnswersWhomItNames() throws {
        let t = try desk()
        // tweet.fields=created_at,author_id,conversation_id,in_reply_to_user_id: no referenced_tweets.
        let s = try importText(t, #"""
            {"data":[{"id":"503","created_at":"2026-11-30T02:00:00.000Z","conversation_id":"501","author_id":"500","in_reply_to_user_id":"905","text":"@eko_p Halo Kak, CFD tetap jalan."},
                     {"id":"502","created_at":"2026-11-30T01:30:00.000Z","conversation_id":"501","author_id":"905","in_reply_to_user_id":"906","text":"@sri @diskominfo_contoh jadi nggak?"},
                     {"id":"501","created_at":"2026-11-30T01:00:00.000Z","conversation_id":"501","author_id":"906","text":"@diskominfo_contoh CFD minggu ini jadi?"}],
             "includes":{"users":[{"id":"905","username":"eko_p"},{"id":"906","username":"sri"},{"id":"500","username":"diskominfo_contoh"}]}}
            """#, XV2Format())
        XCTAssertEqual([s.accepted, s.replies, s.agencyPosts], [2, 1, 0])
        try assertAnswered(t, .x, "502", at: "2026-11-30T02:00:00Z")
        XCTAssertNil(try t.comment(.x, "501").sla.respondedAt, "the answer named Eko, not Sri")
    }

    func testAnAgencyAnswerGivenOnlyInIncludesStopsTheClock() throws {
        let t = try desk()
        // A mentions timeline with expansions=referenced_tweets.id: Lina's follow-up answers the agency's tweet, which
        // comes only in includes.tweets; another citizen's tweet there is context, not a comment.
        let s = try importText(t, #"""
            {"data":[{"id":"403","created_at":"2026-11-30T02:00:00.000Z","conversation_id":"401","author_id":"7","text":"@diskominfo_contoh makasih min, jam berapa?",
                      "referenced_tweets":[{"type":"replied_to","id":"402"}]},
                     {"id":"401","created_at":"2026-11-30T01:00:00.000Z","conversation_id":"401","author_id":"7","text":"@diskominfo_contoh KTP saya hilang",
                      "referenced_tweets":[{"type":"quoted","id":"399"}]}],
             "includes":{"users":[{"id":"7","username":"lina_s"},{"id":"500","username":"diskominfo_contoh"},{"id":"8","username":"tono"}],
                         "tweets":[{"id":"402","created_at":"2026-11-30T01:45:00.000Z","conversation_id":"401","author_id":"500","text":"@lina_s Silakan ke Disdukcapil.",
                                    "referenced_tweets":[{"type":"replied_to","id":"401"}]},
                                   {"id":"399","created_at":"2026-11-29T01:00:00.000Z","conversation_id":"399","author_id":"8","text":"Antre KTP lama banget"}]}}
            """#, XV2Format())
        XCTAssertEqual([s.accepted, s.replies, s.duplicates], [2, 1, 0])
        try assertAnswered(t, .x, "401", at: "2026-11-30T01:45:00Z")
        XCTAssertEqual(try t.comment(.x, "403").sla.responseClock, .nextResponse)
        XCTAssertNil(try t.store.read { try $0.comment(platform: .x, externalID: "399") }, "someone else's tweet, given as context")
    }

    func testAnEditedTweetIsOneCommentWhenOnlyTheNewVersionNamesTheOld() throws {
        let t = try desk()
        let s = try importText(t, #"""
            {"data":[{"id":"825","edit_history_tweet_ids":["801","825"],"created_at":"2026-11-30T01:25:00.000Z","conversation_id":"801","author_id":"7","text":"@diskominfo_contoh Lampu mati di Jl. Anggrek No. 12"},
                     {"id":"810","edit_history_tweet_ids":["810"],"created_at":"2026-11-30T01:20:00.000Z","conversation_id":"801","author_id":"500","text":"@ani Kami cek, Kak.",
                      "referenced_tweets":[{"type":"replied_to","id":"801"}]},
                     {"id":"801","edit_history_tweet_ids":["801"],"created_at":"2026-11-30T01:00:00.000Z","conversation_id":"801","author_id":"7","text":"@diskominfo_contoh Lampu mati di Jl. Anggrek No. 21"}],
             "includes":{"users":[{"id":"7","username":"ani"},{"id":"500","username":"diskominfo_contoh"}]}}
            """#, XV2Format())
        XCTAssertEqual([s.accepted, s.replies], [1, 1], "one comment, with the latest words")
        XCTAssertEqual(try t.comment(.x, "801").text, "@diskominfo_contoh Lampu mati di Jl. Anggrek No. 12")
        try assertAnswered(t, .x, "801", at: "2026-11-30T01:20:00Z")
    }

    func testAnEditFetchedInALaterExportIsTheCommentAlreadyOnTheDesk() throws {
        let t = try desk()
        let users = #""includes":{"users":[{"id":"7","username":"ani"}]}"#
        try importText(t, #"{"data":[{"id":"901","edit_history_tweet_ids":["901"],"created_at":"2026-11-30T01:00:00.000Z","conversation_id":"901","author_id":"7","text":"@diskominfo_contoh jalan rusak"}],"# + users + "}", XV2Format())
        // The next day's export holds the edited version only, under its new id.
        let s = try importText(t, #"{"data":[{"id":"902","edit_history_tweet_ids":["901","902"],"created_at":"2026-11-30T01:05:00.000Z","conversation_id":"901","author_id":"7","text":"@diskominfo_contoh jalan rusak, sudah 2 minggu!"}],"# + users + "}", XV2Format())
        XCTAssertEqual([s.accepted, s.duplicates], [0, 1])
        XCTAssertNil(try t.store.read { try $0.comment(platform: .x, externalID: "902") }, "no second queue item")
        let first = try t.comment(.x, "901")
        XCTAssertEqual(s.warnings.map(\.message), ["an edit of #\(first.id) (x post 901), which is on the desk: the desk keeps the words it first imported; read the edit on the platform"])
        XCTAssertEqual(first.text, "@diskominfo_contoh jalan rusak", "its words are the log's")
        // The same edit again says nothing new.
        let again = try importText(t, #"{"data":[{"id":"902","edit_history_tweet_ids":["901","902"],"created_at":"2026-11-30T01:05:00.000Z","conversation_id":"901","author_id":"7","text":"@diskominfo_contoh jalan rusak"}],"# + users + "}", XV2Format())
        XCTAssertEqual([again.accepted, again.duplicates, again.warnings.count], [0, 1, 0])
    }

    func testARecordAlreadyOnTheDeskWithOtherWordsOrAnotherWriterIsNamed() throws {
        let t = try desk()
        try t.importRecords([record("w1", at: "2026-11-30T08:00:00+07:00", author: "warga", text: "Bansos belum cair")])
        let id = try t.comment(.x, "w1").id
        let s = try t.importRecords([
            record("w1", at: "2026-11-30T08:00:00+07:00", author: "warga", text: "Bansos belum cair"),
            record("w1", at: "2026-11-30T08:00:00+07:00", author: "warga", text: "Bansos belum cair (EDIT: sudah 3 bulan)"),
            record("w1", at: "2026-11-30T09:00:00+07:00", author: "other", text: "Minta info lowongan"),
        ])
        XCTAssertEqual([s.accepted, s.duplicates, s.rejected.count], [0, 3, 0])
        XCTAssertEqual(s.warnings.map(\.line), [2, 3], "nothing said of the same comment again")
        XCTAssertTrue(s.warnings[0].message.hasPrefix("already on the desk as #\(id), with other words (edited on the platform?)"), s.warnings[0].message)
        XCTAssertEqual(s.warnings[1].message, "id w1 is already on the desk as #\(id), written by @warga, but this line names @other: "
                       + "the desk keeps #\(id) as it is (a renamed account, or two comments given the same id: check the file's ids)",
                       "another citizen's message under the same id is not silently dropped")
        XCTAssertEqual(try t.comment(.x, "w1").text, "Bansos belum cair")
    }

    func testTheAgencysOwnTweetFromItsArchiveIsNotACitizensCommentInAnotherFile() throws {
        let archive = #"window.YTD.tweets.part0 = [{"tweet":{"id_str":"102","in_reply_to_status_id_str":"101","full_text":"@rina_w Mohon DM nomor antrean Anda","created_at":"Tue Dec 01 02:30:00 +0000 2026"}}]"#
        let mentions = #"""
            {"data":[{"id":"101","created_at":"2026-12-01T02:00:00.000Z","conversation_id":"101","author_id":"5","text":"@kominfo_ri antrean saya hilang"},
                     {"id":"102","created_at":"2026-12-01T02:30:00.000Z","conversation_id":"101","author_id":"9","text":"@rina_w Mohon DM nomor antrean Anda",
                      "referenced_tweets":[{"type":"replied_to","id":"101"}]}],
             "includes":{"users":[{"id":"5","username":"rina_w"},{"id":"9","username":"kominfo_ri"}]}}
            """#
        // The archive first, then a mentions file, on a desk with no channels configured (a first day).
        let t = try TestDesk()
        let a = try importText(t, archive, XV2Format())
        XCTAssertEqual(a.replies + a.agencyPosts, 1)
        let m = try importText(t, mentions, XV2Format())
        XCTAssertEqual([m.accepted, m.duplicates], [1, 1], "Rina's comment; the agency's answer is already on the desk")
        XCTAssertNil(try t.store.read { try $0.comment(platform: .x, externalID: "102") }, "not a citizen's comment waiting for an answer")
        XCTAssertEqual(m.warnings.map(\.line), [2])
        XCTAssertTrue(m.warnings[0].message.contains("list @kominfo_ri in [agency].channels"), m.warnings[0].message)
        // The other way round: the comment already taken for a citizen's is named, and the answer is not stored twice.
        let u = try TestDesk()
        try importText(u, mentions, XV2Format())
        let taken = try u.comment(.x, "102")
        let b = try importText(u, archive, XV2Format())
        XCTAssertEqual([b.replies, b.agencyPosts, b.duplicates], [0, 0, 1])
        XCTAssertTrue(b.warnings.contains { $0.message.contains("on the desk as a citizen's comment, #\(taken.id)") }, "\(b.warnings)")
        XCTAssertNil(try u.store.read { try $0.reply(platform: .x, externalID: "102") })
    }

    func testTheAgencysMastodonNameOnAnotherServerIsKeptAndAskedAbout() throws {
        let t = try desk() // channels = ["@diskominfo_contoh"], written without its server
        let s = try importText(t, #"""
            [{"id":"120","created_at":"2026-11-30T02:00:00.000Z","in_reply_to_id":null,"content":"<p>Pengumuman: CFD libur.</p>","account":{"id":"1","acct":"diskominfo_contoh@kota.social"}}]
            """#, MastodonFormat())
        XCTAssertEqual(s.accepted, 1, "the desk cannot tell an impostor elsewhere from the agency seen from elsewhere")
        XCTAssertTrue(s.warnings.contains { $0.message.contains(#"list it in [agency].channels as "@diskominfo_contoh@kota.social""#) },
                      "\(s.warnings)")
    }

    func testAnInstagramAgencyCommentWithoutAParentIsAPostWithAWarning() throws {
        let t = try desk()
        _ = try importText(t, #"{"data":[{"id":"1790001","text":"min, KTP-el online error terus?","timestamp":"2026-11-30T01:00:00+0000","username":"dewi"}]}"#, InstagramFormat())
        let s = try importText(t, #"{"data":[{"id":"1790003","text":"@dewi Server sedang pemeliharaan","timestamp":"2026-11-30T02:00:00+0000","username":"diskominfo_contoh"}]}"#,
                               InstagramFormat())
        XCTAssertEqual(s.agencyPosts, 1)
        XCTAssertTrue(s.warnings.contains { $0.message.contains("export replies with parent_id") }, "\(s.warnings)")
        // With parent_id it answers Dewi.
        let withParent = try importText(t, #"{"data":[{"id":"1790004","text":"@dewi Sudah normal","timestamp":"2026-11-30T03:00:00+0000","username":"diskominfo_contoh","parent_id":"1790001"}]}"#,
                                        InstagramFormat())
        XCTAssertEqual([withParent.replies, withParent.warnings.count], [1, 0])
        try assertAnswered(t, .instagram, "1790001", at: "2026-11-30T03:00:00Z")
    }

    func testAnEditChainListedNewestFirstKeepsTheLatestWords() throws {
        let t = try desk()
        try importText(t, #"""
            {"data":[{"id":"703","edit_history_tweet_ids":["701","702","703"],"created_at":"2026-11-30T01:20:00.000Z","conversation_id":"701","author_id":"7","text":"versi tiga"},
                     {"id":"702","edit_history_tweet_ids":["701","702"],"created_at":"2026-11-30T01:10:00.000Z","conversation_id":"701","author_id":"7","text":"versi dua"},
                     {"id":"701","edit_history_tweet_ids":["701"],"created_at":"2026-11-30T01:00:00.000Z","conversation_id":"701","author_id":"7","text":"versi satu"}],
             "includes":{"users":[{"id":"7","username":"ani"}]}}
            """#, XV2Format())
        XCTAssertEqual(try t.comment(.x, "701").text, "versi tiga")
        XCTAssertNil(try t.store.read { try $0.comment(platform: .x, externalID: "702") })
    }

    func testTheAccountAFileWasAddressedToIsTheAgencysOwn() throws {
        let t = try TestDesk() // no channels configured
        let s = try importText(t, #"""
            {"data":[{"id":"11","created_at":"2026-11-30T01:00:00.000Z","conversation_id":"11","author_id":"905","text":"@diskominfo_contoh CFD jadi?"},
                     {"id":"12","created_at":"2026-11-30T02:00:00.000Z","conversation_id":"11","author_id":"500","text":"@eko_p Jadi, Kak.",
                      "referenced_tweets":[{"type":"replied_to","id":"11"}]}],
             "includes":{"users":[{"id":"905","username":"eko_p"},{"id":"500","username":"Diskominfo_Contoh"}]}}
            """#, XV2Format(), channel: "@diskominfo_contoh")
        XCTAssertEqual([s.accepted, s.replies], [1, 1])
        try assertAnswered(t, .x, "11", at: "2026-11-30T02:00:00Z")
    }

    func testAnInstagramPostNobodyCommentedOnIsPassedOverNotRejected() throws {
        let t = try desk()
        let s = try importText(t, #"""
            {"data":[{"id":"1795","caption":"Jadwal vaksinasi anak","timestamp":"2026-11-29T03:00:00+0000","username":"diskominfo_contoh",
                      "comments":{"data":[{"id":"1790101","text":"Di puskesmas mana aja min?","timestamp":"2026-11-30T01:00:00+0000","username":"ibu_ratna"}]}},
                     {"id":"1796","caption":"Selamat Hari Guru!","media_type":"IMAGE","timestamp":"2026-11-25T03:00:00+0000","username":"diskominfo_contoh"}]}
            """#, InstagramFormat())
        XCTAssertEqual(s.accepted, 1)
        XCTAssertEqual(s.rejected, [], "a post without a comments edge has no comments, it is not a broken comment")
    }

    func testAMastodonQuoteOfTheAgencysPostIsAComment() throws {
        let t = try desk()
        let s = try importText(t, #"""
            [{"id":"91","type":"quote","created_at":"2026-11-30T02:00:00.000Z","account":{"id":"7","acct":"nita@mastodon.social"},
              "status":{"id":"1101","created_at":"2026-11-30T02:00:00.000Z","in_reply_to_id":null,"spoiler_text":"","visibility":"public",
                        "content":"<p>Posko pengungsian di GOR sudah penuh. Tolong info posko lain!</p>","account":{"id":"7","acct":"nita@mastodon.social"}}},
             {"id":"92","type":"favourite","created_at":"2026-11-30T02:05:00.000Z","account":{"id":"8","acct":"ani"},"status":{"id":"1000","content":"<p>x</p>"}}]
            """#, MastodonFormat())
        XCTAssertEqual(s.accepted, 1, "the quote is a citizen's message to the agency; a favourite is not")
        XCTAssertEqual(try t.comment(.mastodon, "1101").text, "Posko pengungsian di GOR sudah penuh. Tolong info posko lain!")
    }

    func testMastodonPagesOfTheAgencysStatusesGiveOneResultInEitherOrder() throws {
        let mentions = #"""
            [{"id":"1","type":"mention","created_at":"2026-11-30T01:00:00.000Z","account":{"id":"9","acct":"budi@mastodon.social"},
              "status":{"id":"101","created_at":"2026-11-30T01:00:00.000Z","in_reply_to_id":null,"content":"<p>@diskominfo_contoh jalan berlubang</p>","account":{"id":"9","acct":"budi@mastodon.social"}}},
             {"id":"2","type":"mention","created_at":"2026-11-30T03:00:00.000Z","account":{"id":"9","acct":"budi@mastodon.social"},
              "status":{"id":"103","created_at":"2026-11-30T03:00:00.000Z","in_reply_to_id":"102","content":"<p>@diskominfo_contoh kapan diperbaiki?</p>","account":{"id":"9","acct":"budi@mastodon.social"}}}]
            """#
        func own(_ id: String, at time: String) -> String {
            #"[{"id":"\#(id)","created_at":"\#(time)","in_reply_to_id":"101","content":"<p>@budi Sudah kami teruskan.</p>","account":{"id":"1","acct":"diskominfo_contoh"}}]"#
        }
        // Mastodon lists the newest page first: the 05:00 answer arrives before the 02:00 one that makes 103 a follow-up.
        for newestFirst in [true, false] {
            let t = try desk()
            try importText(t, mentions, MastodonFormat())
            let pages = [own("110", at: "2026-11-30T05:00:00.000Z"), own("102", at: "2026-11-30T02:00:00.000Z")]
            for page in newestFirst ? pages : pages.reversed() { try importText(t, page, MastodonFormat()) }
            let followUp = try t.comment(.mastodon, "103")
            XCTAssertEqual(followUp.sla.responseClock, .nextResponse, "newest first: \(newestFirst)")
            XCTAssertEqual(followUp.sla.respondedAt, time("2026-11-30T05:00:00Z"), "the 05:00 answer meets it (newest first: \(newestFirst))")
            XCTAssertEqual(followUp.status, .replied)
            XCTAssertEqual(try t.comment(.mastodon, "101").sla.respondedAt, time("2026-11-30T02:00:00Z"))
        }
    }

    func testInstagram() throws {
        let t = try TestDesk() // the media's owner is named in the file
        let s = try importFixture(t, "instagram-comments.json")
        XCTAssertEqual(s.format, "instagram")
        XCTAssertEqual([s.accepted, s.replies], [5, 1])
        XCTAssertEqual(s.rejected.map(\.line), [47, 54])
        try assertAnswered(t, .instagram, "17870913679156914", at: "2026-11-30T03:00:00Z")
        XCTAssertEqual(try t.comment(.instagram, "17881234567890002").sla.responseClock, .nextResponse)
        // A reply from a replies listing hangs under the comment its paging link names.
        let reply = try t.comment(.instagram, "17881234567890003")
        XCTAssertEqual(reply.inReplyTo, "17870913679156918")
        XCTAssertEqual(reply.threadKey, "17870913679156918")
    }

    func testYouTube() throws {
        let t = try TestDesk() // the channel owner is recognised by its channel id
        let s = try importFixture(t, "youtube-commentThreads.json")
        XCTAssertEqual(s.format, "youtube")
        XCTAssertEqual([s.accepted, s.replies], [5, 1])
        XCTAssertEqual(s.rejected.map(\.line), [159, 226, 240])
        try assertAnswered(t, .youtube, "UgzQ1aQ1", at: "2026-11-30T02:45:00Z")
        XCTAssertEqual(try t.comment(.youtube, "UgzQ1aQ1.A2").sla.responseClock, .nextResponse)
        let threadRoot = try t.comment(.youtube, "UgzQ1aQ1")
        let thread = try t.store.read { try $0.thread(around: threadRoot) }
        XCTAssertEqual(Set(thread.comments.map(\.externalID)), ["UgzQ1aQ1", "UgzQ1aQ1.A2"])
        XCTAssertEqual(thread.replies.map(\.author), ["@diskominfokotacontoh"])
        XCTAssertTrue(try t.comment(.youtube, "UgyT2bT2").text.contains("\"nomor darurat\""))
    }

    func testAnAnswerOnTheDeskBeforeTheCitizensEarlierFollowUpStillMeetsItsClock() throws {
        // Instagram files every reply under the thread's first comment: the agency's answer at 03:00 names the first
        // comment, and also answers the citizen's follow-up of 02:40. Whichever file comes first, the follow-up is met.
        let answer = #"{"data":[{"id":"179006","text":"@mama_rina jam 08.00 WIB Kak","timestamp":"2026-11-30T03:00:00+0000","username":"diskominfo_contoh","parent_id":"179001"}]}"#
        let thread = #"{"data":[{"id":"179001","text":"kapan posyandu buka lagi?","timestamp":"2026-11-30T02:00:00+0000","username":"mama_rina","replies":{"data":[{"id":"179004","text":"@diskominfo_contoh jam berapa?","timestamp":"2026-11-30T02:40:00+0000","username":"mama_rina"}]}}]}"#
        for order in [[thread, answer], [answer, thread]] {
            let t = try desk()
            for (k, file) in order.enumerated() {
                try Importer(desk: t.desk).importData(Data(file.utf8), name: "ig\(k).json", format: InstagramFormat())
            }
            try assertAnswered(t, .instagram, "179001", at: "2026-11-30T03:00:00Z")
            try assertAnswered(t, .instagram, "179004", at: "2026-11-30T03:00:00Z")
        }
    }

    func testARetweetIsPassedOverAndALongPostShowsItsLinks() throws {
        let t = try desk()
        let response = #"""
            {"data":[
              {"id":"1861","text":"RT @diskominfo_contoh: Jadwal posyandu","author_id":"9","conversation_id":"1861","created_at":"2026-11-30T02:00:00.000Z",
               "referenced_tweets":[{"type":"retweeted","id":"1850"}]},
              {"id":"1862","text":"Ini jadwalnya? https://t.co/Q1","author_id":"9","conversation_id":"1862","created_at":"2026-11-30T02:05:00.000Z",
               "referenced_tweets":[{"type":"quoted","id":"1850"}],
               "entities":{"urls":[{"url":"https://t.co/Q1","expanded_url":"https://x.com/diskominfo_contoh/status/1850"}]}},
              {"id":"1863","text":"Panjang… https://t.co/Cut","author_id":"9","conversation_id":"1863","created_at":"2026-11-30T02:10:00.000Z",
               "note_tweet":{"text":"Panjang sekali, lihat https://t.co/Pic2","entities":{"urls":[{"url":"https://t.co/Pic2","expanded_url":"https://kota.go.id/foto"}]}}}
            ],"includes":{"users":[{"id":"9","username":"warga9","name":"Warga"}]}}
            """#
        let s = try Importer(desk: t.desk).importData(Data(response.utf8), name: "x.json", format: XV2Format())
        XCTAssertEqual(s.accepted, 2, "the retweet repeats the agency's post and answers no one")
        XCTAssertNil(try t.store.read { try $0.comment(platform: .x, externalID: "1861") })
        XCTAssertTrue(try t.comment(.x, "1862").text.contains("https://x.com/diskominfo_contoh/status/1850"), "a quote tweet is kept")
        XCTAssertEqual(try t.comment(.x, "1863").text, "Panjang sekali, lihat https://kota.go.id/foto")
        // An edited post comes as its versions: one comment, with the first version's id and time (replies name it, and
        // the citizen wrote then) and the latest words; an earlier version alone in a file is kept as it is.
        let edited = #"""
            {"data":[
              {"id":"1871","text":"Jalan rusak di Jl. Mawar","author_id":"9","conversation_id":"1871","created_at":"2026-11-30T03:00:00.000Z","edit_history_tweet_ids":["1871","1872"]},
              {"id":"1872","text":"Jalan rusak parah di Jl. Mawar No. 5","author_id":"9","conversation_id":"1871","created_at":"2026-11-30T03:02:00.000Z","edit_history_tweet_ids":["1871","1872"]},
              {"id":"1881","text":"Lampu jalan mati","author_id":"9","conversation_id":"1881","created_at":"2026-11-30T03:05:00.000Z","edit_history_tweet_ids":["1881","1882"]}
            ],"includes":{"users":[{"id":"9","username":"warga9","name":"Warga"}]}}
            """#
        let e = try Importer(desk: t.desk).importData(Data(edited.utf8), name: "edited.json", format: XV2Format())
        XCTAssertEqual(e.accepted, 2)
        XCTAssertNil(try t.store.read { try $0.comment(platform: .x, externalID: "1872") }, "the later version joins the first")
        XCTAssertEqual(try t.comment(.x, "1871").text, "Jalan rusak parah di Jl. Mawar No. 5")
        XCTAssertEqual(try t.comment(.x, "1871").createdAt, Timestamp.parse("2026-11-30T03:00:00Z"))
        XCTAssertEqual(try t.comment(.x, "1881").text, "Lampu jalan mati", "its latest version is not in the file: kept")
    }

    func testTheAgencysReplyFirstInTheFileStillStopsTheClock() throws {
        // Files list newest first; the importer is handed the oldest first, and a reply stored before what it
        // answers is linked when that arrives.
        let t = try desk()
        let newestFirst = """
            {"data":[{"id":"2","text":"@warga siap","author_id":"1","created_at":"2026-11-30T03:00:00.000Z","conversation_id":"1","referenced_tweets":[{"type":"replied_to","id":"1"}]}],"includes":{"users":[{"id":"1","username":"diskominfo_contoh","name":"D"}]}}
            {"data":[{"id":"1","text":"@diskominfo_contoh tolong","author_id":"7","created_at":"2026-11-30T02:00:00.000Z","conversation_id":"1"}],"includes":{"users":[{"id":"7","username":"warga","name":"W"}]}}
            """
        let s = try Importer(desk: t.desk, batchSize: 1).importData(Data(newestFirst.utf8), name: "x.jsonl", format: XV2Format())
        XCTAssertEqual([s.accepted, s.replies], [1, 1])
        try assertAnswered(t, .x, "1", at: "2026-11-30T03:00:00Z")
    }
}
