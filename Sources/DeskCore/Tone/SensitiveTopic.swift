/// A subject on which the agency never jokes and answers with particular care.
public enum SensitiveTopic: String, CaseIterable, Sendable, Codable, Comparable {
    /// Floods, earthquakes, fires, landslides, accidents.
    case disaster
    /// Death and grief.
    case death
    /// Violence and crime.
    case violence
    /// Someone's life or health is in danger now.
    case healthEmergency = "health_emergency"
    /// Abuse and harassment (domestic violence, sexual harassment, bullying, threats).
    case abuse
    /// Religion, ethnicity or race.
    case identity
    /// Children's safety.
    case childSafety = "child_safety"

    /// The incidents that need someone at once (a flood, a life in danger, a child missing): the desk calls attention to
    /// a new one as it arrives, and the topic filter goes through them first.
    public static let needingSomeoneAtOnce: [SensitiveTopic] = [.disaster, .healthEmergency, .childSafety]
    /// The words that name all of `needingSomeoneAtOnce` together in a filter (`:topic urgent`, `meja list --tag urgent`).
    public static let urgentWords: Set<String> = ["urgent", "mendesak", "segera"]
    /// The statuses the urgent list shows: those needing action, and those answered but not closed (`replied`,
    /// `waiting_citizen`) — after "call 112" a flood report still needs someone until the case is closed, so nobody
    /// loses sight of it with the first answer.
    public static let urgentListStatuses: Set<CommentStatus> = CommentStatus.needingAction.union([.replied, .waitingCitizen])
    /// The citizen threatens legal action or a report to the police or ombudsman.
    case legalThreat = "legal_threat"

    /// Whether a comment naming this topic is most likely reporting an incident the agency should act on.
    public var isIncident: Bool {
        switch self {
        case .disaster, .violence, .healthEmergency, .childSafety, .abuse: true
        case .death, .identity, .legalThreat: false
        }
    }

    /// The topic by its name (`disaster`) or its tag in either language (`bencana`, `#bencana`), or nil.
    public static func named(_ word: String) -> SensitiveTopic? {
        let w = (word.hasPrefix("#") ? String(word.dropFirst()) : word).lowercased().replacingOccurrences(of: "-", with: "_")
        return SensitiveTopic(rawValue: w) ?? allCases.first { $0.tagLabel.id == w || $0.tagLabel.en == w } ?? aliases[w]
    }

    /// Other words people use for a topic in a command: the words of the desk's help ("children", "health").
    static let aliases: [String: SensitiveTopic] = ["children": .childSafety, "child": .childSafety, "health": .healthEmergency,
                                                    "kesehatan": .healthEmergency, "legal": .legalThreat, "hukum": .legalThreat]

    /// The topic as a short tag in both languages (`bencana` / `disaster`, `anak` / `child`), for lists with little
    /// room; `--tag` takes either, or the topic's name.
    public var tagLabel: Localized {
        switch self {
        case .disaster: Localized("bencana", "disaster")
        case .death: Localized("duka", "death")
        case .violence: Localized("kekerasan", "violence")
        case .healthEmergency: Localized("darurat_medis", "health")
        case .abuse: Localized("pelecehan", "abuse")
        case .identity: Localized("sara", "identity")
        case .childSafety: Localized("anak", "child")
        case .legalThreat: Localized("ancaman_hukum", "legal")
        }
    }

    /// The topic's name in both languages.
    public var label: Localized {
        switch self {
        case .disaster: Localized("bencana dan kecelakaan", "disaster and accident")
        case .death: Localized("kematian dan duka", "death and grief")
        case .violence: Localized("kekerasan dan kejahatan", "violence and crime")
        case .healthEmergency: Localized("darurat kesehatan", "health emergency")
        case .abuse: Localized("pelecehan dan perundungan", "abuse and harassment")
        case .identity: Localized("agama, suku, ras", "religion, ethnicity, race")
        case .childSafety: Localized("keselamatan anak", "children's safety")
        case .legalThreat: Localized("ancaman hukum", "legal threat")
        }
    }

    /// Declaration order.
    public static func < (a: SensitiveTopic, b: SensitiveTopic) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
