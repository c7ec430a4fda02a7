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
