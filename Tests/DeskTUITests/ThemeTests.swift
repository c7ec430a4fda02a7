import DeskCore
@testable import DeskTUI
import XCTest

final class ThemeTests: XCTestCase {
    private let env = ["XDG_CONFIG_HOME": "/nonexistent-meja-test"]

    func testTheFourShippedThemesLoadWithoutProblems() {
        XCTAssertNotNil(ThemeLoader.shippedDirectory(env))
        for name in ["default", "light", "high-contrast", "monochrome"] {
            let (theme, issues) = ThemeLoader.load(name, environment: env)
            XCTAssertEqual(issues, [], name)
            XCTAssertEqual(theme.name, name)
        }
        XCTAssertTrue(Set(ThemeLoader.available(env)).isSuperset(of: ["default", "light", "high-contrast", "monochrome"]))
    }

    func testTheResourceBundleCarriesTheShippedThemes() throws {
        // A binary copied without the source tree finds them there.
        let bundled = try XCTUnwrap(ShippedResources.directory).appendingPathComponent("themes")
        var source = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { source.deleteLastPathComponent() }
        let package = source.appendingPathComponent("themes")  // the link DESIGN.md's layout names
        XCTAssertNotEqual(bundled.resolvingSymlinksInPath().path, package.resolvingSymlinksInPath().path, "the bundle is a copy, not the source")
        let names = { (dir: URL) in Set((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []) }
        XCTAssertTrue(names(bundled).isSuperset(of: ["default.toml", "light.toml", "high-contrast.toml", "monochrome.toml"]))
        XCTAssertEqual(names(bundled), names(package), "every theme in the package's themes/ ships in the bundle")
    }

    func testDefaultThemeDegradesFrom256To8ToNone() {
        let theme = ThemeLoader.load("default", environment: env).theme
        let breached = CellStyle(.badgeBreached)
        let full = theme.resolve(breached, depth: .colors256)
        XCTAssertEqual(full.foreground, 203)
        XCTAssertTrue(full.attributes.contains(.bold))
        XCTAssertEqual(theme.resolve(breached, depth: .colors8).foreground, 1, "a light red is red on 8 colours")
        let mono = theme.resolve(breached, depth: .none)
        XCTAssertEqual(mono.foreground, -1)
        XCTAssertTrue(mono.attributes.contains(.bold))
        // Muted grey has no 8-colour stand-in: it becomes dim instead.
        let muted8 = theme.resolve(CellStyle(.muted), depth: .colors8)
        XCTAssertEqual(muted8.foreground, -1)
        XCTAssertTrue(muted8.attributes.contains(.dim))
        // The selection is a background colour at 256, reverse video without colour.
        XCTAssertEqual(theme.resolve(CellStyle(.text, highlighted: true), depth: .colors256).background, 237)
        XCTAssertTrue(theme.resolve(CellStyle(.text, highlighted: true), depth: .none).attributes.contains(.reverse))
        XCTAssertTrue(theme.resolve(CellStyle(.text, highlighted: true), depth: .colors8).attributes.contains(.reverse))
    }

    func testMonochromeNeverUsesColourAndKeepsMeaning() {
        let theme = ThemeLoader.load("monochrome", environment: env).theme
        XCTAssertFalse(theme.usesColor)
        for object in UIObject.allCases {
            for h in [false, true] {
                let r = theme.resolve(CellStyle(object, highlighted: h), depth: .colors256)
                XCTAssertEqual(r.foreground, -1, "\(object)")
                XCTAssertEqual(r.background, -1, "\(object)")
            }
        }
        XCTAssertTrue(theme.resolve(CellStyle(.badgeBreached), depth: .colors256).attributes.isSuperset(of: [.bold, .underline]))
        XCTAssertTrue(theme.resolve(CellStyle(.text, highlighted: true), depth: .colors256).attributes.contains(.reverse))
    }

    func testNoColorIsHonoured() {
        XCTAssertEqual(ColorDepth.detect(colors: 256, hasColors: true, environment: ["NO_COLOR": "1"]), ColorDepth.none)
        XCTAssertEqual(ColorDepth.detect(colors: 256, hasColors: true, environment: [:]), .colors256)
        XCTAssertEqual(ColorDepth.detect(colors: 8, hasColors: true, environment: ["NO_COLOR": ""]), .colors8)
        XCTAssertEqual(ColorDepth.detect(colors: 0, hasColors: false, environment: [:]), ColorDepth.none)
    }

    func testColoursParseAndMapToThePalette() {
        XCTAssertEqual(ThemeColor(parsing: "default"), .terminalDefault)
        XCTAssertEqual(ThemeColor(parsing: "bright-blue"), .index(12))
        XCTAssertEqual(ThemeColor(parsing: "196"), .index(196))
        XCTAssertEqual(ThemeColor(parsing: "#ff0000"), .rgb(255, 0, 0))
        XCTAssertNil(ThemeColor(parsing: "#ff00"))
        XCTAssertNil(ThemeColor(parsing: "256"))
        XCTAssertEqual(ThemeColor.rgb(255, 0, 0).number(depth: .colors256), 196)
        XCTAssertEqual(ThemeColor.rgb(0, 0, 0).number(depth: .colors256), 16)
        XCTAssertEqual(ThemeColor.rgb(0, 120, 0).number(depth: .colors8), 2)
        XCTAssertEqual(ThemeColor.index(9).number(depth: .colors8), 1)
    }

    func testProblemsAreReportedWithTheirLinesAndTheRestApplies() {
        let (theme, issues) = ThemeLoader.parse("""
        [palette]
        red = "#ff0000"
        bad = "chartreuse-ish"

        [roles]
        danger = { fg = "red", attrs = ["blink"] }
        accent = { fg = "nosuch" }
        sparkle = "red"
        ok = "red"

        [objects]
        "queue.badge.breached" = { role = "danger", attrs = ["underline"] }
        "queue.unicorn" = { role = "ok" }
        "title" = { role = "loud" }
        """, path: "mine.toml")
        let texts = issues.map(\.description)
        XCTAssertTrue(texts.contains { $0.hasPrefix("mine.toml:3: palette colour 'bad'") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasPrefix("mine.toml:6: danger: unknown attribute 'blink'") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasPrefix("mine.toml:7: accent.fg: 'nosuch'") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasPrefix("mine.toml:8: unknown role 'sparkle'") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasPrefix("mine.toml:13: unknown UI object 'queue.unicorn'") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasPrefix("mine.toml:14: 'title' needs a role") }, "\(texts)")
        XCTAssertEqual(issues.count, 6, "\(texts)")
        XCTAssertEqual(issues.map(\.line), [3, 6, 7, 8, 13, 14], "in the order of the file")
        // What was valid applies: ok is red, the breached badge is underlined.
        XCTAssertEqual(theme.resolve(CellStyle(.ok), depth: .colors256).foreground, 196)
        XCTAssertTrue(theme.resolve(CellStyle(.badgeBreached), depth: .colors256).attributes.contains(.underline))
    }

    func testATableWrittenTwiceCostsOnlyItsSecondCopy() {
        let (theme, issues) = ThemeLoader.parse("""
        [roles]
        ok = "red"

        [roles]
        danger = "blue"
        """, path: "twice.toml")
        XCTAssertEqual(issues.map(\.line), [4], "\(issues)")
        XCTAssertEqual(theme.resolve(CellStyle(.ok), depth: .colors256).foreground, 1, "the first [roles] still applies")
    }

    func testAMissingThemeIsReportedAndTheDefaultUsed() {
        let (theme, issues) = ThemeLoader.load("neon", environment: env)
        XCTAssertEqual(theme.name, "default")
        XCTAssertEqual(issues.count, 1)
        XCTAssertTrue(issues[0].description.contains("theme 'neon' was not found"), issues[0].description)
        XCTAssertTrue(issues[0].description.contains("monochrome"), "it names the themes that exist")
    }

    func testUserThemesComeFirst() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("meja-themes-\(UUID().uuidString)")
        let dir = base.appendingPathComponent("meja/themes")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try "[roles]\nok = \"magenta\"\n".write(to: dir.appendingPathComponent("default.toml"), atomically: true, encoding: .utf8)
        let theme = ThemeLoader.load("default", environment: ["XDG_CONFIG_HOME": base.path]).theme
        XCTAssertEqual(theme.resolve(CellStyle(.ok), depth: .colors256).foreground, 5)
        // A path works as a name too.
        XCTAssertEqual(ThemeLoader.load(dir.appendingPathComponent("default.toml").path, environment: env).theme
            .resolve(CellStyle(.ok), depth: .colors256).foreground, 5)
    }
}
