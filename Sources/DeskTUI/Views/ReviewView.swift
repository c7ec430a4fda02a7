import DeskCore
import Foundation

/// The last look before a reply goes on the record: the final text, the linter's findings, the humour level
/// against what the tone allows, and the clock the reply satisfies.
public enum ReviewView {
    public static func draw(_ state: AppState, on surface: inout some Surface) -> [(String, UIObject)] {
        guard let review = state.review else { return [] }
        let s = state.strings
        let body = Layout.body(state.size)
        let doc = document(state)
        let maxScroll = max(0, doc.lines.count - body.height)
        doc.draw(in: Rect(row: body.row, col: 1, width: body.width - 2, height: body.height), scroll: min(review.scroll, maxScroll), on: &surface)
        if review.review == nil { return [(s[.stillChecking], .muted)] }
        // Taken from this person meanwhile (assigned to a colleague, escalated): said before `y`, not only after it.
        if let comment = state.composer?.comment, comment.id == review.commentID,
           let why = Desk.replyRefusal(comment, by: state.actor, isSupervisor: state.isSupervisor) {
            return [(why(state.language), .blocking)]
        }
        if review.mustFix { return [(s[.blockedMustFix], .blocking)] }
        if review.isBlocked {
            return (review.request.overrideReason ?? "").isEmpty ? [(s[.blockedNeedsReason], .blocking)] : [(s[.overrideGiven], .warning)]
        }
        return [(s[.readyToSend], .ok)]
    }

    public static func lineCount(_ state: AppState) -> Int { document(state).lines.count }

    static func document(_ state: AppState) -> Document {
        let s = state.strings
        var doc = Document(width: Layout.threadTextWidth(state.size))
        guard let review = state.review else { return doc }
        let comment = state.composer?.comment
        let handle = comment.map { SafeText.sanitize($0.author.atHandle, limit: 80) } ?? ""
        doc.heading(s.format(.reviewTitle, handle, comment?.platform.displayName ?? "", String(review.commentID)))
        // A supervisor may answer a comment a colleague holds: said before sending, so the colleague can be told.
        if let holder = comment?.assignee, holder != state.actor, comment.map({ Desk.replyRefusal($0, by: state.actor, isSupervisor: state.isSupervisor) }) == .some(nil) {
            doc.add(("  " + s.format(.answeringInPlaceOf, SafeText.sanitize(holder, limit: 64)), .warning))
        }
        doc.blank()
        doc.paragraph(review.request.text, .focus, indent: 2)
        doc.blank()

        if let platform = comment?.platform, let limit = platform.replyLimit {
            let count = platform.replyLength(review.request.text)
            doc.add(("  " + s.format(.counter, String(count), String(limit)), count > limit ? .overLimit : .muted))
            doc.blank()
        }

        doc.heading(s[.sectionFindings])
        if let r = review.review {
            if r.findings.isEmpty { doc.add(("  ✓ " + s[.noFindings], .ok)) }
            for f in r.findings {
                let mark = f.blocking ? "✗ " + s[.blockingMark] + " " : "! "
                doc.paragraph(mark + f.explanation(s.language) + " (" + f.code.rawValue + ")", f.blocking ? .blocking : .warning, indent: 2)
            }
        } else {
            doc.add(("  " + s[.stillChecking], .muted))
        }
        doc.blank()

        doc.heading(s[.sectionHumor])
        // The checks' reading (the estimate, for free text) is what will be recorded with the reply.
        let used = review.review?.humor ?? review.request.humor ?? 0
        let allowed = review.review?.humorAllowed
        let usedText = s.format(.humorUsed, s.humor(used))
        if let allowed {
            let over = used > allowed
            doc.add(("  " + usedText + " · " + s.format(.humorAllowedIs, s.humor(allowed)), over ? .blocking : .ok))
            if over { doc.add(("  ✗ " + s[.humorTooMuch], .blocking)) }
        } else {
            doc.add(("  " + usedText + " · " + s[.humorUnknown], .muted))
        }
        doc.blank()

        doc.heading(s[.sectionClock])
        if let clock = review.clock {
            doc.append(ThreadView.clockLine(clock, state: state))
        } else {
            doc.add(("  " + s[.noRunningClock], .muted))
        }
        if !review.alsoAnswers.isEmpty {
            doc.blank()
            doc.heading(s[.sectionAlsoAnswers])
            for c in review.alsoAnswers {
                let holder = c.assignee.map { " · " + s.format(.heldBy, SafeText.sanitize($0, limit: 64)) } ?? ""
                doc.add(("  #\(c.id)" + holder + " · ", .muted), (SafeText.sanitize(c.text, lines: .fold, limit: 200), .text))
            }
        }
        if let reason = review.request.overrideReason, !reason.isEmpty {
            doc.blank()
            doc.heading(s[.sectionOverride])
            doc.paragraph(reason, .warning, indent: 2)
        }
        return doc
    }
}
