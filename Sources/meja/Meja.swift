import ArgumentParser
import DeskCore
import Foundation

/// `meja`: the social-media desk for public agencies.
@main
struct Meja: ParsableCommand {
    /// Runs the command line, the options every command takes allowed before the command's name. Usage errors and
    /// help are printed through `Console`, as everything else is: an argument echoed in a message is shown inert.
    static func main() {
        let names = Set(configuration.subcommands.compactMap { $0.configuration.commandName })
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let word = ArgumentOrder.unknownCommand(arguments, commands: names) {
            let listed = configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName }
            Console.warn("Error: '\(SafeText.sanitize(word, limit: 40))' is not a meja command. Commands: \(listed.joined(separator: ", ")); `meja --help` says what each does.")
            Foundation.exit(64)
        }
        do {
            var command = try parseAsRoot(ArgumentOrder.commandFirst(arguments, commands: names))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code.isSuccess { Console.out(message) } else { Console.warn(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "meja",
        abstract: "Meja — a keyboard-driven desk for answering citizens on social media, on time and on the record.",
        discussion: prose("""
            Without a command, opens the desk (the ncurses queue) on the default database.
            Start with `meja demo` to try it on realistic generated comments.

            Environment: MEJA_DB (database file), MEJA_NOW (fix "now", ISO 8601 with offset),
            MEJA_ACTOR (act as another staff member; recorded on the log), XDG_DATA_HOME, XDG_CONFIG_HOME,
            MEJA_RESOURCES (the shipped templates, word lists and holidays), MEJA_THEMES (the shipped themes).
            Exit status: 0 success, 1 a check failed, 64 usage error, 65 bad input data (some rows rejected).
            """),
        version: "0.1.0",
        subcommands: [
            DeskCommand.self, DemoCommand.self, ImportCommand.self, ListCommand.self, ShowCommand.self, OverdueCommand.self,
            ClaimCommand.self, ReleaseCommand.self, AssignCommand.self, StatusCommand.self, IntentCommand.self, EscalateCommand.self, NoteCommand.self,
            ReplyCommand.self, ToneCommand.self, SuggestCommand.self, StaffCommand.self, LogCommand.self, ReportCommand.self, KeysCommand.self,
            BenchCommand.self, FetchCommand.self, StressCommand.self,
        ],
        defaultSubcommand: DeskCommand.self
    )
}
