import Foundation

/// One object of a platform file (a comment, status, tweet or user) with the line it starts on, and typed
/// accessors whose failures say what was expected and what was found.
struct PlatformFields {
    let object: [String: JSONValue]
    /// The 1-based line where the object starts.
    let line: Int

    /// The author platforms leave out when an account is deleted, suspended or private.
    static let missingAuthor = Author.unknown

    /// The object `value` is, or nil when it is not an object. `line` is used when the value carries none.
    init?(_ value: JSONValue, line fallback: Int) {
        guard case .object(let o) = value else { return nil }
        object = o
        line = value.sourceLine ?? fallback
    }

    /// The element as an object, or the problem "expected WHAT; found …" for the importer.
    static func element(_ value: JSONValue, line: Int, expected: String) -> Result<PlatformFields, RecordProblem> {
        guard let f = PlatformFields(value, line: line) else {
            return .failure(RecordProblem("expected \(expected); found \(JSONShape.describe(value))"))
        }
        return .success(f)
    }

    /// The object as a JSON value.
    var value: JSONValue { .object(object) }

    subscript(key: String) -> JSONValue? {
        guard let v = object[key], !v.isNull else { return nil }
        return v
    }

    /// A string field (an integer one as its digits), trimmed of nothing; nil when absent, null or empty.
    func string(_ key: String) -> String? {
        switch object[key] {
        case .string(let s)?: s.isEmpty ? nil : s
        case .int(let i)?: String(i)
        default: nil
        }
    }

    /// A nested object.
    func fields(_ key: String) -> PlatformFields? {
        object[key].flatMap { PlatformFields($0, line: line) }
    }

    /// A nested array.
    func array(_ key: String) -> [JSONValue]? { object[key]?.arrayValue }

    /// A boolean field.
    func bool(_ key: String) -> Bool? { object[key]?.boolValue }

    /// The keys present, for messages.
    var keyList: String {
        let keys = JSONShape.visibleKeys(.object(object))
        if keys.isEmpty { return "no fields" }
        if keys.count <= 10 { return "keys " + keys.joined(separator: ", ") }
        return "keys " + keys.prefix(8).joined(separator: ", ") + ", … (\(keys.count) in all)"
    }

    /// A required identifier: a non-empty string or an integer.
    func id(_ key: String, _ meaning: String) throws(RecordProblem) -> String {
        switch object[key] {
        case .string(let s)? where !Self.trimmed(s).isEmpty: return Self.trimmed(s)
        case .int(let i)?: return String(i)
        case nil, .null?: throw RecordProblem("missing `\(key)` (\(meaning)); found \(keyList)")
        case let other?: throw RecordProblem("`\(key)` (\(meaning)) should be a non-empty string; found \(JSONShape.describe(other))")
        }
    }

    /// `s` without leading and trailing spaces (ids almost never have any, and then it costs nothing).
    static func trimmed(_ s: String) -> String {
        guard s.first?.isWhitespace == true || s.last?.isWhitespace == true else { return s }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// A required text field; empty text is kept (a sticker or photo comment has none).
    func text(_ key: String, _ meaning: String) throws(RecordProblem) -> String {
        switch object[key] {
        case .string(let s)?: return s
        case nil, .null?: throw RecordProblem("missing `\(key)` (\(meaning)); found \(keyList)")
        case let other?: throw RecordProblem("`\(key)` (\(meaning)) should be text; found \(JSONShape.describe(other))")
        }
    }

    /// A required time in any format the platforms write (`Timestamp.parsePlatform`).
    func time(_ key: String, example: String) throws(RecordProblem) -> Date {
        switch object[key] {
        case .string(let s)?:
            guard let d = Timestamp.parsePlatform(s) else {
                throw RecordProblem("`\(key)` is '\(SafeText.forMessage(s))', not a time such as \(example)")
            }
            return d
        case nil, .null?: throw RecordProblem("missing `\(key)` (when it was written, e.g. \(example)); found \(keyList)")
        case let other?: throw RecordProblem("`\(key)` should be a time such as \(example); found \(JSONShape.describe(other))")
        }
    }

    /// The language tag, without the platforms' "undetermined" codes.
    func language(_ key: String) -> String? {
        guard let l = string(key), l != "und", l != "zxx", l != "qme", l != "qht" else { return nil }
        return l
    }
}

extension PlatformFields {
    /// `[image: description]` for an attachment, so a comment that is only a picture or sticker still says what it is.
    static func attachmentNote(_ kind: String, _ description: String?) -> String {
        let k = kind == "gifv" ? "gif" : kind.replacingOccurrences(of: "_", with: " ")
        guard let d = description?.trimmingCharacters(in: .whitespacesAndNewlines), !d.isEmpty else { return "[\(k)]" }
        return "[\(k): \(d)]"
    }
}
