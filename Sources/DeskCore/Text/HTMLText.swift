/// Turns the HTML that platforms send (Mastodon's `content`, YouTube's `textDisplay`) into the plain text the
/// citizen wrote, and decodes HTML character references wherever a platform escapes text (X's `&amp;`).
///
/// Nothing the reader sees is lost: paragraphs become blank lines, `<br>` a line break, list items lines, links
/// their visible text (mentions `@user`, hashtags `#tag`), and a link whose text is abbreviated — Mastodon's
/// `invisible`/`ellipsis` spans, or text ending in `…` — becomes its full address. Markup is dropped, runs of
/// white space collapse as a browser shows them (except inside `<pre>`), and the contents of `<script>` and
/// `<style>` are not text.
public enum HTMLText {
    /// The plain text of an HTML fragment.
    public static func plainText(_ html: String) -> String {
        if !html.utf8.contains(UInt8(ascii: "<")), !html.utf8.contains(UInt8(ascii: "&")) {
            return collapsingSpace(html)
        }
        var w = Writer()
        let s = Array(html.unicodeScalars)
        var i = 0
        var links: [Link] = []
        var preDepth = 0
        while i < s.count {
            let c = s[i]
            if c == "<", let tag = Tag.parse(s, at: i) {
                i = tag.end
                switch tag.name {
                case "br": w.lineBreak()
                case "p", "div", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "section", "article":
                    if tag.name == "pre" { preDepth = max(0, preDepth + (tag.closing ? -1 : 1)) }
                    w.paragraph()
                case "li", "tr":
                    if !tag.closing {
                        w.newline()
                        if tag.name == "li" { w.append("- ") }
                    }
                case "a":
                    if tag.closing {
                        if let link = links.popLast() { w.finish(link) }
                    } else {
                        w.flushPending()
                        links.append(Link(href: tag.attribute("href") ?? "", start: w.out.count))
                    }
                case "span":
                    if !tag.closing, !links.isEmpty {
                        let classes = (tag.attribute("class") ?? "").split(separator: " ")
                        if classes.contains("invisible") || classes.contains("ellipsis") { links[links.count - 1].abbreviated = true }
                    }
                case "script", "style":
                    if !tag.closing, !tag.selfClosing { i = skipElement(tag.name, s, from: i) }
                default: break
                }
                continue
            }
            if c == "&", let (decoded, next) = entity(s, at: i) {
                w.text(decoded, pre: preDepth > 0)
                i = next
                continue
            }
            w.text(String(c), pre: preDepth > 0)
            i += 1
        }
        while let link = links.popLast() { w.finish(link) }
        return w.result
    }

    /// `text` with HTML character references decoded (`&amp;` `&lt;` `&#39;` `&#x1F600;` and the common named
    /// ones); everything else, including an `&` that starts no reference, is kept as it is.
    public static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                if b[i] == UInt8(ascii: "&"), let (decoded, next) = entity(b, at: i) {
                    out += decoded.utf8
                    i = next
                } else {
                    out.append(b[i])
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Pieces

    private struct Link {
        var href: String
        var start: Int
        var abbreviated = false
    }

    /// Builds the text: white space collapsed, breaks held back until text follows them.
    private struct Writer {
        var out: [Unicode.Scalar] = []
        var pendingSpace = false
        /// Line breaks wanted before the next text: 1 a new line, 2 a blank line.
        var pendingBreaks = 0

        var result: String {
            var end = out.count
            while end > 0, out[end - 1] == " " || out[end - 1] == "\n" { end -= 1 }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: out[0..<end])
            return String(v)
        }

        mutating func paragraph() { pendingBreaks = max(pendingBreaks, 2) }
        mutating func newline() { pendingBreaks = max(pendingBreaks, 1) }

        mutating func lineBreak() {
            guard !out.isEmpty else { return }
            flushBreaks()
            pendingSpace = false
            while out.last == " " { out.removeLast() }
            out.append("\n")
        }

        mutating func flushBreaks() {
            guard pendingBreaks > 0 else { return }
            defer { pendingBreaks = 0 }
            guard !out.isEmpty else { return }
            while out.last == " " { out.removeLast() }
            var have = 0
            var k = out.count - 1
            while k >= 0, out[k] == "\n", have < 2 { have += 1; k -= 1 }
            for _ in have..<max(have, pendingBreaks) { out.append("\n") }
            pendingSpace = false
        }

        mutating func flushPending() {
            flushBreaks()
            if pendingSpace, let last = out.last, last != "\n", last != " " { out.append(" ") }
            pendingSpace = false
        }

        mutating func append(_ text: String) {
            flushPending()
            out.append(contentsOf: text.unicodeScalars)
        }

        mutating func text(_ text: String, pre: Bool) {
            for u in text.unicodeScalars {
                if pre {
                    flushBreaks()
                    out.append(u == "\r" ? "\n" : u)
                } else if u == " " || u == "\n" || u == "\t" || u == "\r" || u == "\u{0C}" {
                    if !out.isEmpty { pendingSpace = true }
                } else {
                    flushPending()
                    out.append(u == "\u{A0}" ? " " : u)
                }
            }
        }

        mutating func finish(_ link: Link) {
            guard !link.href.isEmpty, link.start <= out.count else { return }
            let visible = String(String.UnicodeScalarView(out[link.start...]))
            let looksCut = visible.hasSuffix("…") || visible.hasSuffix("...")
            guard link.abbreviated || looksCut, link.href.hasPrefix("http") else { return }
            out.removeSubrange(link.start...)
            out.append(contentsOf: link.href.unicodeScalars)
        }
    }

    /// One tag: its lower-cased name, whether it closes, and its raw attribute text.
    private struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [Unicode.Scalar]
        var end: Int

        static func parse(_ s: [Unicode.Scalar], at start: Int) -> Tag? {
            var i = start + 1
            guard i < s.count else { return nil }
            if s[i] == "!" || s[i] == "?" {
                // Comment, doctype or processing instruction: skip to its end.
                if i + 2 < s.count, s[i + 1] == "-", s[i + 2] == "-" {
                    var k = i + 3
                    while k + 2 < s.count, !(s[k] == "-" && s[k + 1] == "-" && s[k + 2] == ">") { k += 1 }
                    return Tag(name: "!", closing: false, selfClosing: true, attributes: [], end: min(s.count, k + 3))
                }
                guard let gt = s[i...].firstIndex(of: ">") else { return nil }
                return Tag(name: "!", closing: false, selfClosing: true, attributes: [], end: gt + 1)
            }
            var closing = false
            if s[i] == "/" { closing = true; i += 1 }
            var name = ""
            while i < s.count, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) {
                name.unicodeScalars.append(s[i])
                i += 1
            }
            guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return nil }
            // Find the closing `>` outside quoted attribute values.
            var quote: Unicode.Scalar?
            let attrStart = i
            while i < s.count {
                let c = s[i]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == ">" {
                    break
                } else if c == "<" {
                    return nil
                }
                i += 1
            }
            guard i < s.count else { return nil }
            let attrs = Array(s[attrStart..<i])
            return Tag(name: name.lowercased(), closing: closing, selfClosing: attrs.last == "/", attributes: attrs, end: i + 1)
        }

        /// The value of an attribute, entities decoded.
        func attribute(_ wanted: String) -> String? {
            var i = 0
            let a = attributes
            while i < a.count {
                while i < a.count, a[i] == " " || a[i] == "\n" || a[i] == "\t" || a[i] == "/" { i += 1 }
                var name = ""
                while i < a.count, a[i] != "=", a[i] != " ", a[i] != ">", a[i] != "/" {
                    name.unicodeScalars.append(a[i])
                    i += 1
                }
                guard !name.isEmpty else { i += 1; continue }
                while i < a.count, a[i] == " " { i += 1 }
                var value = ""
                if i < a.count, a[i] == "=" {
                    i += 1
                    while i < a.count, a[i] == " " { i += 1 }
                    if i < a.count, a[i] == "\"" || a[i] == "'" {
                        let q = a[i]
                        i += 1
                        while i < a.count, a[i] != q { value.unicodeScalars.append(a[i]); i += 1 }
                        i += 1
                    } else {
                        while i < a.count, a[i] != " " { value.unicodeScalars.append(a[i]); i += 1 }
                    }
                }
                if name.lowercased() == wanted { return HTMLText.decodeEntities(value) }
            }
            return nil
        }
    }

    private static func skipElement(_ name: String, _ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count {
            if s[i] == "<", i + 1 < s.count, s[i + 1] == "/", let tag = Tag.parse(s, at: i), tag.name == name { return tag.end }
            i += 1
        }
        return s.count
    }

    private static func collapsingSpace(_ text: String) -> String {
        var w = Writer()
        w.text(text, pre: false)
        return w.result
    }

    /// The character reference starting at `s[start]` (`&`), decoded, and the index after it.
    private static func entity(_ s: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        entity(count: s.count, at: start) { s[$0].value }
    }

    /// The same over UTF-8 bytes (references are ASCII, so bytes and scalars read them alike).
    private static func entity(_ s: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int)? {
        entity(count: s.count, at: start) { UInt32(s[$0]) }
    }

    /// A character reference read through `code`, the code point at each index of a text of `count`.
    private static func entity(count: Int, at start: Int, _ code: (Int) -> UInt32) -> (String, Int)? {
        var i = start + 1
        guard i < count else { return nil }
        if code(i) == 0x23 { // #
            i += 1
            var hex = false
            if i < count, code(i) == 0x78 || code(i) == 0x58 { hex = true; i += 1 }
            var value: UInt32 = 0
            var digits = 0
            while i < count, digits < 8 {
                let c = code(i)
                let d: UInt32
                switch c {
                case 0x30...0x39: d = c - 0x30
                case 0x61...0x66 where hex: d = c - 87
                case 0x41...0x46 where hex: d = c - 55
                default: d = 99
                }
                if d == 99 { break }
                value = value * (hex ? 16 : 10) + d
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            if i < count, code(i) == 0x3B { i += 1 }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (String(Character(scalar ?? "\u{FFFD}")), i)
        }
        var name = String.UnicodeScalarView()
        while i < count, name.count < 10 {
            let c = code(i)
            guard (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) else { break }
            name.append(Unicode.Scalar(UInt8(c)))
            i += 1
        }
        guard i < count, code(i) == 0x3B, let decoded = named[String(name)] else { return nil }
        return (decoded, i + 1)
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "hellip": "…", "mdash": "—",
        "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„", "laquo": "«",
        "raquo": "»", "middot": "·", "bull": "•", "copy": "©", "reg": "®", "trade": "™", "euro": "€", "pound": "£",
        "yen": "¥", "cent": "¢", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷", "para": "¶", "sect": "§",
        "zwj": "\u{200D}", "zwnj": "\u{200C}", "shy": "\u{AD}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
        "lrm": "\u{200E}", "rlm": "\u{200F}", "iexcl": "¡", "iquest": "¿", "eacute": "é", "egrave": "è", "aacute": "á",
        "agrave": "à", "oacute": "ó", "uacute": "ú", "iacute": "í", "ntilde": "ñ", "uuml": "ü", "ouml": "ö", "auml": "ä",
        "ccedil": "ç", "szlig": "ß", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "hearts": "♥", "check": "✓",
    ]
}
