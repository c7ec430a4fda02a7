import Foundation
@testable import DeskTUI
import XCTest

/// Compares a cell grid with the snapshot file `__Snapshots__/<name>.txt`: its text, then its role layer
/// (one style code per cell, upper case when highlighted), so both what is written and how it is styled are
/// checked. Set `MEJA_RECORD_SNAPSHOTS=1` to write the files anew; a missing file is written and the test fails
/// so that a new snapshot is always looked at once.
func assertSnapshot(_ grid: CellGrid, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        .appendingPathComponent(name + ".txt")
    let actual = snapshotText(grid)
    let record = ProcessInfo.processInfo.environment["MEJA_RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if record || existing == nil {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if existing == nil {
            XCTFail("Recorded a new snapshot at \(url.path); look at it, then run the test again.", file: file, line: line)
        }
        return
    }
    guard let expected = existing, expected != actual else { return }
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for i in 0..<max(a.count, b.count) where (a.indices.contains(i) ? a[i] : "") != (b.indices.contains(i) ? b[i] : "") {
        diff.append("line \(i + 1):\n  expected: \(a.indices.contains(i) ? a[i] : "")\n  actual:   \(b.indices.contains(i) ? b[i] : "")")
        if diff.count >= 8 { break }
    }
    XCTFail("Snapshot \(name) differs (MEJA_RECORD_SNAPSHOTS=1 re-records):\n" + diff.joined(separator: "\n"), file: file, line: line)
}

/// The snapshot file's content for a grid.
func snapshotText(_ grid: CellGrid) -> String {
    var out = "size \(grid.size.width)x\(grid.size.height)"
    if let c = grid.cursor { out += " cursor \(c.row),\(c.col)" }
    out += "\n--- text\n" + grid.text + "\n--- roles\n" + grid.roles + "\n"
    return out
}
