import DeskCore
import DeskTUI

/// Hands the desk to the ncurses front end.
enum TUILauncher {
    static func open(desk: Desk, theme: String?) throws {
        try runDeskOnMainThread(desk: desk, theme: theme)
    }
}
