import DeskCore
import Foundation
import XCTest

/// What a file, a file's name or an argument holds never drives the terminal: messages are inert, results on a
/// terminal are inert, and results piped to a file stay byte for byte.
final class HostileTextCLITests: XCTestCase {
    static let title = "\u{1B}]0;PWNED\u{07}"
    static let clipboard = "\u{1B}]52;c;cm0gLXJm\u{07}"

    /// True when `text` holds anything that would act on a terminal (an escape, a BEL, a NUL, a C1 control).
    func drivesTheTerminal(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0 || (0x80..<0xA0).contains($0.value) }
    }

    func testImportMessagesQuotingAFileAndItsNameAreInert() throws {
        let cli = try CLIHarness()
        let escaped = { (s: String) in s.replacingOccurrences(of: "\u{1B}", with: "\\u001b").replacingOccurrences(of: "\u{07}", with: "\\u0007") }
        let lines = [
            #"{"platform":"x\#(escaped(Self.title))","id":"1","author":{"handle":"a"},"text":"t","created_at":"2026-12-01T08:00:00Z"}"#,
            #"{"platform":"x","id":"2","author":{"handle":"a"},"text":"t","created_at":"2026\#(escaped(Self.clipboard))\u0000"}"#,
            #"{"platform":"x","id":"3","author":{"handle":"a"},"text":"t","created_at":"2026-12-01T08:00:00Z"}"#,
        ]
        let file = try cli.write("inbox\(Self.title)\u{1B}[2J.jsonl", lines.joined(separator: "\n"))
        let piped = try cli.run(["import", file])
        XCTAssertEqual(piped.status, 65)
        XCTAssertFalse(drivesTheTerminal(piped.stderr), piped.stderr)
        XCTAssertTrue(piped.stderr.contains("inbox␛␛.jsonl:1: platform 'x␛' must be"), piped.stderr)
        XCTAssertTrue(piped.stderr.contains(".jsonl:2: created_at '2026␛␀' is not ISO 8601"), piped.stderr)

        let terminal = try cli.runOnTerminal(["import", file, "--db", cli.dir.appendingPathComponent("second.sqlite").path])
        XCTAssertFalse(terminal.stdout.contains(Self.title) || terminal.stdout.contains("\u{1B}[2J") || terminal.stdout.contains("\u{1B}]"),
                       "neither the summary nor the progress bar's label passes the name's escapes: \(terminal.stdout.debugDescription)")
        XCTAssertTrue(terminal.stdout.contains("inbox␛␛.jsonl (detected as meja-jsonl): 1 new"), terminal.stdout)

        // An argument echoed in a usage error or a refusal is inert too.
        let zone = try cli.run(["import", file, "--assume-zone", "Asia/\(Self.title)"])
        XCTAssertEqual(zone.status, 64)
        XCTAssertFalse(drivesTheTerminal(zone.stderr), zone.stderr)
        XCTAssertTrue(zone.stderr.contains("--assume-zone 'Asia/␛' is not a time zone"), zone.stderr)
        let show = try cli.run(["show", "x:\(Self.clipboard)"])
        XCTAssertNotEqual(show.status, 0)
        XCTAssertFalse(drivesTheTerminal(show.stderr), show.stderr)
    }

    func testResultsAreExactWhenPipedAndInertOnATerminal() throws {
        let cli = try CLIHarness()
        let channel = "@kominfo\(Self.title)"
        let record = #"{"platform":"x","id":"1","author":{"handle":"warga"},"text":"Halo","created_at":"2026-11-30T08:00:00+07:00","channel":"\#(channel.replacingOccurrences(of: "\u{1B}", with: "\\u001b").replacingOccurrences(of: "\u{07}", with: "\\u0007"))"}"#
        XCTAssertEqual(try cli.run(["import", try cli.write("one.jsonl", record)]).status, 0)

        // A report is for people, and a report file is shown with cat: its control characters are marks there too.
        let piped = try cli.run(["report", "--format", "csv"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse(drivesTheTerminal(piped.stdout), piped.stdout.debugDescription)
        XCTAssertTrue(piped.stdout.contains("volume,channel,'@kominfo␛"), piped.stdout)

        let terminal = try cli.runOnTerminal(["report", "--format", "csv"])
        XCTAssertFalse(drivesTheTerminal(terminal.stdout), terminal.stdout.debugDescription)
        XCTAssertTrue(terminal.stdout.contains("volume,channel,'@kominfo␛,1"), terminal.stdout)
    }
}
