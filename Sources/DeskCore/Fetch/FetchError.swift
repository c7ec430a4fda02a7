import Foundation

/// Why fetching from a platform failed, in words that say what to do. Never contains the access token.
public enum FetchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The instance address or token file is wrong (exit 64).
    case usage(String)
    /// The server refused the token (401/403).
    case unauthorized(String)
    /// The server has no such endpoint (404/410).
    case notFound(String)
    /// No answer, or not HTTP.
    case network(String)
    /// The server answered, but not with what its API documents.
    case unexpected(String)
    /// The server asks to wait longer than the fetch is willing to.
    case rateLimited(until: Date, instance: String)

    public var description: String {
        switch self {
        case .usage(let why), .unauthorized(let why), .notFound(let why), .network(let why), .unexpected(let why): return why
        case .rateLimited(let until, let instance):
            return "\(instance) asks to wait until \(Timestamp.utc(until)) before more requests (rate limit); run the fetch again after that."
        }
    }

    /// The process exit status (DESIGN.md): 64 for a usage error, 1 otherwise.
    public var exitCode: Int32 {
        if case .usage = self { return 64 }
        return 1
    }
}
