import DeskCore
import Foundation
import XCTest

/// The clock facts on the log (`arrivals`, `clocks`) that let an outsider recompute report figures from an export.
final class ClockLogTests: XCTestCase {
    private func events(_ s: ReportScenario, action: String, subject: String? = nil) throws -> [JSONValue] {
        try s.test.store.read { try $0.events(subject: subject, action: action, limit: 1_000) }.map(\.payloadValue)
    }

    func testImportBatchesListTheirArrivalsWithDeadlines() throws {
        let s = try ReportScenario()
        let imports = try events(s, action: "import")
        let c4 = try s.test.comment(.x, "c4")
        let batch = try XCTUnwrap(imports.first { $0["arrivals"]?.arrayValue?.first?.arrayValue?.first?.intValue == c4.id })
        XCTAssertEqual(batch["arrival_fields"]?.arrayValue?.compactMap(\.stringValue), ClockLog.arrivalFields)
        let words = try s.test.store.read { tx in
            var found: UInt64?
            try tx.forEachCommentWords { id, words in if id == c4.id { found = words } }
            return try XCTUnwrap(found)
        }
        XCTAssertEqual(batch["arrivals"], [[.int(c4.id), "x", "@diskominfo", "2026-11-24T01:00:00Z", nil, "first_response", 7_200, 86_400, nil, [],
                                            .string(CommentWords.hex(words))]],
                       "two office hours to answer, one working day to close; who wrote what, as stored")
        let c13 = try s.test.comment(.x, "c13")
        let followUp = try XCTUnwrap(imports.first { $0["arrivals"]?.arrayValue?.first?.arrayValue?.first?.intValue == c13.id })
        XCTAssertEqual(followUp["arrivals"]?.arrayValue?.first?.arrayValue?[5], "next_response")
        // The agency's own answer, found by an import, carries the answered comment's clock change.
        let c10 = try s.test.comment(.x, "c10")
        let agency = try XCTUnwrap(imports.first { $0["clocks"]?[String(c10.id)] != nil })
        XCTAssertNil(agency["arrivals"], "no new comment in that batch")
        XCTAssertEqual(agency["clocks"]?[String(c10.id)]?["responded_at"], "2026-11-24T02:40:00Z")
        XCTAssertEqual(agency["clocks"]?[String(c10.id)]?["response_minutes"], ["business": 10, "calendar": 10])
    }

    func testEventsThatMoveClocksSayHow() throws {
        let s = try ReportScenario()
        let c1 = String(try s.id("c1")), c9 = String(try s.id("c9")), c6 = String(try s.id("c6", .facebook)), c5 = String(try s.id("c5"))
        let reply = try XCTUnwrap(events(s, action: "reply", subject: c1).first)
        XCTAssertEqual(reply["clocks"]?[c1], ["responded_at": "2026-11-23T03:30:00Z", "response_minutes": ["business": 90, "calendar": 90]])
        XCTAssertEqual(reply["response_minutes"], ["business": 90, "calendar": 90], "the reply's own figure agrees")
        let closed = try XCTUnwrap(events(s, action: "status", subject: c1).last)
        XCTAssertEqual(closed["clocks"]?[c1], ["resolved_at": "2026-11-23T08:00:00Z", "resolution_minutes": ["business": 360, "calendar": 360]])
        let waiting = try XCTUnwrap(events(s, action: "status", subject: c9).last)
        XCTAssertEqual(waiting["clocks"]?[c9], ["paused_since": "2026-11-24T03:00:00Z"])
        let spam = try XCTUnwrap(events(s, action: "status", subject: c6).last)
        XCTAssertEqual(spam["clocks"]?[c6], ["response_stopped_at": "2026-11-26T02:30:00Z", "resolution_stopped_at": "2026-11-26T02:30:00Z"])
        let escalated = try XCTUnwrap(events(s, action: "escalate", subject: c5).last)
        XCTAssertEqual(escalated["clocks"]?[c5], ["escalated_at": "2026-11-27T03:00:00Z"])
        XCTAssertEqual(reply["clocks"]?.objectValue?.count, 1, "only the comment answered")
        let staff = try s.test.store.read { try $0.events(subject: nil, action: "staff.add", limit: 10) }
        XCTAssertFalse(staff.isEmpty)
        XCTAssertTrue(staff.allSatisfy { $0.payloadValue["clocks"] == nil }, "no clock moved, no key")
    }

    func testResumingFromWaitingLogsTheNewDueTime() throws {
        // c9 of the report scenario, played alone (the log's times never go back, so not after the scenario's end).
        let t = try TestDesk(now: "2026-11-24T09:00:00+07:00", config: ReportScenario.config())
        try t.addStaff(["rina"])
        try t.importRecords([record("c9", at: "2026-11-24T09:00:00+07:00", author: "warga_c9")])
        let c9 = try t.comment(.x, "c9").id
        let rina = Desk(store: t.store, config: t.config, clock: t.clock, actor: ActorIdentity(name: "rina", login: "rina", overridden: false))
        t.set("2026-11-24T09:10:00+07:00")
        try rina.reply(c9, ReplyRequest(text: "Terima kasih, Kak"))
        t.set("2026-11-24T10:00:00+07:00")
        try rina.setStatus(c9, .waitingCitizen)
        t.set("2026-11-24T11:00:00+07:00")
        try rina.setStatus(c9, .open)
        let resumed = try XCTUnwrap(try t.store.read { try $0.events(subject: String(c9), action: "status", limit: 10) }.last?.payloadValue)
        // Paused Tue 10:00–11:00 (one office hour) before its due time Wed 09:00: the due moves an hour later.
        XCTAssertEqual(resumed["clocks"]?[String(c9)], ["paused_since": nil, "resolution_due_at": "2026-11-25T03:00:00Z"])
        XCTAssertEqual(try t.store.read { try $0.comment(id: c9) }?.sla.resolutionDueAt, Timestamp.parse("2026-11-25T10:00:00+07:00"))
    }

    func testChangesMergeFieldByFieldWithTheLaterWinning() {
        var clocks: [String: JSONValue] = [:]
        ClockLog.merge(["responded_at": "A", "response_minutes": 1], of: 7, into: &clocks)
        ClockLog.merge(["responded_at": "B", "paused_since": nil], of: 7, into: &clocks)
        ClockLog.merge(nil, of: 8, into: &clocks)
        XCTAssertEqual(JSONValue.object(clocks), ["7": ["responded_at": "B", "response_minutes": 1, "paused_since": nil]])
    }
}
