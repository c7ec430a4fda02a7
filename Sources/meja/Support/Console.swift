import DeskCore
import Foundation

/// Writing to the terminal: standard output for results, standard error for messages and progress.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

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
    static func jsonLines<Values: Collection<JSONValue>>(_ values: Values) {
        if values.isEmpty { out("[]"); return }
        var text = "[\n"
        var left = values.count
        for v in values {
            left -= 1
            text += "  " + v.text + (left > 0 ? ",\n" : "\n")
            if left % 1_000 == 0, left > 0 {
                FileHandle.standardOutput.write(Data(text.utf8))
                text = ""
            }
        }
        out(text + "]")
    }
}

/// A progress bar on standard error, drawn only when it is a terminal.
final class ProgressBar {
    private let label: String
    private var lastDrawn = -1
    private let enabled: Bool

    init(_ label: String, enabled: Bool = Console.stderrIsTerminal) {
        self.label = label
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
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)%".utf8))
    }

    func finish() {
        guard enabled, lastDrawn >= 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
