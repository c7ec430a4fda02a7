@testable import DeskTUI
import XCTest

final class TextEditorTests: XCTestCase {
    func testCursorMovesByGraphemeCluster() {
        var e = TextEditor(text: "a👨‍👩‍👧b🇮🇩")
        XCTAssertEqual(e.count, 4)
        e.moveLeft()
        e.backspace()
        XCTAssertEqual(e.text, "a👨‍👩‍👧🇮🇩", "backspace removes the whole b, not a scalar")
        e.backspace()
        XCTAssertEqual(e.text, "a🇮🇩", "and the whole family emoji")
        e.moveRight()
        e.insert("!")
        XCTAssertEqual(e.text, "a🇮🇩!")
    }

    func testACombiningMarkTypedAfterItsLetterJoinsIt() {
        var e = TextEditor()
        e.insert("e")
        e.insert("\u{301}")
        XCTAssertEqual(e.count, 1)
        XCTAssertEqual(e.cursor, 1)
        XCTAssertEqual(e.text, "é")
    }

    func testWrapsAtSpacesByDisplayWidth() {
        let e = TextEditor(text: "Terima kasih atas laporannya 你好世界")
        let lines = e.layout(width: 12).map { e.text(of: $0) }
        XCTAssertEqual(lines, ["Terima kasih ", "atas ", "laporannya ", "你好世界"], "a space at the edge hangs")
        let long = TextEditor(text: "abcdefghij")
        XCTAssertEqual(long.layout(width: 4).map { long.text(of: $0) }, ["abcd", "efgh", "ij"])
        let breaks = TextEditor(text: "a\n\nb")
        XCTAssertEqual(breaks.layout(width: 10).map { breaks.text(of: $0) }, ["a", "", "b"])
    }

    func testCursorPositionAndVerticalMovement() {
        var e = TextEditor(text: "Selamat pagi warga kota yang baik")
        // Lines at 14 columns: "Selamat pagi " / "warga kota " / "yang baik".
        XCTAssertEqual(e.cursorPosition(width: 14).row, 2)
        XCTAssertEqual(e.cursorPosition(width: 14).col, 9)
        e.moveVertically(by: -1, width: 14)
        XCTAssertEqual(e.cursorPosition(width: 14).row, 1)
        XCTAssertEqual(e.cursorPosition(width: 14).col, 9)
        e.moveVertically(by: -1, width: 14)
        XCTAssertEqual(e.cursorPosition(width: 14).row, 0)
        e.moveVertically(by: 1, width: 14)
        e.moveEnd()
        XCTAssertEqual(e.cursor, e.count, "end goes to the end of the logical line")
        e.moveVertically(by: -1, width: 14)
        XCTAssertEqual(e.cursorPosition(width: 14).row, 1, "the end of a wrapped line stays on that line")
        e.moveVertically(by: -1, width: 14)
        e.moveVertically(by: -1, width: 14)
        XCTAssertEqual(e.cursor, 0, "up from the first line goes to the start")
        e.moveHome()
        XCTAssertEqual(e.cursor, 0)
        var wide = TextEditor(text: "你好世界")
        wide.moveLeft()
        XCTAssertEqual(wide.cursorPosition(width: 20).col, 6, "columns count display width")
        var lines = TextEditor(text: "ab\ncd")
        lines.moveVertically(by: -1, width: 10)
        XCTAssertEqual(lines.cursor, 2, "up keeps the column on the line above")
    }

    func testTheNextVariableIsClearedForItsValueToBeTyped() {
        var e = TextEditor(text: "Info lengkap di {link}. Hubungi {redirect.agency} ya, {citizen.name}")
        e.moveHome()
        XCTAssertEqual(e.takeNextVariable(), "{link}")
        e.insert("https://kominfo.go.id")
        XCTAssertEqual(e.text, "Info lengkap di https://kominfo.go.id. Hubungi {redirect.agency} ya, {citizen.name}")
        XCTAssertEqual(e.takeNextVariable(), "{redirect.agency}", "the next one after the cursor")
        e.undo()
        XCTAssertEqual(e.text, "Info lengkap di https://kominfo.go.id. Hubungi {redirect.agency} ya, {citizen.name}", "undo puts it back")
        e.moveEnd()
        XCTAssertEqual(e.takeNextVariable(), "{redirect.agency}", "from the start when none follows the cursor")
        // Braces that name no variable are text.
        var plain = TextEditor(text: "{ } {} {a b} {x")
        XCTAssertNil(plain.takeNextVariable())
        XCTAssertEqual(plain.text, "{ } {} {a b} {x")
    }

    func testUndoTakesChangesBackOneAtATime() {
        var e = TextEditor()
        e.insert("Halo Kak, terima kasih.", asOneChange: true)   // a template
        e.insert(" Mohon")
        e.insert(" maaf")
        e.backspace()
        e.backspace()
        XCTAssertEqual(e.text, "Halo Kak, terima kasih. Mohon ma")
        e.undo()
        XCTAssertEqual(e.text, "Halo Kak, terima kasih. Mohon maaf", "the run of deletions is one change")
        e.undo()
        XCTAssertEqual(e.text, "Halo Kak, terima kasih.", "then the run of typing, back to the template")
        e.undo()
        XCTAssertEqual(e.text, "", "then the template")
        XCTAssertFalse(e.canUndo)
        e.undo()
        XCTAssertEqual(e.text, "", "nothing more to take back")
        e.insert("Baru")
        e.replaceAll(with: "Dari editor")
        e.undo()
        XCTAssertEqual(e.text, "Baru")
        XCTAssertTrue(e.canUndo)
    }

    func testOneUndoTakesBackAWordOrWhatCameSinceAPauseNeverTheWholeReply() {
        var e = TextEditor()
        for ch in "Halo Kak Fajar. Mohon maaf" { e.insert(String(ch)) }
        e.undo()
        XCTAssertEqual(e.text, "Halo Kak Fajar. Mohon ", "the last word, not the whole reply")
        e.undo()
        XCTAssertEqual(e.text, "Halo Kak Fajar. ")
        var paused = TextEditor()
        for ch in "Tim kami" { paused.insert(String(ch)) }
        paused.endRun()
        for ch in "am" { paused.insert(String(ch)) } // "kamiam": a pause in the middle of a word
        paused.undo()
        XCTAssertEqual(paused.text, "Tim kami")
    }

    func testAVariableSkippedWithNothingTypedComesBack() {
        var e = TextEditor(text: "Halo Kak, untuk {service.name}, lihat {link} ya")
        XCTAssertEqual(e.takeNextVariable(), "{service.name}")
        XCTAssertEqual(e.text, "Halo Kak, untuk , lihat {link} ya")
        XCTAssertEqual(e.takeNextVariable(), "{link}", "skipped with nothing typed: the first goes back, the next is taken")
        XCTAssertEqual(e.text, "Halo Kak, untuk {service.name}, lihat  ya")
        e.insert("https://contoh.go.id/izin")
        e.restoreUnfilledVariable()
        XCTAssertEqual(e.text, "Halo Kak, untuk {service.name}, lihat https://contoh.go.id/izin ya", "what was typed stays")
        var f = TextEditor(text: "untuk {service.name}.")
        _ = f.takeNextVariable()
        f.restoreUnfilledVariable()
        XCTAssertEqual(f.text, "untuk {service.name}.", "left unfilled, it is back for the review to point at")
    }
}
