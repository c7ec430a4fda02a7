/// Why an action was refused or failed, in words that tell the user what to do next.
public enum DeskError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No comment, staff member or object with that id.
    case notFound(String)
    /// The request itself is wrong (bad id, bad value).
    case invalidInput(String)
    /// The actor's role does not allow the action.
    case notPermitted(String)
    /// The status change is not one of the legal moves.
    case illegalTransition(from: CommentStatus, to: CommentStatus)
    /// Someone else holds the claim.
    case claimedByOther(commentID: Int64, holder: String)
    /// The login name is not on the staff list.
    case unknownActor(String)
    /// The reply linter found something that blocks sending.
    case blocked([String])
    /// The database could not do what was asked.
    case storage(String)

    public var description: String {
        switch self {
        case .notFound(let what): return "\(what) was not found. `meja list --status all` shows what is on the desk."
        case .invalidInput(let why): return why
        case .notPermitted(let why): return why
        case .illegalTransition(let from, let to):
            let allowed = from.allowedNext.sorted().map(\.rawValue).joined(separator: ", ")
            return "A comment that is \(from.rawValue) cannot become \(to.rawValue). From \(from.rawValue) it can become: \(allowed)."
        case .claimedByOther(let id, let holder):
            return "Comment \(id) is already claimed by \(holder). Ask them, or a supervisor can reassign it with `meja assign \(id) NAME`."
        case .unknownActor(let name):
            return "\(name) is not on the staff list, so actions cannot be recorded under that name. A supervisor can add you with `meja staff add \(name) --role agent`."
        case .blocked(let findings):
            return "The reply was not sent: " + findings.joined(separator: "; ") + ". Fix it, or give `--override-reason` to send anyway (the reason is logged)."
        case .storage(let why): return "The database failed: \(why)"
        }
    }

    /// The process exit status for this error (DESIGN.md): 1 a check failed, 64 usage, 65 bad data.
    public var exitCode: Int32 {
        switch self {
        case .notFound, .invalidInput: 64
        case .notPermitted, .illegalTransition, .claimedByOther, .unknownActor, .blocked: 1
        case .storage: 1
        }
    }
}
