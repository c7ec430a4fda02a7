/// Every action a key can trigger. The raw value is the id used in `keys.toml` and `docs/keys.md`.
///
/// What each one does, where, and on which keys, is in `ActionTable`.
public enum ActionID: String, CaseIterable, Sendable, Hashable {
    // Moving around
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case top
    case bottom
    case open
    case back
    case help
    case search
    case command
    case refresh

    // Queue filters
    case filterStatus = "filter-status"
    case filterPlatform = "filter-platform"
    case filterChannel = "filter-channel"
    case filterIntent = "filter-intent"
    case filterTopic = "filter-topic"
    case filterAssignee = "filter-assignee"
    case filterClear = "filter-clear"

    // Triage (change the record)
    case reply
    case claim
    case release
    case assign
    case setStatus = "set-status"
    case setIntent = "set-intent"
    case escalate
    case note
    case toggleMark = "toggle-mark"
    case markAll = "mark-all"
    case clearMarks = "clear-marks"

    // Other screens
    case overdueBoard = "overdue-board"
    case passedOver = "passed-over"
    case logView = "log-view"
    case reports

    // Composer
    case nextSuggestion = "next-suggestion"
    case previousSuggestion = "previous-suggestion"
    case insertSuggestion = "insert-suggestion"
    case externalEditor = "external-editor"
    case openReview = "open-review"
    case leaveComposer = "leave-composer"
    case editLeft = "edit-left"
    case editRight = "edit-right"
    case editUp = "edit-up"
    case editDown = "edit-down"
    case editHome = "edit-home"
    case editEnd = "edit-end"
    case editBackspace = "edit-backspace"
    case editDelete = "edit-delete"
    case editNewline = "edit-newline"
    case editUndo = "edit-undo"
    case nextVariable = "next-variable"
    case clearDraft = "clear-draft"

    // Review before send
    case send
    case editAgain = "edit-again"

    // Boards, log and reports
    case toggleGrouping = "toggle-grouping"
    case verifyLog = "verify-log"
    case previousPeriod = "previous-period"
    case nextPeriod = "next-period"
    case publicView = "public-view"

    // Prompts and pickers
    case accept
    case cancel
}
