/// Truncation and wrapping by display columns, never splitting a grapheme cluster.
public enum TextLayout {
    /// The longest prefix of `text` that fits in `columns`, ending in `ellipsis` when anything was cut.
    public static func truncate(_ text: String, to columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        if text.utf8.count <= columns, text.allSatisfy({ $0.isASCII && $0 != "\n" }) { return text }
        let total = DisplayWidth.of(text)
        if total <= columns { return text }
        let room = columns - DisplayWidth.of(ellipsis)
        guard room >= 0 else { return "" }
        var used = 0
        var out = ""
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > room { break }
            out.append(c)
            used += w
        }
        return out + ellipsis
    }

    /// `text` padded with spaces (or truncated) to exactly `columns`.
    public static func fit(_ text: String, to columns: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: columns)
        let pad = String(repeating: " ", count: max(0, columns - DisplayWidth.of(cut)))
        return alignRight ? pad + cut : cut + pad
    }

    /// Lines of at most `width` columns: breaks at spaces where it can, inside a word only when the word
    /// alone is wider than a line. Existing line breaks are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let w = DisplayWidth.of(String(word))
                let gap = line.isEmpty ? 0 : 1
                if lineWidth + gap + w <= width {
                    if gap == 1 { line += " " }
                    line += word
                    lineWidth += gap + w
                    continue
                }
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if w <= width {
                    line = String(word)
                    lineWidth = w
                    continue
                }
                for c in word {
                    let cw = DisplayWidth.of(c)
                    if lineWidth + cw > width {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(c)
                    lineWidth += cw
                }
            }
            lines.append(line)
        }
        return lines
    }
}
