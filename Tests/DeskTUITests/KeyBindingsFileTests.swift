import DeskCore
@testable import DeskTUI
import XCTest

final class KeyBindingsFileTests: XCTestCase {
    func testRebindsPerContext() {
        let (keys, issues) = KeyBindingsFile.parse("""
        [queue]
        move-down = ["n", "down"]
        claim = "ctrl-k"

        [composer]
        open-review = "ctrl-r"
        """, path: "keys.toml")
        XCTAssertEqual(issues, [])
        XCTAssertEqual(keys.action(for: .char("n"), in: .queue), .moveDown)
        XCTAssertNil(keys.action(for: .char("j"), in: .queue), "the entry replaces the defaults of the action")
        XCTAssertEqual(keys.action(for: .char("j"), in: .log), .moveDown, "other contexts keep theirs")
        XCTAssertEqual(keys.action(for: .ctrl("k"), in: .queue), .claim)
        XCTAssertEqual(keys.action(for: .ctrl("r"), in: .composer), .openReview)
        XCTAssertNil(keys.action(for: .ctrl("d"), in: .composer))
    }

    func testSwappingTwoKeysIsNotAConflict() {
        let (keys, issues) = KeyBindingsFile.parse("[queue]\nmove-down = \"k\"\nmove-up = \"j\"\n", path: "keys.toml")
        XCTAssertEqual(issues, [])
        XCTAssertEqual(keys.action(for: .char("k"), in: .queue), .moveDown)
        XCTAssertEqual(keys.action(for: .char("j"), in: .queue), .moveUp)
    }

    func testConflictsAreReportedWithTheLineAndTheDefaultsKept() {
        let (keys, issues) = KeyBindingsFile.parse("""
        # my keys
        [queue]
        reply = "R"
        claim = "j"
        """, path: "/home/sari/.config/meja/keys.toml")
        XCTAssertEqual(issues.count, 2, "\(issues)")
        let texts = issues.map(\.description)
        XCTAssertTrue(texts.contains { $0.hasPrefix("/home/sari/.config/meja/keys.toml:4: 'j' is already bound to move-down in [queue]") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasPrefix("/home/sari/.config/meja/keys.toml:3: 'R' is already bound to reports in [queue]") }, "\(texts)")
        XCTAssertEqual(keys.action(for: .char("c"), in: .queue), .claim, "claim keeps its default key")
        XCTAssertEqual(keys.action(for: .char("j"), in: .queue), .moveDown)
        XCTAssertEqual(keys.action(for: .char("r"), in: .queue), .reply)
    }

    func testUnknownThingsAreReportedWithTheirLinesInLFAndWindowsFiles() {
        let text = """
        [queue]
        fly = "f"
        claim = "hyper-c"
        reply = 3

        [composer]
        open-review = "x"
        send = "ctrl-s"

        [kitchen]
        open = "o"
        """
        for content in [text, text.replacingOccurrences(of: "\n", with: "\r\n")] {
            let (keys, issues) = KeyBindingsFile.parse(content, path: "keys.toml")
            let texts = issues.map(\.description)
            XCTAssertTrue(texts.contains { $0.hasPrefix("keys.toml:2: unknown action 'fly'") }, "\(texts)")
            XCTAssertTrue(texts.contains { $0.hasPrefix("keys.toml:3: unknown key 'hyper-c'") }, "\(texts)")
            XCTAssertTrue(texts.contains { $0.hasPrefix("keys.toml:4: 'reply' must be a key name") }, "\(texts)")
            XCTAssertTrue(texts.contains { $0.hasPrefix("keys.toml:7: 'x' cannot be bound in [composer]") }, "\(texts)")
            XCTAssertTrue(texts.contains { $0.hasPrefix("keys.toml:8: 'send' does nothing in [composer]") }, "\(texts)")
            XCTAssertTrue(texts.contains { $0.hasPrefix("keys.toml:10: unknown section [kitchen]") }, "\(texts)")
            XCTAssertEqual(issues.count, 6)
            XCTAssertEqual(issues.map(\.line), [2, 3, 4, 7, 8, 10], "in the file's order")
            XCTAssertEqual(keys.action(for: .char("c"), in: .queue), .claim)
            XCTAssertEqual(keys.action(for: .ctrl("d"), in: .composer), .openReview)
        }
    }

    func testABrokenHeaderIsLeftOutWithItsSectionAndTheDefaultsKept() {
        let (keys, issues) = KeyBindingsFile.parse("[queue\nclaim = \"ctrl-k\"\n", path: "keys.toml")
        XCTAssertTrue(issues.first?.description.hasPrefix("keys.toml:1:") ?? false, "\(issues)")
        XCTAssertEqual(keys.action(for: .char("c"), in: .queue), .claim)
        XCTAssertNil(keys.action(for: .ctrl("k"), in: .queue))
    }

    func testALineThatIsNotTOMLCostsOnlyItself() {
        // An unclosed quote on line 4: the bindings around it still apply.
        let (keys, issues) = KeyBindingsFile.parse("[queue]\nclaim = \"ctrl-k\"\nmove-down = \"n\"\nbroken = \"abc\nassign = \"ctrl-a\"\n", path: "keys.toml")
        XCTAssertEqual(issues.map(\.line), [4], "\(issues)")
        XCTAssertEqual(keys.action(for: .ctrl("k"), in: .queue), .claim)
        XCTAssertEqual(keys.action(for: .char("n"), in: .queue), .moveDown)
        XCTAssertEqual(keys.action(for: .ctrl("a"), in: .queue), .assign)
        // A section written twice: the second is left out (named), the first applies, and the other problems are named too.
        let (again, problems) = KeyBindingsFile.parse("[queue]\nclaim = \"ctrl-k\"\nnosuch = \"x\"\n[queue]\nassign = \"ctrl-a\"\n", path: "keys.toml")
        XCTAssertEqual(problems.map(\.line), [3, 4], "\(problems)")
        XCTAssertEqual(again.action(for: .ctrl("k"), in: .queue), .claim)
    }

    func testLoadReadsTheFileAndAMissingFileIsFine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meja-keys-\(UUID().uuidString)/meja")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let env = ["XDG_CONFIG_HOME": dir.deletingLastPathComponent().path]
        XCTAssertEqual(KeyBindingsFile.load(path: KeyBindingsFile.defaultPath(env)).issues, [])
        try "[queue]\nclaim = \"ctrl-k\"\n".write(to: dir.appendingPathComponent("keys.toml"), atomically: true, encoding: .utf8)
        let loaded = KeyBindingsFile.load(path: KeyBindingsFile.defaultPath(env))
        XCTAssertEqual(loaded.keys.action(for: .ctrl("k"), in: .queue), .claim)
    }
}
