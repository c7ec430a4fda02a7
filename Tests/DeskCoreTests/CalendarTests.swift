import DeskCore
import XCTest

final class CalendarTests: XCTestCase {
    let jakarta = DeskConfig.shippedCalendar()
    func t(_ s: String) -> Date { Timestamp.parse(s)! }

    func testShippedCalendarHasHoursAndThe2026Holidays() {
        XCTAssertEqual(jakarta.zone.identifier, "Asia/Jakarta")
        XCTAssertEqual(jakarta.holidays.count, 25, "17 national holidays and 8 collective-leave days")
        XCTAssertEqual(jakarta.holidays[CivilDate(year: 2026, month: 12, day: 25)], "Kelahiran Yesus Kristus")
        XCTAssertNotNil(jakarta.holidays[CivilDate(year: 2026, month: 12, day: 24)], "cuti bersama closes the office too")
        XCTAssertEqual(jakarta.yearsWithHolidays, [2026])
        XCTAssertEqual(jakarta.week[5].first?.description, "07:30-16:30", "Friday")
        XCTAssertTrue(jakarta.week[0].isEmpty && jakarta.week[6].isEmpty, "weekends closed")
    }

    func testAYearWithoutHolidaysIsNamedOnceDeadlinesCanReachIt() {
        let config = DeskConfig()
        XCTAssertEqual(config.deadlineReachDays, 17, "the shipped resolution target, 5 working days, doubled, and a week")
        XCTAssertEqual(config.yearsWithoutHolidays(from: t("2026-12-01T10:00:00+07:00")), [], "2026 has its holidays")
        XCTAssertEqual(config.yearsWithoutHolidays(from: t("2026-12-20T10:00:00+07:00")), [2027],
                       "a five-day resolution set on 20 December can run into 2027, which has none")
        XCTAssertEqual(config.yearsWithoutHolidays(from: t("2026-12-31T16:10:00+07:00")), [2027])
        XCTAssertEqual(jakarta.yearsWithoutHolidays(from: t("2027-03-01T10:00:00+07:00"), days: 1), [2027])
        var slow = DeskConfig()
        slow.policies[0].resolution = SLADuration(20, .days, .business)
        XCTAssertEqual(slow.yearsWithoutHolidays(from: t("2026-12-01T10:00:00+07:00")), [2027], "a longer target looks further ahead")
        let warning = BusinessCalendar.missingHolidaysWarning([2027])
        XCTAssertTrue(warning?.en.contains("no holidays for 2027") ?? false)
        XCTAssertTrue(warning?.id.contains("2027") ?? false)
        XCTAssertNil(BusinessCalendar.missingHolidaysWarning([]))
    }

    func testAddingWithinADayAndAcrossTheEvening() {
        XCTAssertEqual(jakarta.adding(businessSeconds: 7200, to: t("2026-12-01T09:00:00+07:00")), t("2026-12-01T11:00:00+07:00"))
        // 15:00 Tuesday + 2h: one hour left today (closes 16:00), one hour from Wednesday's 07:30 opening.
        XCTAssertEqual(jakarta.adding(businessSeconds: 7200, to: t("2026-12-01T15:00:00+07:00")), t("2026-12-02T08:30:00+07:00"))
        // Exactly at closing the remaining time is zero.
        XCTAssertEqual(jakarta.adding(businessSeconds: 3600, to: t("2026-12-01T15:00:00+07:00")), t("2026-12-01T16:00:00+07:00"))
    }

    func testOutOfHoursArrivalsStartAtTheNextOpening() {
        XCTAssertEqual(jakarta.nextOpening(atOrAfter: t("2026-12-01T23:10:00+07:00")), t("2026-12-02T07:30:00+07:00"))
        XCTAssertEqual(jakarta.adding(businessSeconds: 3600, to: t("2026-12-02T05:00:00+07:00")), t("2026-12-02T08:30:00+07:00"))
        // Friday evening → Monday morning.
        XCTAssertEqual(jakarta.adding(businessSeconds: 3600, to: t("2026-12-04T17:00:00+07:00")), t("2026-12-07T08:30:00+07:00"))
        // Friday closes at 16:30, not 16:00: 45 minutes on Friday, 15 on Monday.
        XCTAssertEqual(jakarta.adding(businessSeconds: 3600, to: t("2026-12-04T15:45:00+07:00")), t("2026-12-07T07:45:00+07:00"))
        XCTAssertTrue(jakarta.isOpen(at: t("2026-12-01T10:00:00+07:00")), "a Tuesday morning")
        XCTAssertTrue(jakarta.isOpen(at: t("2026-12-01T07:30:00+07:00")), "from the opening minute")
        XCTAssertFalse(jakarta.isOpen(at: t("2026-12-01T23:10:00+07:00")), "the night")
        XCTAssertFalse(jakarta.isOpen(at: t("2026-12-05T10:00:00+07:00")), "a Saturday")
        XCTAssertFalse(jakarta.isOpen(at: t("2026-12-25T10:00:00+07:00")), "Christmas")
    }

    func testHolidaysAndYearEnd() {
        // Wednesday 23 Dec 15:00 + 2h: Thu 24 (cuti bersama) and Fri 25 (Christmas) are closed → Monday 28.
        XCTAssertEqual(jakarta.adding(businessSeconds: 7200, to: t("2026-12-23T15:00:00+07:00")), t("2026-12-28T08:30:00+07:00"))
        // Thursday 31 Dec 15:30 + 1h: 1 Jan 2027 has no shipped holiday, so the calendar is open (and warns in the CLI).
        XCTAssertEqual(jakarta.adding(businessSeconds: 3600, to: t("2026-12-31T15:30:00+07:00")), t("2027-01-01T08:00:00+07:00"))
        XCTAssertEqual(jakarta.businessSeconds(from: t("2026-12-23T15:00:00+07:00"), to: t("2026-12-28T08:30:00+07:00")), 7200)
        // Five working days from Monday 21 Dec 10:00, skipping 24 and 25 Dec: 22, 23, 28, 29, 30 → Wednesday 30 Dec 10:00.
        XCTAssertEqual(jakarta.adding(businessDays: 5, to: t("2026-12-21T10:00:00+07:00")), t("2026-12-30T10:00:00+07:00"))
    }

    func testMultiSpanDays() {
        let lunch = BusinessCalendar(zone: TimeZone(identifier: "Asia/Makassar")!,
                                     week: [[], [.init(start: 480, end: 720), .init(start: 780, end: 1020)], [], [], [], [], []])
        // Monday 11:00 WITA + 2h: 1h before lunch, 1h after (13:00 → 14:00).
        XCTAssertEqual(lunch.adding(businessSeconds: 7200, to: t("2026-11-30T11:00:00+08:00")), t("2026-11-30T14:00:00+08:00"))
        XCTAssertEqual(lunch.businessSeconds(from: t("2026-11-30T11:30:00+08:00"), to: t("2026-11-30T13:30:00+08:00")), 3600)
        XCTAssertEqual(lunch.nextOpening(atOrAfter: t("2026-11-30T12:15:00+08:00")), t("2026-11-30T13:00:00+08:00"))
        // Monday 16:00 + 2h: 1h today, the rest next Monday (the only open day).
        XCTAssertEqual(lunch.adding(businessSeconds: 7200, to: t("2026-11-30T16:00:00+08:00")), t("2026-12-07T09:00:00+08:00"))
    }

    func testDaylightSavingZone() {
        // New York: 09:00–17:00 weekdays. DST began Sunday 8 March 2026; it ends Sunday 1 November 2026.
        let ny = BusinessCalendar(zone: TimeZone(identifier: "America/New_York")!,
                                  week: [[]] + Array(repeating: [.init(start: 540, end: 1020)], count: 5) + [[]])
        // Friday 6 March 16:00 EST (-05:00) + 2h → Monday 9 March 10:00 EDT (-04:00).
        XCTAssertEqual(ny.adding(businessSeconds: 7200, to: t("2026-03-06T16:00:00-05:00")), t("2026-03-09T10:00:00-04:00"))
        // Friday 30 October 16:00 EDT + 2h → Monday 2 November 10:00 EST.
        XCTAssertEqual(ny.adding(businessSeconds: 7200, to: t("2026-10-30T16:00:00-04:00")), t("2026-11-02T10:00:00-05:00"))
        XCTAssertEqual(ny.businessSeconds(from: t("2026-03-06T16:00:00-05:00"), to: t("2026-03-09T10:00:00-04:00")), 7200)
    }

    func testPromiseInBothLanguages() throws {
        let policy = VersionedPolicy(policy: SLAPolicy.defaults[1], version: 1, calendar: jakarta)
        // Monday 30 Nov 15:00 + 2h business → Tuesday 1 Dec 08:30.
        let start = t("2026-11-30T15:00:00+07:00")
        let due = try XCTUnwrap(SLAPromise.deadline(.firstResponse, policy: policy, from: start))
        XCTAssertEqual(SLAPromise.format(due, zone: jakarta.zone, lang: "id"), "Selasa, 1 Desember 2026 pukul 08.30 WIB")
        XCTAssertEqual(SLAPromise.format(due, zone: jakarta.zone, lang: "en"), "Tuesday 1 December 2026, 08:30 WIB")
        XCTAssertEqual(SLAPromise.format(t("2026-12-01T10:00:00+07:00"), zone: TimeZone(identifier: "Asia/Makassar")!, lang: "id"),
                       "Selasa, 1 Desember 2026 pukul 11.00 WITA")
    }

    func testAPromiseIsMadeForTheHalfHourBeforeTheDeadline() {
        let jakartaZone = TimeZone(identifier: "Asia/Jakarta")!
        let now = t("2026-12-01T10:00:00+07:00")
        // Days ahead: "pukul 08.00", never the deadline's odd minutes, and never later than it.
        XCTAssertEqual(SLAPromise.promisable(t("2026-12-08T08:08:00+07:00"), now: now, zone: jakartaZone), t("2026-12-08T08:00:00+07:00"))
        XCTAssertEqual(SLAPromise.promisable(t("2026-12-08T15:59:00+07:00"), now: now, zone: jakartaZone), t("2026-12-08T15:30:00+07:00"))
        XCTAssertEqual(SLAPromise.promisable(t("2026-12-08T15:30:00+07:00"), now: now, zone: jakartaZone), t("2026-12-08T15:30:00+07:00"))
        // Within minutes: down to five minutes while that is still ahead, else the deadline itself.
        XCTAssertEqual(SLAPromise.promisable(t("2026-12-01T10:14:00+07:00"), now: now, zone: jakartaZone), t("2026-12-01T10:10:00+07:00"))
        XCTAssertEqual(SLAPromise.promisable(t("2026-12-01T10:03:00+07:00"), now: now, zone: jakartaZone), t("2026-12-01T10:03:00+07:00"))
        // In a zone half an hour off the hour the half hour is local.
        let kolkata = TimeZone(identifier: "Asia/Kolkata")!
        XCTAssertEqual(SLAPromise.format(SLAPromise.promisable(t("2026-12-08T09:50:00+05:30"), now: now, zone: kolkata), zone: kolkata, lang: "en"),
                       "Tuesday 8 December 2026, 09:30 UTC+5:30")
    }

    func testDurationsAndThresholdsParse() {
        XCTAssertEqual(SLADuration(parsing: "90m"), SLADuration(90, .minutes, .business))
        XCTAssertEqual(SLADuration(parsing: "3d calendar"), SLADuration(3, .days, .calendar))
        XCTAssertNil(SLADuration(parsing: "soon"))
        XCTAssertNil(SLADuration(parsing: "2h weekly"))
        XCTAssertEqual(AtRiskThreshold(parsing: "25%"), .share(0.25))
        XCTAssertEqual(AtRiskThreshold(parsing: "30m"), .remaining(SLADuration(30, .minutes, .business)))
        // Counted in its target's mode: the policy's logged version names none (a calendar clock's "5m" is calendar).
        XCTAssertEqual(AtRiskThreshold(parsing: "5m")?.description, "5m")
        XCTAssertEqual(AtRiskThreshold(parsing: "25%")?.description, "25%")
        let night = DeskConfig().calendar
        let start = Timestamp.parse("2026-12-01T22:01:00+07:00")! // 2026-12-01 22:01 WIB, the office closed
        let (due, atRisk) = try! XCTUnwrap(SLAEngine.deadline(SLADuration(parsing: "30m calendar")!, threshold: AtRiskThreshold(parsing: "5m")!,
                                                              from: start, calendar: night))
        XCTAssertEqual(due.timeIntervalSince(atRisk), 300, "five calendar minutes before a calendar deadline, at night too")
    }
}
