import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `HTTPClient` on Foundation's `URLSession` (on Linux `FoundationNetworking`, which speaks HTTPS through libcurl),
/// made synchronous for the command line. No cookies, no cache. A redirect is followed only on the same server (scheme,
/// host and port): the request's headers — the access token — would go with it; one elsewhere is answered as it came
/// (a 3xx), for the caller to name.
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
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        let delegate = Delegate(origin: url)
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request).resume()
        let (data, response, error) = delegate.result()
        let server = url.host ?? url.absoluteString
        if let error {
            if (error as? URLError)?.code == .timedOut {
                throw FetchError.network("\(server): no answer within \(Int(timeout)) s (timed out); is the server up?")
            }
            throw FetchError.network("\(server): \(error.localizedDescription)")
        }
        guard let response else { throw FetchError.network("\(server) sent no HTTP answer") }
        var fields: [String: String] = [:]
        for (k, v) in response.allHeaderFields {
            if let k = k as? String, let v = v as? String { fields[k] = v }
        }
        return HTTPResponse(status: response.statusCode, headers: fields, body: data)
    }

    /// Collects one task's answer for the waiting thread, and keeps its redirects on the same server.
    private final class Delegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        private let origin: URL
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()
        private var response: HTTPURLResponse?
        private var error: (any Error)?

        init(origin: URL) { self.origin = origin }

        /// Waits for the task to end.
        func result() -> (Data, HTTPURLResponse?, (any Error)?) {
            done.wait()
            return lock.withLock { (data, response, error) }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            if let target = request.url, target.isSameOrigin(as: origin) {
                completionHandler(request)
            } else {
                lock.withLock { self.response = response }
                completionHandler(nil)
            }
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
            lock.withLock { self.response = response as? HTTPURLResponse }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            lock.withLock { self.data.append(data) }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            lock.withLock { self.error = error }
            done.signal()
        }
    }
}

extension URL {
    /// Whether this URL is on the same server as `other`: scheme, host and port (80 or 443 when not given).
    func isSameOrigin(as other: URL) -> Bool {
        func port(_ u: URL) -> Int { u.port ?? (u.scheme?.lowercased() == "http" ? 80 : 443) }
        return scheme?.lowercased() == other.scheme?.lowercased() && host?.lowercased() == other.host?.lowercased() && port(self) == port(other)
    }
}
