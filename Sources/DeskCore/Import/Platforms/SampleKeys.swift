/// Cheap content tests for format detection: which JSON keys and values the start of a file mentions.
struct SampleKeys {
    let sample: String

    init(_ sample: String) { self.sample = sample }

    /// Whether `"key"` appears as a key (followed by a colon, spaces allowed).
    func has(_ key: String) -> Bool {
        let quoted = "\"\(key)\""
        var rest = sample[...]
        while let r = rest.range(of: quoted) {
            let after = rest[r.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if after.first == ":" { return true }
            rest = rest[r.upperBound...]
        }
        return false
    }

    /// How many of `keys` appear.
    func count(_ keys: [String]) -> Int { keys.filter(has).count }

    /// Whether the text contains `fragment` verbatim.
    func contains(_ fragment: String) -> Bool { sample.contains(fragment) }

    /// The first character that is not white space (or a byte-order mark).
    var firstSignificant: Character? { sample.first { !$0.isWhitespace && $0 != "\u{FEFF}" } }
}
