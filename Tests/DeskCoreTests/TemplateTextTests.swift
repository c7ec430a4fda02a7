import XCTest
@testable import DeskCore

final class TemplateTextTests: XCTestCase {
    func testVariablesAreFilledFromTheContext() throws {
        let text = try TemplateText(parsing: "Halo Kak {citizen.name}, nomor {ticket.ref} selesai {sla.promise}. {staff.name} – {agency.name}")
        let context = RenderContext(citizenName: "Budi", agencyName: "Diskominfo", staffName: "Rina", ticketRef: "LAP-7", slaPromise: "Senin")
        XCTAssertEqual(text.render(context), "Halo Kak Budi, nomor LAP-7 selesai Senin. Rina – Diskominfo")
        XCTAssertEqual(text.missing(in: context), [])
    }

    func testAVariableWithoutAValueStaysVisibleNeverAnEmptyGap() throws {
        let text = try TemplateText(parsing: "Kami kabari paling lambat {sla.promise}, Kak {citizen.name}.")
        let rendered = text.render(RenderContext(citizenName: "Budi", slaPromise: "  "))
        XCTAssertEqual(rendered, "Kami kabari paling lambat {sla.promise}, Kak Budi.")
        XCTAssertEqual(text.missing(in: RenderContext(citizenName: "Budi")), ["sla.promise"])
        XCTAssertEqual(ReplyLinter.unresolvedVariables(in: rendered), ["sla.promise"])
    }

    func testEveryKnownVariableHasAValueSlotAndExtrasWork() throws {
        let context = RenderContext(citizenName: "a", citizenHandle: "b", agencyName: "c", agencyWebsite: "d", agencyPhone: "e", staffName: "f",
                                    ticketRef: "g", slaPromise: "h", officeHours: "i", channel: "j", platform: "k", link: "l",
                                    serviceName: "m", redirectAgency: "n", redirectContact: "o")
        for variable in RenderContext.knownVariables {
            XCTAssertNotNil(context.value(for: variable.name), variable.name)
        }
        XCTAssertEqual(try TemplateText(parsing: "{kode.promo}").render(RenderContext(extra: ["kode.promo": "X1"])), "X1")
    }

    func testBracesEscapeAndBadBracesFail() throws {
        XCTAssertEqual(try TemplateText(parsing: "{{literal}} and }").render(RenderContext()), "{literal} and }")
        XCTAssertThrowsError(try TemplateText(parsing: "Halo {citizen name}"))
        XCTAssertThrowsError(try TemplateText(parsing: "Halo {citizen.name"))
        XCTAssertEqual(try TemplateText(parsing: "{a}{b}{a}").variables, ["a", "b"])
    }
}
