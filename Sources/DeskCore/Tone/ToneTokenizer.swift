/// Splits a comment into normalised words, emoji and emoticons for the tone governor.
///
/// The steps (mirrored exactly by `scripts/train_tone_weights.py`, which learns weights over the same tokens):
/// 1. lower-case, zero-width characters and soft hyphens dropped; `[USERNAME]`/`[URL]` placeholders and `http(s)://…`/`www.…` links are dropped;
/// 2. words are runs of letters and digits (an apostrophe inside a word is dropped: "don't" → "dont"); each
///    emoji is a token; emoticons such as `:)`, `:(`, `:'(`, `-_-` are tokens when not glued to a word;
/// 3. in each word, runs of three or more equal characters collapse to one ("bagusss" → "bagus"), a trailing
///    reduplication `2` goes ("anak2" → "anak"), laughter folds to `haha` ("wkwkwk", "hahaha", "awokawok"),
///    and slang is replaced by its standard form ("gak" → "tidak", "bgt" → "banget");
/// 4. the word right after a negator ("tidak", "belum", "not" …) is marked as negated.
public struct ToneTokenizer: Sendable {
    /// One normalised token.
    public struct Token: Hashable, Sendable {
        /// The normalised word, emoji or emoticon.
        public var text: String
        /// True when the token directly follows a negator ("tidak **bagus**").
        public var negated: Bool
        /// True for words (letters and digits), false for emoji and emoticons.
        public var isWord: Bool
    }

    /// Slang and spelling variants mapped to their standard words.
    public let slang: [String: [String]]
    /// `slang`, for looking up every word of a comment.
    private let slangTable: WordTable<[String]>

    /// Words that reverse the meaning of the next word.
    public static let negators: Set<String> = ["tidak", "bukan", "belum", "jangan", "kurang", "tanpa", "not", "no",
        "never", "dont", "cant", "cannot", "isnt", "wasnt", "didnt", "doesnt", "wont", "arent", "havent", "hasnt", "hadnt", "werent", "couldnt", "nothing"]

    /// `negators`, for looking up every word of a comment.
    private static let negatorTable = WordTable(Dictionary(uniqueKeysWithValues: negators.map { ($0, true) }))

    /// The length in bytes of the longest negator (a longer word needs no look-up).
    static let longestNegator = negators.map(\.utf8.count).max() ?? 0

    /// Emoticons recognised as tokens, longest first so that `:-)` wins over `:-`.
    static let emoticons: [[Unicode.Scalar]] = [":)", ":-)", ":(", ":-(", ":d", ":-d", ":p", ":')", ":'(", ";)", ";-)",
        ":3", ":v", "-_-", "<3", ":/", "=)", "=(", ":*", ":o"]
        .map { Array($0.unicodeScalars) }
        .sorted { $0.count > $1.count }

    /// A tokenizer that replaces slang words by their standard forms from `slang`.
    public init(slang: [String: [String]]) {
        self.slang = slang
        slangTable = WordTable(slang)
    }

    /// The normalised tokens of `text`, in order.
    public func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(16)
        var negate = false
        func add(_ word: String, isWord: Bool) {
            if isWord, word.utf8.count <= Self.longestNegator, Self.negatorTable[word] != nil {
                out.append(Token(text: word, negated: false, isWord: true))
                negate = true
                return
            }
            out.append(Token(text: word, negated: negate && isWord, isWord: isWord))
            negate = false
        }
        for raw in Self.rawTokens(text) {
            // A negator reaches no further than its clause: "ada info ga? makasih" does not negate the thanks.
            if raw.afterBreak { negate = false }
            if raw.isWord {
                forEachStandardWord(raw.text) { add($0, isWord: true) }
            } else {
                add(raw.text, isWord: false)
            }
        }
        return out
    }

    /// Calls `body` with the standard word or words for `word`: repeated letters collapsed, a reduplication `2`
    /// dropped, laughter folded to `haha`, slang replaced. Most words are plain: then only slang is looked up,
    /// without building anything.
    func forEachStandardWord(_ word: String, _ body: (String) -> Void) {
        var w = word
        if !Self.isPlain(word) {
            var scalars = Self.collapse(Array(word.unicodeScalars))
            if scalars.count > 1, scalars.last == "2", Self.isLetter(scalars[scalars.count - 2]) { scalars.removeLast() }
            if Self.isLaugh(scalars) { return body("haha") }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars)
            w = String(s)
        }
        if let standard = slangTable[w] { standard.forEach(body) } else { body(w) }
    }

    /// True when `forEachStandardWord` would leave the word alone apart from slang: no run of three equal scalars, no
    /// trailing `2`, not possibly laughter, and plain ASCII. Checked on UTF-8 bytes, without allocating.
    static func isPlain(_ word: String) -> Bool {
        var previous: UInt8 = 0
        var run = 0
        var laughLetters = true
        var last: UInt8 = 0
        var count = 0
        for b in word.utf8 {
            if b >= 0x80 { return false } // non-ASCII: let the scalar-level path decide
            run = b == previous ? run + 1 : 1
            if run >= 3 { return false }
            previous = b
            last = b
            count += 1
            switch b {
            case UInt8(ascii: "w"), UInt8(ascii: "k"), UInt8(ascii: "h"), UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"),
                 UInt8(ascii: "x"), UInt8(ascii: "o"): break
            default: laughLetters = false
            }
        }
        if last == UInt8(ascii: "2") { return false }
        return !(laughLetters && count >= 4)
    }

    /// Lower-cased words, emoji and emoticons before normalisation; `afterBreak` when a clause ends before the token
    /// (`.`, `,`, `?`, `!`, `;`, `:` or a line break since the previous one).
    static func rawTokens(_ text: String) -> [(text: String, isWord: Bool, afterBreak: Bool)] {
        // Lower-case scalar by scalar (the same mapping as `String.lowercased()`), ASCII without table lookups.
        var chars: [Unicode.Scalar] = []
        chars.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            if u.isASCII {
                chars.append((0x41...0x5A).contains(u.value) ? Unicode.Scalar(UInt8(u.value + 32)) : u)
            } else if invisible.contains(u.value) {
                continue
            } else if u.properties.changesWhenLowercased {
                chars.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
            } else {
                chars.append(u)
            }
        }
        let n = chars.count
        var out: [(text: String, isWord: Bool, afterBreak: Bool)] = []
        out.reserveCapacity(n / 4 + 1)
        var broken = false
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var i = 0
        func matches(_ literal: StaticString, at k: Int) -> Bool {
            let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
            guard k + bytes.count <= n else { return false }
            for (j, b) in bytes.enumerated() where chars[k + j].value != UInt32(b) { return false }
            return true
        }
        while i < n {
            let c = chars[i]
            if c == "[", matches("[username]", at: i) { i += 10; continue }
            if c == "[", matches("[url]", at: i) { i += 5; continue }
            if (c == "h" || c == "w"), matches("http://", at: i) || matches("https://", at: i) || matches("www.", at: i) {
                while i < n, !chars[i].properties.isWhitespace { i += 1 }
                continue
            }
            if isWordScalar(c) {
                word.removeAll(keepingCapacity: true)
                var j = i
                while j < n {
                    let w = chars[j]
                    if isWordScalar(w) {
                        if w.isASCII { word.append(UInt8(w.value)) } else { UTF8.encode(w) { word.append($0) } }
                        j += 1
                    } else if (w == "'" || w == "\u{2019}"), j + 1 < n, isWordScalar(chars[j + 1]), !word.isEmpty {
                        j += 1
                    } else {
                        break
                    }
                }
                out.append((String(decoding: word, as: UTF8.self), true, broken))
                broken = false
                i = j
                continue
            }
            if isEmoji(c) {
                out.append((String(c), false, broken))
                broken = false
                i += 1
                continue
            }
            if c.isASCII, emoticonStarts[Int(c.value)], i == 0 || !isWordScalar(chars[i - 1]), let e = emoticons.first(where: { e in
                guard i + e.count <= n else { return false }
                for k in 0..<e.count where chars[i + k] != e[k] { return false }
                return i + e.count >= n || !isWordScalar(chars[i + e.count])
            }) {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: e)
                out.append((String(s), false, broken))
                broken = false
                i += e.count
                while i < n, chars[i] == e[e.count - 1], !isWordScalar(chars[i]) { i += 1 }
                continue
            }
            if c.isASCII, Self.endsClause[Int(c.value)] { broken = true }
            i += 1
        }
        return out
    }

    /// Invisible characters that join or split nothing a reader sees (zero-width space, non-joiner and joiner, word
    /// joiner, byte-order mark, soft hyphen): dropped, so that "j\u{FEFF}bom" is the word "jbom", not "j" and "bom"
    /// (`INVISIBLE` in the training script).
    static let invisible: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]

    /// The characters that end a clause for negation (`CLAUSE_ENDS` in the training script).
    static let clauseEnds: Set<Unicode.Scalar> = [".", ",", "?", "!", ";", ":", "\n"]
    /// `clauseEnds` by ASCII code: asked for every space and punctuation mark of every comment.
    static let endsClause: [Bool] = (0..<128).map { clauseEnds.contains(Unicode.Scalar(UInt8($0))) }

    /// Whether an emoticon starts with the ASCII character of each code (a quick test before trying each one): a table
    /// rather than a set, since it is asked for every space and punctuation mark of every comment.
    static let emoticonStarts: [Bool] = (0..<128).map { code in emoticons.contains { $0[0].value == code } }

    /// Letters (Lu, Ll, Lt, Lm, Lo) and decimal digits (Nd).
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) || (0x41...0x5A).contains(v)
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: return true
        default: return false
        }
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        isWordScalar(s) && s.properties.generalCategory != .decimalNumber
    }

    /// Pictographs and dingbats (U+1F300–U+1FAFF, U+2600–U+27BF).
    static func isEmoji(_ s: Unicode.Scalar) -> Bool {
        (0x1F300...0x1FAFF).contains(s.value) || (0x2600...0x27BF).contains(s.value)
    }

    /// Runs of three or more equal scalars become one; shorter runs stay.
    static func collapse(_ w: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(w.count)
        var i = 0
        while i < w.count {
            var j = i
            while j < w.count, w[j] == w[i] { j += 1 }
            if j - i >= 3 { out.append(w[i]) } else { out.append(contentsOf: w[i..<j]) }
            i = j
        }
        return out
    }

    /// "wkwk", "haha", "hehe", "hihi", "xixi" (at least four letters, both letters present) and "awokawok".
    static func isLaugh(_ w: [Unicode.Scalar]) -> Bool {
        guard w.count >= 4 else { return false }
        let letters = Set(w)
        let pairs: [Set<Unicode.Scalar>] = [["w", "k"], ["h", "a"], ["h", "e"], ["h", "i"], ["x", "i"]]
        if pairs.contains(letters) { return true }
        return w.starts(with: ["a", "w", "o", "k"]) && letters.isSubset(of: ["a", "w", "o", "k"])
    }
}
