import DeskCore
@testable import DeskTUI
import XCTest

final class StringsTests: XCTestCase {
    func testEveryStringHasBothLanguagesAndTheSamePlaceholders() {
        func placeholders(_ s: String) -> Set<String> {
            Set((1...5).map { "{\($0)}" }.filter { s.contains($0) })
        }
        for key in UIString.allCases {
            let l = key.localized
            XCTAssertFalse(l.id.isEmpty, "\(key)")
            XCTAssertFalse(l.en.isEmpty, "\(key)")
            XCTAssertEqual(placeholders(l.id), placeholders(l.en), "\(key)")
        }
    }

    func testLoggedActionsReadInTheDesksLanguage() {
        let id = Strings(.id), en = Strings(.en)
        XCTAssertEqual(id.action("assign"), "ditugaskan")
        XCTAssertEqual(en.action("staff.add"), "staff added")
        XCTAssertEqual(id.action("future.action"), "future.action", "an action this version does not know stays as logged")
        for action in LogAction.allCases {
            XCTAssertNotEqual(id.action(action.rawValue), en.action(action.rawValue), action.rawValue)
        }
    }

    func testAHistoryLineNamesStatusesAndIntentsInTheDesksLanguage() {
        func event(_ action: String, _ payload: String) -> LogEvent {
            LogEvent(seq: 1, at: "2026-12-01T03:00:00Z", actor: "budi", action: action, subject: "5", payload: payload, prev: "", hash: "")
        }
        let status = event("status", #"{"from":"open","status":"closed","note":"sudah diperbaiki"}"#)
        let intent = event("intent", #"{"from":"praise","intent":"question","policy":"default"}"#)
        XCTAssertEqual(ThreadView.detail(status, Strings(.id)), "→ selesai (sudah diperbaiki)")
        XCTAssertEqual(ThreadView.detail(intent, Strings(.id)), "pujian → pertanyaan [default]")
        XCTAssertEqual(ThreadView.detail(intent, Strings(.en)), "praise → question [default]")
        XCTAssertEqual(status.historyDetail, "→ closed (sudah diperbaiki)", "the command line keeps the stored words")
    }

    func testLanguageFollowsTheLocale() {
        XCTAssertEqual(Language.fromEnvironment(["LANG": "id_ID.UTF-8"]), .id)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "C.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "en_US.UTF-8", "LC_MESSAGES": "id_ID"]), .id)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "id_ID.UTF-8", "LC_ALL": "C.UTF-8"]), .en, "LC_ALL wins")
        XCTAssertEqual(Language.fromEnvironment([:]), .en)
    }

    func testDurationsAndDatesInBothLanguages() {
        let id = Strings(.id), en = Strings(.en)
        XCTAssertEqual(en.duration(45 * 60), "45m")
        XCTAssertEqual(en.duration(3 * 3600 + 5 * 60), "3h05m")
        XCTAssertEqual(id.duration(3 * 3600 + 5 * 60), "3j05m")
        XCTAssertEqual(en.duration(2 * 86400 + 4 * 3600), "2d04h")
        XCTAssertEqual(id.duration(2 * 86400 + 4 * 3600), "2hr04j", "hari is 'hr': a lone 'h' reads as hours")
        XCTAssertEqual(en.age(59), "0m")
        XCTAssertEqual(en.age(26 * 3600), "1d")
        XCTAssertEqual(id.age(12 * 86400), "12hr")
        XCTAssertEqual(id.age(120 * 86400), "17mg", "four columns at most: a hundred days and more in weeks")
        XCTAssertEqual(en.age(120 * 86400), "17w")
        let date = Timestamp.parse("2026-08-17T03:05:00Z")!
        XCTAssertEqual(id.dateTime(date, zone: TimeZone(identifier: "Asia/Jakarta")!), "17 Agu 10:05")
        XCTAssertEqual(en.dateTime(date, zone: TimeZone(identifier: "Asia/Jakarta")!), "17 Aug 10:05")
        XCTAssertEqual(id.format(.claimed, "12"), "#12 kini Anda pegang.")
        let jakarta = TimeZone(identifier: "Asia/Jakarta")!
        XCTAssertEqual(id.date(date, zone: jakarta), "17 Agu 2026")
        let december = ReportPeriod.lastFourWeeks(endingAt: Timestamp.parse("2026-12-01T00:30:00+07:00")!, zone: jakarta)
        XCTAssertEqual(en.period(december, zone: jakarta), "4 Nov – 1 Dec 2026", "both days included, in the calendar's zone")
        XCTAssertEqual(id.period(december.moved(days: -7, zone: jakarta), zone: jakarta), "28 Okt – 24 Nov 2026")
        let newYear = ReportPeriod.lastFourWeeks(endingAt: Timestamp.parse("2027-01-10T12:00:00+07:00")!, zone: jakarta)
        XCTAssertEqual(en.period(newYear, zone: jakarta), "14 Dec 2026 – 10 Jan 2027")
        XCTAssertEqual(id.status(.waitingCitizen), "menunggu warga")
    }
}
