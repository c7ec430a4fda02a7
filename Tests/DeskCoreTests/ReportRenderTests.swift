import DeskCore
import Foundation
import XCTest

/// The formats of a report: the text snapshot, well-formed and self-contained HTML, stable CSV columns, Markdown.
final class ReportRenderTests: XCTestCase {
    private func report() throws -> Report { try ReportScenario().report() }

    // MARK: Text

    func testSensitiveTopicTagsAreNamedInTheReportsLanguages() {
        XCTAssertEqual(ReportLabels.value("disaster", dimension: "tag"), Localized("bencana dan kecelakaan", "disaster and accident"))
        XCTAssertEqual(ReportLabels.value("warga_rt", dimension: "tag"), Localized(both: "warga_rt"), "a tag of the agency's own, as stored")
    }

    func testTextReportMatchesItsSnapshot() throws {
        var r = try report()
        XCTAssertNotNil(r.logHead)
        r.logHead = "31:HASH" // checked in ReportTests; kept out so that a new log field elsewhere does not move the snapshot
        let text = ReportText.lines(r, width: 100).joined(separator: "\n") + "\n"
        try assertSnapshot(text, named: "report-week.txt")
    }

    func testTextShowsBarsAndSparklinesAndFitsTheWidth() throws {
        let r = try report()
        for width in [60, 80, 120] {
            let lines = ReportText.lines(r, width: width)
            for line in lines {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(width): \(line)")
            }
        }
        let lines = ReportText.lines(r, width: 100)
        let hitRow = try XCTUnwrap(lines.first { $0.hasPrefix("  First response        7") })
        XCTAssertTrue(hitRow.hasSuffix("77.8%  ██████████████████████▌"), "the hit rate has a bar: \(hitRow)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  Arrivals") && $0.hasSuffix("█") }, "a one-week sparkline at full height")
        XCTAssertEqual(ReportText.sparkline([0, 1, 2, 3, 4, 5, 6, 7, nil], full: 7), "▁▂▃▄▅▆▇█·")
        XCTAssertEqual(ReportText.bar(1, full: 1, width: 4), "████")
        XCTAssertEqual(ReportText.bar(1, full: 16, width: 4), "▎", "a quarter of one column")
        XCTAssertEqual(ReportText.bar(0, full: 1, width: 4), "")
    }

    func testNarrowTablesWrapTheirHeadersToKeepEveryColumn() throws {
        // In Bahasa Indonesia at 80 columns the hit table's headers ("Tepat waktu", "Lewat batas") are wider than
        // their numbers: they wrap, and the rate column stays on screen.
        let lines = ReportText.lines(try report(), width: 80, audience: .supervisors(.id))
        let header = try XCTUnwrap(lines.firstIndex { $0.contains(ReportLabels.rate.id) && $0.contains("Terlambat") }, lines.joined(separator: "\n"))
        // Only the first column may give way (a long clock name ends in …); every header and every rate stays whole.
        XCTAssertFalse(lines[(header - 1)...header].contains { $0.contains("…") }, lines[(header - 1)...header].joined(separator: "\n"))
        XCTAssertTrue(lines[(header + 1)...(header + 2)].allSatisfy { $0.hasSuffix("%") }, lines[(header + 1)...(header + 2)].joined(separator: "\n"))
        XCTAssertTrue(lines[header - 1].contains("Tepat") && lines[header].contains("waktu"), lines[(header - 1)...header].joined(separator: "\n"))
        XCTAssertTrue(lines[header + 1].hasSuffix("77,8%"), "Bahasa Indonesia writes a decimal comma: \(lines[header + 1])")
        XCTAssertTrue(ReportText.lines(try report(), width: 80, audience: .supervisors(.en)).contains { $0.hasSuffix("77.8% (7/9)") },
                      "the summary's hit rate with what it is a share of")
        XCTAssertTrue(ReportCSV.render(try report(), audience: .supervisors(.id)).contains("0.7778"), "CSV keeps the point")
        // The public report's headers are in both languages, one above the other: both wrap.
        let pub = ReportText.lines(try report(), width: 80, audience: .public)
        let late = try XCTUnwrap(pub.firstIndex { $0.contains(ReportLabels.late.id) && $0.contains(ReportLabels.rate.id) }, pub.joined(separator: "\n"))
        XCTAssertTrue(pub[late...].prefix(4).contains { $0.contains(ReportLabels.late.en) && $0.contains(ReportLabels.rate.en) },
                      pub[late...].prefix(6).joined(separator: "\n"))
    }

    func testTheLogHeadIsNeverSplitAcrossLines() throws {
        let r = try report()
        let head = try XCTUnwrap(r.logHead)
        XCTAssertGreaterThan(head.count, 60, "seq:hash with a 64-digit hash")
        for width in [80, 100] {
            let lines = ReportText.lines(r, width: width)
            XCTAssertTrue(lines.contains { $0.contains(head) }, "\(width) columns: the head comes whole, to be copied:\n\(lines.joined(separator: "\n"))")
        }
    }

    func testNarrowKeyValueLabelsWrapInsteadOfBeingCut() throws {
        let r = try report()
        let lines = ReportText.lines(r, width: 60, audience: .public)
        let start = try XCTUnwrap(lines.firstIndex(of: ReportLabels.summary.text(.public)))
        let end = try XCTUnwrap(lines.indices.dropFirst(start).first { lines[$0].isEmpty })
        let section = lines[start..<end]
        let summary = section.joined(separator: " ")
        XCTAssertFalse(section.contains { $0.contains("…") }, section.joined(separator: "\n"))
        // A bilingual label longer than its column comes whole, over two lines.
        let words = ReportLabels.passedOverWaiting.text(.public).split(separator: " ").map(String.init)
        XCTAssertTrue(words.allSatisfy { summary.contains($0) }, summary)
    }

    // MARK: HTML

    func testHTMLIsWellFormedAccessibleAndSelfContained() throws {
        let r = try report()
        for audience in [ReportAudience.supervisors, .public] {
            let html = ReportHTML.render(r, audience: audience)
            let checked = try runPython(Self.htmlChecker, input: html)
            XCTAssertEqual(checked.status, 0, "\(audience): \(checked.output)")
            XCTAssertEqual(checked.output.trimmingCharacters(in: .whitespacesAndNewlines), "OK 3 charts", "\(audience)")
            for forbidden in ["http", "src=", "href=", "<script", "url(", "@import", "<link", "<iframe", "<img"] {
                XCTAssertFalse(html.lowercased().contains(forbidden), "\(audience) contains \(forbidden)")
            }
            XCTAssertTrue(html.contains("<html lang=\"\(audience.isPublic ? "id" : "en")\">"))
        }
        let publicHTML = ReportHTML.render(r, audience: .public)
        XCTAssertTrue(publicHTML.contains("Tanggapan pertama / <span lang=\"en\">First response</span>"), "English marked as such")
        XCTAssertTrue(publicHTML.contains(try XCTUnwrap(r.logHead)), "the log head is published")
        XCTAssertFalse(publicHTML.contains("budi"), "no staff in public")
    }

    func testHTMLEscapesWhatItShows() {
        XCTAssertEqual(ReportHTML.escape("<b>\"Tom\" & 'Jerry'</b>\u{1B}[31m"), "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;␛")
        // Bidi overrides and C1 controls, which would make a channel read backwards or act on a terminal, are inert too.
        XCTAssertEqual(ReportHTML.escape("@kominfo\u{202E}moc.live\u{85}\u{9B}2J"), "@kominfomoc.live�␛")
    }

    /// Parses the HTML strictly as XML (every element closed, attributes quoted, no unknown entities) and with
    /// Python's HTML parser (tags balanced); checks headings, `lang`, `<title>`, and that every chart is an image
    /// with a title and description followed by its table. Prints `OK N charts`.
    static let htmlChecker = #"""
    import sys, xml.etree.ElementTree as ET
    from html.parser import HTMLParser
    text = sys.stdin.read()
    root = ET.fromstring(text[text.index("<html"):])
    assert root.tag == "html" and root.get("lang") in ("id", "en"), "html lang"
    assert root.find("head/title").text.strip(), "title"
    assert root.find("head/meta[@charset='utf-8']") is not None, "charset"
    body = root.find("body")
    assert len(body.findall(".//h1")) == 1, "one h1"
    assert len(body.findall(".//h2")) >= 8, "sections"
    charts = 0
    for section in body.iter("section"):
        for svg in section.iter("svg"):
            charts += 1
            assert svg.get("role") == "img", "svg role"
            ids = svg.get("aria-labelledby").split()
            t, d = svg.find("title"), svg.find("desc")
            assert t is not None and d is not None and [t.get("id"), d.get("id")] == ids, "svg title and desc"
            assert t.text.strip() and d.text.strip(), "svg texts"
        if charts and section.find(".//svg") is not None:
            assert section.find("table") is not None, "a table after every chart"
    headings = {h.get("id") for h in body.iter("h2")}
    for table in body.iter("table"):
        assert table.get("aria-labelledby") in headings and table.find("thead") is not None, "table label and header"
        assert all(th.get("scope") in ("col", "row") for th in table.iter("th")), "th scope"
    class Balance(HTMLParser):
        void = {"meta", "br", "hr", "img", "input", "link", "line", "rect", "circle", "polyline"}
        def __init__(self):
            super().__init__(); self.stack = []
        def handle_starttag(self, tag, attrs):
            if tag not in self.void: self.stack.append(tag)
        def handle_startendtag(self, tag, attrs): pass
        def handle_endtag(self, tag):
            if tag in self.void: return
            assert self.stack and self.stack[-1] == tag, "unbalanced </%s>" % tag
            self.stack.pop()
    b = Balance(); b.feed(text); b.close()
    assert not b.stack, "unclosed %s" % b.stack
    print("OK %d charts" % charts)
    """#

    // MARK: CSV

    /// The CSV columns are a contract (`docs/report-csv.md`): this list changes only by adding columns or tables.
    static let csvHeaders = [
        "table,metric,value",
        "table,clock,basis,count,median_min,p90_min,max_min",
        "table,clock,on_time,late,breached,excluded,pending,hit_rate",
        "table,week_start,week_end,arrivals,on_time,decided,hit_rate,median_first_response_business_min,backlog_at_end",
        "table,bucket,lower_min,upper_min,comments",
        "table,bucket,lower_min,upper_min,comments",
        "table,dimension,key,comments",
        "table,staff,replies,overrides,first_responses,median_first_response_business_min,responses_met,on_time,hit_rate",
        "table,level,replies,share",
        "table,platform,channel,comments,on_time,decided,hit_rate,median_first_response_business_min,backlog,backlog_breached",
    ]

    func testCSVColumnsAreStableAndDocumented() throws {
        let csv = ReportCSV.render(try report())
        let tables = csv.components(separatedBy: "\n\n")
        XCTAssertEqual(tables.map { String($0.prefix { $0 != "\n" }) }, Self.csvHeaders)
        XCTAssertEqual(tables.map { $0.split(separator: "\n").dropFirst().first?.split(separator: ",").first.map(String.init) ?? "" },
                       ["summary", "response_times", "hit_rate", "weekly", "response_histogram", "backlog_age", "volume", "staff", "humour", "queues"])
        let docs = try String(contentsOf: packageRoot.appendingPathComponent("docs/report-csv.md"), encoding: .utf8)
        for header in Set(Self.csvHeaders) {
            XCTAssertTrue(docs.contains("`\(header)`"), "docs/report-csv.md documents \(header)")
        }
        for table in tables {
            let rows = table.split(separator: "\n").map(String.init)
            let width = rows[0].split(separator: ",", omittingEmptySubsequences: false).count
            for row in rows.dropFirst() {
                XCTAssertEqual(row.split(separator: ",", omittingEmptySubsequences: false).count, width, row)
            }
        }
        XCTAssertTrue(csv.contains("\nhit_rate,first_response,7,1,1,1,1,0.7778\n"))
        XCTAssertTrue(csv.contains("\nsummary,period,2026-11-23T00:00:00+07:00/2026-11-30T00:00:00+07:00\n"))
        XCTAssertTrue(csv.contains("\nresponse_times,first_response,business,8,10,180,180\n"))
        XCTAssertTrue(csv.contains("\nsummary,first_response_median_calendar_min,10\n"), "the wait as lived, beside the office time")
        XCTAssertTrue(csv.contains("\nqueues,x,@diskominfo,10,7,9,0.7778,10,3,2\n"), csv)
        let publicCSV = ReportCSV.render(try report(), audience: .public)
        XCTAssertFalse(publicCSV.contains("\nstaff,"), "no staff table in public")
        XCTAssertTrue(publicCSV.contains("\nqueues,mastodon,@diskominfo,1,1,1,1.0000,0,0,0\n"), "the queues are the agency's own accounts: public")
    }

    func testCSVDefusesFormulasAndQuotes() {
        XCTAssertEqual(ReportCSV.field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(ReportCSV.field("-"), "-")
        XCTAssertEqual(ReportCSV.field("-12"), "-12")
        XCTAssertEqual(ReportCSV.field("@diskominfo"), "@diskominfo")
        XCTAssertEqual(ReportCSV.field("a,b"), "\"a,b\"")
        // A leading @ is a formula unless it starts a plain handle; a leading tab or carriage return hides one.
        XCTAssertEqual(ReportCSV.field("@sum(1+1)*cmd|' /c calc'!a0"), "'@sum(1+1)*cmd|' /c calc'!a0")
        XCTAssertEqual(ReportCSV.field("@"), "'@")
        XCTAssertEqual(ReportCSV.field("@warga@mastodon.social"), "@warga@mastodon.social")
        XCTAssertEqual(ReportCSV.field("@pemkot.contoh-2_b"), "@pemkot.contoh-2_b")
        XCTAssertEqual(ReportCSV.field("@a@b@c"), "'@a@b@c")
        XCTAssertEqual(ReportCSV.field("@facebook:104729651234567"), "@facebook:104729651234567", "a Page named by its id, as stored")
        XCTAssertEqual(ReportCSV.field("@facebook:1(2)"), "'@facebook:1(2)")
        XCTAssertEqual(ReportCSV.field("\t=1+1"), "'\t=1+1")
        XCTAssertEqual(ReportCSV.field("\r=1+1"), "\"'\r=1+1\"")
    }

    // MARK: Markdown

    func testMarkdownHasATableForEveryFamily() throws {
        let md = ReportMarkdown.render(try report(), audience: .public)
        XCTAssertTrue(md.hasPrefix("# Laporan transparansi"))
        XCTAssertEqual(md.components(separatedBy: "\n## ").count - 1, 10, "9 public tables and the notes")
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("|") }
        XCTAssertTrue(rows.contains { $0.contains("| Tanggapan pertama / First response | 7 |") }, md)
        XCTAssertEqual(ReportMarkdown.escape("a|b *c*"), "a\\|b \\*c\\*")
    }

    // MARK: Helpers

    private func runPython(_ script: String, input: String) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = stdout
        try p.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }
}

/// Compares `text` with `Tests/DeskCoreTests/__Snapshots__/NAME`; with `MEJA_RECORD=1` (or the desk snapshots'
/// `MEJA_RECORD_SNAPSHOTS=1`) writes it there instead.
func assertSnapshot(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = packageRoot.appendingPathComponent("Tests/DeskCoreTests/__Snapshots__").appendingPathComponent(name)
    let env = ProcessInfo.processInfo.environment
    if env["MEJA_RECORD"] == "1" || env["MEJA_RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("no snapshot \(name): run the test with MEJA_RECORD=1 to record it", file: file, line: line)
        return
    }
    guard expected != text else { return }
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false), b = text.split(separator: "\n", omittingEmptySubsequences: false)
    let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    XCTFail("""
        snapshot \(name) differs at line \(first + 1) (re-record with MEJA_RECORD=1 if the change is intended):
        - \(first < a.count ? String(a[first]) : "<end>")
        + \(first < b.count ? String(b[first]) : "<end>")
        """, file: file, line: line)
}
