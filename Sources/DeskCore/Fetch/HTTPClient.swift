import Foundation

/// Makes HTTP GET requests. The fetchers take one so that tests can serve API-shaped answers from a local
/// server (or from memory) and the CLI uses `URLSessionHTTPClient`.
public protocol HTTPClient: Sendable {
    /// Sends `GET url` with `headers` and returns the answer, whatever its status; throws only when no answer came.
    func get(_ url: URL, headers: [String: String]) throws -> HTTPResponse
}

/// An HTTP answer: status, headers (names lower-cased) and body.
public struct HTTPResponse: Sendable {
    /// The status code, e.g. 200 or 429.
    public var status: Int
    /// Header values by lower-cased name.
    public var headers: [String: String]
    /// The body as received.
    public var body: Data

    /// An answer; header names may come in any capitalisation (repeated headers are joined with commas).
    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { a, b in "\(a), \(b)" }
        self.body = body
    }

    /// The value of a header, by any capitalisation of its name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
