import DeskCore
@testable import DeskTUI
import XCTest

/// What the desk reads before it opens.
final class DeskSetupTests: XCTestCase {
    func testTheDeskNamesAYearWithoutHolidaysInItsOwnLanguageOnceDeadlinesCanReachIt() throws {
        let f = try Fixture(seed: false)
        let env = ["XDG_CONFIG_HOME": f.directory.path, "LANG": "id_ID.UTF-8"]
        XCTAssertNil(DeskSetup(desk: f.desk, theme: nil, environment: env).calendarWarning, "1 December: deadlines stay in 2026")
        f.clock.set(Timestamp.parse("2026-12-28T10:00:00+07:00")!)
        let warning = DeskSetup(desk: f.desk, theme: nil, environment: env).calendarWarning
        XCTAssertTrue(warning?.contains("hari libur untuk 2027") ?? false, String(describing: warning))
    }

    func testSomeoneNotOnTheStaffListSeesAReadOnlyDeskAndIsToldWhy() throws {
        let f = try Fixture() // sari, its first supervisor, imported the comments
        let ani = f.desk.acting(as: ActorIdentity(name: "ani", login: "ani", overridden: false))
        let setup = DeskSetup(desk: ani, theme: nil, environment: ["XDG_CONFIG_HOME": f.directory.path, "LANG": "C"])
        XCTAssertTrue(setup.cannotAct?.en.contains("meja staff add ani") == true, String(describing: setup.cannotAct))
        XCTAssertNil(DeskSetup(desk: f.desk, theme: nil, environment: ["XDG_CONFIG_HOME": f.directory.path]).cannotAct)
        let app = DeskApp(desk: ani, language: .en, size: Size(width: 100, height: 30), isSupervisor: false, cannotAct: setup.cannotAct)
        app.start()
        XCTAssertTrue(app.frame().text.contains("ani (read-only)"), app.frame().text)
        app.press(.char("r"))
        XCTAssertNil(app.state.composer, "no reply is written that cannot be sent")
        XCTAssertTrue(app.frame().text.contains("not on the staff list"), app.frame().text)
    }
}
