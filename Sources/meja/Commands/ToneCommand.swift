import ArgumentParser
import DeskCore
import Foundation

/// `meja tone [FILE]`
struct ToneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tone", abstract: "The tone verdict for each line of text: language, sentiment, sensitive topics, joking, humour allowed.",
        discussion: prose("""
            Reads FILE, or standard input when no file is given, and prints one verdict per input line, in order
            (`--json`: one JSON object per line with lang, sentiment, sensitive, joking, humor_allowed, reasons).
            humor_allowed is 0 on any sensitive topic, abuse, negative sentiment, a complaint, or in crisis mode;
            2 only when the writer jokes and nothing sensitive is present; 1 otherwise.
            """))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A text file, one text per line.", valueName: "file")) var file: String?
    @Flag(help: "One JSON object per line.") var json = false

    func run() throws {
        try guarded {
            let governor = ToneGovernor(config: try global.loadConfig())
            let data: Data
            if let file {
                guard let d = FileManager.default.contents(atPath: file) else { throw CLIError(message: "\(file): cannot be read (does it exist, and may you read it?)", code: 64) }
                data = d
            } else {
                data = FileHandle.standardInput.readDataToEndOfFile()
            }
            let sink = try OutputSink(path: nil)
            var text = SafeText.decode(data)
            // Lines end in LF or CRLF (one Character in Swift); no input is no lines, not one empty one.
            if text.last?.isNewline == true { text.removeLast() }
            let lines = data.isEmpty ? [] : text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            for line in lines {
                let v = governor.verdict(String(line))
                if json {
                    try sink.write(v.json.text)
                } else {
                    try sink.write("humor \(v.humorAllowed.rawValue)  \(v.lang.rawValue)  sentiment \(String(format: "%+.2f", v.sentiment))  "
                               + (v.sensitive.isEmpty ? "" : "sensitive: \(v.sensitive.joined(separator: ","))  ")
                               + (v.joking ? "joking  " : "") + "— " + v.reasons.joined(separator: "; "))
                }
            }
            try sink.close()
        }
    }
}
