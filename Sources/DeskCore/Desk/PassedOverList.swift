/// The fairness list: unanswered comments that newer ones in the same queue overtook, oldest first — found among the
/// queue's most urgent comments, and saying when that was not the whole queue (a desk of a million is not scanned on
/// every key press; `meja report` counts every comment).
public struct PassedOverList: Sendable {
    public var items: [QueueItem]
    /// How many of the queue's most urgent comments were looked at.
    public var scanned: Int
    /// Whether those were the whole queue.
    public var complete: Bool

    public init(items: [QueueItem], scanned: Int, complete: Bool) {
        self.items = items
        self.scanned = scanned
        self.complete = complete
    }
}
