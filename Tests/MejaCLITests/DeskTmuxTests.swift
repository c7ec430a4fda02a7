import DeskCore
import Foundation
import XCTest

/// The desk end to end in a real terminal: tmux runs the built `meja` at 100×30 under `LANG=C.UTF-8`, keys are
/// sent with `send-keys` and the screen is read with `capture-pane` (as tig's test tools do with screen dumps).
final class DeskTmuxTests: XCTestCase {
    /// A tmux server of its own (a private socket), so tests never touch the user's sessions.
    struct Tmux {
        let socket = "meja-e2e-\(UUID().uuidString.prefix(8))"
        static let path = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

        @discardableResult
        func run(_ args: [String]) throws -> String {
            // posix_spawn and waitpid rather than Foundation's Process: the tmux server that `new-session` forks
            // keeps what it inherits open for as long as it runs, and Process would wait for it.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out")
            defer { try? FileManager.default.removeItem(at: file) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = ([Self.path!, "-L", socket, "-f", "/dev/null"] + args).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let rc = posix_spawn(&pid, Self.path!, &actions, nil, argv, environ)
            guard rc == 0 else { throw NSError(domain: "tmux", code: Int(rc)) }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        }

        func screen() throws -> String { try run(["capture-pane", "-p", "-t", "desk"]) }
        func keys(_ keys: String...) throws { try run(["send-keys", "-t", "desk"] + keys) }
        func type(_ text: String) throws { try run(["send-keys", "-t", "desk", "-l", text]) }
        func value(_ format: String) throws -> String {
            try run(["display-message", "-p", "-t", "desk", format]).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Waits (up to `seconds`) until the screen contains `text` (and not `unless`), and returns the screen.
        @discardableResult
        func waitFor(_ text: String, unless: String? = nil, seconds: Double = 15, file: StaticString = #filePath,
                     line: UInt = #line) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var last = ""
            while Date() < deadline {
                last = try screen()
                if last.contains(text), !(unless.map(last.contains) ?? false) { return last }
                Thread.sleep(forTimeInterval: 0.1)
            }
            XCTFail("the screen never showed \"\(text)\"\(unless.map { " without \"\($0)\"" } ?? ""); it shows:\n\(last)",
                    file: file, line: line)
            return last
        }

        /// The desk's process, under the pane's shell (to signal it alone: Ctrl-C from the terminal would also stop
        /// the shell that reports the exit status).
        func deskProcess() throws -> pid_t {
            let shell = try value("#{pane_pid}")
            let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
            return try XCTUnwrap(children.split(separator: " ").first.flatMap { pid_t($0) }, "the desk runs under the pane's shell")
        }

        /// Pastes `probe` as a user's terminal would (tmux brackets a paste only while the program in the pane has
        /// bracketed paste on) and waits for its echo: true when it came bracketed, that is, the mode was left on.
        func pasteComesBracketed(_ probe: String, file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
            try run(["set-buffer", "-b", "probe", probe])
            try run(["paste-buffer", "-p", "-b", "probe", "-t", "desk"])
            return try waitFor(probe, file: file, line: line).contains("[200~")
        }

        func kill() {
            _ = try? run(["kill-server"])
            try? FileManager.default.removeItem(atPath: "/tmp/tmux-\(getuid())/\(socket)")
        }
    }

    private func start(_ harness: CLIHarness, tmux: Tmux, extraEnv: [String: String] = [:]) throws {
        let env = harness.env.merging(["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "TZ": "UTC",
                                       "EDITOR": "true"].merging(extraEnv) { _, new in new }) { _, new in new }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let command = "env -i \(assignments) '\(CLIHarness.binary)'; echo MEJA-EXIT=$?; sleep 30"
        try tmux.run(["new-session", "-d", "-s", "desk", "-x", "100", "-y", "30", command])
        try tmux.run(["select-pane", "-t", "desk", "-T", "meja-e2e"])
    }

    override func setUpWithError() throws {
        try XCTSkipIf(Tmux.path == nil, "tmux is not installed (CI installs it: .ci/run)")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: CLIHarness.binary), "meja is not built")
    }

    func testTriageAReplyResizeAndQuitWithTheTerminalRestored() throws {
        let harness = try CLIHarness()
        XCTAssertEqual(try harness.run(["demo", "--seed-only"]).status, 0)
        let tmux = Tmux()
        defer { tmux.kill() }
        try start(harness, tmux: tmux)

        var screen = try tmux.waitFor("in queue")
        var rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(rows[0].contains("Meja · Queue"), rows[0])
        XCTAssertTrue(rows[1].hasPrefix("SLA"), rows[1])
        XCTAssertTrue(rows[2].hasPrefix("!!"), "the most urgent row comes first: \(rows[2])")
        XCTAssertEqual(try tmux.value("#{alternate_on}"), "1", "the desk runs on the alternate screen")

        // Move (the hidden cursor follows the selection, for screen readers), open the comment.
        try tmux.keys("j", "j", "Down", "k")
        // The selected row is the one drawn on the theme's selection shade (256 colours: background 237).
        func selectedRow() throws -> Int? {
            try tmux.run(["capture-pane", "-e", "-p", "-t", "desk"]).split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("48;5;237") }
        }
        let deadline = Date().addingTimeInterval(5)
        while try selectedRow().map(String.init) != tmux.value("#{cursor_y}") || selectedRow() == 2, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let selected = try XCTUnwrap(try selectedRow(), "a row is selected")
        XCTAssertGreaterThan(selected, 2, "the selection moved down the list")
        XCTAssertEqual(try tmux.value("#{cursor_y} #{cursor_x}"), "\(selected) 0", "the cursor stands at the start of the selected row")
        try tmux.keys("Enter")
        screen = try tmux.waitFor("SLA clocks")
        XCTAssertTrue(screen.contains("Meja · Thread"))

        // Compose from the first suggestion, review, send.
        try tmux.keys("r")
        try tmux.waitFor("Reply to")
        screen = try tmux.waitFor("Suggested templates", unless: "Loading")
        XCTAssertFalse(screen.contains("No suggested templates"), "the shipped templates fit a demo comment:\n\(screen)")
        try tmux.keys("C-t")
        screen = try tmux.waitFor("· template ")
        // A template with a variable only staff can fill (a link) says so where it is inserted.
        if screen.contains("{link}") { try tmux.waitFor("Fill in {link} first: Ctrl-N jumps there.") }
        try tmux.type(" 🙏")
        try tmux.waitFor("· template ")
        try tmux.waitFor("draft saved")
        try tmux.keys("C-d")
        screen = try tmux.waitFor("Review before sending")
        screen = try tmux.waitFor("Checks", unless: "Checking")
        try tmux.keys("y")
        if screen.contains("[blocking]") {
            // A blocking finding (say, a variable only staff can fill) asks for a reason, which is logged.
            try tmux.waitFor("Why send despite the block")
            try tmux.type("e2e: checked by hand")
            try tmux.keys("Enter")
        }
        screen = try tmux.waitFor("recorded and logged")
        XCTAssertTrue(screen.contains("Meja · Thread"), "after sending the desk is back where the reply started")
        try tmux.keys("q")
        try tmux.waitFor("Meja · Queue")

        // The reply is on the log with its template, and the chain verifies.
        let show = try harness.run(["log", "show", "--action", "reply", "--limit", "1", "--json"])
        let last = try XCTUnwrap(jsonArray(show.stdout).last)
        XCTAssertEqual(last["actor"]?.stringValue, "sari")
        XCTAssertNotNil(last["payload"]?["template_id"]?.stringValue, "the reply came from a template")
        XCTAssertTrue(last["payload"]?["text"]?.stringValue?.hasSuffix("🙏") ?? false, "the logged reply carries its text")
        XCTAssertEqual(try harness.run(["log", "verify"]).status, 0)

        // Too small, then back.
        try tmux.run(["resize-window", "-t", "desk", "-x", "60", "-y", "15"])
        try tmux.waitFor("Terminal too small")
        try tmux.run(["resize-window", "-t", "desk", "-x", "100", "-y", "30"])
        screen = try tmux.waitFor("in queue")
        rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(rows[0].contains("Meja · Queue"))
        XCTAssertEqual(rows.count >= 30 ? rows[28].contains("in queue") : false, true, "the status line is back on row 29")

        // Quit: the process ends cleanly and the terminal leaves the alternate screen.
        try tmux.keys("q")
        try tmux.waitFor("MEJA-EXIT=0")
        XCTAssertEqual(try tmux.value("#{alternate_on}"), "0")
        XCTAssertEqual(try tmux.value("#{pane_title}"), "meja-e2e")
        XCTAssertFalse(try tmux.pasteComesBracketed("sesudah-keluar"), "bracketed paste is off again for the shell")
    }

    /// Space marks in a real terminal, Esc unmarks, and one status reaches every marked comment, each on the log.
    func testSpaceMarksSeveralAndOneStatusReachesEachOnTheLog() throws {
        let harness = try CLIHarness()
        XCTAssertEqual(try harness.run(["demo", "--seed-only"]).status, 0)
        let before = try jsonArray(harness.run(["log", "show", "--action", "status", "--limit", "100000", "--json"]).stdout).count
        let tmux = Tmux()
        defer { tmux.kill() }
        try start(harness, tmux: tmux)
        try tmux.waitFor("in queue")
        try tmux.keys("Space", "Space", "Space")
        var screen = try tmux.waitFor("● 3 marked")
        try tmux.keys("k", "Space")
        screen = try tmux.waitFor("● 2 marked")
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(rows[2...4].map { $0.contains("● ") }, [true, true, false], "the first two rows are marked:\n\(screen)")
        try tmux.keys("Escape")
        try tmux.waitFor("Marks removed: 2.")
        XCTAssertFalse(try tmux.screen().contains("● "), "Esc unmarked them")
        try tmux.keys("Space", "Space", "s")
        screen = try tmux.waitFor("Status for the marked comments (2)")
        let options = ["open", "closed", "no reply needed", "spam"].filter { screen.contains("│ \($0)") }
        for _ in 0..<(options.firstIndex(of: "spam") ?? 0) { try tmux.keys("j") }
        try tmux.keys("Enter")
        try tmux.waitFor("Marked comments now spam: 2.")
        let logged = try jsonArray(harness.run(["log", "show", "--action", "status", "--limit", "100000", "--json"]).stdout)
        XCTAssertEqual(logged.count, before + 2, "one event for each marked comment")
        XCTAssertEqual(Set(logged.suffix(2).compactMap { $0["subject"]?.stringValue }).count, 2)
        XCTAssertEqual(try harness.run(["log", "verify"]).status, 0)
        try tmux.keys("q")
        try tmux.waitFor("MEJA-EXIT=0")
    }

    /// A flood report imported while the desk is open is said on its status line, whatever the desk is showing.
    func testAnUrgentArrivalIsSaidWhileTheDeskIsOpen() throws {
        let harness = try CLIHarness()
        XCTAssertEqual(try harness.run(["demo", "--seed-only"]).status, 0)
        let tmux = Tmux()
        defer { tmux.kill() }
        try start(harness, tmux: tmux)
        try tmux.waitFor("in queue")
        try tmux.keys("m")
        try tmux.waitFor("mine")
        let file = try harness.write("flood.jsonl", #"{"platform":"x","id":"flood-e2e-1","author":{"handle":"warga_rt05"},"text":"Air masuk rumah setinggi dada, kami terjebak di lantai dua, tolong","created_at":"2026-12-01T09:58:00+07:00"}"#)
        XCTAssertEqual(try harness.run(["import", file]).status, 0)
        let screen = try tmux.waitFor("Needs someone at once — 1 new: #")
        let top = screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        XCTAssertTrue(top.hasPrefix(" ⚑ Needs someone at once") && top.contains("“Air masuk rumah"),
                      "over the title bar, where it hides no row of the list: \(top)")
        try tmux.keys("q")
        try tmux.waitFor("MEJA-EXIT=0")
    }

    /// Pasted text is text: an escape sequence in it does not leave the composer and run the rest as queue commands, and
    /// a bracketed paste arrives whole, newlines included.
    func testPastedTextStaysTextEvenWithEscapeSequencesInIt() throws {
        let harness = try CLIHarness()
        XCTAssertEqual(try harness.run(["demo", "--seed-only"]).status, 0)
        let claims = { try jsonArray(try harness.run(["log", "show", "--action", "claim", "--json", "--limit", "10000"]).stdout).count }
        let before = try claims()
        let tmux = Tmux()
        defer { tmux.kill() }
        try start(harness, tmux: tmux)
        try tmux.waitFor("in queue")
        try tmux.keys("r")
        try tmux.waitFor("Reply to")
        try tmux.type("Halo \u{1B}[2Jcak")
        var screen = try tmux.waitFor("Halo cak")
        XCTAssertTrue(screen.contains("Reply to"), "still in the composer:\n\(screen)")
        try tmux.run(["set-buffer", "-b", "paste", "\nBaris dua\u{1B}c a"])
        try tmux.run(["paste-buffer", "-p", "-b", "paste", "-t", "desk"])
        screen = try tmux.waitFor("Baris dua")
        XCTAssertTrue(screen.contains("Reply to"), "a bracketed paste is typed whole:\n\(screen)")
        try tmux.keys("Escape")
        try tmux.waitFor("Draft kept")
        XCTAssertEqual(try claims(), before, "nothing pasted was taken for a claim")
    }

    /// A terminal editor reads the keyboard: it must run in the foreground, the desk waiting and reading nothing.
    func testTheExternalEditorGetsTheKeyboard() throws {
        let harness = try CLIHarness()
        XCTAssertEqual(try harness.run(["demo", "--seed-only"]).status, 0)
        // An "editor" that asks for a line on the terminal, as vi or nano would read keys, and writes it as the draft.
        let editor = try harness.write("editor.sh", "#!/bin/sh\nprintf 'line? ' > /dev/tty\nread line < /dev/tty || exit 3\nprintf 'dari editor: %s' \"$line\" > \"$1\"\n")
        XCTAssertEqual(chmod(editor, 0o755), 0)
        let tmux = Tmux()
        defer { tmux.kill() }
        try start(harness, tmux: tmux, extraEnv: ["EDITOR": editor])
        try tmux.waitFor("in queue")
        try tmux.keys("r")
        try tmux.waitFor("Reply to")
        try tmux.keys("C-e")
        try tmux.waitFor("line?")
        XCTAssertFalse(try tmux.pasteComesBracketed("halo warga"), "the editor gets plain pastes: bracketed paste is off while it runs")
        try tmux.keys("Enter")
        let screen = try tmux.waitFor("dari editor: halo warga")
        XCTAssertTrue(screen.contains("Meja · Compose"), "back in the composer with the edited draft:\n\(screen)")
        // Escape and q in one burst, as keys typed ahead while the desk was busy: both count.
        try tmux.keys("Escape", "q")
        try tmux.waitFor("MEJA-EXIT=0")
    }

    func testHostileCommentCannotRetitleOrClearTheScreen() throws {
        let harness = try CLIHarness()
        let hostile = "Halo\u{1B}]0;PWNED\u{07}\u{1B}]2;PWNED\u{1B}\\ admin\u{1B}[2J\u{1B}[H tolong \u{202E}kcab\u{202C} zzinjeksi"
        let record = JSONValue.object(["platform": "x", "id": "evil-1", "author": ["handle": "@penyusup"], "text": .string(hostile),
                                       "created_at": "2026-12-01T09:00:00+07:00", "channel": "@diskominfo_contoh"])
        let file = try harness.write("evil.jsonl", record.text + "\n")
        XCTAssertEqual(try harness.run(["import", file]).status, 0)
        let tmux = Tmux()
        defer { tmux.kill() }
        try start(harness, tmux: tmux)

        var screen = try tmux.waitFor("in queue")
        XCTAssertTrue(screen.contains("Halo␛"), screen)
        XCTAssertEqual(try tmux.value("#{pane_title}"), "meja-e2e", "the OSC sequences did not reach the terminal")
        try tmux.keys("Enter")
        screen = try tmux.waitFor("SLA clocks")
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(rows[0].contains("Meja · Thread"), "the screen was not cleared or moved: \(rows[0])")
        XCTAssertTrue(screen.contains("tolong kcab zzinjeksi"), "the bidi override is gone, the text reads in stored order")
        XCTAssertFalse(screen.contains("PWNED"))
        XCTAssertEqual(try tmux.value("#{pane_title}"), "meja-e2e")
        try tmux.keys("q", "q")
        try tmux.waitFor("MEJA-EXIT=0")
    }

    func testCtrlCAndACrashGiveTheTerminalBack() throws {
        let harness = try CLIHarness()
        XCTAssertEqual(try harness.run(["demo", "--seed-only"]).status, 0)
        for (signal, status) in [(SIGINT, 130), (SIGTERM, 143), (SIGSEGV, 139)] {
            let tmux = Tmux()
            defer { tmux.kill() }
            try start(harness, tmux: tmux, extraEnv: ["SWIFT_BACKTRACE": "enable=no"])
            try tmux.waitFor("in queue")
            XCTAssertEqual(try tmux.value("#{alternate_on}"), "1")
            XCTAssertEqual(kill(try tmux.deskProcess(), signal), 0)
            try tmux.waitFor("MEJA-EXIT=\(status)")
            XCTAssertEqual(try tmux.value("#{alternate_on}"), "0", "signal \(signal): the terminal left the alternate screen")
            XCTAssertFalse(try tmux.pasteComesBracketed("sesudah-sinyal-\(signal)"), "signal \(signal): bracketed paste is off again")
        }
    }

    func testCtrlCRightAfterTypingKeepsTheDraft() throws {
        let harness = try CLIHarness()
        XCTAssertEqual(try harness.run(["demo", "--seed-only"]).status, 0)
        func drafts() throws -> String { try runTool("/usr/bin/env", ["sqlite3", harness.database, "SELECT text FROM draft"]).output }
        // The desk also saves a draft by itself after half a second without a key. An attempt where that save came
        // before Ctrl-C proves nothing about Ctrl-C, so it is made again with new words.
        for attempt in 1...5 {
            let words = "Draf \(attempt) terakhir sebelum Ctrl-C"
            let tmux = Tmux()
            defer { tmux.kill() }
            try start(harness, tmux: tmux)
            try tmux.waitFor("in queue")
            try tmux.keys("Enter")
            try tmux.waitFor("SLA clocks")
            try tmux.keys("r")
            try tmux.waitFor("Reply to")
            try tmux.keys("C-u")
            try tmux.type(words)
            try tmux.waitFor(words)
            let desk = try tmux.deskProcess()
            let savedBefore = try drafts().contains(words)
            XCTAssertEqual(kill(desk, SIGINT), 0)
            try tmux.waitFor("MEJA-EXIT=130")
            XCTAssertEqual(try tmux.value("#{alternate_on}"), "0")
            let saved = try drafts()
            XCTAssertTrue(saved.contains(words), "the draft typed just before Ctrl-C is kept: \(saved)")
            if !savedBefore { return }
        }
        throw XCTSkip("in five attempts the desk's own half-second save always came before Ctrl-C (a very slow machine)")
    }

    func testATerminalThatCannotMoveTheCursorIsRefusedPlainly() throws {
        let harness = try CLIHarness()
        XCTAssertEqual(try harness.run(["demo", "--seed-only"]).status, 0)
        let tmux = Tmux()
        defer { tmux.kill() }
        try start(harness, tmux: tmux, extraEnv: ["TERM": "dumb"])
        let screen = try tmux.waitFor("MEJA-EXIT=1")
        XCTAssertTrue(screen.replacingOccurrences(of: "\n", with: "").contains("cannot move the cursor"), screen)
        XCTAssertEqual(try tmux.value("#{alternate_on}"), "0")
    }

    func testAnUnknownTerminalTypeIsNamedWithWhatToDo() throws {
        let harness = try CLIHarness()
        XCTAssertEqual(try harness.run(["demo", "--seed-only"]).status, 0)
        let tmux = Tmux()
        defer { tmux.kill() }
        try start(harness, tmux: tmux, extraEnv: ["TERM": "bogus-term"])
        let screen = try tmux.waitFor("MEJA-EXIT=1").replacingOccurrences(of: "\n", with: "")
        XCTAssertTrue(screen.contains("TERM=bogus-term is not known on this machine"), screen)
        XCTAssertTrue(screen.contains("TERM=xterm-256color"), screen)
        XCTAssertFalse(screen.contains("Error opening terminal"), "not curses' own message, which says nothing of what to do")
    }

    func testAnotherProcessesClaimAppearsAndCtrlZSuspends() throws {
        let harness = try CLIHarness()
        XCTAssertEqual(try harness.run(["demo", "--seed-only"]).status, 0)
        let list = try jsonArray(try harness.run(["list", "--json"]).stdout)
        let first = try XCTUnwrap(list.first { $0["assignee"]?.stringValue == nil }?["id"]?.intValue)
        let tmux = Tmux()
        defer { tmux.kill() }
        // An interactive shell in the pane, so that Ctrl-Z has job control to stop the desk and `fg` to resume it.
        let env = harness.env.merging(["LANG": "C.UTF-8", "TERM": "xterm-256color", "PS1": "$ "]) { _, new in new }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try tmux.run(["new-session", "-d", "-s", "desk", "-x", "100", "-y", "30", "env -i \(assignments) bash --norc -i"])
        try tmux.type("'\(CLIHarness.binary)'")
        try tmux.keys("Enter")
        try tmux.waitFor("in queue")

        // Someone else claims a comment from another process: the desk shows it without a key.
        XCTAssertEqual(try harness.run(["claim", String(first)], extraEnv: ["USER": "budi"]).status, 0)
        let screen = try tmux.waitFor(" budi", seconds: 5)
        XCTAssertTrue(screen.contains(" budi"))

        // Ctrl-Z stops the desk and gives the shell back; fg brings the desk back, drawn anew.
        try tmux.keys("C-z")
        try tmux.waitFor("Stopped")
        XCTAssertEqual(try tmux.value("#{alternate_on}"), "0")
        try tmux.type("fg")
        try tmux.keys("Enter")
        try tmux.waitFor("Meja · Queue")
        XCTAssertEqual(try tmux.value("#{alternate_on}"), "1")
        try tmux.keys("q")
        try tmux.type("echo MEJA-EXIT=$?")
        try tmux.keys("Enter")
        try tmux.waitFor("MEJA-EXIT=0")
        XCTAssertEqual(try tmux.value("#{alternate_on}"), "0")
    }
}
