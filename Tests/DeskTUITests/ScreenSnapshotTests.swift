import DeskCore
@testable import DeskTUI
import XCTest

/// Every screen drawn on the cell grid at 80×24 and 120×40, text and role layer, on a real desk holding
/// hostile text (OSC title, CSI clear, bidi override), emoji and CJK.
final class ScreenSnapshotTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    private func snap(_ name: String, language: Language = .en, supervisor: Bool = true, reviewer: (any ReplyReviewer)? = FixtureReviewer(),
                      history: Bool = false, file: StaticString = #filePath, line: UInt = #line,
                      _ drive: (DeskApp, Fixture) throws -> Void) throws {
        for size in Self.sizes {
            let fixture = try Fixture(reviewer: reviewer, history: history)
            let app = fixture.app(size: size, language: language, supervisor: supervisor)
            try drive(app, fixture)
            let grid = app.frame()
            assertSnapshot(grid, named: "\(name)-\(size.width)x\(size.height)", file: file, line: line)
            assertInert(grid, file: file, line: line)
        }
    }

    /// No cell may carry a control character or a bidi control, whatever the comments hold.
    private func assertInert(_ grid: CellGrid, file: StaticString, line: UInt) {
        for cell in grid.cells {
            for s in cell.text.unicodeScalars {
                let v = s.value
                XCTAssertFalse(v < 0x20 || (0x7F..<0xA0).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v),
                               "cell holds U+\(String(v, radix: 16))", file: file, line: line)
            }
        }
    }

    func testQueue() throws {
        try snap("queue") { app, _ in
            XCTAssertEqual(app.state.queue.items.count, 7)
        }
    }

    func testQueueMovedDownWithJAndArrow() throws {
        try snap("queue-moved") { app, _ in
            app.press(.char("j"))
            app.press(.down)
            app.press(.char("k"))
            app.press(.down)
            XCTAssertEqual(app.state.queue.cursor.selected, 2)
        }
    }

    func testQueueInIndonesian() throws {
        try snap("queue-id", language: .id) { _, _ in }
    }

    func testThreadComposerAndReviewInIndonesian() throws {
        try snap("thread-id", language: .id) { app, f in
            let index = app.state.queue.items.firstIndex { $0.comment.id == f.id("m7") }!
            for _ in 0..<index { app.press(.char("j")) }
            app.press(.enter)
        }
        try snap("composer-id", language: .id) { app, _ in
            app.press(.char("r"))
            app.press(.ctrl("t"))
        }
        try snap("review-id", language: .id) { app, _ in
            app.press(.char("r"))
            app.dispatch(.typed("NIK Bapak 3201234567890001 sudah kami cek"))
            app.press(.ctrl("d"))
        }
    }

    func testQueueFilteredAndSearched() throws {
        try snap("queue-filtered") { app, _ in
            app.press(.char("p"))
            app.press(.char("p"))
            app.press(.char("/"))
            for c in "banjir" { app.press(.char(c)) }
            app.press(.enter)
            XCTAssertEqual(app.state.queue.items.map(\.comment.externalID).sorted(), [], "X has no banjir comment")
            app.press(.char("x"))
            app.press(.char("/"))
            for c in "banjir" { app.press(.char(c)) }
            app.press(.enter)
            XCTAssertEqual(Set(app.state.queue.items.map(\.comment.externalID)), ["m2", "m7"])
        }
    }

    func testQueueAsAgent() throws {
        try snap("queue-agent", supervisor: false) { app, _ in
            app.press(.char("o"))
            XCTAssertEqual(app.state.screen, .queue, "agents cannot open the overdue board")
            XCTAssertEqual(app.state.notice?.kind, .error)
        }
    }

    func testThreadOfHostileComment() throws {
        try snap("thread-hostile") { app, f in
            app.press(.char("j"))
            app.press(.char("j"))
            XCTAssertEqual(app.state.queue.selectedItem?.comment.id, f.id("m3"))
            app.press(.enter)
        }
    }

    func testThreadWithAgencyReplyAndEarlierComments() throws {
        try snap("thread-conversation") { app, f in
            let index = app.state.queue.items.firstIndex { $0.comment.id == f.id("m7") }!
            for _ in 0..<index { app.press(.char("j")) }
            app.press(.enter)
        }
    }

    func testThreadOfEmojiAndCJK() throws {
        try snap("thread-emoji") { app, f in
            let index = app.state.queue.items.firstIndex { $0.comment.id == f.id("m4") }!
            for _ in 0..<index { app.press(.char("j")) }
            app.press(.enter)
            app.press(.char("q"))
            app.press(.char("j"))
            app.press(.enter)
        }
    }

    func testComposerWithSuggestions() throws {
        try snap("composer") { app, _ in
            app.press(.char("r"))
            app.press(.tab)
            app.press(.ctrl("t"))
            for c in " Salam 👋" { app.press(.char(c)) }
        }
    }

    func testComposerOverTheLimit() throws {
        try snap("composer-over-limit") { app, _ in
            app.press(.char("r"))
            app.dispatch(.typed(String(repeating: "panjang sekali ", count: 20)))
            XCTAssertLessThan(app.state.composer!.remaining!, 0)
        }
    }

    func testReviewClean() throws {
        try snap("review") { app, _ in
            app.press(.char("r"))
            app.press(.ctrl("t"))
            app.press(.ctrl("d"))
            XCTAssertEqual(app.state.screen, .review)
        }
    }

    func testReviewBlockedAsksForAReason() throws {
        try snap("review-blocked") { app, _ in
            app.press(.char("r"))
            app.dispatch(.typed("NIK Bapak 3201234567890001 sudah kami cek, lihat http://contoh.com"))
            app.press(.ctrl("d"))
            app.press(.char("y"))
            XCTAssertEqual(app.state.prompt?.kind, .overrideReason)
        }
    }

    func testOverdueBoard() throws {
        try snap("overdue") { app, f in
            try f.desk.assign(f.id("m1"), to: "budi")
            app.press(.char("o"))
        }
    }

    func testOverdueBoardByChannel() throws {
        try snap("overdue-channel") { app, _ in
            app.press(.char("o"))
            app.press(.tab)
        }
    }

    func testPassedOver() throws {
        try snap("passed-over") { app, _ in
            app.press(.char("P"))
        }
    }

    func testLog() throws {
        try snap("log") { app, f in
            try f.desk.claim(f.id("m2"))
            app.press(.char("L"))
        }
    }

    func testReports() throws {
        try snap("reports", history: true) { app, f in
            app.press(.char("R"))
            XCTAssertEqual(app.state.reports.report?.comments, 13)
        }
    }

    func testReportsWeekByWeekWithSparklines() throws {
        try snap("reports-weeks", history: true) { app, f in
            app.press(.char("R"))
            // Page down to the weekly table and its sparklines (two pages at 80×24, one at 120×40).
            for _ in 0..<4 where !app.frame().text.contains("Backlog at end  ") { app.press(.pageDown) }
            let text = app.frame().text
            XCTAssertTrue(text.contains("Weekly (on time: all responses)"), text)
            XCTAssertTrue(text.contains("Arrivals        ▃▂▃█"), "a sparkline per weekly figure")
        }
    }

    func testReportsPublicViewAWeekEarlierInIndonesian() throws {
        try snap("reports-public-id", language: .id, history: true) { app, f in
            app.press(.char("R"))
            app.press(.char("h"))
            app.press(.char("p"))
            XCTAssertEqual(app.state.reports.audience, .public)
            XCTAssertEqual(app.state.reports.report?.comments, 6)
        }
    }

    func testHelpOverlay() throws {
        try snap("help") { app, _ in app.press(.char("?")) }
    }

    func testHelpOverlayForAgentsHidesSupervisorActions() throws {
        try snap("help-agent", supervisor: false) { app, _ in
            app.press(.char("?"))
            let rows = HelpOverlay.rows(app.state, keys: app.keys).map(\.text)
            XCTAssertFalse(rows.contains { $0.contains("Assign the comment") })
            XCTAssertFalse(rows.contains { $0.contains("Overdue board") })
            XCTAssertTrue(rows.contains { $0.contains("Claim the comment") })
        }
    }

    func testHelpScrollsToTheLastLineOfTheBindingsInForce() throws {
        let f = try Fixture()
        // A keys.toml that leaves many queue actions unbound: a shorter overlay than the defaults give.
        var keys = KeyMap.defaults
        for spec in ActionTable.actions(in: .queue) where spec.id != .help { keys.bind(spec.id, in: .queue, to: []) }
        let app = f.app(keys: keys)
        app.press(.char("?"))
        app.press(.char("G"))
        let total = HelpOverlay.lines(app.state, keys: keys).lines.count
        let visible = Layout.overlay(app.state.size).height - 2
        XCTAssertLessThan(total, HelpOverlay.lines(app.state, keys: .defaults).lines.count)
        XCTAssertEqual(app.state.help, max(0, total - visible), "the end of this overlay, not of the default one")
    }

    func testStatusPicker() throws {
        try snap("picker-status") { app, _ in app.press(.char("s")) }
    }

    func testAssignPicker() throws {
        try snap("picker-assign") { app, _ in app.press(.char("a")) }
    }

    func testCommandPrompt() throws {
        try snap("prompt-command") { app, _ in
            app.press(.char(":"))
            for c in "status all" { app.press(.char(c)) }
        }
    }

    func testTooSmall() throws {
        let fixture = try Fixture()
        for size in [Size(width: 60, height: 15), Size(width: 79, height: 24), Size(width: 1, height: 1), Size(width: 0, height: 0)] {
            let app = fixture.app(size: size)
            let grid = app.frame()
            if size.width == 60 { assertSnapshot(grid, named: "too-small-60x15") }
            if size.width > 10 { XCTAssertTrue(grid.text.contains("Terminal too small"), grid.text) }
        }
    }
}
