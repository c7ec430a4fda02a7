import Foundation
import XCTest

/// `meja keys`: the live key table with the user's keys.toml, and the Markdown reference that is docs/keys.md.
final class KeysCLITests: XCTestCase {
    func testKeysMarkdownIsDocsKeysMD() throws {
        let cli = try CLIHarness()
        let docs = try String(contentsOf: packageRoot.appendingPathComponent("docs/keys.md"), encoding: .utf8)
        let run = try cli.run(["keys", "--markdown"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, docs, "`meja keys --markdown` must print docs/keys.md exactly")
        XCTAssertTrue(run.stdout.contains("| `R` | `reports` |"))
    }

    func testKeysShowsTheLiveTableAndTheProblemsOfKeysToml() throws {
        let cli = try CLIHarness()
        let defaults = try cli.run(["keys"])
        XCTAssertEqual(defaults.status, 0, defaults.stderr)
        XCTAssertEqual(defaults.stderr, "")
        XCTAssertTrue(defaults.stdout.contains("\n[reports]\n"), defaults.stdout)
        XCTAssertTrue(defaults.stdout.range(of: #"\n  c +claim +R   Claim the comment"#, options: .regularExpression) != nil, defaults.stdout)
        XCTAssertTrue(defaults.stdout.range(of: #"\n  R +reports +S    Response performance reports\."#, options: .regularExpression) != nil)

        let folder = URL(fileURLWithPath: cli.env["XDG_CONFIG_HOME"]!).appendingPathComponent("meja")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("keys.toml")
        try Data("[queue]\nclaim = \"ctrl-k\"\nnope = \"x\"\n\n[reports]\npublic-view = \"v\"\n".utf8).write(to: file)
        let run = try cli.run(["keys"])
        XCTAssertEqual(run.status, 1, "a problem in keys.toml fails the check")
        XCTAssertEqual(run.stderr, "\(file.path):3: unknown action 'nope'; docs/keys.md lists the actions and their ids\n")
        XCTAssertTrue(run.stdout.range(of: #"\n  ctrl-k +claim +R\*  Claim the comment"#, options: .regularExpression) != nil, run.stdout)
        XCTAssertTrue(run.stdout.range(of: #"\n  v +public-view +\*  Show the public report"#, options: .regularExpression) != nil, run.stdout)
        let queue = try XCTUnwrap(run.stdout.components(separatedBy: "\n\n[thread]").first?.components(separatedBy: "[queue]\n").last)
        XCTAssertFalse(queue.contains("\n  c  "), "c no longer claims in the queue")
        XCTAssertTrue(run.stdout.range(of: #"\n  c +claim +R   Claim the comment"#, options: .regularExpression) != nil, "but still does in a thread")

        let markdown = try cli.run(["keys", "--markdown"])
        XCTAssertEqual(markdown.stdout, try String(contentsOf: packageRoot.appendingPathComponent("docs/keys.md"), encoding: .utf8),
                       "the reference is of the default keys, whatever keys.toml says")
        let indonesian = try cli.run(["keys"], extraEnv: ["LANG": "id_ID.UTF-8"])
        XCTAssertTrue(indonesian.stdout.contains("Ambil komentar ini untuk Anda kerjakan."), indonesian.stdout)
    }
}
