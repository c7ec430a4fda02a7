import Foundation

/// Finds personal data in a reply with hand-written scanners (no regular expressions): NIK, phone numbers,
/// e-mail addresses, account numbers, and passport and stay-permit (KITAS, KITAP) numbers.
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
        for document in Self.documentNumbers(in: text) { note(Localized("nomor paspor atau izin tinggal", "a passport or stay-permit number"), Self.masked(document)) }
        // Full-width and other compatibility forms read as their plain letters ("budi＠ｇｍａｉｌ.com").
        for email in Self.emails(in: text.precomposedStringWithCompatibilityMapping) {
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
        if n == 16 { return Localized("NIK 16 digit", "a 16-digit NIK or card number") }
        if d.hasPrefix("0"), (9...12).contains(n) { return phone }
        if (10...15).contains(n) { return Localized("nomor rekening", "an account number") }
        return nil
    }

    struct Number {
        var text: String
        var digits: String
        var plus: Bool
    }

    /// Labels of personal numbers ("NIK3201…", "WA 0812…", "HP/0812…", "BCA 123…"): a number after one is always read,
    /// glued to it or not, and never taken for an amount, a date or a reference.
    static let labels: Set<String> = ["nik", "kk", "ktp", "wa", "hp", "telp", "tel", "telpon", "telepon", "no", "nomor", "nomer",
                                      "rek", "rekening", "norek", "phone", "tlp", "whatsapp",
                                      // banks and e-wallets, named before an account number
                                      "bca", "bri", "bni", "mandiri", "btn", "bsi", "cimb", "danamon", "permata", "ocbc", "bjb", "jago",
                                      "ovo", "gopay", "shopeepay", "linkaja"]   // not "dana": also the word for funds
    /// Words after a number that make it an amount of money ("1.250.000.000 rupiah", "2,5 miliar").
    static let moneyWords: Set<String> = ["rupiah", "rp", "idr", "ribu", "rb", "juta", "jt", "miliar", "milyar", "triliun"]

    /// Runs of digits, joined across single separators (space, `.`, `-`, `_`, `·`, `•`, or " - "), with a leading `+`
    /// noted. Not read as a number: a code such as LAP-2026-000123 (letters, a dash, digits); a reference after "#"; an
    /// amount of money ("Rp 12.500.000.000", "2.500.000.000,00", "1.250.000.000 rupiah", or thousands grouped by dots);
    /// a date, with whatever time follows it ("01-12-2026 10.00", "2026-12-01") — none of these when a label stands
    /// before it, nor an amount when it starts with 0. A number glued to a label ("NIK3201…", "HP/0812…") or, when it
    /// has ten digits or more, to a word after it ("081234567890ya") is still read.
    static func numbers(in text: String) -> [Number] {
        let chars = Array(asSeen(text))
        var out: [Number] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < chars.count && chars[k].isASCII && chars[k].isNumber }
        func word(before k: Int) -> String {
            var b = k
            while b > 0, chars[b - 1].isLetter { b -= 1 }
            return String(chars[b..<k]).lowercased()
        }
        /// "hh.mm" or "hh:mm" at `k`, not followed by another digit.
        func isTime(at k: Int) -> Bool {
            guard isDigit(k), isDigit(k + 1), k + 2 < chars.count, ".:".contains(chars[k + 2]),
                  isDigit(k + 3), isDigit(k + 4), !isDigit(k + 5),
                  let h = Int(String(chars[k...(k + 1)])), let m = Int(String(chars[(k + 3)...(k + 4)])) else { return false }
            return h <= 23 && m <= 59
        }
        func word(after k: Int) -> String {
            var e = k
            while e < chars.count, chars[e].isLetter { e += 1 }
            return String(chars[k..<e]).lowercased()
        }
        while i < chars.count {
            guard isDigit(i), !isDigit(i - 1) else {
                i += 1
                continue
            }
            let glued = i > 0 && chars[i - 1].isLetter
            // A label just before it ("NIK 3201…", "WA: 0812…", "Rek #123…", "HP/0812…", "NIK3201…"): then no exemption
            // below applies — an amount, a date or a reference is never labelled as personal data.
            var labelEnd = i
            while labelEnd > 0, " :#./-_\t".contains(chars[labelEnd - 1]) { labelEnd -= 1 }
            let labelled = labels.contains(word(before: labelEnd))
            if glued && !labelled || !glued && i >= 2 && "-/_".contains(chars[i - 1]) && chars[i - 2].isLetter && !labelled
                || i > 0 && chars[i - 1] == "#" && !labelled {
                // Part of a code such as LAP-2026-000123, or a reference (#20261201-00123): skip the whole run.
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || "-/_".contains(chars[i]) { i += 1 }
                continue
            }
            let start = i
            let plus = i > 0 && chars[i - 1] == "+"
            let areaCode = i > 0 && chars[i - 1] == "(" || plus && i > 1 && chars[i - 2] == "("
            var groups: [String] = [""]
            var separators: [Character] = []
            var j = i
            var end = i
            while j < chars.count {
                if isDigit(j) {
                    groups[groups.count - 1].append(chars[j])
                    j += 1
                    end = j
                } else if " .-_·•".contains(chars[j]), isDigit(j + 1), chars[j] != " " || !(groups.count == 1 && Self.isYear(groups[0])) && !isTime(at: j + 1) {
                    // Not across a space after a lone year or before a time: "7 Juni 2026 06.00-10.00", "2025 2026 2027".
                    separators.append(chars[j])
                    groups.append("")
                    j += 1
                } else if chars[j] == " ", j + 2 < chars.count, chars[j + 1] == "-", chars[j + 2] == " ", isDigit(j + 3) {
                    separators.append("-")
                    groups.append("")
                    j += 3
                } else if areaCode, chars[j] == ")", j + 2 < chars.count, " -".contains(chars[j + 1]), isDigit(j + 2) {
                    separators.append(chars[j + 1])
                    groups.append("")
                    j += 2
                } else {
                    break
                }
            }
            let digits = groups.joined()
            if end < chars.count, chars[end].isLetter, digits.count < 10 || moneyWords.contains(word(after: end)) {
                // Digits glued to letters ("3km", "2026ABC") are not a number on their own.
                i = end
                while i < chars.count, chars[i].isLetter || chars[i].isNumber { i += 1 }
                continue
            }
            i = end
            // Before it: "Rp", "Rp.", "IDR", with or without a space.
            var back = start - (plus ? 1 : 0)
            while back > 0, chars[back - 1] == " " || chars[back - 1] == "." { back -= 1 }
            let currencyBefore = ["rp", "idr"].contains(word(before: back))
            // After it: a decimal comma (",00", ",5"), ",-", or a money word ("rupiah", "juta").
            var ahead = end
            // An amount never starts with 0 (a phone number does); nothing labelled as personal data is exempt.
            let mayBeMoney = !labelled && !digits.hasPrefix("0")
            if mayBeMoney, ahead < chars.count, chars[ahead] == ",", isDigit(ahead + 1) || ahead + 1 < chars.count && chars[ahead + 1] == "-" {
                continue   // an amount written with its decimals: "2.500.000.000,00", "50.000,-"
            }
            while ahead < chars.count, chars[ahead] == " " { ahead += 1 }
            if mayBeMoney && (currencyBefore || moneyWords.contains(word(after: ahead)) || Self.isThousands(groups, separators))
                || !labelled && Self.isDate(groups, separators) {
                continue
            }
            out.append(Number(text: (plus ? "+" : "") + String(chars[start..<end]), digits: digits, plus: plus))
        }
        return out
    }

    /// Thousands grouped by dots, the Indonesian way of writing an amount: "12.500.000.000" (no leading zero).
    static func isThousands(_ groups: [String], _ separators: [Character]) -> Bool {
        groups.count >= 2 && separators.allSatisfy { $0 == "." } && (1...3).contains(groups[0].count) && !groups[0].hasPrefix("0")
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// A year as people write one: four digits from 1900 to 2199.
    static func isYear(_ group: String) -> Bool { group.count == 4 && Int(group).map { (1900...2199).contains($0) } == true }

    /// A date at the start of the number: day-month-year or year-month-day, with dashes or dots ("01-12-2026",
    /// "2026-12-01", "01.12.2026").
    static func isDate(_ groups: [String], _ separators: [Character]) -> Bool {
        guard groups.count >= 3, separators[0] == separators[1], "-.".contains(separators[0]),
              let b = Int(groups[1]), groups[1].count <= 2, (1...12).contains(b) else { return false }
        func day(_ g: String) -> Bool { g.count <= 2 && Int(g).map { (1...31).contains($0) } == true }
        return day(groups[0]) && isYear(groups[2]) || isYear(groups[0]) && day(groups[2])
    }

    /// `text` as a reader sees its numbers: Unicode spaces as " ", dashes as "-", decimal digits of any script as ASCII
    /// digits, and format characters (zero-width space, joiners, soft hyphen, bidi marks) left out.
    static func asSeen(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var last: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            defer { last = scalar }
            switch p.generalCategory {
            case .format: continue
            case .nonspacingMark where last.properties.generalCategory == .decimalNumber: continue   // U+034F and the like on a digit
            case .spaceSeparator: out.append(" ")
            case .control where scalar == "\t": out.append(" ")   // digits pasted from a spreadsheet
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
        // Split where an address cannot continue: "e-mail:budi@…", "<budi@…>", "mailto:budi@…", "\"budi@…\"" — but
        // not inside a link, whose "user@host" is a host (the link check's matter).
        let words = text.split(whereSeparator: \.isWhitespace).filter { word in
            let lower = word.lowercased()
            return !(lower.contains("://") || lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//"))
        }
        for raw in words.flatMap({ $0.split(whereSeparator: { ",;()<>[]:\"'`".contains($0) }) }) {
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
    /// Words naming a travel or stay document, after which a code of letters and digits is its number.
    static let documentWords: Set<String> = ["paspor", "passport", "kitas", "kitap", "itas", "itap", "visa", "e-visa", "evisa"]

    /// Passport and stay-permit numbers ("passport number is A1234567", "KITAS no. 2C11AB1234567"): a code of letters
    /// and at least six digits, 7 to 16 characters long, within four words after a document's name. A number of digits
    /// alone is left to `numbers(in:)`, and a word with no digit (a name, "number") is never one.
    static func documentNumbers(in text: String) -> [String] {
        let words = asSeen(text).split { !($0.isLetter || $0.isNumber || $0 == "-") }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "-")) }
        var out: [String] = []
        for (i, word) in words.enumerated() where documentWords.contains(word.lowercased()) {
            for candidate in words[(i + 1)..<min(words.count, i + 5)] {
                let digits = candidate.filter { $0.isASCII && $0.isNumber }.count
                let letters = candidate.filter(\.isLetter).count
                if digits >= 6, letters >= 1, (7...16).contains(candidate.count), !out.contains(candidate) { out.append(candidate) }
            }
        }
        return out
    }

    static func masked(_ s: String) -> String {
        guard s.count > 6 else { return s }
        return String(s.prefix(3)) + String(repeating: "•", count: s.count - 5) + String(s.suffix(2))
    }
}
