/// The reply links among the elements of one file, to name each element's thread by its root.
///
/// Mastodon, Facebook and Instagram give only "in reply to" links; the thread is the element the chain of
/// links ends at. When the chain leaves the file (the parent was imported earlier, or never), the last id on it
/// is the best known root and `complete` is false.
struct ThreadTree {
    private var parents: [String: String] = [:]

    init() {}

    /// Records that `id` answers `parent` (nil: `id` starts a thread).
    mutating func link(_ id: String, to parent: String?) {
        if let parent, parent != id { parents[id] = parent } else if parents[id] == nil { parents[id] = "" }
    }

    /// The root of `id`'s chain; `complete` when the root itself is in the file and answers nothing.
    func root(of id: String) -> (id: String, complete: Bool) {
        var current = id
        var seen: Set<String> = [id]
        while let p = parents[current] {
            if p.isEmpty { return (current, true) }
            guard seen.insert(p).inserted else { return (current, false) }
            current = p
        }
        return (current, false)
    }
}
