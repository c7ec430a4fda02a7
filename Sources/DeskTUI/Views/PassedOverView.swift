import DeskCore

/// Comments left unanswered while newer ones in the same queue were answered: the fairness list.
public enum PassedOverView {
    public static func draw(_ state: AppState, on surface: inout some Surface) -> [(String, UIObject)] {
        let s = state.strings
        let list = state.passedOver
        QueueRowView.drawList(list.items, cursor: list.cursor, loaded: list.loaded, empty: s[.passedOverEmpty], state: state, on: &surface)
        return status(state)
    }

    /// How many were found, and among how many when not the whole queue.
    static func status(_ state: AppState) -> [(String, UIObject)] {
        let s = state.strings
        let list = state.passedOver
        guard let scanned = state.passedOverScanned else { return [(s.format(.passedOverCount, String(list.items.count)), .status)] }
        return [(s.format(.passedOverAmongUrgent, String(list.items.count), String(scanned)), .status)]
    }
}
