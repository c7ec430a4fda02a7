import Foundation

/// The links of an HTTP `Link` header (RFC 8288), as Mastodon pages with it:
/// `<https://host/api/v1/notifications?max_id=7>; rel="next", <…?min_id=9>; rel="prev"`.
public struct LinkHeader: Sendable, Equatable {
    /// Target addresses by relation (`next`, `prev`).
    public var links: [String: String]

    /// Parses a `Link` header value; what cannot be read is left out.
    public init(_ value: String) {
        var links: [String: String] = [:]
        let s = Array(value.unicodeScalars)
        var i = 0
        while i < s.count {
            guard let open = s[i...].firstIndex(of: "<"), let close = s[open...].firstIndex(of: ">") else { break }
            let target = String(String.UnicodeScalarView(s[(open + 1)..<close]))
            // Parameters run to the next comma outside quotes.
            var k = close + 1
            var quoted = false
            var params = String.UnicodeScalarView()
            while k < s.count {
                if s[k] == "\"" { quoted.toggle() } else if s[k] == ",", !quoted { break }
                params.append(s[k])
                k += 1
            }
            for param in String(params).split(separator: ";") {
                let parts = param.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, parts[0].lowercased() == "rel" else { continue }
                let rels = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).split(separator: " ")
                for rel in rels where links[rel.lowercased()] == nil { links[rel.lowercased()] = target }
            }
            i = k + 1
        }
        self.links = links
    }

    /// The `rel="next"` target.
    public var next: String? { links["next"] }
}
