import Foundation

/// Every figure of an evaluation report, computed once by `ReportBuilder.build` and rendered by every format
/// (text, Markdown, CSV, HTML) and by the desk's reports screen. A plain value: no formatting, no I/O.
///
/// The rules — which comments belong to the period, what "as of" means, what a hit is — are documented on
/// `ReportPeriod`, `HitTally`, `DurationStats` and in `docs/reports.md`.
public struct Report: Sendable, Hashable {
    /// The agency's name (from the configuration).
    public var agency: String
    /// The zone dates are shown in (the business calendar's).
    public var zone: TimeZone
    public var period: ReportPeriod
    /// The moment the figures are taken at (see `ReportPeriod.asOf`).
    public var asOf: Date
    /// When the report was made.
    public var generatedAt: Date

    /// Comments written in the period (and on the desk by `asOf`).
    public var comments = 0
    /// Of those, comments measured under no SLA policy (no clocks: counted in volumes only).
    public var unmeasured = 0
    /// Comments written in the period but imported only after `asOf`: in no figure of this report (as of its moment the
    /// desk did not know them); said, so that a day's reports and the week's can be reconciled.
    public var importedAfter = 0
    /// Comments written in the period, by platform, channel, intent, sentiment and tag.
    public var volume = Volume()

    /// Time to answer and to close, per clock (`first_response`, `next_response`, `resolution`, in that order).
    public var times: [ClockTimes] = []
    /// How each clock of the period's comments ended (same order as `times`).
    public var hits: [ClockHits] = []
    /// First-response times in business minutes, in `ReportBuckets.responseMinutes` buckets.
    public var responseHistogram: [Bucket] = []
    /// Comments of the period whose first answer the agency posted on the platform itself (found by an import).
    public var answeredOnPlatform = 0

    /// Comments still waiting for an answer at `asOf` (whenever they arrived).
    public var backlog = Backlog()
    /// How each queue (a platform and the agency account on it) was served: the period's comments and the backlog at
    /// `asOf`, most comments first, then by platform and channel. Whether a citizen on one platform waits longer than
    /// one on another is a fairness figure the agency must be able to see.
    public var queues: [QueueFigures] = []
    /// Staff who replied in the period, or are on the staff list (by replies, most first, then by name).
    public var staff: [StaffFigures] = []
    /// Replies recorded in Meja during the period.
    public var replies = Replies()
    /// The period week by week.
    public var weeks: [Week] = []
    /// Comments of the period that were passed over (see `ReportBuilder`): unanswered while at least
    /// `passedOverThreshold` newer comments of the same queue were answered.
    public var passedOver = 0
    /// Of those, comments still unanswered at `asOf` (what the desk flags as passed over).
    public var passedOverUnanswered = 0
    public var passedOverThreshold = 5
    /// Comments escalated to supervisors (for the first time) during the period, whenever they arrived.
    public var escalations = 0
    /// The log head `SEQ:HASH` as of `asOf` (the last event at or before it); nil on an empty log.
    public var logHead: String?
    /// Whether the chain (and the tables against it) was verified before the report was made: `meja report --public`
    /// refuses to run otherwise; the supervisors' report and the desk's screen are made without the check.
    public var logVerified = false

    public init(agency: String, zone: TimeZone, period: ReportPeriod, asOf: Date, generatedAt: Date) {
        self.agency = agency
        self.zone = zone
        self.period = period
        self.asOf = asOf
        self.generatedAt = generatedAt
    }

    /// A key and how many comments (or replies) it has.
    public struct Count: Sendable, Hashable {
        public var key: String
        public var count: Int
        public init(_ key: String, _ count: Int) {
            self.key = key
            self.count = count
        }
    }

    /// Comment counts by dimension, each list sorted by count (most first), ties by key.
    public struct Volume: Sendable, Hashable {
        public var platform: [Count] = []
        /// The agency account that received the comment; `-` when the import named none.
        public var channel: [Count] = []
        /// `-` for comments with no intent yet.
        public var intent: [Count] = []
        /// `negative`, `neutral`, `positive`, `-` (not measured), always all four in this order (none when the period
        /// has no comments): see `ReportBuckets.sentimentBand`.
        public var sentiment: [Count] = []
        /// A comment with several tags counts once under each; comments without tags are not listed.
        public var tag: [Count] = []
        public init() {}
    }

    /// A histogram bucket: `[lower, upper)` in minutes (`upper` nil for the open last bucket).
    public struct Bucket: Sendable, Hashable {
        public var lower: Int
        public var upper: Int?
        public var count: Int
        public init(lower: Int, upper: Int?, count: Int) {
            self.lower = lower
            self.upper = upper
            self.count = count
        }
    }

    /// How long the clocks of one kind took to be met, in business and in calendar minutes.
    public struct ClockTimes: Sendable, Hashable {
        public var clock: SLAClock
        public var business: DurationStats
        public var calendar: DurationStats
        public init(clock: SLAClock, business: DurationStats, calendar: DurationStats) {
            self.clock = clock
            self.business = business
            self.calendar = calendar
        }
    }

    /// How the clocks of one kind ended.
    public struct ClockHits: Sendable, Hashable {
        public var clock: SLAClock
        public var tally: HitTally
        public init(clock: SLAClock, tally: HitTally) {
            self.clock = clock
            self.tally = tally
        }
    }

    /// The backlog at `asOf`: comments with a response clock, on the desk, neither answered nor withdrawn.
    public struct Backlog: Sendable, Hashable {
        public var total = 0
        /// Of those, past their due time.
        public var breached = 0
        /// By calendar age (time since the comment was written), in `ReportBuckets.backlogAge` buckets.
        public var ages: [Bucket] = []
        public init() {}
    }

    /// How one queue — a platform and the agency account on it — was served.
    public struct QueueFigures: Sendable, Hashable {
        /// The platform as stored (`x`, `instagram`, …).
        public var platform: String
        /// The agency account that received the comments; `-` when the import named none.
        public var channel: String
        /// Comments written in the period.
        public var comments = 0
        /// Response clocks (first and next) of those comments, as of the report's moment.
        public var responses = HitTally()
        /// Business minutes to the first answer of those comments.
        public var firstResponse = DurationStats()
        /// Comments waiting for an answer at `asOf`, whenever they arrived (as `Backlog.total`), and of those past due.
        public var backlog = 0
        public var backlogBreached = 0
        public init(platform: String, channel: String) {
            self.platform = platform
            self.channel = channel
        }
    }

    /// What one staff member did in the period.
    public struct StaffFigures: Sendable, Hashable {
        /// The login name (the actor on the log).
        public var name: String
        public var displayName: String
        /// Replies recorded in the period.
        public var replies = 0
        /// Of those, replies sent over a blocking linter finding (with an override reason).
        public var overrides = 0
        /// Business minutes to the first answer of the period's comments this person answered first.
        public var firstResponse = DurationStats()
        /// Response clocks (first and next) of the period's comments this person met, and how many on time.
        public var responses = HitTally()
        public init(name: String, displayName: String) {
            self.name = name
            self.displayName = displayName
        }
    }

    /// Replies recorded in Meja during the period.
    public struct Replies: Sendable, Hashable {
        public var total = 0
        /// Replies at humour level 0 (none), 1 (warm) and 2 (light joke).
        public var byHumor = [0, 0, 0]
        /// Replies sent over a blocking linter finding.
        public var overridden = 0
        public init() {}
        /// The share of replies sent over the linter (0…1), nil with no replies.
        public var overriddenShare: Double? { total == 0 ? nil : Double(overridden) / Double(total) }
    }

    /// One week of the period (the last may be shorter).
    public struct Week: Sendable, Hashable {
        public var start: Date
        /// The first instant after the week.
        public var end: Date
        /// Comments written in the week.
        public var arrivals = 0
        /// Response clocks (first and next) of those comments, as of the report's moment.
        public var responses = HitTally()
        /// Business minutes to the first answer of the week's comments.
        public var firstResponse = DurationStats()
        /// The backlog at the week's last second (or at `asOf` for a week not over yet).
        public var backlogAtEnd = 0
        public init(start: Date, end: Date) {
            self.start = start
            self.end = end
        }
    }

    /// The times of one clock.
    public func times(_ clock: SLAClock) -> ClockTimes {
        times.first { $0.clock == clock } ?? ClockTimes(clock: clock, business: DurationStats(), calendar: DurationStats())
    }

    /// How one clock's clocks ended.
    public func hits(_ clock: SLAClock) -> HitTally { hits.first { $0.clock == clock }?.tally ?? HitTally() }

    /// Response clocks (first and next) together.
    public var responseHits: HitTally {
        let a = hits(.firstResponse), b = hits(.nextResponse)
        return HitTally(onTime: a.onTime + b.onTime, late: a.late + b.late, missed: a.missed + b.missed,
                        excluded: a.excluded + b.excluded, pending: a.pending + b.pending)
    }
}
