import Foundation

/// A file format Meja can import, and how to read it into normalized records.
public protocol ImportFormat: Sendable {
    /// The name used with `--format` (e.g. `meja-jsonl`).
    var name: String { get }
    /// How sure the format is that `sample` (the start of a file) is in it: 0 not at all … 100 certain.
    func confidence(sample: String, fileName: String) -> Int
    /// Reads every element of a file, calling `emit` for each in file order.
    func read(_ data: Data, emit: (ImportItem) throws -> Void) throws
}

/// A format of hand-made files (meja-jsonl, CSV) that can read times written without an offset in a given zone.
public protocol ZoneAssuming {
    /// The same format, reading times without an offset as local times in `zone`.
    func assuming(_ zone: TimeZone) -> any ImportFormat
}

/// The formats Meja knows, for `--format` and for detection.
public enum ImportFormats {
    /// Every known format; platform importers add themselves here.
    public static let all: [any ImportFormat] = [
        MejaJSONLFormat(), CSVFormat(), MastodonFormat(), XV2Format(), FacebookFormat(), InstagramFormat(), YouTubeFormat(),
    ]

    /// The format with that `--format` name.
    public static func named(_ name: String) -> (any ImportFormat)? {
        all.first { $0.name == name.lowercased() }
    }

    /// The most likely format of a file from its first bytes and name, or nil when nothing fits.
    ///
    /// The first 64 KiB tell nearly every file. When they fit nothing, a larger start is read (up to 64 MiB): a first
    /// comment of a few megabytes can hold the fields a format is told by (a Mastodon status's `content` comes before
    /// `account`). When they hold no line break and read as JSON lines, the first line was cut (a compact API response
    /// as curl saves it, its first record longer than the sample): it is read whole before the verdict.
    public static func detect(_ data: Data, fileName: String) -> (any ImportFormat)? {
        var size = 64 * 1024
        while true {
            let sample = SafeText.decode(data.prefix(size))
            let scored = all.map { ($0, $0.confidence(sample: sample, fileName: fileName)) }.filter { $0.1 > 0 }
            let best = scored.max(by: { $0.1 < $1.1 })?.0
            let cutLine = data.count > size && data.prefix(size).firstIndex(of: 0x0A) == nil
            if let best, !(cutLine && best is MejaJSONLFormat) { return best }
            guard data.count > size, size < 64 << 20 else { return best }
            let whole = min(data.count, 64 << 20)
            size = cutLine ? data.prefix(whole).firstIndex(of: 0x0A).map { $0 - data.startIndex + 1 } ?? whole : whole
        }
    }

    /// The message of an API error body (`JSONShape.apiError`) when that is what the file holds: a fetch or export that
    /// failed and was saved as if it had worked.
    public static func apiError(_ data: Data) -> String? {
        var error: String?
        var first = true
        PlatformPages.read(data) { page in
            guard first else { return }
            first = false
            if case .value(let v, _) = page { error = JSONShape.apiError(v) }
        }
        return error.map { SafeText.forMessage($0, limit: 300) }
    }

    /// Whether a file is a platform listing with nothing in it — what an API gives when nothing is new since the last
    /// fetch: `[]`, a page whose `data` or `items` is empty (with or without paging), or X's `"meta": {"result_count": 0}`.
    /// Every page of the file must be so.
    public static func isEmptyListing(_ data: Data) -> Bool {
        guard data.count <= 1 << 20 else { return false }
        var pages = 0
        var empty = true
        PlatformPages.read(data) { page in
            pages += 1
            guard case .value(let v, _) = page else { empty = false; return }
            switch v {
            case .array(let a): empty = empty && a.isEmpty
            case .object(let o):
                let list = o["data"] ?? o["items"]
                let none = list?.arrayValue?.isEmpty == true || (list == nil && o["meta"]?["result_count"]?.intValue == 0)
                empty = empty && none
            default: empty = false
            }
        }
        return pages > 0 && empty
    }

    /// What a file that fits no format looks like, for the message that asks for `--format`: e.g. "it holds
    /// JSON, an object with keys error", or "it is not JSON, and its first line is not a CSV header".
    public static func unrecognised(_ data: Data) -> String {
        var found: String?
        PlatformPages.read(data) { page in
            guard found == nil else { return }
            switch page {
            case .value(let v, _): found = "it holds JSON, " + JSONShape.describe(v)
            case .invalid: found = "it is not JSON, and its first line is not a CSV header naming \(CSVFormat.required.joined(separator: ", "))"
            }
        }
        return found ?? "it is empty"
    }
}
