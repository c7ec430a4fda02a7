import Foundation

/// One page of a Graph API listing (Facebook and Instagram): its `data` elements, and the object and edge that
/// its `paging` links name (`https://graph.facebook.com/v21.0/{object-id}/comments?after=…`).
///
/// The links are read only for their path; their query (which holds an access token) is never kept.
struct GraphListing {
    let data: [JSONValue]
    /// The object whose edge the page lists, e.g. `PAGEID_POSTID` for a post's comments.
    let objectID: String?
    /// The edge listed, e.g. `comments` or `replies`.
    let edge: String?

    /// The listing in `f`, or nil when `f` has no `data` array.
    init?(_ f: PlatformFields) {
        guard let data = f.array("data") else { return nil }
        self.data = data
        let paging = f.fields("paging")
        let link = paging?.string("next") ?? paging?.string("previous")
        if let (object, edge) = link.flatMap(Self.objectAndEdge) {
            objectID = object
            self.edge = edge
        } else {
            objectID = nil
            edge = nil
        }
    }

    /// (`{object-id}`, `edge`) from a Graph API URL's path, skipping a version segment such as `v21.0`.
    static func objectAndEdge(_ url: String) -> (String, String)? {
        guard let path = URLComponents(string: url)?.path else { return nil }
        var parts = path.split(separator: "/").map(String.init)
        if let first = parts.first, first.hasPrefix("v"), Double(first.dropFirst()) != nil { parts.removeFirst() }
        guard parts.count >= 2 else { return nil }
        return (parts[parts.count - 2], parts[parts.count - 1])
    }
}
