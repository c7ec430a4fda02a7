import DeskCore
import Foundation
import XCTest

/// The platform fixtures under `Fixtures/platforms/` (written from each platform's API documentation) and their
/// golden files: `NAME.expected.jsonl` (the normalized records, oldest first) and `NAME.problems.txt`
/// (`LINE: reason` for each rejected element). `MEJA_RECORD_FIXTURES=1 swift test` rewrites the golden files
/// from the importers' output, to be reviewed in the diff before committing.
enum PlatformFixture {
    static let directory = packageRoot.appendingPathComponent("Tests/DeskCoreTests/Fixtures/platforms")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// What `format` reads from the fixture, in the order it hands things to the importer.
    static func read(_ name: String, _ format: any ImportFormat) throws -> (records: [(line: Int, record: CommentRecord)], problems: [(line: Int, message: String)]) {
        var records: [(Int, CommentRecord)] = []
        var problems: [(Int, String)] = []
        try format.read(try data(name)) { item in
            switch item.result {
            case .success(let r): records.append((item.line, r))
            case .failure(let p): problems.append((item.line, p.message))
            }
        }
        return (records, problems)
    }

    /// Compares what `format` reads from the fixture with its golden files (or rewrites them on request).
    static func assertMatchesGolden(_ name: String, _ format: any ImportFormat, file: StaticString = #filePath, line: UInt = #line) throws {
        let (records, problems) = try read(name, format)
        // Context (kept only if the agency wrote it) is marked in the golden file, though not part of meja-jsonl.
        let recordText = records.map { r in
            guard r.record.onlyIfAgency, case .object(var o) = r.record.json else { return r.record.json.text }
            o["only_if_agency"] = .bool(true)
            return JSONValue.object(o).text
        }.joined(separator: "\n") + "\n"
        let problemText = problems.map { "\($0.line): \($0.message)" }.joined(separator: "\n") + "\n"
        let base = (name as NSString).deletingPathExtension
        let expectedURL = url(base + ".expected.jsonl")
        let problemsURL = url(base + ".problems.txt")
        if ProcessInfo.processInfo.environment["MEJA_RECORD_FIXTURES"] == "1" {
            try Data(recordText.utf8).write(to: expectedURL)
            try Data(problemText.utf8).write(to: problemsURL)
            return
        }
        let expectedRecords = try String(contentsOf: expectedURL, encoding: .utf8)
        let expectedProblems = try String(contentsOf: problemsURL, encoding: .utf8)
        let got = recordText.split(separator: "\n").map(String.init)
        let want = expectedRecords.split(separator: "\n").map(String.init)
        XCTAssertEqual(got.count, want.count, "\(name): number of records", file: file, line: line)
        for (g, w) in zip(got, want) where g != w {
            XCTFail("\(name): record differs\n  got:  \(g)\n  want: \(w)", file: file, line: line)
        }
        XCTAssertEqual(problemText, expectedProblems, "\(name): problems", file: file, line: line)
    }
}
