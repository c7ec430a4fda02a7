import XCTest
@testable import DeskCore

final class TemplateTextTests: XCTestCase {
    func testVariablesAreFilledFromTheContext() throws {
        let text = try TemplateText(parsing: "Halo Kak {citizen.name}, nomor {ticket.ref} selesai {sla.promise}. {staff.name} – {agency.name}")
        let context = RenderContext(citizenName: "Budi", agencyName: "Diskominfo", staffName: "Rina", ticketRef: "LAP-7", slaPromise: "Senin")
        XCTAssertEqual(text.render(context), "Halo Kak Budi, nomor LAP-7 selesai Senin. Rina – Diskominfo")
        XCTAssertEqual(text.missing(in: context), [])
    }

    func testACitizenAddressedInTheirNameIsNotGreetedKakBeforeIt() throws {
        let text = try TemplateText(parsing: "Halo Kak {citizen.name}, terima kasih. Salam, {staff.name}")
        for (name, greeted) in [("Pak RT 05", "Halo Pak RT 05,"), ("Bu Sinta", "Halo Bu Sinta,"), ("dr. Andi Wijaya", "Halo dr. Andi Wijaya,"),
                                ("Kakak Cantik", "Halo Kakak Cantik,"), ("Budi Santoso", "Halo Kak Budi Santoso,"),
                                ("Bunga", "Halo Kak Bunga,"), ("Pakpahan", "Halo Kak Pakpahan,"), ("Pak", "Halo Kak Pak,")] {
            XCTAssertTrue(text.render(RenderContext(citizenName: name, staffName: "Pak Rudi")).hasPrefix(greeted), name)
        }
        XCTAssertTrue(try TemplateText(parsing: "Hi {citizen.name},").render(RenderContext(citizenName: "Mr. Smith")).hasPrefix("Hi Mr. Smith,"))
    }

    func testATemplateSpeaksToTheCitizenAsTheirNameDoesThroughout() throws {
        let text = try TemplateText(parsing: "Halo Kak {citizen.name}, keluhan Kakak sudah kami catat. Kami kabari ya, Kak. Salam, {staff.name}")
        let cases = [
            ("Pak RT 05", "Halo Pak RT 05, keluhan Bapak sudah kami catat. Kami kabari ya, Pak. Salam, Kak Rina"),
            ("Bu Sinta", "Halo Bu Sinta, keluhan Ibu sudah kami catat. Kami kabari ya, Bu. Salam, Kak Rina"),
            ("Mas Joko", "Halo Mas Joko, keluhan Mas sudah kami catat. Kami kabari ya, Mas. Salam, Kak Rina"),
            ("dr. Andi", "Halo dr. Andi, keluhan Dokter sudah kami catat. Kami kabari ya, Dok. Salam, Kak Rina"),
            ("Ir. Budi", "Halo Ir. Budi, keluhan Kakak sudah kami catat. Kami kabari ya, Kak. Salam, Kak Rina"),
            ("Budi", "Halo Kak Budi, keluhan Kakak sudah kami catat. Kami kabari ya, Kak. Salam, Kak Rina"),
            ("Pakpahan", "Halo Kak Pakpahan, keluhan Kakak sudah kami catat. Kami kabari ya, Kak. Salam, Kak Rina"),
            ("Mak Ijah", "Halo Mak Ijah, keluhan Mak sudah kami catat. Kami kabari ya, Mak. Salam, Kak Rina"),
            ("Daeng Rahman", "Halo Daeng Rahman, keluhan Daeng sudah kami catat. Kami kabari ya, Daeng. Salam, Kak Rina"),
        ]
        for (name, expected) in cases {
            XCTAssertEqual(text.render(RenderContext(citizenName: name, staffName: "Kak Rina")), expected, "a value is never re-addressed")
        }
        XCTAssertEqual(TemplateText.readdress("kakaknya, Kakak-kakak, kak!", as: .init(short: "Bu", long: "Ibu")), "kakaknya, Ibu-ibu, bu!",
                       "whole words only")

        // Every shipped Indonesian template, rendered for "Pak RT 05", calls him Pak and Bapak, never Kak or Kakak.
        let library = TemplateLibrary.load(userDirectory: nil).library
        let indonesian = library.templates.filter { $0.lang == .indonesian }
        XCTAssertGreaterThan(indonesian.filter { $0.text.body.contains("Kakak") }.count, 10)
        for template in indonesian {
            let rendered = template.render(RenderContext(citizenName: "Pak RT 05"))
            let words = rendered.split(whereSeparator: { !$0.isLetter })
            XCTAssertFalse(words.contains("Kak") || words.contains("Kakak"), "\(template.id): \(rendered)")
            if template.text.body.contains("Kakak") { XCTAssertTrue(words.contains("Bapak"), template.id) }
        }
    }

    func testASalamIsAnsweredFirstInIndonesian() throws {
        for greeting in ["Assalamualaikum, saya mau tanya prosedur izin madrasah", "assalamu'alaikum wr wb min", "Asalamualaikum kak",
                         "ass wr wb, mau tanya", "Selamat pagi. Assalamualaikum, mau tanya"] {
            XCTAssertTrue(Salam.greets(greeting), greeting)
        }
        for other in ["Waalaikumsalam, terima kasih min", "salam kenal min", "Halo min, mau tanya", "assessment sekolah kapan?"] {
            XCTAssertFalse(Salam.greets(other), other)
        }
        let library = TemplateLibrary.load(userDirectory: nil).library
        let comment = Comment(id: 7, platform: .x, externalID: "7", author: Author(handle: "andi", name: "Pak Andi"),
                              text: "Assalamualaikum, saya mau tanya prosedur izin madrasah", createdAt: Date(), importedAt: Date())
        let context = RenderContext(comment: comment, config: DeskConfig())
        XCTAssertTrue(context.greetedWithSalam)
        let ack = try XCTUnwrap(library.templates.first { $0.id == "id.ack.general" })
        XCTAssertTrue(ack.render(context).hasPrefix("Waalaikumsalam Pak Andi, terima kasih"), ack.render(context))
        let emergency = try XCTUnwrap(library.templates.first { $0.id == "id.emergency.112" })
        XCTAssertTrue(emergency.render(context).hasPrefix("Waalaikumsalam Pak Andi, segera hubungi"), emergency.render(context))
        let condolence = try XCTUnwrap(library.templates.first { $0.id == "id.condolence.death" })
        XCTAssertTrue(condolence.render(context).hasPrefix("Waalaikumsalam. Kami turut berduka"), condolence.render(context))
        let english = try XCTUnwrap(library.templates.first { $0.id == "en.ack.general" })
        XCTAssertFalse(english.render(context).contains("alaikum"), "an English reply is left as it is")
        var plain = context
        plain.greetedWithSalam = false
        XCTAssertTrue(ack.render(plain).hasPrefix("Halo Pak Andi"))
    }

    func testAVariableWithoutAValueStaysVisibleNeverAnEmptyGap() throws {
        let text = try TemplateText(parsing: "Kami kabari paling lambat {sla.promise}, Kak {citizen.name}.")
        let rendered = text.render(RenderContext(citizenName: "Budi", slaPromise: "  "))
        XCTAssertEqual(rendered, "Kami kabari paling lambat {sla.promise}, Kak Budi.")
        XCTAssertEqual(text.missing(in: RenderContext(citizenName: "Budi")), ["sla.promise"])
        XCTAssertEqual(ReplyLinter.unresolvedVariables(in: rendered), ["sla.promise"])
    }

    func testALiteralBraceFromATemplateCanBeSent() throws {
        // docs/templates.md: "{{" and "}}" write a literal brace. The reply then says "{nama}", which is text, not a
        // variable nobody could ever fill (the linter blocked it and advised a --var the command then refused).
        let text = try TemplateText(parsing: "Isi kolom dengan format {{nama}} sesuai KTP, Kak {citizen.name}.")
        let rendered = text.render(RenderContext(citizenName: "Budi"))
        XCTAssertEqual(rendered, "Isi kolom dengan format {nama} sesuai KTP, Kak Budi.")
        XCTAssertEqual(ReplyLinter.unresolvedVariables(in: rendered), [])
        XCTAssertEqual(ReplyLinter.lint(rendered, context: LintContext(platform: .x, humorAllowed: .none)).map(\.code), [])
        XCTAssertEqual(ReplyLinter.unresolvedVariables(in: "Contoh: {NIK} dan {link} atau {sla.janji}"), ["link", "sla.janji"],
                       "a known variable left open, or a slip of one, still blocks")
        let slip = ReplyLinter.lint("Kami kabari {sla.janji}", context: LintContext(platform: .x, humorAllowed: .none))
        XCTAssertTrue(slip[0].message.contains("not a Meja variable") && slip[0].message.contains("{sla.promise}"), slip[0].message)
        XCTAssertFalse(slip[0].message.contains("--var"), "no advice the command would refuse")
        for slip in ["{ sla.promise }", "{sla.promise }", "{ link }", "{sla_promise}", "{citizen}", "{staff}", "{LINK}"] {
            XCTAssertEqual(ReplyLinter.unresolvedVariables(in: "Kami kabari \(slip) ya").count, 1, slip)
        }
        XCTAssertEqual(ReplyLinter.unresolvedVariables(in: "Kami kabari { sla.promise } ya"), ["sla.promise"])
    }

    func testAValueFromOutsideEntersTheReplyInertAndNeverAsAVariable() throws {
        let text = try TemplateText(parsing: "Halo Kak {citizen.name}, salam dari {agency.name}")
        let hostile = RenderContext(citizenName: "{agency.name} \u{202E}Budi\u{202C} \u{1B}[31mmerah\u{1B}[0m\nbaris", agencyName: "Diskominfo")
        let rendered = text.render(hostile)
        XCTAssertEqual(rendered, "Halo Kak (agency.name) Budi merah baris, salam dari Diskominfo")
        let findings = ReplyLinter.lint(rendered, context: LintContext(platform: .x, humorAllowed: .warm)).map(\.code)
        XCTAssertFalse(findings.contains(.unresolvedVariable) || findings.contains(.controlCharacters), "\(findings)")
        XCTAssertEqual(text.missing(in: hostile), [])
        XCTAssertNil(RenderContext(citizenName: "\u{1B}[2J").value(for: "citizen.name"), "nothing left is no value")
        // Free text: known variables with a value are filled, anything else in braces stays as typed.
        XCTAssertEqual(RenderContext(citizenName: "Ani").fill("Rumus { x } untuk {citizen.name}, {ticket.ref} nanti } {"),
                       "Rumus { x } untuk Ani, {ticket.ref} nanti } {")
        XCTAssertEqual(RenderContext(citizenName: "Ani").fill("{ {citizen.name}}"), "{ Ani}")
        XCTAssertEqual(RenderContext(citizenName: "Ani").fill("a } b {citizen.name}"), "a } b Ani")
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

final class RenderContextDeskTests: XCTestCase {
    func testTheDeskFillsCitizenAgencyChannelPlatformAndOfficeHours() {
        var config = DeskConfig()
        config.agencyName = "Diskominfo Kota Contoh"
        let comment = Comment(id: 1, platform: .instagram, externalID: "c1", author: Author(handle: "budi_s", name: "Budi Santoso"),
                              text: "Halo", createdAt: Date(timeIntervalSince1970: 0), channel: "@diskominfo_contoh",
                              importedAt: Date(timeIntervalSince1970: 0))
        let context = RenderContext(comment: comment, config: config)
        XCTAssertEqual(context.citizenName, "Budi Santoso")
        XCTAssertEqual(context.citizenHandle, "@budi_s")
        XCTAssertEqual(context.agencyName, "Diskominfo Kota Contoh")
        XCTAssertEqual(context.channel, "@diskominfo_contoh")
        XCTAssertEqual(context.platform, "Instagram")
        XCTAssertEqual(context.officeHours, "Senin–Kamis 07.30–16.00, Jumat 07.30–16.30 WIB")
        XCTAssertEqual(RenderContext.officeHours(config.calendar, lang: .english), "Monday–Thursday 07.30–16.00, Friday 07.30–16.30 WIB")
        var anonymous = comment
        anonymous.author = Author(handle: "@warga123")
        XCTAssertEqual(RenderContext(comment: anonymous, config: config).citizenName, "warga123")
        // A display name that is a link or an e-mail address is not put into the agency's reply: the handle is.
        for name in ["https://hadiah-gratis.xyz", "Promo bit.ly/murah", "admin@hadiah.com", "   "] {
            var spam = comment
            spam.author = Author(handle: "promo_88", name: name)
            XCTAssertEqual(RenderContext(comment: spam, config: config).citizenName, "promo_88", name)
        }
    }
}
