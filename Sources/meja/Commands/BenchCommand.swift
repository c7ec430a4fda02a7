import ArgumentParser
import DeskCore
import Foundation

/// `meja bench`
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure named performance figures on a generated database in a temporary folder.",
        discussion: "Measure a release build (`swift build -c release` from the source); a debug build is many times slower. --rows sizes the generated inbox; import_x_v2_rows_per_s always imports 100,000 tweets and log_verify_events_per_s always verifies 1,000,000 events, as their names promise.")

    @Option(help: "How many comments the generated database holds.") var rows: Int = 1_000_000
    @Option(help: ArgumentHelp("Measure only these groups (comma-separated): import, x, queue, tui, tone, suggest, sla, log, report. The comment import always runs.", valueName: "groups"))
    var only: String?
    @Flag(help: "Print the figures as one JSON object.") var json = false
    @Option(help: ArgumentHelp("Measure in this folder and keep it (the generated files and databases), e.g. to profile an import of the same file again.", valueName: "folder"))
    var keep: String?

    func run() throws {
        try guarded {
            let groups = only.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
            let figures = try Benchmarks(rows: rows, only: groups, keep: keep, log: { Console.warn($0) }).run()
            if json {
                Console.out(JSONValue.object(figures.mapValues { .double($0) }).prettyText)
            } else {
                for (name, value) in figures.sorted(by: { $0.key < $1.key }) { Console.out("\(name)\t\(Self.format(value))") }
            }
        }
    }

    static func format(_ v: Double) -> String { v >= 100 ? String(Int(v.rounded())) : String(format: "%.2f", v) }
}
