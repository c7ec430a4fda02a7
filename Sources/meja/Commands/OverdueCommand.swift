import ArgumentParser
import DeskCore

/// `meja overdue`
struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "List comments whose response-time clock has breached, oldest breach first.",
        discussion: "Any comment with a running clock counts, whatever its status: a replied comment can still breach its resolution clock.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Include comments at risk of breaching.") var atRisk = false
    @Flag(help: "Print JSON (the DESIGN.md queue item keys).") var json = false

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            let items = try desk.overdue(includeAtRisk: atRisk)
            if json {
                Console.jsonLines(items.map(\.json))
            } else {
                QueueTable.render(items, now: desk.now, width: Console.width).forEach(Console.out)
            }
        }
    }
}
