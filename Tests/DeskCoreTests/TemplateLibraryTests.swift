import Foundation
import XCTest
@testable import DeskCore

final class TemplateLibraryTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("meja-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let good = """
    [[template]]
    id = "agency.thanks"
    version = 3
    lang = "id"
    intents = ["praise"]
    keywords = ["mantap", "gak"]
    humor = 1
    channels = ["instagram", "x"]
    title = "Terima kasih"
    purpose = "thanks"
    body = "Terima kasih, Kak {citizen.name} 🙏 Salam dari {agency.name}."
    """

    func testEachTemplateNamesItsOwnHeaderLineInALongFile() throws {
        // Many templates in one file, headers written loosely, with another array of tables between them: each
        // template's source is its own header line (found in one pass over the file, not one pass per template).
        var text = "# agency templates\n"
        var expected: [String: Int] = [:]
        var lineNumber = 1
        for i in 0..<400 {
            let header = i % 3 == 0 ? "[[ template ]]" : "[[template]]"
            let block = "\n\(header)\n" + Self.good.split(separator: "\n").dropFirst().joined(separator: "\n")
                .replacingOccurrences(of: "agency.thanks", with: "agency.t\(i)") + "\n"
            expected["agency.t\(i)"] = lineNumber + 2
            text += block
            lineNumber += block.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            if i == 200 {
                text += "[[notes]]\ntext = \"x\"\n"
                lineNumber += 2
            }
        }
        let path = try write("many.toml", text)
        let file = try TOMLFile.load(path, skippingBadLines: true)
        XCTAssertEqual(file.headerLines(ofArray: "template").count, 400)
        let (templates, _) = TemplateLibrary.parse(file)
        XCTAssertEqual(templates.count, 400)
        for t in templates { XCTAssertEqual(t.source, "\(path):\(expected[t.id]!)", t.id) }
    }

    func testAGoodTemplateParsesEveryField() throws {
        let path = try write("a.toml", Self.good)
        let (templates, issues) = TemplateLibrary.parse(try TOMLFile.load(path))
        XCTAssertEqual(issues, [])
        let t = try XCTUnwrap(templates.first)
        XCTAssertEqual(t.id, "agency.thanks")
        XCTAssertEqual(t.version, 3)
        XCTAssertEqual(t.lang, .indonesian)
        XCTAssertEqual(t.intents, [.praise])
        XCTAssertEqual(t.humor, .warm)
        XCTAssertEqual(t.channels, [.instagram, .x])
        XCTAssertEqual(t.purpose, "thanks")
        XCTAssertEqual(t.text.variables, ["citizen.name", "agency.name"])
        XCTAssertEqual(t.source, "\(path):1")
        XCTAssertTrue(t.suits(.x))
        XCTAssertFalse(t.suits(.youtube))
        let library = TemplateLibrary(templates: templates)
        XCTAssertEqual(library.keywordTokens[0], [["mantap"], ["tidak"]], "keywords are normalised like comment text")
    }

    func testErrorsNameFileAndLineAndTheRestStillLoads() throws {
        let text = Self.good + """


        [[template]]
        id = "bad.variable"
        version = 1
        lang = "id"
        humor = 0
        title = "Salah"
        body = "Halo {citizen.nama}"

        [[template]]
        id = "bad.humor"
        version = 1
        lang = "en"
        humor = 5
        title = "Bad"
        body = "Hi"

        [[template]]
        id = "bad.lang"
        version = 1
        lang = "fr"
        humor = 0
        intents = ["gossip"]
        title = "Bad"
        body = "Bonjour"
        """
        let path = try write("mixed.toml", text)
        let (templates, issues) = TemplateLibrary.parse(try TOMLFile.load(path))
        XCTAssertEqual(templates.map(\.id), ["agency.thanks"], "the good template still loads")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of needle: String) -> Int { lines.firstIndex { $0.contains(needle) }! + 1 }
        XCTAssertTrue(issues.contains(FileIssue(file: path, line: line(of: "{citizen.nama}"), "template 'bad.variable': unknown variable {citizen.nama} (known: \(RenderContext.knownVariables.map { "{\($0.name)}" }.joined(separator: ", "))) (that template is left out)")), "\(issues)")
        XCTAssertTrue(issues.contains { $0.line == line(of: "humor = 5") && $0.message.contains("humor must be 0") }, "\(issues)")
        XCTAssertTrue(issues.contains { $0.line == line(of: "lang = \"fr\"") && $0.message.contains("lang must be") }, "\(issues)")
        XCTAssertTrue(issues.contains { $0.line == line(of: "gossip") && $0.message.contains("unknown intent 'gossip'") }, "\(issues)")
        XCTAssertTrue(issues.allSatisfy { $0.description.hasPrefix("\(path):") })
    }

    func testMissingFieldsAndBadBracesAreReported() throws {
        let path = try write("m.toml", """
        [[template]]
        id = "no.version"
        lang = "id"
        humor = 0
        title = "x"
        body = "Halo { kak"

        [[template]]
        id = "no.body"
        version = 1
        lang = "id"
        humor = 0
        title = "x"
        colour = "red"
        """)
        let (templates, issues) = TemplateLibrary.parse(try TOMLFile.load(path))
        XCTAssertEqual(templates, [])
        XCTAssertTrue(issues.contains { $0.message.contains("version is missing") && $0.line == 1 }, "\(issues)")
        XCTAssertTrue(issues.contains { $0.message.contains("never closed") && $0.line == 6 }, "\(issues)")
        XCTAssertTrue(issues.contains { $0.message.contains("body is missing") && $0.line == 8 }, "\(issues)")
        XCTAssertTrue(issues.contains { $0.message.contains("unknown key 'colour'") && $0.line == 14 }, "\(issues)")
        XCTAssertEqual(issues.compactMap(\.line), issues.compactMap(\.line).sorted(), "in the file's line order")
    }

    func testAnUnclosedQuoteIsCalledThat() throws {
        var text = ""
        for i in 0..<60 {
            let body = i % 20 == 5 ? "\"Halo kak" : "\"Halo kak {citizen.name}\""
            text += "[[template]]\nid = \"t\(i)\"\nversion = 1\nlang = \"id\"\nhumor = 0\ntitle = 'Judul \"\(i)'\nbody = \(body)\n\n"
        }
        let path = try write("q.toml", text)
        let (templates, issues) = TemplateLibrary.parse(try TOMLFile.load(path, skippingBadLines: true))
        XCTAssertEqual(templates.count, 57, "only the three templates with a broken body are left out")
        let quoteIssues = issues.filter { $0.message.contains("a quote (\") opened on this line is never closed") }
        XCTAssertEqual(quoteIssues.compactMap(\.line), [5 * 8 + 7, 25 * 8 + 7, 45 * 8 + 7], "\(issues)")
        XCTAssertNil(TOMLFile.unclosedQuote(in: "title = 'He said \"hi' # a \" in a comment"))
        XCTAssertNotNil(TOMLFile.unclosedQuote(in: "body = \"\"\"Halo"))
    }

    func testAWrongValueIsNamedAsWritten() throws {
        let path = try write("v.toml", """
        [[template]]
        id = "zero"
        version = 0
        lang = "id"
        humor = 5
        title = "  "
        body = "Halo"
        """)
        let (_, issues) = TemplateLibrary.parse(try TOMLFile.load(path))
        XCTAssertTrue(issues.contains { $0.message.contains("version must be a whole number of at least 1, found 0") && $0.line == 3 }, "\(issues)")
        XCTAssertTrue(issues.contains { $0.message.contains("title must be a non-empty string, found an empty string") }, "\(issues)")
        XCTAssertTrue(issues.contains { $0.message.contains("humor must be 0 (none), 1 (warm) or 2 (light joke), found 5") }, "\(issues)")

        let mixed = try write("w.toml", """
        [[template]]
        body = "Halo {nope}"
        title = ""
        humor = 9
        lang = "xx"
        id = "mixed"
        """)
        let lines = TemplateLibrary.parse(try TOMLFile.load(mixed)).issues.compactMap(\.line)
        XCTAssertGreaterThanOrEqual(lines.count, 4)
        XCTAssertEqual(lines, lines.sorted(), "problems in the file's line order")
    }

    func testKeywordsRequiredIsReadAndChecked() throws {
        let path = try write("k.toml", """
        [[template]]
        id = "pemadam.kebakaran"
        version = 1
        lang = "id"
        keywords = ["kebakaran", "api"]
        keywords_required = true
        humor = 0
        title = "Kebakaran"
        body = "Segera hubungi Damkar 113 atau 112."

        [[template]]
        id = "tanpa.kata"
        version = 1
        lang = "id"
        keywords_required = true
        humor = 0
        title = "Tanpa kata kunci"
        body = "Halo"

        [[template]]
        id = "salah.jenis"
        version = 1
        lang = "id"
        keywords = ["x"]
        keywords_required = "ya"
        humor = 0
        title = "Salah"
        body = "Halo"
        """)
        let (templates, issues) = TemplateLibrary.parse(try TOMLFile.load(path))
        XCTAssertEqual(templates.map(\.id), ["pemadam.kebakaran"])
        XCTAssertEqual(templates.first?.keywordsRequired, true)
        XCTAssertEqual(issues.map(\.line), [15, 25], "\(issues)")
        XCTAssertTrue(issues[0].message.contains("keywords_required = true needs keywords"), issues[0].message)
        XCTAssertTrue(issues[1].message.contains("keywords_required must be true or false, found"), issues[1].message)
    }

    func testASyntaxErrorInOneFileDoesNotStopTheOthers() throws {
        _ = try write("1-good.toml", Self.good)
        let broken = try write("2-broken.toml", "[[template]\nid = ")
        let (templates, issues) = TemplateLibrary.templates(in: folder)
        XCTAssertEqual(templates.map(\.id), ["agency.thanks"])
        XCTAssertEqual(issues.count, 1)
        XCTAssertEqual(issues.first?.file, broken)
        XCTAssertNotNil(issues.first?.line)
    }

    func testASyntaxErrorLeavesOutOnlyTheTemplateItIsIn() throws {
        func template(_ id: String, humor: String = "1") -> String {
            Self.good.replacingOccurrences(of: "agency.thanks", with: id).replacingOccurrences(of: "humor = 1", with: "humor = \(humor)")
        }
        // Template 2 has its humour level mistyped (line 19): it alone is left out, not half-read without it.
        let text = [template("agency.one"), template("agency.two", humor: "satu"), template("agency.three")].joined(separator: "\n\n")
        for (name, content) in [("lf.toml", text), ("crlf.toml", text.replacingOccurrences(of: "\n", with: "\r\n"))] {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = try write(name, content)
            let (templates, issues) = TemplateLibrary.templates(in: folder)
            XCTAssertEqual(templates.map(\.id), ["agency.one", "agency.three"], name)
            XCTAssertEqual(issues.map(\.description), ["\(path):19: " + (issues.first?.message ?? "")], name)
            XCTAssertTrue(issues.first?.message.hasSuffix("; this line is left out (that template is left out)") == true, "\(issues)")
            XCTAssertEqual(templates.last?.source, "\(path):25", "lines are counted in a Windows file too")
        }
    }

    func testAProblemOutsideEveryTemplateDoesNotSayATemplateWasLeftOut() throws {
        let text = "note = oops\nauthor = \"humas\"\n\n" + Self.good
        let path = try write("above.toml", text)
        let (templates, issues) = TemplateLibrary.parse(try TOMLFile.load(path, skippingBadLines: true))
        XCTAssertEqual(templates.map(\.id), ["agency.thanks"])
        XCTAssertEqual(issues.map(\.line), [1, 2], "\(issues)")
        XCTAssertFalse(issues.contains { $0.message.contains("template is left out") }, "nothing was: \(issues)")
    }

    func testUserTemplatesAddToTheShippedOnesAndOverrideByID() throws {
        _ = try write("own.toml", Self.good + """


        [[template]]
        id = "id.ack.general"
        version = 7
        lang = "id"
        intents = ["question"]
        humor = 0
        title = "Versi agensi"
        body = "Halo {citizen.name}, pesan diterima."
        """)
        let shipped = TemplateLibrary.load(userDirectory: nil).library
        let (library, issues) = TemplateLibrary.load(userDirectory: folder)
        XCTAssertEqual(issues, [])
        XCTAssertEqual(library.templates.count, shipped.templates.count + 1)
        XCTAssertEqual(library.template(id: "id.ack.general")?.version, 7)
        XCTAssertEqual(library.template(id: "id.ack.general")?.title, "Versi agensi")
        XCTAssertNotNil(library.template(id: "agency.thanks"))
        XCTAssertNil(library.template(id: "no.such"))
    }

    func testTheUserFolderIsUnderXDGConfigHome() {
        XCTAssertEqual(TemplateLibrary.userDirectory(["XDG_CONFIG_HOME": "/etc/x", "HOME": "/home/a"]).path, "/etc/x/meja/templates")
    }

    // MARK: the shipped library

    func testTheShippedLibraryLoadsCleanlyWithAtLeastSixtyTemplatesInBothLanguages() throws {
        let (library, issues) = TemplateLibrary.load(userDirectory: nil)
        XCTAssertEqual(issues, [])
        XCTAssertGreaterThanOrEqual(library.templates.count, 60)
        let byLang = Dictionary(grouping: library.templates, by: \.lang)
        XCTAssertGreaterThanOrEqual(byLang[.indonesian]?.count ?? 0, 30)
        XCTAssertGreaterThanOrEqual(byLang[.english]?.count ?? 0, 30)
        for purpose in ["acknowledge", "answer_link", "steps", "apology_holding", "ask_dm", "redirect", "hoax", "thanks",
                        "out_of_hours", "follow_up", "closing", "condolence", "emergency"] {
            for lang in TextLanguage.templateLanguages {
                XCTAssertTrue(library.templates.contains { $0.purpose == purpose && $0.lang == lang }, "no \(lang.rawValue) template for \(purpose)")
            }
        }
        for level in HumorLevel.allCases {
            XCTAssertTrue(library.templates.contains { $0.humor == level }, "no template at humour \(level)")
        }
    }

    func testShippedTemplatesKeepTheHouseRules() {
        let library = TemplateLibrary.load(userDirectory: nil).library
        for t in library.templates {
            if !t.sensitive.isEmpty || ["condolence", "emergency", "apology_holding", "rude_calm"].contains(t.purpose) || t.intents == [.complaint] {
                XCTAssertEqual(t.humor, .none, "\(t.id) must be humour 0")
            }
            let body = t.render(RenderContext())
            XCTAssertTrue(ReplyLinter.lint(body, context: LintContext(platform: .facebook, humorAllowed: t.humor, replyHumor: t.humor))
                .filter { $0.code != .unresolvedVariable }.isEmpty, "\(t.id) trips the linter by itself")
            if t.purpose == "emergency" { XCTAssertTrue(body.contains("112") || body.contains("129"), "\(t.id) must give the emergency number") }
            if t.purpose == "apology_holding", t.intents.contains(.complaint), t.sensitive.isEmpty, t.purpose != "rude_calm" {
                XCTAssertTrue(t.text.variables.contains("sla.promise"), "\(t.id): a holding reply to a complaint promises a date")
            }
        }
        XCTAssertTrue(library.templates.contains { $0.id.hasPrefix("id.") && $0.render(RenderContext()).contains("lapor.go.id") })
    }

    func testRenderedShortRepliesFitOnX() {
        let library = TemplateLibrary.load(userDirectory: nil).library
        let context = RenderContext(citizenName: "Budi Santoso", agencyName: "Diskominfo Kota Contoh", ticketRef: "LAP-2026-0001",
                                    slaPromise: "Senin, 7 Desember 2026", officeHours: "Senin–Jumat 07.30–16.00 WIB")
        let fitting = library.templates.filter { $0.render(context).count <= 280 }
        XCTAssertGreaterThanOrEqual(fitting.count, 40, "most templates should fit a post on X")
    }
}
