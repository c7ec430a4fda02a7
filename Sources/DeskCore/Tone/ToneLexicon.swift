import Foundation

/// The tone governor's word knowledge, compiled once into lookup tables: slang, hand-written valence, learned
/// weights, sensitive topics, intent and joke cues, and language markers.
///
/// The files live in the shipped `lexicons/` folder (see each file's header): `slang.tsv`, `sentiment.tsv`,
/// `sentiment-weights.tsv` (made by `scripts/train_tone_weights.py`), `topics.tsv`, `cues.tsv`,
/// `language.tsv`. Every word is interned to a small integer so that scoring a comment needs no string
/// building beyond its own tokens.
public struct ToneLexicon: Sendable {
    /// Logit per unit of hand-written valence (must match `HAND_SCALE` in the training script).
    public static let handScale = 2.5
    /// A negated word counts with `-valence * negatedScale` (must match `NEGATED_SCALE`).
    public static let negatedScale = 0.8

    /// The kinds of cue phrase in `cues.tsv`.
    public enum Cue: String, CaseIterable, Sendable {
        case joke, praise, thanks, complaint, question, request, report, suggestion, rude, spam
    }

    /// Turns text into normalised tokens (with this lexicon's slang table).
    public let tokenizer: ToneTokenizer
    /// Learned logit of "the writer is upset" for a text with no known word.
    public let bias: Double
    /// Logit above which humour is withheld (chosen by cross-validation in the training script).
    public let threshold: Double
    /// The same when the writer jokes (wkwk, haha, 😂): laughter is a sign of good mood, so the training script raises
    /// it as far as the same floor on upset texts allows. `threshold` when the weights name none.
    public let jokeThreshold: Double

    var ids = WordTable<Int32>()
    var words: [String] = []
    /// Learned weight per feature id (`id * 2`, plus 1 when negated).
    var featureWeight: [Float] = []
    /// Learned weights of word pairs, keyed by `pairKey`.
    var pairWeight = PairWeights()
    /// Hand-written valence per word id.
    var valence: [Float] = []
    /// Language marker per word id: bit 1 Indonesian, bit 2 English.
    var languageMark: [UInt8] = []
    var topics = PhraseTable<SensitiveTopic>()
    /// Phrases that start with a topic's word and are not about it ("flooded with potholes", "banjir promo"): a topic
    /// phrase at the same word, and no longer than such a phrase, is not a match (`not` lines of `topics.tsv`).
    var notTopics = PhraseTable<Bool>()
    var cues = PhraseTable<Cue>()
    /// Ids of words that turn a sentence ("tapi", "namun", "but"): praise before them is not plain praise.
    var contrast: Set<Int32> = []

    /// An empty lexicon: every text is neutral, Indonesian, with no topic.
    public init() {
        tokenizer = ToneTokenizer(slang: [:])
        bias = 0
        threshold = -1
        jokeThreshold = -1
    }

    /// The shipped lexicon, loaded once. Problems reading it are in `shippedIssues`.
    public static let shipped: ToneLexicon = shippedLoad.lexicon
    /// Problems found while loading the shipped lexicon (empty in a sound installation).
    public static let shippedIssues: [FileIssue] = shippedLoad.issues
    private static let shippedLoad: (lexicon: ToneLexicon, issues: [FileIssue]) = {
        guard let dir = ShippedResources.directory?.appendingPathComponent("lexicons") else {
            return (ToneLexicon(), [FileIssue(file: "lexicons", line: nil, "the shipped lexicons are missing: reinstall Meja or set MEJA_RESOURCES")])
        }
        return load(directory: dir)
    }()

    /// Reads the lexicon files in `directory`; a missing or bad file becomes an issue and the rest still loads.
    public static func load(directory: URL) -> (lexicon: ToneLexicon, issues: [FileIssue]) {
        var issues: [FileIssue] = []
        func table(_ name: String) -> [TSVLine] {
            do { return try TSVLine.read(directory.appendingPathComponent(name).path) } catch {
                issues.append(error)
                return []
            }
        }
        var slang: [String: [String]] = [:]
        for line in table("slang.tsv") { slang[line.key] = line.value.split(separator: " ").map(String.init) }
        var lex = ToneLexicon(tokenizer: ToneTokenizer(slang: slang), weights: table("sentiment-weights.tsv"), issues: &issues)
        for line in table("sentiment.tsv") {
            guard let v = Float(line.value) else {
                issues.append(FileIssue(file: line.file, line: line.number, "valence '\(line.value)' is not a number between -3 and 3"))
                continue
            }
            lex.valence[Int(lex.intern(line.key))] = v
        }
        for line in table("language.tsv") {
            let id = Int(lex.intern(line.value))
            switch line.key {
            case "id": lex.languageMark[id] |= 1
            case "en": lex.languageMark[id] |= 2
            default: issues.append(FileIssue(file: line.file, line: line.number, "language must be id or en, not '\(line.key)'"))
            }
        }
        for line in table("topics.tsv") {
            if line.key == "not" {
                lex.notTopics.add(lex.phraseIDs(line.value), true)
                continue
            }
            guard let topic = SensitiveTopic(rawValue: line.key) else {
                issues.append(FileIssue(file: line.file, line: line.number, "unknown topic '\(line.key)' (known: \(SensitiveTopic.allCases.map(\.rawValue).joined(separator: ", ")))"))
                continue
            }
            lex.topics.add(lex.phraseIDs(line.value), topic)
        }
        for line in table("cues.tsv") {
            guard let cue = Cue(rawValue: line.key) else {
                issues.append(FileIssue(file: line.file, line: line.number, "unknown cue kind '\(line.key)' (known: \(Cue.allCases.map(\.rawValue).joined(separator: ", ")))"))
                continue
            }
            lex.cues.add(lex.phraseIDs(line.value), cue)
        }
        for word in ["tapi", "tetapi", "namun", "padahal", "sayangnya", "but", "however", "although"] {
            lex.contrast.insert(lex.intern(word))
        }
        return (lex, issues)
    }

    private init(tokenizer: ToneTokenizer, weights: [TSVLine], issues: inout [FileIssue]) {
        self.tokenizer = tokenizer
        var bias = 0.0
        var threshold = -1.0
        var jokeThreshold: Double?
        for line in weights {
            switch line.key {
            case "@bias": bias = Double(line.value) ?? bias
            case "@threshold": threshold = Double(line.value) ?? threshold
            case "@joke_threshold": jokeThreshold = Double(line.value)
            default: continue
            }
        }
        self.bias = bias
        self.threshold = threshold
        self.jokeThreshold = max(threshold, jokeThreshold ?? threshold)
        var pairs: [(String, String, Float)] = []
        for line in weights {
            guard let w = Double(line.value) else {
                issues.append(FileIssue(file: line.file, line: line.number, "weight '\(line.value)' is not a number: re-run scripts/train_tone_weights.py"))
                continue
            }
            switch line.key {
            case "@bias", "@threshold", "@joke_threshold": continue
            default:
                let parts = line.key.split(separator: " ")
                if parts.count == 2 {
                    pairs.append((String(parts[0]), String(parts[1]), Float(w)))
                } else {
                    let f = featureID(String(line.key))
                    featureWeight[f] = Float(w)
                }
            }
        }
        var pairWeights: [UInt64: Float] = [:]
        for (a, b, w) in pairs { pairWeights[Self.pairKey(featureID(a), featureID(b))] = w }
        pairWeight = PairWeights(pairWeights)
    }

    /// The id of `word`, adding it to the vocabulary when new.
    mutating func intern(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(words.count)
        ids[word] = id
        words.append(word)
        featureWeight.append(contentsOf: [0, 0])
        valence.append(0)
        languageMark.append(0)
        return id
    }

    /// The feature id of a weight-file token: `word` or `NEG_word`.
    private mutating func featureID(_ token: String) -> Int {
        if token.hasPrefix("NEG_") { return Int(intern(String(token.dropFirst(4)))) * 2 + 1 }
        return Int(intern(token)) * 2
    }

    /// The ids of a cue or topic phrase, normalised like comment text.
    private mutating func phraseIDs(_ phrase: String) -> [Int32] {
        tokenizer.tokens(phrase).map { intern($0.text) }
    }

    static func pairKey(_ a: Int, _ b: Int) -> UInt64 { UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) }

    /// The id of a known word, or -1.
    func id(_ word: String) -> Int32 { ids[word] ?? -1 }

    /// The word with id `id`.
    func word(_ id: Int32) -> String { words[Int(id)] }
}

/// Phrases of one to a few word ids, each with a label, found in a token sequence by their first word.
struct PhraseTable<Label: Hashable & Sendable>: Sendable {
    /// The phrases by the id of their first word: indexed by id rather than hashed, since every word of every comment
    /// is looked up here.
    private var byFirst: [[(rest: [Int32], label: Label)]] = []

    mutating func add(_ ids: [Int32], _ label: Label) {
        guard let first = ids.first, first >= 0 else { return }
        if byFirst.count <= Int(first) { byFirst += Array(repeating: [], count: Int(first) + 1 - byFirst.count) }
        byFirst[Int(first)].append((Array(ids.dropFirst()), label))
    }

    /// Every (label, start, length) whose phrase occurs in `ids`.
    func matches(in ids: [Int32], _ body: (Label, Int, Int) -> Void) {
        for (start, id) in ids.enumerated() where id >= 0 && Int(id) < byFirst.count {
            let candidates = byFirst[Int(id)]
            for c in candidates where start + c.rest.count < ids.count {
                var ok = true
                for (k, r) in c.rest.enumerated() where ids[start + 1 + k] != r {
                    ok = false
                    break
                }
                if ok { body(c.label, start, c.rest.count + 1) }
            }
        }
    }
}

/// One `key<TAB>value` line of a lexicon file, with where it came from.
struct TSVLine: Sendable {
    var key: String
    var value: String
    var file: String
    var number: Int

    /// The data lines of a lexicon file (`#` comments and blank lines skipped).
    static func read(_ path: String) throws(FileIssue) -> [TSVLine] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw FileIssue(file: path, line: nil, "cannot be read as UTF-8 text (is the installation complete?)")
        }
        var out: [TSVLine] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if raw.isEmpty || raw.hasPrefix("#") { continue }
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            guard let tab = line.firstIndex(of: "\t") else {
                if line.contains("\t") == false, !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    out.append(TSVLine(key: String(line), value: "", file: path, number: i + 1))
                }
                continue
            }
            out.append(TSVLine(key: String(line[..<tab]), value: String(line[line.index(after: tab)...]), file: path, number: i + 1))
        }
        return out
    }
}
