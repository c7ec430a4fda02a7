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
    /// The lines of `skippedLines` that were table headers (left out with their tables).
    let skippedHeaders: Set<Int>

    /// Parses `text`; a syntax error becomes a `FileIssue` with the parser's line. With `skippingBadLines`, the line at
    /// fault is left out and the rest parsed again (up to 20 times), so that one typo does not cost every other setting
    /// in the file; each line left out is in `skippedLines`. The line at fault is the one the parser stops at, or the
    /// nearest one above it whose removal lets the parser get further (an array left open on line 4 is found at the
    /// end of the file). A setting is looked for before a table header: leaving out a header takes the settings under
    /// it along (they would otherwise land in the table above), so two bad settings in a row are left out one by one
    /// rather than with their whole table. Windows line ends (CRLF) count as line ends, as LF does.
    public init(text: String, path: String, skippingBadLines: Bool = false) throws(FileIssue) {
        try self.init(text: text, path: path, skippingBadLines: skippingBadLines, alreadySkipped: [])
    }

    /// As `init(text:path:skippingBadLines:)`, with lines the caller already left out (blanked in `text`).
    private init(text: String, path: String, skippingBadLines: Bool, alreadySkipped: [FileIssue]) throws(FileIssue) {
        self.path = path
        // "\r\n" is one Character in Swift: split on it too, or a Windows file would be one long line.
        var parsed = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        var skipped = alreadySkipped
        var headers: Set<Int> = []
        // Lines the parser library cannot be trusted with (it stops the program on them) never reach it; a header goes
        // with its settings, as below.
        for (index, problem) in Self.linesThatStopTheParser(parsed) where !parsed[index].isEmpty {
            let removed = Self.linesOfEntry(at: index + 1, in: parsed)
            let issue = FileIssue(file: path, line: index + 1, problem + Self.leftOut(under: removed.count - 1))
            guard skippingBadLines else { throw issue }
            skipped.append(issue)
            if Self.isHeader(parsed[index]) { headers.insert(index + 1) }
            for l in removed { parsed[l - 1] = "" }
        }
        var otherError: (any Error)?
        func attempt(_ candidate: [Substring]) -> Result<TOMLTable, TOMLParseError>? {
            do {
                return .success(try TOMLTable(string: candidate.joined(separator: "\n")))
            } catch let e as TOMLParseError {
                return .failure(e)
            } catch {
                otherError = error
                return nil
            }
        }
        while true {
            switch attempt(parsed) {
            case .success(let table)?:
                // Lines left out are blank here, so that a key or header in them is never found (nor counted).
                self.lines = parsed
                self.root = Self.convert(table)
                self.skippedLines = skipped
                self.skippedHeaders = headers
                return
            case nil:
                throw FileIssue(file: path, line: nil, "not valid TOML: \(otherError.map { "\($0)" } ?? "")")
            case .failure(let error)?:
                let stop = error.source.begin.line
                let issue = FileIssue(file: path, line: stop, error.description)
                guard skippingBadLines, skipped.count < 20 else { throw issue }
                // The nearest line at or above the stop whose removal mends the file; failing that (more than one
                // mistake), the nearest whose removal gets the parser further. Settings first, headers (which take
                // their whole table along) only when no setting will do.
                let nonBlank = stride(from: min(stop, parsed.count), through: 1, by: -1).filter { !parsed[$0 - 1].allSatisfy(\.isWhitespace) }
                // Each try parses the whole file again: once a line that gets the parser further is found, only a few
                // more are tried for one that mends (with several mistakes in a file none does, and trying every line
                // above each mistake made a long file with a few bad lines take minutes).
                func faultyEntry(among lines: [Int]) -> (line: Int, removed: [Int])? {
                    var further: (line: Int, removed: [Int])?
                    var triedSince = 0
                    for line in lines {
                        let removed = Self.linesOfEntry(at: line, in: parsed)
                        var without = parsed
                        for l in removed { without[l - 1] = "" }
                        switch attempt(without) {
                        case .success?: return (line, removed)
                        case .failure(let later)? where further == nil && later.source.begin.line > stop: further = (line, removed)
                        default: break
                        }
                        if further != nil {
                            triedSince += 1
                            if triedSince > Self.triesAfterProgress { break }
                        }
                    }
                    return further
                }
                let isHeader = { (line: Int) in Self.isHeader(parsed[line - 1]) }
                guard let fault = faultyEntry(among: nonBlank.filter { !isHeader($0) }) ?? faultyEntry(among: nonBlank.filter(isHeader)) else {
                    throw issue
                }
                let note = Self.leftOut(under: fault.removed.count - 1)
                let message = Self.unclosedQuote(in: parsed[fault.line - 1])
                    ?? (fault.line == stop ? error.description : "not valid TOML (the parser stopped at line \(stop))")
                skipped.append(FileIssue(file: path, line: fault.line, message + note))
                if isHeader(fault.line) { headers.insert(fault.line) }
                for l in fault.removed { parsed[l - 1] = "" }
            }
        }
    }

    /// How a line left out is said, with the settings under it that go along.
    private static func leftOut(under: Int) -> String {
        under > 0 ? "; this line and the \(under) line\(under == 1 ? "" : "s") under it are left out" : "; this line is left out"
    }

    /// Lines on which the TOML library would stop the whole program instead of reporting an error, by 0-based index, with
    /// what is wrong in words: a table header whose name starts with `[`, `.`, `=` or `#` (`[[[x]]]`, `[.a]`: toml++
    /// asserts), and a `\u0000` escape (a NUL character: in a key TOMLKit crashes, in a value the text is cut at it).
    /// Lines inside a multi-line string (`"""` or `'''`) are text, not headers.
    static func linesThatStopTheParser(_ lines: [Substring]) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var inMultiline: String?
        for (index, line) in lines.enumerated() {
            let opensOrCloses = { (quote: String) in line.components(separatedBy: quote).count % 2 == 0 }
            let wasInside = inMultiline != nil
            if let quote = inMultiline {
                if opensOrCloses(quote) { inMultiline = nil }
            } else if opensOrCloses("\"\"\"") {
                inMultiline = "\"\"\""
            } else if opensOrCloses("'''") {
                inMultiline = "'''"
            }
            if line.contains("\\u0000") || line.contains("\\U00000000") {
                out.append((index, "holds \\u0000, a NUL character, which no setting may contain"))
                continue
            }
            guard !wasInside else { continue }
            var rest = line.drop { $0 == " " || $0 == "\t" }
            guard rest.first == "[" else { continue }
            rest = rest.dropFirst()
            if rest.first == "[" { rest = rest.dropFirst() }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if let first = rest.first, "[.=#".contains(first) {
                out.append((index, "a table name must start with a letter, a digit, _ , - or a quote, not '\(first)'"))
            }
        }
        return out
    }

    /// What to say of a line whose quote is never closed, in words a person fixing it understands (the parser speaks
    /// of "unescaped control characters"); nil when its quotes pair up.
    static func unclosedQuote(in line: Substring) -> String? {
        let triple = line.components(separatedBy: "\"\"\"").count - 1
        if triple % 2 == 1 { return "a text opened with \"\"\" here is never closed with \"\"\"" }
        var quotes = 0
        var escaped = false
        var literal = false   // inside 'single-quoted' text, where " is a plain character
        for c in line.replacingOccurrences(of: "\"\"\"", with: "") {
            if escaped { escaped = false; continue }
            let inBasic = quotes % 2 == 1
            if c == "\\", inBasic { escaped = true }
            else if c == "'", !inBasic { literal.toggle() }
            else if c == "\"", !literal { quotes += 1 }
            else if c == "#", !inBasic, !literal { break }
        }
        return quotes % 2 == 1 ? "a quote (\") opened on this line is never closed: end the text with \"" : nil
    }

    /// How many more lines are tried for one whose removal mends the file, once one that gets the parser further is
    /// found.
    static let triesAfterProgress = 8

    /// The lines an entry at `line` spans when it is left out: the line, and for a table header every line up to the
    /// next header (its settings would otherwise join the table above).
    private static func linesOfEntry(at line: Int, in lines: [Substring]) -> [Int] {
        guard isHeader(lines[line - 1]) else { return [line] }
        var out = [line]
        var next = line + 1
        while next <= lines.count, !isHeader(lines[next - 1]) {
            if !lines[next - 1].allSatisfy(\.isWhitespace) { out.append(next) }
            next += 1
        }
        return out
    }

    /// Whether `line` is a table header (`[name]` or `[[name]]`).
    private static func isHeader(_ line: Substring) -> Bool {
        line.trimmingCharacters(in: .whitespaces).hasPrefix("[")
    }

    /// The lines left out (`skippedLines`) and `issues` found in what remained, together in line order (problems of the
    /// whole file last), as people read a file's problems.
    public func inLineOrder(with issues: [FileIssue]) -> [FileIssue] {
        (skippedLines + issues).enumerated()
            .sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }.map(\.element)
    }

    /// What a device or a pipe holds (`--config /dev/null` for the shipped defaults, `--config <(…)`), which
    /// `FileManager.contents(atPath:)` does not read; nil when it cannot be opened.
    private static func readStream(_ path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.readToEnd()) ?? Data()
    }

    /// Reads and parses the file at `path` (see `init(text:path:skippingBadLines:)`).
    public static func load(_ path: String, skippingBadLines: Bool = false) throws(FileIssue) -> TOMLFile {
        guard let data = FileManager.default.contents(atPath: path) ?? readStream(path) else {
            throw FileIssue(file: path, line: nil, "cannot be read (does it exist, and may you read it?)")
        }
        if let text = String(data: data, encoding: .utf8) {
            return try TOMLFile(text: text, path: path, skippingBadLines: skippingBadLines)
        }
        // Lines holding bytes that are not UTF-8 (a file saved in another encoding, mostly in a comment or a name)
        // are named; with `skippingBadLines` they are left out and the rest still applies.
        var bad: [FileIssue] = []
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().map { number, bytes -> String in
            if let line = String(data: Data(bytes), encoding: .utf8) { return line }
            bad.append(FileIssue(file: path, line: number + 1, "holds bytes that are not UTF-8 (save the file as UTF-8); this line is left out"))
            return ""
        }
        guard skippingBadLines else { throw bad[0] }
        return try TOMLFile(text: lines.joined(separator: "\n"), path: path, skippingBadLines: true, alreadySkipped: bad)
    }

    /// An issue about the key `key` inside the table `table` (e.g. `calendar`), or inside the `index`-th
    /// `[[table]]` when `index` is given. Falls back to the table's header line, then to no line.
    public func issue(_ message: String, table: String? = nil, index: Int? = nil, key: String? = nil) -> FileIssue {
        FileIssue(file: path, line: line(table: table, index: index, key: key), message)
    }

    /// The 1-based lines of the `[[table]]` headers of an array of tables, in order, found in one pass (asking
    /// `line(table:index:key:)` for each would read the file once per table).
    public func headerLines(ofArray table: String) -> [Int] {
        var out: [Int] = []
        for (number, raw) in lines.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("[[") else { continue }
            if String(text.dropFirst(2).prefix { $0 != "]" }).trimmingCharacters(in: .whitespaces) == table { out.append(number + 1) }
        }
        return out
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
