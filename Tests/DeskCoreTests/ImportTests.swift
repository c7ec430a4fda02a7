import DeskCore
import Foundation
import XCTest

final class ImportTests: XCTestCase {
    private func lines(_ good: Int) -> [String] {
        (1...good).map { record("g\($0)", at: "2026-12-01T0\($0 % 9):00:00+07:00", text: "komentar \($0) 🙏").json.text }
    }

    func testGoodLinesAreKeptAndBadOnesNamedByLine() throws {
        let t = try TestDesk()
        var content = lines(10)
        content.insert("{not json", at: 2)                                                            // line 3
        content.insert(#"{"platform":"x","id":"b2","author":{"handle":"a"},"text":"t"}"#, at: 6)         // line 7: no created_at
        content.insert(#"{"platform":"X Y","id":"b3","author":{"handle":"a"},"text":"t","created_at":"2026-12-01T08:00:00Z"}"#, at: 11) // line 12
        let file = t.dir.appendingPathComponent("mixed.jsonl")
        try Data(content.joined(separator: "\n").utf8).write(to: file)
        let summary = try Importer(desk: t.desk).importFile(file.path)
        XCTAssertEqual(summary.accepted, 10)
        XCTAssertEqual(summary.rejected.map(\.line), [3, 7, 12])
        XCTAssertTrue(summary.rejected[0].description.hasPrefix(file.path + ":3: not valid JSON"))
        XCTAssertTrue(summary.rejected[1].message.contains("created_at"))
        XCTAssertTrue(summary.rejected[2].message.contains("platform"))
        XCTAssertEqual(summary.format, "meja-jsonl")
        XCTAssertTrue(summary.detected)
        // Importing the same file again adds nothing.
        let again = try Importer(desk: t.desk).importFile(file.path)
        XCTAssertEqual(again.accepted, 0)
        XCTAssertEqual(again.duplicates, 10)
        XCTAssertEqual(try t.store.read { try $0.commentCount() }, 10)
    }

    func testValuesQuotedInProblemsAreInertAndShort() throws {
        let t = try TestDesk()
        let osc = "\u{1B}]0;TITLE\u{07}", clipboard = "\u{1B}]52;c;cm0gLXJm\u{07}", clear = "\u{1B}[2J"
        let huge = String(repeating: "p", count: 1_000_000)
        let lines = [
            #"{"platform":"x\#(osc)","id":"1","author":{"handle":"a"},"text":"t","created_at":"2026-12-01T08:00:00Z"}"#,
            #"{"platform":"x","id":"2","author":{"handle":"a"},"text":"t","created_at":"2026\#(clipboard)\u0000"}"#,
            #"{"platform":"\#(huge)","id":"3","author":{"handle":"a"},"text":"t","created_at":"2026-12-01T08:00:00Z"}"#,
        ].map { $0.replacingOccurrences(of: "\u{1B}", with: "\\u001b").replacingOccurrences(of: "\u{07}", with: "\\u0007") }
        let s = try Importer(desk: t.desk).importData(Data(lines.joined(separator: "\n").utf8), name: "in\(clear).jsonl", format: MejaJSONLFormat())
        XCTAssertEqual(s.rejected.map(\.line), [1, 2, 3])
        for problem in s.rejected.map(\.description) {
            XCTAssertFalse(problem.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }, problem)
            XCTAssertLessThan(problem.count, 300, "a megabyte-long value makes a one-line message")
        }
        XCTAssertTrue(s.rejected[0].description.hasPrefix("in␛.jsonl:1: platform 'x␛' must be one lower-case word"), s.rejected[0].description)
        XCTAssertTrue(s.rejected[1].description.contains("created_at '2026␛␀' is not ISO 8601"), s.rejected[1].description)
        XCTAssertTrue(s.rejected[2].description.contains("platform 'ppppp"), s.rejected[2].description)
        XCTAssertTrue(s.rejected[2].description.contains("…' must be one lower-case word"), s.rejected[2].description)
    }

    func testCommentsDatedBefore2000OrPast9000AreRejectedInEveryFormat() throws {
        let t = try TestDesk()
        let times = ["9999-12-31T20:00:00Z", "0001-01-01T00:00:00Z", "1900-01-01T00:00:00+07:00", "1999-12-31T23:59:59Z",
                     "2000-01-01T00:00:00Z", "8999-12-31T00:00:00Z"]
        let jsonl = times.enumerated().map { record("j\($0)", at: $1).json.text }.joined(separator: "\n")
        let s = try Importer(desk: t.desk).importData(Data(jsonl.utf8), name: "old.jsonl", format: MejaJSONLFormat())
        XCTAssertEqual(s.rejected.map(\.line), [1, 2, 3, 4], "good lines kept, bad ones named: \(s.rejected)")
        XCTAssertEqual(s.accepted, 2)
        XCTAssertEqual(s.rejected[0].description, "old.jsonl:1: the time it was written, 9999-12-31T20:00:00Z, is after 9000-01-01, "
            + "and its deadlines could pass the year 9999: check the export's dates and import it again with the right one")
        XCTAssertTrue(s.rejected[2].message.hasPrefix("the time it was written, 1899-12-31T17:00:00Z, is before 2000-01-01"), s.rejected[2].message)
        XCTAssertEqual(try t.store.read { try $0.commentCount() }, 2, "nothing of the rejected lines is stored")

        let csv = "platform,id,author_handle,text,created_at\nx,c1,warga,halo,1970-01-01T00:00:00Z\nx,c2,warga,halo,2026-11-30T08:00:00Z\n"
        let c = try Importer(desk: t.desk).importData(Data(csv.utf8), name: "old.csv", format: CSVFormat())
        XCTAssertEqual([c.rejected.map(\.line), [c.accepted]], [[2], [1]], "\(c.rejected)")

        let x = #"{"data":[{"id":"1","created_at":"1900-01-01T00:00:00.000Z","author_id":"9","text":"halo"},"#
            + #"{"id":"2","created_at":"2026-11-30T01:00:00.000Z","author_id":"9","text":"halo"}],"includes":{"users":[{"id":"9","username":"rudi"}]}}"#
        let v2 = try Importer(desk: t.desk).importData(Data(x.utf8), name: "old.json", format: XV2Format())
        XCTAssertEqual(v2.accepted, 1)
        XCTAssertEqual(v2.rejected.count, 1, "\(v2.rejected)")
        XCTAssertTrue(v2.rejected.first?.message.contains("1900-01-01T00:00:00Z, is before 2000-01-01") == true, "\(v2.rejected)")
    }

    func testNonUTF8BytesAreReplacedNotRejected() throws {
        let t = try TestDesk()
        var data = Data(#"{"platform":"x","id":"u1","author":{"handle":"a"},"text":"caf"#.utf8)
        data.append(contentsOf: [0xE9, 0xFF])
        data.append(contentsOf: Data(#" ok","created_at":"2026-11-30T08:00:00Z"}"#.utf8))
        let s = try Importer(desk: t.desk).importData(data, name: "latin1.jsonl", format: MejaJSONLFormat())
        XCTAssertEqual(s.accepted, 1)
        XCTAssertEqual(try t.comment(.x, "u1").text, "caf\u{FFFD}\u{FFFD} ok")
        XCTAssertEqual(s.warnings.map(\.description), ["latin1.jsonl:1: " + ImportItem.replacedBytes], "the replacement is told, not silent")

        var csv = Data("platform,id,author_handle,text,created_at\nx,u2,b,ok,2026-11-30T08:00:00Z\nx,u3,c,caf".utf8)
        csv.append(contentsOf: [0xE9])
        csv.append(contentsOf: Data(",2026-11-30T08:00:00Z\n".utf8))
        let c = try Importer(desk: t.desk).importData(csv, name: "latin1.csv", format: CSVFormat())
        XCTAssertEqual(c.accepted, 2)
        XCTAssertEqual(c.warnings.map(\.line), [3])
    }

    func testANULCharacterIsReplacedSoTheTextIsNeverCutShortNorSeemsEdited() throws {
        let t = try TestDesk()
        let line = Data(#"{"platform":"x","id":"n1","author":{"handle":"a\u0000b"},"text":"nul \u0000 inside","created_at":"2026-11-30T08:00:00Z"}"#.utf8)
        let first = try Importer(desk: t.desk).importData(line, name: "nul.jsonl", format: MejaJSONLFormat())
        XCTAssertEqual(first.accepted, 1)
        XCTAssertEqual(first.warnings.map(\.description), ["nul.jsonl:1: " + ImportItem.replacedNUL])
        let stored = try t.comment(.x, "n1")
        XCTAssertEqual(stored.text, "nul \u{FFFD} inside", "whole, as read back")
        XCTAssertEqual(stored.author.handle, "a\u{FFFD}b")
        let again = try Importer(desk: t.desk).importData(line, name: "nul.jsonl", format: MejaJSONLFormat())
        XCTAssertEqual(again.accepted, 0)
        XCTAssertFalse(again.warnings.contains { $0.description.contains("other words") }, "the same comment again: \(again.warnings)")
    }

    func testImportedCommentsAreTaggedWithTheirSensitiveTopicsAndPoliciesCanMatchThem() throws {
        var config = DeskConfig()
        config.policies.insert(SLAPolicy(name: "emergencies", match: SLAPolicy.Match(tags: ["disaster", "child_safety"]),
                                         firstResponse: SLADuration(15, .minutes, .calendar), nextResponse: SLADuration(30, .minutes, .calendar),
                                         resolution: SLADuration(1, .days, .calendar), atRisk: .share(0.25)), at: 0)
        let t = try TestDesk(config: config)
        let desk = Desk.withReplyChecks(store: t.store, config: config, clock: t.clock, actor: ActorIdentity(name: "sari", login: "sari", overridden: false))
        let data = Data([record("flood", at: "2026-12-01T09:00:00+07:00", text: "Banjir setinggi dada di RT 05, tolong kirim perahu"),
                         record("ktp", at: "2026-12-01T09:00:00+07:00", text: "Min, syarat bikin KTP apa aja ya?")]
            .map { $0.json.text }.joined(separator: "\n").utf8)
        _ = try Importer(desk: desk).importData(data, name: "in.jsonl", format: MejaJSONLFormat())
        let flood = try t.comment(.x, "flood"), ktp = try t.comment(.x, "ktp")
        XCTAssertEqual(flood.tags, ["disaster"])
        XCTAssertEqual(flood.sla.policy, "emergencies")
        XCTAssertEqual(flood.sla.responseDueAt, flood.createdAt + 15 * 60, "fifteen minutes, not two office hours")
        XCTAssertEqual(ktp.tags, [])
        XCTAssertEqual(ktp.sla.policy, "default")
        XCTAssertEqual(try desk.queue(limit: 1).first?.comment.externalID, "flood", "the emergency comes first")
    }

    /// A format that reads seven records and then fails, as a file cut short on a disk error would.
    private struct FailingFormat: ImportFormat {
        struct Cut: Error {}
        var name: String { "failing" }
        func confidence(sample: String, fileName: String) -> Int { 0 }
        func read(_ data: Data, emit: (ImportItem) throws -> Void) throws {
            for i in 1...7 { try emit(ImportItem(line: i, .success(record("f\(i)", at: "2026-12-01T08:00:00+07:00")))) }
            throw Cut()
        }
    }

    func testBatchesStoredBeforeAReadingFailureStayWholeAndLogged() throws {
        let t = try TestDesk()
        // Batches of two, up to a hundred rows a transaction: the three whole batches read before the failure are
        // stored (in one transaction or several), each with its event; the half batch is not.
        XCTAssertThrowsError(try Importer(desk: t.desk, batchSize: 2, transactionRows: 100).importData(Data(), name: "cut.jsonl", format: FailingFormat()))
        XCTAssertEqual(try t.store.read { try $0.commentCount() }, 6)
        let events = try t.store.read { try $0.events(subject: nil, action: "import", limit: 10) }
        XCTAssertEqual(events.compactMap { $0.payloadValue["accepted"]?.intValue }, [2, 2, 2])
        XCTAssertEqual(events.compactMap { $0.payloadValue["batch"]?.intValue }, [1, 2, 3])
        XCTAssertTrue(try LogAudit.verify(t.store).ok)
        // Imported again whole, only what is missing is added.
        let again = try Importer(desk: t.desk, batchSize: 2, transactionRows: 3)
            .importData(Data((1...7).map { record("f\($0)", at: "2026-12-01T08:00:00+07:00").json.text }.joined(separator: "\n").utf8),
                        name: "whole.jsonl", format: MejaJSONLFormat())
        XCTAssertEqual([again.accepted, again.duplicates, again.events.count], [1, 6, 4])
    }

    func testBatchesStartAtAThousandAndDoubleUpToTheBatchSize() throws {
        let t = try TestDesk()
        let lines = (1...12_000).map { record("r\($0)", at: "2026-12-01T08:00:00+07:00", author: "w\($0)").json.text }
        let summary = try Importer(desk: t.desk, batchSize: 5_000).importData(Data(lines.joined(separator: "\n").utf8), name: "ramp.jsonl",
                                                                            format: MejaJSONLFormat())
        XCTAssertEqual(summary.accepted, 12_000)
        let events = try t.store.read { try $0.events(subject: nil, action: "import", limit: 20) }
        // Writing starts after a thousand rows, and is not left waiting for a whole batch after that.
        XCTAssertEqual(events.compactMap { $0.payloadValue["accepted"]?.intValue }, [1_000, 2_000, 4_000, 5_000])
        XCTAssertEqual(events.compactMap { $0.payloadValue["lines"]?.stringValue }, ["1-1000", "1001-3000", "3001-7000", "7001-12000"])
    }

    func testAnEmptyFileImportsNothingAndAFolderIsNamedAsOne() throws {
        let t = try TestDesk()
        let empty = t.dir.appendingPathComponent("mentions-today.json")
        try Data("\n  \n".utf8).write(to: empty)
        for format in [nil, MejaJSONLFormat() as (any ImportFormat)?] {
            let s = try Importer(desk: t.desk).importFile(empty.path, format: format)
            XCTAssertEqual([s.accepted, s.rejected.count], [0, 0])
            XCTAssertEqual(s.warnings.map(\.description), [empty.path + ": is empty: nothing to import"])
        }
        XCTAssertThrowsError(try Importer(desk: t.desk).importFile(t.dir.path)) {
            XCTAssertTrue("\($0)".contains("is a folder; name the files in it"), "\($0)")
        }
        // A quiet day's API pages: nothing new, in each platform's shape of nothing.
        let quiet = ["[]", #"{"meta":{"result_count":0}}"#, #"{"data":[],"paging":{"cursors":{"before":"a","after":"b"}}}"#,
                     #"{"kind":"youtube#commentThreadListResponse","items":[]}"#, "[]\n[]\n"]
        for (k, text) in quiet.enumerated() {
            let file = t.dir.appendingPathComponent("quiet\(k).json")
            try Data(text.utf8).write(to: file)
            let s = try Importer(desk: t.desk).importFile(file.path)
            XCTAssertEqual([s.accepted, s.rejected.count], [0, 0], text)
            // (YouTube's names its kind, so its format is recognised and it simply holds nothing.)
            XCTAssertTrue(s.format == "youtube" || s.warnings.first?.description.contains("empty listing") == true, text)
        }
        let notEmpty = t.dir.appendingPathComponent("error.json")
        try Data(#"{"error":{"message":"Invalid OAuth access token","code":190}}"#.utf8).write(to: notEmpty)
        XCTAssertThrowsError(try Importer(desk: t.desk).importFile(notEmpty.path), "an error response is no quiet day")
    }

    func testAByteOrderMarkBeforeTheFirstRecordIsSkipped() throws {
        let t = try TestDesk()
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data((lines(2)).joined(separator: "\r\n").utf8))
        let format = try XCTUnwrap(ImportFormats.detect(data, fileName: "windows.txt"))
        XCTAssertEqual(format.name, "meja-jsonl")
        let s = try Importer(desk: t.desk).importData(data, name: "windows.txt", format: format)
        XCTAssertEqual([s.accepted, s.rejected.count, s.warnings.count], [2, 0, 0])
        // Two such files joined with cat: the second one's mark starts a line, and is skipped there too.
        var joined = Data((lines(3).prefix(1)).joined().utf8)
        joined.append(Data("\n".utf8) + Data([0xEF, 0xBB, 0xBF]) + Data(lines(3)[2].utf8))
        let both = try Importer(desk: t.desk).importData(joined, name: "joined.jsonl", format: MejaJSONLFormat())
        XCTAssertEqual([both.rejected.count, both.accepted], [0, 1], "\(both.rejected)")
    }

    func testEachBatchIsLoggedWithTheFileHashAndCounts() throws {
        let t = try TestDesk()
        let data = Data((lines(7) + ["broken"]).joined(separator: "\n").utf8)
        let summary = try Importer(desk: t.desk, batchSize: 3).importData(data, name: "in.jsonl", format: MejaJSONLFormat())
        XCTAssertEqual(summary.events.count, 3)
        let events = try t.store.read { try $0.events(subject: nil, action: "import", limit: 10) }
        XCTAssertEqual(events.count, 3)
        XCTAssertEqual(Set(events.compactMap { $0.payloadValue["sha256"]?.stringValue }), [EventChain.sha256Hex(data)])
        XCTAssertEqual(events.compactMap { $0.payloadValue["accepted"]?.intValue }, [3, 3, 1])
        XCTAssertEqual(events.compactMap { $0.payloadValue["rejected"]?.intValue }, [0, 0, 1])
        XCTAssertEqual(events.last?.payloadValue["file"]?.stringValue, "in.jsonl")
    }

    func testCSVWithQuotesCommasAndLineBreaks() throws {
        let t = try TestDesk()
        let csv = """
            platform,id,author_handle,author_name,text,created_at,thread_id,from_agency
            facebook,c1,ani,"Ani, S.Pd","Halo, ""min"" mau tanya
            dua baris",2026-12-01T08:00:00+07:00,post1,
            facebook,c2,bad,,"teks",not-a-time,,
            facebook,c3,@diskominfo,,Sudah kami cek,2026-12-01T08:30:00+07:00,post1,true
            """
        let file = t.dir.appendingPathComponent("in.csv")
        try Data(csv.utf8).write(to: file)
        let s = try Importer(desk: t.desk).importFile(file.path)
        XCTAssertEqual(s.format, "csv")
        XCTAssertEqual(s.accepted, 1)
        XCTAssertEqual([s.replies, s.agencyPosts], [0, 1], "an agency message that names no comment it answers is a post")
        XCTAssertEqual(s.rejected.map(\.line), [4])
        let c = try t.comment(.facebook, "c1")
        XCTAssertEqual(c.text, "Halo, \"min\" mau tanya\ndua baris")
        XCTAssertEqual(c.author.name, "Ani, S.Pd")
    }

    func testSemicolonSeparatedCSVAsExcelSavesItInIndonesia() throws {
        let t = try TestDesk()
        let csv = """
            platform;id;author_handle;text;created_at
            instagram;s1;ani;Halo, min; ada info?;2026-12-01T08:00:00+07:00
            instagram;s2;budi;"Antre; lama, sekali";2026-12-01T08:05:00+07:00
            """
        let file = t.dir.appendingPathComponent("excel.csv")
        try Data(csv.utf8).write(to: file)
        let s = try Importer(desk: t.desk).importFile(file.path)
        XCTAssertEqual(s.format, "csv", "detected by its header, separated by semicolons")
        XCTAssertEqual(s.accepted, 1)
        XCTAssertEqual(s.rejected.map(\.line), [2], "an unquoted semicolon in the text splits it: named, not guessed")
        XCTAssertEqual(try t.comment(.instagram, "s2").text, "Antre; lama, sekali")
    }

    func testAnUnclosedQuoteLosesOnlyItsOwnRow() throws {
        let t = try TestDesk()
        let csv = #"""
            platform,id,author_handle,text,created_at
            x,q1,ani,sebelum,2026-12-01T08:00:00+07:00
            x,q2,budi,"tidak pernah ditutup,2026-12-01T08:01:00+07:00
            x,q3,citra,sesudah,2026-12-01T08:02:00+07:00
            x,q4,dewi,"dikutip"lalu sisa,2026-12-01T08:03:00+07:00
            x,q5,eko,"akhir ""baik""",2026-12-01T08:04:00+07:00
            """#
        let s = try Importer(desk: t.desk).importData(Data(csv.utf8), name: "q.csv", format: CSVFormat())
        XCTAssertEqual(s.rejected.map(\.line), [3, 5])
        XCTAssertTrue(s.rejected[0].description.contains("q.csv:3: a quote opened in this row is not closed before the line ends"), s.rejected[0].description)
        XCTAssertTrue(s.rejected[1].description.contains("text after the closing quote"), s.rejected[1].description)
        XCTAssertEqual(s.accepted, 3, "the rows after the unclosed quote are kept")
        XCTAssertEqual(try t.comment(.x, "q5").text, "akhir \"baik\"")
        XCTAssertEqual(try t.comment(.x, "q3").text, "sesudah")
    }

    func testAgencyPostsBecomeRepliesThatStopTheClock() throws {
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let t = try TestDesk(config: config)
        // The agency's answer arrives before the question in the file: it waits and is linked.
        try t.importRecords([
            record("a1", at: "2026-12-01T08:40:00+07:00", author: "@DiskomInfo", text: "Sudah kami teruskan", inReplyTo: "q1"),
            record("q1", at: "2026-12-01T08:00:00+07:00", author: "ani", text: "Lampu jalan mati"),
            record("q2", at: "2026-12-01T08:05:00+07:00", author: "budi", text: "Sampah numpuk"),
            record("a2", at: "2026-12-01T09:00:00+07:00", author: "humas", text: "Kami cek", inReplyTo: "q2", fromAgency: true),
        ])
        for (q, at) in [("q1", "2026-12-01T08:40:00+07:00"), ("q2", "2026-12-01T09:00:00+07:00")] {
            let c = try t.comment(.x, q)
            XCTAssertEqual(c.sla.respondedAt, Timestamp.parse(at), q)
            XCTAssertEqual(c.status, .replied, q)
        }
        XCTAssertEqual(try t.desk.queue(limit: 10).count, 0, "answered comments and agency posts are not queue items")
        XCTAssertNil(try t.store.read { try $0.comment(platform: .x, externalID: "a1") })
        // A later message from the same citizen starts a next-response clock.
        try t.importRecords([record("q1b", at: "2026-12-01T09:10:00+07:00", author: "ani", text: "Belum nyala", inReplyTo: "a1")])
        let follow = try t.comment(.x, "q1b")
        XCTAssertEqual(follow.sla.responseClock, .nextResponse)
        XCTAssertEqual(follow.threadKey, try t.comment(.x, "q1").threadKey)
        // Not a reply to the agency's answer, but the same citizen in the same conversation after it: a next
        // response too; another citizen there, or the same one before the answer, starts a first response.
        try t.importRecords([
            record("q1c", at: "2026-12-01T09:20:00+07:00", author: "ani", text: "Halo?", inReplyTo: "q1"),
            record("q1d", at: "2026-12-01T09:25:00+07:00", author: "citra", text: "Di sini juga mati", inReplyTo: "q1"),
            record("q1e", at: "2026-12-01T08:20:00+07:00", author: "ani", text: "Tolong ya", inReplyTo: "q1"),
        ])
        XCTAssertEqual(try t.comment(.x, "q1c").sla.responseClock, .nextResponse)
        XCTAssertEqual(try t.comment(.x, "q1d").sla.responseClock, .firstResponse)
        XCTAssertEqual(try t.comment(.x, "q1e").sla.responseClock, .firstResponse)
    }

    func testReplyingUnderTheAgencysOwnPostOrItsAnswerToSomeoneElseStartsAFirstResponse() throws {
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let t = try TestDesk(config: config)
        let summary = try t.importRecords([
            record("p1", at: "2026-12-01T07:00:00+07:00", author: "@diskominfo", text: "Pengumuman: pendaftaran dibuka", thread: "p1"),
            record("c1", at: "2026-12-01T08:00:00+07:00", author: "ani", text: "Syaratnya apa?", thread: "p1", inReplyTo: "p1"),
            record("r1", at: "2026-12-01T08:30:00+07:00", author: "@diskominfo", text: "KTP dan KK", thread: "p1", inReplyTo: "c1"),
            record("c2", at: "2026-12-01T08:45:00+07:00", author: "budi", text: "Kalau KK hilang?", thread: "p1", inReplyTo: "r1"),
            record("c3", at: "2026-12-01T08:50:00+07:00", author: "ani", text: "Fotokopi boleh?", thread: "p1", inReplyTo: "r1"),
            record("c4", at: "2026-12-01T08:55:00+07:00", author: "citra", text: "Sampai kapan?", thread: "p1", inReplyTo: "p1"),
        ])
        XCTAssertEqual(try t.comment(.x, "c1").sla.respondedAt, Timestamp.parse("2026-12-01T08:30:00+07:00"))
        XCTAssertEqual([summary.replies, summary.agencyPosts, summary.accepted], [1, 1, 4], "the post is not counted as a reply")
        XCTAssertEqual(try t.comment(.x, "c4").sla.responseClock, .firstResponse, "the agency's own post answered no one")
        XCTAssertEqual(try t.comment(.x, "c2").sla.responseClock, .firstResponse, "the agency's answer was to ani, not to budi")
        XCTAssertEqual(try t.comment(.x, "c3").sla.responseClock, .nextResponse, "ani answers the agency's answer to her")
    }

    /// Mentions and the agency's own answers often come as separate exports; imported in either order, they make the
    /// same conversations and the same clocks.
    func testAnAgencyAnswerImportedAfterTheRepliesToItCatchesThemUp() throws {
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        // No thread ids (as in a Mastodon export of mentions): a reply to a message not on the desk is filed under its id.
        let mentions = [
            record("c1", at: "2026-12-01T08:00:00+07:00", platform: .mastodon, author: "ani", text: "Syaratnya apa?"),
            record("c2", at: "2026-12-01T08:45:00+07:00", platform: .mastodon, author: "ani", text: "Fotokopi boleh?", inReplyTo: "r1"),
            record("c3", at: "2026-12-01T08:50:00+07:00", platform: .mastodon, author: "budi", text: "Kalau KK hilang?", inReplyTo: "r1"),
            record("c4", at: "2026-12-01T08:55:00+07:00", platform: .mastodon, author: "ani", text: "Satu lagi", inReplyTo: "c2"),
            record("c5", at: "2026-12-01T09:00:00+07:00", platform: .mastodon, author: "citra", text: "Tanya juga", inReplyTo: "r2"),
        ]
        let answers = [
            record("r1", at: "2026-12-01T08:30:00+07:00", platform: .mastodon, author: "@diskominfo", text: "KTP dan KK", inReplyTo: "c1"),
            // An answer to a comment that is not on the desk: whoever replies to it follows it up.
            record("r2", at: "2026-12-01T08:40:00+07:00", platform: .mastodon, author: "@diskominfo", text: "Bisa", inReplyTo: "gone"),
        ]
        let together = try TestDesk(config: config)
        _ = try together.importRecords(answers + mentions)
        let apart = try TestDesk(config: config)
        _ = try apart.importRecords(mentions, name: "mentions.jsonl")
        XCTAssertEqual(try apart.comment(.mastodon, "c2").threadKey, "r1", "filed under the answer until it arrives")
        XCTAssertEqual(try apart.comment(.mastodon, "c2").sla.responseClock, .firstResponse)
        let second = try apart.importRecords(answers, name: "answers.jsonl")
        XCTAssertEqual(second.replies, 2)

        // The other order: the answers first, then the replies to them, then the comment they answer.
        let reversed = try TestDesk(config: config)
        _ = try reversed.importRecords(answers, name: "answers.jsonl")
        _ = try reversed.importRecords(Array(mentions.dropFirst()), name: "replies.jsonl")
        XCTAssertEqual(try reversed.comment(.mastodon, "c3").sla.responseClock, .nextResponse, "whom r1 answered is not known yet")
        _ = try reversed.importRecords([mentions[0]], name: "first.jsonl")
        for id in ["c1", "c2", "c3", "c4", "c5"] {
            let expected = try together.comment(.mastodon, id)
            for (order, desk) in [("answers last", apart), ("answers first", reversed)] {
                let got = try desk.comment(.mastodon, id)
                XCTAssertEqual(got.threadKey, expected.threadKey, "\(id), \(order)")
                XCTAssertEqual(QueueItem(comment: got, clock: nil, passedOver: false).json["thread_key"]?.stringValue, expected.threadKey,
                               "listings give the conversation as the desk files it: \(id), \(order)")
                XCTAssertEqual(got.sla, expected.sla, "\(id), \(order)")
            }
        }
        XCTAssertTrue(try LogAudit.verify(reversed.store).ok)
        XCTAssertEqual(try apart.comment(.mastodon, "c2").threadKey, "c1")
        XCTAssertEqual(try apart.comment(.mastodon, "c4").threadKey, "c1", "and what was filed after it")
        XCTAssertEqual(try apart.comment(.mastodon, "c2").sla.responseClock, .nextResponse, "ani answers the answer to her")
        XCTAssertEqual(try apart.comment(.mastodon, "c4").sla.responseClock, .nextResponse, "ani again, later in the conversation")
        XCTAssertEqual(try apart.comment(.mastodon, "c3").sla.responseClock, .firstResponse, "the answer was to ani, not to budi")
        XCTAssertEqual(try apart.comment(.mastodon, "c5").sla.responseClock, .nextResponse)
        let root = try apart.comment(.mastodon, "c1")
        XCTAssertEqual(try apart.store.read { try $0.thread(around: root) }.replies.map(\.externalID), ["r1"])

        // The log says what changed, in the fields of an arrival row, so a recount from the log alone agrees.
        let event = try XCTUnwrap(try apart.store.read { try $0.events(subject: nil, action: "import", limit: 10) }.last)
        let c2 = try apart.comment(.mastodon, "c2")
        let change = try XCTUnwrap(event.payloadValue["clocks"]?.objectValue?[String(c2.id)]?.objectValue)
        XCTAssertEqual(change["clock"]?.stringValue, "next_response")
        XCTAssertEqual(change["response_due_after_s"]?.intValue, Int64(c2.sla.responseDueAt!.timeIntervalSince(c2.createdAt)))
        let joined = event.payloadValue["joined_thread"]?.arrayValue?.compactMap(\.intValue) ?? []
        XCTAssertEqual(Set(joined), Set(try ["c2", "c3", "c4", "c5"].map { try apart.comment(.mastodon, $0).id }))
        XCTAssertEqual(try apart.comment(.mastodon, "c5").threadKey, "gone", "r2's conversation is the comment it answers")
        XCTAssertTrue(try LogAudit.verify(apart.store).ok)
    }

    /// A conversation exported in pieces (no thread ids, as from Mastodon): replies that come before the message they
    /// answer are filed under its id, and join its conversation when it arrives, in whatever order the pieces come.
    func testRepliesImportedBeforeTheCommentTheyAnswerJoinItsConversation() throws {
        let messages = [
            record("a1", at: "2026-12-01T08:00:00+07:00", platform: .mastodon, author: "ani", text: "Jalan di depan pasar rusak"),
            record("a2", at: "2026-12-01T08:10:00+07:00", platform: .mastodon, author: "budi", text: "Betul, sudah lama", inReplyTo: "a1"),
            record("a3", at: "2026-12-01T08:20:00+07:00", platform: .mastodon, author: "citra", text: "Di gang juga", inReplyTo: "a2"),
            record("a4", at: "2026-12-01T08:30:00+07:00", platform: .mastodon, author: "ani", text: "Semoga cepat", inReplyTo: "a3"),
        ]
        let together = try TestDesk()
        let inOrder = try together.importRecords(messages)
        XCTAssertEqual(try messages.map { try together.comment(.mastodon, $0.id).threadKey }, ["a1", "a1", "a1", "a1"])
        let first = try XCTUnwrap(try together.store.read { try $0.events(from: inOrder.events[0], limit: 1) }.first)
        XCTAssertNil(first.payloadValue["joined_thread"], "in order, nothing waits and nothing moves")

        let orders: [[[Int]]] = [[[2, 3], [1], [0]], [[1], [3], [0], [2]], [[3], [2], [1], [0]], [[0, 3], [2], [1]]]
        for order in orders {
            let t = try TestDesk()
            var joined: [Int64] = []
            for (k, files) in order.enumerated() {
                let summary = try t.importRecords(files.map { messages[$0] }, name: "part\(k).jsonl")
                let event = try XCTUnwrap(try t.store.read { try $0.events(from: summary.events[0], limit: 1) }.first)
                joined += event.payloadValue["joined_thread"]?.arrayValue?.compactMap(\.intValue) ?? []
            }
            for m in messages {
                XCTAssertEqual(try t.comment(.mastodon, m.id).threadKey, "a1", "\(m.id), files \(order)")
            }
            let threadRoot = try t.comment(.mastodon, "a1")
            let thread = try t.store.read { try $0.thread(around: threadRoot) }
            XCTAssertEqual(thread.comments.map(\.externalID), ["a1", "a2", "a3", "a4"], "files \(order)")
            XCTAssertFalse(joined.isEmpty, "the log names the comments moved: files \(order)")
            XCTAssertTrue(try LogAudit.verify(t.store).ok)
        }

        // A citizen's message that joins a conversation where the agency had answered them becomes a follow-up, as
        // it is when the conversation is imported in one piece.
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let conversation = [
            record("k0", at: "2026-12-01T08:00:00+07:00", platform: .mastodon, author: "ani", text: "Lampu jalan mati"),
            record("kr", at: "2026-12-01T08:30:00+07:00", platform: .mastodon, author: "@diskominfo", text: "Sudah kami teruskan", inReplyTo: "k0"),
            record("kb", at: "2026-12-01T08:40:00+07:00", platform: .mastodon, author: "budi", text: "Di RT 3 juga", inReplyTo: "k0"),
            record("ka", at: "2026-12-01T08:50:00+07:00", platform: .mastodon, author: "ani", text: "Sampai sekarang belum", inReplyTo: "kb"),
        ]
        let whole = try TestDesk(config: config)
        _ = try whole.importRecords(conversation)
        XCTAssertEqual(try whole.comment(.mastodon, "ka").sla.responseClock, .nextResponse)
        let pieces = try TestDesk(config: config)
        _ = try pieces.importRecords([conversation[3]], name: "late-reply.jsonl")
        XCTAssertEqual(try pieces.comment(.mastodon, "ka").sla.responseClock, .firstResponse, "the conversation is not known yet")
        let rest = try pieces.importRecords(Array(conversation.prefix(3)), name: "conversation.jsonl")
        let ka = try pieces.comment(.mastodon, "ka")
        XCTAssertEqual(ka.threadKey, "k0")
        XCTAssertEqual(ka.sla, try whole.comment(.mastodon, "ka").sla)
        let event = try XCTUnwrap(try pieces.store.read { try $0.events(from: rest.events[0], limit: 1) }.first)
        XCTAssertEqual(event.payloadValue["clocks"]?.objectValue?[String(ka.id)]?.objectValue?["clock"]?.stringValue, "next_response",
                       "the log restates the changed clock")
        XCTAssertTrue(try LogAudit.verify(pieces.store).ok)

        // A reply whose platform names its conversation (X) is filed there, parent or not: nothing waits for it.
        let t = try TestDesk()
        _ = try t.importRecords([record("x2", at: "2026-12-01T08:10:00+07:00", thread: "x1", inReplyTo: "x1b")])
        XCTAssertFalse(try t.store.read { try $0.commentsAwaitParent(platform: .x) })
        _ = try t.importRecords([messages[3]], name: "late.jsonl")
        XCTAssertTrue(try t.store.read { try $0.commentsAwaitParent(platform: .mastodon) })
    }

    func testACommentDatedAfterNowIsKeptWithAWarningNamingItsLine() throws {
        let t = try TestDesk(now: "2026-12-01T10:00:00+07:00")
        let s = try t.importRecords([
            record("now", at: "2026-12-01T10:10:00+07:00"),     // within the tolerance: clocks differ a little
            record("later", at: "2026-12-01T17:00:00+07:00"),   // a UTC export read as local time, say
            record("past", at: "2026-12-01T09:00:00+07:00"),
        ])
        XCTAssertEqual(s.accepted, 3)
        XCTAssertTrue(s.rejected.isEmpty)
        XCTAssertEqual(s.warnings.map(\.line), [2])
        XCTAssertTrue(s.warnings[0].description.hasPrefix("test.jsonl:2: kept, but dated 2026-12-01T10:00:00Z"), s.warnings[0].description)
        XCTAssertEqual(s.json["warnings"]?.arrayValue?.count, 1)
        XCTAssertNoThrow(try t.comment(.x, "later"))
        // An agency answer dated after now is named the same way.
        var answer = record("a-late", at: "4500-01-01T00:00:00+07:00", author: "@dinas", text: "Sudah kami cek")
        answer.fromAgency = true
        answer.inReplyTo = "past"
        let a = try t.importRecords([answer])
        XCTAssertEqual(a.replies, 1)
        XCTAssertEqual(a.futureDated, 1)
        XCTAssertTrue(a.warnings.first?.description.hasPrefix("test.jsonl:1: kept, but dated 4499-12-31T17:00:00Z") == true, "\(a.warnings)")
    }

    func testAnAgencyAnswerDatedBeforeItsQuestionIsNamedAndCountsFromTheQuestion() throws {
        var config = DeskConfig()
        config.channels = ["@diskominfo"]
        let t = try TestDesk(now: "2026-12-01T10:50:00+07:00", config: config)
        // Two clocks out of step: the answer is stamped 30 seconds before the question (in order, and waiting for it).
        let s = try t.importRecords([
            record("q1", at: "2026-12-01T10:00:00+07:00", author: "ani", text: "Kapan jalan diperbaiki?"),
            record("a1", at: "2026-12-01T09:59:30+07:00", author: "@diskominfo", text: "Minggu depan, Kak.", inReplyTo: "q1"),
            record("a2", at: "2026-12-01T10:19:00+07:00", author: "@diskominfo", text: "Sudah kami cek.", inReplyTo: "q2"),
            record("q2", at: "2026-12-01T10:20:00+07:00", author: "budi", text: "Lampu mati"),
        ])
        XCTAssertEqual(s.warnings.map(\.line), [2, 4], s.warnings.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(s.warnings[0].description.contains("the agency's answer is dated 2026-12-01T02:59:30Z, before the comment it answers"),
                      s.warnings[0].description)
        for q in ["q1", "q2"] {
            let c = try t.comment(.x, q)
            XCTAssertEqual(c.sla.respondedAt, c.createdAt, "\(q): answered when it was written, not before")
            XCTAssertEqual(c.status, .replied)
        }
        XCTAssertTrue(try LogAudit.verify(t.store).ok)
    }

    func testCommentsFromAYearWithoutHolidaysAreNamedAtImport() throws {
        // An archive from 2025 imported in 2026: the calendar ships only 2026's holidays.
        let t = try TestDesk(now: "2026-03-02T10:00:00+07:00")
        let s = try t.importRecords([record("old", at: "2025-12-24T15:00:00+07:00"), record("new", at: "2026-03-02T09:00:00+07:00")])
        XCTAssertEqual(s.yearsWithoutHolidays, [2025])
        XCTAssertTrue(s.warningsToRead().contains { $0.contains("comments written 2025-12-24T08:00:00Z to 2026-03-02T02:00:00Z: the calendar has no holidays for 2025") },
                      s.warningsToRead().joined(separator: "\n"))
        XCTAssertEqual(s.json["years_without_holidays"]?.arrayValue?.compactMap(\.intValue), [2025])
        // Deadlines set now that reach 2027 are the command's own warning, not repeated for the file.
        let late = try TestDesk(now: "2026-12-20T10:00:00+07:00")
        XCTAssertEqual(try late.importRecords([record("dec", at: "2026-12-20T09:00:00+07:00")]).yearsWithoutHolidays, [])
        XCTAssertEqual(try t.importRecords([record("mar", at: "2026-03-02T09:30:00+07:00")], name: "b.jsonl").yearsWithoutHolidays, [])
    }

    func testAnAgencyPostInMejasOwnFormatIsAPostWithoutAdviceForAPlatformExport() throws {
        // In meja-jsonl a message without in_reply_to answers nothing, as written: no Graph API advice for each post.
        let t = try TestDesk()
        let s = try t.importRecords([record("ig1", at: "2026-12-01T08:00:00+07:00", platform: .instagram, author: "@diskominfo",
                                           text: "Info layanan hari ini", fromAgency: true)])
        XCTAssertEqual(s.agencyPosts, 1)
        XCTAssertEqual(s.warnings, [], "\(s.warnings)")
    }

    func testFormatDetection() {
        let jsonl = Data(record("1", at: "2026-12-01T08:00:00Z").json.text.utf8)
        XCTAssertEqual(ImportFormats.detect(jsonl, fileName: "x.txt")?.name, "meja-jsonl")
        let csv = Data("platform,id,author_handle,text,created_at\nx,1,a,t,2026-12-01T08:00:00Z\n".utf8)
        XCTAssertEqual(ImportFormats.detect(csv, fileName: "export")?.name, "csv")
        XCTAssertNil(ImportFormats.detect(Data("hello world".utf8), fileName: "notes.txt"))
    }
}
