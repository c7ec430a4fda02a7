import Foundation

/// Finds links in a text the way the reply checks and the platforms' length counters see them: a word that starts
/// with `http://` or `https://` (or a form browsers forgive: `https:/`, `https:\`, `//`), or a bare domain with an
/// optional path (`contoh.go.id/ktp`) whose top-level domain is in use (`knownTopLevels`) or that starts with `www.`,
/// without the punctuation around it. E-mail addresses and unfilled `{variables}` are not links.
public enum LinkSpotter {
    /// One link: where it stands in the text (punctuation around it excluded), its host, lower-cased, and whether it
    /// was written with its scheme.
    public struct Link: Sendable, Hashable {
        public var range: Range<String.Index>
        public var host: String
        public var hasScheme: Bool
    }

    static let around: Set<Character> = ["(", ")", "[", "]", "<", ">", "{", "}", ",", ";", ":", "!", "?", "\"", "'", "“", "”", "‘", "’"]

    /// The links in `text`, in order.
    public static func links(in text: String) -> [Link] {
        var out: [Link] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard !text[i].isWhitespace else { i = text.index(after: i); continue }
            var end = i
            while end < text.endIndex, !text[end].isWhitespace { end = text.index(after: end) }
            if let link = link(in: text[i..<end]) { out.append(link) }
            i = end
        }
        return out
    }

    private static func link(in word: Substring) -> Link? {
        if word.contains("{") || word.contains("}") { return nil } // an unfilled {variable}, reported on its own
        var start = word.startIndex, end = word.endIndex
        while start < end, around.contains(word[start]) { start = word.index(after: start) }
        while start < end, around.contains(word[word.index(before: end)]) || word[word.index(before: end)] == "." {
            end = word.index(before: end)
        }
        guard start < end else { return nil }
        var rest = word[start..<end].lowercased()[...]
        // The scheme as browsers forgive it: "https://", "https:/", "https:\\", "http:/\" all open the host after them,
        // as "//host" (no scheme) does.
        var hasScheme = false
        for scheme in ["https:", "http:"] where rest.hasPrefix(scheme) && rest.dropFirst(scheme.count).first.map({ "/\\".contains($0) }) == true {
            rest = rest.dropFirst(scheme.count)
            hasScheme = true
        }
        let slashes = rest.prefix { $0 == "/" || $0 == "\\" }
        let schemeRelative = !hasScheme && slashes.count == 2
        if hasScheme || schemeRelative { rest = rest.dropFirst(slashes.count) }
        // The host is what follows the last "@" of the address's authority part: "https://contoh.go.id@evil.com/x"
        // and "https://user:pass@evil.com" go to evil.com, while "https://evil.com/@contoh.go.id" has "@" only in its
        // path. Without a scheme, "@" makes an e-mail address or a handle — unless a path follows the host, as in
        // "contoh.go.id@evil.com/vaksin", which a browser opens at evil.com.
        // A backslash ends the authority as a slash does: browsers read "https://evil.com\@contoh.go.id" as evil.com.
        let authority = rest.prefix { $0 != "/" && $0 != "\\" && $0 != "?" && $0 != "#" }
        let userinfo = authority.lastIndex(of: "@")
        if !hasScheme, rest.contains("@"), userinfo == nil || authority.endIndex == rest.endIndex { return nil }
        let hostAndPort = userinfo.map { authority[authority.index(after: $0)...] } ?? authority
        let host = String(hostAndPort.prefix { $0 != ":" })
        guard !host.isEmpty, hasScheme || isDomain(host) && (schemeRelative || host.hasPrefix("www.") || hasKnownTopLevel(host)) else { return nil }
        return Link(range: start..<end, host: host, hasScheme: hasScheme)
    }

    /// Top-level domains a bare address is recognised by (with `http(s)://` or `www.` any is): the generic ones in
    /// common use and the country codes people meet in Indonesia, so that "kasih.Silakan" or "(sla.promise)" — a
    /// missing space, a word in brackets — is not taken for a link.
    static let knownTopLevels: Set<Substring> = [
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "app", "dev", "xyz", "online", "site",
        "store", "shop", "tech", "web", "blog", "news", "asia", "mobi", "live", "link", "click", "top", "club", "space",
        "website", "cloud", "digital", "page", "art", "academy", "center", "group", "today", "world", "life", "agency",
        "network", "email", "media", "id", "ly", "co", "io", "me", "sg", "my", "us", "uk", "au", "jp", "kr", "cn", "in",
        "de", "fr", "nl", "tv", "gl", "gd", "to", "cc", "ws", "be", "ch", "it", "es", "ru", "br", "ca", "eu", "ai", "gg",
        "im", "la", "so", "sh", "ph", "th", "vn", "tw", "hk", "nz", "za", "ac", "tl", "bn", "pk", "bd", "sa", "ae", "tr",
        "mx", "ar", "cl", "se", "no", "fi", "dk", "pl", "at", "ie", "pt", "gr", "il", "eg", "ng", "ke", "fm", "am", "ms",
        // free or cheap domains that scams favour
        "tk", "ml", "ga", "cf", "gq", "icu", "buzz", "zip", "mov", "cyou", "sbs", "rest", "lol", "quest", "monster", "bar",
        "work", "fun", "vip", "win", "bid", "loan", "men", "party", "review", "stream", "download", "racing", "science",
        "kim", "country", "gdn", "mom", "cam", "cfd", "pw", "su",
    ]

    /// Whether `host` ends in one of `knownTopLevels`.
    static func hasKnownTopLevel(_ host: String) -> Bool {
        host.split(separator: ".").last.map { knownTopLevels.contains($0) } ?? false
    }

    /// `a.b` with letter-digit-hyphen labels and a top-level label of two or more letters.
    static func isDomain(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
