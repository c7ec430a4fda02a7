import DeskCore

/// The pre-send checks and the intent guesser the CLI and the desk give to `Desk`.
enum ReplyChecks {
    /// The reply reviewer (linter and tone governor), when available.
    static let reviewer: (any ReplyReviewer)? = nil
    /// Guesses intent at import, when available.
    static let classifier: (@Sendable (String) -> Intent?)? = nil
}

extension ReplyChecks {
    /// The reply a template makes for a comment.
    static func render(template: String, for commentID: Int64, desk: Desk, overrideReason: String?) throws -> ReplyRequest {
        throw CLIError(message: "the template library is not available in this build; use --text", code: 64)
    }
}
