import XCTest
@testable import DeskCore

final class ReplyLinterTests: XCTestCase {
    let clean = "Halo Kak Budi, terima kasih sudah menghubungi kami 🙏 Laporan Kakak sudah kami teruskan ke petugas."

    func codes(_ text: String, platform: Platform = .instagram, allowed: HumorLevel = .warm, replyHumor: HumorLevel? = nil,
               allowList: [String] = ["go.id"], numbers: [String] = []) -> [LintFinding.Code] {
        ReplyLinter.lint(text, context: LintContext(platform: platform, humorAllowed: allowed, replyHumor: replyHumor,
                                                    linkAllowList: allowList, allowedNumbers: numbers)).map(\.code)
    }

    func testACleanReplyHasNoFindings() {
        XCTAssertEqual(codes(clean), [])
        XCTAssertFalse(ReplyLinter.blocks([]))
    }

    func testUnresolvedVariablesBlock() {
        let findings = ReplyLinter.lint("Kami kabari paling lambat {sla.promise} ya {citizen.name}", context: LintContext(platform: .x, humorAllowed: .none))
        XCTAssertEqual(findings.map(\.code), [.unresolvedVariable])
        XCTAssertTrue(findings[0].blocking)
        XCTAssertTrue(findings[0].message.contains("{sla.promise}, {citizen.name}"))
        XCTAssertTrue(findings[0].message.contains("--var sla.promise=VALUE"), "says how to fill it on the command line: \(findings[0].message)")
        XCTAssertEqual(codes("Kami kabari paling lambat Senin"), [])
        XCTAssertEqual(codes("Rumus {x + y} bukan variabel"), [])
    }

    func testHiddenControlsAndDirectionOverridesBlock() {
        let escape = ReplyLinter.lint("Baik Kak \u{1B}]0;judul\u{07} kami cek", context: LintContext(platform: .x, humorAllowed: .none))
        XCTAssertEqual(escape.map(\.code), [.controlCharacters])
        XCTAssertTrue(escape[0].blocking)
        XCTAssertTrue(escape[0].message.contains("2 invisible control characters (e.g. U+001B)"), escape[0].message)
        XCTAssertEqual(codes("Nomor laporan \u{202E}7654\u{202C} ya"), [.controlCharacters], "a right-to-left override disguises the text")
        XCTAssertEqual(codes("Terima kasih 👨‍👩‍👧‍👦\nSalam,\tTim"), [], "line breaks, tabs and the joiners inside emoji are fine")
        XCTAssertEqual(codes("Silakan DM @disko\u{200B}minfo"), [.controlCharacters], "a zero-width space makes a look-alike handle")
        XCTAssertEqual(codes("Baik\u{2060} Kak\u{FEFF}"), [.controlCharacters])
    }

    func testLengthIsCountedAsEachPlatformCountsIt() {
        // X: an emoji (a whole family sequence too) weighs 2, CJK 2, Latin 1, and a link 23 whatever its length.
        let family = "👨‍👩‍👧‍👦"
        XCTAssertEqual(Platform.x.replyLength(family + "🙏"), 4)
        XCTAssertEqual(Platform.x.replyLength(String(repeating: "漢", count: 140)), 280)
        XCTAssertEqual(codes(String(repeating: family, count: 140), platform: .x, allowed: .light), [], "140 emoji weigh 280")
        let findings = ReplyLinter.lint(String(repeating: "漢", count: 141), context: LintContext(platform: .x, humorAllowed: .light))
        XCTAssertEqual(findings.map(\.code), [.tooLong], "141 CJK characters weigh 282")
        XCTAssertTrue(findings[0].blocking)
        XCTAssertTrue(findings[0].message.contains("282 characters, but X allows 280"), findings[0].message)
        let link = "https://www.contoh.go.id/layanan/kependudukan/persyaratan-ktp-elektronik-2026"
        let before = "Halo Kak, persyaratannya ada di ", after = " ya 🙏"
        let answer = before + link + after
        XCTAssertEqual(Platform.x.replyLength(answer), before.count + 23 + " ya ".count + 2)
        XCTAssertEqual(Platform.mastodon.replyLength(answer), before.count + 23 + after.count, "Mastodon: characters, links 23")
        XCTAssertEqual(Platform.instagram.replyLength(answer), answer.count)
        XCTAssertEqual(codes(String(repeating: "a", count: 200) + " " + link + link, platform: .x), [], "two long links weigh 46")
        // X also shortens a bare domain; the punctuation around a link is counted as itself; accents are composed first.
        let bare = "www.contoh.go.id/layanan/kependudukan/persyaratan-ktp"
        XCTAssertEqual(Platform.x.replyLength("Cek " + bare + "."), 4 + 23 + 1)
        XCTAssertEqual(Platform.x.replyLength("(" + link + ")."), 1 + 23 + 2)
        XCTAssertEqual(Platform.x.replyLength(String(repeating: "e\u{301}", count: 5)), 5)
        XCTAssertEqual(Platform.mastodon.replyLength("Cek " + bare), 4 + bare.count, "Mastodon shortens only links with https://")
        XCTAssertEqual(Platform.x.replyLength("Cek {link} ya"), 4 + 23 + 3, "a {link} still to fill counts as the link it becomes")
        XCTAssertEqual(ReplyLinter.linkHosts(in: "Cek (" + link + "), atau " + bare + "."), ["www.contoh.go.id"], "the same links the allow-list sees")
        let long = String(repeating: "a", count: 501)
        XCTAssertEqual(codes(long, platform: .mastodon), [.tooLong])
        XCTAssertEqual(codes(long, platform: .instagram), [])
        XCTAssertEqual(codes(String(repeating: "a", count: 2_201), platform: .instagram), [.tooLong])
        XCTAssertEqual(codes(String(repeating: "a", count: 8_001), platform: .facebook), [.tooLong])
        XCTAssertEqual(codes(String(repeating: "a", count: 8_001), platform: .youtube), [])
        XCTAssertEqual(codes(String(repeating: "a", count: 10_001), platform: .youtube), [.tooLong])
        XCTAssertEqual(codes(String(repeating: "a", count: 20_000), platform: .email), [], "no known limit")
    }

    func testAskingForPersonalDataInPublicBlocks() {
        for text in ["Mohon tuliskan NIK dan nomor KK Kakak di kolom komentar ini ya", "Silakan balas dengan nomor HP Kakak",
                     "Please reply with your phone number and home address"] {
            let findings = ReplyLinter.lint(text, context: LintContext(platform: .instagram, humorAllowed: .warm))
            XCTAssertEqual(findings.map(\.code), [.asksPersonalData], text)
            XCTAssertTrue(ReplyLinter.blocks(findings))
        }
        for text in ["Silakan kirim NIK dan nomor KK lewat DM ya, Kak", "Demi keamanan data, mohon jangan menuliskan NIK di kolom komentar.",
                     "Please send your ID number by direct message", "Syarat: fotokopi KK dan KTP, isi formulir di loket",
                     "Nikmati layanan kami, kirim saran kapan saja", "Silakan isi formulir dengan NIK Kakak di aplikasi SIAK.",
                     "Isi alamat rumah di formulir online ya Kak.", "Bawa KTP asli dan kirim fotokopi nomor KK ke loket.",
                     "Kirim berkas ke email layanan, cantumkan NIK di subjek.", "Silakan kirim alamat lengkap lokasi lampu yang mati"] {
            XCTAssertFalse(ReplyLinter.lint(text, context: LintContext(platform: .instagram, humorAllowed: .warm)).contains { $0.code == .asksPersonalData }, text)
        }
        // The shipped templates never ask in public.
        for t in TemplateLibrary.load(userDirectory: nil).library.templates {
            XCTAssertNil(ReplyLinter.personalDataAskedInPublic(t.text.body), t.id)
        }
    }

    func testANIKIsBlockedWithoutRepeatingItInFull() {
        let findings = ReplyLinter.lint("NIK Kakak 3201234567890123 sudah terdaftar", context: LintContext(platform: .facebook, humorAllowed: .none))
        XCTAssertEqual(findings.map(\.code), [.personalData])
        XCTAssertTrue(findings[0].blocking)
        XCTAssertTrue(findings[0].message.contains("NIK"))
        XCTAssertFalse(findings[0].message.contains("3201234567890123"))
        XCTAssertEqual(codes("NIK 3201 2345 6789 0123"), [.personalData], "grouped digits are one number")
        XCTAssertEqual(codes("Nomor antrean 12, loket 3, tahun 2026"), [])
    }

    func testPhoneNumbersInIndonesianFormatsAreBlocked() {
        for phone in ["+62 812-3456-7890", "+6281234567890", "6281234567890", "081234567890", "0812 3456 7890", "0812.3456.7890", "(021) 5551234"] {
            XCTAssertEqual(codes("Hubungi saya di \(phone) ya"), [.personalData], phone)
        }
        XCTAssertEqual(codes("Darurat: 112, SAPA 129 atau WhatsApp 08111-129-129"), [], "public hotlines are fine")
        XCTAssertEqual(codes("Call center kami 0800-1234-567", numbers: ["08001234567"]), [], "the agency's own number is fine")
    }

    func testNumbersPastedWithUnicodeSpacesDashesOrDigitsAreStillFound() {
        let pasted = ["NIK 3201\u{00A0}2345\u{00A0}6789\u{00A0}0001", "nomor 0812\u{00A0}3456\u{00A0}7890",
                      "HP 0812\u{202F}3456\u{202F}7890", "nomor 0812\u{2013}3456\u{2013}7890", "NIK 3201\u{2013}2345\u{2013}6789\u{2013}0001",
                      "nomor 0812\u{2011}3456\u{2011}7890", "NIK ３２０１２３４５６７８９０００１", "rekening 1234\u{2009}5678\u{2009}90"]
        for text in pasted {
            XCTAssertEqual(codes(text), [.personalData], text.unicodeScalars.map { $0.isASCII ? String($0) : "U+\(String($0.value, radix: 16))" }.joined())
        }
        // Invisible characters between the digits hide nothing: both the hidden characters and the NIK are found.
        XCTAssertTrue(codes("NIK 3201\u{200B}2345\u{2060}6789\u{00AD}0001").contains(.personalData))
        XCTAssertTrue(codes("NIK 3201\u{034F}2345\u{034F}6789\u{034F}0001").contains(.personalData), "a combining mark on a digit hides nothing")
        XCTAssertEqual(codes("Kirim ke budi\u{FF20}ｇｍａｉｌ.com"), [.personalData], "a full-width e-mail address")
        // Dates, times and prices written with the same characters stay what they are.
        XCTAssertEqual(codes("Jadwal 1\u{2013}3 Desember 2026, pukul 08.00\u{2013}15.00, biaya Rp\u{00A0}50.000"), [])
    }

    func testNumbersGluedToALabelOrWrittenLooselyAreStillFound() {
        for text in ["NIK3201234567890123 sudah kami catat", "Hubungi WA081234567890", "nomor 081234567890ya", "HP/081234567890",
                     "Telp: 0812 - 3456 - 7890", "(+62) 812-3456-7890", "e-mail:budi@gmail.com", "Kirim ke <budi@gmail.com>",
                     "\"budi@gmail.com\"", "mailto:budi@gmail.com"] {
            XCTAssertEqual(codes(text), [.personalData], text)
        }
        let plusInParentheses = ReplyLinter.lint("(+62) 812-3456-7890", context: LintContext(platform: .facebook, humorAllowed: .none))
        XCTAssertTrue(plusInParentheses[0].message.contains("phone number"), plusInParentheses[0].message)
    }

    func testAmountsDatesAndReferencesAreNotPersonalData() {
        for text in ["Anggaran perbaikan jalan Rp 12.500.000.000 sudah disetujui", "Nilai kontrak Rp2.500.000.000,00",
                     "Dana 1.250.000.000 rupiah untuk drainase", "Biaya Rp. 1.500.000 per unit", "Anggaran 12.500.000.000 tahun ini",
                     "Jadwal 01-12-2026 10.00 WIB", "Mulai 2026-12-01 10.00", "Tanggal 01.12.2026 pukul 08.00",
                     "Nomor tiket #20261201-00123", "Retribusi 50.000,- per bulan", "Pagu 3,5 miliar"] {
            XCTAssertEqual(codes(text), [], text)
        }
        for schedule in ["Car free day Minggu 7 Juni 2026 06.00-10.00 WIB", "Vaksinasi Sabtu, 6 Juni 2026 07.00 - 11.00 WIB",
                         "Jadwal: 6 Juni 2026 07.00–11.00", "Pelaksanaan Desember 2026 08.00-16.00", "Tahun 2025 2026 2027"] {
            XCTAssertEqual(codes(schedule), [], "a year beside a time is no account number: \(schedule)")
        }
        // What is labelled as personal data, or starts with 0 as phone numbers do, is never exempt as an amount,
        // a date or a reference.
        for smuggled in ["NIK #3201123456780001 ya", "WA #081234567890 ya", "Rek BCA #1234567890 ya", "Rekening 1234567890 rupiah ya",
                         "Hubungi Rp 0812.3456.7890 ya", "Hubungi Rp 081.234.567.890 ya", "NIK 3201123456780001,- ya",
                         "NIK 3201123456780001,00 ya", "Telp 081234567890,- ya", "NIK 3.201.123.456.780.001 ya",
                         "Hubungi 081234567890 miliar", "NIK 3201\t1234\t5678\t0001", "3201_1234_5678_9012", "0812·3456·7890",
                         "0812•3456•7890"] {
            XCTAssertEqual(codes(smuggled), [.personalData], smuggled)
        }
        // An amount's words do not hide a phone number or a NIK beside them.
        XCTAssertEqual(codes("Biaya Rp 50.000, hubungi 081234567890"), [.personalData])
        XCTAssertEqual(codes("NIK 3201234567890123 tanggal 01-12-2026"), [.personalData])
    }

    func testEmailAddressesAreBlockedUnlessOnAnAllowedDomain() {
        XCTAssertEqual(codes("Kirim ke budi.santoso@gmail.com"), [.personalData])
        XCTAssertEqual(codes("Kirim ke humas@diskominfo.contoh.go.id"), [])
        XCTAssertEqual(codes("Mention @diskominfo_contoh saja"), [])
    }

    func testAccountNumbersAreBlockedButTheCaseReferenceIsNot() {
        XCTAssertEqual(codes("Transfer ke rekening BCA 1234567890 a.n. Budi"), [.personalData])
        XCTAssertEqual(codes("Nomor laporan LAP-2026-000123 sudah kami catat"), [])
        XCTAssertEqual(codes("Nomor tiket 2026-0001-2345", numbers: ["2026-0001-2345"]), [])
    }

    func testHumourAboveAllowedBlocks() {
        let joke = "Hehe, admin jadi salah tingkah 😆"
        let findings = ReplyLinter.lint(joke, context: LintContext(platform: .x, humorAllowed: .none))
        XCTAssertEqual(findings.map(\.code), [.humorAboveAllowed])
        XCTAssertTrue(findings[0].blocking)
        XCTAssertEqual(codes(joke, allowed: .light), [])
        XCTAssertEqual(codes(clean, allowed: .none, replyHumor: .warm), [.humorAboveAllowed], "the template's level counts")
        XCTAssertEqual(codes("Terima kasih 😊", allowed: .none), [.humorAboveAllowed], "a smile is warm")
        XCTAssertEqual(codes("Turut berduka cita 🙏", allowed: .none), [])
        XCTAssertEqual(ReplyLinter.estimatedHumor("wkwkwk"), .light)
        // Every playful mark counts, not only the best-known ones.
        for playful in ["Turut berduka Kak, 😀 semoga cepat beres", "Turut berduka 😃", "Sabar ya 😅", "Hmm 🤭", "Bikin ngakak", "lol",
                        "Mohon maaf 🫢", "Segera kami cek 🙈", "Siap 😏", "Selesai 🥳", "bercanda ya", "just kidding", "Turut berduka 🙊",
                        "Turut berduka 🫠"] {
            XCTAssertEqual(codes(playful, allowed: .none), [.humorAboveAllowed], playful)
        }
        XCTAssertEqual(ReplyLinter.estimatedHumor("Sabar ya 😅"), .light)
        XCTAssertEqual(ReplyLinter.estimatedHumor("Selamat pagi 😀"), .warm)
        for face in ["Turut berduka ^_^", "Baik Kak ^^", "Siap ^-^ kami cek"] {
            XCTAssertEqual(ReplyLinter.estimatedHumor(face), .warm, face)
            XCTAssertEqual(codes(face, allowed: .none), [.humorAboveAllowed], face)
        }
        XCTAssertEqual(ReplyLinter.estimatedHumor("Siap ^_^ wkwk"), .light, "a laugh beside a smile is still a joke")
    }

    func testShoutingIsAWarning() {
        let findings = ReplyLinter.lint("MOHON SEGERA DATANG KE KANTOR KAMI!!!", context: LintContext(platform: .x, humorAllowed: .none))
        XCTAssertEqual(findings.map(\.code), [.shouting])
        XCTAssertFalse(findings[0].blocking)
        XCTAssertEqual(codes("Silakan urus KTP dan KK di kantor Dukcapil"), [], "acronyms in a normal sentence are not shouting")
        XCTAssertEqual(codes("OK SIAP"), [], "too short to be shouting")
    }

    func testLinksOutsideTheAllowListAreAWarningWithSuffixMatching() {
        let findings = ReplyLinter.lint("Info di https://bit.ly/abc123", context: LintContext(platform: .x, humorAllowed: .none, linkAllowList: ["go.id"]))
        XCTAssertEqual(findings.map(\.code), [.linkNotAllowed])
        XCTAssertFalse(findings[0].blocking)
        XCTAssertTrue(findings[0].message.contains("bit.ly"))
        XCTAssertEqual(codes("Lapor di https://www.lapor.go.id/laporan."), [])
        XCTAssertEqual(codes("Cek dukcapil.contoh.go.id/ktp untuk syaratnya"), [])
        XCTAssertEqual(codes("Cek notgo.id/ktp", allowList: ["go.id"]), [.linkNotAllowed], "suffix match is on whole labels")
        XCTAssertEqual(codes("Buka www.contoh.com sekarang"), [.linkNotAllowed])
        XCTAssertEqual(codes("Jam layanan 07.30–16.00, dll. Terima kasih."), [])
        // An allowed name before "@" is only the user part: the browser goes to the host after it.
        for trick in ["Info: https://contoh.go.id@evil.com/vaksin", "Info: https://user:pass@evil.com/", "Info: contoh.go.id@evil.com/vaksin",
                      "Info: HTTPS://Contoh.Go.Id@Evil.com"] {
            XCTAssertEqual(codes(trick), [.linkNotAllowed], trick)
            XCTAssertEqual(ReplyLinter.linkHosts(in: trick), ["evil.com"], trick)
        }
        XCTAssertEqual(ReplyLinter.linkHosts(in: "Info: https://evil.com/@contoh.go.id"), ["evil.com"], "'@' in the path is not the host")
        XCTAssertEqual(ReplyLinter.linkHosts(in: "Info: https://evil.com\\@contoh.go.id"), ["evil.com"], "a backslash ends the host as browsers read it")
        for forgiven in ["Info di //evil.com ya", "Info https:/\\evil.com", "Info https:\\\\evil.com", "Info https:/evil.com/x"] {
            XCTAssertEqual(ReplyLinter.linkHosts(in: forgiven), ["evil.com"], forgiven)
        }
        XCTAssertEqual(codes("Info: https://contoh.go.id:443@evil.com"), [.linkNotAllowed], "a port before '@' is no e-mail address")
        XCTAssertEqual(ReplyLinter.linkHosts(in: "Catatan // penting: jam 08.00"), [], "slashes in prose are no link")
        XCTAssertEqual(ReplyLinter.linkHosts(in: "Daftar di hadiah.tk atau promo.zip dan cek-bansos.icu"), ["hadiah.tk", "promo.zip", "cek-bansos.icu"],
                       "the free domains scams use are links too")
        XCTAssertEqual(codes("Info: https://petugas@layanan.contoh.go.id/ktp"), [], "an allowed host with a user part is allowed")
        XCTAssertEqual(ReplyLinter.linkHosts(in: "Kirim ke humas@contoh.go.id atau mention @diskominfo"), [], "e-mail and handles are not links")
        // A missing space after a full stop, or a word in brackets, is no link; short links and www. addresses are.
        XCTAssertEqual(ReplyLinter.linkHosts(in: "Terima kasih.Silakan datang (sla.promise) ke loket.Antre dulu"), [])
        XCTAssertEqual(Platform.x.replyLength("Terima kasih.Silakan datang"), 27, "counted as text, not as a 23-character link")
        XCTAssertEqual(ReplyLinter.linkHosts(in: "Cek bit.ly/abc, s.id/ktp, wa.me/628111, www.contoh.layanan dan tinyurl.com/x"),
                       ["bit.ly", "s.id", "wa.me", "www.contoh.layanan", "tinyurl.com"])
    }

    func testEveryFindingExplainsItselfInBothLanguages() {
        let everything = "WKWK CEK HTTPS://BIT.LY/X {CITIZEN.NAME} \u{1B}[2J NIK 3171234567890123 HUBUNGI 081234567890 ATAU BUDI@GMAIL.COM TULIS NOMOR HP "
            + String(repeating: "PANJANG ", count: 40)
        let findings = ReplyLinter.lint(everything, context: LintContext(platform: .x, humorAllowed: .none, linkAllowList: ["go.id"]))
            + ReplyLinter.lint(" ", context: LintContext(platform: .x, humorAllowed: .none))
        // A duplicate or an answer meanwhile is found by the desk, which knows what was sent before (DeskActionTests), not
        // by the text alone.
        XCTAssertEqual(Set(findings.map(\.code)), Set(LintFinding.Code.allCases).subtracting([.duplicateReply, .answeredMeanwhile, .placeholderAgency]),
                       "\(findings.map(\.code))")
        for f in findings {
            XCTAssertEqual(f.message, f.explanation.en)
            XCTAssertNotEqual(f.explanation.id, f.explanation.en, f.message)
        }
        let personal = findings.first { $0.code == .personalData }!
        XCTAssertTrue(personal.explanation.id.contains("NIK 16 digit"), personal.explanation.id)
        XCTAssertTrue(personal.explanation.id.contains("nomor telepon"), personal.explanation.id)
        XCTAssertTrue(personal.explanation.id.contains("alamat e-mail"), personal.explanation.id)
    }

    func testPassportAndStayPermitNumbersArePersonalData() {
        let findings = ReplyLinter.lint("Hi Maria, your passport number is A1234567 and your KITAS no. 2C11AB1234567, all in order.",
                                        context: LintContext(platform: .x, humorAllowed: .none))
        XCTAssertEqual(findings.map(\.code), [.personalData])
        XCTAssertTrue(findings[0].blocking)
        XCTAssertTrue(findings[0].message.contains("a passport or stay-permit number"), findings[0].message)
        XCTAssertFalse(findings[0].message.contains("A1234567"), "shown masked: \(findings[0].message)")
        XCTAssertEqual(codes("Nomor paspor Kakak: X9876543, silakan diambil di loket 3."), [.personalData])
        // A document named without its number, or a visa type, is not personal data.
        XCTAssertEqual(codes("Passport applications are open; the B211A visa takes 5 working days."), [])
        XCTAssertEqual(codes("Please DM us your passport number, never post it here."), [])
        XCTAssertTrue(ReplyLinter.lint("Card 4111 1111 1111 1111", context: LintContext(platform: .x, humorAllowed: .none))[0]
            .message.contains("a 16-digit NIK or card number"))
    }

    func testEmptyReplyBlocksAndFindingJSONIsStable() {
        XCTAssertEqual(codes("   \n"), [.emptyReply])
        let json = ReplyLinter.lint("NIK 3201234567890123", context: LintContext(platform: .x, humorAllowed: .none))[0].json
        XCTAssertEqual(json["code"], "personal_data")
        XCTAssertEqual(json["blocking"], true)
    }
}
