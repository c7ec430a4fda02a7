/// What the citizen wants, as triaged by staff or guessed by the tone governor.
public enum Intent: String, CaseIterable, Sendable, Codable {
    case question
    case complaint
    case request
    /// A citizen's idea or aspiration for the agency.
    case suggestion
    case praise
    case report
    case other
}

extension Intent {
    /// The intent's name in both languages, for the desk and the reports.
    public var label: Localized {
        switch self {
        case .question: Localized("pertanyaan", "question")
        case .complaint: Localized("keluhan", "complaint")
        case .request: Localized("permintaan", "request")
        case .suggestion: Localized("saran", "suggestion")
        case .praise: Localized("pujian", "praise")
        case .report: Localized("laporan", "report")
        case .other: Localized("lainnya", "other")
        }
    }

    /// The intent by its name (`complaint`) or its label in either language (`keluhan`), in any case; nil for none.
    public static func named(_ word: String) -> Intent? {
        let w = word.lowercased()
        return Intent(rawValue: w) ?? allCases.first { $0.label.id == w || $0.label.en == w }
    }
}
