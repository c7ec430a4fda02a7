import DeskCore
import Foundation
import XCTest

/// Each platform importer on its documentation-shaped fixtures: the records and rejections match the golden
/// files, every record survives the round trip through `meja-jsonl`, and detection picks the right format.
final class PlatformFormatTests: XCTestCase {
    static let fixtures: [(file: String, format: any ImportFormat)] = [
        ("mastodon-notifications.json", MastodonFormat()),
        ("x-v2-search.jsonl", XV2Format()),
        ("x-v2-lookup.json", XV2Format()),
        ("x-tweets.js", XV2Format(archiveOwner: Author(id: "1500000000000000001", handle: "diskominfo_contoh"))),
        ("facebook-comments.json", FacebookFormat()),
        ("facebook-feed.json", FacebookFormat()),
        ("instagram-comments.json", InstagramFormat()),
        ("youtube-commentThreads.json", YouTubeFormat()),
    ]

    func testFixturesMatchTheirGoldenRecordsAndProblems() throws {
        for (file, format) in Self.fixtures { try PlatformFixture.assertMatchesGolden(file, format) }
    }
}

extension PlatformFormatTests {
    func testEveryRecordRoundTripsThroughMejaJSONL() throws {
        for (file, format) in Self.fixtures {
            let (records, _) = try PlatformFixture.read(file, format)
            XCTAssertFalse(records.isEmpty, file)
            for (_, read) in records {
                // Whether a record is context (kept only if the agency wrote it) is how the platform file gave it, not
                // part of the normalized record.
                var r = read
                r.onlyIfAgency = false
                let back = try CommentRecord(json: XCTUnwrap(JSONValue.parse(r.json.text)))
                XCTAssertEqual(back, r, "\(file): \(r.id)")
            }
        }
    }

    func testDetectionPicksEachFixturesFormat() throws {
        for (file, format) in Self.fixtures {
            let detected = ImportFormats.detect(try PlatformFixture.data(file), fileName: file)
            XCTAssertEqual(detected?.name, format.name, file)
        }
        // The golden files are meja-jsonl and must not be mistaken for a platform's export.
        for (file, _) in Self.fixtures {
            let golden = (file as NSString).deletingPathExtension + ".expected.jsonl"
            XCTAssertEqual(ImportFormats.detect(try PlatformFixture.data(golden), fileName: golden)?.name, "meja-jsonl", golden)
        }
        XCTAssertEqual(ImportFormats.named("x-v2")?.name, "x-v2")
        XCTAssertEqual(Set(ImportFormats.all.map(\.name)), ["meja-jsonl", "csv", "mastodon", "x-v2", "facebook", "instagram", "youtube"])
    }

    func testBadElementsAreNamedByLineWhileTheGoodOnesAreKept() throws {
        // A line of twarc2 output cut short, an element that is not a tweet and an API error among good pages.
        let (x, xProblems) = try PlatformFixture.read("x-v2-search.jsonl", XV2Format())
        XCTAssertEqual(x.count, 7, "six tweets listed, and the agency's post they answer, given as context")
        XCTAssertEqual(x.filter(\.record.onlyIfAgency).map(\.record.id), ["1862000000000000000"])
        XCTAssertEqual(xProblems.map(\.line), [1, 2, 3, 4])
        XCTAssertTrue(xProblems[0].message.contains("missing `created_at`"), xProblems[0].message)
        XCTAssertTrue(xProblems[1].message.hasPrefix("not valid JSON"), xProblems[1].message)
        XCTAssertTrue(xProblems[2].message.contains("found a number"), xProblems[2].message)
        XCTAssertTrue(xProblems[3].message.contains("API error response (Unauthorized"), xProblems[3].message)
        // A page of pretty-printed JSON broken in the middle loses only that page.
        let (m, mProblems) = try PlatformFixture.read("mastodon-notifications.json", MastodonFormat())
        XCTAssertEqual(m.count, 6)
        XCTAssertEqual(mProblems.map(\.line), [409, 576], "the mention on line 266 lost its post (\"status\": null, deleted): passed over")
        XCTAssertTrue(mProblems[0].message.contains("on line 416; the value starting here was skipped"), mProblems[0].message)
        // Lines point at the element itself, nested ones included.
        let (_, ytProblems) = try PlatformFixture.read("youtube-commentThreads.json", YouTubeFormat())
        let lines = try String(contentsOf: PlatformFixture.url("youtube-commentThreads.json"), encoding: .utf8).components(separatedBy: "\n")
        XCTAssertEqual(lines[ytProblems[0].line - 1].trimmingCharacters(in: .whitespaces), "\"topLevelComment\": {")
        XCTAssertTrue(ytProblems[0].message.contains("missing `publishedAt`"))
    }

    func testAFileInAnUnexpectedShapeSaysWhatWasExpectedAndFound() throws {
        func problems(_ text: String, _ format: any ImportFormat) throws -> [String] {
            var out: [String] = []
            try format.read(Data(text.utf8)) { if case .failure(let p) = $0.result { out.append("\($0.line): \(p.message)") } }
            return out
        }
        XCTAssertEqual(try problems(#"{"error": "unauthorized", "message": "x"}"#, FacebookFormat()),
                       ["1: expected a Graph API listing with a `data` array of comments; found an API error response (unauthorized)"])
        XCTAssertEqual(try problems(#"{"status": "ok", "message": "x"}"#, FacebookFormat()),
                       ["1: expected a Graph API listing with a `data` array of comments; found an object with keys message, status"])
        XCTAssertEqual(try problems("[1, 2]", YouTubeFormat()),
                       ["1: expected a YouTube Data API commentThreads listing with an `items` array; found a number",
                        "1: expected a YouTube Data API commentThreads listing with an `items` array; found a number"])
        XCTAssertEqual(try problems("\"just text\"", MastodonFormat()),
                       ["1: expected Mastodon Notification or Status entities in an array; found a string (\"just text\")"])
        XCTAssertEqual(try problems("platform,id\nx,1\n", InstagramFormat()).count, 1)
        // Nothing fits: detection fails with what the file looks like.
        let t = try TestDesk()
        let file = t.dir.appendingPathComponent("export.json")
        try Data(#"{"error": {"code": 1}, "message": "quota"}"#.utf8).write(to: file)
        XCTAssertThrowsError(try Importer(desk: t.desk).importFile(file.path)) { error in
            // A saved error body is a failed fetch: no --format reads comments out of it.
            XCTAssertTrue("\(error)".contains("holds an API error response, not comments (1: no message)"), "\(error)")
            XCTAssertTrue("\(error)".contains("fetch it again with a valid access token"), "\(error)")
            XCTAssertFalse("\(error)".contains("--format"), "\(error)")
        }
        try Data(#"{"kind": 1, "items": 2}"#.utf8).write(to: file)
        XCTAssertThrowsError(try Importer(desk: t.desk).importFile(file.path)) { error in
            XCTAssertTrue("\(error)".contains("could not be recognised (it holds JSON, an object with keys items, kind); name it with --format"), "\(error)")
        }
        XCTAssertEqual(ImportFormats.unrecognised(Data(#"{"kind": 1, "items": 2}"#.utf8)), "it holds JSON, an object with keys items, kind")
    }

    func testAFileWhoseFirstCommentIsHugeIsStillRecognised() throws {
        // A Mastodon status in the API's own key order: its content (here 200 KB) comes before the account.
        let content = "<p>" + String(repeating: "Jalan di depan rumah saya rusak parah. ", count: 5_200) + "</p>"
        let status = #"[{"id":"1","created_at":"2026-11-30T01:00:00.000Z","in_reply_to_id":null,"content":"\#(content)","account":{"id":"9","acct":"warga","display_name":"W"},"mentions":[]}]"#
        let data = Data(status.utf8)
        XCTAssertGreaterThan(data.count, 128 * 1024)
        XCTAssertEqual(ImportFormats.detect(data, fileName: "notifications.json")?.name, "mastodon")
    }

    func testACompactResponseWhoseFirstLineIsHugeIsStillRecognised() {
        // One line, as curl saves an X API v2 response, its first tweet's text 100 KB long.
        let text = String(repeating: "jalan rusak parah ", count: 5_600)
        let line = #"{"data":[{"id":"1","text":"\#(text)","author_id":"7","conversation_id":"1","created_at":"2026-11-30T01:00:00.000Z","edit_history_tweet_ids":["1"]}],"includes":{"users":[{"id":"7","username":"ani"}]}}"#
        XCTAssertGreaterThan(line.utf8.count, 64 * 1024)
        XCTAssertEqual(ImportFormats.detect(Data(line.utf8), fileName: "search.json")?.name, "x-v2")
    }

    func testAFormatNamedByHandThatReadsNothingSaysWhatTheFileLooksLike() throws {
        let t = try TestDesk()
        let file = t.dir.appendingPathComponent("comments.json")
        try PlatformFixture.data("facebook-comments.json").write(to: file)
        let summary = try Importer(desk: t.desk).importFile(file.path, format: InstagramFormat())
        XCTAssertEqual(summary.accepted, 0)
        XCTAssertEqual(summary.warnings.first?.description,
                       "\(file.path): nothing was read as instagram, but the file looks like facebook: leave --format off to have it detected, or name --format facebook")
        // Named rightly, no such word.
        let right = try Importer(desk: try TestDesk().desk).importFile(file.path, format: FacebookFormat())
        XCTAssertFalse(right.warnings.contains { $0.description.contains("looks like") })
    }

    func testMastodonPagesInEveryWrapping() throws {
        let statuses = try PlatformFixture.read("mastodon-notifications.json", MastodonFormat()).records.map(\.record)
        let page = #"[{"id":"1","created_at":"2026-11-30T01:00:00.000Z","content":"<p>a</p>","account":{"id":"9","acct":"w"},"in_reply_to_id":null}]"#
        let page2 = #"[{"id":"2","created_at":"2026-11-30T02:00:00.000Z","content":"<p>b</p>","account":{"id":"9","acct":"w"},"in_reply_to_id":"1"}]"#
        let wrappings = ["[\(page),\(page2)]", "\(page)\(page2)", "\(page)\n\(page2)\n", #"{"ancestors":\#(page),"descendants":\#(page2)}"#]
        for text in wrappings {
            var records: [CommentRecord] = []
            try MastodonFormat().read(Data(text.utf8)) { if case .success(let r) = $0.result { records.append(r) } }
            XCTAssertEqual(records.map(\.id), ["1", "2"], text)
            XCTAssertEqual(records.map(\.threadID), ["1", "1"], text)
        }
        XCTAssertEqual(statuses.count, 6)
    }

    func testTheXV2SampleIsDeterministicAndReadsCleanly() throws {
        let data = XV2Sample.generate(count: 250)
        XCTAssertEqual(data, XV2Sample.generate(count: 250))
        XCTAssertEqual(ImportFormats.detect(data, fileName: "sample.jsonl")?.name, "x-v2")
        var records: [CommentRecord] = []
        var problems = 0
        try XV2Format().read(data) { item in
            switch item.result {
            case .success(let r): records.append(r)
            case .failure: problems += 1
            }
        }
        XCTAssertEqual(problems, 0)
        XCTAssertEqual(records.count, 250)
        XCTAssertEqual(Set(records.map(\.id)).count, 250)
        XCTAssertTrue(records.contains { $0.author.handle == "diskominfo_contoh" && $0.inReplyTo != nil })
        XCTAssertEqual(records.map(\.createdAt), records.map(\.createdAt).sorted(), "handed over oldest first")
        XCTAssertFalse(records.contains { $0.text.contains("&amp;") || $0.text.contains("https://t.co/") })
    }
}

extension PlatformFormatTests {
    /// Large files of many pages are read in two halves at once; lines and problems are as if read in one piece,
    /// and a half that is not whole JSON makes the whole file be read again in one piece.
    func testALargeFileReadInHalvesKeepsItsLinesAndProblems() throws {
        var text = String(decoding: XV2Sample.generate(count: 4_000), as: UTF8.self)
        XCTAssertGreaterThan(text.utf8.count, 1 << 20, "large enough to be read in halves")
        text += #"{"data":[{"id":"bad","text":"no time"}],"includes":{"users":[]}}"# + "\n"      // line 41
        func read(_ text: String) throws -> (records: [(Int, CommentRecord)], problems: [(Int, String)]) {
            var records: [(Int, CommentRecord)] = []
            var problems: [(Int, String)] = []
            try XV2Format().read(Data(text.utf8)) { item in
                switch item.result {
                case .success(let r): records.append((item.line, r))
                case .failure(let p): problems.append((item.line, p.message))
                }
            }
            return (records, problems)
        }
        let whole = try read(text)
        XCTAssertEqual(whole.records.count, 4_000)
        XCTAssertEqual(Set(whole.records.map(\.0)), Set(1...40), "each tweet on its response's line")
        XCTAssertEqual(whole.problems.map(\.0), [41])
        XCTAssertTrue(whole.problems[0].1.contains("missing `created_at`"))
        // A broken line in the second half: read again in one piece, the good pages all kept.
        var lines = text.components(separatedBy: "\n")
        lines[34] = String(lines[34].prefix(500))                                                    // line 35
        let broken = try read(lines.joined(separator: "\n"))
        XCTAssertEqual(broken.records.count, 3_900, "only the cut page is lost, not the one after it")
        XCTAssertEqual(broken.problems.map(\.0), [35, 41])
        XCTAssertTrue(broken.problems[0].1.hasPrefix("not valid JSON"), broken.problems[0].1)
    }
}
