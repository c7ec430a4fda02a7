/// One response-time standard of the agency, as written in `config.toml` under `[[sla]]`.
public struct SLAPolicy: Hashable, Sendable, Codable {
    /// Which comments it applies to; every listed criterion must hold, an empty one matches everything.
    public struct Match: Hashable, Sendable, Codable {
        public var platforms: [String] = []
        public var channels: [String] = []
        public var intents: [String] = []
        public var tags: [String] = []
        public init(platforms: [String] = [], channels: [String] = [], intents: [String] = [], tags: [String] = []) {
            self.platforms = platforms
            self.channels = channels.map(Author.normalizedHandle)
            self.intents = intents
            self.tags = tags
        }
        public var isFallback: Bool { platforms.isEmpty && channels.isEmpty && intents.isEmpty && tags.isEmpty }
    }

    public var name: String
    public var match: Match
    public var firstResponse: SLADuration
    public var nextResponse: SLADuration
    public var resolution: SLADuration
    public var atRisk: AtRiskThreshold
    /// How long a breach under this standard may stand before the sweep escalates it; nil: `[escalation] grace`. An
    /// emergency standard counted day and night wants its own ("15m calendar"): the default counts office hours, so a
    /// flood report breached on Saturday night would wait for Monday.
    public var escalationGrace: SLADuration?

    public init(name: String, match: Match = Match(), firstResponse: SLADuration, nextResponse: SLADuration,
                resolution: SLADuration, atRisk: AtRiskThreshold = .share(0.25), escalationGrace: SLADuration? = nil) {
        self.name = name
        self.match = match
        self.firstResponse = firstResponse
        self.nextResponse = nextResponse
        self.resolution = resolution
        self.atRisk = atRisk
        self.escalationGrace = escalationGrace
    }

    /// Whether the policy applies to a comment with these facts.
    public func matches(platform: Platform, channel: String?, intent: Intent?, tags: [String]) -> Bool {
        if !match.platforms.isEmpty, !match.platforms.contains(platform.rawValue) { return false }
        if !match.channels.isEmpty {
            guard let channel, match.channels.contains(Author.normalizedHandle(channel)) else { return false }
        }
        if !match.intents.isEmpty {
            guard let intent, match.intents.contains(intent.rawValue) else { return false }
        }
        if !match.tags.isEmpty, !tags.contains(where: match.tags.contains) { return false }
        return true
    }

    /// The target of a clock.
    public func target(_ clock: SLAClock) -> SLADuration {
        switch clock {
        case .firstResponse: firstResponse
        case .nextResponse: nextResponse
        case .resolution: resolution
        }
    }

    /// The two standards of the shipped defaults (DESIGN.md): complaints within an hour, everything else two.
    public static let defaults: [SLAPolicy] = [
        SLAPolicy(name: "complaints", match: Match(intents: ["complaint"]), firstResponse: SLADuration(1, .hours, .business),
                  nextResponse: SLADuration(4, .hours, .business), resolution: SLADuration(5, .days, .business)),
        SLAPolicy(name: "default", firstResponse: SLADuration(2, .hours, .business),
                  nextResponse: SLADuration(4, .hours, .business), resolution: SLADuration(5, .days, .business)),
    ]
}

/// A policy as it was at one version, with the calendar it counts business time on.
///
/// Comments record the name and version they were measured under; a later change of the configuration makes
/// a new version and leaves their stored results alone.
public struct VersionedPolicy: Hashable, Sendable {
    public var policy: SLAPolicy
    public var version: Int
    public var calendar: BusinessCalendar

    public init(policy: SLAPolicy, version: Int, calendar: BusinessCalendar) {
        self.policy = policy
        self.version = version
        self.calendar = calendar
    }

    public var name: String { policy.name }
}

/// The three response-time clocks.
public enum SLAClock: String, CaseIterable, Sendable, Codable {
    /// From a citizen's first message in a thread to the agency's first answer.
    case firstResponse = "first_response"
    /// From a citizen's message that follows an agency answer to the next answer.
    case nextResponse = "next_response"
    /// From the comment to its case being closed; paused while waiting on the citizen.
    case resolution
}

/// Where a clock (or a comment's most urgent clock) stands.
public enum SLAState: String, CaseIterable, Sendable, Codable {
    case breached
    case atRisk = "at_risk"
    case onTrack = "on_track"
    case paused
    case met
    case none

    /// Sort rank in the queue: breached first, then at risk, then the rest.
    public var urgency: Int {
        switch self {
        case .breached: 0
        case .atRisk: 1
        case .onTrack: 2
        case .paused: 3
        case .met: 4
        case .none: 5
        }
    }
}
