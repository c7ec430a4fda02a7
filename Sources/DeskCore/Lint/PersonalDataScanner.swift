/// Finds personal data in a reply with hand-written scanners (no regular expressions): NIK, phone numbers,
/// e-mail addresses and account numbers.
///
/// A number may be written in groups separated by single spaces, dots or hyphens ("0812-3456-7890",
/// "3201 2345 6789 0123"); the groups are read as one number. Pasted text is read as a person sees it: any
/// Unicode space (no-break, narrow, thin …) counts as a space, any dash (en dash, non-breaking hyphen, minus …) as a
/// hyphen, digits of any script (full-width ３２０１ …) as digits, and invisible characters (zero-width space, word
/// joiner, soft hyphen …) are not there at all — so "0812\u{00A0}3456\u{00A0}7890" is a phone number too.
struct PersonalDataScanner {
    /// Digits of numbers that may appear (agency numbers, the case reference, public hotlines).
    let allowedDigits: Set<String>
    let allowedDomains: [String]

    /// Hotlines any reply may give: emergency 112, police 110, fire 113, ambulance 118/119, SAPA 129 and its
    /// WhatsApp, and the 1500xxx national service numbers are matched by prefix below.
    static let publicHotlines = ["112", "110", "113", "115", "118", "119", "129", "08111129129"]

    init(allowedNumbers: [String], allowedDomains: [String]) {
        allowedDigits = Set((allowedNumbers + Self.publicHotlines).map(Self.digits).filter { !$0.isEmpty })
        self.allowedDomains = allowedDomains
    }

    func findings(in text: String) -> [LintFinding] {
        var kinds: [Localized] = []
        var examples: [String] = []
        func note(_ kind: Localized, _ example: String) {
            if !kinds.contains(kind) { kinds.append(kind) }
            if examples.count < 3 { examples.append(example) }
        }
        for number in Self.numbers(in: text) {
            let d = number.digits
            if allowedDigits.contains(d) || d.hasPrefix("1500") && d.count <= 7 { continue }
            if let kind = Self.classify(d, plus: number.plus) { note(kind, Self.masked(number.text)) }
        }
        for email in Self.emails(in: text) {
            let domain = String(email.split(separator: "@").last ?? "")
            if ReplyLinter.isAllowed(host: domain, allowList: allowedDomains) { continue }
            note(Localized("alamat e-mail", "an e-mail address"), Self.masked(email))
        }
        guard !kinds.isEmpty else { return [] }
        return [LintFinding(code: .personalData,
            explanation: Localized(
                "balasan memuat \(kinds.map(\.id).joined(separator: ", ")) (\(examples.joined(separator: ", "))): jangan pernah menampilkan data pribadi di ruang publik; mintalah atau kirimkan lewat pesan langsung",
                "the reply contains \(kinds.map(\.en).joined(separator: ", ")) (\(examples.joined(separator: ", "))): never post personal data in public; ask for it or send it by direct message instead"),
            blocking: true)]
    }

    /// What a run of digits is, if it looks personal.
    static func classify(_ d: String, plus: Bool) -> Localized? {
        let n = d.count
        let phone = Localized("nomor telepon", "a phone number")
        if d.hasPrefix("62"), d.dropFirst(2).hasPrefix("8"), (10...15).contains(n) { return phone }
        if plus, (8...15).contains(n) { return phone }
        if d.hasPrefix("08"), (10...13).contains(n) { return phone }
        if n == 16 { return Localized("NIK 16 digit", "a 16-digit NIK") }
        if d.hasPrefix("0"), (9...12).contains(n) { return phone }
        if (10...15).contains(n) { return Localized("nomor rekening", "an account number") }
        return nil
    }

    struct Number {
        var text: String
        var digits: String
        var plus: Bool
    }

    /// Runs of digits, joined across single separators (space, `.`, `-`), with a leading `+` noted.
    static func numbers(in text: String) -> [Number] {
        let chars = Array(asSeen(text))
        var out: [Number] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber) else {
                i += 1
                continue
            }
            if i >= 2, "-/_".contains(chars[i - 1]), chars[i - 2].isLetter {
                // Part of a code such as LAP-2026-000123: skip the whole run.
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || "-/_".contains(chars[i]) { i += 1 }
                continue
            }
            let plus = i > 0 && chars[i - 1] == "+"
            let areaCode = i > 0 && chars[i - 1] == "("
            var digits = ""
            var j = i
            var end = i
            while j < chars.count {
                if chars[j].isASCII, chars[j].isNumber {
                    digits.append(chars[j])
                    j += 1
                    end = j
                } else if " .-".contains(chars[j]), j + 1 < chars.count, chars[j + 1].isASCII, chars[j + 1].isNumber {
                    j += 1
                } else if areaCode, chars[j] == ")", j + 2 < chars.count, " -".contains(chars[j + 1]), chars[j + 2].isASCII, chars[j + 2].isNumber {
                    j += 2
                } else {
                    break
                }
            }
            if end < chars.count, chars[end].isLetter {
                // Digits glued to letters ("3km", "2026ABC") are not a number on their own.
                i = end
                continue
            }
            out.append(Number(text: (plus ? "+" : "") + String(chars[i..<end]), digits: digits, plus: plus))
            i = end
        }
        return out
    }

    /// `text` as a reader sees its numbers: Unicode spaces as " ", dashes as "-", decimal digits of any script as ASCII
    /// digits, and format characters (zero-width space, joiners, soft hyphen, bidi marks) left out.
    static func asSeen(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            switch p.generalCategory {
            case .format: continue
            case .spaceSeparator: out.append(" ")
            case .dashPunctuation: out.append("-")
            case .decimalNumber:
                if let value = p.numericValue, let digit = Unicode.Scalar(48 + Int(value)) { out.append(digit) } else { out.append(scalar) }
            default:
                out.append(scalar == "\u{2212}" ? "-" : scalar)   // the minus sign, a math symbol, is written as a dash
            }
        }
        return String(out)
    }

    /// `local@domain.tld` addresses (a handle such as `@diskominfo` has no local part and is not one).
    static func emails(in text: String) -> [String] {
        var out: [String] = []
        for raw in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" }) {
            var word = Substring(raw)
            while let last = word.last, ".:!?\"'".contains(last) { word.removeLast() }
            let parts = word.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty,
                  parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._%+-".contains($0)) }),
                  LinkSpotter.isDomain(parts[1].lowercased()) else { continue }
            out.append(String(word))
        }
        return out
    }

    static func digits(_ s: String) -> String { String(s.filter { $0.isASCII && $0.isNumber }) }

    /// The value with its middle hidden, so the message itself does not repeat the data in full.
    static func masked(_ s: String) -> String {
        guard s.count > 6 else { return s }
        return String(s.prefix(3)) + String(repeating: "•", count: s.count - 5) + String(s.suffix(2))
    }
}
