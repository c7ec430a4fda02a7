/// Where an event stands on the log, without its payload (an import batch's can be megabytes): its sequence number,
/// its time as logged and who wrote it. `Desk.importEvent(of:)` answers with one.
public struct EventMark: Sendable, Equatable {
    /// The event's `seq` on the log.
    public let seq: Int64
    /// Its `at`, exactly as logged (UTC, ISO 8601).
    public let at: String
    /// Its `actor`.
    public let actor: String

    public init(seq: Int64, at: String, actor: String) {
        self.seq = seq
        self.at = at
        self.actor = actor
    }
}
