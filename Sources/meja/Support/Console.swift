import DeskCore
import Foundation

/// Writing to the terminal: standard output for results, standard error for messages and progress.
///
/// This is the one place where the command line meets the terminal, and where whatever came from outside is made
/// inert on its way there. Everything written to standard error (messages quoting a file's values or name, an
/// argument, a setting) and everything written to standard output while it is a terminal goes through `SafeText`:
/// escape sequences, controls, bidi overrides and invisible format characters are shown as visible marks or dropped,
/// tabs and line breaks are kept, so no file or argument can retitle the window, write the clipboard or clear the
/// screen. Standard output that is piped or redirected (JSON, log exports) is written byte for byte: a file keeps what
/// the data holds, and whoever shows it answers for it. Reports are for people: their labels are made inert when the
/// report is built, whatever it is written to.
enum Console {
    /// Where a text goes.
    enum Stream {
        /// Standard output: results.
        case output
        /// Standard error: messages and progress.
        case error
    }

    /// Prints a line of results on standard output.
    static func out(_ text: String) {
        write(text + "\n", to: .output)
    }

    /// Prints a message line on standard error.
    static func warn(_ text: String) {
        write(text + "\n", to: .error)
    }

    /// Writes `text` as it is to `stream`, made inert when it reaches a terminal there (always, for standard error).
    static func write(_ text: String, to stream: Stream) {
        switch stream {
        case .output:
            do {
                try FileHandle.standardOutput.write(contentsOf: Data((stdoutIsTerminal ? inert(text) : text).utf8))
            } catch {
                // A full disk or a failing device behind a redirection: said, not a crash (a closed pipe ends the
                // process by its signal, as it does any command).
                try? FileHandle.standardError.write(contentsOf: Data("meja: cannot write to standard output: \(describe(ioError: error))\n".utf8))
                exit(1)
            }
        case .error: try? FileHandle.standardError.write(contentsOf: Data(inert(text).utf8))
        }
    }

    /// An I/O error in words ("No space left on device").
    static func describe(ioError error: Error) -> String {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }

    /// `text` made safe to show on a terminal (`SafeText.sanitize`, with no length limit), its tabs and line breaks kept.
    static func inert(_ text: String) -> String {
        text.split(separator: "\t", omittingEmptySubsequences: false)
            .map { SafeText.sanitize(String($0), lines: .keep, limit: .max) }
            .joined(separator: "\t")
    }

    /// Whether standard output is a terminal (what is written there is then made inert).
    static let stdoutIsTerminal = isatty(1) != 0

    /// Whether standard error is a terminal (progress bars are drawn only then).
    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// The width of the terminal on standard output, else `COLUMNS`, else 100.
    static var width: Int {
        var size = winsize()
        if isatty(1) != 0, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 20 { return c }
        return 100
    }

    /// Prints a JSON array with one compact element per line, written as it goes (a long listing is neither held
    /// whole in memory nor kept back until its end), a thousand lines a write.
    static func jsonLines<Values: Sequence<JSONValue>>(_ values: Values) {
        var lines = JSONLines()
        for v in values { lines.add(v) }
        lines.finish()
    }

    /// The JSON array of `jsonLines`, written as its elements come: for a listing read one element at a time.
    struct JSONLines {
        private var text = ""
        private var count = 0

        /// Adds the next element.
        mutating func add(_ value: JSONValue) {
            text += (count == 0 ? "[\n  " : ",\n  ") + value.text
            count += 1
            if count % 1_000 == 0 {
                write(text, to: .output)
                text = ""
            }
        }

        /// Closes the array (`[]` when nothing was added).
        func finish() { out(count == 0 ? "[]" : text + "\n]") }
    }
}

/// A progress bar on standard error, drawn only when it is a terminal. Its label (a file's name, say) is made inert
/// and cut to fit one line; the carriage return and line erase that redraw the bar are its own.
final class ProgressBar {
    private let label: String
    private var lastDrawn = -1
    private let enabled: Bool

    init(_ label: String, enabled: Bool = Console.stderrIsTerminal) {
        self.label = SafeText.sanitize(label, limit: 60)
        self.enabled = enabled
    }

    func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        let percent = min(100, done * 100 / total)
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        try? FileHandle.standardError.write(contentsOf: Data("\r\(label) \(bar) \(percent)%".utf8))
    }

    /// Shows a line of progress where no total is known ahead (a count so far).
    func note(_ detail: String) {
        guard enabled else { return }
        lastDrawn = 0
        try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K\(label): \(SafeText.sanitize(detail, limit: 80))".utf8))
    }

    func finish() {
        guard enabled, lastDrawn >= 0 else { return }
        try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K".utf8))
    }
}
