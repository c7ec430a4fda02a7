import ArgumentParser
import DeskCore

/// `meja overdue`
struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "List comments whose response or resolution clock has breached, oldest breach first.",
        discussion: "Any comment with a running clock counts, whatever its status: a replied comment can still breach its resolution clock. The report's 'Awaiting an answer, past due' counts only the unanswered ones.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Include comments at risk of breaching.") var atRisk = false
    @Option(parsing: .unconditional, help: "List at most this many, oldest breach first; a note on stderr says how many there are in all.") var limit = 10_000
    @Flag(help: "Print JSON (the DESIGN.md queue item keys).") var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit is a number of items, 1 or more") }
    }

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            // Each row is written as it is read: a listing of every late comment of a million held them all (1.7 GB).
            var listed = 0
            if json {
                var lines = Console.JSONLines()
                try desk.forEachOverdue(includeAtRisk: atRisk, limit: limit) { item in
                    lines.add(item.json)
                    listed += 1
                }
                lines.finish()
            } else {
                let (now, width) = (desk.now, Console.width)
                Console.out(QueueTable.header(width: width))
                try desk.forEachOverdue(includeAtRisk: atRisk, limit: limit) { item in
                    Console.out(QueueTable.line(item, now: now, width: width))
                    listed += 1
                }
            }
            // After the rows, where it is read last.
            if listed == limit {
                let counts = try desk.overdueCounts()
                let all = atRisk ? counts.total : counts.breached
                if all > limit {
                    // As the desk's board says it: most of a large backlog may be answered, its resolution late.
                    let aside = counts.answeredAside > 0 ? " (\(counts.answeredAside) of them answered, their resolution late)" : ""
                    Console.warn("meja: the oldest \(limit) of \(all) are listed\(aside); --limit \(all) lists them all")
                }
            }
        }
    }
}
