import Foundation

/// Help text written as paragraphs in the source: the lines of each paragraph joined into one, so that the
/// argument parser wraps it to the terminal's width instead of keeping the source's line breaks (which read
/// ragged on an 80-column terminal). Blank lines separate paragraphs; a line starting with two spaces or `-`
/// keeps its own line (examples, lists).
func prose(_ text: String) -> String {
    var paragraphs: [String] = []
    var current = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.trimmingCharacters(in: .whitespaces).isEmpty {
            if !current.isEmpty { paragraphs.append(current) }
            current = ""
        } else if current.isEmpty || line.hasPrefix("  ") || line.hasPrefix("-") {
            current += (current.isEmpty ? "" : "\n") + line
        } else {
            current += " " + line
        }
    }
    if !current.isEmpty { paragraphs.append(current) }
    return paragraphs.joined(separator: "\n\n")
}
