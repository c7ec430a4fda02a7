/// A template body split into literal text and `{variables}`.
///
/// `{name}` is a variable (letters, digits, `.`, `_`); `{{` and `}}` write a literal brace. Rendering fills
/// each variable from a `RenderContext`; one without a value is left as `{name}` so that it is seen, never
/// as an empty gap, and the linter blocks the reply until it is filled in.
public struct TemplateText: Hashable, Sendable {
    enum Piece: Hashable, Sendable {
        case literal(String)
        case variable(String)
    }

    let pieces: [Piece]

    /// The variables used, in order of first use.
    public var variables: [String] {
        var seen: [String] = []
        for case .variable(let name) in pieces where !seen.contains(name) { seen.append(name) }
        return seen
    }

    /// The body as written (braces in literal text doubled again), for fingerprints of a template's version.
    public var body: String {
        pieces.map { piece in
            switch piece {
            case .literal(let text): text.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
            case .variable(let name): "{" + name + "}"
            }
        }.joined()
    }

    /// Parses a body; the error says what is wrong, for a `FILE:LINE:` message.
    public init(parsing body: String) throws(TemplateTextError) {
        var pieces: [Piece] = []
        var literal = ""
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            let next = body.index(after: i)
            if c == "{" {
                if next < body.endIndex, body[next] == "{" {
                    literal.append("{")
                    i = body.index(after: next)
                    continue
                }
                guard let close = body[next...].firstIndex(of: "}") else {
                    throw TemplateTextError(message: "a '{' is never closed: write {name} for a variable, or {{ for a literal brace")
                }
                let name = String(body[next..<close])
                guard Self.isVariableName(name) else {
                    throw TemplateTextError(message: "'{\(name)}' is not a variable name (letters, digits, '.', '_'): write {{ for a literal brace")
                }
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                pieces.append(.variable(name))
                i = body.index(after: close)
                continue
            }
            if c == "}" {
                if next < body.endIndex, body[next] == "}" { i = body.index(after: next) } else { i = next }
                literal.append("}")
                continue
            }
            literal.append(c)
            i = next
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// The text with every variable that has a value filled in; the others stay as `{name}`. A citizen whose name
    /// already starts with a form of address ("Pak RT 05", "Bu Sinta", "Dr. Andi") is not greeted "Kak" before it,
    /// and the template's own words address them the same way throughout: "Kakak" becomes "Bapak" for "Pak RT 05",
    /// "Ibu" for "Bu Sinta", "Dokter" for "dr. Andi", and a closing "ya, Kak" becomes "ya, Pak" (a title that tells no
    /// form, such as "Ir.", keeps "Kakak").
    public func render(_ context: RenderContext) -> String {
        let address = context.value(for: "citizen.name").flatMap(Self.address(beginning:))
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let s): out += address.map { Self.readdress(s, as: $0) } ?? s
            case .variable(let name):
                let value = context.value(for: name)
                if name == "citizen.name", let value, Self.startsWithAddress(value) {
                    let greeting = address?.short ?? "Kak"
                    for written in [greeting, greeting.lowercased()] where out.hasSuffix(written + " ") {
                        out.removeLast(written.count + 1)
                        break
                    }
                }
                out += value ?? "{\(name)}"
            }
        }
        return out
    }

    /// Forms of address Indonesians write before a name (lower case, without a full stop).
    static let formsOfAddress: Set<String> = [
        "pak", "bapak", "bu", "ibu", "mas", "mbak", "kak", "kakak", "bang", "abang", "dik", "adik", "om", "tante", "pakde", "bude",
        "budhe", "mbah", "eyang", "kang", "akang", "teh", "teteh", "aa", "uda", "uni", "cak", "ning", "gus", "ustadz", "ustad",
        "ustazah", "haji", "hajjah", "h", "hj", "dr", "drs", "dra", "ir", "prof", "mr", "mrs", "ms", "miss", "mak", "mbok", "daeng",
        "bli", "opung", "ompung", "inang", "amang", "koh", "engkoh", "nyai",
    ]

    /// Whether `name`'s first word is a form of address ("Pak", "Bu.", "dr."), followed by more of the name.
    static func startsWithAddress(_ name: String) -> Bool { formOfAddress(beginning: name) != nil }

    /// The form of address `name` starts with (lower case, "pak" for "Pak RT 05", "dr" for "dr. Andi"), when more of the
    /// name follows it.
    static func formOfAddress(beginning name: String) -> String? {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "." })
        guard words.count >= 2, let first = words.first?.lowercased(), formsOfAddress.contains(first) else { return nil }
        return first
    }

    /// How a template speaks to a citizen: the short form before a name or at a sentence's end ("Pak") and the
    /// long form for "you" ("Bapak").
    struct Address: Hashable, Sendable {
        let short: String
        let long: String
    }

    /// The forms of address that say how to speak to the person, by the form their name starts with ("dr. Andi" is
    /// "Dokter"). Titles that do not ("ir", "mr" …) are left out: the template's "Kak"/"Kakak" stays.
    static let spokenAddress: [String: Address] = {
        var table: [String: Address] = [:]
        for (forms, short, long) in [
            (["pak", "bapak", "drs", "h"], "Pak", "Bapak"), (["bu", "ibu", "dra", "hj", "hajjah"], "Bu", "Ibu"),
            (["mas"], "Mas", "Mas"), (["mbak"], "Mbak", "Mbak"), (["bang", "abang"], "Bang", "Abang"),
            (["dik", "adik"], "Dik", "Adik"), (["om"], "Om", "Om"), (["tante"], "Tante", "Tante"),
            (["pakde"], "Pakde", "Pakde"), (["bude", "budhe"], "Bude", "Bude"), (["mbah"], "Mbah", "Mbah"),
            (["eyang"], "Eyang", "Eyang"), (["kang", "akang"], "Kang", "Akang"), (["teh", "teteh"], "Teh", "Teteh"),
            (["aa"], "Aa", "Aa"), (["uda"], "Uda", "Uda"), (["uni"], "Uni", "Uni"), (["cak"], "Cak", "Cak"),
            (["ning"], "Ning", "Ning"), (["gus"], "Gus", "Gus"), (["ustadz", "ustad"], "Ustadz", "Ustadz"),
            (["ustazah"], "Ustazah", "Ustazah"), (["haji"], "Pak Haji", "Pak Haji"), (["dr"], "Dok", "Dokter"), (["prof"], "Prof", "Prof"),
            (["mak"], "Mak", "Mak"), (["mbok"], "Mbok", "Mbok"), (["daeng"], "Daeng", "Daeng"), (["bli"], "Bli", "Bli"),
            (["opung", "ompung"], "Opung", "Opung"), (["inang"], "Inang", "Inang"), (["amang"], "Amang", "Amang"),
            (["koh", "engkoh"], "Koh", "Koh"), (["nyai"], "Nyai", "Nyai"),
        ] as [([String], String, String)] {
            for form in forms { table[form] = Address(short: short, long: long) }
        }
        return table
    }()

    /// The way to speak to a citizen whose name starts with a form of address other than "Kak", if it tells one.
    static func address(beginning name: String) -> Address? { formOfAddress(beginning: name).flatMap { spokenAddress[$0] } }

    /// `text` with the whole words "Kakak" and "Kak" (as written, or all lower case) replaced by `address`.
    static func readdress(_ text: String, as address: Address) -> String {
        guard text.contains("ak") else { return text }
        var out = ""
        var word = ""
        func flush() {
            switch word {
            case "Kakak": out += address.long
            case "kakak": out += address.long.lowercased()
            case "Kak": out += address.short
            case "kak": out += address.short.lowercased()
            default: out += word
            }
            word = ""
        }
        for c in text {
            if c.isLetter || c.isNumber { word.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }

    /// The variables that `context` has no value for.
    public func missing(in context: RenderContext) -> [String] {
        variables.filter { context.value(for: $0) == nil }
    }

    /// Walks free text (not a template: nothing in it is an error) as literal runs and `{…}` spans, each `}` closing the
    /// nearest `{` before it, so that a stray brace ("{ {citizen.name}") stays literal.
    static func scanBraces(_ text: String, literal: (Substring) -> Void, braced: (_ inner: Substring, _ whole: Substring) -> Void) {
        var rest = Substring(text)
        while let close = rest.firstIndex(of: "}") {
            if let open = rest[..<close].lastIndex(of: "{") {
                literal(rest[..<open])
                braced(rest[rest.index(after: open)..<close], rest[open...close])
            } else {
                literal(rest[...close])
            }
            rest = rest[rest.index(after: close)...]
        }
        literal(rest)
    }

    static func isVariableName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_"
        }
    }
}

/// Why a template body could not be parsed.
public struct TemplateTextError: Error, Hashable, Sendable {
    /// What is wrong, phrased for a `FILE:LINE:` message.
    public var message: String
}
