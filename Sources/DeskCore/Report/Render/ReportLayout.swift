import Foundation

/// A report laid out for an audience: its title and its tables, in reading order. Every format renders
/// this one layout, so the same figure reads the same everywhere.
public struct ReportLayout: Sendable, Hashable {
    public var audience: ReportAudience
    public var title: String
    /// The tables, the summary first (it opens with the period, the moment and the log head).
    public var tables: [ReportTable]

    /// The table of a CSV family, if the layout has it.
    public func table(_ family: String) -> ReportTable? { tables.first { $0.family == family } }

    /// Lays out `report` for `audience`. The public layout leaves out the staff table and shows labels in Bahasa
    /// Indonesia and English.
    public init(_ report: Report, audience: ReportAudience) {
        self.audience = audience
        // Bahasa Indonesia writes a decimal comma: the Indonesian report and the public one (Indonesian first).
        let f = ReportFormatting(zone: report.zone, decimalComma: audience.language == .id)
        func l(_ label: ReportLabel) -> String { label.text(audience) }
        title = l(audience.isPublic ? ReportLabels.publicTitle : ReportLabels.title) + " — " + report.agency
        typealias Column = ReportTable.Column
        typealias Cell = ReportTable.Cell
        func label(_ text: ReportLabel, raw: String) -> Cell { Cell(text: l(text), raw: raw, label: text) }
        func int(_ n: Int) -> Cell { Cell(text: String(n), raw: String(n), value: Double(n)) }
        func minutes(_ m: Int?) -> Cell { Cell(text: f.duration(m), raw: m.map(String.init) ?? "", value: m.map(Double.init)) }
        func rate(_ r: Double?) -> Cell { Cell(text: f.percent(r), raw: f.fraction(r), value: r) }
        // A hit rate shows what it is a share of (on time / decided): 100% of 3 is not 100% of 3,000.
        func hitRate(_ t: HitTally) -> Cell {
            Cell(text: f.percent(t.rate) + (t.decided > 0 ? " (\(t.onTime)/\(t.decided))" : ""), raw: f.fraction(t.rate), value: t.rate)
        }
        func text(_ s: String, raw: String? = nil) -> Cell { Cell(text: s, raw: raw ?? s) }
        // A stored value (a platform, a channel, an intent …) in words, read safely; CSV keeps it as stored.
        func value(_ key: String, of dimension: String, limit: Int = 80) -> Cell {
            let label = ReportLabels.value(key, dimension: dimension)
            return Cell(text: SafeText.sanitize(l(label), lines: .fold, limit: limit), raw: key, label: label)
        }

        var tables: [ReportTable] = []
        let period = "\(f.date(report.period.start)) – \(f.date(report.period.end - 1)) (\(report.zone.identifier))"
        var summary: [[Cell]] = [
            [label(ReportLabels.period, raw: "period"),
             text(period, raw: Timestamp.local(report.period.start, in: report.zone) + "/" + Timestamp.local(report.period.end, in: report.zone))],
            [label(ReportLabels.asOf, raw: "as_of"), text(f.instant(report.asOf), raw: Timestamp.local(report.asOf, in: report.zone))],
            [label(ReportLabels.generated, raw: "generated_at"),
             text(f.instant(report.generatedAt), raw: Timestamp.local(report.generatedAt, in: report.zone))],
            [label(report.logVerified ? ReportLabels.logHead : ReportLabels.logHeadUnverified, raw: "log_head"),
             text(report.logHead ?? "–", raw: report.logHead ?? "")],
            // Said in a row of its own too, for a spreadsheet that keeps the value and not the label.
            [label(ReportLabels.logVerified, raw: "log_verified"),
             text(l(report.logVerified ? ReportLabels.verified : ReportLabels.notVerified), raw: report.logVerified ? "true" : "false")],
            [label(ReportLabels.comments, raw: "comments"), int(report.comments)],
            [label(ReportLabels.unmeasured, raw: "unmeasured"), int(report.unmeasured)],
            [label(ReportLabels.importedAfter, raw: "imported_after"), int(report.importedAfter)],
        ]
        for clock in SLAClock.allCases {
            let name = ReportLabels.clock(clock)
            let onTime = ReportLabel(name.id + " " + ReportLabels.onTime.id.lowercased(), name.en + " " + ReportLabels.onTime.en.lowercased())
            summary.append([label(onTime, raw: clock.rawValue + "_hit_rate"), hitRate(report.hits(clock))])
        }
        summary += [
            [label(ReportLabels.medianFirst, raw: "first_response_median_business_min"), minutes(report.times(.firstResponse).business.median)],
            // Beside it, the wait as the citizen lived it: answered before the office opened is 0:00 in office time.
            [label(ReportLabels.medianFirstCalendar, raw: "first_response_median_calendar_min"), minutes(report.times(.firstResponse).calendar.median)],
            [label(ReportLabels.backlog, raw: "backlog"), int(report.backlog.total)],
            [label(ReportLabels.backlogBreached, raw: "backlog_breached"), int(report.backlog.breached)],
            [label(ReportLabels.passedOver, raw: "passed_over"), int(report.passedOver)],
            [label(ReportLabels.passedOverWaiting, raw: "passed_over_unanswered"), int(report.passedOverUnanswered)],
            [label(ReportLabels.escalations, raw: "escalations"), int(report.escalations)],
            [label(ReportLabels.replies, raw: "replies"), int(report.replies.total)],
            [label(ReportLabels.overriddenShare, raw: "replies_overridden_share"), rate(report.replies.overriddenShare)],
            [label(ReportLabels.answeredOnPlatform, raw: "answered_on_platform"), int(report.answeredOnPlatform)],
        ]
        tables.append(ReportTable(family: "summary", title: ReportLabels.summary,
                                  columns: [Column("metric", ReportLabels.metric, numeric: false), Column("value", ReportLabels.value, numeric: false)],
                                  rows: summary, keyValue: true))

        var times: [[Cell]] = []
        for t in report.times {
            for (basis, stats) in [(ReportLabels.business, t.business), (ReportLabels.calendar, t.calendar)] {
                times.append([label(ReportLabels.clock(t.clock), raw: t.clock.rawValue), label(basis, raw: basis.en), int(stats.count),
                              minutes(stats.median), minutes(stats.p90), minutes(stats.max)])
            }
        }
        tables.append(ReportTable(family: "response_times", title: ReportLabels.times, columns: [
            Column("clock", ReportLabels.clock, numeric: false), Column("basis", ReportLabels.basis, numeric: false),
            Column("count", ReportLabels.count), Column("median_min", ReportLabels.median), Column("p90_min", ReportLabels.p90),
            Column("max_min", ReportLabels.max),
        ], rows: times))

        tables.append(ReportTable(family: "hit_rate", title: ReportLabels.hits, columns: [
            Column("clock", ReportLabels.clock, numeric: false), Column("on_time", ReportLabels.onTime), Column("late", ReportLabels.late),
            Column("breached", ReportLabels.missed), Column("excluded", ReportLabels.excluded), Column("pending", ReportLabels.pending),
            Column("hit_rate", ReportLabels.rate),
        ], rows: report.hits.map { h in
            [label(ReportLabels.clock(h.clock), raw: h.clock.rawValue), int(h.tally.onTime), int(h.tally.late), int(h.tally.missed),
             int(h.tally.excluded), int(h.tally.pending), rate(h.tally.rate)]
        }, bar: ReportTable.Bar(column: 6, full: 1)))

        tables.append(ReportTable(family: "weekly", title: ReportLabels.weeks, columns: [
            Column("week_start", ReportLabels.weekOf, numeric: false), Column("week_end", ReportLabel("Sampai", "Until"), numeric: false).csvOnly,
            Column("arrivals", ReportLabels.arrivals), Column("on_time", ReportLabels.onTime).csvOnly,
            Column("decided", ReportLabels.decided).csvOnly, Column("hit_rate", ReportLabels.onTime),
            Column("median_first_response_business_min", ReportLabels.staffMedian), Column("backlog_at_end", ReportLabels.backlogAtEnd),
        ], rows: report.weeks.map { w in
            [text(f.date(w.start)), text(f.date(w.end - 1)), int(w.arrivals), int(w.responses.onTime), int(w.responses.decided),
             rate(w.responses.rate), minutes(w.firstResponse.median), int(w.backlogAtEnd)]
        }, sparklines: [ReportTable.Bar(column: 2), ReportTable.Bar(column: 5, full: 1), ReportTable.Bar(column: 7)], chart: ReportTable.Chart(bars: 2, line: 5, labels: 0)))

        func buckets(_ family: String, _ title: ReportLabel, _ buckets: [Report.Bucket]) -> ReportTable {
            ReportTable(family: family, title: title, columns: [
                Column("bucket", ReportLabels.bucket, numeric: false), Column("lower_min", ReportLabel("Dari (mnt)", "From (min)")).csvOnly,
                Column("upper_min", ReportLabel("Sampai (mnt)", "To (min)")).csvOnly, Column("comments", ReportLabels.count),
            ], rows: buckets.map { b in
                let name = ReportLabels.bucket(lower: b.lower, upper: b.upper)
                return [label(name, raw: name.en), int(b.lower), Cell(text: b.upper.map(String.init) ?? "", raw: b.upper.map(String.init) ?? ""),
                        int(b.count)]
            }, bar: ReportTable.Bar(column: 3), chart: ReportTable.Chart(bars: 3))
        }
        tables.append(buckets("response_histogram", ReportLabels.histogram, report.responseHistogram))
        tables.append(buckets("backlog_age", ReportLabels.backlogAge, report.backlog.ages))

        var volume: [[Cell]] = []
        let dimensions: [(String, ReportLabel, [Report.Count])] = [
            ("platform", ReportLabels.platform, report.volume.platform), ("channel", ReportLabels.channel, report.volume.channel),
            ("intent", ReportLabels.intent, report.volume.intent), ("sentiment", ReportLabels.sentiment, report.volume.sentiment),
            ("tag", ReportLabels.tag, report.volume.tag),
        ]
        for (key, name, counts) in dimensions {
            for c in counts {
                volume.append([label(name, raw: key), value(c.key, of: key), int(c.count)])
            }
        }
        tables.append(ReportTable(family: "volume", title: ReportLabels.volume, columns: [
            Column("dimension", ReportLabels.dimension, numeric: false), Column("key", ReportLabels.key, numeric: false),
            Column("comments", ReportLabels.count),
        ], rows: volume, bar: ReportTable.Bar(column: 2, full: Double(Swift.max(1, report.comments)))))

        if !audience.isPublic {
            tables.append(ReportTable(family: "staff", title: ReportLabels.staff, columns: [
                Column("staff", ReportLabels.name, numeric: false), Column("replies", ReportLabels.staffReplies),
                Column("overrides", ReportLabels.overrides), Column("first_responses", ReportLabel("Tanggapan pertama", "First responses")),
                Column("median_first_response_business_min", ReportLabels.staffMedian),
                Column("responses_met", ReportLabel("Tanggapan", "Responses")).csvOnly, Column("on_time", ReportLabels.onTime).csvOnly,
                Column("hit_rate", ReportLabels.staffOnTime),
            ], rows: report.staff.map { s in
                [text(SafeText.sanitize(s.name, lines: .fold, limit: 80)), int(s.replies), int(s.overrides), int(s.firstResponse.count), minutes(s.firstResponse.median),
                 int(s.responses.decided), int(s.responses.onTime), rate(s.responses.rate)]
            }))
        }

        let total = report.replies.total
        tables.append(ReportTable(family: "humour", title: ReportLabels.humour, columns: [
            Column("level", ReportLabels.level, numeric: false), Column("replies", ReportLabels.staffReplies), Column("share", ReportLabels.rate),
        ], rows: report.replies.byHumor.enumerated().map { level, n in
            [label(ReportLabels.humour(level), raw: String(level)), int(n), rate(total == 0 ? nil : Double(n) / Double(total))]
        }, bar: ReportTable.Bar(column: 2, full: 1)))
        // Last, so that the CSV tables before it keep their places (docs/report-csv.md).
        tables.append(ReportTable(family: "queues", title: ReportLabels.queues, columns: [
            Column("platform", ReportLabels.platform, numeric: false), Column("channel", ReportLabels.channel, numeric: false),
            Column("comments", ReportLabels.arrivals), Column("on_time", ReportLabels.onTime).csvOnly,
            Column("decided", ReportLabels.decided).csvOnly, Column("hit_rate", ReportLabels.onTime),
            Column("median_first_response_business_min", ReportLabels.staffMedian), Column("backlog", ReportLabels.waiting),
            Column("backlog_breached", ReportLabels.waitingPastDue),
        ], rows: report.queues.map { q in
            [value(q.platform, of: "platform", limit: 40), value(q.channel, of: "channel", limit: 60), int(q.comments),
             int(q.responses.onTime), int(q.responses.decided), hitRate(q.responses), minutes(q.firstResponse.median),
             int(q.backlog), int(q.backlogBreached)]
        }))
        self.tables = tables
    }
}

extension ReportTable.Column {
    /// The column only in CSV (a machine detail people read elsewhere in the row).
    var csvOnly: ReportTable.Column {
        var c = self
        c.label = ReportLabel("", "")
        return c
    }

    /// Whether people see the column (text, Markdown, HTML).
    public var shown: Bool { !label.en.isEmpty }
}
