import DeskCore
import XCTest

final class SafeTextTests: XCTestCase {
    func testEscapeSequencesAreRemovedAndMarked() {
        let cases: [(String, String)] = [
            ("a\u{1B}]0;HACKED\u{07}b", "a␛b"),                 // OSC title, BEL-terminated
            ("a\u{1B}]2;x\u{1B}\\b", "a␛b"),                    // OSC with ST
            ("\u{1B}[2J\u{1B}[Hclear", "␛␛clear"),             // CSI clear screen, cursor home
            ("x\u{1B}[38;5;196mred\u{1B}[0m", "x␛red␛"),        // SGR colours
            ("\u{1B}P1$r\u{1B}\\dcs", "␛dcs"),                  // DCS
            ("\u{1B}_apc\u{1B}\\z", "␛z"),                      // APC
            ("\u{9B}31mC1", "␛C1"),                              // 8-bit CSI
            ("\u{9D}0;t\u{9C}ok", "␛ok"),                        // 8-bit OSC and ST
            ("e\u{1B}7f", "e␛f"),                                // two-character escape
            ("open\u{1B}]0;unterminated", "open␛"),             // unterminated OSC eats the rest
        ]
        for (input, expected) in cases {
            XCTAssertEqual(SafeText.sanitize(input), expected, "input \(input.debugDescription)")
        }
    }

    func testControlsBecomeVisiblePictures() {
        XCTAssertEqual(SafeText.sanitize("bell\u{07}bs\u{08}nul\u{00}"), "bell␇bs␈nul␀")
        XCTAssertEqual(SafeText.sanitize("del\u{7F}"), "del␡")
        XCTAssertEqual(SafeText.sanitize("c1\u{85}x"), "c1�x")
        XCTAssertEqual(SafeText.sanitize("tab\there"), "tab here")
        XCTAssertEqual(SafeText.sanitize("crlf\r\nnext", lines: .keep), "crlf\nnext")
        XCTAssertEqual(SafeText.sanitize("mac\rline\r\r", lines: .keep), "mac\nline\n\n", "a lone CR breaks the line, never joins words")
        XCTAssertEqual(SafeText.sanitize("a\rb"), "a ⏎ b")
        XCTAssertEqual(SafeText.sanitize("one\ntwo", lines: .fold), "one ⏎ two")
    }

    func testBidiControlsAreNeutralised() {
        let trojan = "harga \u{202E}%09 nocsid\u{202C} hari ini \u{2066}x\u{2069} \u{200F}"
        let safe = SafeText.sanitize(trojan)
        for scalar in safe.unicodeScalars {
            XCTAssertFalse((0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0x200F,
                           "bidi control U+\(String(scalar.value, radix: 16)) survived")
        }
        XCTAssertEqual(safe, "harga %09 nocsid hari ini x ")
    }

    func testInvisibleFormatCharactersAreDroppedAndJoinersKeptWhereTheyJoin() {
        XCTAssertEqual(SafeText.sanitize("@disko\u{200B}minfo"), "@diskominfo", "no look-alike handle")
        XCTAssertEqual(SafeText.sanitize("a\u{2060}b\u{FEFF}c\u{00AD}d\u{180E}e\u{2062}f\u{206F}g"), "abcdefg")
        XCTAssertEqual(SafeText.sanitize("ad\u{200D}min a\u{200C}b \u{200D}x"), "admin ab x", "a joiner joining nothing is dropped")
        for joined in ["👨‍👩‍👧‍👦", "❤️‍🔥", "👩🏽‍🚒", "می\u{200C}خواهم", "क्\u{200D}ष"] {
            XCTAssertEqual(SafeText.sanitize(joined), joined, "emoji sequences and scripts that shape with joiners keep them")
        }
        XCTAssertEqual(SafeText.sanitize("x\u{200B}", lines: .keep), "x", "the fast path does not let them through either")
    }

    func testInvalidUTF8IsReplaced() {
        let bytes: [UInt8] = [0x48, 0x69, 0xFF, 0xFE, 0x21, 0xC3]
        XCTAssertEqual(SafeText.decode(bytes), "Hi\u{FFFD}\u{FFFD}!\u{FFFD}")
    }

    func testZalgoMarksAreCapped() {
        let zalgo = "Z" + String(repeating: "\u{0336}", count: 40) + "a"
        let safe = SafeText.sanitize(zalgo)
        XCTAssertEqual(safe.unicodeScalars.count, 2 + SafeText.maxMarks)
        XCTAssertEqual(SafeText.sanitize("é"), "é")
    }

    func testHugeTextIsCutWithAnEllipsis() {
        let huge = String(repeating: "a", count: 100_000)
        let safe = SafeText.sanitize(huge + "\u{07}", limit: 1_000)
        XCTAssertEqual(safe.count, 1_001)
        XCTAssertTrue(safe.hasSuffix("…"))
    }

    func testPlainTextPassesUnchanged() {
        let text = "Halo min 🙏 jalan rusak di 東京 café"
        XCTAssertEqual(SafeText.sanitize(text), text)
    }

    func testDisplayWidths() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("東京"), 4)
        XCTAssertEqual(DisplayWidth.of("한국"), 4)
        XCTAssertEqual(DisplayWidth.of("🙏"), 2)
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧‍👦"), 2, "ZWJ family is one picture")
        XCTAssertEqual(DisplayWidth.of("❤️"), 2, "VS16 makes a text heart an emoji")
        XCTAssertEqual(DisplayWidth.of("❤"), 1)
        XCTAssertEqual(DisplayWidth.of("🇮🇩"), 2, "flag")
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2, "skin tone")
        XCTAssertEqual(DisplayWidth.of("e\u{0301}"), 1, "combining acute")
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2, "zero-width space")
        XCTAssertEqual(DisplayWidth.of("ｈｉ"), 4, "fullwidth latin")
    }

    func testTruncateNeverSplitsAClusterAndRespectsColumns() {
        XCTAssertEqual(TextLayout.truncate("Halo 東京 🙏 min", to: 8), "Halo 東…")
        XCTAssertEqual(TextLayout.truncate("👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦", to: 5), "👨‍👩‍👧‍👦👨‍👩‍👧‍👦…", "two whole families and the ellipsis fill 5 columns")
        XCTAssertEqual(TextLayout.truncate("👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦", to: 4), "👨‍👩‍👧‍👦…", "a cluster that does not fit is left out whole")
        XCTAssertEqual(TextLayout.truncate("short", to: 10), "short")
        XCTAssertEqual(TextLayout.fit("東", to: 4), "東  ")
        XCTAssertEqual(TextLayout.truncate("abc", to: 0), "")
    }

    func testWrapByDisplayWidth() {
        XCTAssertEqual(TextLayout.wrap("satu dua tiga empat", width: 9), ["satu dua", "tiga", "empat"])
        XCTAssertEqual(TextLayout.wrap("東京東京東京", width: 4), ["東京", "東京", "東京"])
        XCTAssertEqual(TextLayout.wrap("a\n\nb", width: 5), ["a", "", "b"])
        for line in TextLayout.wrap("🙏🙏🙏 supercalifragilistic 👨‍👩‍👧‍👦 ok", width: 7) {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 7, line)
        }
    }
}
