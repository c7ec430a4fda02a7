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
    /// already starts with a form of address ("Pak RT 05", "Bu Sinta", "Dr. Andi") is not greeted "Kak" before it.
    public func render(_ context: RenderContext) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let s): out += s
            case .variable(let name):
                let value = context.value(for: name)
                if name == "citizen.name", let value, Self.startsWithAddress(value), out.hasSuffix("Kak ") || out.hasSuffix("kak ") {
                    out.removeLast(4)
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
        "ustazah", "haji", "hajjah", "h", "hj", "dr", "drs", "dra", "ir", "prof", "mr", "mrs", "ms", "miss",
    ]

    /// Whether `name`'s first word is a form of address ("Pak", "Bu.", "dr."), followed by more of the name.
    static func startsWithAddress(_ name: String) -> Bool {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "." })
        guard words.count >= 2, let first = words.first else { return false }
        return formsOfAddress.contains(first.lowercased())
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
