import DeskCore
import XCTest

/// The time formats the platforms write, and HTTP dates (`Retry-After`).
final class PlatformTimestampTests: XCTestCase {
    let base = 1_796_030_100.0 // 2026-11-30T09:15:00Z

    func testPlatformFormats() {
        XCTAssertEqual(Timestamp.parsePlatform("2026-11-30T09:15:00+0000")?.timeIntervalSince1970, base)      // Graph API
        XCTAssertEqual(Timestamp.parsePlatform("2026-11-30T09:15:00.000Z")?.timeIntervalSince1970, base)      // Mastodon, X v2
        XCTAssertEqual(Timestamp.parsePlatform("2026-11-30T09:15:00Z")?.timeIntervalSince1970, base)          // YouTube
        XCTAssertEqual(Timestamp.parsePlatform("Mon Nov 30 09:15:00 +0000 2026")?.timeIntervalSince1970, base) // X archive, v1.1
        XCTAssertEqual(Timestamp.parsePlatform("Mon Nov 30 16:15:00 +0700 2026")?.timeIntervalSince1970, base)
        XCTAssertEqual(Timestamp.parseLegacyX("Tue Oct 31 22:10:47 +0000 2017"), Timestamp.parse("2017-10-31T22:10:47Z"))
    }

    func testBrokenLegacyTimesAreRejected() {
        for bad in ["Mon Nov 31 09:15:00 +0000 2026", "Mon Foo 30 09:15:00 +0000 2026", "Mon Nov 30 25:15:00 +0000 2026",
                    "Mon Nov 30 09:15:00 0000 2026", "Mon Nov 30 09:15:00 +0000 26", "kemarin sore", ""] {
            XCTAssertNil(Timestamp.parsePlatform(bad), bad)
        }
    }

    func testHTTPDates() {
        XCTAssertEqual(Timestamp.parseHTTPDate("Mon, 30 Nov 2026 09:15:00 GMT")?.timeIntervalSince1970, base)
        XCTAssertEqual(Timestamp.parseHTTPDate("Sun, 06 Nov 1994 08:49:37 GMT"), Timestamp.parse("1994-11-06T08:49:37Z"))
        XCTAssertNil(Timestamp.parseHTTPDate("Mon, 30 Nov 2026 09:15:00 UTC"))
        XCTAssertNil(Timestamp.parseHTTPDate("120"))
    }
}
