/// What a triage action did: the comment as it now stands, and whether the action changed it. An action that changes
/// nothing (a second claim by the holder, escalating a comment already escalated) writes no event, so its reason or
/// note is not kept.
public struct CommentChange: Sendable {
    /// The comment after the action.
    public var comment: Comment
    /// False when the action found nothing to do.
    public var changed: Bool
}
