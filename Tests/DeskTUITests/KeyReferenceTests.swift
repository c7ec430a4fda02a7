import Foundation
@testable import DeskTUI
import XCTest

/// The generated references in docs/ must match the code they are generated from (like lazygit's cheatsheet
/// check). `MEJA_UPDATE_DOCS=1 swift test --filter KeyReferenceTests` writes them anew.
final class KeyReferenceTests: XCTestCase {
    private var docs: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs")
    }

    private func check(_ name: String, _ generated: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = docs.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["MEJA_UPDATE_DOCS"].map({ !$0.isEmpty && $0 != "0" }) ?? false {
            try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
            try generated.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let stored = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        guard stored != generated else { return }
        let a = stored.split(separator: "\n", omittingEmptySubsequences: false)
        let b = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let first = Array(zip(a, b)).firstIndex { $0 != $1 } ?? min(a.count, b.count)
        XCTFail("docs/\(name) is stale from line \(first + 1) (\(first < b.count ? b[first] : "end of file")): run `MEJA_UPDATE_DOCS=1 swift test --filter KeyReferenceTests`",
                file: file, line: line)
    }

    func testKeysMarkdownIsUpToDate() throws { try check("keys.md", KeyReference.markdown()) }

    func testThemesMarkdownIsUpToDate() throws { try check("themes.md", ThemeReference.markdown()) }

    func testTheReferenceListsEveryActionOfEveryContext() {
        let md = KeyReference.markdown()
        for context in KeyContext.allCases { XCTAssertTrue(md.contains("## `[\(context.rawValue)]`"), context.rawValue) }
        for spec in ActionTable.all {
            XCTAssertTrue(md.contains("| `\(spec.id.rawValue)` | \(spec.summary.en)"), spec.id.rawValue)
        }
        var rebound = KeyMap.defaults
        rebound.bind(.claim, in: .queue, to: [.ctrl("k")])
        XCTAssertTrue(KeyReference.markdown(keys: rebound).contains("| `ctrl-k` | `claim` |"))
    }

    func testTheLiveTableShowsEveryContextWithFlagsAndRebindings() {
        var rebound = KeyMap.defaults
        rebound.bind(.claim, in: .queue, to: [.ctrl("k")])
        rebound.bind(.publicView, in: .reports, to: [])
        let table = KeyReference.table(keys: rebound, language: .en)
        for context in KeyContext.allCases { XCTAssertTrue(table.contains("\n[\(context.rawValue)]\n"), context.rawValue) }
        let lines = table.split(separator: "\n").map(String.init)
        func line(_ id: ActionID, after context: KeyContext) -> String? {
            let start = lines.firstIndex(of: "[\(context.rawValue)]")!
            return lines[(start + 1)...].prefix { !$0.isEmpty && !$0.hasPrefix("[") }.first { $0.contains(" \(id.rawValue) ") }
        }
        XCTAssertEqual(line(.claim, after: .queue)?.hasPrefix("  ctrl-k "), true)
        XCTAssertEqual(line(.claim, after: .queue)?.contains(" R*  Claim the comment"), true, line(.claim, after: .queue) ?? "")
        XCTAssertEqual(line(.claim, after: .thread)?.contains(" R   Claim the comment"), true, "rebound in [queue] only")
        XCTAssertEqual(line(.assign, after: .queue)?.contains(" SR   Assign"), true)
        XCTAssertEqual(line(.publicView, after: .reports)?.hasPrefix("  — "), true, "an action left without keys")
        XCTAssertTrue(KeyReference.table(keys: .defaults, language: .id).contains("Ambil komentar ini untuk Anda kerjakan."))
    }
}
