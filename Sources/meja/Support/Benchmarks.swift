import DeskCore
import Foundation

/// The named figures of `meja bench`, measured on a generated database in a temporary folder.
struct Benchmarks {
    let rows: Int
    let log: (String) -> Void

    /// Wall time of `body` in milliseconds (benchmarks measure real time; domain code never reads it).
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let s = values.sorted()
        return s.isEmpty ? 0 : s[min(s.count - 1, Int(Double(s.count) * p))]
    }

    func run() throws -> [String: Double] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meja-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = Timestamp.parse("2026-12-01T10:00:00+07:00")!
        let clock = ManualClock(now)
        let store = try SQLiteStore(path: dir.appendingPathComponent("bench.sqlite").path)
        let desk = Desk(store: store, clock: clock, actor: ActorIdentity(name: "bench", login: "bench", overridden: false))
        var figures: [String: Double] = [:]

        log("generating \(rows) comments…")
        let data = SyntheticInbox.jsonl(count: rows, now: now)
        let file = dir.appendingPathComponent("inbox.jsonl")
        try data.write(to: file)
        log("importing…")
        let importer = Importer(desk: desk, batchSize: 20_000)
        var imported = 0
        let importMS = try Self.milliseconds { imported = try importer.importFile(file.path).accepted }
        figures["import_rows_per_s"] = Double(imported) / (importMS / 1000)

        log("queue first page…")
        var pages: [Double] = []
        for _ in 0..<20 { pages.append(try Self.milliseconds { _ = try desk.queue(limit: 50) }) }
        figures["queue_first_page_ms"] = Self.median(pages)
        return figures
    }
}
