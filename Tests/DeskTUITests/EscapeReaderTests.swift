@testable import DeskTUI
import DeskCore
import XCTest

/// What follows an Escape from the terminal: the Escape key, a paste, or a sequence dropped whole — never the rest of a
/// pasted text run as commands.
final class EscapeReaderTests: XCTestCase {
    /// Reads `input` after an Escape; returns the key and what is left unread.
    private func read(_ input: String) -> (key: Key?, rest: String) {
        var pending = Array(input.unicodeScalars)
        var reader = EscapeReader(next: { _ in pending.isEmpty ? nil : pending.removeFirst().value },
                                  putBack: { pending.insert(Unicode.Scalar($0)!, at: 0) })
        let key = reader.afterEscape()
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: pending)
        return (key, String(rest))
    }

    func testATerminalThatHungUpIsToldFromOneThatIsQuiet() {
        // A quiet input has nothing to read; a hung-up one (its other end closed, as a terminal closed under su) ends
        // the desk instead of letting it spin on reads that fail at once.
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        XCTAssertFalse(Terminal.inputHungUp(ends[0]))
        close(ends[1])
        XCTAssertTrue(Terminal.inputHungUp(ends[0]))
        close(ends[0])
        XCTAssertTrue(Terminal.inputHungUp(ends[0]), "a descriptor no longer open")
    }

    func testEscapeAloneIsTheEscapeKey() {
        XCTAssertEqual(read("").key, .escape)
    }

    func testAControlSequenceIsDroppedWholeAndWhatFollowsIsLeft() {
        let cleared = read("[2Jca")
        XCTAssertNil(cleared.key)
        XCTAssertEqual(cleared.rest, "ca", "the letters after ESC[2J are text, not an Escape and then commands")
        XCTAssertEqual(read("[38;5;196mx").rest, "x")
        XCTAssertEqual(read("]0;judul palsu\u{07}x").rest, "x", "a title change (OSC) ended by BEL")
        XCTAssertEqual(read("]8;;https://evil.example\u{1B}\\x").rest, "x", "a link (OSC 8) ended by ESC \\")
        XCTAssertEqual(read("OPx").rest, "x", "SS3 with its one character")
        let ahead = read("ex")
        XCTAssertEqual(ahead.key, .escape, "Esc and a key typed ahead while the desk was busy: both count")
        XCTAssertEqual(ahead.rest, "ex")
    }

    func testAKeysOwnSequenceThatCursesLetThroughIsThatKey() {
        // On a busy machine the parts of an arrow's sequence can arrive apart, and curses hands them over undecoded:
        // the arrow still counts, and the key typed after it too.
        let down = read("[Bk")
        XCTAssertEqual(down.key, .down)
        XCTAssertEqual(down.rest, "k")
        XCTAssertEqual(read("OA").key, .up, "SS3 form (application cursor keys)")
        XCTAssertEqual(read("[1;5C").key, .right, "a modifier is ignored")
        XCTAssertEqual(read("[5~").key, .pageUp)
        XCTAssertEqual(read("[6~").key, .pageDown)
        XCTAssertEqual(read("[3~").key, .delete)
        XCTAssertEqual(read("[H").key, .home)
        XCTAssertEqual(read("OF").key, .end)
        XCTAssertEqual(read("OP").key, .function(1))
        XCTAssertEqual(read("[Z").key, .backTab)
        XCTAssertNil(read("[2J").key, "a screen command is no key")
        XCTAssertNil(read("[200;5~").key)
    }

    func testABracketedPasteIsOneTextWhateverItHolds() {
        let pasted = read("[200~Halo min\nc a y\u{1B}[2J\u{1B}[201~j")
        XCTAssertEqual(pasted.key, .paste("Halo min\nc a y\u{1B}[2J"), "escape bytes inside a paste are text for the linter to flag")
        XCTAssertEqual(pasted.rest, "j")
        XCTAssertEqual(read("[200~tanpa akhir").key, .paste("tanpa akhir"), "a paste the terminal never closed ends where input stops")
    }

    func testAPasteIsTextInTheComposerAndNothingInTheQueue() {
        var state = AppState(size: Size(width: 100, height: 30), now: Date(timeIntervalSince1970: 1_764_547_200), language: .en,
                             actor: "sari", isSupervisor: true)
        XCTAssertNil(InputRouter.event(for: .paste("c"), in: state, keys: .defaults), "a stray paste in the queue claims nothing")
        state.composer = ComposerState(commentID: 1, platform: .x, comment: nil)
        state.stack.append(.composer)
        guard let event = InputRouter.event(for: .paste("Baik\r\nKak\tya"), in: state, keys: .defaults) else { return XCTFail() }
        _ = Reducer.apply(&state, event)
        XCTAssertEqual(state.composer?.editor.text, "Baik\nKak    ya", "line ends and tabs as the external editor's text has them")
        _ = Reducer.apply(&state, .typed("!"))
        _ = Reducer.apply(&state, .action(.editUndo))
        _ = Reducer.apply(&state, .action(.editUndo))
        XCTAssertEqual(state.composer?.editor.text, "", "the paste is one change for undo")
        // What a terminal would take for commands is dropped from pasted text; words and format characters stay. (The
        // 8-bit CSI U+009B goes with its final byte, as its 7-bit form does.)
        _ = Reducer.apply(&state, .pasted("A\u{1B}[2JB\u{1B}]0;judul\u{07}C\u{1B}cD\u{07}E\u{1B}]8;;x\u{1B}\\F\u{202E}G\u{9B}2JH\u{85}I"))
        XCTAssertEqual(state.composer?.editor.text, "ABCDEF\u{202E}GHI")
    }

    func testAPromptTakesAtMostItsLengthAndSaysWhenItCuts() {
        var state = AppState(size: Size(width: 100, height: 30), now: Date(timeIntervalSince1970: 1_764_547_200), language: .en,
                             actor: "sari", isSupervisor: true)
        state.prompt = PromptState(kind: .search)
        _ = Reducer.apply(&state, .pasted(String(repeating: "jalan ", count: 100)))
        XCTAssertEqual(state.prompt?.field.characters.count, PromptState.maxLength)
        XCTAssertEqual(state.notice?.text, "Cut: this field takes at most 500 characters.")
        // One line of words: invisible format characters go (a zero-width space would split the word searched for).
        state.prompt = PromptState(kind: .search)
        _ = Reducer.apply(&state, .pasted("jal\u{200B}an\u{202E} rusak\u{2066} 👨\u{200D}👩"))
        XCTAssertEqual(state.prompt?.field.text, "jalan rusak 👨\u{200D}👩")
    }
}
