import DeskCore
@testable import DeskTUI
import XCTest

final class CellGridTests: XCTestCase {
    func testPutClipsByDisplayWidthAndNeverSplitsAWideCluster() {
        var grid = CellGrid(width: 10, height: 2)
        let used = grid.put("你好世界!", row: 0, col: 0, limit: 7, style: .plain)
        XCTAssertEqual(used, 6, "three CJK characters fit in 7 columns; the fourth would need 8")
        XCTAssertEqual(grid.rowText(0), "你好世")
        XCTAssertEqual(grid[0, 1].width, 0, "the right half of a wide character is a continuation")
        // At the right edge a wide character that does not fit is left out rather than cut.
        let edge = grid.put("ab你", row: 1, col: 7, style: .plain)
        XCTAssertEqual(edge, 2)
        XCTAssertEqual(grid.rowText(1), "       ab")
    }

    func testADocumentLineTooWideEndsInAnEllipsis() {
        var doc = Document(width: 10)
        doc.add(("  #12 · ", .muted), ("Apakah pembayaran", .text))
        doc.add(("pas 10 col", .text))
        doc.add(("好好好好好好", .text))
        var grid = CellGrid(width: 10, height: 3)
        doc.draw(in: grid.bounds, scroll: 0, on: &grid)
        XCTAssertEqual(grid.rowText(0), "  #12 · A…", "cut: the last column says so")
        XCTAssertEqual(grid[0, 9].style, CellStyle(.text), "in the style of the text it cuts")
        XCTAssertEqual(grid.rowText(1), "pas 10 col", "a line that fits is drawn whole")
        XCTAssertEqual(grid.rowText(2), "好好好好…", "a wide character that would not fit before it is left out")
    }

    func testEmojiSequencesTakeTwoColumns() {
        var grid = CellGrid(width: 12, height: 1)
        let used = grid.put("👨‍👩‍👧❤️🇮🇩x", row: 0, col: 0, style: .plain)
        XCTAssertEqual(used, 7)
        XCTAssertEqual(grid[0, 0].text, "👨‍👩‍👧")
        XCTAssertEqual(grid[0, 2].text, "❤️")
        XCTAssertEqual(grid[0, 4].text, "🇮🇩")
        XCTAssertEqual(grid[0, 6].text, "x")
    }

    func testControlCharactersNeverReachACell() {
        var grid = CellGrid(width: 20, height: 1)
        grid.put("a\u{1B}[2Jb\u{07}c\u{9B}d", row: 0, col: 0, style: .plain)
        for cell in grid.row(0) {
            XCTAssertFalse(cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }, cell.text)
        }
    }

    func testOverwritingHalfOfAWideClusterBlanksTheOtherHalf() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("你好", row: 0, col: 0, style: .plain)
        grid.put("x", row: 0, col: 1, style: .plain)
        XCTAssertEqual(grid.rowText(0), " x好")
        grid.put("y", row: 0, col: 2, style: .plain)
        XCTAssertEqual(grid.rowText(0), " xy")
        XCTAssertEqual(grid[0, 3].text, " ")
    }

    func testRoleLayerRecordsObjectsAndHighlight() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("!!", row: 0, col: 0, style: CellStyle(.badgeBreached))
        grid.put("你", row: 0, col: 2, style: CellStyle(.author, highlighted: true))
        XCTAssertEqual(grid.roles, "bbAAtt")
    }

    func testTheFocusIsTheStartOfTheHighlightedLineDrawnLast() {
        var grid = CellGrid(width: 20, height: 6)
        XCTAssertNil(grid.focus)
        grid.put("plain", row: 0, col: 0, style: .plain)
        XCTAssertNil(grid.focus, "nothing selected, nothing to follow")
        grid.fill(row: 3, col: 0, width: 20, style: CellStyle(.text, highlighted: true))
        grid.put("row three", row: 3, col: 2, style: CellStyle(.author, highlighted: true))
        XCTAssertEqual(grid.focus?.row, 3)
        XCTAssertEqual(grid.focus?.col, 0, "its text after its fill does not move it")
        // An overlay drawn over the list (a picker) takes it.
        grid.fill(row: 1, col: 5, width: 10, style: CellStyle(.text, highlighted: true))
        XCTAssertEqual(grid.focus?.row, 1)
        XCTAssertEqual(grid.focus?.col, 5)
    }

    func testEveryObjectHasItsOwnCode() {
        var seen: [Character: UIObject] = [:]
        for object in UIObject.allCases {
            XCTAssertNil(seen[object.code], "\(object) and \(seen[object.code].map { "\($0)" } ?? "") share a code")
            seen[object.code] = object
        }
    }

    func testOutOfBoundsDrawingIsIgnored() {
        var grid = CellGrid(width: 3, height: 1)
        XCTAssertEqual(grid.put("abc", row: 5, col: 0, style: .plain), 0)
        XCTAssertEqual(grid.put("abc", row: 0, col: -1, style: .plain), 0)
        grid.fill(row: 0, col: -5, width: 100, style: CellStyle(.title))
        XCTAssertEqual(grid.roles, "hhh")
        grid.placeCursor(row: 9, col: 9)
        XCTAssertNil(grid.cursor)
        XCTAssertEqual(CellGrid(width: 0, height: 0).text, "")
    }

    func testAPassedOverRowIsMarked() {
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let c = Comment(id: 7, platform: .x, externalID: "7", author: Author(handle: "warga"), text: "Lampu jalan mati",
                        createdAt: now.addingTimeInterval(-3_600), importedAt: now)
        for passedOver in [true, false] {
            var grid = CellGrid(width: 80, height: 1)
            QueueRowView.draw(QueueItem(comment: c, clock: nil, passedOver: passedOver), row: 0, width: 80, highlighted: false,
                              now: now, strings: Strings(.en), on: &grid)
            XCTAssertEqual(grid.rowText(0).contains("⇣ Lampu jalan mati"), passedOver, grid.rowText(0))
            XCTAssertTrue(grid.rowText(0).contains("Lampu jalan mati"))
        }
    }
}
