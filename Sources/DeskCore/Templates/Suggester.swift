/// Ranks the template library for one comment and renders the best few.
///
/// Ranking, in order of weight:
/// - **Humour** is a filter, never a score: a template above the verdict's `humorAllowed` is never offered.
/// - **Sensitive topics**: a template written for a topic (`sensitive = ["death"]`) is offered only when the
///   comment touches that topic, and then ranks first (condolence for death, emergency for disaster and
///   health emergencies; when a death is told in a disaster, condolence comes first; the abuse help lines before 112;
///   the guidance for a person at risk — a suicide hint, an old person gone missing — before the general 112 reply;
///   dengue told with mosquitoes or a fogging asked for, the health office's reply before it; a fraud, the police
///   report with its evidence);
///   the general, careful replies stay available after it. A template written for another matter sinks, an apology for
///   "the inconvenience" is not offered on a death, a health emergency, violence, abuse or a child's safety, and
///   emergency guidance not for a death told after the fact nor for fraud; a rumour asked about gets the check first
///   and no condolence (docs/templates.md has every rule).
/// - **Language**: the comment's own language first (code-mixed comments get Indonesian first, English next).
/// - **Intent** (the one recorded at import wins over a fresh reading), then **keywords** after slang
///   normalisation, then special cases (rude comments get the calm reply, spam the warning, jokes the light
///   reply when humour 2 is allowed).
/// - **Conversation**: closing and follow-up messages are not offered before the agency has answered the citizen, and
///   a closing message only when the citizen says the matter is done (its keywords) or praises.
/// - **Platform**: a template not written for the platform, or whose rendered text is longer than the
///   platform allows, sinks.
/// - **Repeats**: a template sent to the same citizen in the last 30 days is skipped when another template with
///   the same purpose and language is available; otherwise it stays, lower, with a reason saying so.
/// At most two suggestions share a purpose, so staff see different kinds of answer; a comment in one language is not
/// offered the other language's version of a reply already offered in its own.
public enum Suggester {
    /// The best `limit` templates for the input, best first.
    public static func suggest(for input: SuggestionInput, library: TemplateLibrary, limit: Int = 5,
                               tokenizer: ToneTokenizer = ToneLexicon.shipped.tokenizer) -> [Suggestion] {
        guard limit > 0 else { return [] }
        let words = tokenizer.tokens(input.text).map(\.text)
        let wordSet = Set(words)
        let verdict = input.verdict
        let topics = Set(verdict.sensitiveTopics)
        let intent = input.intent

        // Asked whether news is true: a question that names a rumour ("beredar pesan berantai …, hoaks ya?", "people are
        // sharing a voice note, is it true?") or doubts hearsay ("katanya besok ada tsunami, beneran?"). "Beneran bisa
        // daftar online?" and "katanya dibuka minggu depan, syaratnya apa?" ask about a service; praise asks nothing.
        // Nothing has happened to anyone yet. A bribe asked about ("minta uang 300rb, katanya biaya admin, bener gitu?")
        // is a bribe told, not a rumour.
        func says(_ phrases: [[String]]) -> Bool { phrases.contains { matches($0, words, wordSet) } }
        func told(_ purpose: String) -> Bool {
            library.templates.indices.contains { i in
                library.templates[i].purpose == purpose && library.keywordTokens[i].contains { matches($0, words, wordSet) }
            }
        }
        let cues = library.cues
        // "Mohon klarifikasi" asks as a question mark does ("viral video katanya ada penculikan anak …, mohon klarifikasi").
        let clarifyAsked = says(cues.clarify)
        let rumourAsked = (input.text.contains("?") || intent == .question || clarifyAsked) && intent != .praise
            && (says(cues.source) || says(cues.hearsay) && (says(cues.doubt) || clarifyAsked)) && !told("integrity_report")
        // Fraud is for the police, never 112: told by its victim, warned of or asked about.
        let fraudNamed = says(cues.fraud)
        // Condolences offered by a citizen who is not the bereaved ("turut berduka atas meninggalnya Bapak Wakil Wali
        // Kota", "my condolences to the families"): thanked, not consoled as if bereaved nor told to call 112.
        // Not when they laugh ("berduka atas kekalahan timnas 😂") or ask for help ("turut berduka, tapi tolong kirim perahu").
        let helpAsked = says(cues.help)
        let sympathy = told("condolence_thanks") && !says(cues.bereaved) && !verdict.joking && !helpAsked
        // Words of a danger happening now: a fire, a flood, someone trapped or hurt.
        let caught = says(cues.caught)
        let dangerNow = caught || says(cues.harm)
        // Thanks for help already given ("makasih petugas DLH yang sigap membersihkan pohon tumbang tadi pagi"): praise, or a
        // pleased tone, with no danger or plea for help in it.
        let thanksAfterTheFact = (intent == .praise || verdict.sentiment >= 0.5) && !helpAsked && !dangerNow
        // A flood every time it rains ("got mampet, tiap hujan sebentar langsung banjir semata kaki"), with nobody trapped: a
        // drainage complaint to fix, not a disaster happening now.
        let rescueNeeded = caught || says(cues.rescue)
        let chronicFlood = says(cues.chronic) && !rescueNeeded
        // A body found ("ada mayat ditemukan di sungai, polisi belum datang"): the police through 112, not condolence to a
        // passer-by (the bereaved, who name their own family, are consoled).
        let bodyFound = says(cues.bodyFound) && !says(cues.bereaved)
        // A question about a disaster with no one in danger or asking for help ("gempa barusan, ada potensi tsunami?", "the
        // road to the airport is flooded, is there another route?"): the official information, not "call 112".
        // (A disaster word makes the intent a report, so the question mark says it.)
        let disasterAsked = input.text.contains("?") && topics == [.disaster] && !helpAsked && !dangerNow && !rescueNeeded
        // A citizen chasing a report that was not followed up ("sudah lapor dari minggu lalu tapi belum ada respon").
        // It says what is still not done ("belum ada respon", "still no one came"); "sudah lapor … langsung dibenerin" is thanks.
        let chased = told("chase_apology") && says(cues.notYet) && !thanksAfterTheFact

        var candidates: [Candidate] = []
        candidates.reserveCapacity(library.templates.count)
        for (i, t) in library.templates.enumerated() {
            guard t.humor <= verdict.humorAllowed else { continue }
            // Closing and following up answer an answer: never offered before the agency has given one.
            if input.agencyAnswered == false, t.purpose == "closing" || t.purpose == "follow_up" { continue }
            let topicFit = t.sensitive.filter { topics.contains($0) }
            if !t.sensitive.isEmpty, topicFit.isEmpty { continue }
            // Condolence for a disaster that is only rumoured is no answer to the question.
            if rumourAsked, t.purpose == "condolence" { continue }
            // A sympathiser is thanked; a bereaved citizen who writes "turut berduka" is consoled as before.
            if sympathy, t.purpose == "condolence" { continue }
            if !sympathy, t.purpose == "condolence_thanks" { continue }
            // 112 is for what is happening now: fraud (told, warned of or asked about) is never that.
            if fraudNamed, topics == [.violence], t.purpose == "emergency" { continue }
            var c = Candidate(index: i)
            // Language.
            switch (verdict.lang, t.lang) {
            case let (a, b) where a == b: c.add(30, .language)
            case (.mixed, .indonesian): c.add(30, .language)
            case (.mixed, .english): c.add(20, .language)
            default: break
            }
            // Sensitive topic.
            if !topicFit.isEmpty {
                c.add(40, .topic)
                c.topics = topicFit
                if t.purpose == "emergency", topics.contains(.disaster) || topics.contains(.healthEmergency) { c.add(6, .emergency) }
                // Someone who tells of a death is answered with condolence first, the emergency guidance after it.
                if topics.contains(.death), t.sensitive.contains(.death), t.purpose == "condolence" { c.add(30, .grief) }
                // Someone who tells of abuse is given the help lines first (SAPA 129), before 112 for the violence.
                if topics.contains(.abuse), t.sensitive.contains(.abuse) { c.add(25, .abuseHelp) }
                // A death told after the fact (a robbery last night) is no emergency to call 112 for ("Semoga semuanya
                // selamat" to a son who lost his father): not offered; in a disaster or a health emergency it stays.
                if topics.contains(.death), !t.sensitive.contains(.death), t.purpose == "emergency",
                   !topics.contains(.disaster), !topics.contains(.healthEmergency), !bodyFound { continue }
            } else if !topics.isEmpty, t.keywords.isEmpty || t.purpose == "ask_dm", t.purpose == "acknowledge" || t.purpose == "ask_dm" {
                // Not an apology for "the inconvenience": no careful reply to a suicide hint or a grieving son.
                c.add(15, .safeWithTopic)
            }
            // Intent.
            if t.intents.contains(intent) { c.add(20, .intent) } else if t.intents.isEmpty { c.add(8, .anyIntent) } else { c.add(-8, .otherIntent) }
            // Keywords.
            for (k, phrase) in library.keywordTokens[i].enumerated() where matches(phrase, words, wordSet) {
                if c.keywords.count < 4 { c.add(6, .keywords) }
                c.keywords.append(k)
            }
            // Closing a case needs the citizen to say it is done ("sudah beres", "thanks"): "still nobody came" is no close.
            if t.purpose == "closing", c.keywords.isEmpty, intent != .praise { continue }
            // A template for one situation needs its words: flood advice is no answer to a fire.
            if t.keywordsRequired, c.keywords.isEmpty { continue }
            // A person at risk (a suicide hint, an old man with dementia gone missing) gets the guidance written for them
            // before the general 112 reply ("Semoga semuanya selamat").
            if t.keywordsRequired, t.purpose == "emergency", t.sensitive == [.healthEmergency] { c.add(15, .personAtRisk) }
            // The abuse help lines answer a child's safety only when abuse is named ("diculik", "dipukuli"): a mother whose
            // child has not come home is not thanked for "daring to tell".
            if t.sensitive.contains(.abuse), !topics.contains(.abuse), c.keywords.isEmpty { continue }
            // A sensitive comment is not answered with a reply written for some other matter (a road repair to a grieving
            // son): a template with keywords of its own needs one of them; the general, careful replies stay.
            if !topics.isEmpty, c.topics.isEmpty, !t.keywords.isEmpty, c.keywords.isEmpty, t.purpose != "ask_dm" {
                c.add(-20, .otherMatter)
            }
            // "Mohon maaf atas ketidaknyamanannya" is no answer to a death, a suicide hint, violence, abuse or a missing child.
            if c.topics.isEmpty, t.purpose == "apology_holding" || t.purpose == "rude_calm", !topics.isDisjoint(with: Self.beyondApology) { continue }
            // A question asked in displeasure about something to fix ("udah makan korban 2 motor jatuh. kapan ditambal??") is
            // a complaint as well: the apology written for it fits as the link does.
            if intent == .question, verdict.sentiment <= -0.25, t.purpose == "apology_holding", t.intents.contains(.complaint), !c.keywords.isEmpty {
                c.add(36, .complainingQuestion)
            }
            // Special cases.
            if verdict.rude, t.purpose == "rude_calm" { c.add(25, .rude) }
            if verdict.spam, t.purpose == "spam_warning" { c.add(40, .spam) }
            if !verdict.spam, t.purpose == "spam_warning" { c.add(-30, .notSpam) }
            // Spam is warned about, not answered: an agency that thanks a gambling promoter for asking spreads the link.
            if verdict.spam, t.purpose != "spam_warning" { c.add(-30, .spamNotAnswered) }
            if verdict.joking, t.humor == .light, verdict.humorAllowed == .light { c.add(10, .joke) }
            // A joke about something to fix ("lubang di jalan segede kawah bulan 😂") is answered with the fix too.
            if verdict.joking, t.purpose == "apology_holding", t.keywordsRequired, !c.keywords.isEmpty { c.add(30, .jokeAboutTrouble) }
            // Another agency's matter (electricity, water supply, passports: the redirect's own words) is pointed there.
            if t.purpose == "redirect", !c.keywords.isEmpty { c.add(8, .elsewhere) }
            if t.humor == verdict.humorAllowed, t.humor != .none { c.add(3, .mood) }
            if Self.purposes[intent]?.contains(t.purpose) == true { c.add(8, .purpose) }
            // Closing and follow-up messages come later in a conversation: never first for a fresh question or request.
            if t.purpose == "closing" || t.purpose == "follow_up" {
                if c.keywords.isEmpty { c.add(-6, .laterInConversation) }
                if intent == .question || intent == .request || intent == .complaint || intent == .report { c.add(-10, .laterInConversation) }
            }
            // Calling something a hoax needs a sign that the citizen asks whether news is true ("hoaks", "benarkah",
            // "beredar" …): an ordinary report or complaint must never be told its information is false.
            if t.purpose == "hoax" || t.purpose == "hoax_check", c.keywords.isEmpty { c.add(-30, .noHoaxCue) }
            // "Benar tidak kalau SIM bisa diperpanjang di mal?" asks about a service, not a rumour: the answer comes first.
            if t.purpose == "hoax_check", !c.keywords.isEmpty, !rumourAsked { c.add(-10, .noHoaxCue) }
            // Whether news is false is for staff to establish: pointing to the official information comes first, the
            // correction ("Informasi tersebut tidak benar") after it, for when they have checked.
            if t.purpose == "hoax", !c.keywords.isEmpty { c.add(-8, .declaresFalse) }
            // A rumour asked about is answered first by pointing to the official word and promising to confirm.
            if rumourAsked, t.purpose == "hoax_check", !c.keywords.isEmpty { c.add(50, .rumourAsked) }
            // … and not with the help lines for a kidnapping or a flood that is only rumoured.
            if rumourAsked, t.purpose == "emergency" { c.add(-30, .rumourAsked) }
            if sympathy, t.purpose == "emergency" { c.add(-30, .sympathy) }
            if sympathy, t.purpose == "condolence_thanks" { c.add(40, .sympathy) }
            // Thanks for help already given ("makasih min udah respon cepat soal pohon tumbang kemarin") is no danger told.
            if thanksAfterTheFact, t.purpose == "hazard_report" || t.purpose == "emergency" || t.purpose == "condolence" && !topics.contains(.death) {
                c.add(-40, .thanksAfterTheFact)
            }
            // … and thanked, though its words name a danger (and so read as a report).
            if thanksAfterTheFact, !topics.isEmpty, t.purpose == "thanks", t.intents.contains(.praise) { c.add(40, .thanksAfterTheFact) }
            if chased, t.purpose == "chase_apology" { c.add(30, .chased) }
            // Sent elsewhere after waiting for weeks ("sudah lapor …", which names SP4N-LAPOR!'s word): no.
            if chased, t.purpose == "redirect" { c.add(-20, .chased) }
            // Reporting a bribe takes courage: it is thanked and taken up, not filed as feedback on the service — nor taken
            // for a rumour because it says "katanya biaya admin".
            if t.purpose == "integrity_report" { c.add(30, .integrity) }
            // Dengue told with mosquitoes or a fogging asked for is a matter for the health office, not a call to 112.
            if t.purpose == "public_health" { c.add(30, .publicHealth) }
            // A fallen pole, a dangling cable, a road caving in: keep away, the field team and PLN, 112 if someone is hurt —
            // before the general 112 reply and the condolence; with a fire, a flood or someone hurt told too, after them.
            if t.purpose == "hazard_report", !thanksAfterTheFact { c.add(dangerNow ? -30 : 30, dangerNow ? .dangerNow : .hazard) }
            // A child made to beg, put to work or neglected, told by a bystander: social services and SAPA 129, not
            // "thank you for daring to tell" (written for a victim).
            if t.purpose == "child_welfare" { c.add(30, .childWelfare) }
            // A scam in the agency's name asked about or warned of: never a transfer or an OTP; a victim gets the police report.
            if t.purpose == "fraud_warning" {
                if verdict.joking { c.add(-40, .notAVictim) } else if !told("fraud_report") { c.add(30, .fraudWarning) }
            }
            // A wallet or an ID card found: where to hand it in, the owner's data kept out of public.
            if t.purpose == "found_item", !thanksAfterTheFact { c.add(25, .foundItem) }
            if chronicFlood, t.purpose == "emergency" || t.purpose == "condolence" { c.add(-40, .chronicFlood) }
            if bodyFound, t.purpose == "condolence" { c.add(-40, .bodyFound) }
            if bodyFound, t.purpose == "emergency", !t.keywordsRequired { c.add(40, .bodyFound) }
            if disasterAsked, t.purpose == "emergency" || t.purpose == "condolence" { c.add(-40, .disasterAsked) }
            if disasterAsked, t.purpose == "answer_link", t.humor == .none { c.add(50, .disasterAsked) }
            if chronicFlood, t.purpose == "apology_holding", !c.keywords.isEmpty { c.add(20, .chronicFlood) }
            // A group named as the trouble ("usir aja pendatang itu"): the peace kept, the wrongdoer — not a group — reported.
            if t.purpose == "identity_calm" { c.add(30, .identityCalm) }
            // Stress, or counselling asked for: where to find it, with the crisis line all the same.
            if t.purpose == "counselling" { c.add(25, .counselling) }
            // "Mohon maaf baru sempat kami balas": only to a citizen kept waiting past the standard, and then near the top;
            // a joke about the admin's slowness ("kopinya sampai dingin") is no joke to them.
            if t.purpose == "apology_late" {
                guard input.answerLate == true else { continue }
                c.add(30, .late)
            }
            if input.answerLate == true, t.humor != .none { c.add(-10, .late) }
            // Good wishes (an anniversary, a holiday) are thanked as such, not as praise of a service.
            if t.purpose == "thanks", t.keywordsRequired, !c.keywords.isEmpty, intent != .complaint { c.add(15, .wishes) }
            // A fraud told after the fact is reported to the police with its evidence: no call to 112. A joke about being
            // "scammed" by one's own cat, or thanks for a warning, is no fraud told.
            if t.purpose == "fraud_report" {
                if verdict.joking || intent == .praise || intent == .suggestion { c.add(-40, .notAVictim) } else { c.add(30, .fraud) }
            }
            // A threat is answered as one: noted, not acceptable, the official channel; never "we hope everyone is safe".
            if t.purpose == "threat_response" { c.add(30, .threat) }
            // "We are outside our service hours" is untrue while the office is open.
            if t.purpose == "out_of_hours", input.officeOpen == true { c.add(-40, .officeOpen) }
            // … and the first thing to say when it is closed: the answer comes at the next opening.
            if t.purpose == "out_of_hours", input.officeOpen == false { c.add(25, .officeClosed) }
            // Platform.
            if !t.suits(input.platform) { c.add(-20, .platform) }
            candidates.append(c)
        }

        // Repeats: skip a recent template when an equivalent that is not recent is still a candidate.
        if !input.recentTemplateIDs.isEmpty {
            var fresh = Set<String>()
            for c in candidates where !input.recentTemplateIDs.contains(library.templates[c.index].id) {
                let t = library.templates[c.index]
                fresh.insert(t.purpose + "|" + t.lang.rawValue)
            }
            candidates = candidates.compactMap { c in
                let t = library.templates[c.index]
                guard input.recentTemplateIDs.contains(t.id) else { return c }
                if fresh.contains(t.purpose + "|" + t.lang.rawValue) { return nil }
                var kept = c
                kept.add(-15, .recent)
                return kept
            }
        }

        candidates.sort { a, b in
            a.score != b.score ? a.score > b.score : library.templates[a.index].id < library.templates[b.index].id
        }
        // Render the leaders, sink those too long for the platform, and keep at most two per purpose.
        var rendered: [(Candidate, String)] = []
        for var c in candidates.prefix(max(limit * 4, 12)) {
            let context = input.contextsByLanguage[library.templates[c.index].lang] ?? input.context
            let text = library.templates[c.index].render(context)
            if let max = input.platform.replyLimit, input.platform.replyLength(text) > max { c.add(-40, .tooLong) }
            // The agency's own details come from config.toml; a template needing one that is not set sinks, and says so.
            c.missingSettings = library.templates[c.index].text.missing(in: context).filter { $0.hasPrefix("agency.") }
            if !c.missingSettings.isEmpty { c.add(-25, .missingSetting) }
            rendered.append((c, text))
        }
        rendered.sort { a, b in
            a.0.score != b.0.score ? a.0.score > b.0.score : library.templates[a.0.index].id < library.templates[b.0.index].id
        }
        var chosen: [(Candidate, String)] = []
        var perPurpose: [String: Int] = [:]
        // The same reply in the other language is no second choice for a comment written in one: it leaves room for a
        // different answer (a code-mixed comment may be answered in either, and keeps both).
        let ownLanguage: TextLanguage? = verdict.lang == .mixed ? nil : verdict.lang
        var offeredInOwnLanguage = Set<String>()
        for item in rendered where chosen.count < limit {
            let t = library.templates[item.0.index]
            if perPurpose[t.purpose, default: 0] >= 2 { continue }
            if let ownLanguage, t.lang != ownLanguage, offeredInOwnLanguage.contains(t.purpose) { continue }
            perPurpose[t.purpose, default: 0] += 1
            if t.lang == ownLanguage { offeredInOwnLanguage.insert(t.purpose) }
            chosen.append(item)
        }
        for item in rendered where chosen.count < limit && !chosen.contains(where: { $0.0.index == item.0.index }) {
            chosen.append(item)
        }
        // A code-mixed comment may be answered in either language: its best reply in each is among the five, so a writer
        // who mostly wrote English is not offered Indonesian only.
        if verdict.lang == .mixed, limit >= 2 {
            for lang in TextLanguage.templateLanguages where !chosen.contains(where: { library.templates[$0.0.index].lang == lang }) {
                guard let best = rendered.first(where: { library.templates[$0.0.index].lang == lang }) else { continue }
                if chosen.count == limit { chosen.removeLast() }
                chosen.append(best)
            }
        }
        return chosen.map { c, text in
            let t = library.templates[c.index]
            return Suggestion(templateID: t.id, templateVersion: t.version, score: c.score, humor: t.humor, lang: t.lang,
                              purpose: t.purpose, title: t.title, text: text,
                              explanations: c.reasons(template: t, input: input, keywordTokens: library.keywordTokens[c.index]))
        }
    }

    /// Words the ranking looks for beyond the templates' own keywords — a rumour asked about, fraud named — normalised
    /// as the library's keywords are (`TemplateLibrary.cues`).
    struct SuggestionCues {
        /// A rumour named: "beredar", "pesan berantai", "hoaks", "voice note" …
        let source: [[String]]
        /// Something heard: "katanya", "kabarnya", "people say" …
        let hearsay: [[String]]
        /// Doubt: "beneran", "benarkah", "is it true" …
        let doubt: [[String]]
        /// Fraud named: "penipuan", "ditipu", "scammed", "fraudster" …
        let fraud: [[String]]
        /// Clarification asked for: "mohon klarifikasi", "please clarify" …
        let clarify: [[String]]
        /// One's own family named, as the bereaved do: "ayah saya", "my father" …
        let bereaved: [[String]]
        /// Help asked for now: "tolong", "butuh", "segera", "please help" …
        let help: [[String]]
        /// Something still not done: "belum", "masih", "still", "nobody" …
        let notYet: [[String]]
        /// A flood that comes back: "tiap hujan", "langganan banjir", "every time it rains" …
        let chronic: [[String]]
        /// A body found: "mayat", "jasad", "ditemukan tewas", "found dead" …
        let bodyFound: [[String]]
        /// Someone caught by a danger: "terjebak", "hanyut", "korban", "trapped" …
        let caught: [[String]]
        /// Harm happening now besides: someone hurt, a fire, a flood — "tertimpa", "terbakar", "banjir", "injured" …
        let harm: [[String]]
        /// A rescue called for besides: "evakuasi", "setinggi dada", "stranded" …
        let rescue: [[String]]

        init(tokenizer: ToneTokenizer) {
            func phrases(_ list: [String]) -> [[String]] { list.map { tokenizer.tokens($0).map(\.text) }.filter { !$0.isEmpty } }
            source = phrases(["hoaks", "hoax", "beredar", "pesan berantai", "rumor", "rumour", "broadcast", "voice note", "disebarkan",
                              "fake news", "berita palsu", "berita bohong"])
            hearsay = phrases(["katanya", "kabarnya", "dengar dengar", "denger denger", "they say", "people say", "people are saying",
                               "sharing", "heard that", "heard it", "heard from", "i heard", "grup wa", "grup whatsapp"])
            doubt = phrases(["beneran", "benarkah", "benar tidak", "benar nggak", "bener gak", "apa benar", "is it true", "true or not",
                             "real or not", "ini resmi", "resmi tidak", "apakah resmi", "is this official", "is this legit"])
            clarify = phrases(["klarifikasi", "mohon klarifikasi", "clarify", "please clarify", "clarification"])
            bereaved = phrases(["ayah saya", "bapak saya", "ibu saya", "mama saya", "papa saya", "suami saya", "istri saya", "anak saya",
                                "adik saya", "kakak saya", "kakek saya", "nenek saya", "keluarga saya", "keluarga kami", "ayah kami",
                                "ibu kami", "orang tua saya", "my father", "my mother", "my dad", "my mum", "my mom", "my husband",
                                "my wife", "my son", "my daughter", "my brother", "my sister", "my grandfather", "my grandmother",
                                "my family", "our family", "our father", "our mother"])
            notYet = phrases(["belum", "tidak ada", "masih", "tidak kunjung", "tak kunjung", "still", "no one", "nobody", "not yet",
                              "no response", "no reply"])
            bodyFound = phrases(["mayat", "jasad", "jenazah ditemukan", "ditemukan tewas", "ditemukan meninggal", "found dead", "body found",
                                 "a body"])
            chronic = phrases(["tiap hujan", "setiap hujan", "kalau hujan", "tiap musim hujan", "masalah banjir", "langganan banjir",
                                "selalu banjir", "every time it rains", "whenever it rains"])
            caught = phrases(["terjebak", "terperangkap", "hanyut", "tenggelam", "korban", "trapped"])
            rescue = phrases(["evakuasi", "mengungsi", "setinggi dada", "setinggi leher", "setinggi atap", "stranded", "rescue", "evacuate"])
            help = phrases(["tolong", "butuh", "segera", "mohon bantuan", "minta bantuan", "please help", "need help", "send help", "urgent"])
            harm = phrases(["terluka", "luka", "tertimpa", "terbakar", "kebakaran", "api", "terjatuh", "jatuh", "meninggal", "tewas",
                            "pingsan", "banjir", "longsor", "injured", "hurt", "fell in", "on fire", "fire", "burning", "killed", "flood",
                            "flooding"])
            fraud = phrases(["penipuan", "penipu", "ditipu", "tertipu", "kena tipu", "scam", "scammed", "scammer", "fraud", "fraudster",
                             "defrauded", "conned"])
        }
    }

    /// The topics an apology for "the inconvenience" would belittle (a flood complaint may still get one).
    static let beyondApology: Set<SensitiveTopic> = [.death, .healthEmergency, .violence, .childSafety, .abuse]

    /// The purposes that answer each intent best.
    static let purposes: [Intent: Set<String>] = [
        .question: ["answer_link", "steps", "hoax_check"], .request: ["steps", "ask_dm"], .complaint: ["apology_holding", "integrity_report"],
        .report: ["acknowledge", "emergency"], .suggestion: ["acknowledge", "thanks"], .praise: ["thanks"],
    ]

    /// Whether the keyword phrase occurs in the comment's words (single words by set lookup).
    static func matches(_ phrase: [String], _ words: [String], _ wordSet: Set<String>) -> Bool {
        guard let first = phrase.first, wordSet.contains(first) else { return false }
        if phrase.count == 1 { return true }
        guard words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == first {
            if Array(words[start..<(start + phrase.count)]) == phrase { return true }
        }
        return false
    }
}

/// A template under consideration: its score and the factors behind it (turned into words only for winners).
private struct Candidate {
    enum Factor: Hashable {
        case language, topic, emergency, publicHealth, fraud, notAVictim, rumourAsked, grief, safeWithTopic, intent, anyIntent, otherIntent, keywords, rude, spam, notSpam, spamNotAnswered
        case joke, mood, purpose, laterInConversation, noHoaxCue, officeOpen, officeClosed, platform, recent, tooLong, missingSetting
        case abuseHelp, otherMatter, declaresFalse, integrity, jokeAboutTrouble, elsewhere, threat, personAtRisk, hazard, childWelfare
        case complainingQuestion, sympathy, thanksAfterTheFact, chased, fraudWarning, foundItem, counselling, wishes, late, dangerNow
        case identityCalm, chronicFlood, bodyFound, disasterAsked
    }

    let index: Int
    var score = 0.0
    var factors: [Factor] = []
    /// The points each factor added, by factor.
    var points: [Factor: Double] = [:]
    var keywords: [Int] = []
    var topics: [SensitiveTopic] = []
    /// Variables of the agency's configuration (`agency.website` …) the rendered text still lacks.
    var missingSettings: [String] = []

    init(index: Int) { self.index = index }

    mutating func add(_ points: Double, _ factor: Factor) {
        score += points
        if !factors.contains(factor) { factors.append(factor) }
        self.points[factor, default: 0] += points
    }

    /// The factors, the weightiest first (by points either way); the language, which most candidates share,
    /// last. The composer shows the first as the suggestion's headline reason.
    var factorsByWeight: [Factor] {
        factors.enumerated().sorted { a, b in
            let (wa, wb) = (a.element == .language ? -1 : abs(points[a.element] ?? 0), b.element == .language ? -1 : abs(points[b.element] ?? 0))
            return wa != wb ? wa > wb : a.offset < b.offset
        }.map(\.element)
    }

    func reasons(template t: ReplyTemplate, input: SuggestionInput, keywordTokens: [[String]]) -> [Localized] {
        let lang = t.lang == .indonesian ? Localized("Bahasa Indonesia", "Indonesian") : Localized("bahasa Inggris", "English")
        let intent = input.intent.label
        let platform = input.platform.displayName
        let missingNames = missingSettings.map { "{\($0)}" }.joined(separator: ", ")
        let keywordList = keywords.map { keywordTokens[$0].joined(separator: " ") }.joined(separator: ", ")
        return factorsByWeight.map { factor in
            switch factor {
            case .language: input.verdict.lang == t.lang
                ? Localized("dalam bahasa komentar (\(lang.id))", "in the comment's language (\(lang.en))")
                : Localized("\(lang.id) untuk komentar berbahasa campuran", "\(lang.en) for a code-mixed comment")
            case .topic: Localized("ditulis untuk \(topics.map(\.label.id).joined(separator: ", "))",
                                   "written for \(topics.map(\.rawValue).joined(separator: ", "))")
            case .emergency: Localized("panduan darurat untuk bencana atau darurat kesehatan", "emergency guidance for a disaster or health emergency")
            case .notAVictim: Localized("lelucon, ucapan terima kasih atau saran, bukan laporan penipuan", "a joke, thanks or a suggestion, not a fraud told")
            case .rumourAsked: Localized("warga bertanya apakah kabar itu benar: rujuk informasi resmi, pastikan dulu", "the citizen asks whether news is true: point to the official word, confirm first")
            case .fraud: Localized("korban penipuan: lapor polisi dengan bukti", "a fraud victim: a police report with the evidence")
            case .publicHealth: Localized("DBD atau nyamuk di lingkungan: urusan Dinas Kesehatan", "dengue or mosquitoes in the neighbourhood: the health office's matter")
            case .hazard: Localized("bahaya di jalan (tiang, kabel, pohon, tanah ambles): jauhi lokasi, petugas dan PLN",
                                    "a danger in the street (pole, cable, tree, sinkhole): keep away, the field team and PLN")
            case .complainingQuestion: Localized("pertanyaan yang mengeluhkan sesuatu: permintaan maaf dan tindak lanjut juga cocok",
                                                 "a question that complains of something: the apology and follow-up fit too")
            case .sympathy: Localized("warga menyampaikan belasungkawa, bukan keluarga yang berduka: ucapkan terima kasih",
                                      "a citizen offers condolences, not the bereaved: thank them")
            case .thanksAfterTheFact: Localized("terima kasih atas bantuan yang sudah diberikan, bukan laporan bahaya",
                                                "thanks for help already given, not a danger told")
            case .chased: Localized("warga menagih laporan yang belum ditindaklanjuti: minta maaf, cek ulang, beri tanggal",
                                    "the citizen chases a report not followed up: apologise, check again, give a date")
            case .fraudWarning: Localized("penipuan atas nama instansi ditanyakan atau diingatkan: kami tidak pernah minta transfer",
                                          "a scam in the agency's name asked about or warned of: we never ask for transfers")
            case .foundItem: Localized("warga menemukan barang: tempat menyerahkan, data pemilik jangan di publik",
                                       "a citizen found something: where to hand it in, the owner's data kept private")
            case .counselling: Localized("stres atau mencari konseling: layanan dan tetap sebut layanan krisis",
                                         "stress or counselling asked for: where to find it, with the crisis line")
            case .bodyFound: Localized("jenazah ditemukan: polisi lewat 112, bukan belasungkawa kepada penemu",
                                       "a body found: the police through 112, not condolence to whoever found it")
            case .disasterAsked: Localized("pertanyaan tentang bencana tanpa orang dalam bahaya: informasi resmi dulu, bukan 112",
                                           "a question about a disaster with no one in danger: the official information, not 112")
            case .chronicFlood: Localized("banjir tiap hujan: keluhan saluran yang harus diperbaiki, bukan bencana saat ini",
                                          "a flood every time it rains: a drainage complaint to fix, not a disaster now")
            case .identityCalm: Localized("hasutan terhadap suatu kelompok: jaga kerukunan, kericuhan ke polisi",
                                          "incitement against a group: keep the peace, trouble to the police")
            case .dangerNow: Localized("ada kebakaran, banjir atau korban: panduannya dan 112 lebih dulu",
                                       "a fire, a flood or someone hurt: their guidance and 112 first")
            case .late: Localized("warga sudah menunggu melewati standar waktu: minta maaf atas keterlambatan dulu",
                                  "the citizen has waited past the standard: an apology for the wait first")
            case .wishes: Localized("ucapan selamat: terima kasih atas ucapannya", "good wishes: thanks for them")
            case .childWelfare: Localized("anak disuruh mengemis, bekerja atau ditelantarkan: Dinas Sosial dan SAPA 129",
                                          "a child made to beg, work or left neglected: social services and SAPA 129")
            case .grief: Localized("warga mengabarkan kematian: belasungkawa lebih dulu", "the citizen tells of a death: condolence comes first")
            case .safeWithTopic: Localized("balasan umum yang hati-hati untuk komentar sensitif", "a careful general reply for a sensitive comment")
            case .intent: input.triagedIntent != nil
                ? Localized("cocok dengan maksud '\(intent.id)' (tercatat di meja)", "fits the intent '\(input.intent.rawValue)' (as recorded on the desk)")
                : Localized("cocok dengan maksud '\(intent.id)'", "fits the intent '\(input.intent.rawValue)'")
            case .anyIntent: Localized("cocok untuk maksud apa pun", "suits any intent")
            case .otherIntent: Localized("ditulis untuk \(t.intents.map(\.label.id).joined(separator: "/")), bukan '\(intent.id)'",
                                         "written for \(t.intents.map(\.rawValue).joined(separator: "/")), not '\(input.intent.rawValue)'")
            case .keywords: Localized("kata kunci: " + keywordList, "keywords: " + keywordList)
            case .rude: Localized("jawaban tenang untuk komentar kasar", "a calm answer to a rude comment")
            case .spam: Localized("komentarnya tampak seperti spam", "the comment looks like spam")
            case .notSpam: Localized("peringatan spam, padahal komentarnya tidak tampak seperti spam",
                                     "a spam warning, and the comment does not look like spam")
            case .spamNotAnswered: Localized("komentarnya tampak seperti spam: cukup diperingatkan, tidak dijawab",
                                             "the comment looks like spam: warned about, not answered")
            case .joke: Localized("warga bercanda: canda ringan balik disambut", "the citizen is joking: a light joke back is welcome")
            case .mood: Localized("sesuai humor yang diizinkan (\(input.verdict.humorAllowed.label.id))",
                                  "matches the humour allowed (\(input.verdict.humorAllowed))")
            case .purpose: Localized("tujuannya (\(t.purpose)) cocok dengan maksud '\(intent.id)'",
                                     "its purpose (\(t.purpose)) suits the intent '\(input.intent.rawValue)'")
            case .laterInConversation: t.purpose == "closing"
                ? Localized("balasan penutup, biasanya di akhir percakapan", "a closing reply, usually later in a conversation")
                : Localized("balasan tindak lanjut, biasanya di akhir percakapan", "a follow-up reply, usually later in a conversation")
            case .noHoaxCue: Localized("koreksi hoaks, padahal komentarnya tidak menanyakan benar-tidaknya sebuah kabar",
                                       "corrects a hoax, and the comment does not ask whether some news is true")
            case .officeOpen: Localized("pemberitahuan di luar jam layanan, padahal kantor sedang buka", "an out-of-hours notice, and the office is open now")
            case .personAtRisk: Localized("seseorang dalam bahaya: panduan yang ditulis untuknya lebih dulu", "a person at risk: the guidance written for them first")
            case .threat: Localized("ancaman kekerasan: dicatat dan diarahkan ke jalur resmi", "a threat of violence: noted, and pointed to the official channel")
            case .jokeAboutTrouble: Localized("warga bercanda tentang sesuatu yang perlu diperbaiki: jawab perbaikannya juga",
                                              "the citizen jokes about something to fix: answer the fix too")
            case .elsewhere: Localized("urusan instansi lain (kata kuncinya ada): arahkan ke sana", "another agency's matter (its keywords are there): point the citizen there")
            case .declaresFalse: Localized("menyatakan kabar itu tidak benar: kirim hanya bila sudah dipastikan",
                                           "says the news is false: send it only once that is checked")
            case .integrity: Localized("laporan pungli atau suap: terima kasih, rahasia pelapor, jalur resmi",
                                       "a bribe or illegal fee reported: thanks, confidentiality, the official channel")
            case .officeClosed: Localized("kantor sedang tutup: jawabannya menyusul pada jam layanan", "the office is closed: the answer follows in service hours")
            case .abuseHelp: Localized("warga menceritakan kekerasan: layanan pendampingan lebih dulu", "the citizen tells of abuse: the help lines come first")
            case .otherMatter: Localized("komentar sensitif, dan balasan ini ditulis untuk urusan lain (kata kuncinya tidak ada)",
                                         "a sensitive comment, and this reply is written for another matter (none of its keywords)")
            case .platform: Localized("tidak ditulis untuk \(platform)", "not written for \(platform)")
            case .recent: Localized("sudah dikirim ke warga ini dalam 30 hari terakhir, dan tidak ada padanannya lagi",
                                    "already sent to this citizen in the last 30 days, and no equivalent is left")
            case .tooLong: Localized("lebih panjang dari batas \(platform)", "longer than \(platform) allows")
            case .missingSetting: Localized("perlu \(missingNames), yang belum diisi di bagian [agency] config.toml",
                                            "needs \(missingNames), not set in the [agency] section of config.toml")
            }
        }
    }
}
