import DeskCore
import Foundation

/// The one path by which the desk's state changes: `(state, event) -> (state, effects)`.
///
/// It never reads the clock, the store or the terminal: time arrives in `tick` events, data in `…Loaded`
/// events, and whatever must happen outside (load, write through `Desk`, run `$EDITOR`) is returned as effects.
public enum Reducer {
    /// The new state and the effects to carry out.
    public static func reduce(_ state: AppState, _ event: AppEvent) -> (AppState, [Effect]) {
        var s = state
        let effects = apply(&s, event)
        return (s, effects)
    }

    /// Applies `event` to `state` in place and returns the effects to carry out.
    public static func apply(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
        switch event {
        case .action(let id):
            guard state.fits else { return quitWhenTooSmall(&state, quits: id == .back) }
            state.notice = nil
            state.startupIssues = []
            if id != .back { state.quitAsked = false }
            return act(&state, id)
        case .typed(let text) where !state.fits:
            return quitWhenTooSmall(&state, quits: text == "q")
        case .denied(let id):
            // Named: "the overdue board", not "that".
            let what = ActionTable.spec(id).label(state.language)
            state.notice = Notice(.error, state.strings.format(.supervisorsOnly, what))
            return []
        case .typed(let text):
            // Like any key, typing puts a notice away (a refused reason, "fill in {link}").
            state.notice = nil
            state.quitAsked = false
            return type(&state, text)
        case .pasted(let text):
            state.notice = nil
            return type(&state, text, asOneChange: true)
        case .resized(let size):
            state.size = size
            clampCursors(&state)
            return []
        case .tick(let now):
            return tick(&state, now)
        case .externalChange:
            return reloadAll(&state)
        case .idle:
            return requestCounts(&state)
        default:
            return loaded(&state, event)
        }
    }

    // MARK: Actions by context

    private static func act(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        switch state.keyContext {
        case .picker: return pickerAction(&state, id)
        case .prompt: return promptAction(&state, id)
        case .help: return helpAction(&state, id)
        default: break
        }
        switch id {
        case .help:
            state.help = 0
            return []
        case .refresh:
            var effects = reloadAll(&state)
            if state.screen == .reports { effects += requestReport(&state, anew: true) }
            return effects
        case .command:
            state.prompt = PromptState(kind: .command)
            return []
        case .search:
            state.prompt = PromptState(kind: .search, text: state.queue.filter.search ?? "")
            return []
        default: break
        }
        switch state.screen {
        case .queue: return queueAction(&state, id)
        case .thread: return threadAction(&state, id)
        case .composer: return composerAction(&state, id)
        case .review: return reviewAction(&state, id)
        case .overdue: return overdueAction(&state, id)
        case .passedOver: return passedOverAction(&state, id)
        case .log: return logAction(&state, id)
        case .reports: return reportsAction(&state, id)
        }
    }

    private static func queueAction(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        let rows = Layout.listRows(state.size)
        let count = state.queue.items.count
        if let delta = movement(id, page: rows, count: count) {
            state.queue.cursor.move(by: delta, count: count, visible: rows)
            // At the end of what is loaded, ask for more: a page, or for `G` everything up to the end (as far as the
            // counts say it is, within `endReach`), with the selection going to the last row when it arrives.
            if state.queue.cursor.selected >= count - 1, state.queue.mayHaveMore, !state.queue.loading {
                if id == .bottom {
                    let total = state.queue.counts.map { $0.total + 1 } ?? QueueScreenState.endReach
                    state.queue.limit = max(state.queue.limit + QueueScreenState.page, min(total, QueueScreenState.endReach))
                    state.queue.goingToEnd = true
                } else {
                    state.queue.limit += QueueScreenState.page
                }
                return requestQueue(&state)
            }
            return []
        }
        let item = state.queue.selectedItem
        switch id {
        case .back:
            // Marks live only while the desk is open: with some set, quitting is asked once more.
            if !state.marked.isEmpty, !state.quitAsked {
                state.quitAsked = true
                let quit = state.keys.keys(for: .back, in: .queue).first?.label ?? "q"
                let unmark = state.keys.keys(for: .clearMarks, in: .queue).first?.label ?? "esc"
                state.notice = Notice(.info, state.strings.format(.quitWithMarks, String(state.marked.count), quit, unmark))
                return []
            }
            state.running = false
            return []
        case .filterStatus: return changeFilter(&state) { $0.cycleStatus() }
        case .filterPlatform:
            let platforms = state.platforms
            return changeFilter(&state) { $0.cyclePlatform(platforms) }
        case .filterChannel:
            let channels = state.channels
            guard !channels.isEmpty else {
                state.notice = Notice(.info, state.strings[.noChannels])
                return []
            }
            return changeFilter(&state) { $0.cycleChannel(channels) }
        case .filterIntent: return changeFilter(&state) { $0.cycleIntent() }
        case .filterTopic: return changeFilter(&state) { $0.cycleTopic() }
        case .filterAssignee: return changeFilter(&state) { $0.cycleAssignee() }
        case .filterClear: return changeFilter(&state) { $0 = QueueFilter() }
        case .toggleMark:
            guard let item else {
                state.notice = Notice(.info, state.strings[.nothingSelected])
                return []
            }
            toggleMarks(&state, [item.comment.id])
            state.queue.cursor.move(by: 1, count: state.queue.items.count, visible: Layout.listRows(state.size))
            return []
        case .markAll:
            return markAll(&state, state.queue.items.map(\.comment.id), more: state.queue.mayHaveMore)
        case .clearMarks:
            // Esc puts away, first, an alert of an arrival; then the marks.
            if state.alert != nil {
                state.alert = nil
                return []
            }
            guard !state.marked.isEmpty else { return [] }
            state.notice = Notice(.info, state.strings.format(.marksCleared, String(state.marked.count)))
            state.marked = []
            return []
        case .overdueBoard:
            state.stack.append(.overdue)
            return [.loadOverdue]
        case .passedOver:
            state.stack.append(.passedOver)
            return [.loadPassedOver]
        case .logView:
            state.stack.append(.log)
            // The rows at once; the whole check (seconds and a gigabyte of memory at a million comments) behind them —
            // or, over a check made before, again only when the log has grown since (v checks again at will).
            guard state.log.verification == nil else {
                state.log.checkIfMoved = true
                return [.loadLog(verify: false)]
            }
            return [.loadLog(verify: false), .loadLog(verify: true)]
        case .reports:
            state.stack.append(.reports)
            state.reports = ReportsState(token: state.reports.token, language: state.language)
            state.reports.period = ReportPeriod.lastFourWeeks(endingAt: state.now, zone: state.timeZone)
            return requestReport(&state, anew: true)
        default:
            if state.markedTargets != nil, triageActions.contains(id) { return markedAction(&state, id) }
            guard let item else {
                if id == .open || id == .reply || triageActions.contains(id) {
                    state.notice = Notice(.info, state.strings[.nothingSelected])
                }
                return []
            }
            return itemAction(&state, id, item.comment)
        }
    }

    /// Marks `ids`, or unmarks them when every one is marked already.
    private static func toggleMarks(_ state: inout AppState, _ ids: [Int64]) {
        let already = Set(state.marked)
        if !ids.isEmpty, ids.allSatisfy(already.contains) {
            let dropped = Set(ids)
            state.marked.removeAll(where: dropped.contains)
        } else {
            state.marked += ids.filter { !already.contains($0) }
        }
    }

    /// Marks every comment `listed` (the rows loaded; `more`: the list goes on past them).
    private static func markAll(_ state: inout AppState, _ listed: [Int64], more: Bool) -> [Effect] {
        let already = Set(state.marked)
        state.marked += listed.filter { !already.contains($0) }
        state.notice = Notice(.info, state.strings.format(more ? .markedAllLoaded : .markedAll, String(listed.count)))
        return []
    }

    /// The actions that change a comment's record: on the queue with marks, every marked comment's (the other actions,
    /// such as reply and open, act on the one under the cursor).
    static let triageActions: Set<ActionID> = [.claim, .release, .assign, .setStatus, .setIntent, .escalate]

    /// An action on the marked comments: the same choice for all (a status, a staff member, a reason), then each comment's
    /// command carried out on its own, so one refused stops none of the others (`Effect.performAll`).
    private static func markedAction(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        let ids = state.marked
        switch id {
        case .claim: return [.performAll(ids.map { .claim($0) })]
        case .release: return [.performAll(ids.map { .release($0) })]
        case .assign: return [.loadStaff(then: .assignMarked(ids))]
        case .setStatus: return [.loadMarked(ids, then: .statusMarked(ids))]
        case .setIntent:
            if let why = state.cannotAct {
                state.notice = Notice(.error, why(state.language))
                return []
            }
            return [.loadMarked(ids, then: .intentMarked(ids))]
        case .escalate:
            state.prompt = PromptState(kind: .escalateMarkedReason(ids))
        default: break
        }
        return []
    }

    /// Actions on one comment, shared by the queue, the thread view and the boards.
    private static func itemAction(_ state: inout AppState, _ id: ActionID, _ comment: Comment) -> [Effect] {
        if state.screen == .queue, triageActions.contains(id) { state.queue.actedOn = comment.id }
        switch id {
        case .open:
            return openThread(&state, comment.id)
        case .reply:
            // Say at once what the core would say at sending, before anyone writes a reply they cannot send.
            if let why = state.cannotAct ?? Desk.replyRefusal(comment, by: state.actor, isSupervisor: state.isSupervisor) {
                state.notice = Notice(.error, why(state.language))
                return []
            }
            state.composer = ComposerState(commentID: comment.id, platform: comment.platform, comment: comment)
            state.stack.append(.composer)
            return [.loadDraft(comment.id), .loadSuggestions(comment.id)]
        case .claim: return [.perform(.claim(comment.id))]
        case .release: return [.perform(.release(comment.id))]
        case .assign: return [.loadStaff(then: .assign(comment.id))]
        case .setStatus:
            if let why = Desk.statusRefusal(comment, by: state.actor, isSupervisor: state.isSupervisor) {
                state.notice = Notice(.error, why(state.language))
                return []
            }
            let s = state.strings
            let options = Desk.settableStatuses(for: comment, isSupervisor: state.isSupervisor)
                .map { PickerState.Option(value: $0.rawValue, label: s.status($0)) }
            guard !options.isEmpty else {
                state.notice = Notice(.info, s.format(.noStatusMoves, s.status(comment.status)))
                return []
            }
            state.picker = PickerState(kind: .status(comment.id), options: options)
            return []
        case .setIntent:
            if let why = state.cannotAct ?? Desk.intentRefusal(comment, by: state.actor, isSupervisor: state.isSupervisor) {
                state.notice = Notice(.error, why(state.language))
                return []
            }
            // Every intent in one order, the current one marked and under the cursor: the list never shifts between comments.
            let options = Intent.allCases.map {
                PickerState.Option(value: $0.rawValue, label: state.strings.intent($0) + ($0 == comment.intent ? " ✓" : ""))
            }
            state.picker = PickerState(kind: .intent(comment.id, now: comment.intent), options: options)
            state.picker?.cursor.selected = comment.intent.flatMap(Intent.allCases.firstIndex(of:)) ?? 0
            return []
        case .note:
            if let why = state.cannotAct {
                state.notice = Notice(.error, why(state.language))
                return []
            }
            state.prompt = PromptState(kind: .note(comment.id))
            return []
        case .escalate:
            // Already with the supervisors: said before a reason is asked for, not after it is thrown away.
            guard comment.status != .escalated else {
                state.notice = Notice(.info, state.strings.format(.alreadyEscalatedNow, String(comment.id)))
                return []
            }
            let colleague = Desk.colleagueHolding(comment, by: state.actor, isSupervisor: state.isSupervisor)
            state.prompt = PromptState(kind: .escalateReason(comment.id, heldBy: colleague))
            return []
        default:
            return []
        }
    }

    private static func threadAction(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        guard var thread = state.thread else { return pop(&state) }
        let visible = Layout.body(state.size).height
        let total = ThreadView.lineCount(state)
        if let delta = movement(id, page: visible, count: total) {
            thread.scroll = min(max(0, thread.scroll + delta), max(0, total - visible))
            state.thread = thread
            return []
        }
        if id == .back { return pop(&state) }
        guard let comment = thread.detail?.comment ?? state.queue.items.first(where: { $0.comment.id == thread.commentID })?.comment else {
            return []
        }
        return itemAction(&state, id, comment)
    }

    private static func composerAction(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        guard var c = state.composer else { return pop(&state) }
        defer { state.composer = state.stack.contains(.composer) ? c : nil }
        let width = Layout.composer(state.size).editor.width
        let before = c.editor
        let templateBefore = c.templateUse
        switch id {
        case .nextSuggestion, .previousSuggestion:
            guard !c.suggestions.isEmpty else { return [] }
            let step = id == .nextSuggestion ? 1 : -1
            c.selectedSuggestion = (c.selectedSuggestion + step + c.suggestions.count) % c.suggestions.count
        case .insertSuggestion:
            guard c.suggestions.indices.contains(c.selectedSuggestion) else {
                state.notice = Notice(.info, state.strings[.noSuggestions])
                return []
            }
            let suggestion = c.suggestions[c.selectedSuggestion]
            // A template inserted and left as it was gives way to the one chosen now, rather than having it added on.
            let untouched = c.templateID.flatMap { id in c.suggestions.first { $0.templateID == id } }.map { $0.text == c.editor.text } ?? false
            if untouched {
                c.editor.replaceAll(with: suggestion.text)
            } else {
                let needsSpace = !c.editor.isEmpty && c.editor.cursor > 0 && !(c.editor.characters[c.editor.cursor - 1].isWhitespace)
                c.editor.insert((needsSpace ? " " : "") + suggestion.text, asOneChange: true)
            }
            if untouched || c.templateID == nil {
                c.templateUse = ComposerState.TemplateUse(id: suggestion.templateID, version: suggestion.templateVersion, humor: suggestion.humor.rawValue)
            } else {
                // Added to a reply already made from a template and edited: it stays that template's (as the log will
                // say), carrying the lighter tone of the two if the new one jokes.
                c.humor = max(c.humor ?? 0, suggestion.humor.rawValue)
            }
            // What only staff know ({link}, {redirect.agency}) is left to fill: say how.
            let open = ReplyLinter.unresolvedVariables(in: suggestion.text)
            if !open.isEmpty { state.notice = Notice(.info, state.strings.format(.variablesToFill, open.map { "{\($0)}" }.joined(separator: ", "))) }
        case .externalEditor:
            return [.openEditor(c.editor.text)]
        case .openReview:
            // A variable Ctrl-N took out and nothing was typed for: back, for the review to point at.
            c.editor.restoreUnfilledVariable()
            state.composer = c
            let text = c.replyText
            guard !text.isEmpty else {
                state.notice = Notice(.error, state.strings[.emptyDraft])
                return []
            }
            let request = ReplyRequest(text: text, templateID: c.templateID, templateVersion: c.templateVersion, humor: c.humor,
                                       seenReplyID: c.seenReplyID)
            let clock = c.comment.flatMap { responseClock($0, at: state.now) }
            state.review = ReviewState(commentID: c.commentID, request: request, clock: clock)
            state.stack.append(.review)
            var effects: [Effect] = [.review(commentID: c.commentID, request)]
            if c.unsaved { effects.insert(c.saveDraft, at: 0) }
            return effects
        case .leaveComposer:
            c.editor.restoreUnfilledVariable()
            let effects: [Effect] = c.unsaved ? [c.saveDraft] : []
            if !c.replyText.isEmpty {
                // "Press r to go on" only while r would: a colleague may have taken the comment meanwhile.
                if let latest = latestKnown(state, c.commentID) ?? c.comment,
                   let refusal = Desk.replyRefusal(latest, by: state.actor, isSupervisor: state.isSupervisor) {
                    state.notice = Notice(.info, state.strings.format(.draftKeptRefused, refusal(state.language)))
                } else {
                    state.notice = Notice(.info, state.strings[.draftKept])
                }
            } else if c.unsaved {
                // Emptied (Ctrl-K, or deleted): saving it empty removes the draft, past any undo. Say so.
                state.notice = Notice(.info, state.strings[.draftDiscarded])
            }
            // The queue marks it ✐ at once (as its next load will).
            for i in state.queue.items.indices where state.queue.items[i].comment.id == c.commentID { state.queue.items[i].hasDraft = !c.replyText.isEmpty }
            if state.thread?.commentID == c.commentID {
                state.thread?.draft = c.replyText.isEmpty ? nil
                    : ReplyDraft(commentID: c.commentID, staff: state.actor, text: c.editor.text, templateID: c.templateID, updatedAt: state.now)
            }
            state.stack.removeLast()
            // Back on a queue that no longer lists it (answered or moved by a colleague meanwhile): "this comment" would
            // be another one; say which, and how to find it.
            if !c.replyText.isEmpty, state.screen == .queue, !state.queue.items.contains(where: { $0.comment.id == c.commentID }) {
                state.notice = Notice(.info, state.strings.format(.draftKeptNotListed, String(c.commentID)))
            }
            return effects
        case .editLeft: c.editor.moveLeft()
        case .editRight: c.editor.moveRight()
        case .editUp: c.editor.moveVertically(by: -1, width: width)
        case .editDown: c.editor.moveVertically(by: 1, width: width)
        case .editHome: c.editor.moveHome()
        case .editEnd: c.editor.moveEnd()
        case .editBackspace: c.editor.backspace()
        case .editDelete: c.editor.deleteForward()
        case .editNewline: c.editor.insert("\n")
        case .editUndo: c.editor.undo()
        case .clearDraft:
            guard !c.editor.isEmpty else { return [] }
            c.editor.replaceAll(with: "")
            state.notice = Notice(.info, state.strings[.draftCleared])
        case .nextVariable:
            if let variable = c.editor.takeNextVariable() {
                state.notice = Notice(.info, state.strings.format(.fillVariable, variable))
            } else {
                state.notice = Notice(.info, state.strings[.noVariables])
            }
        default: break
        }
        if c.editor.characters != before.characters {
            c.unsaved = true
            if id == .editUndo, let use = c.templateOfText[c.editor.text] {
                c.templateUse = use
            } else {
                c.forgetTemplateIfEmptied()
            }
            if c.templateUse != templateBefore { c.templateOfText[before.text] = templateBefore }
        }
        return []
    }

    private static func reviewAction(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        guard let review = state.review else { return pop(&state) }
        let total = ReviewView.lineCount(state)
        let visible = Layout.body(state.size).height
        if let delta = movement(id, page: visible, count: total) {
            state.review?.scroll = max(0, min(review.scroll + delta, max(0, total - visible)))
            return []
        }
        switch id {
        case .send:
            guard review.review != nil else {
                state.notice = Notice(.info, state.strings[.stillChecking])
                return []
            }
            if let comment = state.composer?.comment, comment.id == review.commentID,
               let why = Desk.replyRefusal(comment, by: state.actor, isSupervisor: state.isSupervisor) {
                state.notice = Notice(.error, why(state.language))
                return []
            }
            if review.mustFix {
                state.notice = Notice(.error, state.strings[.blockedMustFix])
                return []
            }
            if review.isBlocked, (review.request.overrideReason ?? "").isEmpty {
                // Typed on after a reason that new findings outgrew, so the reply keeps what that one said.
                var prompt = PromptState(kind: .overrideReason, text: review.earlierReason.map { $0 + "; " } ?? "")
                prompt.replacesOnType = false
                state.prompt = prompt
                state.review?.reasonFor = Set(review.review?.blocking ?? [])
                return []
            }
            return [.send(commentID: review.commentID, review.request)]
        case .editAgain:
            state.review = nil
            return pop(&state)
        case .back:
            // Leaves the reply as Esc leaves the composer, the draft kept: `q` twice must not type a "q" into the reply.
            state.review = nil
            _ = pop(&state)
            return composerAction(&state, .leaveComposer)
        default:
            return []
        }
    }

    private static func overdueAction(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        let lines = OverdueBoardView.lines(state.overdue)
        let rows = Layout.listRows(state.size)
        if let delta = movement(id, page: rows, count: lines.count) {
            var cursor = state.overdue.cursor
            cursor.move(by: delta, count: lines.count, visible: rows)
            // Group headings are not selectable: step past them in the direction of travel, or back from the end
            // (`g` lands on the first heading, whose item is just below it).
            let up = Array((0...cursor.selected).reversed()), down = Array(cursor.selected..<lines.count)
            cursor.selected = (delta < 0 ? up + down : down + up).first { lines.indices.contains($0) && lines[$0].item != nil }
                ?? state.overdue.cursor.selected
            cursor.keepVisible(count: lines.count, visible: rows)
            state.overdue.cursor = cursor
            return []
        }
        switch id {
        case .back: return pop(&state)
        case .toggleGrouping:
            state.overdue.grouping = state.overdue.grouping == .staff ? .channel : .staff
            state.overdue.cursor = ListCursor()
            selectFirstItem(&state)
            return []
        case .toggleMark:
            guard lines.indices.contains(state.overdue.cursor.selected), let index = lines[state.overdue.cursor.selected].item else { return [] }
            toggleMarks(&state, [state.overdue.items[index].comment.id])
            return overdueAction(&state, .moveDown)
        case .markAll:
            // On the board, the group of the comment under the cursor: every breach of one staff member, or one channel.
            guard lines.indices.contains(state.overdue.cursor.selected) else { return [] }
            let group = lines[state.overdue.cursor.selected].group
            let ids = lines.filter { $0.group == group }.compactMap { $0.item.map { state.overdue.items[$0].comment.id } }
            let partial = state.overdue.counts.map { $0.total > state.overdue.items.count } ?? false
            return markAll(&state, ids, more: partial)
        default:
            if state.markedTargets != nil, triageActions.contains(id) { return markedAction(&state, id) }
            guard lines.indices.contains(state.overdue.cursor.selected),
                  let index = lines[state.overdue.cursor.selected].item else { return [] }
            return itemAction(&state, id, state.overdue.items[index].comment)
        }
    }

    private static func passedOverAction(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        let rows = Layout.listRows(state.size)
        if let delta = movement(id, page: rows, count: state.passedOver.items.count) {
            state.passedOver.cursor.move(by: delta, count: state.passedOver.items.count, visible: rows)
            return []
        }
        if id == .back { return pop(&state) }
        guard let item = state.passedOver.selectedItem else { return [] }
        return itemAction(&state, id, item.comment)
    }

    private static func logAction(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        let rows = Layout.listRows(state.size)
        if let delta = movement(id, page: rows, count: state.log.events.count) {
            state.log.cursor.move(by: delta, count: state.log.events.count, visible: rows)
            return []
        }
        switch id {
        case .back: return pop(&state)
        case .verifyLog:
            state.log.verification = nil
            return [.loadLog(verify: true)]
        default: return []
        }
    }

    private static func reportsAction(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        let visible = Layout.body(state.size).height
        let total = ReportsView.lineCount(state)
        if let delta = movement(id, page: visible, count: total) {
            state.reports.scroll = min(max(0, state.reports.scroll + delta), max(0, total - visible))
            return []
        }
        switch id {
        case .back: return pop(&state)
        case .previousPeriod: return movePeriod(&state, weeksEarlier: 1)
        case .nextPeriod:
            guard state.reports.periodOffset > 0 else {
                state.notice = Notice(.info, state.strings[.reportsLatest])
                return []
            }
            return movePeriod(&state, weeksEarlier: -1)
        case .publicView:
            state.reports.audience = state.reports.audience.isPublic ? .supervisors(state.language) : .public
            clampReportScroll(&state)
            return []
        default: return []
        }
    }

    /// Moves the period shown by whole weeks, keeping the scroll position (the same table of another period),
    /// and asks for its report unless it was computed already or is being computed.
    private static func movePeriod(_ state: inout AppState, weeksEarlier weeks: Int) -> [Effect] {
        guard let period = state.reports.period else { return [] }
        state.reports.periodOffset += weeks
        state.reports.period = period.moved(days: -7 * weeks, zone: state.timeZone)
        if state.reports.report != nil {
            clampReportScroll(&state)
            return []
        }
        if state.reports.computing == state.reports.period { return [] }
        return requestReport(&state, anew: false)
    }

    /// Asks for the report of the period shown. `anew` forgets the reports computed so far, and the results of
    /// requests made before this one (opening the screen, refresh).
    static func requestReport(_ state: inout AppState, anew: Bool) -> [Effect] {
        guard let period = state.reports.period else { return [] }
        state.reports.token += 1
        if anew {
            state.reports.reports = [:]
            state.reports.oldestWanted = state.reports.token
        }
        state.reports.computing = period
        return [.loadReport(period, token: state.reports.token)]
    }

    // MARK: Overlays

    private static func helpAction(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        let total = HelpOverlay.lineCount(state)
        let visible = max(1, Layout.overlay(state.size).height - 2)
        if let delta = movement(id, page: visible, count: total) {
            state.help = max(0, min((state.help ?? 0) + delta, max(0, total - visible)))
        } else if id == .back {
            state.help = nil
        }
        return []
    }

    private static func pickerAction(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        guard var picker = state.picker else { return [] }
        let visible = max(1, min(picker.options.count, Layout.overlay(state.size).height - 2))
        if let delta = movement(id, page: visible, count: picker.options.count) {
            picker.cursor.move(by: delta, count: picker.options.count, visible: visible)
            state.picker = picker
            return []
        }
        switch id {
        case .help:
            state.help = 0
        case .accept:
            state.picker = nil
            guard picker.options.indices.contains(picker.cursor.selected) else { return [] }
            let value = picker.options[picker.cursor.selected].value
            switch picker.kind {
            case .assign(let comment): return [.perform(.assign(comment, to: value))]
            case .status(let comment):
                guard let status = CommentStatus(rawValue: value) else { return [] }
                return [.perform(.setStatus(comment, status))]
            case .intent(let comment, let now):
                guard let intent = Intent(rawValue: value), intent != now else { return [] }
                return [.perform(.setIntent(comment, intent))]
            case .assignMarked(let ids): return [.performAll(ids.map { .assign($0, to: value) })]
            case .statusMarked(let ids):
                guard let status = CommentStatus(rawValue: value) else { return [] }
                return [.performAll(ids.map { .setStatus($0, status) })]
            case .intentMarked(let ids):
                guard let intent = Intent(rawValue: value) else { return [] }
                return [.performAll(ids.map { .setIntent($0, intent) })]
            }
        case .back, .cancel:
            state.picker = nil
        default: break
        }
        return []
    }

    private static func promptAction(_ state: inout AppState, _ id: ActionID) -> [Effect] {
        guard var prompt = state.prompt else { return [] }
        prompt.replacesOnType = false
        switch id {
        case .editLeft: prompt.field.moveLeft()
        case .editRight: prompt.field.moveRight()
        case .editHome: prompt.field.moveHome()
        case .editEnd: prompt.field.moveEnd()
        case .editBackspace: prompt.field.backspace()
        case .editDelete: prompt.field.deleteForward()
        case .cancel:
            state.prompt = nil
            return []
        case .accept:
            state.prompt = nil
            return submit(&state, prompt)
        default: break
        }
        state.prompt = prompt
        return []
    }

    private static func submit(_ state: inout AppState, _ prompt: PromptState) -> [Effect] {
        let text = prompt.field.text.trimmingCharacters(in: .whitespaces)
        let s = state.strings
        switch prompt.kind {
        case .search:
            // The results are the queue's: a search from another screen goes back to it.
            if state.screen != .queue, state.composer == nil { state.stack = [.queue] }
            return changeFilter(&state) { $0.search = text.isEmpty ? nil : text }
        case .command:
            guard !text.isEmpty else { return [] }
            guard let entry = DeskCommandLine.parse(text, filter: state.queue.filter, platforms: state.platforms) else {
                state.notice = Notice(.error, s.format(.unknownCommand, TextLayout.truncate(text, to: 40), DeskCommandLine.words.joined(separator: ", ")))
                return []
            }
            return command(&state, entry)
        case .overrideReason:
            guard !text.isEmpty, var review = state.review else {
                state.notice = Notice(.error, s[.overrideNeeded])
                return []
            }
            // A throwaway reason ("ok") is refused by the core; asked again here with what was typed kept to go on
            // with: typing adds to it, as the cursor at its end shows (replacing it unseen once recorded a reason other
            // than the one on screen).
            if let problem = Desk.overrideReasonProblem(text) {
                state.notice = Notice(.error, problem(state.language))
                var again = prompt
                again.replacesOnType = false
                state.prompt = again
                return []
            }
            // After a reason outgrown by a new finding, the earlier words alone say nothing about the new one.
            if let earlier = review.earlierReason, text.trimmingCharacters(in: CharacterSet(charactersIn: "; ").union(.whitespaces)) == earlier {
                state.notice = Notice(.error, s[.reasonSaysNothingNew])
                state.prompt = prompt
                return []
            }
            review.request.overrideReason = text
            review.request.overriddenFindings = review.reasonFor ?? Set(review.review?.blocking ?? [])
            state.review = review
            return [.send(commentID: review.commentID, review.request)]
        case .escalateReason(let id, let colleague):
            // Taking a colleague's comment to the supervisors is said why, for them to read.
            if text.isEmpty, let colleague {
                state.notice = Notice(.error, s.format(.escalateColleagueNeedsReason, String(id), colleague))
                state.prompt = prompt
                return []
            }
            let reason = text.isEmpty ? s.format(.escalatedFromDesk, state.actor) : text
            return [.perform(.escalate(id, reason: reason))]
        case .escalateMarkedReason(let ids):
            let reason = text.isEmpty ? s.format(.escalatedFromDesk, state.actor) : text
            return [.performAll(ids.map { .escalate($0, reason: reason) })]
        case .note(let id):
            // Said before anything is written: an empty note, or one too long, is asked for again with its words kept.
            if let problem = Desk.noteProblem(text) {
                state.notice = Notice(.error, problem(state.language))
                state.prompt = prompt
                return []
            }
            return [.perform(.note(id, text))]
        }
    }

    private static func command(_ state: inout AppState, _ entry: DeskCommandLine.Entry) -> [Effect] {
        switch entry {
        case .invalid(let message):
            state.notice = Notice(.error, message(state.language))
            return []
        case .filter(let f):
            state.stack = [.queue]
            return changeFilter(&state) { $0 = f }
        case .search(let text):
            state.stack = [.queue]
            return changeFilter(&state) { $0.search = text }
        case .open(let id):
            return openThread(&state, id)
        case .openReference(let reference):
            return [.findComment(reference)]
        case .language(let language):
            state.language = language
            state.notice = Notice(.info, state.strings[.languageSet])
            return []
        case .quit:
            state.running = false
            return []
        case .assign(let name):
            guard state.isSupervisor else { return apply(&state, .denied(.assign)) }
            return commandOnTargets(&state) { .assign($0, to: name) }
        case .escalate(let reason):
            let why = reason ?? state.strings.format(.escalatedFromDesk, state.actor)
            return commandOnTargets(&state) { .escalate($0, reason: why) }
        case .note(let text):
            if let problem = state.cannotAct ?? Desk.noteProblem(text) {
                state.notice = Notice(.error, problem(state.language))
                return []
            }
            return commandOnTargets(&state, marks: false) { .note($0, text) }
        case .action(let id):
            if ActionTable.spec(id).supervisorOnly, !state.isSupervisor { return apply(&state, .denied(id)) }
            if [.overdueBoard, .passedOver, .logView, .reports].contains(id) { state.stack = [.queue] }
            return act(&state, id)
        }
    }

    /// A command line's action on what it acts on: every marked comment (when it takes `marks`), else the comment under
    /// the cursor; with neither, the desk says nothing is selected.
    private static func commandOnTargets(_ state: inout AppState, marks: Bool = true, _ make: (Int64) -> DeskCommand) -> [Effect] {
        if marks, let ids = state.markedTargets { return [.performAll(ids.map(make))] }
        guard let comment = currentComment(state) else {
            state.notice = Notice(.info, state.strings[.nothingSelected])
            return []
        }
        return [.perform(make(comment.id))]
    }

    // MARK: Typing, time and loaded data

    private static func type(_ state: inout AppState, _ text: String, asOneChange: Bool = false) -> [Effect] {
        if state.prompt != nil {
            if state.prompt?.replacesOnType == true {
                state.prompt?.field = TextEditor()
                state.prompt?.replacesOnType = false
            }
            let words = SafeText.editable(text, lines: .fold)
            let limit = state.prompt?.limit ?? PromptState.maxLength
            let room = max(0, limit - (state.prompt?.field.characters.count ?? 0))
            if words.count > room { state.notice = Notice(.error, state.strings.format(.promptCut, String(limit))) }
            state.prompt?.field.insert(String(words.prefix(room)))
            return []
        }
        guard state.keyContext == .composer, var c = state.composer else { return [] }
        c.editor.insert(SafeText.editable(text, lines: .keep), asOneChange: asOneChange)
        c.unsaved = true
        state.composer = c
        return []
    }

    private static func tick(_ state: inout AppState, _ now: Date) -> [Effect] {
        let previous = state.now
        state.now = now
        var effects: [Effect] = []
        if let c = state.composer, c.unsaved, state.stack.contains(.composer) {
            effects.append(c.saveDraft)
            state.composer?.editor.endRun() // a pause in typing: undo goes back to here
        }
        // A clock that went at risk or breached since the last tick changes the order: reload. (The clock itself says
        // when: a breach comes only after the due second.)
        let crossed = state.queue.items.contains { $0.comment.sla.state(at: previous) != $0.comment.sla.state(at: now) }
        if crossed { effects += requestQueue(&state) }
        return effects + requestCounts(&state)
    }

    private static func loaded(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
        let s = state.strings
        switch event {
        case .queueLoaded(let items, let at, let token):
            guard token == state.queue.token else { break }
            let selectedID = state.queue.selectedItem?.comment.id
            state.queue.items = items
            state.learnChannels(items.compactMap(\.comment.channel))
            state.learnPlatforms(items.map(\.comment.platform))
            state.queue.loaded = true
            state.queue.loading = false
            state.queue.loadedAt = at
            if state.queue.goingToEnd {
                state.queue.goingToEnd = false
                state.queue.cursor.selected = max(0, items.count - 1)
                if state.queue.mayHaveMore { state.notice = Notice(.info, s.format(.queueEndReach, String(items.count))) }
            } else if let selectedID, let index = items.firstIndex(where: { $0.comment.id == selectedID }) {
                state.queue.cursor.selected = index
            } else if let selectedID, selectedID == state.queue.actedOn, state.screen == .queue, !items.isEmpty {
                // The comment under the cursor left the list (an action moved it out of the filter): the cursor now rests
                // on another, and the next key would act on that one — say so.
                let now = items[min(state.queue.cursor.selected, items.count - 1)].comment.id
                let moved = s.format(.cursorMovedOn, String(selectedID), String(now))
                state.notice = Notice(state.notice?.kind ?? .info, state.notice.map { $0.text + " " + moved } ?? moved)
            }
            if state.queue.actedOn != nil, !state.queue.loading { state.queue.actedOn = nil }
            state.queue.cursor.keepVisible(count: items.count, visible: Layout.listRows(state.size))
        case .countsLoaded(let counts, let filter, _):
            state.queue.countsInFlight = false
            if let counts, filter == state.queue.filter {
                state.queue.counts = counts
                state.queue.countsFilter = filter
            }

        case .detailLoaded(let detail, let tone):
            if state.thread?.commentID == detail.comment.id {
                state.thread?.detail = detail
                state.thread?.tone = tone
            }
            if state.composer?.commentID == detail.comment.id { state.composer?.comment = detail.comment }
        case .draftLoaded(let id, let draft, let newestReplyID):
            if state.thread?.commentID == id { state.thread?.draft = draft.flatMap { $0.text.isEmpty ? nil : $0 } }
            guard var c = state.composer, c.commentID == id else { break }
            // What its writer had seen: when the draft picked up again was begun, or now.
            let restoring = draft.map { !$0.text.isEmpty && c.editor.isEmpty } ?? false
            if c.seenReplyID == nil { c.seenReplyID = restoring ? draft?.seenReplyID ?? newestReplyID : newestReplyID }
            state.composer = c
            guard let draft, restoring else { break }
            c.editor = TextEditor(text: draft.text)
            c.templateID = draft.templateID
            state.composer = c
            state.notice = Notice(.info, s[.draftRestored])
        case .suggestionsLoaded(let id, let suggestions):
            guard state.composer?.commentID == id else { break }
            state.composer?.suggestions = suggestions
            state.composer?.suggestionsLoaded = true
            state.composer?.selectedSuggestion = 0
        case .reviewLoaded(let id, let review, let others):
            if var current = state.review, current.commentID == id {
                current.review = review
                current.alsoAnswers = others
                if let comment = state.composer?.comment, comment.id == id { current.clock = responseClock(comment, at: state.now) }
                // Checked again after a refused send: a reason written for other findings does not answer new ones.
                if current.request.overrideReason != nil, !current.request.unanswered(in: review).isEmpty {
                    current.earlierReason = current.request.overrideReason
                    current.request.overrideReason = nil
                    current.request.overriddenFindings = nil
                }
                state.review = current
            }
        case .overdueLoaded(let items, let counts):
            state.overdue.items = items
            state.overdue.counts = counts
            state.overdue.loaded = true
            selectFirstItem(&state)
        case .passedOverLoaded(let list):
            let items = list.items
            state.passedOver.items = items
            state.passedOverScanned = list.complete ? nil : list.scanned
            state.passedOver.loaded = true
            state.passedOver.cursor.keepVisible(count: items.count, visible: Layout.listRows(state.size))
        case .logLoaded(let events, let report):
            let atEnd = state.log.events.isEmpty || state.log.cursor.selected >= state.log.events.count - 1
            state.log.events = events
            state.log.loaded = true
            if let report { state.log.verification = report }
            if atEnd { state.log.cursor.select(events.count - 1, count: events.count, visible: Layout.listRows(state.size)) }
            if report == nil, state.log.checkIfMoved {
                state.log.checkIfMoved = false
                if state.log.verification?.chain.head != events.last?.head {
                    state.log.verification = nil
                    return [.loadLog(verify: true)]
                }
            }
        case .reportLoaded(let report, let token):
            guard token >= state.reports.oldestWanted else { break }
            if let report { state.reports.reports[report.period] = report }
            if token == state.reports.token { state.reports.computing = nil }
            if let report, report.period == state.reports.period { clampReportScroll(&state) }
        case .commentFound(let id):
            return openThread(&state, id)
        case .channelsLoaded(let channels, let platforms):
            state.learnChannels(channels)
            state.learnPlatforms(platforms)
        case .staffLoaded(let staff, let workloads, let kind):
            let options = staff.filter(\.active).map { member in
                let load = workloads[member.name] ?? StaffWorkload()
                return PickerState.Option(value: member.name, label: "\(member.displayName) (\(member.name), \(s.role(member.role))) · "
                    + s.format(load.breached > 0 ? .workloadBreached : .workload, String(load.held), String(load.breached)))
            }
            guard !options.isEmpty else {
                state.notice = Notice(.error, s[.noStaff])
                break
            }
            state.picker = PickerState(kind: kind, options: options)
        case .done(let notice):
            state.notice = notice
            return reloadAll(&state)
        case .urgentLoaded(let newest, let comments, let after, let stillNeeded, let uptime):
            // An answer to an older look (two reloads close together) is not news twice.
            guard after == state.urgentSeen else { break }
            state.urgentSeen = newest
            // What a colleague dealt with meanwhile (answered, closed, marked as spam) is no longer named.
            if let stillNeeded, var alert = state.alert {
                alert.arrivals.removeAll { !stillNeeded.contains($0.commentID) }
                state.alert = alert.arrivals.isEmpty ? nil : alert
            }
            return urgentArrived(&state, comments, uptime: uptime)
        case .markedLoaded(let comments, let kind):
            markedPicker(&state, comments, kind)
        case .bulkDone(let outcome):
            // The comments refused stay marked, to be seen and dealt with; the rest are done.
            let refused = outcome.refused.map(\.commentID)
            state.marked = state.marked.filter(refused.contains)
            state.notice = Notice(refused.isEmpty ? .info : .error, bulkSummary(outcome, s))
            return reloadAll(&state)
        case .failed(let message):
            state.notice = Notice(.error, message(state.language))
        case .detailFailed(let id, let message):
            // A thread that never loaded is left for the screen below it; one already shown stays.
            if state.screen == .thread, let thread = state.thread, thread.commentID == id, thread.detail == nil { _ = pop(&state) }
            state.notice = Notice(.error, message(state.language))
        case .draftSaved(let id):
            if state.composer?.commentID == id { state.composer?.unsaved = false }
        case .editorFinished(let text):
            guard let text, var c = state.composer else { break }
            var cleaned = SafeText.editable(text, lines: .keep)
            while cleaned.hasSuffix("\n") { cleaned.removeLast() }
            if cleaned != c.editor.text {
                c.editor.replaceAll(with: cleaned)
                c.unsaved = true
                c.forgetTemplateIfEmptied()
            }
            state.composer = c
        case .replySent(let id):
            if state.thread?.commentID == id { state.thread?.draft = nil }
            state.review = nil
            state.composer = nil
            while [.review, .composer].contains(state.screen) { state.stack.removeLast() }
            state.notice = Notice(.info, s.format(.replySent, String(id)))
            return reloadAll(&state)
        default: break
        }
        return []
    }

    // MARK: Helpers

    /// How far a movement action moves, or nil when `id` is not one.
    private static func movement(_ id: ActionID, page: Int, count: Int) -> Int? {
        switch id {
        case .moveDown: 1
        case .moveUp: -1
        case .pageDown: max(1, page)
        case .pageUp: -max(1, page)
        case .top: -max(1, count)
        case .bottom: max(1, count)
        default: nil
        }
    }

    /// Below the minimum size the screen says only "press q to quit": no key acts unseen, and q quits from any screen
    /// (in the composer or a prompt, where q is otherwise text), the composer's draft saved.
    private static func quitWhenTooSmall(_ state: inout AppState, quits: Bool) -> [Effect] {
        guard quits else { return [] }
        state.running = false
        guard let c = state.composer, c.unsaved else { return [] }
        return [c.saveDraft]
    }

    /// Shows comment `id`'s thread; a thread open below it is kept, to come back to.
    private static func openThread(_ state: inout AppState, _ id: Int64) -> [Effect] {
        // Opened: off the alert's list, which then names the next one.
        if var alert = state.alert {
            alert.arrivals.removeAll { $0.commentID == id }
            state.alert = alert.arrivals.isEmpty ? nil : alert
        }
        if state.stack.contains(.thread), let current = state.thread {
            if state.screen == .thread, current.commentID == id { return [.loadDetail(id)] }
            state.threadsBelow.append(current)
        } else {
            state.threadsBelow = []
        }
        state.thread = ThreadScreenState(commentID: id)
        state.stack.append(.thread)
        return [.loadDetail(id), .loadDraft(id)]
    }

    private static func pop(_ state: inout AppState) -> [Effect] {
        if state.stack.count > 1 {
            if state.stack.removeLast() == .thread, let below = state.threadsBelow.popLast() { state.thread = below }
        } else {
            state.running = false
        }
        if !state.stack.contains(.thread) { state.thread = nil; state.threadsBelow = [] }
        if !state.stack.contains(.composer) { state.composer = nil }
        return []
    }

    private static func changeFilter(_ state: inout AppState, _ change: (inout QueueFilter) -> Void) -> [Effect] {
        var f = state.queue.filter
        change(&f)
        state.queue.filter = f
        state.queue.actedOn = nil
        state.queue.cursor = ListCursor()
        state.queue.limit = QueueScreenState.page
        return requestQueue(&state)
    }

    /// Asks for the queue's rows and counts under the current filter; anything asked for before is superseded.
    static func requestQueue(_ state: inout AppState) -> [Effect] {
        state.queue.token += 1
        state.queue.loading = true
        state.queue.countsDirty = true
        return [.loadQueue(queueQuery(state), token: state.queue.token)]
    }

    /// Asks for the counts when they are out of date and no count is running. Counting is a scan on a large
    /// desk, so it is done when the keyboard is idle, one at a time.
    static func requestCounts(_ state: inout AppState) -> [Effect] {
        guard state.queue.countsDirty, !state.queue.countsInFlight else { return [] }
        state.queue.countsInFlight = true
        state.queue.countsDirty = false
        return [.loadCounts(queueQuery(state), filter: state.queue.filter, token: state.queue.token)]
    }

    /// The query for the queue as shown now.
    public static func queueQuery(_ state: AppState) -> QueueQuery {
        state.queue.filter.query(now: state.now, actor: state.actor, limit: state.queue.limit)
    }

    /// Effects that reload every screen that is open.
    public static func reloadAll(_ state: inout AppState) -> [Effect] {
        var effects = requestQueue(&state) + [.loadUrgent(after: state.urgentSeen, named: state.alert?.arrivals.map(\.commentID) ?? [])]
        // Once: every channel on the desk, not only those on the rows loaded so far (a scan of the table).
        if !state.channelsAsked {
            state.channelsAsked = true
            effects.append(.loadChannels)
        }
        if let thread = state.thread { effects.append(.loadDetail(thread.commentID)) }
        // The comment being answered, for the composer's header (answered meanwhile, its clock).
        if let c = state.composer, state.thread?.commentID != c.commentID { effects.append(.loadDetail(c.commentID)) }
        // A review on screen is checked again: a colleague's answer shows before the send, not only at it.
        if let review = state.review, review.review != nil { effects.append(.review(commentID: review.commentID, review.request)) }
        if state.stack.contains(.overdue) { effects.append(.loadOverdue) }
        if state.stack.contains(.passedOver) { effects.append(.loadPassedOver) }
        if state.stack.contains(.log) { effects.append(.loadLog(verify: false)) }
        return effects
    }

    /// The comment the current screen is about.
    /// The newest the desk has of comment `id`: as its open thread or the queue last loaded it.
    private static func latestKnown(_ state: AppState, _ id: Int64) -> Comment? {
        if let shown = state.thread?.detail?.comment, shown.id == id { return shown }
        return state.queue.items.first { $0.comment.id == id }?.comment
    }

    static func currentComment(_ state: AppState) -> Comment? {
        switch state.screen {
        case .thread, .composer, .review:
            return state.thread?.detail?.comment ?? state.composer?.comment
        case .passedOver: return state.passedOver.selectedItem?.comment
        case .overdue:
            let lines = OverdueBoardView.lines(state.overdue)
            guard lines.indices.contains(state.overdue.cursor.selected), let i = lines[state.overdue.cursor.selected].item else { return nil }
            return state.overdue.items[i].comment
        default: return state.queue.selectedItem?.comment
        }
    }

    /// Says what arrived that needs someone at once — on a line of its own that names each in turn until it is opened, and
    /// with the bell at most once a minute — so that a flood report or a missing child is seen while staff work elsewhere.
    private static func urgentArrived(_ state: inout AppState, _ comments: [Comment], uptime: TimeInterval) -> [Effect] {
        guard !comments.isEmpty else { return [] }
        var alert = state.alert ?? Alert(arrivals: [])
        let known = Set(alert.arrivals.map(\.commentID))
        for c in comments where !known.contains(c.id) {
            alert.arrivals.append(Alert.Arrival(commentID: c.id, excerpt: TextLayout.truncate(SafeText.sanitize(c.text, lines: .fold, limit: 200), to: 48)))
        }
        // One look reads at most `urgentLookLimit`; what it left is counted as "+" rather than held.
        alert.beyond = alert.beyond || comments.count == Desk.urgentLookLimit
        if alert.arrivals.count > Desk.urgentLookLimit {
            alert.arrivals.removeLast(alert.arrivals.count - Desk.urgentLookLimit)
            alert.beyond = true
        }
        state.alert = alert
        if let rang = state.bellRangAt, uptime - rang < 60 { return [] }
        state.bellRangAt = uptime
        return [.bell]
    }

    /// Opens the status or intent picker for the marked comments as they stand now: the choices any of them can take that
    /// this person may make; when they may change none of them, the first refusal says why.
    private static func markedPicker(_ state: inout AppState, _ comments: [Comment], _ kind: PickerState.Kind) {
        let s = state.strings
        let me = state.actor, supervisor = state.isSupervisor
        var options: [PickerState.Option] = []
        var refusal: Localized?
        switch kind {
        case .statusMarked:
            let changeable = comments.filter { c in
                guard let why = Desk.statusRefusal(c, by: me, isSupervisor: supervisor) else { return true }
                refusal = refusal ?? why
                return false
            }
            let settable = Set(changeable.flatMap { Desk.settableStatuses(for: $0, isSupervisor: state.isSupervisor) })
            options = CommentStatus.settable.filter(settable.contains).map { PickerState.Option(value: $0.rawValue, label: s.status($0)) }
            if options.isEmpty, refusal == nil, let first = comments.first {
                func said(_ l: Language) -> String { Strings(l).format(.noStatusMoves, Strings(l).status(first.status)) }
                refusal = Localized(said(.id), said(.en))
            }
        case .intentMarked:
            let changeable = comments.filter { c in
                guard let why = Desk.intentRefusal(c, by: me, isSupervisor: supervisor) else { return true }
                refusal = refusal ?? why
                return false
            }
            // Every intent but the one they all have already; none when this person may correct none of them.
            let shared = Set(changeable.map(\.intent))
            options = changeable.isEmpty ? [] : Intent.allCases.filter { shared != [$0] }
                .map { PickerState.Option(value: $0.rawValue, label: s.intent($0)) }
        default:
            return
        }
        guard !options.isEmpty else {
            let why = refusal.map { $0(state.language) } ?? s[.nothingSelected]
            state.notice = Notice(.error, comments.count > 1 ? s.format(.noneChangeable, String(comments.count), why) : why)
            return
        }
        state.picker = PickerState(kind: kind, options: options)
    }

    /// The status line after an action on marked comments: how many were done, how many already were so, and the first
    /// refusal with its reason (the others are still marked).
    static func bulkSummary(_ outcome: BulkOutcome, _ s: Strings) -> String {
        var parts: [String] = []
        if !outcome.changed.isEmpty { parts.append(s.format(.bulkDone, String(outcome.changed.count), outcome.what(s.language))) }
        if !outcome.unchanged.isEmpty { parts.append(s.format(.bulkUnchanged, String(outcome.unchanged.count))) }
        if let first = outcome.refused.first {
            var refusal = s.format(.bulkRefused, String(outcome.refused.count), "#\(first.commentID) " + first.reason(s.language))
            if outcome.refused.count > 1 { refusal += " " + s.format(.bulkRefusedMore, String(outcome.refused.count - 1)) }
            parts.append(refusal)
        }
        return parts.joined(separator: " ")
    }

    private static func selectFirstItem(_ state: inout AppState) {
        let lines = OverdueBoardView.lines(state.overdue)
        var cursor = state.overdue.cursor
        if !lines.indices.contains(cursor.selected) || lines[cursor.selected].item == nil {
            cursor.selected = lines.firstIndex { $0.item != nil } ?? 0
        }
        cursor.keepVisible(count: lines.count, visible: Layout.listRows(state.size))
        state.overdue.cursor = cursor
    }

    /// Keeps the reports screen's scroll within its lines (they change with the period, the audience and the width).
    private static func clampReportScroll(_ state: inout AppState) {
        guard state.screen == .reports else { return }
        state.reports.scroll = min(state.reports.scroll, max(0, ReportsView.lineCount(state) - Layout.body(state.size).height))
    }

    private static func clampCursors(_ state: inout AppState) {
        let rows = Layout.listRows(state.size)
        state.queue.cursor.keepVisible(count: state.queue.items.count, visible: rows)
        state.passedOver.cursor.keepVisible(count: state.passedOver.items.count, visible: rows)
        state.log.cursor.keepVisible(count: state.log.events.count, visible: rows)
        state.overdue.cursor.keepVisible(count: OverdueBoardView.lines(state.overdue).count, visible: rows)
        if let thread = state.thread {
            let maxScroll = max(0, ThreadView.lineCount(state) - Layout.body(state.size).height)
            state.thread?.scroll = min(thread.scroll, maxScroll)
        }
        clampReportScroll(&state)
    }

    /// The response clock a reply to `comment` would meet (running first or next response), if any.
    static func responseClock(_ comment: Comment, at now: Date) -> SLARecord.ClockStatus? {
        comment.sla.clocks(at: now).first { $0.clock != .resolution && [.onTrack, .atRisk, .breached].contains($0.state) }
    }
}
