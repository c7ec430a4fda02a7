import ArgumentParser
import DeskCore
import Foundation

/// `meja import FILE...`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import comments from files (meja-jsonl, CSV, or a platform's export).",
        discussion: prose("""
            Re-importing is a no-op: a comment already on the desk (same platform and id) is counted as a duplicate.
            Each bad line is reported as FILE:LINE: reason and the good ones are kept; the exit status is 65 when
            anything was rejected. A file that cannot be read or recognised is named and skipped, the others are still
            imported, and the exit status is 64. Posts by the agency's own channels ([agency].channels in config.toml, or
            from_agency) are recorded as replies: they stop the clock of the comment they answer.
            """))

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Files to import.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("The format: auto (detect it), or one of \(ImportFormats.all.map(\.name).joined(separator: ", ")).", valueName: "format"))
    var format: String = "auto"

    @Option(help: ArgumentHelp("The agency account the comments were addressed to (e.g. @pemkot_contoh), for those that name none: platform exports rarely say, and SLA policies, boards and reports by channel need it.", valueName: "handle"))
    var channel: String?

    @Option(name: .customLong("assume-zone"), help: ArgumentHelp("Read times written without an offset in meja-jsonl and CSV files as local times in this zone (e.g. Asia/Jakarta); without it they are rejected.", valueName: "zone"))
    var assumeZone: String?

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func validate() throws {
        if let channel, channel.trimmingCharacters(in: .whitespaces).isEmpty || channel.contains(where: \.isWhitespace) {
            throw ValidationError("--channel is one account handle, e.g. @pemkot_contoh (no spaces)")
        }
        if let assumeZone, TimeZone(identifier: assumeZone) == nil {
            throw ValidationError("--assume-zone '\(assumeZone)' is not a time zone; use an IANA name such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura")
        }
        if format != "auto", ImportFormats.named(format) == nil {
            throw ValidationError("unknown format '\(format)'; use auto or one of \(ImportFormats.all.map(\.name).joined(separator: ", "))")
        }
    }

    func run() throws {
        try guarded {
            let desk = try global.openDesk(creating: true)
            var importer = Importer(desk: desk, channel: channel)
            importer.assumedZone = assumeZone.flatMap(TimeZone.init(identifier:))
            var rejected = false
            var unreadable = false
            var summaries: [JSONValue] = []
            for file in files {
                let bar = ProgressBar("Importing \(file)")
                let summary: Importer.Summary
                do {
                    summary = try importer.importFile(file, format: format == "auto" ? nil : ImportFormats.named(format)) {
                        bar.update(done: $0, total: $1)
                    }
                } catch let e as DeskError where e.exitCode == 64 {
                    // A file that cannot be read or recognised stops only itself: the others are still imported.
                    bar.finish()
                    Console.warn("meja: \(e)")
                    unreadable = true
                    summaries.append(["file": .string(file), "error": .string("\(e)")])
                    continue
                }
                bar.finish()
                for problem in summary.rejected { Console.warn(problem.description) }
                for warning in summary.warningsToRead() { Console.warn(warning) }
                rejected = rejected || !summary.rejected.isEmpty
                if json {
                    summaries.append(summary.json)
                } else {
                    let how = summary.detected ? "detected as \(summary.format)" : summary.format
                    Console.out("\(file) (\(how)): \(summary.tally)")
                }
            }
            if json { Console.jsonLines(summaries) }
            if unreadable { throw ExitCode(64) }
            if rejected { throw ExitCode(65) }
        }
    }
}
