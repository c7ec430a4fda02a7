import ArgumentParser
import DeskCore
import Foundation

/// `meja report`
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Evaluate response performance over a period: times, SLA hit rates, backlog, volumes, staff, trends.",
        discussion: prose("""
            The period holds the comments written in it; every other figure is taken as of its last second (or now,
            if it has not ended). Default: the four weeks (28 days) ending today. Dates are local days of the
            calendar's zone, both included (--from 2026-11-01 --to 2026-11-30 is all of November); a full ISO 8601
            time is an exact instant (--to is then the first instant after the period).

            --public makes the transparency report: aggregates only (no handles, names, texts or staff), labels in
            Bahasa Indonesia and English, and the log head SEQ:HASH as of the end of the period, for the public to
            check later with `meja log verify --anchor`. It is refused (exit 1) when the log does not verify or the desk's
            tables disagree with it, as `meja log verify` checks: the public must never read figures the log does not back.
            Definitions: docs/reports.md; CSV columns: docs/report-csv.md.
            """))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("First day of the period (YYYY-MM-DD, or an ISO 8601 time).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("Last day of the period (YYYY-MM-DD, included; or an ISO 8601 time, excluded).", valueName: "date")) var to: String?
    @Option(help: ArgumentHelp("text, md, csv or html.", valueName: "format")) var format: String = "text"
    @Flag(name: .customLong("public"), help: "The public transparency report: aggregates only, bilingual, with the log head.") var isPublic = false
    @Flag(name: .customLong("as-known-now"), help: "Take a past period as the desk knows it now, not as it stood at the period's end: counts comments imported after the period (a history imported later), with their answers up to now. Its figures change as answers come in; its as_of says so.") var asKnownNow = false
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var out: String?
    @Option(help: ArgumentHelp("The labels' language, id or en (default: Indonesian when the locale is, else English; the public report is always both; CSV keys never change).", valueName: "lang"))
    var lang: String?

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang is id or en") }
        if ReportFormat(rawValue: format) == nil {
            throw ValidationError("--format is one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try guarded {
            let desk = try global.openDesk()
            // Published figures must be the log's: a public report of tables changed behind the log's back is refused.
            if isPublic { try LogAudit.requireSound(desk.store, before: "publish a report") }
            var period = try Self.period(from: from, to: to, now: desk.now, zone: desk.config.calendar.zone)
            period.asKnownNow = asKnownNow
            if !desk.config.agencyNamed {
                Console.warn("meja: warning: [agency].name is not set in config.toml, so the report carries the placeholder \"\(desk.config.agencyName)\"; set your agency's name (see docs/config.example.toml)")
            }
            let unknownYears = desk.config.yearsWithoutHolidays(writtenFrom: period.start, to: min(period.end, desk.now), now: desk.now)
            if let warning = BusinessCalendar.missingHolidaysWarning(unknownYears) {
                Console.warn("meja: the period's comments: " + warning.en)
            }
            var report = try ReportBuilder.build(store: desk.store, config: desk.config, period: period, now: desk.now)
            report.logVerified = isPublic
            if report.importedAfter > 0 {
                let these = report.importedAfter == 1 ? "1 comment written in the period was" : "\(report.importedAfter) comments written in the period were"
                Console.warn("meja: \(these) imported after it and in no figure (a report is taken as the desk stood at the period's end); --as-known-now counts them as the desk knows them now")
            }
            let text = ReportFormat(rawValue: format)!.render(report, audience: isPublic ? .public : .supervisors(lang.flatMap(Language.init(rawValue:)) ?? .fromEnvironment()),
                                                              width: out == nil ? Console.width : 100)
            let sink = try OutputSink(path: out)
            try sink.append(text)
            try sink.close()
        }
    }

    /// The period the options name: whole local days for dates, exact instants for times; without --from, the four
    /// weeks that end with --to's day (or today).
    static func period(from: String?, to: String?, now: Date, zone: TimeZone) throws -> ReportPeriod {
        func bound(_ text: String, endOfDay: Bool) throws -> Date {
            if let day = CivilDate(parsing: text) {
                let days = ReportPeriod(from: day, to: day, zone: zone)
                return endOfDay ? days.end : days.start
            }
            return try parseTime(text, zone: zone)
        }
        let end = try to.map { try bound($0, endOfDay: true) } ?? ReportPeriod.lastFourWeeks(endingAt: now, zone: zone).end
        let start = try from.map { try bound($0, endOfDay: false) } ?? ReportPeriod.lastFourWeeks(endingAt: end - 1, zone: zone).start
        guard start < end else {
            let toText = to ?? "not given: the end of today, \(Timestamp.local(end, in: zone))"
            throw CLIError(message: "the period is empty: --from (\(from ?? Timestamp.local(start, in: zone))) must come before --to (\(toText))", code: 64)
        }
        // Ten years is more than any evaluation; a typo such as 0001-01-01 would make half a million weekly rows.
        guard end.timeIntervalSince(start) <= 3_653 * 86_400 else {
            throw CLIError(message: "the period from \(Timestamp.local(start, in: zone)) to \(Timestamp.local(end, in: zone)) is longer than ten years, "
                + "the most a report covers: check --from and --to", code: 64)
        }
        return ReportPeriod(start: start, end: end)
    }
}
