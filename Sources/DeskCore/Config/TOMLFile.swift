import Foundation
import TOMLKit

/// A parsed TOML file that can say on which line each key stands, so that a bad value is reported as
/// `FILE:LINE: problem` even though the parser itself keeps no positions for values.
public struct TOMLFile: Sendable {
    public let path: String
    public let root: [String: ConfigValue]
    private let lines: [Substring]

    /// Lines left out because they were not valid TOML (with `skippingBadLines`), as issues naming them.
    public let skippedLines: [FileIssue]

    /// Parses `text`; a syntax error becomes a `FileIssue` with the parser's line. With `skippingBadLines`, a line
    /// the parser stops at is left out and the rest parsed again (up to 20 times), so that one typo does not cost
    /// every other setting in the file; each line left out is in `skippedLines`.
    public init(text: String, path: String, skippingBadLines: Bool = false) throws(FileIssue) {
        self.path = path
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var parsed = lines
        var skipped: [FileIssue] = []
        while true {
            do {
                self.root = Self.convert(try TOMLTable(string: parsed.joined(separator: "\n")))
                break
            } catch let error as TOMLParseError {
                let line = error.source.begin.line
                guard skippingBadLines, skipped.count < 20, parsed.indices.contains(line - 1), !parsed[line - 1].isEmpty else {
                    throw FileIssue(file: path, line: line, error.description)
                }
                skipped.append(FileIssue(file: path, line: line, error.description + "; this line is left out"))
                parsed[line - 1] = ""
            } catch {
                throw FileIssue(file: path, line: nil, "not valid TOML: \(error)")
            }
        }
        self.skippedLines = skipped
    }

    /// Reads and parses the file at `path` (see `init(text:path:skippingBadLines:)`).
    public static func load(_ path: String, skippingBadLines: Bool = false) throws(FileIssue) -> TOMLFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileIssue(file: path, line: nil, "cannot be read (does it exist, and may you read it?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileIssue(file: path, line: nil, "is not UTF-8 text")
        }
        return try TOMLFile(text: text, path: path, skippingBadLines: skippingBadLines)
    }

    /// An issue about the key `key` inside the table `table` (e.g. `calendar`), or inside the `index`-th
    /// `[[table]]` when `index` is given. Falls back to the table's header line, then to no line.
    public func issue(_ message: String, table: String? = nil, index: Int? = nil, key: String? = nil) -> FileIssue {
        FileIssue(file: path, line: line(table: table, index: index, key: key), message)
    }

    /// The 1-based line of a key, as described in `issue(_:table:index:key:)`.
    public func line(table: String?, index: Int? = nil, key: String?) -> Int? {
        var current: String? = nil
        var arrayCounts: [String: Int] = [:]
        var currentIndex: Int? = nil
        var headerLine: Int? = nil
        for (number, raw) in lines.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("[") {
                // A top-level key may itself be a table: its header is its line.
                let name = String(text.drop { $0 == "[" }.prefix { $0 != "]" }).trimmingCharacters(in: .whitespaces)
                if table == nil, let key, name == key { return number + 1 }
            }
            if text.hasPrefix("[[") {
                let name = String(text.dropFirst(2).prefix { $0 != "]" }).trimmingCharacters(in: .whitespaces)
                let n = arrayCounts[name, default: 0]
                arrayCounts[name] = n + 1
                current = name
                currentIndex = n
                if name == table, index == n { headerLine = number + 1 }
                continue
            }
            if text.hasPrefix("[") {
                let name = String(text.dropFirst().prefix { $0 != "]" }).trimmingCharacters(in: .whitespaces)
                current = name
                currentIndex = nil
                if name == table, index == nil { headerLine = number + 1 }
                continue
            }
            guard current == table, currentIndex == index, let key else { continue }
            let bare = text.prefix { $0 != "=" }.trimmingCharacters(in: .whitespaces)
            let unquoted = bare.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if unquoted == key, text.contains("=") { return number + 1 }
        }
        return headerLine
    }

    private static func convert(_ table: TOMLTable) -> [String: ConfigValue] {
        var out: [String: ConfigValue] = [:]
        for (key, value) in table { out[key] = convert(value) }
        return out
    }

    private static func convert(_ value: TOMLValueConvertible) -> ConfigValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .int(value.int ?? 0)
        case .double: return .double(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .array: return .array((value.array ?? TOMLArray()).map { convert($0) })
        case .table: return .table(convert(value.table ?? TOMLTable()))
        default: return .other(value.debugDescription)
        }
    }
}
