/// A strict RFC 8259 JSON parser over UTF-8 bytes, fast enough for a million-line import.
///
/// Invalid UTF-8 inside strings is replaced with U+FFFD (the import keeps the line and the text stays
/// displayable); everything else that is not JSON is an error that says where.
struct JSONParser {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var offset: Int
        var description: String { "\(message) at character \(offset + 1)" }
    }

    /// The key under which objects carry the 1-based line they start on, when `recordLines` is set.
    /// (A NUL-prefixed name no platform uses; readers of such trees skip it when listing keys.)
    static let lineKey = "\u{0}line"

    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0
    /// The members of the objects being read, innermost last (see `object()`).
    private var members: [(String, JSONValue)] = []
    /// The 1-based line of the current position. JSON strings cannot hold raw line breaks, so every newline
    /// is in the space between tokens and counting it there is exact.
    private(set) var line = 1
    /// When true, every object gets `lineKey` with the line where its `{` is, for `FILE:LINE` messages.
    var recordLines = false

    /// A parser of `bytes`; `line` is the line number of their first byte (when they are part of a file).
    init(_ bytes: [UInt8], recordLines: Bool = false, line: Int = 1) {
        self.bytes = bytes
        self.recordLines = recordLines
        self.line = line
    }

    /// The byte offset of the current position.
    var offset: Int { i }

    /// Goes back to an earlier position, `offset` on `line` (both as they were there).
    mutating func rewind(to offset: Int, line: Int) {
        i = offset
        self.line = line
    }

    /// Moves to `offset` (at or after the current position), counting the lines passed.
    mutating func advance(to offset: Int) {
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] == 0x0A { line += 1 }
            i += 1
        }
    }

    /// The next of several JSON values in a row (one document, JSON lines, or values simply concatenated),
    /// with the line it starts on; nil at the end of the input.
    mutating func nextValue() throws -> (value: JSONValue, line: Int)? {
        skipSpace()
        guard i < bytes.count else { return nil }
        let start = line
        let v = try value()
        return (v, start)
    }

    /// After a failure, skips to the next line that starts (in its first column) with `{` or `[`: where the next
    /// value of JSON lines or of concatenated pretty-printed pages begins. False when there is none.
    mutating func skipToNextValueLine() -> Bool {
        while i < bytes.count {
            if bytes[i] == 0x0A {
                line += 1
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "[") { return true }
                continue
            }
            i += 1
        }
        return false
    }

    /// Skips one byte (a separator such as `;` between values of a script file).
    mutating func skipByte(_ c: UInt8) -> Bool {
        skipSpace()
        guard i < bytes.count, bytes[i] == c else { return false }
        i += 1
        return true
    }

    mutating func parseDocument() throws -> JSONValue {
        skipSpace()
        let v = try value()
        skipSpace()
        guard i == bytes.count else { throw Failure(message: "unexpected text after the JSON value", offset: i) }
        return v
    }

    mutating func skipSpace() {
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x20 || c == 0x0D || c == 0x09 {
                i += 1
            } else if c == 0x0A {
                line += 1
                i += 1
            } else {
                break
            }
        }
    }

    private mutating func value() throws -> JSONValue {
        guard i < bytes.count else { throw Failure(message: "unexpected end of input", offset: i) }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw Failure(message: "expected a JSON value", offset: i)
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw Failure(message: "unexpected end of input", offset: i) }
        let p = word.utf8Start
        for k in 0..<n where bytes[i + k] != p[k] { throw Failure(message: "expected a JSON value", offset: i) }
        i += n
    }

    private mutating func object() throws -> JSONValue {
        depth += 1
        guard depth < 512 else { throw Failure(message: "nested too deeply", offset: i) }
        defer { depth -= 1 }
        i += 1
        // Members are gathered on a stack shared by all nesting levels, then put in a dictionary made the right
        // size at once: growing it member by member re-hashes every key several times.
        let base = members.count
        defer { members.removeSubrange(base...) }
        if recordLines { members.append((Self.lineKey, .int(Int64(line)))) }
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(dictionary(from: base)) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Failure(message: "expected a quoted key", offset: i) }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw Failure(message: "expected ':' after a key", offset: i) }
            i += 1
            skipSpace()
            let v = try value()
            members.append((key, v))
            skipSpace()
            guard i < bytes.count else { throw Failure(message: "unexpected end of input inside an object", offset: i) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(dictionary(from: base)) }
            throw Failure(message: "expected ',' or '}'", offset: i)
        }
    }

    /// The members from `base` up as a dictionary; a repeated key keeps its last value.
    private func dictionary(from base: Int) -> [String: JSONValue] {
        var out = [String: JSONValue](minimumCapacity: members.count - base)
        for k in base..<members.count { out[members[k].0] = members[k].1 }
        return out
    }

    private mutating func array() throws -> JSONValue {
        depth += 1
        guard depth < 512 else { throw Failure(message: "nested too deeply", offset: i) }
        defer { depth -= 1 }
        i += 1
        var out: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(out) }
        while true {
            skipSpace()
            out.append(try value())
            skipSpace()
            guard i < bytes.count else { throw Failure(message: "unexpected end of input inside a list", offset: i) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(out) }
            throw Failure(message: "expected ',' or ']'", offset: i)
        }
    }

    private mutating func number() throws -> JSONValue {
        let start = i
        var isInteger = true
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, (0x30...0x39).contains(bytes[i]) else { throw Failure(message: "bad number", offset: start) }
        if bytes[i] == 0x30 { i += 1 } else { while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 } }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < bytes.count, (0x30...0x39).contains(bytes[i]) else { throw Failure(message: "bad number", offset: start) }
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, (0x30...0x39).contains(bytes[i]) else { throw Failure(message: "bad number", offset: start) }
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
        }
        if isInteger, i - start <= 18 {
            // Up to 18 digits cannot overflow: no string needed (API payloads are full of small counts).
            var k = start
            let negative = bytes[k] == UInt8(ascii: "-")
            if negative { k += 1 }
            var v: Int64 = 0
            while k < i {
                v = v &* 10 &+ Int64(bytes[k] &- 0x30)
                k += 1
            }
            return .int(negative ? -v : v)
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if isInteger, let v = Int64(text) { return .int(v) }
        guard let d = Double(text) else { throw Failure(message: "bad number", offset: start) }
        return .double(d)
    }

    /// A raw control byte inside a string: a line break there most often means the line was cut off (a truncated
    /// export), not a text that forgot to escape it.
    private static func controlInString(_ c: UInt8, at offset: Int) -> Failure {
        if c == 0x0A || c == 0x0D {
            return Failure(message: "the line ends inside a string (is the line cut off? a line break within a text is written \\n)", offset: offset)
        }
        return Failure(message: "control character inside a string (escape it)", offset: offset)
    }

    private mutating func string() throws -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: bytes[start..<i], as: UTF8.self)
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw Self.controlInString(c, at: i) }
            i += 1
        }
        var out: [UInt8] = Array(bytes[start..<i])
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 { throw Self.controlInString(c, at: i) }
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            code = 0xFFFD
                            appendScalar(0xFFFD, to: &out)
                            code = low
                        }
                    } else {
                        code = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(code) {
                    code = 0xFFFD
                }
                appendScalar(code, to: &out)
            default:
                throw Failure(message: "unknown escape \\\(Character(Unicode.Scalar(e)))", offset: i - 2)
            }
        }
        throw Failure(message: "unterminated string", offset: start - 1)
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw Failure(message: "bad \\u escape", offset: i) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw Failure(message: "bad \\u escape", offset: i)
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private func appendScalar(_ code: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }
}
