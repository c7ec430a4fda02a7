import Foundation

/// CSV with a header row naming the `meja-jsonl` fields, the author flattened to `author_handle`,
/// `author_name`, `author_id` (DESIGN.md). Quoted fields may hold commas, quotes (`""`) and line breaks. Fields are
/// separated by commas, or by semicolons when the header row has no comma: Excel under an Indonesian (or any
/// comma-decimal) locale saves "CSV" that way.
public struct CSVFormat: ImportFormat, ZoneAssuming {
    /// The zone of times written without an offset; nil refuses them.
    public var assumedZone: TimeZone?

    public init(assumedZone: TimeZone? = nil) { self.assumedZone = assumedZone }
    public func assuming(_ zone: TimeZone) -> any ImportFormat { CSVFormat(assumedZone: zone) }
    public var name: String { "csv" }

    static let required = ["platform", "id", "author_handle", "text", "created_at"]

    /// The field separator the header row (the first line of `bytes`) uses: a comma, or a semicolon when it has no comma.
    static func separator(_ bytes: [UInt8]) -> UInt8 {
        let header = bytes.prefix { $0 != 0x0A }
        return !header.contains(0x2C) && header.contains(0x3B) ? 0x3B : 0x2C
    }

    public func confidence(sample: String, fileName: String) -> Int {
        let header = sample.prefix { $0 != "\n" && $0 != "\r\n" }.lowercased()
        let fields = Set(header.split(separator: Character(UnicodeScalar(Self.separator(Array(header.utf8))))).map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) })
        let hits = Self.required.filter(fields.contains).count
        if hits == Self.required.count { return 90 }
        return fileName.lowercased().hasSuffix(".csv") ? 20 : 0
    }

    public func read(_ data: Data, emit: (ImportItem) throws -> Void) throws {
        let bytes = [UInt8](data)
        var rows = CSVRows(bytes: bytes, separator: Self.separator(bytes))
        guard let header = rows.next() else { return }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        rows.expectedFields = names.count
        let missing = Self.required.filter { !names.contains($0) }
        if !missing.isEmpty {
            try emit(ImportItem(line: header.line, .failure(RecordProblem(
                "the header row lacks \(missing.joined(separator: ", ")); it must name at least \(Self.required.joined(separator: ", "))"))))
            return
        }
        while let row = rows.next() {
            if row.fields.count == 1, row.fields[0].isEmpty { continue }
            if let problem = row.problem {
                try emit(ImportItem(line: row.line, .failure(RecordProblem(problem))))
                continue
            }
            guard row.fields.count == names.count else {
                try emit(ImportItem(line: row.line, .failure(RecordProblem("has \(row.fields.count) fields but the header has \(names.count)"))))
                continue
            }
            var o: [String: JSONValue] = [:]
            var author: [String: JSONValue] = [:]
            for (name, value) in zip(names, row.fields) where !value.isEmpty {
                switch name {
                case "author_handle": author["handle"] = .string(value)
                case "author_name": author["name"] = .string(value)
                case "author_id": author["id"] = .string(value)
                case "from_agency":
                    switch value.lowercased() {
                    case "true", "1", "yes", "ya": o[name] = .bool(true)
                    case "false", "0", "no", "tidak": o[name] = .bool(false)
                    default: o[name] = .string(value)
                    }
                default: o[name] = .string(value)
                }
            }
            o["author"] = .object(author)
            try emit(ImportItem(line: row.line, Result { () throws(RecordProblem) in try CommentRecord(json: .object(o), assumedZone: assumedZone) },
                                note: row.replacedBytes ? ImportItem.replacedBytes : nil))
        }
    }
}

/// Splits RFC 4180 CSV into rows, keeping the line each row starts on.
struct CSVRows {
    struct Row {
        var line: Int
        var fields: [String]
        var problem: String?
        /// Whether a field held bytes that are not UTF-8 (replaced in `fields`).
        var replacedBytes = false
    }

    let bytes: [UInt8]
    var i = 0
    var line = 1
    /// The number of fields a row should have (the header's), once known.
    var expectedFields: Int?
    /// The byte between fields: a comma, or a semicolon.
    let separator: UInt8

    init(bytes: [UInt8], separator: UInt8 = 0x2C) {
        var b = bytes
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        self.bytes = b
        self.separator = separator
    }

    mutating func next() -> Row? {
        guard i < bytes.count else { return nil }
        let startLine = line
        let start = i
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var afterClosingQuote = false
        var problem: String?
        var replaced = false
        func decode(_ field: [UInt8]) -> String {
            if let valid = String(validating: field, as: UTF8.self) { return valid }
            replaced = true
            return SafeText.decode(field)
        }
        while i < bytes.count {
            let c = bytes[i]
            if quoted {
                if c == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    quoted = false
                    afterClosingQuote = true
                    i += 1
                    continue
                }
                if c == 0x0A { line += 1 }
                field.append(c)
                i += 1
                continue
            }
            switch c {
            case 0x22 where field.isEmpty:
                quoted = true
                i += 1
            case separator:
                fields.append(decode(field))
                field = []
                afterClosingQuote = false
                i += 1
            case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                i += 1
            case 0x0A:
                i += 1
                line += 1
                fields.append(decode(field))
                // A row that ran over several lines and came out wrong most likely began with a quote that was never
                // closed, which swallowed the rows after it until some later quote: those rows are read again.
                if line > startLine + 1, problem != nil || (expectedFields.map { $0 != fields.count } ?? false) {
                    return unclosedQuote(startingAt: start, line: startLine)
                }
                return Row(line: startLine, fields: fields, problem: problem, replacedBytes: replaced)
            default:
                if afterClosingQuote {
                    problem = problem ?? "text after the closing quote of a field (inside a quoted field, write a quote as two quotes)"
                } else if c == 0x22 {
                    problem = problem ?? "a quote inside an unquoted field (quote the whole field and double inner quotes)"
                }
                field.append(c)
                i += 1
            }
        }
        if quoted { return unclosedQuote(startingAt: start, line: startLine) }
        fields.append(decode(field))
        return Row(line: startLine, fields: fields, problem: problem, replacedBytes: replaced)
    }

    /// Rejects the row starting at byte `start` (on `line`), whose quote is never closed where it should be, and goes
    /// on at the line after it, so that the rows after it are read on their own rather than swallowed into the field.
    private mutating func unclosedQuote(startingAt start: Int, line startLine: Int) -> Row {
        i = start
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
        i = min(bytes.count, i + 1)
        line = startLine + 1
        return Row(line: startLine, fields: [], problem: "a quote opened in this row is not closed before the line ends (the lines after it are read as rows of their own)")
    }
}
