import Foundation

/// Reads a citizen's comment and decides how much humour a reply may carry, with reasons staff can read.
///
/// Pure and thread-safe: a governor is an immutable value over a compiled `ToneLexicon`, so one instance can
/// serve every thread of an import.
///
/// How a verdict is reached:
/// - **Language**: Indonesian and English marker words are counted after slang normalisation; both present
///   in fair share is `mixed`; no marker at all defaults to Indonesian (the desk's home language).
/// - **Sentiment**: a logistic model over normalised words and word pairs — hand-written valences
///   (`sentiment.tsv`) plus weights learned from the IndoNLU training rows (`sentiment-weights.tsv`). The
///   logit says how likely the writer is upset. `sentiment` is that evidence scaled to -1…1 around the
///   no-evidence point, so a plain question reads 0.
/// - **Cautious humour threshold**: humour needs the logit *below* the model's `threshold`, i.e. clear signs
///   of good mood. A text with no feeling either way gets no humour: upset people often write plainly, and
///   a joke to an upset citizen costs far more than a missing one to a neutral citizen. A writer who jokes (wkwk,
///   haha, 😂) needs less (`jokeThreshold`: laughter is itself a sign of good mood). Thanks with no
///   complaint, rude word or sensitive topic counts as such a sign on its own; a praise word alone does not
///   (the model weighs it, and in tweets it is often sarcastic or a plain adverb such as "cepat").
/// - **Sarcasm**: praise or thanks (incl. 👍) together with complaint content ("mantap, jalan rusak lagi 👍")
///   reads as a complaint, negative and not joking.
/// - **Humour**: 0 on any sensitive topic, rude language, a complaint, sentiment short of the threshold, in
///   crisis mode or when humour is switched off; 2 when the citizen jokes and nothing above applies; else 1.
public struct ToneGovernor: Sendable {
    /// The word knowledge used.
    public let lexicon: ToneLexicon
    /// No humour anywhere (a disaster, national mourning).
    public var crisisMode: Bool
    /// The agency allows humour at all.
    public var humorEnabled: Bool

    /// A governor over `lexicon` (the shipped one by default) with the given humour settings.
    public init(lexicon: ToneLexicon = .shipped, crisisMode: Bool = false, humorEnabled: Bool = true) {
        self.lexicon = lexicon
        self.crisisMode = crisisMode
        self.humorEnabled = humorEnabled
    }

    /// A governor following the agency's `[humor]` settings.
    public init(config: DeskConfig, lexicon: ToneLexicon = .shipped) {
        self.init(lexicon: lexicon, crisisMode: config.crisisMode, humorEnabled: config.humorEnabled)
    }

    /// Sentiment (-1…1) at and above which the text shows enough good mood for humour (`joking`: when the writer jokes).
    public func humorFloor(joking: Bool = false) -> Double {
        Self.sentiment(logit: joking ? lexicon.jokeThreshold : lexicon.threshold, bias: lexicon.bias)
    }

    /// Words with which citizens open a message they call a suggestion.
    static let suggestionLabels: Set<String> = ["saran", "usul", "usulan", "masukan", "suggestion", "idea"]
    /// Words of address that may come before it ("Min, saran: …", "Assalamualaikum, usul: …").
    static let greetings: Set<String> = ["min", "admin", "mimin", "pak", "bu", "kak", "halo", "hai", "hi", "hello", "dear", "selamat",
                                         "pagi", "siang", "sore", "malam", "permisi", "assalamualaikum", "wali", "kota", "walikota"]
    /// Sentiment at or below which a message with a complaint word is plainly displeased, whatever it calls itself.
    static let displeased = -0.6

    /// Words for a child: with abuse or violence in the same message, children's safety is at stake.
    static let childWords: Set<String> = ["anak", "anakku", "anaknya", "balita", "bayi", "bocah", "murid", "siswa", "siswi", "pelajar",
                                          "sd", "paud", "child", "children", "kid", "kids", "son", "daughter", "student", "students",
                                          "pupil", "toddler", "baby"]

    /// Words for an old or confused person: gone missing, they need someone at once as a child does (a health emergency:
    /// "bapak saya (78 th) pikun, keluar rumah sejak jam 6 pagi belum pulang").
    static let elderWords: Set<String> = ["lansia", "kakek", "nenek", "mbah", "eyang", "opa", "oma", "pikun", "demensia", "alzheimer",
                                          "odgj", "elderly", "grandfather", "grandmother", "grandpa", "grandma", "dementia"]

    /// Words for a person gone missing: said of a child a few words before, children's safety is at stake.
    static let missingWords: Set<String> = ["hilang", "terpisah", "missing"]
    /// Words that say a child is missing when negated: "anak saya belum pulang sejak air naik", "not home yet".
    static let notBackWords: Set<String> = ["pulang", "kembali", "home"]
    /// Words that, negated before "home", say the same: "hasn't come home", "never came home", "has not been home" —
    /// when the writer is worried (`homeWorryWords`): "couldn't come home for lunch" is no child missing.
    static let homeComingWords: Set<String> = ["come", "came", "been", "returned", "return", "gone"]
    /// Words of a search or a worry that make "hasn't come home" a child missing: last seen, the police, help.
    static let homeWorryWords: Set<String> = ["seen", "police", "polisi", "worried", "scared", "afraid", "help", "tolong", "answering",
                                              "reach", "find", "searching", "search", "missing", "hilang"]
    /// Words for the account's admin as written, the subject of banter ("adminnya jomblo ga?"); not "min", which opens
    /// most messages (and which slang normalisation makes "admin" too).
    static let adminWords: Set<Substring> = ["admin", "adminnya", "mimin", "miminnya", "minnya"]

    /// A short message about the admin: ten words or fewer, one of them `adminWords` as the writer wrote it.
    static func isBanterAboutTheAdmin(_ text: String, _ tokens: [ToneTokenizer.Token]) -> Bool {
        guard tokens.lazy.filter(\.isWord).count <= 10 else { return false }
        return text.lowercased().split { !$0.isLetter }.contains { adminWords.contains($0) }
    }

    /// Below this sentiment a praise or thanks word does not make a message praise.
    static let praiseFloor = -0.3
    /// Words that give the reason someone is not home yet: "soalnya", "karena", "because" ("masih" and "lagi" are left
    /// out: "belum pulang lagi sejak kemarin", "masih belum ada kabar" are a child missing).
    static let notYetReasons: Set<String> = ["soalnya", "karena", "sebab", "because"]
    /// How many words after the child word a missing word may come ("anak saya Rizki umur 7 tahun hilang": six).
    static let missingChildSpan = 8

    /// Words for waiting (after slang normalisation: "nunggu" is "menunggu").
    static let waitWords: Set<String> = ["menunggu", "tunggu", "ditunggu", "waited", "waiting", "wait"]
    /// Words for something out of order, which the writer times as a wait ("lampu jalan mati udah sebulan", "rusak 3
    /// bulan") — unless it works again (`fixedWords`: "… yang mati 3 bulan sudah menyala, terima kasih").
    static let brokenWords: Set<String> = ["mati", "rusak", "padam", "bocor", "mampet", "tersumbat", "macet", "broken"]
    static let fixedWords: Set<String> = ["menyala", "nyala", "diperbaiki", "beres", "normal", "akhirnya", "fixed", "working"]
    /// Words for a road, which "kolam" beside makes the stock complaint of a flooded or potholed road ("jalan depan rumah
    /// jadi kolam renang gratis", "lubangnya bisa buat kolam lele"), not a fish pond.
    static let roadWords: Set<String> = ["jalan", "jalanan", "gang", "lubang", "aspal", "road", "street", "pothole"]
    /// Words of neglect: with a child named anywhere in the message, children's safety.
    static let neglectWords: Set<String> = ["ditelantarkan", "menelantarkan", "penelantaran", "terlantar", "telantar"]
    /// Things a person owns, named just before them: "KIA anak hilang", "sepeda anak saya hilang" is the child's card or bike
    /// that is lost, not the child (a child-safety phrase or the missing-child reading after one of them is none).
    static let belongings: Set<String> = ["kia", "ktp", "kk", "akta", "ijazah", "rapor", "kartu", "sepeda", "hp", "tas", "dompet", "sepatu",
                                          "buku", "mainan", "seragam", "motor", "berkas", "dokumen", "identitas", "kelahiran", "paspor",
                                          "kacamata", "kucing", "anjing", "uang", "jajan", "kis", "bpjs", "laptop", "helm", "boneka", "ponsel"]
    /// Whether `thing` names one of `belongings` standing right before `person` as written ("tas anak saya hilang", not
    /// "beli tas, anak saya hilang").
    static func ownedBy(_ thing: String, _ person: String, in lowered: String) -> Bool {
        belongings.contains(thing) && lowered.contains(thing + " " + person)
    }

    /// Words that tell an old person is lost, not their card ("KTP kakek saya hilang"): with an elder word and a missing
    /// word, a health emergency.
    static let lostPersonCues: Set<String> = ["pikun", "demensia", "alzheimer", "odgj", "tersesat", "cari", "dicari", "mencari",
                                              "keluar", "dementia", "wandered", "search", "looking"]
    /// The first bytes of `waitWords` and `brokenWords`, by byte: most words are passed over without hashing them.
    static let waitInitials: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for word in waitWords.union(brokenWords) { table[Int(word.utf8.first!)] = true }
        return table
    }()
    /// `waitWords` (false) and `brokenWords` (true) in one table: many words start with their letters.
    static let timedWords = WordTable<Bool>(Dictionary(uniqueKeysWithValues: waitWords.map { ($0, false) } + brokenWords.map { ($0, true) }))
    /// `missingWords` and `notBackWords` (true when said negated), looked up for every word of every comment.
    static let missingTable = WordTable<Bool>(Dictionary(uniqueKeysWithValues: missingWords.map { ($0, false) } + notBackWords.map { ($0, true) }))
    /// Units of a long wait, after a number ("3 bulan", "6 hours").
    static let waitUnits: Set<String> = ["jam", "hari", "minggu", "bulan", "tahun", "hour", "hours", "day", "days", "week", "weeks",
                                         "month", "months", "year", "years"]
    /// A long wait in one word ("sebulan", "berbulan-bulan").
    static let longWaits: Set<String> = ["seharian", "seminggu", "sebulan", "setahun", "berjam", "berhari", "berminggu", "berbulan", "bertahun"]
    /// Numbers written as words.
    static let numberWords: Set<String> = ["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
                                           "belasan", "puluhan", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                           "ten", "several", "many"]

    /// How long the writer says they waited ("nunggu 3 bulan", "waited 6 hours", "menunggu sebulan"), read as a
    /// complaint: thanks or praise around it ("makasih udah bikin saya nunggu 3 bulan 😂") is sarcasm, not good mood.
    /// A wait word followed within four words by a number and a unit of time, or by a long wait in one word; not a
    /// countdown ("nunggu lebaran tinggal 3 hari lagi").
    static func waitedFor(_ tokens: [ToneTokenizer.Token]) -> String? {
        func isNumber(_ word: String) -> Bool { word.allSatisfy(\.isNumber) || numberWords.contains(word) }
        lazy var fixed = tokens.contains { fixedWords.contains($0.text) }
        for (i, token) in tokens.enumerated() where token.isWord && waitInitials[Int(token.text.utf8.first ?? 0)] {
            guard let broken = timedWords[token.text], !broken || !fixed else { continue }
            // Told before the wait word: "2 minggu nunggu balasan", "tiga bulan nunggu KTP".
            if i >= 2, isNumber(tokens[i - 2].text), waitUnits.contains(tokens[i - 1].text) { return phrase(tokens, i - 2, 3) }
            if i >= 1, longWaits.contains(tokens[i - 1].text) { return phrase(tokens, i - 1, 2) }
            for j in (i + 1)..<min(tokens.count, i + 6) {
                let word = tokens[j].text
                if longWaits.contains(word) { return phrase(tokens, i, j - i + 1) }
                guard isNumber(word), j + 1 < tokens.count, waitUnits.contains(tokens[j + 1].text) else { continue }
                // "tinggal 3 hari lagi", "3 days to go" count down to something awaited: no complaint.
                let countdown = tokens[i..<j].contains { $0.text == "tinggal" } || j + 2 < tokens.count && ["lagi", "to"].contains(tokens[j + 2].text)
                if !countdown { return phrase(tokens, i, j - i + 2) }
            }
        }
        return nil
    }

    /// One of `people` named with a missing word up to `missingChildSpan` words after it ("hilang", or a negated "pulang"),
    /// and nothing else of theirs lost between ("sepeda anak saya dicuri, helmnya juga hilang" is no child gone), as
    /// "anak … hilang"; with `cues`, only when one of them is in the message ("pikun", "dicari"); nil when none is.
    static func missingPerson(_ words: [ToneTokenizer.Token], among people: Set<String>, needing cues: Set<String>? = nil,
                              in lowered: String) -> String? {
        for (i, word) in words.enumerated() where people.contains(word.text) {
            if i > 0, ownedBy(words[i - 1].text, word.text, in: lowered) { continue }
            let after = words[(i + 1)..<min(words.count, i + 1 + missingChildSpan)]
            guard let at = after.indices.first(where: { isMissing(words, $0) }) else { continue }
            if words[(i + 1)..<at].contains(where: { $0.text.hasSuffix("nya") && $0.text.count > 4 }) { continue }
            // Not home yet for a reason told ("belum pulang soalnya lagi main futsal") is no one missing.
            if !missingWords.contains(words[at].text),
               words[(at + 1)..<min(words.count, at + 4)].contains(where: { notYetReasons.contains($0.text) }) { continue }
            if let cues, !words.contains(where: { cues.contains($0.text) }) { return nil }
            return word.text + " … " + words[at].text
        }
        return nil
    }

    /// Animals whose names are also insults ("anjing", "babi").
    static let animalInsults: Set<String> = ["anjing", "babi"]
    /// Words beside such a name that make it the animal: bitten, chased, kept, wild, the neighbour's, rabies.
    static let animalBefore: Set<String> = ["digigit", "gigitan", "dikejar", "diserang", "ekor", "pelihara", "peliharaan", "memelihara", "daging"]
    static let animalAfter: Set<String> = ["liar", "tetangga", "peliharaan", "rabies", "hutan", "menggigit", "gigit", "galak"]

    /// Whether the rude word at `k` names the animal ("digigit anjing", "anjing liar", "babi hutan").
    static func isAnimal(_ tokens: [ToneTokenizer.Token], at k: Int) -> Bool {
        guard animalInsults.contains(tokens[k].text) else { return false }
        return k > 0 && animalBefore.contains(tokens[k - 1].text) || k + 1 < tokens.count && animalAfter.contains(tokens[k + 1].text)
    }

    /// Whether the word at `k` says someone is missing: "hilang", a negated "pulang" ("belum pulang"), or "home" after a
    /// negated "come" in a worried message ("hasn't come home since last night … last seen").
    static func isMissing(_ words: [ToneTokenizer.Token], _ k: Int) -> Bool {
        if missingTable[words[k].text].map({ !$0 || words[k].negated }) == true { return true }
        return k > 0 && words[k].text == "home" && words[k - 1].negated && homeComingWords.contains(words[k - 1].text)
            && words.contains { homeWorryWords.contains($0.text) }
    }

    /// Whether the message is a "no" followed by thanks and little else ("tidak, terima kasih", "ga usah, makasih",
    /// "no, thanks").
    static func declinesWithThanks(_ tokens: [ToneTokenizer.Token]) -> Bool {
        var words = tokens.lazy.filter(\.isWord).map(\.text).makeIterator()
        guard let first = words.next(), ToneTokenizer.negators.contains(first) else { return false }
        var count = 1, thanks = false
        while let word = words.next() {
            count += 1
            if count > 5 { return false }
            if count <= 3, word == "terima" || word == "thanks" || word == "thank" { thanks = true }
        }
        return thanks
    }

    /// Whether the message opens with thanks, after any greetings ("Terima kasih kepada …", "Min, makasih ya …").
    static func opensWithThanks(_ tokens: [ToneTokenizer.Token]) -> Bool {
        let words = tokens.lazy.filter(\.isWord).map(\.text)
        guard let at = words.firstIndex(where: { !greetings.contains($0) }) else { return false }
        let next = words.index(after: at)
        return ["thanks", "thank", "thx"].contains(words[at]) || words[at] == "terima" && next < words.endIndex && words[next] == "kasih"
    }

    /// The label word when the message opens with one, after any greetings, and it is not "saran dari …" (a suggestion
    /// someone else made), "usul saya ditolak" told as a story (but "masukan saya untuk …" is one), or "saran dong"
    /// (asking the agency for advice).
    static func suggestionLabel(_ tokens: [ToneTokenizer.Token]) -> String? {
        let words = tokens.lazy.filter(\.isWord).map(\.text)
        guard let at = words.firstIndex(where: { !greetings.contains($0) }), suggestionLabels.contains(words[at]) else { return nil }
        let next = words.index(after: at)
        if next < words.endIndex, ["dari", "from", "dong", "donk"].contains(words[next]) { return nil }
        // "Usul saya ditolak …" tells of one, "Masukan saya untuk pemkot: …" makes one.
        if next < words.endIndex, ["saya", "kami", "my", "our"].contains(words[next]) {
            let after = words.index(after: next)
            guard after < words.endIndex, ["untuk", "buat", "for", "to", "ke", "kepada"].contains(words[after]) else { return nil }
        }
        return words[at]
    }

    /// What one reading of a comment found, before any reason is written.
    struct Reading {
        var tokens: [ToneTokenizer.Token]
        var ids: [Int32]
        var logit: Double
        var pleasant: [String] = []
        var unpleasant: [String] = []
        var cueWords: [ToneLexicon.Cue: String] = [:]
        var topicWords: [SensitiveTopic: String] = [:]
        var topics: [SensitiveTopic] = []
        var asks = false
        var praised: String?
        var complaint: String?
        var sarcastic = false
        var rude: String?
        var spam: String?
        var joking = false
        /// Set when clear thanks with nothing troubling counts as good mood on its own.
        var pleasedBy: String?
        var logitForHumor: Double = 0
        var sentiment: Double = 0
        var intent: Intent = .other
        var intentCue = Localized(both: "")
    }

    /// Reads a comment: tokens, score, cues, topics, sentiment and intent (shared by `verdict` and `commentTone`).
    func read(_ text: String) -> Reading {
        let tokens = lexicon.tokenizer.tokens(text)
        let ids = tokens.map { lexicon.id($0.text) }
        var r = Reading(tokens: tokens, ids: ids, logit: 0)
        r.logit = score(tokens, ids, pleasant: &r.pleasant, unpleasant: &r.unpleasant)

        // Cues and topics.
        lexicon.cues.matches(in: ids) { cue, start, length in
            var cue = cue
            // "you are not idiots" is no insult, nor is a dog that bit a child ("digigit anjing tetangga").
            if cue == .rude, tokens[start].negated || Self.isAnimal(tokens, at: start) { return }
            if tokens[start].negated, cue == .praise || cue == .thanks || cue == .joke {
                // "tidak bagus", "not great": negated praise is a complaint.
                guard cue == .praise else { return }
                cue = .complaint
            }
            if r.cueWords[cue] == nil { r.cueWords[cue] = (tokens[start].negated ? "tidak " : "") + Self.phrase(tokens, start, length) }
        }
        if r.cueWords[.complaint] == nil, let waited = Self.waitedFor(tokens) { r.cueWords[.complaint] = waited }
        if r.cueWords[.complaint] == nil, tokens.contains(where: { $0.text == "kolam" }),
           let road = tokens.first(where: { Self.roadWords.contains($0.text) }) {
            r.cueWords[.complaint] = road.text + " … kolam"
        }
        // "flooded with potholes", "my phone is dead", "food court": a topic phrase inside such a phrase is not the topic —
        // only where its words stand together as written ("kebanjiran, pesanan katering rusak" is a flood).
        var figurative: [Range<Int>] = []
        var loweredText: String?
        /// The text lower-cased, made once when first asked for (most comments never need it).
        func lowered() -> String {
            if let loweredText { return loweredText }
            loweredText = text.lowercased()
            return loweredText!
        }
        lexicon.notTopics.matches(in: ids) { _, start, length in
            guard lowered().contains(tokens[start..<(start + length)].map(\.text).joined(separator: " ")) else { return }
            figurative.append(start..<(start + length))
        }
        lexicon.topics.matches(in: ids) { topic, start, length in
            guard !figurative.contains(where: { $0.lowerBound <= start && $0.upperBound >= start + length }) else { return }
            // "sepeda anak saya hilang": the child's bike is lost, not the child.
            if topic == .childSafety, start > 0, Self.ownedBy(tokens[start - 1].text, tokens[start].text, in: lowered()) { return }
            if r.topicWords[topic] == nil { r.topicWords[topic] = Self.phrase(tokens, start, length) }
        }
        // Abuse or violence against a child is a matter of children's safety too, wherever the child is named
        // ("Anak saya dibully di sekolah", "a child is being abused"), so a standard for child_safety applies.
        if r.topicWords[.childSafety] == nil, let harm = r.topicWords[.abuse] ?? r.topicWords[.violence],
           let child = tokens.first(where: { $0.isWord && Self.childWords.contains($0.text) }) {
            r.topicWords[.childSafety] = child.text + " … " + harm
        }
        // A child left without care ("anaknya ditelantarkan, 3 hari ditinggal sendirian", "orang tuanya menelantarkan anaknya").
        if r.topicWords[.childSafety] == nil, let neglect = tokens.first(where: { Self.neglectWords.contains($0.text) }),
           let child = tokens.first(where: { $0.isWord && Self.childWords.contains($0.text) }) {
            r.topicWords[.childSafety] = child.text + " … " + neglect.text
        }
        // A child named, missing a few words later ("anak saya Dimas (7 th) hilang terpisah saat evakuasi"): the
        // phrases of topics.tsv cannot hold the name and age between. An old or confused person likewise.
        let words = tokens.filter(\.isWord)
        if words.indices.contains(where: { Self.isMissing(words, $0) }) {
            for (topic, people) in [(SensitiveTopic.childSafety, Self.childWords), (.healthEmergency, Self.elderWords)] where r.topicWords[topic] == nil {
                let cues = topic == .healthEmergency ? Self.lostPersonCues : nil
                if let missing = Self.missingPerson(words, among: people, needing: cues, in: lowered()) {
                    r.topicWords[topic] = missing
                }
            }
        }
        r.topics = r.topicWords.keys.sorted()
        r.asks = text.utf8.contains(UInt8(ascii: "?")) || r.cueWords[.question] != nil
        r.praised = r.cueWords[.praise] ?? r.cueWords[.thanks]
        r.complaint = r.cueWords[.complaint]
        r.sarcastic = r.praised != nil && r.complaint != nil
        r.rude = r.cueWords[.rude]
        r.spam = r.cueWords[.spam]
        // A person in distress is never spam, whatever loan or gambling word they name ("ga kuat lagi hidup, utang pinjol
        // numpuk"): a spam flag would sink the one reply that matters below a warning.
        if r.spam != nil, [SensitiveTopic.healthEmergency, .abuse, .childSafety].contains(where: { topic in
            r.topicWords[topic].map { !Self.onlyInHashtags($0, lowered()) } ?? false
        }) {
            r.spam = nil
        }
        r.joking = r.cueWords[.joke] != nil && !r.sarcastic

        // Clear thanks with nothing troubling counts as good mood on its own — only in a short comment without
        // "tapi"/"but" (mixed feelings). Praise words alone are left to the model.
        r.logitForHumor = r.logit
        if let thanked = r.cueWords[.thanks], r.complaint == nil, r.rude == nil, r.topics.isEmpty, r.unpleasant.isEmpty,
           tokens.count <= Self.shortComment, !ids.contains(where: { lexicon.contrast.contains($0) }) {
            r.logitForHumor = min(r.logit, lexicon.threshold - 0.5)
            r.pleasedBy = thanked
        }
        r.sentiment = Self.sentiment(logit: r.logitForHumor, bias: lexicon.bias)
        if r.sarcastic { r.sentiment = min(r.sentiment, -0.4) }

        // A citizen who opens with "Saran: …" or "Usul min, …" is heard as making a suggestion, though it asks, requests
        // or names what it would spare people ("biar antrean ga numpuk"). Not when it is rude, reports an incident, or
        // is plainly displeased (a complaint word, not negated, and sentiment at -0.6 or below): read as a suggestion, a
        // complaint would get a later deadline.
        let displeased = r.complaint.map { !$0.hasPrefix("tidak ") && r.sentiment <= Self.displeased } ?? false
        if r.rude == nil, !displeased, !r.topics.contains(where: \.isIncident), let label = Self.suggestionLabel(tokens) {
            r.intent = .suggestion
            r.intentCue = Localized("'\(label)' di awal", "'\(label)' up front")
        } else if let complaint = r.complaint {
            r.intent = .complaint
            r.intentCue = Localized(both: "'\(complaint)'")
        } else if r.rude != nil, r.sentiment < 0.25 {
            // Rude and not plainly in good humour (a swear word in a joke can be): displeased.
            r.intent = .complaint
            r.intentCue = Localized("kasar dan tidak senang", "rude and displeased")
        } else if Self.declinesWithThanks(tokens) {
            // "tidak, terima kasih", "no, thanks": a polite no, not praise.
            r.intent = .other
        } else if let thanked = r.cueWords[.thanks], !r.asks, r.topics.isEmpty, Self.opensWithThanks(tokens) {
            // "Terima kasih kepada tim … untuk para RT": thanks first is praise, whatever it names after.
            r.intent = .praise
            r.intentCue = Localized(both: "'\(thanked)'")
        } else if let report = r.cueWords[.report] ?? r.topics.first(where: \.isIncident).flatMap({ r.topicWords[$0] }),
                  !r.asks || r.topics.contains(where: \.isIncident) {
            r.intent = .report
            r.intentCue = Localized(both: "'\(report)'")
        } else if r.joking, r.cueWords[.question] == nil, r.sentiment > 0, r.unpleasant.isEmpty, r.topics.isEmpty,
                  Self.isBanterAboutTheAdmin(text, tokens) {
            // Banter about the admin with a question mark and no question word ("adminnya jomblo ga? 😂"): a joke to answer
            // in kind, not a question for the link reply ("kantor buka ga min? wkwk" still asks).
            r.intent = .praise
            r.intentCue = Localized("canda yang ramah", "a friendly joke")
        } else if r.asks {
            r.intent = .question
            r.intentCue = r.cueWords[.question].map { Localized(both: "'\($0)'") } ?? Localized("tanda tanya", "a question mark")
        } else if let request = r.cueWords[.request] {
            r.intent = .request
            r.intentCue = Localized(both: "'\(request)'")
        } else if let idea = r.cueWords[.suggestion] {
            r.intent = .suggestion
            r.intentCue = Localized(both: "'\(idea)'")
        } else if let praised = r.praised, r.sentiment > Self.praiseFloor {
            // A "🙏" or "cepat" in a displeased message ("BPJS saya nonaktif padahal rutin bayar 🙏") is no praise.
            r.intent = .praise
            r.intentCue = Localized(both: "'\(praised)'")
        } else if r.joking, r.sentiment > 0, r.unpleasant.isEmpty {
            // A joke about something gone wrong ("mati lagi haha") is not praise.
            r.intent = .praise
            r.intentCue = Localized("canda yang ramah", "a friendly joke")
        }
        return r
    }

    /// What import records of a comment — intent, sentiment and sensitive topics — without writing the reasons of a
    /// full verdict.
    public func commentTone(_ text: String) -> CommentTone {
        let r = read(text)
        // Spam rides a disaster's hashtag ("Promo giveaway … #banjir"): a topic it names only in hashtags is no tag, so no
        // emergency standard puts it first and no report counts it as a flood report. A report that reads like an ad
        // ("… terjebak di atap, info lengkap klik link") keeps its tag. (The verdict names the topic either way.)
        guard r.spam != nil else { return CommentTone(intent: r.intent, sentiment: r.sentiment, topics: r.topics) }
        let lowered = text.lowercased()
        let topics = r.topics.filter { topic in !Self.onlyInHashtags(r.topicWords[topic] ?? "", lowered) }
        return CommentTone(intent: r.intent, sentiment: r.sentiment, topics: topics)
    }

    /// Whether `phrase` stands in `text` (lower-cased) and every time inside a hashtag ("#BanjirBandung", "#banjir").
    static func onlyInHashtags(_ phrase: String, _ text: String) -> Bool {
        let places = phrase.isEmpty ? [] : text.ranges(of: phrase)
        guard !places.isEmpty else { return false }
        return places.allSatisfy { place in
            var start = place.lowerBound
            while start > text.startIndex, text[text.index(before: start)].isLetter || text[text.index(before: start)].isNumber {
                start = text.index(before: start)
            }
            return start > text.startIndex && text[text.index(before: start)] == "#"
        }
    }

    /// The verdict on one comment.
    public func verdict(_ text: String) -> ToneVerdict {
        let r = read(text)
        var reasons: [Localized] = []
        let lang = language(r.ids, reasons: &reasons)
        if let praised = r.pleasedBy {
            reasons.append(Localized("terbaca senang: '\(praised)' tanpa keluhan atau kata yang meresahkan",
                                     "reads pleased: '\(praised)' with no complaint or troubling word"))
        }
        reasons.append(sentimentReason(r.sentiment, pleasant: r.pleasant, unpleasant: r.unpleasant))
        if let praised = r.praised, let complaint = r.complaint {
            reasons.append(Localized("sarkasme: pujian '\(praised)' atas isi keluhan '\(complaint)' terbaca sebagai keluhan",
                                     "sarcasm: praise '\(praised)' on complaint content '\(complaint)' reads as a complaint"))
        }
        for topic in r.topics {
            let word = r.topicWords[topic]!
            reasons.append(Localized("topik sensitif \(topic.label.id): '\(word)'", "sensitive topic \(topic.rawValue): '\(word)'"))
        }
        if let rude = r.rude { reasons.append(Localized("bahasa kasar: '\(rude)'", "rude language: '\(rude)'")) }
        if let spam = r.spam { reasons.append(Localized("tampak seperti spam: '\(spam)'", "looks like spam: '\(spam)'")) }
        reasons.append(r.intent == .other
            ? Localized("maksud: lainnya (tidak ada pertanyaan, permintaan, keluhan, laporan, atau pujian)",
                        "intent: other (no question, request, complaint, report or praise found)")
            : Localized("maksud: \(r.intent.label.id) (\(r.intentCue.id))", "intent: \(r.intent.rawValue) (\(r.intentCue.en))"))
        if r.joking {
            let joke = r.cueWords[.joke]!
            reasons.append(Localized("warga sedang bercanda: '\(joke)'", "the citizen is joking: '\(joke)'"))
        }

        let humor: HumorLevel
        if !humorEnabled {
            humor = .none
            reasons.append(Localized("humor 0: humor dimatikan di konfigurasi ([humor] enabled = false)",
                                     "humour 0: humour is switched off in the configuration ([humor] enabled = false)"))
        } else if crisisMode {
            humor = .none
            reasons.append(Localized("humor 0: mode krisis aktif", "humour 0: crisis mode is on"))
        } else if !r.topics.isEmpty {
            humor = .none
            reasons.append(Localized("humor 0: topik sensitif (\(r.topics.map(\.label.id).joined(separator: ", ")))",
                                     "humour 0: sensitive topic (\(r.topics.map(\.rawValue).joined(separator: ", ")))"))
        } else if r.rude != nil {
            humor = .none
            reasons.append(Localized("humor 0: komentarnya kasar; jawab dengan tenang dan lugas",
                                     "humour 0: the comment is rude; answer calmly and plainly"))
        } else if r.intent == .complaint || r.complaint != nil {
            humor = .none
            reasons.append(r.intent == .complaint ? Localized("humor 0: sebuah keluhan", "humour 0: a complaint")
                : Localized("humor 0: ada isi keluhan ('\(r.complaint ?? "")')", "humour 0: it holds a complaint ('\(r.complaint ?? "")')"))
        } else if r.logitForHumor > (r.joking ? lexicon.jokeThreshold : lexicon.threshold) {
            humor = .none
            let (s, floor) = (r.sentiment, humorFloor(joking: r.joking))
            reasons.append(Localized("humor 0: suasana hati warga belum jelas positif (sentimen \(Self.signed(s, in: .id)), humor perlu \(Self.signed(floor, in: .id)) atau lebih)",
                                     "humour 0: no clear sign of good mood (sentiment \(Self.signed(s)), humour needs \(Self.signed(floor)) or more)"))
        } else if r.joking, let troubling = r.unpleasant.first {
            // Laughing about a street light out or a pothole: a warm answer, but the agency does not joke about it.
            humor = .warm
            reasons.append(Localized("humor 1: warga bercanda, tetapi tentang hal yang tidak menyenangkan ('\(troubling)'): hangat, tanpa lelucon",
                                     "humour 1: the citizen jokes, but about something unpleasant ('\(troubling)'): warm, no joke"))
        } else if r.joking {
            humor = .light
            reasons.append(Localized("humor 2: warga bercanda dan tidak ada yang sensitif",
                                     "humour 2: the citizen jokes and nothing sensitive is present"))
        } else {
            humor = .warm
            reasons.append(Localized("humor 1: suasana ramah, warga tidak bercanda", "humour 1: friendly mood, no joke from the citizen"))
        }
        return ToneVerdict(lang: lang, sentiment: r.sentiment, sensitiveTopics: r.topics, joking: r.joking, sarcastic: r.sarcastic,
                           rude: r.rude != nil, spam: r.spam != nil, intent: r.intent, humorAllowed: humor, explanations: reasons)
    }

    /// The model's logit of "the writer is upset" for `text`: bias, learned weights and hand valence of each
    /// distinct token and token pair, before any cue rule. `scripts/train_tone_weights.py` computes the same
    /// number (see `Tests/DeskCoreTests/Fixtures/score-parity.tsv`).
    func logit(_ text: String) -> Double {
        let tokens = lexicon.tokenizer.tokens(text)
        var pleasant: [String] = []
        var unpleasant: [String] = []
        return score(tokens, tokens.map { lexicon.id($0.text) }, pleasant: &pleasant, unpleasant: &unpleasant)
    }

    /// The logit of `tokens` (with their word ids), collecting up to three pleasant and unpleasant hand words.
    private func score(_ tokens: [ToneTokenizer.Token], _ ids: [Int32], pleasant: inout [String], unpleasant: inout [String]) -> Double {
        var logit = lexicon.bias

        // Unigrams (each feature once, as in training) with the hand valence.
        var features = [Int]()
        features.reserveCapacity(ids.count)
        for (t, id) in zip(tokens, ids) where id >= 0 { features.append(Int(id) * 2 + (t.negated ? 1 : 0)) }
        features.sort()
        var previous = -1
        for f in features where f != previous {
            previous = f
            logit += Double(lexicon.featureWeight[f])
            let v = Double(lexicon.valence[f / 2])
            guard v != 0 else { continue }
            let negated = f % 2 == 1
            logit += negated ? v * ToneLexicon.negatedScale * ToneLexicon.handScale : -v * ToneLexicon.handScale
            let shown = (negated ? "tidak " : "") + lexicon.word(Int32(f / 2))
            guard abs(v) >= 1 else { continue }
            if (v > 0) != negated { if pleasant.count < 3 { pleasant.append(shown) } } else if unpleasant.count < 3 { unpleasant.append(shown) }
        }
        // Word pairs, each once.
        if ids.count > 1 {
            var pairs = [UInt64]()
            pairs.reserveCapacity(ids.count)
            for k in 1..<ids.count where ids[k - 1] >= 0 && ids[k] >= 0 {
                let a = Int(ids[k - 1]) * 2 + (tokens[k - 1].negated ? 1 : 0)
                let b = Int(ids[k]) * 2 + (tokens[k].negated ? 1 : 0)
                pairs.append(ToneLexicon.pairKey(a, b))
            }
            pairs.sort()
            var last: UInt64? = nil
            for p in pairs where p != last {
                last = p
                logit += Double(lexicon.pairWeight[p] ?? 0)
            }
        }
        return logit
    }

    /// Counts Indonesian and English marker words.
    private func language(_ ids: [Int32], reasons: inout [Localized]) -> TextLanguage {
        var indonesian = 0
        var english = 0
        for id in ids where id >= 0 {
            let mark = lexicon.languageMark[Int(id)]
            if mark == 1 { indonesian += 1 } else if mark == 2 { english += 1 }
        }
        let lang: TextLanguage
        if english == 0 { lang = .indonesian } else if indonesian == 0 { lang = .english } else {
            let minority = Double(min(indonesian, english)) / Double(max(indonesian, english))
            lang = minority >= 0.34 ? .mixed : (indonesian > english ? .indonesian : .english)
        }
        let name = lang == .indonesian ? Localized("Indonesia", "Indonesian") : lang == .english ? Localized("Inggris", "English")
            : Localized("campuran Indonesia dan Inggris", "code-mixed Indonesian and English")
        reasons.append(indonesian + english == 0
            ? Localized("bahasa: \(name.id) (tanpa kata penanda; bawaan desk)", "language: \(name.en) (no marker words; the desk's default)")
            : Localized("bahasa: \(name.id) (\(indonesian) kata penanda Indonesia dan \(english) Inggris)",
                        "language: \(name.en) (\(indonesian) Indonesian and \(english) English marker words)"))
        return lang
    }

    private func sentimentReason(_ s: Double, pleasant: [String], unpleasant: [String]) -> Localized {
        func line(_ language: Language, _ sentiment: String, _ mood: (positive: String, negative: String, neutral: String), _ good: String,
                  _ bad: String) -> String {
            var words: [String] = []
            if !pleasant.isEmpty { words.append("\(good): " + pleasant.joined(separator: ", ")) }
            if !unpleasant.isEmpty { words.append("\(bad): " + unpleasant.joined(separator: ", ")) }
            let m = s >= 0.25 ? mood.positive : s <= -0.25 ? mood.negative : mood.neutral
            return "\(sentiment) \(Self.signed(s, in: language)) (\(m))" + (words.isEmpty ? "" : "; " + words.joined(separator: "; "))
        }
        return Localized(line(.id, "sentimen", ("positif", "negatif", "netral"), "menyenangkan", "tidak menyenangkan"),
                         line(.en, "sentiment", ("positive", "negative", "neutral"), "pleasant", "unpleasant"))
    }

    /// `+0.72`, `-0.05` (in Bahasa Indonesia `+0,72`): two decimals with a sign (String(format:) is slow on Linux
    /// and this runs at import).
    public static func signed(_ x: Double, in language: Language = .en) -> String {
        let hundredths = Int((abs(x) * 100).rounded())
        let sign = x < 0 && hundredths > 0 ? "-" : "+"
        let fraction = hundredths % 100
        return "\(sign)\(hundredths / 100)\(language == .id ? "," : ".")\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Tokens up to which a comment counts as short enough for thanks alone to show good mood.
    static let shortComment = 30

    /// Evidence relative to the no-evidence point, squashed to -1…1 (positive = pleased).
    static func sentiment(logit: Double, bias: Double) -> Double {
        tanh((bias - logit) / 4)
    }

    private static func phrase(_ tokens: [ToneTokenizer.Token], _ start: Int, _ length: Int) -> String {
        tokens[start..<(start + length)].map(\.text).joined(separator: " ")
    }
}
