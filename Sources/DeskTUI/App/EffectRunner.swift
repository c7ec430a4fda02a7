import DeskCore
import Foundation

/// Carries out the reducer's effects through `Desk` (and the external editor) and reports back with events.
/// It is the only place the desk's screens read or write the store.
public final class EffectRunner {
    public let desk: Desk
    public let assistant: (any DeskAssistant)?
    /// The desk's words for what it reports back; follows the desk's language (`:lang`).
    var strings: Strings
    /// Runs the external editor on a text and returns the edited text (set by the run loop, which owns the
    /// terminal).
    var editText: ((String) throws -> String)?
    /// How the bell is rung (the run loop sets it to the terminal's; nil: silent).
    var ring: (() -> Void)?

    public init(desk: Desk, assistant: (any DeskAssistant)? = nil, language: Language) {
        self.desk = desk
        self.assistant = assistant
        strings = Strings(language)
    }

    /// Performs `effect` and returns the events that report its outcome.
    public func perform(_ effect: Effect) -> [AppEvent] {
        if effect.isRead { return Self.load(effect, desk: desk, assistant: assistant) }
        do {
            return try run(effect)
        } catch {
            return [.failed(Self.message(for: error))]
        }
    }

    /// Carries out a read effect (`Effect.isRead`); safe to call on any thread.
    public static func load(_ effect: Effect, desk: Desk, assistant: (any DeskAssistant)?) -> [AppEvent] {
        do {
            return try read(effect, desk: desk, assistant: assistant)
        } catch {
            return [.failed(message(for: error))]
        }
    }

    private static func read(_ effect: Effect, desk: Desk, assistant: (any DeskAssistant)?) throws -> [AppEvent] {
        switch effect {
        case .loadQueue(let query, let token):
            var q = query
            q.now = desk.now
            return [.queueLoaded(try desk.queue(q), at: q.now, token: token)]
        case .loadCounts(let query, let filter, let token):
            var q = query
            q.now = desk.now
            do {
                return [.countsLoaded(try desk.counts(q), filter: filter, token: token)]
            } catch {
                return [.countsLoaded(nil, filter: filter, token: token), .failed(message(for: error))]
            }
        case .loadDetail(let id):
            do {
                let detail = try desk.detail(id: id)
                return [.detailLoaded(detail, tone: assistant?.verdict(for: detail.comment))]
            } catch {
                return [.detailFailed(commentID: id, message(for: error))]
            }
        case .loadDraft(let id):
            return [.draftLoaded(commentID: id, try desk.draft(for: id), newestReplyID: try desk.newestReplyID(to: id))]
        case .loadSuggestions(let id):
            return [.suggestionsLoaded(commentID: id, try assistant?.suggestions(for: id, limit: 5) ?? [])]
        case .review(let id, let request):
            let comment = try desk.detail(id: id).comment
            var review = try desk.review(replyTo: id, text: request.text, humor: request.humor, seenReplyID: request.seenReplyID)
            if review.humorAllowed == nil, let verdict = assistant?.verdict(for: comment) { review.humorAllowed = verdict.humorAllowed.rawValue }
            return [.reviewLoaded(commentID: id, review, alsoAnswers: try desk.alsoAnswered(byReplyTo: id))]
        case .loadOverdue:
            return [.overdueLoaded(try desk.overdue(includeAtRisk: true), counts: try desk.overdueCounts())]
        case .loadPassedOver:
            return [.passedOverLoaded(try desk.passedOver())]
        case .loadLog(let verify):
            let events = try desk.store.read { tx -> [LogEvent] in
                let last = try tx.lastEvent()?.seq ?? 0
                return try tx.events(from: max(1, last - 999), limit: 1000)
            }
            guard verify else { return [.logLoaded(events, nil)] }
            let audit = try LogAudit.audit(desk.store)
            // The check replays the whole log in memory (a gigabyte and more at a million comments); the C library keeps
            // freed memory for later unless asked to give it back, and a desk stays open all day.
            Self.returnFreedMemory()
            return [.logLoaded(events, audit)]
        case .loadUrgent(let after, let named):
            let (newest, comments) = try desk.urgentArrivals(after: after)
            let still = named.isEmpty ? nil : Set(try desk.comments(ids: named).filter(\.status.needsAction).map(\.id))
            return [.urgentLoaded(newest: newest, comments, after: after, stillNeeded: still, uptime: ProcessInfo.processInfo.systemUptime)]
        case .loadMarked(let ids, let picker):
            return [.markedLoaded(try desk.comments(ids: ids), then: picker)]
        case .loadStaff(let picker):
            return [.staffLoaded(try desk.staff(), workloads: try desk.workloads(), then: picker)]
        case .findComment(let reference):
            return [.commentFound(try desk.resolve(reference))]
        case .loadChannels:
            return [.channelsLoaded(try desk.channels(), platforms: try desk.platforms())]
        case .loadReport(let period, let token):
            do {
                return [.reportLoaded(try ReportBuilder.build(store: desk.store, config: desk.config, period: period, now: desk.now), token: token)]
            } catch {
                return [.reportLoaded(nil, token: token), .failed(message(for: error))]
            }
        default:
            return []
        }
    }

    /// Gives memory freed after a large read back to the system.
    static func returnFreedMemory() {
        // glibc's malloc_trim, looked up by name: it is declared in <malloc.h>, which Swift does not import.
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }

    private func run(_ effect: Effect) throws -> [AppEvent] {
        let s = strings
        switch effect {
        case .saveDraft(let id, let text, let templateID, let seen):
            try desk.saveDraft(for: id, text: text, templateID: templateID, seenReplyID: seen)
            return [.draftSaved(commentID: id)]
        case .perform(let command):
            return [.done(Notice(.info, try perform(command, s)))]
        case .performAll(let commands):
            // A staff member who cannot be assigned anything is said once, not once for each marked comment.
            guard let first = commands.first else { return [] }
            if case .assign(_, let name) = first, let why = try desk.assigneeProblem(name) { return [.failed(why)] }
            return [.bulkDone(performAll(commands, what: Self.bulkWhat(first)))]
        case .send(let id, let request):
            var request = request
            if let template = request.templateID, request.templateBody == nil { request.templateBody = assistant?.templateBody(id: template) }
            do {
                try desk.reply(id, request)
            } catch let refusal as DeskError {
                guard case .blocked(let findings) = refusal else { throw refusal }
                // The desk found at sending what the review had not shown (a colleague's answer meanwhile): show the
                // review as it is now, so the next send asks for a reason that answers it — said the desk's way.
                // Short enough for 80 columns: the findings themselves are on the review.
                let codes = findings.map(\.code.rawValue).joined(separator: ", ")
                return [.failed(Localized(Strings(.id).format(.sendRefused, codes), Strings(.en).format(.sendRefused, codes)))]
                    + Self.load(.review(commentID: id, request), desk: desk, assistant: assistant)
            }
            return [.replySent(commentID: id)]
        case .bell:
            ring?()
            return []
        case .openEditor(let text):
            guard let editText else { return [.editorFinished(nil)] }
            do {
                return [.editorFinished(try editText(text))]
            } catch {
                return [.editorFinished(nil), .failed(Localized(both: s.format(.editorFailed, "\(error)")))]
            }
        default:
            return []
        }
    }

    /// Performs a command and says what it did, or that there was nothing to do (the core logs nothing then: a
    /// second claim, or an escalation of an escalated comment, whose new reason is not kept).
    private func perform(_ command: DeskCommand, _ s: Strings) throws -> String {
        let id = String(command.commentID)
        switch command {
        case .claim:
            return try change(command).changed ? s.format(.claimed, id) : s.format(.alreadyYours, id)
        case .release:
            try change(command)
            return s.format(.released, id)
        case .assign(_, let name):
            return try change(command).changed ? s.format(.assigned, id, name) : s.format(.alreadyAssigned, id, name)
        case .setStatus(_, let status):
            return s.format(try change(command).changed ? .statusSet : .alreadyStatus, id, s.status(status))
        case .setIntent(_, let intent):
            let change = try change(command)
            guard change.changed else { return s.format(.alreadyIntent, id, s.intent(intent)) }
            if change.breachStands, let policy = change.comment.sla.policy { return s.format(.intentKeepsBreach, id, s.intent(intent), policy) }
            guard change.restandardised, let policy = change.comment.sla.policy, let due = change.comment.sla.nextDue?.dueAt else {
                return change.comment.sla.policy.map { s.format(.intentKeeps, id, s.intent(intent), $0) } ?? s.format(.intentSet, id, s.intent(intent))
            }
            return s.format(due < desk.now ? .intentRestandardLate : .intentRestandard, id, s.intent(intent), policy,
                            s.dateTime(due, zone: desk.config.calendar.zone))
        case .escalate:
            return try change(command).changed ? s.format(.escalated, id) : s.format(.alreadyEscalated, id)
        case .note:
            try change(command)
            return s.format(.noted, id)
        }
    }

    /// Carries out one command through `Desk` (its own transaction and log event).
    @discardableResult
    private func change(_ command: DeskCommand) throws -> CommentChange {
        switch command {
        case .claim(let c): try desk.claim(c)
        case .release(let c): try desk.release(c)
        case .assign(let c, let name): try desk.assign(c, to: name)
        case .setStatus(let c, let status): try desk.setStatus(c, status)
        case .setIntent(let c, let intent): try desk.setIntent(c, intent)
        case .escalate(let c, let reason): try desk.escalate(c, reason: reason)
        case .note(let c, let text): try desk.note(c, text)
        }
    }

    /// Carries out the same action on several comments, each on its own: one refused (held by someone else, a status it
    /// cannot move to) stops none of the others.
    private func performAll(_ commands: [DeskCommand], what: Localized) -> BulkOutcome {
        var outcome = BulkOutcome(what: what)
        for command in commands {
            do {
                if try change(command).changed { outcome.changed.append(command.commentID) } else { outcome.unchanged.append(command.commentID) }
            } catch {
                outcome.refused.append(BulkOutcome.Refusal(commentID: command.commentID, reason: Self.message(for: error)))
            }
        }
        return outcome
    }

    /// What an action on the marked comments does, as the status line says it after "N marked comments".
    private static func bulkWhat(_ command: DeskCommand) -> Localized {
        func both(_ key: UIString, _ arg: (Language) -> String = { _ in "" }) -> Localized {
            Localized(Strings(.id).format(key, arg(.id)), Strings(.en).format(key, arg(.en)))
        }
        switch command {
        case .claim: return both(.bulkClaimed)
        case .release: return both(.bulkReleased)
        case .assign(_, let name): return both(.bulkAssigned) { _ in name }
        case .setStatus(_, let status): return both(.bulkStatus) { Strings($0).status(status) }
        case .setIntent(_, let intent): return both(.bulkIntent) { Strings($0).intent(intent) }
        case .escalate: return both(.bulkEscalated)
        case .note: return both(.noteKept)
        }
    }

    /// An error as one line for the status line.
    /// What the user reads when an effect fails: the core's own words in both languages, or the error as it
    /// describes itself.
    static func message(for error: Error) -> Localized {
        let said = (error as? DeskError)?.explanation ?? (error as? StoreError)?.explanation ?? Localized(both: String(describing: error))
        return Localized(SafeText.sanitize(said.id, lines: .fold, limit: 400), SafeText.sanitize(said.en, lines: .fold, limit: 400))
    }
}
