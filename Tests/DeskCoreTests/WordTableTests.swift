import XCTest
@testable import DeskCore

/// The tone governor's own hash tables answer exactly as a dictionary would.
final class WordTableTests: XCTestCase {
    func testAWordTableFindsEveryWordItHoldsAndNoOther() {
        var words: [String: Int32] = [:]
        for i in 0..<5_000 { words["kata\(i)"] = Int32(i) }
        words["tidak"] = -7
        words["😂"] = 42
        words["éé"] = 3
        var table = WordTable<Int32>()
        for (word, id) in words { table[word] = id }
        XCTAssertEqual(table.count, words.count)
        for (word, id) in words { XCTAssertEqual(table[word], id, word) }
        for absent in ["kata5000", "", "Tidak", "tida", "kata-1", "é"] { XCTAssertNil(table[absent], absent) }
        XCTAssertEqual(table["e\u{301}e\u{301}"], words["e\u{301}e\u{301}"], "a decomposed word matches as Swift compares strings")
        XCTAssertEqual(table["e\u{301}e\u{301}"], 3)
        table["tidak"] = 9
        XCTAssertEqual(table["tidak"], 9, "a word set again takes its new value")
        XCTAssertEqual(table.count, words.count)
        XCTAssertEqual(WordTable(words)["kata4999"], 4999)
    }

    func testPairWeightsFindEveryPairTheyHoldAndNoOther() {
        var pairs: [UInt64: Float] = [:]
        for a in 0..<200 { for b in stride(from: 0, to: 400, by: 7) { pairs[ToneLexicon.pairKey(a, b)] = Float(a) - Float(b) / 1000 } }
        pairs[0] = 0.5
        let table = PairWeights(pairs)
        for (key, weight) in pairs { XCTAssertEqual(table[key], weight) }
        XCTAssertNil(table[ToneLexicon.pairKey(1, 1)])
        XCTAssertNil(table[ToneLexicon.pairKey(200, 0)])
        XCTAssertNil(PairWeights()[0], "an empty table holds nothing")
    }
}
