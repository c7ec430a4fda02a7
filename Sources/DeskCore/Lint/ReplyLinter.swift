import Foundation

/// Checks a reply before it is sent.
///
/// Blocking findings stop the reply unless staff give an override reason (kept with the reply):
/// - `empty_reply`: nothing to send;
/// - `unresolved_variable`: a `{variable}` was never filled in, so the citizen would see `{sla.promise}`;
/// - `too_long`: longer than the platform accepts, counted its way (`Platform.replyLength`: X 280 weighted, links 23; Mastodon 500, Instagram 2,200,
///   Facebook 8,000, YouTube 10,000); the platform would refuse or cut it;
/// - `personal_data`: a 16-digit NIK, an Indonesian phone number (+62…, 62 8…, 08…, or a landline), an e-mail
///   address, a bank-account-like number, or a passport or stay-permit number after the document's name — posting a citizen's data in public breaks their privacy and
///   cannot be undone. The agency's own published numbers and e-mail addresses on allowed domains pass;
/// - `asks_personal_data`: a sentence asks the citizen for an ID, family-card, phone or account number, a home address or
///   a birth date without sending them to a private channel (DM, japri, inbox) or telling them not to ("mohon tuliskan
///   NIK Kakak di kolom komentar"): they would post it where everyone reads it;
/// - `humor_above_allowed`: the reply is lighter than the tone verdict allows (a joke to a grieving citizen);
/// - `control_characters`: invisible control characters (ESC and escape sequences, other C0/C1 controls) or bidi
///   overrides and isolates (`SafeText.isHiddenControl`), pasted in with copied text: they garble the reply where
///   it is posted, or make it read other than it is stored.
///
/// Warnings, shown but not blocking:
/// - `shouting`: mostly capital letters. Rude-sounding but sometimes deliberate (an emergency headline), so a
///   person decides;
/// - `link_not_allowed`: a link whose host is outside the allow-list. Agencies legitimately link to partner
///   institutions that are not on the list yet (a ministry's campaign site, a regional bank), so the link is
///   flagged for a second look rather than refused; shortened links are flagged the same way.
public enum ReplyLinter {
    /// Every finding for `text`, blocking ones first, in a stable order.
    public static func lint(_ text: String, context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return [LintFinding(code: .emptyReply, explanation: Localized("balasan kosong: tulis balasan atau pilih saran",
                                                                          "the reply is empty: write a reply or pick a suggestion"), blocking: true)]
        }
        let unresolved = unresolvedVariables(in: text)
        if !unresolved.isEmpty {
            let names = unresolved.map { "{\($0)}" }.joined(separator: ", ")
            // A slip of a variable's name cannot be given a value: say which names exist instead.
            let advice = RenderContext.isKnown(unresolved[0])
                ? Localized("di baris perintah: --var \(unresolved[0])=NILAI", "on the command line: --var \(unresolved[0])=VALUE")
                : Localized("{\(unresolved[0])} bukan variabel Meja; yang ada: \(RenderContext.knownVariableList)",
                            "{\(unresolved[0])} is not a Meja variable; there are \(RenderContext.knownVariableList)")
            findings.append(LintFinding(code: .unresolvedVariable,
                explanation: Localized("\(names) belum berisi: ganti dengan teks sebenarnya sebelum mengirim (\(advice.id))",
                    "\(names) \(unresolved.count == 1 ? "has" : "have") no value: replace \(unresolved.count == 1 ? "it" : "them") with the real text before sending (\(advice.en))"),
                blocking: true))
        }
        let hidden = text.unicodeScalars.filter(SafeText.isHiddenControl)
        if let first = hidden.first {
            let code = String(format: "U+%04X", first.value)
            findings.append(LintFinding(code: .controlCharacters,
                explanation: Localized("balasan berisi \(hidden.count) karakter kendali tak terlihat (mis. \(code)) yang dapat mengacaukan atau menyamarkan tampilannya: hapus, atau ketik ulang bagian yang disalin",
                    "the reply holds \(hidden.count) invisible control character\(hidden.count == 1 ? "" : "s") (e.g. \(code)) that can garble or disguise it where it is posted: remove \(hidden.count == 1 ? "it" : "them"), or retype the copied part"),
                blocking: true))
        }
        if let limit = context.platform.replyLimit {
            let length = context.platform.replyLength(text)
            if length > limit {
                findings.append(LintFinding(code: .tooLong,
                    explanation: Localized("\(length) karakter, padahal \(context.platform.displayName) hanya membolehkan \(limit): pendekkan \(length - limit) karakter, atau pecah menjadi utas",
                        "\(length) characters, but \(context.platform.displayName) allows \(limit): shorten it by \(length - limit), or split it into a thread"),
                    blocking: true))
            }
        }
        findings += PersonalDataScanner(allowedNumbers: context.allowedNumbers, allowedDomains: context.linkAllowList).findings(in: text)
        if let asked = personalDataAskedInPublic(text) {
            findings.append(LintFinding(code: .asksPersonalData,
                explanation: Localized("balasan meminta \(asked) tanpa mengarahkan ke DM: warga akan menuliskannya di tempat umum; minta lewat DM, atau tambahkan \"jangan tulis di sini\"",
                    "the reply asks for \(asked) without pointing to a DM: the citizen would post it in public; ask for it by DM, or say not to write it here"),
                blocking: true))
        }
        let humor = max(context.replyHumor ?? .none, estimatedHumor(text))
        if humor > context.humorAllowed {
            findings.append(LintFinding(code: .humorAboveAllowed,
                explanation: Localized("humor balasan \(humor.label.id), padahal komentar ini hanya membolehkan \(context.humorAllowed.label.id): hapus candaan, tawa, atau emoji jenaka, atau pilih templat yang lebih polos",
                    "the reply's humour is \(humor) but this comment allows \(context.humorAllowed): remove the joke, laughter or playful emoji, or choose a plainer template"),
                blocking: true))
        }
        if isShouting(text) {
            findings.append(LintFinding(code: .shouting,
                explanation: Localized("balasan hampir seluruhnya huruf kapital, terbaca seperti berteriak: tulis dengan huruf biasa",
                    "the reply is mostly in capital letters, which reads as shouting: write it in normal case"),
                blocking: false))
        }
        for host in linkHosts(in: text) where !isAllowed(host: host, allowList: context.linkAllowList) {
            findings.append(LintFinding(code: .linkNotAllowed,
                explanation: Localized("tautan ke \(host) tidak ada di daftar domain yang diizinkan instansi (\(context.linkAllowList.joined(separator: ", "))): pastikan tautannya resmi, atau tambahkan domainnya ke agency.links di config.toml",
                    "the link to \(host) is not on the agency's allow-list (\(context.linkAllowList.joined(separator: ", "))): check that it is official, or add the domain to agency.links in config.toml"),
                blocking: false))
        }
        return findings
    }

    /// Personal data a reply may ask for, as written in a sentence (lower case).
    static let personalDataWords = ["nik", "nomor kk", "no kk", "nomor ktp", "no ktp", "nomor kartu keluarga",
                                    "nomor hp", "no hp", "nomor telepon", "no telp", "nomor wa", "nomor whatsapp",
                                    "alamat rumah", "nomor rekening", "no rek", "tanggal lahir",
                                    "id number", "id card number", "phone number", "home address", "account number", "date of birth"]
    /// Words that ask for something to be written or sent.
    static let askingWords = ["tulis", "menulis", "sebut", "cantumkan", "kirim", "mengirim", "balas", "komen", "isi", "mengisi", "bagikan",
                              "write", "post", "comment", "reply with", "send", "tell us", "share"]
    /// Words for a private channel or an official form, or for not writing it here: the request is safe ("isi NIK di
    /// formulir online", "bawa KTP ke loket").
    static let safeWords = ["dm", "direct message", "pesan pribadi", "pesan langsung", "japri", "inbox", "jangan", "tidak perlu",
                            "tak perlu", "do not", "don't", "never", "privately", "private message",
                            "formulir", "form", "aplikasi", "app", "loket", "counter", "kantor", "office", "email", "e-mail", "surel",
                            "website", "situs", "laman", "portal", "online", "daring"]

    /// The personal data a sentence of `text` asks the citizen for in public, or nil: a sentence naming such data and an
    /// asking word, with no private channel and no "do not" in it.
    static func personalDataAskedInPublic(_ text: String) -> String? {
        // Words between single spaces, so that a phrase is found from a word's start ("tulis" in "tuliskan").
        func spaced<S: StringProtocol>(_ s: S) -> String { " " + String(s.map { $0.isLetter || $0.isNumber ? $0 : " " }) }
        for sentence in text.lowercased().split(whereSeparator: { ".!?;\n".contains($0) }) {
            let words = spaced(sentence) + " "
            func has(_ phrase: String) -> Bool { words.contains(spaced(phrase)) }
            guard let data = personalDataWords.first(where: { has($0 + " ") }), askingWords.contains(where: has),
                  !safeWords.contains(where: { has($0 + " ") }) else { continue }
            return data == "nik" ? "NIK" : data
        }
        return nil
    }

    /// Whether any finding blocks sending.
    public static func blocks(_ findings: [LintFinding]) -> Bool { findings.contains(where: \.blocking) }

    /// Names of `{variables}` left in the text, in order of first appearance.
    public static func unresolvedVariables(in text: String) -> [String] {
        var names: [String] = []
        for span in variableSpans(in: text) {
            let name = text[span].dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Where each `{variable}` left in the text stands, braces included, in order: the variables templates may use
    /// (`RenderContext.knownVariables`) and slips of them (`RenderContext.isSlip`).
    public static func variableSpans(in text: String) -> [Range<String.Index>] {
        var spans: [Range<String.Index>] = []
        TemplateText.scanBraces(text, literal: { _ in }, braced: { inner, whole in
            let name = inner.trimmingCharacters(in: .whitespaces)
            // A variable the desk knows, or a slip of one ("{sla.janji}", "{CITIZEN.NAME}", "{sla_promise}", "{ link }",
            // "{citizen}": a known variable's name or first part, in any case and spacing). Other braced words ("{nama}",
            // from a template's literal "{{nama}}", or "{NIK}" written as an example) are text, sent as written: no value
            // could ever be given for them.
            if RenderContext.isKnown(name) || TemplateText.isVariableName(name) && RenderContext.isSlip(name) {
                spans.append(whole.startIndex..<whole.endIndex)
            }
        })
        return spans
    }

    /// Humour a free text carries: laughter ("haha", "wkwk", "ngakak", "lol" …) or a laughing or teasing emoji is a
    /// light joke (2), a smiling emoji or face (`^_^`) is warm (1).
    public static func estimatedHumor(_ text: String, tokenizer: ToneTokenizer = ToneLexicon.shipped.tokenizer) -> HumorLevel {
        // The smiling faces the governor's tokenizer does not read (its tokens are what its weights were trained on).
        var level = warmFaces.contains { text.contains($0) } ? HumorLevel.warm : .none
        for token in tokenizer.tokens(text) {
            if token.text == "haha" || jokeEmoji.contains(token.text) { return .light }
            if warmEmoji.contains(token.text) { level = .warm }
        }
        return level
    }

    static let jokeEmoji: Set<String> = ["😂", "🤣", "😆", "😄", "😁", "😅", "🤭", "🫢", "🫣", "🙈", "😏", "😋", "😛", "😜", "😝", "🙃",
                                         "😹", "😸", "😺", "🙊", "🙉", "🫠", "🤪", "🤡", "😎", "🥳", "🎉", ":d", ":p", "xd",
                                         "ngakak", "kocak", "lmao", "rofl", "bercanda", "becanda", "kidding", "jk"]
    static let warmEmoji: Set<String> = ["😊", "🙂", "😀", "😃", "😉", "🥰", "😍", "🤗", "☺", ":)", ";)", "=)"]
    static let warmFaces = ["^_^", "^^", "^-^"]

    /// Mostly capitals: at least 12 letters, 70% or more of them upper-case.
    static func isShouting(_ text: String) -> Bool {
        var letters = 0
        var upper = 0
        for c in text where c.isLetter {
            letters += 1
            if c.isUppercase { upper += 1 }
        }
        return letters >= 12 && Double(upper) >= 0.7 * Double(letters)
    }

    /// Hosts of the links in `text`: `http(s)://host/…`, `www.host`, and bare domains such as `contoh.go.id/x`.
    public static func linkHosts(in text: String) -> [String] {
        var hosts: [String] = []
        for link in LinkSpotter.links(in: text) where !hosts.contains(link.host) { hosts.append(link.host) }
        return hosts
    }

    /// Suffix match on whole labels: `dukcapil.contoh.go.id` is under `go.id`; `notgo.id` is not.
    public static func isAllowed(host: String, allowList: [String]) -> Bool {
        let h = host.lowercased()
        return allowList.contains { domain in
            let d = domain.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            return !d.isEmpty && (h == d || h.hasSuffix("." + d))
        }
    }
}
