import DeskCore
@testable import DeskTUI
import XCTest

final class KeysTests: XCTestCase {
    func testKeyNamesRoundTrip() {
        for spec in ActionTable.all {
            for context in spec.contexts {
                for key in spec.defaultKeys(in: context) {
                    XCTAssertEqual(Key(name: key.name), key, "\(key.name)")
                }
            }
        }
        XCTAssertEqual(Key(name: "C-t"), .ctrl("t"))
        XCTAssertEqual(Key(name: "^E"), .ctrl("e"))
        XCTAssertEqual(Key(name: "Return"), .enter)
        XCTAssertEqual(Key(name: "F5"), .function(5))
        XCTAssertEqual(Key(name: "space"), .char(" "))
        XCTAssertNil(Key(name: "ctrl-"))
        XCTAssertNil(Key(name: "hyper-x"))
        XCTAssertNil(Key(name: "f13"))
        XCTAssertEqual(Key.ctrl("t").label, "^T")
    }

    func testTheDefaultTableHasNoConflictsInAnyContext() {
        for context in KeyContext.allCases {
            XCTAssertTrue(KeyMap.defaults.conflicts(in: context).isEmpty, "\(context): \(KeyMap.defaults.conflicts(in: context))")
        }
    }

    func testEveryActionIsInTheTableOnceWithBothLanguages() {
        XCTAssertEqual(Set(ActionTable.all.map(\.id)), Set(ActionID.allCases))
        XCTAssertEqual(ActionTable.all.count, ActionID.allCases.count)
        for spec in ActionTable.all {
            XCTAssertFalse(spec.contexts.isEmpty, "\(spec.id)")
            XCTAssertFalse(spec.label.id.isEmpty || spec.label.en.isEmpty, "\(spec.id)")
            XCTAssertFalse(spec.summary.id.isEmpty || spec.summary.en.isEmpty, "\(spec.id)")
            for context in spec.contexts where context.acceptsText {
                XCTAssertFalse(spec.defaultKeys(in: context).contains(where: \.isPrintable), "\(spec.id) types text in \(context)")
            }
        }
    }

    func testTheDefaultKeysOfDesignMD() {
        let k = KeyMap.defaults
        func action(_ key: Key, _ c: KeyContext) -> ActionID? { k.action(for: key, in: c) }
        XCTAssertEqual(action(.char("j"), .queue), .moveDown)
        XCTAssertEqual(action(.down, .queue), .moveDown)
        XCTAssertEqual(action(.char("k"), .queue), .moveUp)
        XCTAssertEqual(action(.up, .queue), .moveUp)
        XCTAssertEqual(action(.char("g"), .queue), .top)
        XCTAssertEqual(action(.char("G"), .queue), .bottom)
        XCTAssertEqual(action(.enter, .queue), .open)
        XCTAssertEqual(action(.char("q"), .queue), .back)
        XCTAssertEqual(action(.char("?"), .queue), .help)
        XCTAssertEqual(action(.char("/"), .queue), .search)
        XCTAssertEqual(action(.char(":"), .queue), .command)
        XCTAssertEqual(action(.char("r"), .queue), .reply)
        XCTAssertEqual(action(.char("c"), .queue), .claim)
        XCTAssertEqual(action(.char("a"), .queue), .assign)
        XCTAssertEqual(action(.char("s"), .queue), .setStatus)
        XCTAssertEqual(action(.char("o"), .queue), .overdueBoard)
        XCTAssertEqual(action(.char("L"), .queue), .logView)
        XCTAssertEqual(action(.char("R"), .queue), .reports)
        XCTAssertEqual(action(.tab, .composer), .nextSuggestion)
        XCTAssertEqual(action(.backTab, .composer), .previousSuggestion)
        XCTAssertEqual(action(.ctrl("t"), .composer), .insertSuggestion)
        XCTAssertEqual(action(.ctrl("e"), .composer), .externalEditor)
        XCTAssertEqual(action(.ctrl("d"), .composer), .openReview)
        XCTAssertEqual(action(.escape, .composer), .leaveComposer)
        XCTAssertEqual(action(.char("y"), .review), .send)
        XCTAssertEqual(action(.char("e"), .review), .editAgain)
        XCTAssertEqual(action(.char("q"), .review), .back)
        XCTAssertNil(action(.char("j"), .composer), "letters are typed in the composer")
    }

    func testSupervisorOnlyAndRecordFlags() {
        XCTAssertTrue(ActionTable.spec(.assign).supervisorOnly)
        XCTAssertTrue(ActionTable.spec(.overdueBoard).supervisorOnly)
        XCTAssertTrue(ActionTable.spec(.passedOver).supervisorOnly)
        XCTAssertFalse(ActionTable.spec(.claim).supervisorOnly)
        for id in [ActionID.claim, .release, .assign, .setStatus, .escalate, .send] {
            XCTAssertTrue(ActionTable.spec(id).changesRecord, "\(id)")
        }
        XCTAssertFalse(ActionTable.spec(.reply).changesRecord, "opening the composer records nothing")
    }

    func testRouterTypesTextOnlyWhereTextIsTaken() {
        var state = AppState(size: Size(width: 80, height: 24), now: Date(timeIntervalSince1970: 0), language: .en, actor: "budi",
                             isSupervisor: false)
        XCTAssertNil(InputRouter.event(for: .char("z"), in: state, keys: .defaults))
        if case .denied(.assign)? = InputRouter.event(for: .char("a"), in: state, keys: .defaults) {} else {
            XCTFail("an agent pressing a supervisor key is told it is for supervisors")
        }
        state.prompt = PromptState(kind: .search)
        if case .typed("z")? = InputRouter.event(for: .char("z"), in: state, keys: .defaults) {} else { XCTFail("typed into the prompt") }
    }
}
