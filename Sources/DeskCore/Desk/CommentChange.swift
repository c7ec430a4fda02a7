/// What a triage action did: the comment as it now stands, and whether the action changed it. An action that changes
/// nothing (a second claim by the holder, escalating a comment already escalated) writes no event, so its reason or
/// note is not kept.
public struct CommentChange: Sendable {
    /// The comment after the action.
    public var comment: Comment
    /// False when the action found nothing to do.
    public var changed: Bool
    /// The comment before the action.
    public var previous: Comment

    /// A corrected intent whose standard would have moved a deadline that had already passed: the standard stayed, and
    /// the breach stands.
    public var breachStands = false

    /// Whether the action moved the comment under another standard (a corrected intent): its clocks start again.
    public var restandardised: Bool {
        comment.sla.policy != previous.sla.policy || comment.sla.policyVersion != previous.sla.policyVersion
    }
}
