import DeskCore
import Foundation

/// Benchmark hooks for `meja bench`: the desk driven without a terminal, drawn to a `CellGrid`.
public enum DeskBench {
    /// Opens the queue on `desk` and draws its first frame, as the desk does: with its rows, while the counts
    /// are still being counted in the background: `tui_first_frame_ms`.
    public static func firstFrame(desk: Desk, size: Size = Size(width: 120, height: 40)) -> (grid: CellGrid, milliseconds: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let app = DeskApp(desk: desk, language: .en, size: size, isSupervisor: true)
        app.loading = .responsive(budget: DeskApp.frameBudget)
        app.start()
        let grid = app.frame()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        app.settle()
        return (grid, elapsed)
    }

    /// The keys of one round of `keypressLatencies`: move, open, back, filter.
    public static let script: [Key] = [.char("j"), .char("j"), .down, .char("k"), .enter, .char("q"), .char("j"),
                                       .char("p"), .char("p"), .char("m"), .char("x"), .char("G"), .char("g")]

    /// Presses `script` `rounds` times on an open queue and returns the milliseconds each key took to handle
    /// and redraw, loading as the desk does (a frame's budget for the rows, the rest when it arrives):
    /// `tui_keypress_p99_ms` is their 99th percentile.
    public static func keypressLatencies(desk: Desk, size: Size = Size(width: 120, height: 40), rounds: Int = 20) -> [Double] {
        let app = DeskApp(desk: desk, language: .en, size: size, isSupervisor: true)
        app.loading = .responsive(budget: DeskApp.frameBudget)
        app.start()
        app.settle()
        _ = app.frame()
        var out: [Double] = []
        out.reserveCapacity(rounds * script.count)
        for _ in 0..<rounds {
            for key in script {
                let start = DispatchTime.now().uptimeNanoseconds
                app.press(key)
                app.drain()
                _ = app.frame()
                out.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
        }
        app.settle()
        return out
    }

    /// The `p`-th percentile (0…100) of `values`.
    public static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank))]
    }
}
