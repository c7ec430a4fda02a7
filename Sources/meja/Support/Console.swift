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

    /// Prints a JSON array with one compact element per line.
    static func jsonLines(_ values: [JSONValue]) {
        if values.isEmpty { out("[]"); return }
        var text = "[\n"
        for (i, v) in values.enumerated() {
            text += "  " + v.text + (i < values.count - 1 ? ",\n" : "\n")
        }
        text += "]"
        out(text)
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
