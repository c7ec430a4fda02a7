import DeskCore
import XCTest

final class ConfigTests: XCTestCase {
    func testTheShippedExampleParsesCleanly() throws {
        let config = DeskConfig.parse(try TOMLFile.load(packageRoot.appendingPathComponent("docs/config.example.toml").path))
        XCTAssertEqual(config.issues, [])
        XCTAssertEqual(config.channels, ["@diskominfo_contoh"])
        XCTAssertEqual(config.policies.map(\.name), ["emergencies", "complaints", "default"])
        XCTAssertEqual(config.policies[0].firstResponse, SLADuration(15, .minutes, .calendar))
        XCTAssertEqual(config.policies[0].atRisk, .remaining(SLADuration(5, .minutes, .business)))
        XCTAssertTrue(config.policies[0].matches(platform: .x, channel: nil, intent: .complaint, tags: ["disaster"]),
                      "an emergency that is also a complaint is an emergency first")
        XCTAssertEqual(config.calendar.holidays[CivilDate(year: 2026, month: 12, day: 31)], "Hari jadi kota")
        XCTAssertNotNil(config.calendar.holidays[CivilDate(year: 2026, month: 12, day: 25)], "national holidays kept")
        XCTAssertEqual(config.passedOverThreshold, 5)
    }

    func testEachBadValueIsNamedWithItsLineAndKeepsItsDefault() throws {
        let file = try TOMLFile(text: """
            [agency]
            name = "Dinas"
            channels = "@one"

            [calendar]
            zone = "Mars/Olympus"
            hours = { mon = "16:00-07:30" }

            [[sla]]
            name = "ok"
            first_response = "30m"

            [[sla]]
            name = "bad"
            at_risk = "lots"
            resolution = "never"

            [fairness]
            passed_over = 0

            [mystery]
            x = 1
            """, path: "c.toml")
        let config = DeskConfig.parse(file)
        let lines = config.issues.map { $0.line ?? 0 }
        XCTAssertEqual(lines, [6, 7, 11, 15, 16, 19, 21], "every problem of a policy, in line order: " + config.issues.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(config.issues[2].description.contains("first_response \"30m\" needs its basis: \"30m business\" (office hours only) or \"30m calendar\""),
                      "a target without business or calendar is not guessed: " + config.issues[2].description)
        XCTAssertEqual(config.policies[0].firstResponse, SLAPolicy.defaults[1].firstResponse)
        XCTAssertEqual(config.channels, ["@one"], "a single handle is accepted as a list")
        XCTAssertEqual(config.calendar.zone.identifier, "Asia/Jakarta", "bad zone keeps the default")
        XCTAssertEqual(config.calendar.week[1].first?.description, "07:30-16:00", "bad hours keep the default")
        XCTAssertEqual(config.policies.map(\.name), ["ok", "bad"], "a bad duration or at_risk keeps the policy, with that default")
        XCTAssertEqual(config.policies[1].atRisk, .share(0.25))
        XCTAssertEqual(config.policies[1].resolution, SLAPolicy.defaults[1].resolution)
        XCTAssertEqual(config.passedOverThreshold, DeskConfig().passedOverThreshold)
        XCTAssertTrue(config.issues.allSatisfy { $0.description.hasPrefix("c.toml:") })
    }

    func testTheBellCanBeTurnedOffAndABadValueKeepsItOn() throws {
        XCTAssertTrue(DeskConfig().bell, "on by default")
        XCTAssertFalse(DeskConfig.parse(try TOMLFile(text: "[ui]\nbell = false\n", path: "c.toml")).bell)
        let bad = DeskConfig.parse(try TOMLFile(text: "[ui]\nbell = \"loud\"\n", path: "c.toml"))
        XCTAssertTrue(bad.bell)
        XCTAssertEqual(bad.issues.map(\.description), ["c.toml:2: ui.bell must be true or false"])
    }

    func testDevNullIsAnEmptyConfigurationAndAMissingFileIsNamed() {
        let empty = DeskConfig.load(path: "/dev/null")
        XCTAssertEqual(empty.issues, [], "the shipped defaults, said with --config /dev/null")
        XCTAssertEqual(empty.policies.map(\.name), ["complaints", "default"])
        let missing = DeskConfig.load(path: "/nonexistent/meja-config.toml")
        XCTAssertTrue(missing.issues.first?.description.contains("cannot be read") == true, missing.issues.map(\.description).joined())
    }

    func testSyntaxErrorNamesTheLineAndLoadFallsBackToDefaults() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meja-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("config.toml").path
        try Data("[agency]\nname = \"x\"\nchannels = [\"@a\",\n".utf8).write(to: URL(fileURLWithPath: path))
        let config = DeskConfig.load(path: path)
        XCTAssertEqual(config.issues.count, 1)
        XCTAssertEqual(config.issues.first?.file, path)
        XCTAssertNotNil(config.issues.first?.line)
        XCTAssertEqual(config.policies.map(\.name), ["complaints", "default"])
        // A line that is not TOML is left out; the settings around it still count (a typo in the agency's name
        // must not turn crisis mode off).
        try Data("[agency]\nname = \"unterminated\nchannels = [\"@a\"]\n\n[humor]\ncrisis_mode = true\nenabled = maybe\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let mended = DeskConfig.load(path: path)
        XCTAssertEqual(mended.issues.map(\.line), [2, 7], mended.issues.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(mended.issues.allSatisfy { $0.description.hasSuffix("this line is left out") })
        XCTAssertTrue(mended.crisisMode)
        XCTAssertEqual(mended.channels, ["@a"])
        // An array left open is found where it was opened, not where the parser ran out of file.
        try Data("[agency]\nname = \"Diskominfo\"\nchannels = [\"@a\"]\nlinks = [\"contoh.go.id\"\n\n[humor]\ncrisis_mode = true\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let unclosed = DeskConfig.load(path: path)
        XCTAssertEqual(unclosed.issues.map(\.line), [4], unclosed.issues.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(unclosed.crisisMode)
        XCTAssertEqual(unclosed.channels, ["@a"])
        // A broken table header takes its settings along, and says so, rather than filing them under the table above.
        try Data("[agency]\nname = \"Diskominfo\"\n\n[humor\ncrisis_mode = true\nenabled = false\n".utf8).write(to: URL(fileURLWithPath: path))
        let header = DeskConfig.load(path: path)
        XCTAssertEqual(header.issues.map(\.line), [4])
        XCTAssertTrue(header.issues[0].description.hasSuffix("this line and the 2 lines under it are left out"), header.issues[0].description)
        XCTAssertEqual(header.agencyName, "Diskominfo")
        // A line saved in another encoding is named and left out; the rest still applies.
        var latin1 = Data("[agency]\nname = \"Dinas Pariwisata\"\n# Kota Malang, caf".utf8)
        latin1.append(0xE9)
        latin1.append(contentsOf: Data("\n\n[humor]\ncrisis_mode = true\n".utf8))
        try latin1.write(to: URL(fileURLWithPath: path))
        let encoded = DeskConfig.load(path: path)
        XCTAssertEqual(encoded.issues.map(\.line), [3], encoded.issues.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(encoded.issues[0].description.contains("not UTF-8"), encoded.issues[0].description)
        XCTAssertTrue(encoded.crisisMode)
        XCTAssertEqual(encoded.agencyName, "Dinas Pariwisata")
        // No file at all: defaults, no issues.
        XCTAssertEqual(DeskConfig.load(path: nil, environment: ["XDG_CONFIG_HOME": dir.path]).issues, [])
    }

    func testAStandardsNameIsPlainWordsSinceItGoesOnTheLog() throws {
        let file = try TOMLFile(text: #"""
            [[sla]]
            name = "default\nclaim\n47"
            first_response = "2h business"
            [[sla]]
            name = "Pengaduan \"A\"; DROP"
            first_response = "1h business"
            [[sla]]
            name = "Darurat (banjir) warga-2.b"
            first_response = "1h business"
            """#, path: "c.toml")
        let config = DeskConfig.parse(file)
        XCTAssertEqual(config.policies.map(\.name), ["policy-1", "policy-2", "Darurat (banjir) warga-2.b"])
        XCTAssertEqual(config.issues.map(\.line), [2, 5])
        XCTAssertTrue(config.issues[0].message.contains("may hold only letters, digits, spaces"), config.issues[0].message)
        XCTAssertFalse(config.issues[0].message.contains("\n"), "the name is quoted inert")
        // Two standards under one name (or a renamed one meeting its name) would take turns at being it on the log.
        let twice = DeskConfig.parse(try TOMLFile(text: """
            [[sla]]
            name = "bad/name"
            first_response = "2h business"
            [[sla]]
            name = "policy-1"
            first_response = "1h business"
            [[sla]]
            name = "Dup"
            first_response = "1h business"
            [[sla]]
            name = "dup"
            first_response = "3h business"
            """, path: "d.toml"))
        XCTAssertEqual(twice.policies.map(\.name), ["policy-1", "policy-1-2", "Dup", "dup-2"])
        XCTAssertEqual(twice.issues.map(\.line), [2, 5, 11])
        XCTAssertTrue(twice.issues[2].message.contains("is already an earlier standard's; this one is kept as 'dup-2'"), twice.issues[2].message)
        // And whatever the source, the log refuses a line break in an event's subject or actor.
        let t = try TestDesk()
        XCTAssertThrowsError(try t.store.write { try $0.append(EventDraft(.configVersion, subject: "sla:a\nclaim"), actor: "sari", at: t.clock.now) }) { error in
            guard case .lineBreakInLogField = error as? StoreError else { return XCTFail("\(error)") }
        }
    }

    func testTwoBadSettingsInARowAreLeftOutOneByOneNotWithTheirTable() throws {
        let file = try TOMLFile(text: """
            [agency]
            name = "Dinas Kominfo Kota Contoh"
            channels = ["@kominfo_contoh"]
            website = kominfo.contoh.go.id
            phone = 021-555-1234

            [calendar]
            zone = "Asia/Makassar"
            """, path: "c.toml", skippingBadLines: true)
        XCTAssertEqual(file.skippedLines.map(\.line), [4, 5], file.skippedLines.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(file.skippedLines.allSatisfy { $0.description.hasSuffix("; this line is left out") })
        let config = DeskConfig.parse(file)
        XCTAssertEqual(config.agencyName, "Dinas Kominfo Kota Contoh")
        XCTAssertEqual(config.channels, ["@kominfo_contoh"])
        XCTAssertEqual(config.calendar.zone.identifier, "Asia/Makassar")
    }

    func testLinesTheTOMLLibraryWouldStopTheProgramOnAreLeftOutAndNamed() throws {
        // toml++ asserts on a header name starting with "[", ".", "=" or "#"; TOMLKit crashes on a NUL in a key. Each such
        // line is named and left out before the parser sees it; a header takes its settings along; a multi-line text
        // holding such a line is text.
        let file = try TOMLFile(text: #"""
            [agency]
            name = """Dinas
            [.bukan header]
            Kominfo"""
            "a\u0000" = 1
            channels = ["@a"]
            [[[x]]]
            crisis_mode = false

            [humor]
            crisis_mode = true
            note = "b\U00000000c"
            [.a]
            [ #]
            [[=]]
            """#, path: "c.toml", skippingBadLines: true)
        XCTAssertEqual(file.skippedLines.map(\.line), [5, 7, 12, 13, 14, 15], file.skippedLines.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(file.skippedLines[0].description.contains("NUL character"))
        XCTAssertTrue(file.skippedLines[1].description.hasSuffix("not '['; this line and the 1 line under it are left out"),
                      file.skippedLines[1].description)
        XCTAssertTrue(file.skippedLines[2].description.contains("NUL character"))
        let config = DeskConfig.parse(file)
        XCTAssertEqual(config.agencyName, "Dinas\n[.bukan header]\nKominfo")
        XCTAssertEqual(config.channels, ["@a"])
        XCTAssertTrue(config.crisisMode, "the header's setting went with it, not into [humor]")
        XCTAssertThrowsError(try TOMLFile(text: "[[[x]]]\n", path: "c.toml")) { error in
            XCTAssertEqual((error as? FileIssue)?.line, 1)
        }
    }

    func testAWindowsFileIsReadLineByLineAsAnLFOne() throws {
        let lf = """
            [agency]
            name = "Dinas Kominfo"
            channels = ["@kominfo"

            [calendar]
            zone = "Mars/Olympus"

            [humor]
            crisis_mode = true
            """
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(crlf.split(separator: "\n").count, 1, "in Swift, CRLF is one Character")
        for text in [lf, crlf] {
            let config = DeskConfig.parse(try TOMLFile(text: text, path: "c.toml", skippingBadLines: true))
            XCTAssertEqual(config.issues.map(\.line), [3, 6], config.issues.map(\.description).joined(separator: "\n"))
            XCTAssertEqual(config.agencyName, "Dinas Kominfo")
            XCTAssertTrue(config.crisisMode)
        }
    }

    func testAFullMastodonAddressAlsoNamesTheLocalAccountOnMastodonOnly() throws {
        var config = DeskConfig()
        config.channels = ["@diskominfo_contoh@kota.social"]
        XCTAssertTrue(config.isAgencyChannel("diskominfo_contoh@kota.social", on: .mastodon))
        XCTAssertTrue(config.isAgencyChannel("diskominfo_contoh", on: .mastodon), "the instance's own export writes it local")
        XCTAssertFalse(config.isAgencyChannel("diskominfo_contoh", on: .x), "someone else's handle on another platform")
        XCTAssertFalse(config.isAgencyChannel("diskominfo_contoh@other.social", on: .mastodon))
        // Accounts by id: the Page by its id only; its display name is anyone's.
        let ids = DeskConfig.parse(try TOMLFile(text: #"[agency]\#nchannels = ["@diskominfo_contoh", "facebook:104729651234567", "youtube:UCabcDEF"]"#, path: "c.toml"))
        XCTAssertEqual(ids.channels, ["@diskominfo_contoh"])
        XCTAssertEqual(ids.channelAccounts, [.facebook: ["104729651234567"], .youtube: ["UCabcDEF"]])
        XCTAssertTrue(ids.isAgency(Author(id: "104729651234567", handle: "Pemkot"), on: .facebook))
        XCTAssertFalse(ids.isAgency(Author(id: "7999", handle: "diskominfo_contoh"), on: .facebook), "a name on Facebook is anyone's")
        XCTAssertTrue(ids.isAgency(Author(id: "UCabcDEF", handle: "Kanal Kota"), on: .youtube), "ids keep their letter case")
        XCTAssertTrue(ids.isAgency(Author(id: "1", handle: "@Diskominfo_Contoh"), on: .x))
        XCTAssertFalse(ids.isAgency(Author(id: "104729651234567", handle: "x"), on: .instagram), "an id counts on its platform only")
    }

    func testACalendarOpenOnNoDayIsNamedAndKeepsTheDefaultHours() throws {
        let config = DeskConfig.parse(try TOMLFile(text: "[calendar]\nhours = { }\n", path: "c.toml"))
        XCTAssertEqual(config.issues.map(\.line), [2])
        XCTAssertTrue(config.issues[0].description.contains("opens on no day"), config.issues[0].description)
        XCTAssertEqual(config.calendar.week[1].first?.description, "07:30-16:00", "the clocks keep running on the default hours")
    }

    func testTheAgencysOwnClosuresDoNotMakeAYearsHolidaysKnown() throws {
        func years(_ toml: String) throws -> (Set<Int>, [String]) {
            let config = DeskConfig.parse(try TOMLFile(text: toml, path: "c.toml"))
            return (config.calendar.yearsWithHolidays, config.issues.map(\.description))
        }
        // A city's anniversary in 2027 is a closure, not 2027's national holidays: 2027 is still named as unknown.
        XCTAssertEqual(try years("[calendar]\nholidays = [{ date = \"2027-06-20\", name = \"Hari jadi kota\" }]\n").0, [2026])
        XCTAssertEqual(DeskConfig.parse(try TOMLFile(text: "[calendar]\nholidays = [\"2026-12-31\", \"2027-01-01\"]\n", path: "c.toml"))
            .yearsWithoutHolidays(from: Timestamp.parse("2026-12-20T10:00:00+07:00")!), [2027])
        // Once the agency has entered 2027's holidays itself, it says so.
        XCTAssertEqual(try years("[calendar]\nholidays = [\"2027-01-01\"]\nholidays_complete_for = [2027]\n").0, [2026, 2027])
        // Keeping the whole list itself, the agency's years are the known ones.
        XCTAssertEqual(try years("[calendar]\nnational_holidays = false\nholidays = [\"2027-01-01\"]\n").0, [2027])
        XCTAssertEqual(try years("[calendar]\nnational_holidays = false\n").0, [])
        let bad = try years("[calendar]\nholidays_complete_for = \"2027\"\n")
        XCTAssertEqual(bad.0, [2026])
        XCTAssertTrue(bad.1.first?.contains("c.toml:2: calendar.holidays_complete_for must list years, such as [2027]") ?? false, "\(bad.1)")
    }

    func testAPolicyMatchingATagMejaNeverSetsIsNamed() throws {
        let file = try TOMLFile(text: """
            [[sla]]
            name = "emergencies"
            match = { tag = ["disasters", "child_safety"] }
            first_response = "15m calendar"
            """, path: "c.toml")
        let config = DeskConfig.parse(file)
        XCTAssertEqual(config.issues.map(\.line), [3])
        XCTAssertTrue(config.issues[0].description.contains("disasters is no tag Meja sets"), config.issues[0].description)
        XCTAssertEqual(config.policies.first?.name, "emergencies", "the policy still applies to the tags it names rightly")
    }

    func testAMisspeltSettingInsideASectionIsNamed() throws {
        let file = try TOMLFile(text: """
            [humor]
            crisis_mod = true

            [[sla]]
            name = "x"
            first_respons = "1h business"
            """, path: "c.toml")
        let config = DeskConfig.parse(file)
        XCTAssertEqual(config.issues.map(\.line), [2, 6], config.issues.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(config.issues[0].description.contains("humor: unknown setting 'crisis_mod' (known: enabled, crisis_mode)"))
        XCTAssertFalse(config.crisisMode)
        XCTAssertTrue(DeskConfig.parse(try TOMLFile.load(packageRoot.appendingPathComponent("docs/config.example.toml").path)).issues.isEmpty,
                      "every setting of the example is known")
    }
}
