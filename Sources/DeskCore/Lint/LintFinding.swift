/// One problem the pre-send linter found in a reply.
public struct LintFinding: Hashable, Sendable {
    /// What kind of problem, as a stable identifier for scripts and the log.
    public enum Code: String, CaseIterable, Sendable, Codable {
        case emptyReply = "empty_reply"
        case unresolvedVariable = "unresolved_variable"
        case tooLong = "too_long"
        case personalData = "personal_data"
        /// The reply asks the citizen to write personal data in public ("tuliskan NIK Kakak di kolom komentar").
        case asksPersonalData = "asks_personal_data"
        case humorAboveAllowed = "humor_above_allowed"
        case shouting
        case linkNotAllowed = "link_not_allowed"
        case controlCharacters = "control_characters"
        /// The same words were already sent to this comment (a double send); found by the desk, not the text alone.
        case duplicateReply = "duplicate_reply"
        /// Someone else answered the comment while this reply was written; found by the desk, blocking.
        case answeredMeanwhile = "answered_meanwhile"
        /// The reply names the placeholder agency name (`[agency].name` not set); found by the desk, a note.
        case placeholderAgency = "placeholder_agency"
    }

    /// The kind of problem.
    public var code: Code
    /// What is wrong and what to do about it, in both languages.
    public var explanation: Localized
    /// The explanation in English (as logged and printed by the CLI).
    public var message: String { explanation.en }
    /// True when the reply must not be sent without an override reason.
    public var blocking: Bool

    /// Whether a reason can send the reply past this blocking finding: not an empty reply, a `{variable}` never filled in
    /// (the citizen would read "{link}") or hidden control characters — those are fixed, never explained away.
    public var overridable: Bool { blocking && !Self.mustBeFixed.contains(code) }

    /// The blocking findings no reason sends a reply past.
    public static let mustBeFixed: Set<Code> = [.emptyReply, .unresolvedVariable, .controlCharacters]

    /// A finding with every field given.
    public init(code: Code, explanation: Localized, blocking: Bool) {
        self.code = code
        self.explanation = explanation
        self.blocking = blocking
    }

    /// A finding whose message reads the same in both languages (tests, tools).
    public init(code: Code, message: String, blocking: Bool) {
        self.init(code: code, explanation: Localized(both: message), blocking: blocking)
    }

    /// `{"code": …, "message": …, "blocking": …}`.
    public var json: JSONValue {
        .object(["code": .string(code.rawValue), "message": .string(message), "blocking": .bool(blocking)])
    }
}
