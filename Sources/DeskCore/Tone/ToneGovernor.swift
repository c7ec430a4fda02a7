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
///   a joke to an upset citizen costs far more than a missing one to a neutral citizen. Thanks or praise with
///   no complaint, rude word or sensitive topic counts as such a sign on its own.
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

    /// Sentiment (-1…1) at and above which the text shows enough good mood for humour.
    public var humorFloor: Double { Self.sentiment(logit: lexicon.threshold, bias: lexicon.bias) }

    /// The verdict on one comment.
    public func verdict(_ text: String) -> ToneVerdict {
        let tokens = lexicon.tokenizer.tokens(text)
        let ids = tokens.map { lexicon.id($0.text) }
        var pleasant: [String] = []
        var unpleasant: [String] = []
        let logit = score(tokens, ids, pleasant: &pleasant, unpleasant: &unpleasant)

        // Cues and topics.
        var cueWords: [ToneLexicon.Cue: String] = [:]
        lexicon.cues.matches(in: ids) { cue, start, length in
            var cue = cue
            if tokens[start].negated, cue == .praise || cue == .thanks || cue == .joke {
                // "tidak bagus", "not great": negated praise is a complaint.
                guard cue == .praise else { return }
                cue = .complaint
            }
            if cueWords[cue] == nil { cueWords[cue] = (tokens[start].negated ? "tidak " : "") + Self.phrase(tokens, start, length) }
        }
        var topicWords: [SensitiveTopic: String] = [:]
        lexicon.topics.matches(in: ids) { topic, start, length in
            if topicWords[topic] == nil { topicWords[topic] = Self.phrase(tokens, start, length) }
        }
        let topics = topicWords.keys.sorted()
        let asks = text.contains("?") || cueWords[.question] != nil
        let praised = cueWords[.praise] ?? cueWords[.thanks]
        let complaint = cueWords[.complaint]
        let sarcastic = praised != nil && complaint != nil
        let rude = cueWords[.rude]
        let spam = cueWords[.spam]
        let joking = cueWords[.joke] != nil && !sarcastic

        var reasons: [String] = []
        let lang = language(ids, reasons: &reasons)

        // Clear thanks or praise with nothing troubling counts as good mood on its own.
        var logitForHumor = logit
        // Only in a short comment without "tapi"/"but" (mixed feelings), and in a question only thanks counts.
        let plainPraise = asks ? cueWords[.thanks] : praised
        if let praised = plainPraise, complaint == nil, rude == nil, topics.isEmpty, unpleasant.isEmpty,
           tokens.count <= Self.shortComment, !ids.contains(where: { lexicon.contrast.contains($0) }) {
            logitForHumor = min(logit, lexicon.threshold - 0.5)
            reasons.append("reads pleased: '\(praised)' with no complaint or troubling word")
        }
        var sentiment = Self.sentiment(logit: logitForHumor, bias: lexicon.bias)
        if sarcastic { sentiment = min(sentiment, -0.4) }
        reasons.append(sentimentReason(sentiment, pleasant: pleasant, unpleasant: unpleasant))
        if let praised, let complaint {
            reasons.append("sarcasm: praise '\(praised)' on complaint content '\(complaint)' reads as a complaint")
        }
        for topic in topics { reasons.append("sensitive topic \(topic.rawValue): '\(topicWords[topic]!)'") }
        if let rude { reasons.append("rude language: '\(rude)'") }
        if let spam { reasons.append("looks like spam: '\(spam)'") }

        let intent: Intent
        var intentCue = ""
        if let complaint {
            intent = .complaint
            intentCue = "'\(complaint)'"
        } else if rude != nil, sentiment < 0 {
            intent = .complaint
            intentCue = "rude and displeased"
        } else if let report = cueWords[.report] ?? topics.first(where: \.isIncident).flatMap({ topicWords[$0] }),
                  !asks || topics.contains(where: \.isIncident) {
            intent = .report
            intentCue = "'\(report)'"
        } else if asks {
            intent = .question
            intentCue = cueWords[.question].map { "'\($0)'" } ?? "a question mark"
        } else if let request = cueWords[.request] {
            intent = .request
            intentCue = "'\(request)'"
        } else if let idea = cueWords[.suggestion] {
            intent = .suggestion
            intentCue = "'\(idea)'"
        } else if let praised {
            intent = .praise
            intentCue = "'\(praised)'"
        } else if joking, sentiment > 0 {
            intent = .praise
            intentCue = "a friendly joke"
        } else {
            intent = .other
        }
        reasons.append(intent == .other ? "intent: other (no question, request, complaint, report or praise found)" : "intent: \(intent.rawValue) (\(intentCue))")
        if joking { reasons.append("the citizen is joking: '\(cueWords[.joke]!)'") }

        let humor: HumorLevel
        if !humorEnabled {
            humor = .none
            reasons.append("humour 0: humour is switched off in the configuration ([humor] enabled = false)")
        } else if crisisMode {
            humor = .none
            reasons.append("humour 0: crisis mode is on")
        } else if !topics.isEmpty {
            humor = .none
            reasons.append("humour 0: sensitive topic (\(topics.map(\.rawValue).joined(separator: ", ")))")
        } else if rude != nil {
            humor = .none
            reasons.append("humour 0: the comment is rude; answer calmly and plainly")
        } else if intent == .complaint {
            humor = .none
            reasons.append("humour 0: a complaint")
        } else if logitForHumor > lexicon.threshold {
            humor = .none
            reasons.append("humour 0: no clear sign of good mood (sentiment \(Self.signed(sentiment)), humour needs \(Self.signed(humorFloor)) or more)")
        } else if joking {
            humor = .light
            reasons.append("humour 2: the citizen jokes and nothing sensitive is present")
        } else {
            humor = .warm
            reasons.append("humour 1: friendly mood, no joke from the citizen")
        }
        return ToneVerdict(lang: lang, sentiment: sentiment, sensitiveTopics: topics, joking: joking, sarcastic: sarcastic,
                           rude: rude != nil, spam: spam != nil, intent: intent, humorAllowed: humor, reasons: reasons)
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
    private func language(_ ids: [Int32], reasons: inout [String]) -> TextLanguage {
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
        let name = lang == .indonesian ? "Indonesian" : lang == .english ? "English" : "code-mixed Indonesian and English"
        reasons.append(indonesian + english == 0 ? "language: \(name) (no marker words; the desk's default)"
                       : "language: \(name) (\(indonesian) Indonesian and \(english) English marker words)")
        return lang
    }

    private func sentimentReason(_ s: Double, pleasant: [String], unpleasant: [String]) -> String {
        var words: [String] = []
        if !pleasant.isEmpty { words.append("pleasant: " + pleasant.joined(separator: ", ")) }
        if !unpleasant.isEmpty { words.append("unpleasant: " + unpleasant.joined(separator: ", ")) }
        let mood = s >= 0.25 ? "positive" : s <= -0.25 ? "negative" : "neutral"
        return "sentiment \(Self.signed(s)) (\(mood))" + (words.isEmpty ? "" : "; " + words.joined(separator: "; "))
    }

    /// `+0.72`, `-0.05`: two decimals with a sign (String(format:) is slow on Linux and this runs at import).
    static func signed(_ x: Double) -> String {
        let hundredths = Int((abs(x) * 100).rounded())
        let sign = x < 0 && hundredths > 0 ? "-" : "+"
        let fraction = hundredths % 100
        return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Tokens up to which a comment counts as short enough for thanks or praise alone to show good mood.
    static let shortComment = 30

    /// Evidence relative to the no-evidence point, squashed to -1…1 (positive = pleased).
    static func sentiment(logit: Double, bias: Double) -> Double {
        tanh((bias - logit) / 4)
    }

    private static func phrase(_ tokens: [ToneTokenizer.Token], _ start: Int, _ length: Int) -> String {
        tokens[start..<(start + length)].map(\.text).joined(separator: " ")
    }
}
