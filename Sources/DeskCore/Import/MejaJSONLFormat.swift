import Foundation

/// `meja-jsonl`: one normalized comment record (DESIGN.md) per line. Blank lines, and a byte order mark at the start,
/// are skipped.
public struct MejaJSONLFormat: ImportFormat, ZoneAssuming {
    /// The zone of times written without an offset; nil refuses them.
    public var assumedZone: TimeZone?

    public init(assumedZone: TimeZone? = nil) { self.assumedZone = assumedZone }
    public func assuming(_ zone: TimeZone) -> any ImportFormat { MejaJSONLFormat(assumedZone: zone) }
    public var name: String { "meja-jsonl" }

    public func confidence(sample: String, fileName: String) -> Int {
        guard let first = sample.split(separator: "\n").first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return 0 }
        // A byte order mark (Windows tools write one) is not part of the first record.
        let line = first.trimmingCharacters(in: .whitespaces.union(["\u{FEFF}"]))
        guard line.hasPrefix("{") else { return 0 }
        let named = fileName.hasSuffix(".jsonl") || fileName.hasSuffix(".ndjson")
        let hits = ["\"platform\"", "\"created_at\"", "\"author\"", "\"text\""].filter { line.contains($0) }.count
        // An object with none of the fields is some other JSON (an API error page, another tool's export):
        // claiming it would hide what it is behind "missing platform" on every line.
        if hits == 0, !named { return 0 }
        return min((named ? 30 : 10) + 15 * hits, 95)
    }

    public func read(_ data: Data, emit: (ImportItem) throws -> Void) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var start = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            var line = 0
            while start < n {
                line += 1
                var end = start
                while end < n, bytes[end] != 0x0A { end += 1 }
                var stop = end
                if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
                if !Self.isBlank(bytes, start, stop) {
                    let text = Array(bytes[start..<stop])
                    var item = ImportItem(line: line, Self.record(text, assumedZone: assumedZone))
                    if case .success = item.result, String(validating: text, as: UTF8.self) == nil { item.note = ImportItem.replacedBytes }
                    try emit(item)
                }
                start = end + 1
            }
        }
    }

    /// Blank: spaces and tabs only, after a byte-order mark if the line begins with one.
    private static func isBlank(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var i = s
        if e - s >= 3, b[s] == 0xEF, b[s + 1] == 0xBB, b[s + 2] == 0xBF { i += 3 }
        while i < e {
            if b[i] != 0x20, b[i] != 0x09 { return false }
            i += 1
        }
        return true
    }

    static func record(_ bytes: [UInt8], assumedZone: TimeZone? = nil) -> Result<CommentRecord, RecordProblem> {
        let value: JSONValue
        do {
            // A byte-order mark at a line's start (two exports joined with cat) is skipped, as at the file's start.
            value = try JSONValue.parse(bytes: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes)
        } catch {
            return .failure(RecordProblem("not valid JSON: \(error)"))
        }
        return Result { () throws(RecordProblem) in try CommentRecord(json: value, assumedZone: assumedZone) }
    }
}
