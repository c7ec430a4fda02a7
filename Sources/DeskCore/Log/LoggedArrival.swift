import Foundation

/// What the log states about a comment that nothing changes after its import: where it came from (platform,
/// channel), how the tone governor read it (intent, sentiment, tags), when the import stored it (the batch
/// event's time), and who wrote what (`CommentWords`). `LogStateCheck` compares them with the tables: reports count by
/// the first ones, and the last is what the citizen said.
public struct LoggedArrival: Sendable, Hashable {
    public var platform: String
    public var channel: String?
    public var intent: String?
    public var sentiment: Double?
    /// Nil in logs written before `arrivals` rows carried tags.
    public var tags: [String]?
    /// Who wrote what (`CommentWords`); nil in logs written before `arrivals` rows carried it.
    public var words: UInt64?
    /// Whole seconds since 1970: the time of the import event that listed it.
    public var importedAt: Int64

    /// The facts of an `arrivals` row (fields named by the batch's `arrival_fields`) in an import event at `importedAt`;
    /// nil for a row without a platform. `intern` shares the storage of repeated strings (a million rows name a few
    /// channels).
    init?(arrival row: [JSONValue], fields: [String: Int], importedAt: Int64, intern: (String) -> String) {
        func value(_ name: String) -> JSONValue? { fields[name].flatMap { row.indices.contains($0) ? row[$0] : nil } }
        guard let platform = value("platform")?.stringValue else { return nil }
        // Strings of up to 15 bytes are stored inline (platform, intent, tags); only longer ones are worth sharing.
        func shared(_ s: String) -> String { s.utf8.count > 15 ? intern(s) : s }
        self.platform = shared(platform)
        channel = value("channel")?.stringValue.map(shared)
        intent = value("intent")?.stringValue.map(shared)
        sentiment = value("sentiment")?.doubleValue
        if fields["tags"] == nil {
            tags = nil
        } else if let list = value("tags")?.arrayValue, !list.isEmpty {
            tags = list.compactMap { $0.stringValue.map(shared) }
        } else {
            tags = []
        }
        words = value(CommentWords.field)?.stringValue.flatMap(CommentWords.parse)
        self.importedAt = importedAt
    }
}
