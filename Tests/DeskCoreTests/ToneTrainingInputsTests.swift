import DeskCore
import Foundation
import XCTest

/// The shipped sentiment weights are what `scripts/train_tone_weights.py` makes from the lexicons it reads: the weight
/// file names a digest of those lexicons and of the script, and a change to any of them without training again fails
/// here (a topic word added by hand once moved the thresholds the script would choose, and the shipped file kept the
/// old ones).
final class ToneTrainingInputsTests: XCTestCase {
    static let lexicons = packageRoot.appendingPathComponent("Sources/DeskCore/Resources/lexicons")
    /// The script's `INPUTS`, in its order.
    static let inputs = ["cues.tsv", "neutral.tsv", "sentiment.tsv", "slang.tsv", "topics.tsv"]

    /// The digest as the script computes it: each input's name, a newline and its bytes, then the script's.
    static func digest() throws -> String {
        var bytes = Data()
        let files = inputs.map { ($0, lexicons.appendingPathComponent($0)) }
            + [("train_tone_weights.py", packageRoot.appendingPathComponent("scripts/train_tone_weights.py"))]
        for (name, url) in files {
            bytes.append(Data((name + "\n").utf8))
            bytes.append(try Data(contentsOf: url))
        }
        return EventChain.sha256Hex(bytes)
    }

    func testTheShippedWeightsWereMadeFromTheLexiconsAsTheyAre() throws {
        let weights = try String(contentsOf: Self.lexicons.appendingPathComponent("sentiment-weights.tsv"), encoding: .utf8)
        let prefix = "# inputs: sha256 "
        let named = try XCTUnwrap(weights.split(separator: "\n").first { $0.hasPrefix(prefix) }, "the weight file names its inputs' digest")
        XCTAssertEqual(String(named.dropFirst(prefix.count)), try Self.digest(),
                       "a lexicon the training reads (\(Self.inputs.joined(separator: ", "))) or the script changed since the weights were made: run `python3 scripts/train_tone_weights.py`, then the evaluation, and update docs/tone-evaluation.md")
    }

    func testTheScriptReadsTheLexiconsThisTestHashes() throws {
        let script = try String(contentsOf: packageRoot.appendingPathComponent("scripts/train_tone_weights.py"), encoding: .utf8)
        let list = "INPUTS = [" + Self.inputs.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        XCTAssertTrue(script.contains(list), "the script's INPUTS and this test's list are the same: \(list)")
    }
}
