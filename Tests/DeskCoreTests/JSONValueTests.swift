import XCTest
@testable import DeskCore

/// The log hashes payloads as written, so the serialization is a contract: these are its exact bytes.
final class JSONValueTests: XCTestCase {
    func testNumbersAreWrittenAsTheLogHasAlwaysWrittenThem() {
        XCTAssertEqual(JSONValue.int(0).text, "0")
        XCTAssertEqual(JSONValue.int(-42).text, "-42")
        XCTAssertEqual(JSONValue.int(Int64.max).text, "9223372036854775807")
        XCTAssertEqual(JSONValue.int(Int64.min).text, "-9223372036854775808")
        XCTAssertEqual(JSONValue.double(0.47).text, "0.47")
        XCTAssertEqual(JSONValue.double(-0.6).text, "-0.6")
        XCTAssertEqual(JSONValue.double(3).text, "3", "a whole number is written without a fraction")
        XCTAssertEqual(JSONValue.double(-0.0).text, "0")
        XCTAssertEqual(JSONValue.double(1e20).text, String(1e20), "beyond 10^15 the number keeps its exponent")
        XCTAssertEqual(JSONValue.double(.nan).text, "null")
        XCTAssertEqual(JSONValue.double(.infinity).text, "null")
    }

    func testStringsEscapeOnlyWhatJSONAndSafeDisplayNeed() {
        XCTAssertEqual(JSONValue.string("Halo, Min! 🙏 ñ / ok").text, "\"Halo, Min! 🙏 ñ / ok\"")
        XCTAssertEqual(JSONValue.string("a\"b\\c\nd\re\tf").text, #""a\"b\\c\nd\re\tf""#)
        XCTAssertEqual(JSONValue.string("\u{1B}[31m\u{7F}\u{85}\u{2028}\u{2029}x").text, #""\u001b[31m\u007f\u0085\u2028\u2029x""#)
        XCTAssertEqual(JSONValue.string("").text, "\"\"")
    }

    func testObjectsSortTheirKeysAndNothingIsSpaced() {
        let v: JSONValue = ["zeta": [1, nil, true, false], "alpha": ["b": "x", "a": 2.5], "Émile": "é"]
        XCTAssertEqual(v.text, #"{"alpha":{"a":2.5,"b":"x"},"zeta":[1,null,true,false],"Émile":"é"}"#)
        var appended = "prefix "
        v.write(to: &appended)
        XCTAssertEqual(appended, "prefix " + v.text)
        XCTAssertEqual(JSONValue.parse(v.text), v, "what is written parses back to the same value")
    }

    func testAMemberWrittenBeforehandTakesItsSortedPlace() {
        var rows: [UInt8] = []
        JSONValue.array([[1, "a"], [2, nil]]).write(to: &rows)
        let members: [String: JSONValue] = ["batch": 3, "zone": "x"]
        XCTAssertEqual(JSONValue.objectText(members, written: ["rows": rows]), #"{"batch":3,"rows":[[1,"a"],[2,null]],"zone":"x"}"#)
        var all = members
        all["rows"] = [[1, "a"], [2, nil]]
        XCTAssertEqual(JSONValue.objectText(members, written: ["rows": rows]), JSONValue.object(all).text,
                       "the same text as the whole object written at once")
        XCTAssertEqual(JSONValue.objectText(members, written: [:]), JSONValue.object(members).text)
    }
}
