import DeskCore
import Foundation

/// One comment in full: who and where, every SLA clock, the tone verdict, the text, the conversation with the
/// agency's replies, the citizen's earlier comments and the comment's history on the log.
public enum ThreadView {
    /// A history line's detail with statuses and intents in the desk's words.
    static func detail(_ event: LogEvent, of id: Int64? = nil, _ s: Strings) -> String? {
        event.historyDetail(viewedFrom: id.map(String.init), naming: { CommentStatus(rawValue: $0).map(s.status) ?? $0 },
                            { Intent(rawValue: $0).map(s.intent) ?? $0 })
    }

    public static func draw(_ state: AppState, on surface: inout some Surface) -> [(String, UIObject)] {
        let s = state.strings
        let body = Layout.body(state.size)
        guard let thread = state.thread else { return [] }
        guard thread.detail != nil else {
            surface.put(s[.loading], row: body.row + 1, col: 2, style: CellStyle(.muted))
            return []
        }
        let doc = document(state)
        let maxScroll = max(0, doc.lines.count - body.height)
        doc.draw(in: Rect(row: body.row, col: 1, width: body.width - 2, height: body.height), scroll: min(thread.scroll, maxScroll), on: &surface)
        var status: [(String, UIObject)] = [("#\(thread.commentID)", .status)]
        if doc.lines.count > body.height {
            status.append(("  " + s.format(.linesShown, String(min(thread.scroll, maxScroll) + 1), String(doc.lines.count)), .muted))
        }
        return status
    }

    /// Lines in the thread document (for scrolling).
    public static func lineCount(_ state: AppState) -> Int { state.thread?.detail == nil ? 0 : document(state).lines.count }

    static func document(_ state: AppState) -> Document {
        let s = state.strings
        var doc = Document(width: Layout.threadTextWidth(state.size))
        guard let thread = state.thread, let d = thread.detail else { return doc }
        let c = d.comment
        let now = state.now
        let zone = state.timeZone

        var who = SafeText.sanitize(c.author.atHandle, limit: 80)
        if let name = c.author.name, !name.isEmpty { who += " (" + SafeText.sanitize(name, limit: 80) + ")" }
        doc.add(("#\(c.id) ", .heading), (c.platform.displayName + " · ", .platform), (who, .author))
        var facts = [s.format(.factStatus, s.status(c.status)),
                     s.format(.factAssignee, c.assignee.map { SafeText.sanitize($0, limit: 64) } ?? "–")]
        if let i = c.intent { facts.append(s.format(.factIntent, s.intent(i))) }
        if let ch = c.channel { facts.append(s.format(.factChannel, SafeText.sanitize(ch, limit: 64))) }
        if !c.tags.isEmpty { facts.append(s.tags(c.tags)) }
        doc.paragraph(facts.joined(separator: " · "), .muted, indent: 0)
        doc.add((s.format(.factReceived, s.dateTime(c.createdAt, zone: zone), s.duration(max(0, Int(now.timeIntervalSince(c.createdAt))))), .muted))
        if d.item.passedOver { doc.add((s[.passedOverNote], .warning)) }

        // What the citizen wrote comes first: it is what staff read before anything else, and on a small screen
        // the clocks and the tone's reasons would push it off the bottom.
        doc.blank()
        doc.heading(s[.sectionComment])
        doc.paragraph(c.text, .focus, indent: 2)
        // A huge comment is cut where the desk stops drawing it (`SafeText.sanitize`'s limit): say so, and where the rest is.
        let length = c.text.unicodeScalars.count
        if length > SafeText.drawLimit { doc.add(("  " + s.format(.commentCut, String(length), String(c.id)), .muted)) }

        doc.blank()
        doc.heading(s[.sectionClocks])
        if d.clocks.isEmpty { doc.add(("  " + s[.noClocks], .muted)) }
        for clock in d.clocks { doc.append(clockLine(clock, state: state)) }

        if let tone = thread.tone {
            doc.blank()
            doc.heading(s[.sectionTone])
            var parts = [s.format(.toneSentiment, ToneGovernor.signed(tone.sentiment, in: s.language)), s.intent(tone.intent)]
            if !tone.sensitive.isEmpty { parts.append(s.format(.toneSensitive, tone.sensitiveTopics.map { $0.label(s.language) }.joined(separator: ", "))) }
            if tone.joking { parts.append(s[.toneJoking]) }
            if tone.sarcastic { parts.append(s[.toneSarcastic]) }
            if tone.rude { parts.append(s[.toneRude]) }
            if tone.spam { parts.append(s[.toneSpam]) }
            parts.append(s.format(.toneHumorAllowed, s.humor(tone.humorAllowed.rawValue)))
            doc.paragraph(parts.joined(separator: " · "), tone.sensitive.isEmpty ? .text : .warning, indent: 2)
            for reason in tone.explanations { doc.paragraph("– " + reason(s.language), .muted, indent: 2) }
        }

        if let draft = thread.draft {
            doc.blank()
            doc.heading(s[.sectionYourDraft])
            doc.paragraph(draft.text, .muted, indent: 2)
        }

        let others = d.threadComments.filter { $0.id != c.id }
        if !others.isEmpty || !d.threadReplies.isEmpty {
            doc.blank()
            doc.heading(s.format(.sectionThread, String(d.threadComments.count + d.threadReplies.count)))
            enum Entry { case comment(Comment), reply(Reply) }
            let entries: [(Date, Entry)] = d.threadComments.map { ($0.createdAt, .comment($0)) } + d.threadReplies.map { ($0.sentAt, .reply($0)) }
            for (_, entry) in entries.sorted(by: { $0.0 < $1.0 }) {
                switch entry {
                case .comment(let other):
                    let mark = other.id == c.id ? "▸ " : "  "
                    doc.add((mark, .focus), (SafeText.sanitize(other.author.atHandle, limit: 80), .author),
                            (" · " + s.dateTime(other.createdAt, zone: zone) + (other.id == c.id ? " · " + s[.thisComment] : ""), .muted))
                    doc.paragraph(other.text, other.id == c.id ? .focus : .text, indent: 4)
                case .reply(let r):
                    let by = r.source == .desk ? s.format(.replyFromDesk, SafeText.sanitize(r.author, limit: 64)) : SafeText.sanitize(r.author, limit: 64)
                    doc.add(("  ↳ ", .agency), (by, .agency), (" · " + s.dateTime(r.sentAt, zone: zone), .muted))
                    doc.paragraph(r.text, .agency, indent: 4)
                }
            }
        }

        if !d.otherByAuthor.isEmpty {
            doc.blank()
            doc.heading(s.format(.sectionOthersByAuthor, SafeText.sanitize(c.author.atHandle, limit: 80)))
            for e in d.otherByAuthor {
                let head = "  " + s.dateTime(e.createdAt, zone: zone) + " · " + s.status(e.status) + " · "
                let room = doc.width - DisplayWidth.of(head)
                doc.add((head, .muted), (TextLayout.truncate(SafeText.sanitize(e.text, lines: .fold, limit: 400), to: max(1, room)), .text))
            }
        }

        if !d.history.isEmpty {
            doc.blank()
            doc.heading(s[.sectionHistory])
            for event in d.history {
                let at = Timestamp.parse(event.at).map { s.dateTime($0, zone: zone) } ?? event.at
                doc.add(("  " + at + " · ", .muted), (SafeText.sanitize(event.actor, limit: 64), .assignee),
                        (" · " + s.action(event.action) + (Self.detail(event, of: d.comment.id, s).map { " " + $0 } ?? ""), .text))
                // A note for colleagues is read whole, under its line.
                if let text = event.noteText {
                    doc.paragraph(text, .focus, indent: 4)
                }
            }
        }
        return doc
    }

    /// Columns of a clock line's name and state.
    private static let clockWidth = 16, stateWidth = 12

    /// A clock as a line: glyph, name, due time and time left or how late.
    static func clockLine(_ clock: SLARecord.ClockStatus, state: AppState) -> Document.Line {
        let s = state.strings
        // Met after its due time is a breach that was answered: it says "late" where the state goes, in the breach's
        // style, rather than a green "met" with the qualifier at the end of the line, where a narrow screen cuts it.
        // So is a clock withdrawn unmet (closed unanswered, spam) after it had breached, as reports count it; one
        // withdrawn in time says "stopped".
        let lateMet = clock.state == .met && clock.late
        let stopped = clock.stoppedAt != nil
        let late = clock.late && (lateMet || stopped)
        let glyph = TextLayout.fit(lateMet ? "✓!" : late ? SLABadge.glyph(.breached) : SLABadge.glyph(clock.state), to: 2)
        let style = late ? UIObject.badgeBreached : SLABadge.object(clock.state)
        var parts: [String] = []
        if let due = clock.dueAt { parts.append(s.format(.clockDue, s.dateTime(due, zone: state.timeZone))) }
        let left = SLABadge.timeLeft(clock, now: state.now, strings: s)
        if !left.isEmpty { parts.append(left.hasPrefix("-") ? s.format(.clockLate, String(left.dropFirst())) : s.format(.clockLeft, left)) }
        if let met = clock.metAt { parts.append(s.format(.clockMet, s.dateTime(met, zone: state.timeZone))) }
        if let end = clock.stoppedAt { parts.append(s.format(.clockStopped, s.dateTime(end, zone: state.timeZone))) }
        // Two spaces between the parts where the line has room; one where that would cut its end (80 columns); and a
        // met clock drops its due time before its lateness or when it was met.
        let room = state.size.width - (2 + 3 + clockWidth + 1 + stateWidth + 1)
        var detail = parts.joined(separator: "  ")
        if DisplayWidth.of(detail) >= room { detail = parts.joined(separator: " ") }
        if DisplayWidth.of(detail) >= room, clock.metAt != nil || stopped, clock.dueAt != nil { detail = parts.dropFirst().joined(separator: " ") }
        return Document.Line([("  " + glyph + " ", style),
                               (TextLayout.fit(s.clock(clock.clock), to: clockWidth) + " ", .text),
                               (TextLayout.fit(late ? s[.late] : stopped ? s[.stopped] : s.slaState(clock.state), to: stateWidth) + " ", style),
                               (detail, .muted)])
    }
}
