import Foundation

/// Everything that helps staff answer one comment: its tone, the best templates rendered for it, a template
/// made into a reply, and the checks a reply passes before it is recorded.
///
/// The CLI (`meja tone`, `meja suggest`, `meja reply --template`) and the desk's composer both use it, so a
/// suggestion reads the same everywhere.
public struct ReplyAssistant: Sendable {
    public let desk: Desk
    public let library: TemplateLibrary
    public let governor: ToneGovernor

    public init(desk: Desk, library: TemplateLibrary) {
        self.desk = desk
        self.library = library
        self.governor = ToneGovernor(config: desk.config)
    }

    /// The shipped and the agency's templates, with any problems in the files.
    public static func loadLibrary() -> (library: TemplateLibrary, issues: [FileIssue]) { TemplateLibrary.load() }

    /// The reference a citizen can quote back (`{ticket.ref}`).
    public static func ticketReference(_ commentID: Int64) -> String { "MJ-\(commentID)" }

    /// The values a template can use for this comment: the citizen, the agency, the acting staff member,
    /// the ticket reference and the promise of the comment's standard, in the comment's language.
    public func context(for comment: Comment, lang: TextLanguage) throws -> RenderContext {
        var context = RenderContext(comment: comment, config: desk.config, lang: lang)
        let me = try desk.actingMember()
        context.staffName = me?.displayName ?? desk.actor.name
        context.ticketRef = Self.ticketReference(comment.id)
        context.slaPromise = try promise(for: comment, lang: lang)
        return context
    }

    /// When the agency promises to have resolved the case: the comment's resolution due time in words — or, once that
    /// has passed, the standard's resolution time counted anew from now: a date already gone is no promise to make a
    /// citizen (a backlog would otherwise be told "by Monday 9 November" in December).
    public func promise(for comment: Comment, lang: TextLanguage) throws -> String? {
        let due = comment.sla.resolutionDueAt ?? comment.sla.nextDue?.dueAt
        guard let due else { return nil }
        let policy = try desk.store.read { try desk.policyVersion(comment.sla, $0) }
        let code = lang == .english ? "en" : "id"
        let now = desk.now
        let zone = policy?.calendar.zone ?? desk.config.calendar.zone
        // Without its standard a passed deadline cannot be counted anew: the variable stays open for staff to fill (`--var`).
        guard let promised = due > now ? due : policy.flatMap({ SLAPromise.deadline(.resolution, policy: $0, from: now) }) else { return nil }
        return SLAPromise.format(SLAPromise.promisable(promised, now: now, zone: zone), zone: zone, lang: code)
    }

    /// The comment's tone verdict (see `ToneGovernor.verdict(for:)`).
    public func verdict(for comment: Comment) -> ToneVerdict { governor.verdict(for: comment) }

    /// The best templates for a comment, rendered for it, with the verdict they were chosen under.
    public func suggestions(for commentID: Int64, limit: Int = 5) throws -> (verdict: ToneVerdict, suggestions: [Suggestion]) {
        guard let comment = try desk.store.read({ try $0.comment(id: commentID) }) else { throw DeskError.notFound("Comment \(commentID)") }
        let verdict = verdict(for: comment)
        let recent = try desk.store.read {
            try $0.recentTemplateIDs(author: comment.author, platform: comment.platform, since: desk.now - 30 * 86_400)
        }
        // The intent stored at import is on the log and in reports; a newer word list reading otherwise does not move it.
        let triaged = comment.intent == verdict.intent ? nil : comment.intent
        // Each template is rendered in its own language ({sla.promise} is a date in words); a code-mixed comment's own is
        // Indonesian's.
        var contexts: [TextLanguage: RenderContext] = [:]
        for lang in TextLanguage.templateLanguages { contexts[lang] = try context(for: comment, lang: lang) }
        var input = SuggestionInput(text: comment.text, platform: comment.platform, channel: comment.channel, verdict: verdict,
                                    triagedIntent: triaged, recentTemplateIDs: recent,
                                    context: contexts[verdict.lang == .english ? .english : .indonesian] ?? RenderContext(),
                                    officeOpen: desk.config.calendar.isOpen(at: desk.now),
                                    // Answered, or written after an answer (its clock is the next response's).
                                    agencyAnswered: Desk.hasBeenAnswered(comment) || comment.sla.responseClock == .nextResponse,
                                    answerLate: comment.sla.awaitsResponse && comment.sla.responseDueAt.map { $0 < desk.now } == true)
        input.contextsByLanguage = contexts
        return (verdict, Suggester.suggest(for: input, library: library, limit: limit))
    }

    /// A template rendered for a comment, as a reply ready for review; `values` fill variables only staff know
    /// (`link`, `service.name`, `redirect.agency` …) or replace any other.
    public func request(template id: String, for commentID: Int64, values: [String: String] = [:],
                        overrideReason: String? = nil) throws -> ReplyRequest {
        guard let template = library.template(id: id) else {
            throw DeskError.invalidInput("There is no template '\(id)'. `meja suggest \(commentID)` lists the ones that fit this comment.")
        }
        let context = try context(for: commentID, lang: template.lang, values: values)
        return ReplyRequest(text: template.render(context), templateID: template.id, templateVersion: template.version,
                            templateBody: template.text.body, humor: template.humor.rawValue, overrideReason: overrideReason)
    }

    /// Text staff wrote for a comment, as a reply ready for review: the `{variables}` in it are filled as a template's
    /// would be (`{citizen.name}`, `{ticket.ref}`, and `values`); braces that name no variable with a value stay as
    /// typed, for the linter to point at.
    public func request(text: String, for commentID: Int64, values: [String: String] = [:], humor: Int? = nil,
                        overrideReason: String? = nil) throws -> ReplyRequest {
        let lang: TextLanguage = governor.verdict(text).lang == .english ? .english : .indonesian
        let context = try context(for: commentID, lang: lang, values: values)
        return ReplyRequest(text: context.fill(text), humor: humor, overrideReason: overrideReason)
    }

    /// The values for a comment's reply, with the ones staff give (`--var link=…`) set or replacing others.
    private func context(for commentID: Int64, lang: TextLanguage, values: [String: String]) throws -> RenderContext {
        guard let comment = try desk.store.read({ try $0.comment(id: commentID) }) else { throw DeskError.notFound("Comment \(commentID)") }
        var context = try context(for: comment, lang: lang)
        for (name, value) in values {
            guard RenderContext.isKnown(name) else {
                throw DeskError.invalidInput("'\(name)' is not a template variable; known: \(RenderContext.knownVariables.map(\.name).joined(separator: ", "))")
            }
            context.set(name, to: value)
        }
        return context
    }
}

/// The pre-send checks of a reply: the linter, with the humour the comment's tone allows.
public struct LintingReviewer: ReplyReviewer {
    public let governor: ToneGovernor

    public init(config: DeskConfig) { governor = ToneGovernor(config: config) }

    public func review(text: String, humor: Int?, comment: Comment, config: DeskConfig) -> ReplyReview {
        let verdict = governor.verdict(for: comment)
        let context = LintContext(platform: comment.platform, humorAllowed: verdict.humorAllowed,
                                  replyHumor: humor.flatMap(HumorLevel.init(rawValue:)), linkAllowList: config.linkAllowList,
                                  allowedNumbers: [ReplyAssistant.ticketReference(comment.id)] + (config.agencyPhone.map { [$0] } ?? []))
        return ReplyReview(findings: ReplyLinter.lint(text, context: context), tone: verdict.json, humorAllowed: verdict.humorAllowed.rawValue,
                           humor: humor ?? ReplyLinter.estimatedHumor(text).rawValue)
    }
}

extension Desk {
    /// A desk with the tone governor reading comments at import and the linter checking every reply: what the
    /// CLI and the desk use.
    public static func withReplyChecks(store: any DeskStore, config: DeskConfig, clock: any WallClock, actor: ActorIdentity) -> Desk {
        let governor = ToneGovernor(config: config)
        return Desk(store: store, config: config, clock: clock, actor: actor, reviewer: LintingReviewer(config: config),
                    classifier: { governor.commentTone($0) })
    }
}

extension ToneGovernor {
    /// The verdict on a comment's words, with the intent the desk recorded for it: a comment recorded as a complaint (at
    /// import, or corrected so by staff) allows no humour, whatever its words alone would allow, in the suggestions and in
    /// the review before a reply alike.
    public func verdict(for comment: Comment) -> ToneVerdict {
        var verdict = verdict(comment.text)
        if comment.intent == .complaint, verdict.intent != .complaint, verdict.humorAllowed != .none {
            verdict.humorAllowed = .none
            verdict.explanations.append(Localized("humor 0: tercatat di meja sebagai keluhan", "humour 0: recorded on the desk as a complaint"))
        }
        return verdict
    }
}
