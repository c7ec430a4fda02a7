import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `HTTPClient` on Foundation's `URLSession` (on Linux `FoundationNetworking`, which speaks HTTPS through libcurl),
/// made synchronous for the command line. No cookies, no cache; redirects are followed.
public struct URLSessionHTTPClient: HTTPClient {
    /// Seconds to wait for an answer before giving up.
    public var timeout: TimeInterval

    /// A client that gives up on an answer after `timeout` seconds.
    public init(timeout: TimeInterval = 30) { self.timeout = timeout }

    public func get(_ url: URL, headers: [String: String]) throws -> HTTPResponse {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.set(data: data, response: response as? HTTPURLResponse, error: error)
            done.signal()
        }
        task.resume()
        done.wait()
        let (data, response, error) = box.get()
        if let error { throw FetchError.network("\(url.host ?? url.absoluteString): \(error.localizedDescription)") }
        guard let response else { throw FetchError.network("\(url.host ?? url.absoluteString) sent no HTTP answer") }
        var headers: [String: String] = [:]
        for (k, v) in response.allHeaderFields {
            if let k = k as? String, let v = v as? String { headers[k] = v }
        }
        return HTTPResponse(status: response.statusCode, headers: headers, body: data ?? Data())
    }

    /// Carries the completion handler's results back to the waiting thread.
    private final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var data: Data?
        private var response: HTTPURLResponse?
        private var error: (any Error)?

        func set(data: Data?, response: HTTPURLResponse?, error: (any Error)?) {
            lock.withLock {
                self.data = data
                self.response = response
                self.error = error
            }
        }

        func get() -> (Data?, HTTPURLResponse?, (any Error)?) { lock.withLock { (data, response, error) } }
    }
}
