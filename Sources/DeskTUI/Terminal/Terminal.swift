@preconcurrency import CNcursesw
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The only type in Meja that calls ncurses.
///
/// It opens and restores the screen (on normal exit, on Ctrl-C and SIGTERM, on a crash signal, and around
/// Ctrl-Z and `$EDITOR`), reads keys with a timeout, and copies a `CellGrid` to the screen, placing every grapheme
/// cluster at its own column so that a terminal that measures a character differently cannot shift the rest of
/// the row.
@MainActor
public final class Terminal {
    /// How many colours are in use.
    public private(set) var depth: ColorDepth = .none
    private var theme: Theme
    private var started = false
    private var shown: CellGrid?
    private var pairs: [PairKey: Int16] = [:]
    private var styleCache: [CellStyle: (attrs: UInt32, pair: Int16)] = [:]
    private let environment: [String: String]

    private struct PairKey: Hashable {
        var fg: Int
        var bg: Int
    }

    /// Prepares a terminal drawn with `theme`; nothing happens on screen until `start()`.
    public init(theme: Theme, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.theme = theme
        self.environment = environment
    }

    /// Switches to the full-screen mode: UTF-8 locale, raw keys with Esc after 25 ms, no echo, colours if any.
    public func start() throws {
        guard !started else { return }
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        if !Terminal.localeIsUTF8() {
            // Wide characters draw as blanks under a non-UTF-8 locale: ask for C.UTF-8's character handling.
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        Terminal.installSignalHandlers()
        guard meja_terminal_known() != 0 else {
            Terminal.restoreSignalHandlers()
            throw TerminalError.unknownTerminal(environment["TERM"] ?? "")
        }
        guard initscr() != nil else { throw TerminalError.cannotInitialize(environment["TERM"] ?? "") }
        guard meja_can_address_cursor() != 0 else {
            endwin()
            Terminal.restoreSignalHandlers()
            throw TerminalError.cannotAddressCursor(environment["TERM"] ?? "")
        }
        started = true
        Terminal.active = 1
        cbreak()
        noecho()
        nonl()
        intrflush(meja_stdscr(), false)
        keypad(meja_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        Terminal.setBracketedPaste(true)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        depth = ColorDepth.detect(colors: Int(meja_colors()), hasColors: has_colors(), environment: environment)
        shown = nil
    }

    /// Leaves the full-screen mode and gives the terminal back as it was.
    public func stop() {
        guard started else { return }
        curs_set(1)
        Terminal.setBracketedPaste(false)
        endwin()
        started = false
        Terminal.active = 0
        Terminal.restoreSignalHandlers()
    }

    /// The screen's size now.
    public var size: Size {
        guard started else { return Size(width: 80, height: 24) }
        return Size(width: Int(meja_cols()), height: Int(meja_rows()))
    }

    /// Changes the theme; the next `present` redraws everything.
    public func setTheme(_ theme: Theme) {
        self.theme = theme
        styleCache = [:]
        shown = nil
    }

    /// Waits up to `milliseconds` for a key (nil on timeout). After Ctrl-Z and `fg` it reports `.resize` so the
    /// caller redraws.
    /// Rings the terminal's bell (or flashes the screen, as the terminal is set up to).
    public func bell() { _ = beep() }

    public func readKey(timeout milliseconds: Int) -> Key? {
        if Terminal.resumed != 0 {
            Terminal.resumed = 0
            shown = nil
            Terminal.setBracketedPaste(true)
            return .resize
        }
        wtimeout(meja_stdscr(), Int32(milliseconds))
        var ch: wint_t = 0
        let result = wget_wch(meja_stdscr(), &ch)
        if result == ERR {
            // The terminal gone (closed under `su`, which keeps the hangup signal to itself): every read fails at once,
            // and the desk would spin. It ends as on a hangup, its draft saved.
            if Terminal.endRequested == 0, Terminal.inputHungUp() { Terminal.endRequested = SIGHUP }
            return Terminal.resumed != 0 ? readKey(timeout: 0) : nil
        }
        if result == meja_key_code_yes() { return Terminal.key(code: Int32(ch)) }
        if ch == 0x1B {
            // What follows decides: the Escape key, a paste, or a sequence to drop (`EscapeReader`).
            var reader = EscapeReader(next: { patient in
                wtimeout(meja_stdscr(), patient ? 100 : 0)
                var next: wint_t = 0
                let got = wget_wch(meja_stdscr(), &next)
                return got == ERR || got == meja_key_code_yes() ? nil : UInt32(next)
            }, putBack: { _ = unget_wch(wchar_t($0)) })
            return reader.afterEscape()
        }
        return Terminal.key(char: UInt32(ch))
    }

    /// Copies `grid` to the screen: only rows that changed since the last call are redrawn.
    public func present(_ grid: CellGrid) {
        guard started else { return }
        let screen = size
        if shown?.size != grid.size || shown == nil {
            clearok(meja_stdscr(), true)
            werase(meja_stdscr())
            shown = nil
        }
        let rows = min(grid.size.height, screen.height)
        for r in 0..<rows where shown.map({ $0.row(r) != grid.row(r) }) ?? true {
            drawRow(grid, r, width: min(grid.size.width, screen.width))
        }
        if let cursor = grid.cursor {
            curs_set(1)
            wmove(meja_stdscr(), Int32(cursor.row), Int32(cursor.col))
        } else {
            curs_set(0)
            // Hidden, but parked on the selection: screen readers and braille displays follow the cursor.
            if let focus = grid.focus { wmove(meja_stdscr(), Int32(focus.row), Int32(focus.col)) }
        }
        wrefresh(meja_stdscr())
        shown = grid
    }

    /// Runs `body` (an external editor) with the terminal in its normal mode, then takes the screen back.
    public func suspended<T>(_ body: () throws -> T) rethrows -> T {
        guard started else { return try body() }
        def_prog_mode()
        Terminal.setBracketedPaste(false)
        endwin()
        Terminal.active = 0
        defer {
            reset_prog_mode()
            Terminal.setBracketedPaste(true)
            Terminal.active = 1
            shown = nil
            clearok(meja_stdscr(), true)
            wrefresh(meja_stdscr())
        }
        return try body()
    }

    private func drawRow(_ grid: CellGrid, _ r: Int, width: Int) {
        var c = 0
        var run: [wchar_t] = []
        var runStart = 0
        var runStyle = CellStyle.plain
        func flush() {
            guard !run.isEmpty else { return }
            let s = curses(runStyle)
            run.withUnsafeBufferPointer { buf in
                _ = meja_put(Int32(r), Int32(runStart), buf.baseAddress, Int32(buf.count), s.attrs, s.pair)
            }
            run.removeAll(keepingCapacity: true)
        }
        while c < width {
            let cell = grid[r, c]
            if cell.width == 0 { c += 1; continue }
            if cell.width == 1, cell.text.utf8.count == 1, let byte = cell.text.utf8.first {
                if run.isEmpty || runStyle != cell.style { flush(); runStart = c; runStyle = cell.style }
                run.append(wchar_t(byte))
                c += 1
                continue
            }
            flush()
            let s = curses(cell.style)
            if cell.width == 2 {
                // Blank the right half first: a terminal that thinks the cluster is narrower leaves it blank.
                if c + 1 < width {
                    var blank: [wchar_t] = [32]
                    _ = meja_put(Int32(r), Int32(c + 1), &blank, 1, s.attrs, s.pair)
                } else {
                    var blank: [wchar_t] = [32]
                    _ = meja_put(Int32(r), Int32(c), &blank, 1, s.attrs, s.pair)
                    break
                }
            }
            var chars = Terminal.drawable(cell.text, width: cell.width)
            _ = meja_put(Int32(r), Int32(c), &chars, Int32(chars.count), s.attrs, s.pair)
            c += max(1, cell.width)
        }
        flush()
    }

    /// The wide characters to send for a cluster: the whole cluster when the C library measures it as we do;
    /// else its first scalar when that alone fits (a ZWJ family shows its first person, a VS16 heart its text
    /// form, and the blank already drawn to its right keeps the row aligned); else a replacement character.
    private static func drawable(_ text: String, width: Int) -> [wchar_t] {
        let scalars = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        let measured = scalars.reduce(0) { $0 + max(0, Int(wcwidth($1))) }
        if measured == width { return scalars }
        if let first = scalars.first, (1...width).contains(Int(wcwidth(first))) { return [first] }
        return [0xFFFD]
    }

    private func curses(_ style: CellStyle) -> (attrs: UInt32, pair: Int16) {
        if let cached = styleCache[style] { return cached }
        let resolved = theme.resolve(style, depth: depth)
        var attrs = meja_a_normal()
        for a in resolved.attributes {
            switch a {
            case .bold: attrs |= meja_a_bold()
            case .dim: attrs |= meja_a_dim()
            case .reverse: attrs |= meja_a_reverse()
            case .underline: attrs |= meja_a_underline()
            case .italic: attrs |= meja_a_italic()
            }
        }
        var pair: Int16 = 0
        if depth != .none, resolved.foreground != -1 || resolved.background != -1 {
            let key = PairKey(fg: resolved.foreground, bg: resolved.background)
            if let p = pairs[key] {
                pair = p
            } else if pairs.count + 1 < Int(meja_color_pairs()), pairs.count < 32000 {
                pair = Int16(pairs.count + 1)
                init_pair(pair, Int16(resolved.foreground), Int16(resolved.background))
                pairs[key] = pair
            }
        }
        let out = (attrs, pair)
        styleCache[style] = out
        return out
    }

    // MARK: Keys

    private static func key(code: Int32) -> Key? {
        switch code {
        case meja_key_up(): return .up
        case meja_key_down(): return .down
        case meja_key_left(): return .left
        case meja_key_right(): return .right
        case meja_key_home(): return .home
        case meja_key_end(): return .end
        case meja_key_npage(): return .pageDown
        case meja_key_ppage(): return .pageUp
        case meja_key_backspace(): return .backspace
        case meja_key_dc(): return .delete
        case meja_key_ic(): return .insert
        case meja_key_enter(): return .enter
        case meja_key_btab(): return .backTab
        case meja_key_resize(): return .resize
        default:
            for n in 1...12 where code == meja_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    private static func key(char value: UInt32) -> Key? {
        switch value {
        case 0x1B: return .escape
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x7F, 0x08: return .backspace
        case 0x1F: return .ctrl("_")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(value + 0x60)!))
        case 0x00, 0x1C...0x1E, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    // MARK: Locale and signals

    private static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// 1 while the screen is in full-screen mode (read by signal handlers).
    nonisolated(unsafe) static var active: sig_atomic_t = 0
    /// Set by the SIGTSTP handler after the process is continued.
    nonisolated(unsafe) static var resumed: sig_atomic_t = 0
    /// The ending signal (Ctrl-C, SIGTERM, a closed terminal) the run loop is asked to end on, or 0: the loop saves
    /// what is unsaved, the terminal is restored, and then the signal takes its course (`endAsRequested`).
    nonisolated(unsafe) static var endRequested: sig_atomic_t = 0
    /// 1 while a run loop watches `endRequested` (also while `$EDITOR` has the terminal, when `active` is 0).
    nonisolated(unsafe) static var loopRunning: sig_atomic_t = 0

    private static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]
    private static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private static var exitHookInstalled = false

    /// The handlers that were in place before the desk's (the Swift runtime's crash reporter, a caller's),
    /// by signal number: they are put back on the way out, and after a crash the signal goes on to them.
    nonisolated(unsafe) static var previous: [sigaction] = .init(repeating: .init(), count: 65)

    private static func installSignalHandlers() {
        for s in fatalSignals + endingSignals + [SIGTSTP] { sigaction(s, nil, &previous[Int(s)]) }
        for s in fatalSignals { signal(s) { Terminal.restoreAndReraise($0) } }
        // Signals the parent chose to ignore (nohup, a job without job control) stay ignored.
        for s in endingSignals where !isIgnored(s) { signal(s) { Terminal.requestEnd($0) } }
        if !isIgnored(SIGTSTP) { signal(SIGTSTP) { Terminal.suspendSelf($0) } }
        if !exitHookInstalled {
            exitHookInstalled = true
            atexit { if Terminal.active != 0 { Terminal.setBracketedPaste(false); endwin() } }
        }
    }

    private static func isIgnored(_ sig: Int32) -> Bool {
        unsafeBitCast(previous[Int(sig)].__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static func restoreSignalHandlers() {
        for s in fatalSignals + endingSignals + [SIGTSTP] { sigaction(s, &previous[Int(s)], nil) }
    }

    /// An ending signal: the run loop sees it within one input timeout and ends cleanly (a draft being written is
    /// saved). A second one, or one while no loop runs, ends at once.
    nonisolated static func requestEnd(_ sig: Int32) {
        if endRequested != 0 || loopRunning == 0 { restoreAndReraise(sig) } else { endRequested = sig }
    }

    /// Whether standard input (or `descriptor`), the terminal, has hung up or gone (poll says so at once, without waiting).
    nonisolated static func inputHungUp(_ descriptor: Int32 = 0) -> Bool {
        var fd = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) >= 0 else { return false }
        return fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// After the run loop ended on a requested signal and the screen was restored: lets the signal take its course
    /// (the process ends as the signal would have ended it, so the exit status says what happened).
    public static func endAsRequested() {
        let sig = endRequested
        guard sig != 0 else { return }
        restoreSignalHandlers()
        unblock(sig)
        raise(sig)
    }

    /// Restores the terminal, then hands the signal to the handler that was there before (the runtime's crash
    /// report, or the default: the process dies of the signal, so the exit status tells what happened).
    nonisolated static func restoreAndReraise(_ sig: Int32) {
        if active != 0 { setBracketedPaste(false); endwin() }
        active = 0
        sigaction(sig, &previous[Int(sig)], nil)
        unblock(sig)
        raise(sig)
    }

    /// Ctrl-Z: gives the terminal back, stops, and on `fg` asks the run loop to redraw.
    nonisolated static func suspendSelf(_ sig: Int32) {
        let wasActive = active != 0
        if wasActive { setBracketedPaste(false); endwin() }
        signal(SIGTSTP, SIG_DFL)
        unblock(SIGTSTP)
        raise(SIGTSTP)
        // Continued.
        signal(SIGTSTP) { Terminal.suspendSelf($0) }
        if wasActive { resumed = 1 }
    }

    /// Asks the terminal to mark pasted text (`ESC[200~` … `ESC[201~`, read by `EscapeReader`) or to stop. Written
    /// straight to the terminal with `write`, which is safe in a signal handler.
    nonisolated static func setBracketedPaste(_ on: Bool) {
        let sequence: StaticString = on ? "\u{1B}[?2004h" : "\u{1B}[?2004l"
        _ = write(STDOUT_FILENO, sequence.utf8Start, sequence.utf8CodeUnitCount)
    }

    /// Lets `sig` be delivered again inside its own handler (so raising it takes effect at once).
    nonisolated static func unblock(_ sig: Int32) {
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, sig)
        sigprocmask(SIG_UNBLOCK, &mask, nil)
    }
}

/// Why the terminal could not be opened, with what to do about it.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case cannotInitialize(String)
    /// The terminal type cannot move the cursor (TERM=dumb, an editor's shell buffer), so no screen can be drawn.
    case cannotAddressCursor(String)
    /// Terminfo has no entry for the terminal type (a typo, or a terminal from elsewhere over ssh).
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .cannotAddressCursor(let term):
            "this terminal (TERM=\(term)) cannot move the cursor, so the desk cannot draw its screen; run `meja` in a terminal window, or set TERM to your terminal type (e.g. TERM=xterm-256color); `meja list` and `meja show` work anywhere"
        case .unknownTerminal(let term):
            "the terminal type TERM=\(term.isEmpty ? "(unset)" : term) is not known on this machine (no terminfo entry), so the desk cannot draw its screen; set TERM to a known type (e.g. TERM=xterm-256color), or install its entry (Debian: apt-get install ncurses-term); `meja list` and `meja show` work anywhere"
        case .notATerminal:
            "the desk needs a terminal: run `meja` in a terminal window (use `meja list` or `meja show` in scripts)"
        case .cannotInitialize(let term):
            "cannot open the terminal (TERM=\(term.isEmpty ? "unset" : term)); set TERM to your terminal type, e.g. TERM=xterm-256color"
        }
    }
}
