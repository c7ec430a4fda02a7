import DeskCore
import XCTest

final class TimestampTests: XCTestCase {
    func testParsesOffsetsAndZulu() {
        let base = 1_764_558_000.0 // 2025-12-01T03:00:00Z
        XCTAssertEqual(Timestamp.parse("2025-12-01T03:00:00Z")?.timeIntervalSince1970, base)
        XCTAssertEqual(Timestamp.parse("2025-12-01T10:00:00+07:00")?.timeIntervalSince1970, base)
        XCTAssertEqual(Timestamp.parse("2025-12-01T10:00:00+0700")?.timeIntervalSince1970, base)
        XCTAssertEqual(Timestamp.parse("2025-11-30T22:00:00-05:00")?.timeIntervalSince1970, base)
        XCTAssertEqual(Timestamp.parse("2025-12-01 03:00Z")?.timeIntervalSince1970, base)
        XCTAssertEqual(Timestamp.parse("2025-12-01T03:00:00.250Z")?.timeIntervalSince1970, base + 0.25)
    }

    func testRejectsAmbiguousOrBroken() {
        for bad in ["2025-12-01T03:00:00", "2025-13-01T00:00:00Z", "2025-02-30T00:00:00Z", "yesterday", "2025-12-01T03:00:00Zjunk", ""] {
            XCTAssertNil(Timestamp.parse(bad), bad)
        }
    }

    func testUTCFormattingRoundTrips() {
        let d = Timestamp.parse("2026-12-31T23:59:59+07:00")!
        XCTAssertEqual(Timestamp.utc(d), "2026-12-31T16:59:59Z")
        XCTAssertEqual(Timestamp.local(d, in: TimeZone(identifier: "Asia/Jakarta")!), "2026-12-31T23:59:59+07:00")
        XCTAssertEqual(Timestamp.parse(Timestamp.utc(d)), d)
    }

    func testCivilDates() {
        XCTAssertEqual(CivilDate(year: 1970, month: 1, day: 1).dayNumber, 0)
        XCTAssertEqual(CivilDate(dayNumber: CivilDate(year: 2024, month: 2, day: 29).dayNumber), CivilDate(year: 2024, month: 2, day: 29))
        XCTAssertEqual(CivilDate(year: 2026, month: 12, day: 1).weekday, 2, "1 December 2026 is a Tuesday")
        XCTAssertNil(CivilDate(parsing: "2026-02-29"))
    }
}
