import Foundation

/// A JSON value with one deterministic serialization: object keys in sorted order, no insignificant space,
/// `/` not escaped, non-ASCII written as UTF-8. Log payloads are stored as this text and hashed as stored.
public enum JSONValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral,
    ExpressibleByFloatLiteral {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(Int64(value)) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(Dictionary(elements) { $1 }) }
    public init(nilLiteral: ()) { self = .null }

    /// `.string`, or `.null` for nil.
    public static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    /// `.int`, or `.null` for nil.
    public static func int(_ i: Int?) -> JSONValue { i.map { .int(Int64($0)) } ?? .null }
    /// A UTC timestamp string, or `.null` for nil.
    public static func time(_ d: Date?) -> JSONValue { d.map { .string(Timestamp.utc($0)) } ?? .null }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var intValue: Int64? {
        switch self {
        case .int(let i): i
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: Int64(d)
        default: nil
        }
    }
    public var doubleValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }
    public var isNull: Bool { self == .null }

    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// The deterministic text of this value.
    public var text: String {
        var bytes: [UInt8] = []
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Pretty text with two-space indentation and sorted keys, for people.
    public var prettyText: String {
        var out = ""
        writePretty(to: &out, indent: 0)
        return out
    }

    /// Appends the deterministic text of this value to `out`.
    public func write(to out: inout String) {
        out += text
    }

    /// Appends the deterministic text of this value to `out` as UTF-8: the one serializer, written byte by byte
    /// because the log's payloads are large (an import batch states every arrival) and hashed as written.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): Self.writeInteger(i, to: &out)
        case .double(let d): Self.writeNumber(d, to: &out)
        case .string(let s): Self.quote(s, into: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                v.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o): Self.writeObject(o, written: [:], to: &out)
        }
    }

    /// The text of an object whose members are `members` and `written`, the values of the latter already JSON text as
    /// `write(to:)` writes it; keys sorted across both, as every object is written.
    public static func objectText(_ members: [String: JSONValue], written: [String: [UInt8]]) -> String {
        var bytes: [UInt8] = []
        writeObject(members, written: written, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func writeObject(_ members: [String: JSONValue], written: [String: [UInt8]], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (i, k) in (written.isEmpty ? Array(members.keys) : Array(Set(members.keys).union(written.keys))).sorted().enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            quote(k, into: &out)
            out.append(UInt8(ascii: ":"))
            if let text = written[k] { out.append(contentsOf: text) } else { members[k]!.write(to: &out) }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// The decimal digits of `i`, as `String(i)` writes them.
    private static func writeInteger(_ i: Int64, to out: inout [UInt8]) {
        if i < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = i.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            repeat {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }

    private static func writeNumber(_ d: Double, to out: inout [UInt8]) {
        guard d.isFinite else { return out.append(contentsOf: "null".utf8) }
        if d == d.rounded(), abs(d) < 1e15 { return writeInteger(Int64(d), to: &out) }
        out.append(contentsOf: String(d).utf8)
    }

    /// `s` as a JSON string, as `quote(_:into:)` for text writes it.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if needsEscaping(s) {
            var escaped = ""
            quote(s, into: &escaped)
            out.append(contentsOf: escaped.utf8.dropFirst().dropLast())
        } else {
            var s = s
            s.withUTF8 { out.append(contentsOf: $0) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private func writePretty(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let end = String(repeating: "  ", count: indent)
        switch self {
        case .array(let a) where !a.isEmpty:
            out += "[\n"
            for (i, v) in a.enumerated() {
                out += pad
                v.writePretty(to: &out, indent: indent + 1)
                out += i < a.count - 1 ? ",\n" : "\n"
            }
            out += end + "]"
        case .object(let o) where !o.isEmpty:
            out += "{\n"
            let keys = o.keys.sorted()
            for (i, k) in keys.enumerated() {
                out += pad
                Self.quote(k, into: &out)
                out += ": "
                o[k]!.writePretty(to: &out, indent: indent + 1)
                out += i < keys.count - 1 ? ",\n" : "\n"
            }
            out += end + "}"
        default:
            write(to: &out)
        }
    }

    static func quote(_ s: String, into out: inout String) {
        if !needsEscaping(s) {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    /// Whether a string holds anything `quote` must escape: `"`, `\`, C0 controls, DEL, C1 controls, U+2028/U+2029.
    private static func needsEscaping(_ s: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for b in s.utf8 {
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return true }
            if previous == 0xC2, (0x80...0x9F).contains(b) { return true }
            if beforePrevious == 0xE2, previous == 0x80, b == 0xA8 || b == 0xA9 { return true }
            beforePrevious = previous
            previous = b
        }
        return false
    }

    /// Parses JSON text; nil when it is not valid JSON.
    public static func parse(_ text: String) -> JSONValue? {
        var parser = JSONParser(Array(text.utf8))
        return try? parser.parseDocument()
    }

    /// Parses JSON bytes, throwing a message that says where it went wrong.
    public static func parse(bytes: [UInt8]) throws -> JSONValue {
        var parser = JSONParser(bytes)
        return try parser.parseDocument()
    }
}
