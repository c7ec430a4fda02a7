import Foundation

/// Reads a platform file as the JSON values ("pages") it holds, in order, each with the line it starts on.
///
/// One reader serves every platform importer, since their exports come in the same few wrappings: one JSON
/// document; several documents one after another (pages pasted together, pretty-printed or not); JSON lines
/// (twarc2, `jq -c`); and a script assignment such as X's `window.YTD.tweets.part0 = [ ... ]`. Objects carry
/// the line where they start (`JSONValue.sourceLine`), so problems can be reported as `FILE:LINE`.
///
/// A page that is not valid JSON is reported on its own line and reading goes on at the next line that starts
/// with `{` or `[`: one broken page never loses the others.
struct PlatformPages {
    /// One value of the file, or why the text at a line is not JSON.
    enum Page {
        case value(JSONValue, line: Int)
        case invalid(line: Int, message: String)
    }

    /// Calls `body` for each page of `data`; `firstLine` is the line `data` starts on (when it is part of a file).
    static func read(_ data: Data, firstLine: Int = 1, _ body: (Page) -> Void) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.replaceSubrange(0..<3, with: [0x20, 0x20, 0x20]) }
        var parser = JSONParser(bytes, recordLines: true, line: firstLine)
        if let start = scriptValueStart(bytes) { parser.advance(to: start) }
        while true {
            parser.skipSpace()
            let (startOffset, startLine) = (parser.offset, parser.line)
            let next: (value: JSONValue, line: Int)?
            do {
                next = try parser.nextValue()
            } catch {
                let message = (error as? JSONParser.Failure)?.message ?? "\(error)"
                // Reported where the broken value starts, the element a reader looks for.
                let at = parser.line == startLine ? "" : " on line \(parser.line); the value starting here was skipped"
                body(.invalid(line: startLine, message: "not valid JSON: \(message)\(at)"))
                // Go on at the next page after the start of the broken one (a value cut short runs into the next).
                parser.rewind(to: startOffset, line: startLine)
                guard parser.skipToNextValueLine() else { return }
                continue
            }
            guard let (value, line) = next else { return }
            body(.value(value, line: line))
            _ = parser.skipByte(UInt8(ascii: ";"))
            _ = parser.skipByte(UInt8(ascii: ","))
        }
    }

    /// `data` cut in up to `parts` pieces at the starts of lines that begin with `{` or `[` (where the pages of
    /// JSON lines or of pretty-printed pages pasted together begin), with the line each piece starts on. Whether a
    /// cut really fell between pages shows when the pieces are read: a piece that is not whole JSON fails.
    static func pieces(_ data: Data, parts: Int) -> [(range: Range<Int>, firstLine: Int)] {
        guard parts > 1 else { return [(0..<data.count, 1)] }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            var out: [(Range<Int>, Int)] = []
            var start = 0
            var line = 1
            var counted = 0
            for k in 1..<parts {
                var cut = max(start, b.count * k / parts)
                while cut + 1 < b.count, !(b[cut] == 0x0A && (b[cut + 1] == UInt8(ascii: "{") || b[cut + 1] == UInt8(ascii: "["))) { cut += 1 }
                guard cut + 1 < b.count else { break }
                let end = cut + 1
                out.append((start..<end, line))
                while counted < end {
                    if b[counted] == 0x0A { line += 1 }
                    counted += 1
                }
                start = end
            }
            out.append((start..<b.count, line))
            return out
        }
    }

    /// Where the value of `window.YTD.<name>.partN = ` (or any `identifier = ` script prefix) begins, if the
    /// file starts with such an assignment.
    static func scriptValueStart(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count, isIdentifierStart(bytes[i]) else { return nil }
        while i < bytes.count, isIdentifierStart(bytes[i]) || bytes[i] == UInt8(ascii: ".") || (0x30...0x39).contains(bytes[i]) { i += 1 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { return nil }
        return i + 1
    }

    /// The script prefix's name (`window.YTD.tweets.part0`), if the text starts with an assignment.
    static func scriptName(_ sample: String) -> String? {
        let bytes = Array(sample.utf8.prefix(200))
        guard let end = scriptValueStart(bytes) else { return nil }
        return String(decoding: bytes[0..<(end - 1)], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isIdentifierStart(_ c: UInt8) -> Bool {
        (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "$")
    }
}

extension JSONValue {
    /// The line an object starts on in its file, when it was read by `PlatformPages`.
    var sourceLine: Int? {
        guard case .object(let o) = self, case .int(let l)? = o[JSONParser.lineKey] else { return nil }
        return Int(l)
    }
}
