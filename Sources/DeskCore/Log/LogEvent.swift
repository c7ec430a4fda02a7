import Foundation

/// One entry of the accountability log, exactly as stored and exported.
///
/// `hash = sha256(seq + "\n" + at + "\n" + actor + "\n" + action + "\n" + subject + "\n" + payload + "\n" + prev)`
/// (see `EventChain`), so anyone can check an export without Meja.
public struct LogEvent: Hashable, Sendable {
    public var seq: Int64
    /// UTC, ISO 8601 with `Z`.
    public var at: String
    public var actor: String
    public var action: String
    /// The comment id or other object acted on; may be empty.
    public var subject: String
    /// A JSON object, stored (and hashed) as this exact text.
    public var payload: String
    public var prev: String
    public var hash: String

    public init(seq: Int64, at: String, actor: String, action: String, subject: String, payload: String, prev: String, hash: String) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.payload = payload
        self.prev = prev
        self.hash = hash
    }

    /// The export record: the DESIGN.md keys, with `payload` as the stored JSON text.
    public var json: JSONValue {
        ["seq": .int(seq), "at": .string(at), "actor": .string(actor), "action": .string(action),
         "subject": .string(subject), "payload": .string(payload), "prev": .string(prev), "hash": .string(hash)]
    }

    /// The payload parsed, or an empty object if it is not valid JSON.
    public var payloadValue: JSONValue { JSONValue.parse(payload) ?? .object([:]) }

    /// What a history line adds to the action's name, made safe to draw: to whom work was assigned (`⇒ budi`), the status
    /// moved to and, when given, why (`→ claimed (citizen_replied)`, `→ waiting_citizen (minta foto jalan)` for a staff
    /// member's note), and a reply's override reason (`(⚠ dipecah jadi utas)`); nil when there is none of these.
    public var historyDetail: String? { historyDetail(naming: { $0 }, { $0 }) }

    /// The history line's detail with statuses and intents named by `status` and `intent` (the desk's words for the
    /// stored ones: `→ selesai`, `pujian → pertanyaan`). Shown in the history of comment `viewedFrom`, an event filed
    /// under another comment (a reply to the same citizen's other comment that answered this one too) names it: `(#184)`.
    public func historyDetail(viewedFrom: String? = nil, naming status: (String) -> String, _ intent: (String) -> String) -> String? {
        let p = payloadValue
        let elsewhere = viewedFrom.flatMap { $0 != subject && !subject.isEmpty ? "(#\(SafeText.sanitize(subject, limit: 24)))" : nil }
        // A claim, reply or escalation names its status already.
        let implied = ["claim": "claimed", "reply": "replied", "escalate": "escalated"][action]
        let to = p["status"]?.stringValue.flatMap { $0 == implied ? nil : "→ " + status($0) }
        // To whom work was assigned; a reply sent over a blocking finding, with its override reason (⚠).
        let whom = action == "assign" ? p["assignee"]?.stringValue.map { "⇒ " + SafeText.sanitize($0, limit: 64) } : nil
        let why = (p["reason"]?.stringValue ?? p["note"]?.stringValue).map { "(" + SafeText.sanitize($0, limit: 120) + ")" }
        let overridden = p["override_reason"]?.stringValue.map { "(⚠ " + SafeText.sanitize($0, limit: 120) + ")" }
        // A corrected intent, and the standard it is measured under since, when that changed.
        let corrected = action == LogAction.intent.rawValue
            ? p["intent"]?.stringValue.map { "\(p["from"]?.stringValue.map(intent) ?? "-") → \(intent($0))" + (p["policy"]?.stringValue.map { " [\($0)]" } ?? "") }
            : nil
        let parts = [elsewhere, whom, to, corrected, why, overridden].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// A note for colleagues' words, when the event is one (read whole under its line in a comment's history).
    public var noteText: String? { action == LogAction.note.rawValue ? payloadValue["text"]?.stringValue : nil }

    /// The `seq:hash` head notation.
    public var head: String { "\(seq):\(hash)" }
}

/// What a caller asks to be logged; the store assigns `seq`, `prev` and `hash` when it appends.
public struct EventDraft: Sendable, Hashable {
    public var action: LogAction
    public var subject: String
    public var payload: JSONValue
    /// Members of the payload (an object) whose values are already JSON text, as `JSONValue.write(to:)` writes it: an
    /// import's `arrivals`, written row by row as it goes. Their keys are not in `payload`.
    public var writtenMembers: [String: [UInt8]] = [:]

    public init(_ action: LogAction, subject: String = "", payload: JSONValue = .object([:])) {
        self.action = action
        self.subject = subject
        self.payload = payload
    }

    /// The payload's deterministic text, the written members in their sorted places.
    public var payloadText: String {
        guard !writtenMembers.isEmpty, case .object(let members) = payload else { return payload.text }
        return JSONValue.objectText(members, written: writtenMembers)
    }
}

/// The actions that are logged. Their names are part of the export format.
public enum LogAction: String, CaseIterable, Sendable, Codable {
    case importBatch = "import"
    case claim
    case release
    case assign
    case status
    case escalate
    /// Staff corrected what the citizen wants (the tone governor's guess at import): `from`, `intent`, and `policy` with
    /// `clocks` when the comment is measured under another standard since.
    case intent
    case reply
    /// A note for colleagues on a comment (`text`): kept on the log and shown with the comment's history, never sent to
    /// the citizen; it changes nothing else.
    case note
    case staffAdd = "staff.add"
    case staffUpdate = "staff.update"
    case policyVersion = "policy.version"
    case templateVersion = "template.version"
    case configVersion = "config.version"
    case export

    /// What staff read for the action, in the desk's two languages (the log itself keeps `rawValue`).
    public var label: Localized {
        switch self {
        case .importBatch: Localized("impor", "import")
        case .claim: Localized("diambil", "claimed")
        case .release: Localized("dilepas", "released")
        case .assign: Localized("ditugaskan", "assigned")
        case .status: Localized("status diubah", "status changed")
        case .escalate: Localized("dieskalasi", "escalated")
        case .intent: Localized("maksud dikoreksi", "intent corrected")
        case .reply: Localized("dibalas", "replied")
        case .note: Localized("catatan", "note")
        case .staffAdd: Localized("petugas ditambah", "staff added")
        case .staffUpdate: Localized("petugas diubah", "staff changed")
        case .policyVersion: Localized("versi kebijakan SLA", "SLA policy version")
        case .templateVersion: Localized("versi templat", "template version")
        case .configVersion: Localized("versi konfigurasi", "configuration version")
        case .export: Localized("ekspor", "export")
        }
    }
}

/// An event's stored fields as UTF-8 bytes, borrowed from the store for the duration of one call.
public struct EventFields {
    public var seq: Int64
    public var at: UnsafeRawBufferPointer
    public var actor: UnsafeRawBufferPointer
    public var action: UnsafeRawBufferPointer
    public var subject: UnsafeRawBufferPointer
    public var payload: UnsafeRawBufferPointer
    public var prev: UnsafeRawBufferPointer
    public var hash: UnsafeRawBufferPointer

    public init(seq: Int64, at: UnsafeRawBufferPointer, actor: UnsafeRawBufferPointer, action: UnsafeRawBufferPointer,
                subject: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer, prev: UnsafeRawBufferPointer,
                hash: UnsafeRawBufferPointer) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.payload = payload
        self.prev = prev
        self.hash = hash
    }

    /// A copy as a `LogEvent` (for messages and tests).
    public var event: LogEvent {
        func s(_ b: UnsafeRawBufferPointer) -> String { String(decoding: b, as: UTF8.self) }
        return LogEvent(seq: seq, at: s(at), actor: s(actor), action: s(action), subject: s(subject), payload: s(payload), prev: s(prev), hash: s(hash))
    }
}
