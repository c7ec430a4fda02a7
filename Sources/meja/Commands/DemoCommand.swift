import ArgumentParser
import DeskCore

/// `meja demo`
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill an empty database with a realistic demo inbox, then open the desk.",
        discussion: prose("""
            Several working days of comments from Mastodon, X, Facebook, Instagram and YouTube in Bahasa Indonesia and
            English: questions, complaints, praise, jokes, flood and accident reports, rude remarks and spam, with the
            agency's answers, claims and follow-ups already played through the log. Always the same data for the same
            "now" (set MEJA_NOW to fix it). A database that already holds comments is left as it is (the desk opens on
            it), and one whose log has begun without them (after `meja staff add`, say) is refused: the demo's history
            would be dated before what the log already holds.
            """))

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Fill the database and exit without opening the desk.") var seedOnly = false
    @Option(help: "Colour theme for the desk.") var theme: String?

    func run() throws {
        try guarded {
            let desk = try global.openDesk(creating: true)
            if let summary = try DemoSeeder(desk: desk).seedIfEmpty() {
                Console.warn("Demo inbox ready in \(desk.store.location): \(summary.comments) comments, \(summary.replies) replies, \(summary.actions) other actions on the log.")
            } else if try DemoSeeder.wasCutShort(desk.store) {
                let path = desk.store.location
                Console.warn("\(path) holds a demo that was cut short (\(try desk.store.read { try $0.commentCount() }) comments of it). "
                    + "To have the whole demo, delete it and run `meja demo` again: rm '\(path)' '\(path)-wal' '\(path)-shm'")
            } else {
                Console.warn("\(desk.store.location) already holds comments; it is left as it is.")
            }
            if !seedOnly { try TUILauncher.open(desk: desk, theme: theme) }
        }
    }
}
