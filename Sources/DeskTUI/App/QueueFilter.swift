import DeskCore
import Foundation

/// What the queue screen shows: the filters staff set with keys and the command line.
public struct QueueFilter: Sendable, Hashable {
    /// Which statuses.
    public enum StatusChoice: Sendable, Hashable {
        /// Those still needing action (the default).
        case needingAction
        case only(CommentStatus)
        case all
    }

    /// Whose comments.
    public enum AssigneeChoice: Sendable, Hashable, CaseIterable {
        case anyone, mine, unassigned
    }

    public var status: StatusChoice = .needingAction
    public var platform: Platform?
    public var channel: String?
    public var intent: Intent?
    /// Only comments on this sensitive topic (a flood, a missing child): the ones a standard may not yet put first.
    public var topic: SensitiveTopic?
    /// Only the incidents that need someone at once, all together (`SensitiveTopic.needingSomeoneAtOnce`): a flood, a
    /// life in danger, a missing child — the first step of `f`.
    public var urgent = false
    public var assignee: AssigneeChoice = .anyone
    public var search: String?

    public init() {}

    /// True when nothing narrows the default queue.
    public var isDefault: Bool { self == QueueFilter() }

    /// The store query for this filter.
    public func query(now: Date, actor: String, limit: Int) -> QueueQuery {
        var q = QueueQuery(now: now, limit: limit)
        switch status {
        case .needingAction: q.statuses = urgent ? SensitiveTopic.urgentListStatuses : CommentStatus.needingAction
        case .only(let s): q.statuses = [s]
        case .all: q.statuses = Set(CommentStatus.allCases)
        }
        q.platform = platform
        q.channel = channel
        q.intent = intent
        q.tags = urgent ? SensitiveTopic.needingSomeoneAtOnce.map(\.rawValue) : topic.map { [$0.rawValue] } ?? []
        switch assignee {
        case .anyone: q.assignee = .anyone
        case .mine: q.assignee = .staff(actor)
        case .unassigned: q.assignee = .unassigned
        }
        q.search = search
        return q
    }

    /// The next status choice: needing action, then each status, then all.
    public mutating func cycleStatus() {
        let order: [StatusChoice] = [.needingAction] + CommentStatus.allCases.map { .only($0) } + [.all]
        status = order[((order.firstIndex(of: status) ?? 0) + 1) % order.count]
    }

    /// The next platform: all, then each of `platforms` (see `AppState.platforms`), then all again.
    public mutating func cyclePlatform(_ platforms: [Platform]) {
        let order: [Platform?] = [nil] + platforms
        platform = order[((order.firstIndex(of: platform) ?? 0) + 1) % order.count]
    }

    /// The next channel: all, then each of the agency's accounts.
    public mutating func cycleChannel(_ channels: [String]) {
        let order: [String?] = [nil] + channels.map(Author.normalizedHandle)
        let current = channel.map(Author.normalizedHandle)
        channel = order[((order.firstIndex(of: current) ?? 0) + 1) % order.count]
    }

    /// The next intent: all, then each intent.
    public mutating func cycleIntent() {
        let order: [Intent?] = [nil] + Intent.allCases
        intent = order[((order.firstIndex(of: intent) ?? 0) + 1) % order.count]
    }

    /// The order `f` goes through the sensitive topics: the incidents that need someone at once, most urgent first
    /// (disaster, health emergency, children's safety, violence, abuse), then the others.
    static let topicOrder: [SensitiveTopic] = SensitiveTopic.needingSomeoneAtOnce + [.violence, .abuse, .death, .identity, .legalThreat]

    /// The next sensitive topic: all, then every incident that needs someone at once together, then each of `topicOrder`.
    public mutating func cycleTopic() {
        if topic == nil, !urgent {
            urgent = true
            return
        }
        let order: [SensitiveTopic?] = [nil] + Self.topicOrder
        topic = urgent ? Self.topicOrder.first : order[((order.firstIndex(of: topic) ?? 0) + 1) % order.count]
        urgent = false
    }

    /// Everyone, mine, unassigned.
    public mutating func cycleAssignee() {
        let all = AssigneeChoice.allCases
        assignee = all[(all.firstIndex(of: assignee)! + 1) % all.count]
    }
}
