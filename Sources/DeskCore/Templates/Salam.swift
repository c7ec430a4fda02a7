/// The Islamic greeting, which a citizen's "Assalamualaikum" expects answered before anything else.
enum Salam {
    /// Whether `text` greets with a salam ("Assalamualaikum", "Assalamu'alaikum wr. wb.", "ass wr wb"), not answers one
    /// ("Waalaikumsalam").
    static func greets(_ text: String) -> Bool {
        let opening = text.prefix(160).lowercased()
        let letters = String(opening.unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
        if letters.hasPrefix("assalamu") || letters.hasPrefix("asalamu") || letters.contains("assalamualaikum") { return true }
        let words = opening.split(whereSeparator: { !$0.isLetter })
        return words.starts(with: ["ass", "wr", "wb"]) || words.starts(with: ["askum"])
    }

    /// `reply` opening with the answer to the salam: "Halo Kak Budi, …" becomes "Waalaikumsalam Kak Budi, …", and so does
    /// "Pak Budi, segera hubungi …"; any other opening follows "Waalaikumsalam. ".
    static func answering(_ reply: String) -> String {
        if reply.hasPrefix("Halo ") { return "Waalaikumsalam " + reply.dropFirst(5) }
        let first = reply.prefix(while: { $0.isLetter }).lowercased()
        if TemplateText.formsOfAddress.contains(first) { return "Waalaikumsalam " + reply }
        return "Waalaikumsalam. " + reply
    }
}
