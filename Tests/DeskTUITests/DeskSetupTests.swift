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

    func testProblemsInTheConfigurationAreShownOnTheDeskToo() throws {
        let f = try Fixture()
        let file = f.directory.appendingPathComponent("config.toml")
        try Data("[agency]\nname = \"Dinas Kota Contoh\"\n[calendar]\nzone = \"Mars/Olympus\"\n".utf8).write(to: file)
        let config = DeskConfig.load(path: file.path)
        XCTAssertFalse(config.issues.isEmpty)
        let desk = Desk(store: f.store, config: config, clock: f.clock, actor: f.desk.actor)
        let setup = DeskSetup(desk: desk, theme: nil, environment: ["XDG_CONFIG_HOME": f.directory.path, "LANG": "C"])
        XCTAssertEqual(setup.configIssues.count, config.issues.count)
        XCTAssertTrue(setup.configIssues[0].hasPrefix("\(file.path):4: "), setup.configIssues[0])
        XCTAssertTrue(setup.configIssues[0].hasSuffix("(the default is used instead)"), setup.configIssues[0])
        let app = DeskApp(desk: desk, language: .en, size: Size(width: 160, height: 30), isSupervisor: true)
        app.start(issues: setup.configIssues + setup.issues)
        XCTAssertTrue(app.frame().text.contains("config.toml:4:"), app.frame().text)
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
