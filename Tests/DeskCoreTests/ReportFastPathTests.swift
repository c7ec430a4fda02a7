@testable import DeskCore
import Foundation
import XCTest

/// The pieces that make a million-comment report fast must give the same answers as the plain ones.
final class ReportFastPathTests: XCTestCase {
    func testTheBusinessTimeTableAgreesWithTheCalendar() {
        var rng = DemoRandom(seed: 42)
        let shipped = DeskConfig.shippedCalendar()
        let start = Int64(Timestamp.parse("2026-03-01T00:00:00+07:00")!.timeIntervalSince1970)
        let first = shipped.dayNumber(of: Date(timeIntervalSince1970: Double(start)))
        let table = BusinessTimeTable(calendar: shipped, firstDay: first, lastDay: first + 100)
        for _ in 0..<5_000 {
            // Some instants fall outside the table's 100 days: the calendar answers those.
            let a = start + Int64.random(in: 0..<(110 * 86_400), using: &rng)
            let b = a + Int64.random(in: -3_600..<(12 * 86_400), using: &rng)
            XCTAssertEqual(table.seconds(from: a, to: b), shipped.businessSeconds(from: Date(timeIntervalSince1970: Double(a)),
                                                                         to: Date(timeIntervalSince1970: Double(b))), "\(a) \(b)")
        }
        // Eid al-Fitr 2026 (20–21 March, with collective leave around it) is closed.
        let eve = Int64(Timestamp.parse("2026-03-19T12:00:00+07:00")!.timeIntervalSince1970)
        XCTAssertEqual(table.seconds(from: eve, to: eve + 5 * 86_400), shipped.businessSeconds(from: Date(timeIntervalSince1970: Double(eve)),
                                                                                       to: Date(timeIntervalSince1970: Double(eve + 5 * 86_400))))
        // A zone with daylight saving is answered by the calendar itself.
        let ny = BusinessCalendar(zone: TimeZone(identifier: "America/New_York")!, week: shipped.week)
        let nyTable = BusinessTimeTable(calendar: ny, firstDay: first, lastDay: first + 60)
        let dst = Int64(Timestamp.parse("2026-03-06T12:00:00-05:00")!.timeIntervalSince1970)
        XCTAssertEqual(nyTable.seconds(from: dst, to: dst + 7 * 86_400), ny.businessSeconds(from: Date(timeIntervalSince1970: Double(dst)),
                                                                                  to: Date(timeIntervalSince1970: Double(dst + 7 * 86_400))))
    }

    func testCountingAndSortingGiveTheSamePercentiles() {
        var rng = DemoRandom(seed: 9)
        for n in [1, 2, 3, 10, 999, 5_000] {
            let small = (0..<n).map { _ in Int.random(in: 0..<500, using: &rng) }
            let sorted = small.sorted()
            XCTAssertEqual(DurationStats(small), DurationStats(count: n, median: DurationStats.percentile(50, sorted),
                                                                p90: DurationStats.percentile(90, sorted), max: sorted.last), "\(n)")
        }
    }

    func testAnAnswerToTheConversationIsCreditedToItsReplyNotAnotherOfTheSameSecond() throws {
        let t = try TestDesk(now: "2026-11-30T08:00:00+07:00")
        try t.addStaff(["budi", "dewi", "rina"])
        // Ani writes twice under the same post; Bayu once in between. At 09:30 rina answers Ani's second comment
        // (which answers her first one too) and dewi answers Bayu — in the same second, in the same thread.
        try t.importRecords([record("a1", at: "2026-11-30T09:00:00+07:00", author: "ani", thread: "post"),
                             record("b1", at: "2026-11-30T09:10:00+07:00", author: "bayu", thread: "post"),
                             record("a2", at: "2026-11-30T09:20:00+07:00", author: "ani", thread: "post")])
        t.set("2026-11-30T09:30:00+07:00")
        try t.as("dewi").reply(try t.comment(.x, "b1").id, ReplyRequest(text: "Baik, Kak"))
        try t.as("rina").reply(try t.comment(.x, "a2").id, ReplyRequest(text: "Siap, Kak"))
        let period = ReportPeriod(from: CivilDate(year: 2026, month: 11, day: 30), to: CivilDate(year: 2026, month: 11, day: 30),
                                  zone: TimeZone(identifier: "Asia/Jakarta")!)
        let r = try ReportBuilder.build(store: t.store, config: t.config, period: period, now: Timestamp.parse("2026-11-30T12:00:00+07:00")!)
        let rina = try XCTUnwrap(r.staff.first { $0.name == "rina" })
        let dewi = try XCTUnwrap(r.staff.first { $0.name == "dewi" })
        XCTAssertEqual(rina.firstResponse, DurationStats(count: 2, median: 10, p90: 30, max: 30), "a2 after 10 minutes, a1 after 30")
        XCTAssertEqual(dewi.firstResponse, DurationStats(count: 1, median: 20, p90: 20, max: 20), "b1 only")
    }
}
