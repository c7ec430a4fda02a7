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
    }

    func testEmojiAndEmoticonsAreTokensButLinksAndPlaceholdersAreDropped() {
        XCTAssertEqual(words("mantap 👍👍 :))) [USERNAME] https://x.com/a?b=1 www.contoh.go.id"), ["mantap", "👍", "👍", ":)"])
        XCTAssertEqual(words("lihat:d"), ["lihat", "d"], "an emoticon glued to a word is not an emoticon")
    }
}
