import ArgumentParser
import DeskCore
import DeskTUI
import Foundation

/// `meja keys [--markdown]`
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "The desk's keys: the live table with your keys.toml applied, or the Markdown key reference.",
        discussion: prose("""
            Without options: every screen's actions with the keys that trigger them as the desk will use them —
            the defaults with $XDG_CONFIG_HOME/meja/keys.toml (~/.config/meja/keys.toml) over them. S marks what
            only supervisors may do, R what changes the public record (and is logged), * a key rebound in keys.toml.
            Each problem in keys.toml is printed to standard error as FILE:LINE: problem (that action keeps its
            default keys, as in the desk) and the exit status is then 1.

            --markdown prints the reference of the default keys in Markdown, exactly docs/keys.md
            (`meja keys --markdown > docs/keys.md` regenerates it).
            """))

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print the Markdown reference of the default keys (docs/keys.md).") var markdown = false

    func run() throws {
        try guarded {
            if markdown {
                Console.write(KeyReference.markdown(), to: .output)
                return
            }
            let (keys, issues) = KeyBindingsFile.load(path: KeyBindingsFile.defaultPath())
            for issue in issues { Console.warn(issue.description) }
            Console.write(KeyReference.table(keys: keys, language: .fromEnvironment()), to: .output)
            if !issues.isEmpty { throw ExitCode(1) }
        }
    }
}
