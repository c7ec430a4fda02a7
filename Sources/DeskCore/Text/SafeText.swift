/// Makes text from the outside world safe to draw on a terminal.
///
/// Comments can carry anything: escape sequences that retitle the window or clear the screen, bidi overrides
/// that make text read backwards, stray controls, invalid UTF-8 and lines of megabytes. `SafeText` turns any of
/// it into inert, visible text. The stored original is never changed; this is applied at the moment of display.
///
/// - Escape sequences (ESC, CSI, OSC, DCS, SOS, PM, APC, and their 8-bit C1 forms) are removed whole and shown
///   as one `␛`.
/// - Other C0 and C1 controls become their visible Control Pictures (`␇`, `␈`, …) or `�`.
/// - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks U+200E, U+200F and
///   U+061C are dropped, so text always reads in its stored order.
/// - Invisible format characters (`isInvisibleFormat`: zero-width space, word joiner, a byte-order mark inside text,
///   …) are dropped, so `@disko\u{200B}minfo` shows as the `@diskominfo` it would be mistaken for. The joiners
///   U+200C and U+200D are kept where they join something (`joins(after:)`: an emoji sequence such as 👨‍👩‍👧, or
///   letters of a script that needs them, such as Arabic or Devanagari) and dropped elsewhere.
/// - More than `maxMarks` combining marks on one character are dropped ("zalgo" text).
public enum SafeText {
    /// How line breaks are treated.
    public enum Lines: Sendable {
        /// Line breaks are kept as `\n` (for wrapped, multi-line views).
        case keep
        /// Line breaks become a visible `⏎` between spaces-free words, for one-line excerpts.
        case fold
    }

    /// The placeholder for a removed escape sequence.
    public static let escapeMark: Character = "␛"

    /// Combining marks kept per character at most.
    public static let maxMarks = 4

    /// Characters of an outside value that a message quotes at most (`forMessage`).
    public static let messageQuoteLimit = 60

    /// A value from outside (a field of an import file, a setting, an API's error text) as a message quotes it:
    /// inert (`sanitize`, line breaks folded) and cut to `limit` characters with `…`, so that a megabyte-long field
    /// still makes a one-line message that says what to fix.
    public static func forMessage(_ value: some StringProtocol, limit: Int = messageQuoteLimit) -> String {
        sanitize(String(value), lines: .fold, limit: limit)
    }

    /// Decodes bytes as UTF-8, replacing every invalid sequence with U+FFFD.
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self)
    }

    /// How many characters of a text are drawn by default; past it the text ends in "…".
    public static let drawLimit = 20_000

    /// The text made safe to draw. `limit` caps the number of characters produced (huge lines).
    public static func sanitize(_ text: String, lines: Lines = .fold, limit: Int = drawLimit) -> String {
        if isPlainFast(text, lines: lines), text.utf8.count <= limit { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var produced = 0
        var marks = 0
        var pending: Unicode.Scalar? = nil

        func emit(_ s: Unicode.Scalar) {
            out.append(s)
            produced += 1
        }

        while produced < limit {
            let next: Unicode.Scalar
            if let p = pending { next = p; pending = nil } else if let s = scalars.next() { next = s } else { break }
            let v = next.value
            if let after = skipSequence(startingWith: next, &scalars) {
                pending = after
                emit(Unicode.Scalar(UInt32(0x241B))!)
                marks = 0
                continue
            }
            switch v {
            case 0x0A, 0x0D, 0x2028, 0x2029:
                // CRLF is one line break; a lone CR (old Mac text) is a line break of its own, never a cursor move.
                if v == 0x0D {
                    let after = scalars.next()
                    if after?.value != 0x0A { pending = after }
                }
                if case .keep = lines { emit("\n") } else { emit(" "); emit("⏎"); emit(" ") }
                marks = 0
            case 0x09:
                emit(" ")
                marks = 0
            case 0x00..<0x20:
                emit(Unicode.Scalar(0x2400 + v)!)
                marks = 0
            case 0x7F:
                emit("␡")
                marks = 0
            case 0x80..<0xA0:
                emit("�")
                marks = 0
            case 0x200C, 0x200D:
                if joins(after: out.last) { emit(next) }
            case _ where isDropped(next):
                continue
            default:
                if next.properties.generalCategory == .nonspacingMark || next.properties.generalCategory == .enclosingMark {
                    marks += 1
                    if marks > maxMarks { continue }
                } else {
                    marks = 0
                }
                emit(next)
            }
        }
        if produced >= limit, pending != nil || scalars.next() != nil { out.append("…") }
        return String(out)
    }

    /// Whether `s` has no place in a reply: a C0 control other than line feed, tab and carriage return, DEL, a C1
    /// control (ESC and its sequences among them), a bidi embedding, override or isolate (U+202A–U+202E,
    /// U+2066–U+2069), or an invisible format character (`isInvisibleFormat`), which would garble or disguise the
    /// reply where it is posted.
    public static func isHiddenControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x09, 0x0D: return false
        case 0x00..<0x20, 0x7F..<0xA0: return true
        default: return isBidiOverride(s) || isInvisibleFormat(s)
        }
    }

    /// Whether `s` is a bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
    private static func isBidiOverride(_ s: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
    }

    /// Whether `s` is a format character that shows nothing and joins nothing: the zero-width space (U+200B), the word
    /// joiner and invisible operators (U+2060–U+2064), the deprecated format controls (U+206A–U+206F), a byte-order
    /// mark (U+FEFF; at the start of a file the readers have taken it off already), the Mongolian vowel separator
    /// (U+180E) and the soft hyphen (U+00AD). In a name or a handle they make a look-alike of another.
    public static func isInvisibleFormat(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200B, 0x2060...0x2064, 0x206A...0x206F, 0xFEFF, 0x180E, 0x00AD: return true
        default: return false
        }
    }

    /// Whether `s` is dropped from text shown: a bidi control (embedding, override, isolate or mark) or an invisible
    /// format character.
    private static func isDropped(_ s: Unicode.Scalar) -> Bool {
        isBidiOverride(s) || s.value == 0x200E || s.value == 0x200F || s.value == 0x061C || isInvisibleFormat(s)
    }

    /// Whether a zero-width joiner or non-joiner after `previous` joins something: it follows an emoji (or the emoji
    /// presentation selector U+FE0F) in a sequence such as 👨‍👩‍👧, or a letter or mark of a script beyond Latin, where
    /// it shapes the letters. After Latin letters, digits and punctuation it only hides in a name, and is dropped.
    static func joins(after previous: Unicode.Scalar?) -> Bool {
        guard let previous, previous.value > 0x2FF else { return false }
        let p = previous.properties
        return p.isEmoji || previous.value == 0xFE0F || p.isAlphabetic || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    /// A value from outside (a citizen's name, a value staff typed) as a reply may carry it: hidden controls dropped
    /// (`isHiddenControl`), with the rest of an escape sequence; line breaks and tabs as spaces; `{` and `}` as
    /// `(` and `)`, so that the value never reads as a template variable.
    public static func replyValue(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: { isHiddenControl($0) || $0 == "{" || $0 == "}" || $0.value < 0x20 }) { return text }
        var out = String.UnicodeScalarView()
        forEachOutsideSequences(text) { next in
            switch next.value {
            case 0x0A, 0x09, 0x0D: if out.last != " " { out.append(" ") }
            case 0x7B: out.append("(")
            case 0x7D: out.append(")")
            default: if !isHiddenControl(next) { out.append(next) }
            }
        }
        return String(out)
    }

    /// Text from outside the keyboard (a paste, the external editor's file) as an editor takes it: escape sequences
    /// removed whole and other C0 and C1 controls dropped — words, not commands to a terminal; CRLF and a lone CR as a
    /// line break, a tab as four spaces. With `.keep` (the composer) invisible format characters and bidi controls stay,
    /// for the reply linter to name; with `.fold` (a one-line field: a search, a reason) line breaks become spaces and
    /// those go as the display drops them (a zero-width space would split a word searched for, a direction override
    /// would reach the log unseen; a joiner stays where it joins).
    public static func editable(_ text: String, lines: Lines) -> String {
        let oneLine = if case .fold = lines { true } else { false }
        var out = String.UnicodeScalarView()
        var afterCR = false
        forEachOutsideSequences(text) { next in
            defer { afterCR = next.value == 0x0D }
            switch next.value {
            case 0x0A where afterCR: break   // CRLF is one line break
            case 0x0D, 0x0A: out.append(oneLine ? " " : "\n")
            case 0x09: out.append(contentsOf: "    ".unicodeScalars)
            case 0x00..<0x20, 0x7F..<0xA0: break
            case 0x200C...0x200D where oneLine: if joins(after: out.last) { out.append(next) }
            case _ where oneLine && isDropped(next): break
            default: out.append(next)
            }
        }
        return String(out)
    }

    /// Calls `body` with each scalar of `text` that no escape sequence holds: a sequence (`skipSequence`) is skipped
    /// whole, and the scalar read past its end comes next.
    private static func forEachOutsideSequences(_ text: String, _ body: (Unicode.Scalar) -> Void) {
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while true {
            let next: Unicode.Scalar
            if let p = pending { next = p; pending = nil } else if let s = scalars.next() { next = s } else { return }
            if let after = skipSequence(startingWith: next, &scalars) {
                pending = after
                continue
            }
            body(next)
        }
    }

    /// True when every scalar is printable and harmless, so the text can be returned as it is.
    private static func isPlainFast(_ text: String, lines: Lines) -> Bool {
        var marks = 0
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x20 {
                if v == 0x0A, case .keep = lines { marks = 0; continue }
                return false
            }
            if v < 0x7F { marks = 0; continue }
            if v < 0xA0 { return false }
            if v == 0x2028 || v == 0x2029 || v == 0x200C || v == 0x200D || isDropped(s) { return false }
            let cat = s.properties.generalCategory
            if cat == .nonspacingMark || cat == .enclosingMark {
                marks += 1
                if marks > maxMarks { return false }
            } else {
                marks = 0
            }
        }
        return true
    }

    /// When `first` starts an escape sequence (ESC, or the 8-bit CSI, OSC, DCS, SOS, PM, APC), consumes the rest of it
    /// and returns `.some` of the scalar read past it, if any; nil when `first` starts no sequence.
    private static func skipSequence(startingWith first: Unicode.Scalar,
                                     _ it: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar?? {
        switch first.value {
        case 0x1B: return .some(skipEscape(&it))
        case 0x9B: return .some(skipCSI(&it))
        case 0x9D, 0x90, 0x98, 0x9E, 0x9F: return .some(skipString(&it))
        default: return nil
        }
    }

    /// Consumes the rest of a sequence that began with ESC; returns a scalar read past it, if any.
    private static func skipEscape(_ it: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        guard let s = it.next() else { return nil }
        switch s.value {
        case 0x5B: return skipCSI(&it)                        // ESC [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: return skipString(&it) // ESC ] P X ^ _
        case 0x20...0x2F:
            // ESC with intermediates (e.g. ESC ( B): up to and including a final byte.
            while let t = it.next() {
                if (0x30...0x7E).contains(t.value) { return nil }
                if !(0x20...0x2F).contains(t.value) { return t }
            }
            return nil
        case 0x30...0x7E: return nil                           // two-character sequence: ESC c, ESC 7 …
        default: return s                                      // ESC followed by text: keep the text
        }
    }

    /// Consumes a CSI body: parameters and intermediates, then one final byte.
    private static func skipCSI(_ it: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        var count = 0
        while let t = it.next() {
            count += 1
            if (0x40...0x7E).contains(t.value) { return nil }
            if !(0x20...0x3F).contains(t.value) || count > 256 { return t }
        }
        return nil
    }

    /// Consumes a control string (OSC, DCS, …) up to BEL, ST (ESC \) or 8-bit ST; unterminated ones eat the rest.
    private static func skipString(_ it: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        var sawEscape = false
        while let t = it.next() {
            if t.value == 0x07 || t.value == 0x9C { return nil }
            if sawEscape { return nil } // ST (ESC \), or ESC starting anew: the string ends here
            if t.value == 0x1B { sawEscape = true }
        }
        return nil
    }
}
