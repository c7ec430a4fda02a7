/// Draws the whole desk for a state: the screen on top of the stack inside the chrome, then any overlay.
/// State in, cells out — no view reads the store, the clock or the terminal.
public enum DeskView {
    /// A grid of the state's size with everything drawn.
    public static func render(_ state: AppState, keys: KeyMap) -> CellGrid {
        var grid = CellGrid(size: state.size)
        draw(state, keys: keys, on: &grid)
        return grid
    }

    /// Draws `state` on `surface`.
    public static func draw(_ state: AppState, keys: KeyMap, on surface: inout some Surface) {
        guard state.fits else {
            TooSmallView.draw(state, on: &surface)
            return
        }
        Chrome.drawTitle(state, on: &surface)
        let status: [(String, UIObject)]
        switch state.screen {
        case .queue: status = QueueView.draw(state, on: &surface)
        case .thread: status = ThreadView.draw(state, on: &surface)
        case .composer: status = ComposerView.draw(state, on: &surface)
        case .review: status = ReviewView.draw(state, on: &surface)
        case .overdue: status = OverdueBoardView.draw(state, on: &surface)
        case .passedOver: status = PassedOverView.draw(state, on: &surface)
        case .log: status = LogView.draw(state, on: &surface)
        case .reports: status = ReportsView.draw(state, on: &surface)
        }
        Chrome.drawStatus(state, status: status, on: &surface)
        Chrome.drawFooter(state, keys: keys, on: &surface)
        if let picker = state.picker { PickerView.draw(picker, state: state, on: &surface) }
        if state.help != nil { HelpOverlay.draw(state, keys: keys, on: &surface) }
        // Over everything, even the help: an arrival that needs someone at once.
        Chrome.drawAlert(state, on: &surface)
    }
}
