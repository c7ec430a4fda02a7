import XCTest
@testable import DeskCore

final class ToneTokenizerTests: XCTestCase {
    let tokenizer = ToneLexicon.shipped.tokenizer

    func words(_ text: String) -> [String] { tokenizer.tokens(text).map(\.text) }

    func testSlangAndSpellingVariantsBecomeStandardWords() {
        XCTAssertEqual(words("gak nggak ga enggak tdk"), ["tidak", "tidak", "tidak", "tidak", "tidak"])
        XCTAssertEqual(words("bgt yg dgn blm sdh udah krn jd aja bkn gimana kalo"),
                       ["banget", "yang", "dengan", "belum", "sudah", "sudah", "karena", "jadi", "saja", "bukan", "bagaimana", "kalau"])
        XCTAssertEqual(words("dll"), ["dan", "lain", "lain"])
    }

    func testRepeatedLettersCollapseAndReduplicationTwoIsDropped() {
        XCTAssertEqual(words("bagusss BANGETTT"), ["bagus", "banget"])
        XCTAssertEqual(words("anak2 jalan2"), ["anak", "jalan"])
        XCTAssertEqual(words("maaf 2026"), ["maaf", "2026"], "double letters and plain numbers stay as written")
    }

    func testLaughterFoldsToOneToken() {
        XCTAssertEqual(words("wkwkwk hahaha hehe awokawok xixixi WKWKWKWK"), ["haha", "haha", "haha", "haha", "haha", "haha"])
        XCTAssertEqual(words("lol lmao"), ["haha", "haha"])
        XCTAssertEqual(words("hai"), ["hai"], "a short greeting is not laughter")
    }

    func testTheWordAfterANegatorIsMarkedNegated() {
        let tokens = tokenizer.tokens("pelayanannya gak bagus")
        XCTAssertEqual(tokens.map(\.text), ["pelayanannya", "tidak", "bagus"])
        XCTAssertEqual(tokens.map(\.negated), [false, false, true])
        XCTAssertEqual(tokenizer.tokens("don't like it").map(\.negated), [false, true, false])
        // A negator reaches no further than its clause: "ada ga? makasih" thanks, "ga, makasih" declines without "not thanks".
        for text in ["ada info ga? makasih", "ada info ga. makasih", "ada info ga, makasih", "ada info ga\nmakasih"] {
            XCTAssertEqual(tokenizer.tokens(text).map(\.negated), [false, false, false, false, false], text)
        }
    }

    func testEmojiAndEmoticonsAreTokensButLinksAndPlaceholdersAreDropped() {
        XCTAssertEqual(words("mantap 👍👍 :))) [USERNAME] https://x.com/a?b=1 www.contoh.go.id"), ["mantap", "👍", "👍", ":)"])
        XCTAssertEqual(words("lihat:d"), ["lihat", "d"], "an emoticon glued to a word is not an emoticon")
    }
}

/// The Swift tokenizer must make exactly the tokens the training script makes, or the learned weights miss.
/// (Checked once over all 14,521 texts of the data; this fixture keeps the tricky cases under test.)
final class ToneTokenizerParityTests: XCTestCase {
    func testSwiftAndTheTrainingScriptTokenizeAlike() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/tokenizer-parity.tsv")
        let lines = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertGreaterThan(lines.count, 10)
        for line in lines {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            XCTAssertEqual(parts.count, 2, String(line))
            let tokens = ToneLexicon.shipped.tokenizer.tokens(String(parts[0])).map { ($0.negated ? "NEG_" : "") + $0.text }
            XCTAssertEqual(tokens.joined(separator: " "), String(parts[1]), String(parts[0]))
        }
    }

    /// The governor's logit must be the script's, or the threshold chosen in training means something else here.
    func testSwiftAndTheTrainingScriptScoreAlike() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/score-parity.tsv")
        let lines = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertGreaterThan(lines.count, 20)
        let governor = ToneGovernor()
        var spread = Set<Int>()
        for line in lines {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            XCTAssertEqual(parts.count, 2, String(line))
            let expected = try XCTUnwrap(Double(parts[1]), String(line))
            XCTAssertEqual(governor.logit(String(parts[0])), expected, accuracy: 1e-6, String(parts[0]))
            spread.insert(Int((expected * 10).rounded()))
        }
        XCTAssertGreaterThan(spread.count, 10, "the fixture's texts should score differently, or it checks little")
    }
}
