import DeskCore

/// What the desk asks of the reply assistant: a comment's tone verdict, the best templates rendered for it, and
/// a template's unrendered body (kept on the log with a reply sent from it).
///
/// `ReplyAssistant` is the real one; tests give the desk a stand-in with fixed answers so that screens do not
/// change when the shipped lexicons or templates are tuned.
public protocol DeskAssistant: Sendable {
    func verdict(for comment: Comment) -> ToneVerdict
    func suggestions(for commentID: Int64, limit: Int) throws -> [Suggestion]
    func templateBody(id: String) -> String?
}

extension ReplyAssistant: DeskAssistant {
    public func suggestions(for commentID: Int64, limit: Int) throws -> [Suggestion] {
        try suggestions(for: commentID, limit: limit).suggestions
    }

    public func templateBody(id: String) -> String? { library.template(id: id)?.text.body }
}
