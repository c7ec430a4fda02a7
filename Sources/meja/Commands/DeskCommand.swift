import ArgumentParser
import DeskCore
import DeskTUI

/// Opens the ncurses desk.
struct DeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk", abstract: "Open the desk: the queue, threads, composer and supervisor boards (the default).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Colour theme: default, light, high-contrast, monochrome, or your own in ~/.config/meja/themes.")
    var theme: String?

    func run() throws {
        try guarded {
            let desk = try global.openDesk(creating: true)
            try TUILauncher.open(desk: desk, theme: theme)
        }
    }
}
