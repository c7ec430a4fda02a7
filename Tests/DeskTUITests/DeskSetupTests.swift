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
}
