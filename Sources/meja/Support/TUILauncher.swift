import DeskCore
import DeskTUI

/// Hands the desk to the ncurses front end.
enum TUILauncher {
    static func open(desk: Desk, theme: String?) throws {
        throw CLIError(message: "the ncurses desk is not part of this build yet; use `meja list` and `meja show`", code: 1)
    }
}
