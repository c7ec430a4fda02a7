import DeskCore
@testable import DeskTUI
import XCTest

/// The reducer, action by action, without a store: state in, state and effects out.
final class ReducerTests: XCTestCase {
    static let now = Timestamp.parse("2026-12-01T10:00:00+07:00")!

    static func comment(_ id: Int64, _ text: String = "Halo", platform: Platform = .x, status: CommentStatus = .new,
                        assignee: String? = nil, minutesAgo: Double = 30) -> Comment {
        var sla = SLARecord(policy: "default", policyVersion: 1, responseClock: .firstResponse)
        sla.responseDueAt = now.addingTimeInterval(3600)
        sla.responseAtRiskAt = now.addingTimeInterval(1800)
        return Comment(id: id, platform: platform, externalID: "e\(id)", author: Author(handle: "@warga\(id)"), text: text,
                       createdAt: now.addingTimeInterval(-minutesAgo * 60), channel: "@dinas", importedAt: now, status: status,
                       assignee: assignee, sla: sla)
    }

    static func item(_ id: Int64, assignee: String? = nil) -> QueueItem {
        let c = comment(id, assignee: assignee)
        return QueueItem(comment: c, clock: c.sla.mostUrgent(at: now), passedOver: false)
    }

    /// A supervisor's state with `count` queue items loaded.
    static func state(items count: Int = 30, supervisor: Bool = true, size: Size = Size(width: 80, height: 24)) -> AppState {
        var s = AppState(size: size, now: now, language: .en, actor: "sari", isSupervisor: supervisor)
        _ = Reducer.apply(&s, .queueLoaded((1...max(1, count)).prefix(count).map { item(Int64($0)) }, at: now, token: 0))
        _ = Reducer.apply(&s, .countsLoaded(QueueCounts(total: count), filter: QueueFilter(), token: 0))
        return s
    }

    @discardableResult
    private func send(_ s: inout AppState, _ id: ActionID) -> [Effect] { Reducer.apply(&s, .action(id)) }

    private func isLoadQueue(_ effects: [Effect], file: StaticString = #filePath, line: UInt = #line) -> QueueQuery? {
        for e in effects { if case .loadQueue(let q, _) = e { return q } }
        XCTFail("expected a queue load in \(effects)", file: file, line: line)
        return nil
    }

    // MARK: Moving

    func testMoveDownUpPageTopBottom() {
        var s = Self.state(items: 30)
        let rows = Layout.listRows(s.size)
        send(&s, .moveDown)
        send(&s, .moveDown)
        XCTAssertEqual(s.queue.cursor.selected, 2)
        send(&s, .moveUp)
        XCTAssertEqual(s.queue.cursor.selected, 1)
        send(&s, .pageDown)
        XCTAssertEqual(s.queue.cursor.selected, 1 + rows)
        XCTAssertGreaterThan(s.queue.cursor.scroll, 0, "the selection stays on screen")
        send(&s, .pageUp)
        XCTAssertEqual(s.queue.cursor.selected, 1)
        send(&s, .bottom)
        XCTAssertEqual(s.queue.cursor.selected, 29)
        XCTAssertEqual(s.queue.cursor.scroll, 30 - rows)
        send(&s, .top)
        XCTAssertEqual(s.queue.cursor, ListCursor(selected: 0, scroll: 0))
        send(&s, .moveUp)
        XCTAssertEqual(s.queue.cursor.selected, 0, "no movement past the top")
    }

    func testReachingTheEndOfALoadedPageLoadsMore() {
        var s = Self.state(items: QueueScreenState.page)
        let effects = send(&s, .bottom)
        XCTAssertEqual(isLoadQueue(effects)?.limit, 2 * QueueScreenState.page)
        XCTAssertTrue(send(&s, .moveDown).isEmpty, "no second request while one is out")
    }

    func testBottomReachesTheLastRowOfALongQueueInOnePress() {
        var s = Self.state(items: QueueScreenState.page)
        _ = Reducer.apply(&s, .countsLoaded(QueueCounts(total: 425), filter: QueueFilter(), token: 0))
        let effects = send(&s, .bottom)
        let asked = try? XCTUnwrap(isLoadQueue(effects))
        XCTAssertGreaterThan(asked?.limit ?? 0, 425, "G asks for every row the counts know of, not one more page")
        _ = Reducer.apply(&s, .queueLoaded((1...425).map { Self.item(Int64($0)) }, at: Self.now, token: s.queue.token))
        XCTAssertEqual(s.queue.selectedItem?.comment.id, 425, "the selection lands on the real last row")
        XCTAssertNil(s.notice)
        // Past what G loads at most, the desk says how to reach the rest.
        var long = Self.state(items: QueueScreenState.page)
        _ = Reducer.apply(&long, .countsLoaded(QueueCounts(total: 1_000_000), filter: QueueFilter(), token: 0))
        XCTAssertEqual(isLoadQueue(send(&long, .bottom))?.limit, QueueScreenState.endReach)
        let reach = QueueScreenState.endReach
        _ = Reducer.apply(&long, .queueLoaded((1...reach).map { Self.item(Int64($0)) }, at: Self.now, token: long.queue.token))
        XCTAssertEqual(long.queue.cursor.selected, reach - 1)
        XCTAssertTrue(long.notice?.text.contains("narrow the queue") ?? false, "\(String(describing: long.notice))")
    }

    func testTheFiltersStayReadableAt80ColumnsWhenTheCountsLoseTheirWords() {
        var filter = QueueFilter()
        filter.status = .only(.new)
        filter.platform = .mastodon
        filter.intent = .complaint
        filter.channel = "@diskominfo_contoh"
        filter.assignee = .unassigned
        func status(width: Int, _ language: Language) -> String {
            var s = AppState(size: Size(width: width, height: 24), now: Self.now, language: language, actor: "sari", isSupervisor: true)
            s.queue.filter = filter
            s.queue.countsFilter = filter
            s.queue.counts = QueueCounts(total: 281, breached: 211, atRisk: 3)
            return QueueView.status(s).map(\.0).joined()
        }
        for language in [Language.en, .id] {
            let narrow = status(width: 80, language)
            XCTAssertLessThanOrEqual(DisplayWidth.of(narrow), 78, narrow)
            for shown in language == .id ? ["baru", "Mastodon", "keluhan", "belum ditugaskan", "@diskomin"]
                                         : ["new", "Mastodon", "complaint", "unassigned", "@diskominfo_contoh"] {
                XCTAssertTrue(narrow.contains(shown), "\(shown) in \(narrow)")
            }
            XCTAssertTrue(narrow.hasPrefix("281 · !! 211 · ! 3"), "the counts keep their figures and glyphs: \(narrow)")
            let wide = status(width: 160, language)
            XCTAssertTrue(wide.hasPrefix(language == .id ? "281 di antrean" : "281 in queue"), "with room the counts keep their words: \(wide)")
            XCTAssertTrue(wide.hasSuffix("@diskominfo_contoh"), wide)
        }
        // Answered or closed ones are no queue: a list.
        filter.status = .all
        XCTAssertTrue(status(width: 160, .en).hasPrefix("281 listed"), status(width: 160, .en))
        filter.status = .only(.closed)
        XCTAssertTrue(status(width: 160, .id).hasPrefix("281 tercantum"), status(width: 160, .id))
    }

    func testThePassedOverBoardSaysWhenItLookedAtOnlyTheMostUrgent() {
        var s = Self.state(items: 3)
        _ = Reducer.apply(&s, .passedOverLoaded(PassedOverList(items: [Self.item(1)], scanned: 3, complete: true)))
        XCTAssertEqual(PassedOverView.status(s).map(\.0).joined(), "1 passed over")
        _ = Reducer.apply(&s, .passedOverLoaded(PassedOverList(items: [Self.item(1), Self.item(2)], scanned: 2_000, complete: false)))
        XCTAssertEqual(PassedOverView.status(s).map(\.0).joined(), "2 passed over among the 2000 most urgent · meja report counts all")
    }

    func testTheLogShowsItsRowsBeforeTheWholeCheckEnds() {
        var s = Self.state(items: 3)
        let effects = send(&s, .logView)
        guard effects.count == 2, case .loadLog(verify: false) = effects[0], case .loadLog(verify: true) = effects[1] else {
            return XCTFail("the rows first, the check after: \(effects)")
        }
        XCTAssertFalse(effects[0].isLong || effects[0].isSecondary, "the rows are the screen's own load")
        XCTAssertTrue(effects[1].isLong && effects[1].isSecondary, "the check runs behind, on the long loads' queue")
    }

    func testOnlyTheLatestRequestIsShown() {
        var s = Self.state(items: 3)
        let first = send(&s, .filterPlatform)
        let second = send(&s, .filterPlatform)
        guard case .loadQueue(_, let t1)? = first.first, case .loadQueue(_, let t2)? = second.first else { return XCTFail() }
        XCTAssertLessThan(t1, t2)
        _ = Reducer.apply(&s, .queueLoaded([Self.item(7)], at: Self.now, token: t1))
        XCTAssertTrue(s.queue.loading, "a superseded page is dropped")
        XCTAssertEqual(s.queue.items.count, 3)
        _ = Reducer.apply(&s, .queueLoaded([Self.item(8)], at: Self.now, token: t2))
        XCTAssertFalse(s.queue.loading)
        XCTAssertEqual(s.queue.items.map(\.comment.id), [8])
        XCTAssertTrue(QueueView.status(s).contains { $0.0 == "Counting…" }, "counts of another filter are not shown")
        XCTAssertFalse((first + second).contains { if case .loadCounts = $0 { true } else { false } }, "keys never count")
        guard case .loadCounts(_, let filter, _)? = Reducer.apply(&s, .idle).first else { return XCTFail("counted when idle") }
        XCTAssertEqual(filter, s.queue.filter)
        XCTAssertTrue(Reducer.apply(&s, .idle).isEmpty, "one count at a time")
        send(&s, .filterPlatform)
        _ = Reducer.apply(&s, .countsLoaded(QueueCounts(total: 9), filter: filter, token: t2))
        XCTAssertTrue(QueueView.status(s).contains { $0.0 == "Counting…" }, "counts of the previous filter are not shown")
        guard case .loadCounts(_, let newer, _)? = Reducer.apply(&s, .idle).first else { return XCTFail("the newer filter is counted next") }
        _ = Reducer.apply(&s, .countsLoaded(QueueCounts(total: 1), filter: newer, token: s.queue.token))
        XCTAssertTrue(QueueView.status(s).contains { $0.0 == "1 in queue" })
        XCTAssertFalse(s.queue.countsInFlight)
    }

    func testOpenAndBack() {
        var s = Self.state()
        send(&s, .moveDown)
        let effects = send(&s, .open)
        XCTAssertEqual(s.screen, .thread)
        XCTAssertEqual(s.thread?.commentID, 2)
        guard case .loadDetail(2)? = effects.first else { return XCTFail("\(effects)") }
        send(&s, .back)
        XCTAssertEqual(s.screen, .queue)
        XCTAssertNil(s.thread)
        XCTAssertTrue(s.running)
        send(&s, .back)
        XCTAssertFalse(s.running, "q at the queue quits")
    }

    func testOpeningAThreadFromAThreadComesBackToIt() {
        var s = Self.state()
        func load(_ id: Int64) {
            let c = Self.comment(id)
            _ = Reducer.apply(&s, .detailLoaded(CommentDetail(item: QueueItem(comment: c, clock: nil, passedOver: false), clocks: [],
                                                              threadComments: [c], threadReplies: [], replies: [], otherByAuthor: [],
                                                              history: []), tone: nil))
        }
        func open(_ line: String) {
            send(&s, .command)
            _ = Reducer.apply(&s, .typed(line))
            send(&s, .accept)
        }
        send(&s, .open)
        load(1)
        open("open 999999")
        _ = Reducer.apply(&s, .detailFailed(commentID: 999999, Localized("Komentar 999999 tidak ada.", "Comment 999999 was not found.")))
        XCTAssertEqual(s.screen, .thread, "an unknown comment leaves the thread as it was")
        XCTAssertEqual(s.thread?.commentID, 1)
        XCTAssertNotNil(s.thread?.detail, "still loaded, ready for r and c")
        open("open 5")
        load(5)
        XCTAssertEqual(s.thread?.commentID, 5)
        send(&s, .back)
        XCTAssertEqual(s.screen, .thread)
        XCTAssertEqual(s.thread?.commentID, 1, "back goes to the thread it was opened from")
        send(&s, .back)
        XCTAssertEqual(s.screen, .queue)
        XCTAssertNil(s.thread)
        XCTAssertEqual(s.threadsBelow.count, 0)
    }

    func testThreadScrollsWithinItsDocument() {
        var s = Self.state()
        send(&s, .open)
        let c = Self.comment(1, String(repeating: "kata panjang ", count: 200))
        let detail = CommentDetail(item: QueueItem(comment: c, clock: nil, passedOver: false), clocks: c.sla.clocks(at: Self.now),
                                   threadComments: [c], threadReplies: [], replies: [], otherByAuthor: [], history: [])
        _ = Reducer.apply(&s, .detailLoaded(detail, tone: nil))
        let total = ThreadView.lineCount(s)
        XCTAssertGreaterThan(total, Layout.body(s.size).height)
        send(&s, .moveDown)
        XCTAssertEqual(s.thread?.scroll, 1)
        send(&s, .bottom)
        XCTAssertEqual(s.thread?.scroll, total - Layout.body(s.size).height)
        send(&s, .top)
        XCTAssertEqual(s.thread?.scroll, 0)
    }

    func testAHugeCommentSaysWhereItIsCutAndWhereTheRestIs() {
        var s = Self.state()
        send(&s, .open)
        for (length, cut) in [(SafeText.drawLimit, false), (SafeText.drawLimit + 5_000, true)] {
            let c = Self.comment(1, String(repeating: "a", count: length))
            let detail = CommentDetail(item: QueueItem(comment: c, clock: nil, passedOver: false), clocks: [],
                                       threadComments: [c], threadReplies: [], replies: [], otherByAuthor: [], history: [])
            _ = Reducer.apply(&s, .detailLoaded(detail, tone: nil))
            let text = ThreadView.document(s).lines.map { $0.pieces.map(\.text).joined() }.joined(separator: "\n")
            XCTAssertEqual(text.contains("(cut: this comment is \(length) characters long; `meja show 1` prints all of it)"), cut, "\(length)")
        }
    }

    // MARK: Overlays and prompts

    func testHelpOpensScrollsAndCloses() {
        var s = Self.state()
        send(&s, .help)
        XCTAssertEqual(s.help, 0)
        XCTAssertEqual(s.keyContext, .help)
        send(&s, .moveDown)
        XCTAssertEqual(s.help, 1)
        send(&s, .back)
        XCTAssertNil(s.help)
        XCTAssertEqual(s.screen, .queue, "closing help does not leave the queue")
    }

    func testWhenTheCommentActedOnLeavesTheListTheDeskSaysWhereTheCursorWent() {
        var s = Self.state(items: 3)
        send(&s, .claim)
        _ = Reducer.apply(&s, .done(Notice(.info, "You claimed #1.")))
        _ = Reducer.apply(&s, .queueLoaded([Self.item(2), Self.item(3)], at: Self.now, token: s.queue.token))
        XCTAssertEqual(s.notice?.text, "You claimed #1. #1 left this list; the cursor is on #2 now.")
        // A filter the user changes moves the list on purpose: nothing to say.
        send(&s, .filterStatus)
        _ = Reducer.apply(&s, .queueLoaded([Self.item(3)], at: Self.now, token: s.queue.token))
        XCTAssertFalse(s.notice?.text.contains("left this list") ?? false)
    }

    func testEscalatingWhatIsAlreadyEscalatedSaysSoBeforeAskingWhy() {
        var s = Self.state(items: 0)
        let escalated = Self.comment(7, status: .escalated)
        _ = Reducer.apply(&s, .queueLoaded([QueueItem(comment: escalated, clock: escalated.sla.mostUrgent(at: Self.now), passedOver: false)],
                                           at: Self.now, token: s.queue.token))
        XCTAssertTrue(send(&s, .escalate).isEmpty)
        XCTAssertNil(s.prompt, "no reason is asked for, to be thrown away")
        XCTAssertEqual(s.notice?.text, "#7 is already escalated to supervisors.")
        // Its row says so before anyone tries: ▲ before the words.
        var grid = CellGrid(width: 80, height: 3)
        QueueRowView.draw(s.queue.items[0], row: 0, width: 80, highlighted: false, now: Self.now, strings: s.strings, on: &grid)
        XCTAssertTrue(grid.text.contains("▲ Halo"), grid.text)
        grid = CellGrid(width: 80, height: 3)
        QueueRowView.draw(Self.item(8), row: 0, width: 80, highlighted: false, now: Self.now, strings: s.strings, on: &grid)
        XCTAssertFalse(grid.text.contains("▲"))
    }

    func testSearchingFromAThreadTypesIntoThePromptAndShowsTheQueue() {
        var s = Self.state()
        send(&s, .open)
        XCTAssertEqual(s.screen, .thread)
        send(&s, .search)
        XCTAssertEqual(s.keyContext, .prompt, "'/' in a thread opens the search, so the letters after it are words, not commands")
        let typed = Reducer.apply(&s, .typed("cek"))
        XCTAssertTrue(typed.isEmpty, "typing performs nothing")
        let effects = send(&s, .accept)
        XCTAssertEqual(s.screen, .queue, "the results are the queue's")
        XCTAssertEqual(isLoadQueue(effects)?.search, "cek")
    }

    func testSearchPromptTypesAndFilters() {
        var s = Self.state()
        send(&s, .search)
        XCTAssertEqual(s.keyContext, .prompt)
        _ = Reducer.apply(&s, .typed("banjr"))
        send(&s, .editLeft)
        _ = Reducer.apply(&s, .typed("i"))
        send(&s, .editEnd)
        send(&s, .editHome)
        send(&s, .editDelete)
        send(&s, .editEnd)
        send(&s, .editRight)
        _ = Reducer.apply(&s, .typed(" kota"))
        send(&s, .editBackspace)
        XCTAssertEqual(s.prompt?.field.text, "anjir kot")
        let effects = send(&s, .accept)
        XCTAssertNil(s.prompt)
        XCTAssertEqual(isLoadQueue(effects)?.search, "anjir kot")
        XCTAssertEqual(s.queue.filter.search, "anjir kot")
        // Searching again: the current words are shown, and typing replaces them rather than adding to them.
        send(&s, .search)
        XCTAssertEqual(s.prompt?.field.text, "anjir kot")
        _ = Reducer.apply(&s, .typed("ktp"))
        XCTAssertEqual(s.prompt?.field.text, "ktp")
        send(&s, .cancel)
        // Moving first keeps them, to edit.
        send(&s, .search)
        send(&s, .editLeft)
        _ = Reducer.apply(&s, .typed("a"))
        XCTAssertEqual(s.prompt?.field.text, "anjir koat")
    }

    func testCancelLeavesEverythingAsItWas() {
        var s = Self.state()
        send(&s, .search)
        _ = Reducer.apply(&s, .typed("x"))
        XCTAssertTrue(send(&s, .cancel).isEmpty)
        XCTAssertNil(s.prompt)
        XCTAssertNil(s.queue.filter.search)
    }

    func testTheChannelFilterCyclesTheConfiguredChannelsAndThoseSeen() {
        var empty = AppState(size: Size(width: 80, height: 24), now: Self.now, language: .en, actor: "sari", isSupervisor: true)
        XCTAssertTrue(send(&empty, .filterChannel).isEmpty)
        XCTAssertEqual(empty.notice?.text, "No channel known yet: name one with :channel @account, or list them in [agency].channels in config.toml.")
        XCTAssertNil(empty.queue.filter.channel)
        // The loaded comments (all to @dinas) make their channel known after the configured one.
        var s = AppState(size: Size(width: 80, height: 24), now: Self.now, language: .en, actor: "sari", isSupervisor: true)
        s.channels = ["@Humas_Kota"]
        _ = Reducer.apply(&s, .queueLoaded([Self.item(1), Self.item(2)], at: Self.now, token: 0))
        XCTAssertEqual(s.channels, ["@Humas_Kota", "@dinas"])
        _ = send(&s, .filterChannel)
        XCTAssertEqual(s.queue.filter.channel, "@humas_kota")
        _ = send(&s, .filterChannel)
        XCTAssertEqual(s.queue.filter.channel, "@dinas")
        _ = send(&s, .filterChannel)
        XCTAssertNil(s.queue.filter.channel, "then all channels again")
    }

    func testEveryStartupProblemIsShownUntilTheFirstKey() {
        var s = Self.state()
        s.startupIssues = ["keys.toml:2: unknown key 'Ctrl-Q'", "keys.toml:4: unknown action 'bogus-action'", "keys.toml:7: 'x' is bound twice"]
        let text = DeskView.render(s, keys: .defaults).text
        for issue in s.startupIssues { XCTAssertTrue(text.contains(issue), "\(issue) is on screen:\n\(text)") }
        send(&s, .moveDown)
        XCTAssertFalse(DeskView.render(s, keys: .defaults).text.contains("keys.toml"))
    }

    func testASensitiveCommentIsMarkedWhereTheTagsColumnDoesNotFit() {
        var c = Self.comment(1, "Banjir setinggi dada di RT 05")
        c.tags = ["disaster"]
        for (width, marked, tagged) in [(80, true, false), (160, false, true)] {
            var s = Self.state(items: 0, size: Size(width: width, height: 30))
            _ = Reducer.apply(&s, .queueLoaded([QueueItem(comment: c, clock: nil, passedOver: false)], at: Self.now, token: s.queue.token))
            let text = DeskView.render(s, keys: .defaults).text
            XCTAssertEqual(text.contains("⚑ Banjir"), marked, "\(width) columns:\n\(text)")
            XCTAssertEqual(text.contains("#disaster"), tagged, "\(width) columns:\n\(text)")
        }
    }

    func testThePlatformFilterCyclesThePlatformsSeenToo() {
        var s = Self.state(items: 0)
        let tiktok = Platform(rawValue: "tiktok")
        let c = Self.comment(1, platform: tiktok)
        _ = Reducer.apply(&s, .queueLoaded([QueueItem(comment: c, clock: c.sla.mostUrgent(at: Self.now), passedOver: false)], at: Self.now, token: s.queue.token))
        var seen: [Platform?] = []
        for _ in 0..<(s.platforms.count + 1) {
            send(&s, .filterPlatform)
            seen.append(s.queue.filter.platform)
        }
        XCTAssertEqual(seen, Platform.social + [.email, .web, tiktok, nil], "an imported platform of the agency's own is reachable with p")
    }

    func testTheTopicFilterShowsTheUrgentTopicsFirst() {
        var s = Self.state()
        let together = send(&s, .filterTopic)
        XCTAssertTrue(s.queue.filter.urgent, "first, every incident that needs someone at once, together")
        XCTAssertEqual(isLoadQueue(together)?.tags, ["disaster", "health_emergency", "child_safety"])
        XCTAssertEqual(isLoadQueue(together)?.statuses, CommentStatus.needingAction.union([.replied, .waitingCitizen]),
                       "answered but not closed, an incident stays in sight")
        XCTAssertTrue(DeskView.render(s, keys: .defaults).text.contains("⚑ urgent"), "the status line names it")
        let effects = send(&s, .filterTopic)
        XCTAssertFalse(s.queue.filter.urgent)
        XCTAssertEqual(s.queue.filter.topic, .disaster, "then a flood or an accident")
        XCTAssertEqual(isLoadQueue(effects)?.statuses, CommentStatus.needingAction)
        XCTAssertEqual(isLoadQueue(effects)?.tags, ["disaster"])
        XCTAssertTrue(DeskView.render(s, keys: .defaults).text.contains("#disaster"), "the status line names it")
        var seen: [SensitiveTopic?] = [s.queue.filter.topic]
        for _ in SensitiveTopic.allCases {
            send(&s, .filterTopic)
            seen.append(s.queue.filter.topic)
        }
        XCTAssertEqual(seen, [.disaster, .healthEmergency, .childSafety, .violence, .abuse, .death, .identity, .legalThreat, nil],
                       "urgent incidents first, as the README says: disaster, health emergency, children; then every other topic once")
        XCTAssertEqual(Set(QueueFilter.topicOrder), Set(SensitiveTopic.allCases), "every topic is reachable")
        func command(_ text: String) {
            send(&s, .command)
            _ = Reducer.apply(&s, .typed(text))
            send(&s, .accept)
        }
        command("topik anak")
        XCTAssertEqual(s.queue.filter.topic, .childSafety, "by its Indonesian tag")
        command("topic all")
        command("topic children")
        XCTAssertEqual(s.queue.filter.topic, .childSafety, "by the word the help uses")
        command("topik mendesak")
        XCTAssertTrue(s.queue.filter.urgent && s.queue.filter.topic == nil, "every urgent incident together, by a word")
        command("topic all")
        XCTAssertFalse(s.queue.filter.urgent, "all lifts it")
        command("topic nope")
        XCTAssertTrue(s.notice?.text.contains("disaster, health_emergency, child_safety") == true, s.notice?.text ?? "")
        command("topic all")
        XCTAssertNil(s.queue.filter.topic)
        XCTAssertEqual(KeyMap.defaults.keys(for: .filterTopic, in: .queue).map(\.name), ["f"])
    }

    func testTheDesksLanguageCanBeSwitchedFromTheCommandLine() {
        var s = Self.state()
        XCTAssertEqual(s.language, .en)
        func command(_ text: String) {
            send(&s, .command)
            _ = Reducer.apply(&s, .typed(text))
            send(&s, .accept)
        }
        command("lang id")
        XCTAssertEqual(s.language, .id)
        XCTAssertEqual(s.notice?.text, "Desk kini berbahasa Indonesia (untuk setiap kali dibuka: LANG=id_ID.UTF-8).")
        XCTAssertTrue(DeskView.render(s, keys: .defaults).text.contains("Antrean"), "the screen follows at once")
        command("bahasa inggris")
        XCTAssertEqual(s.language, .en)
        command("lang fr")
        XCTAssertEqual(s.language, .en)
        XCTAssertEqual(s.notice?.kind, .error)
        XCTAssertTrue(s.notice?.text.contains("use one of: id, en") == true, s.notice?.text ?? "")
    }

    func testCommandLineFiltersAndActs() {
        var s = Self.state()
        send(&s, .command)
        _ = Reducer.apply(&s, .typed("status all"))
        let effects = send(&s, .accept)
        XCTAssertEqual(isLoadQueue(effects)?.statuses, Set(CommentStatus.allCases))
        send(&s, .command)
        _ = Reducer.apply(&s, .typed("platform instagram"))
        send(&s, .accept)
        XCTAssertEqual(s.queue.filter.platform, .instagram)
        send(&s, .command)
        _ = Reducer.apply(&s, .typed("fly me"))
        send(&s, .accept)
        XCTAssertEqual(s.notice?.kind, .error)
        XCTAssertTrue(s.notice!.text.contains("fly me"))
        send(&s, .command)
        _ = Reducer.apply(&s, .typed("status waiting"))
        send(&s, .accept)
        XCTAssertEqual(s.queue.filter.status, .only(.waitingCitizen), "the desk's own word for it")
        for (label, status) in [("menunggu warga", CommentStatus.waitingCitizen), ("tak perlu dibalas", .noReplyNeeded), ("dieskalasi", .escalated)] {
            send(&s, .command)
            _ = Reducer.apply(&s, .typed("status " + label))
            send(&s, .accept)
            XCTAssertEqual(s.queue.filter.status, .only(status), label)
        }
        for (label, intent) in [("keluhan", Intent.complaint), ("maksud pertanyaan", .question), ("intent praise", .praise)] {
            send(&s, .command)
            _ = Reducer.apply(&s, .typed(label.contains(" ") ? label : "intent " + label))
            send(&s, .accept)
            XCTAssertEqual(s.queue.filter.intent, intent, "as the filter line names it: \(label)")
        }
        for (line, expected) in [("status bogus", "does not take 'bogus'; use one of: all, action, new"),
                                 ("platform instagarm", "does not take 'instagarm'; use one of: all, mastodon, x"),
                                 ("open abc", "`:open` needs a comment number")] {
            send(&s, .command)
            _ = Reducer.apply(&s, .typed(line))
            send(&s, .accept)
            XCTAssertTrue(s.notice?.text.contains(expected) == true, "\(line): \(s.notice?.text ?? "")")
        }
        send(&s, .command)
        _ = Reducer.apply(&s, .typed("assign budi"))
        guard case .perform(.assign(1, to: "budi"))? = send(&s, .accept).first else { return XCTFail() }
        send(&s, .command)
        _ = Reducer.apply(&s, .typed("open 999999"))
        XCTAssertTrue(send(&s, .accept).contains { if case .loadDetail(999999) = $0 { true } else { false } })
        _ = Reducer.apply(&s, .failed(Localized("Hitungan gagal.", "Counting failed.")))
        XCTAssertEqual(s.screen, .thread, "another read failing does not close the thread being opened")
        _ = Reducer.apply(&s, .detailFailed(commentID: 999999, Localized("Komentar 999999 tidak ada.", "Comment 999999 was not found.")))
        XCTAssertEqual(s.screen, .queue, "a thread that never loaded does not stay as an empty screen")
        XCTAssertEqual(s.notice?.text, "Comment 999999 was not found.")
        send(&s, .command)
        _ = Reducer.apply(&s, .typed("quit"))
        send(&s, .accept)
        XCTAssertFalse(s.running)
    }

    func testRefreshReloadsWhatIsOpen() {
        var s = Self.state()
        send(&s, .open)
        let effects = send(&s, .refresh)
        XCTAssertNotNil(isLoadQueue(effects))
        XCTAssertTrue(effects.contains { if case .loadDetail(1) = $0 { true } else { false } })
    }

    // MARK: Filters

    func testFiltersCycleAndClear() {
        var s = Self.state()
        send(&s, .moveDown)
        var q = isLoadQueue(send(&s, .filterStatus))
        XCTAssertEqual(q?.statuses, [.new])
        XCTAssertEqual(s.queue.cursor.selected, 0, "a new filter starts at the top")
        q = isLoadQueue(send(&s, .filterPlatform))
        XCTAssertEqual(q?.platform, .mastodon)
        s.channels = ["@dinas", "Pemkot"]
        q = isLoadQueue(send(&s, .filterChannel))
        XCTAssertEqual(q?.channel, "@dinas")
        send(&s, .filterChannel)
        XCTAssertEqual(s.queue.filter.channel, "@pemkot")
        send(&s, .filterChannel)
        XCTAssertNil(s.queue.filter.channel, "after the last channel: all channels")
        q = isLoadQueue(send(&s, .filterIntent))
        XCTAssertEqual(q?.intent, .question)
        q = isLoadQueue(send(&s, .filterAssignee))
        XCTAssertEqual(q?.assignee, .staff("sari"))
        q = isLoadQueue(send(&s, .filterAssignee))
        XCTAssertEqual(q?.assignee, .unassigned)
        q = isLoadQueue(send(&s, .filterClear))
        XCTAssertEqual(q?.statuses, CommentStatus.needingAction)
        XCTAssertTrue(s.queue.filter.isDefault)
    }

    // MARK: Triage actions

    func testTriageActionsBecomeDeskCommands() throws {
        var s = Self.state()
        guard case .perform(.claim(1))? = send(&s, .claim).first else { return XCTFail() }
        guard case .perform(.release(1))? = send(&s, .release).first else { return XCTFail() }
        guard case .loadStaff(then: .assign(1))? = send(&s, .assign).first else { return XCTFail() }
        _ = Reducer.apply(&s, .staffLoaded([StaffMember(name: "budi", role: .agent), StaffMember(name: "dewi", role: .agent),
                                            StaffMember(name: "old", role: .agent, active: false)],
                                           workloads: ["budi": StaffWorkload(held: 7, breached: 2)], then: .assign(1)))
        XCTAssertEqual(s.picker?.options.map(\.value), ["budi", "dewi"], "inactive staff cannot be chosen")
        XCTAssertEqual(s.picker?.options.map(\.label), ["budi (budi, agent) · holds 7, 2 breached", "dewi (dewi, agent) · holds 0"],
                       "whoever has room is seen")
        guard case .perform(.assign(1, to: "budi"))? = send(&s, .accept).first else { return XCTFail() }
        XCTAssertNil(s.picker)
        send(&s, .setStatus)
        XCTAssertEqual(s.picker?.options.map(\.value), ["open", "closed", "no_reply_needed", "spam"])
        send(&s, .moveDown)
        guard case .perform(.setStatus(1, .closed))? = send(&s, .accept).first else { return XCTFail() }
        send(&s, .setIntent)
        XCTAssertEqual(s.picker?.kind, .intent(1, now: s.queue.items[0].comment.intent))
        XCTAssertEqual(s.picker?.options.map(\.value), Intent.allCases.filter { $0 != s.queue.items[0].comment.intent }.map(\.rawValue),
                       "every intent but the one it has")
        let complaint = try XCTUnwrap(s.picker?.options.firstIndex { $0.value == "complaint" })
        for _ in 0..<complaint { send(&s, .moveDown) }
        guard case .perform(.setIntent(1, .complaint))? = send(&s, .accept).first else { return XCTFail() }
        send(&s, .escalate)
        XCTAssertEqual(s.prompt?.kind, .escalateReason(1, heldBy: nil))
        _ = Reducer.apply(&s, .typed("ancaman keselamatan"))
        guard case .perform(.escalate(1, reason: "ancaman keselamatan"))? = send(&s, .accept).first else { return XCTFail() }
        send(&s, .escalate)
        guard case .perform(.escalate(1, reason: let r))? = send(&s, .accept).first else { return XCTFail() }
        XCTAssertTrue(r.contains("sari"), "an empty reason says who escalated from the desk")
    }

    func testAnAgentSaysWhyTheyTakeAColleaguesCommentToTheSupervisors() {
        var s = Self.state(supervisor: false)
        s.queue.items[0].comment.assignee = "rina"
        s.queue.items[0].comment.status = .claimed
        send(&s, .escalate)
        XCTAssertEqual(s.prompt?.kind, .escalateReason(1, heldBy: "rina"))
        XCTAssertTrue(DeskView.render(s, keys: .defaults).text.contains("Why take #1, held by rina, to the supervisors?"))
        XCTAssertTrue(send(&s, .accept).isEmpty, "an empty reason is refused")
        XCTAssertEqual(s.notice?.kind, .error)
        XCTAssertEqual(s.prompt?.kind, .escalateReason(1, heldBy: "rina"), "and asked again")
        _ = Reducer.apply(&s, .typed("warga melapor ancaman, rina sedang cuti"))
        guard case .perform(.escalate(1, reason: "warga melapor ancaman, rina sedang cuti"))? = send(&s, .accept).first else { return XCTFail() }
    }

    func testMarkedCommentsTakeOneActionEach() throws {
        var s = Self.state()
        send(&s, .toggleMark)
        XCTAssertEqual(s.queue.cursor.selected, 1, "marking moves on to the next line")
        send(&s, .moveDown)
        send(&s, .toggleMark)
        send(&s, .toggleMark)
        XCTAssertEqual(s.marked, [1, 3, 4])
        send(&s, .moveUp)
        send(&s, .toggleMark)
        XCTAssertEqual(s.marked, [1, 3], "space again unmarks")
        XCTAssertTrue(QueueView.status(s).first?.0.contains("2 marked") == true, "the status line counts the marks: \(QueueView.status(s))")

        guard case .performAll([.claim(1), .claim(3)])? = send(&s, .claim).first else { return XCTFail("claim acts on the marked") }
        guard case .performAll([.release(1), .release(3)])? = send(&s, .release).first else { return XCTFail() }
        guard case .loadStaff(then: .assignMarked([1, 3]))? = send(&s, .assign).first else { return XCTFail() }
        _ = Reducer.apply(&s, .staffLoaded([StaffMember(name: "budi", role: .agent)], workloads: [:], then: .assignMarked([1, 3])))
        XCTAssertEqual(PickerView.title(try XCTUnwrap(s.picker), s.strings), "Assign the marked comments (2) to")
        guard case .performAll([.assign(1, to: "budi"), .assign(3, to: "budi")])? = send(&s, .accept).first else { return XCTFail() }

        guard case .loadMarked([1, 3], then: .statusMarked([1, 3]))? = send(&s, .setStatus).first else {
            return XCTFail("the marked comments are read as they stand now")
        }
        _ = Reducer.apply(&s, .markedLoaded([Self.comment(1), Self.comment(3)], then: .statusMarked([1, 3])))
        XCTAssertEqual(s.picker?.kind, .statusMarked([1, 3]))
        let spam = try XCTUnwrap(s.picker?.options.firstIndex { $0.value == "spam" })
        for _ in 0..<spam { send(&s, .moveDown) }
        guard case .performAll([.setStatus(1, .spam), .setStatus(3, .spam)])? = send(&s, .accept).first else { return XCTFail() }
        guard case .loadMarked([1, 3], then: .intentMarked([1, 3]))? = send(&s, .setIntent).first else { return XCTFail() }
        _ = Reducer.apply(&s, .markedLoaded([Self.comment(1), Self.comment(3)], then: .intentMarked([1, 3])))
        XCTAssertEqual(s.picker?.kind, .intentMarked([1, 3]))
        send(&s, .back)
        send(&s, .escalate)
        XCTAssertEqual(s.prompt?.kind, .escalateMarkedReason([1, 3]))
        _ = Reducer.apply(&s, .typed("banjir, perlu koordinasi"))
        guard case .performAll([.escalate(1, reason: "banjir, perlu koordinasi"), .escalate(3, reason: "banjir, perlu koordinasi")])?
                = send(&s, .accept).first else { return XCTFail() }
        send(&s, .command)
        _ = Reducer.apply(&s, .typed("assign dewi"))
        guard case .performAll([.assign(1, to: "dewi"), .assign(3, to: "dewi")])? = send(&s, .accept).first else {
            return XCTFail("the command line acts on the marked too")
        }
        guard case .perform(.claim(4))? = { () -> Effect? in
            var one = Self.state()
            one.queue.cursor.selected = 3
            return Reducer.apply(&one, .action(.claim)).first
        }() else { return XCTFail("without marks, the comment under the cursor") }
        XCTAssertEqual(s.queue.selectedItem?.comment.id, 5)
        guard case .loadDraft(5)? = send(&s, .reply).first else { return XCTFail("reply acts on the cursor's comment, marks or not") }
        s.stack = [.queue]
        s.composer = nil

        var outcome = BulkOutcome(what: Localized("kini berstatus spam", "now spam"))
        outcome.changed = [1]
        outcome.refused = [BulkOutcome.Refusal(commentID: 3, reason: Localized("dipegang rina", "held by rina"))]
        let reload = Reducer.apply(&s, .bulkDone(outcome))
        XCTAssertNotNil(isLoadQueue(reload), "the queue shows what changed")
        XCTAssertEqual(s.marked, [3], "what was refused stays marked")
        XCTAssertEqual(s.notice?.kind, .error)
        XCTAssertEqual(s.notice?.text, "Marked comments now spam: 1. Not done, still marked: 1 — #3 held by rina")
        send(&s, .clearMarks)
        XCTAssertEqual(s.marked, [])
        XCTAssertEqual(s.notice?.text, "Marks removed: 1.")

        s.marked = [7]
        send(&s, .markAll)
        XCTAssertEqual(s.marked, [7] + (1...30).filter { $0 != 7 }.map(Int64.init), "every listed comment, once")
        XCTAssertEqual(s.notice?.text, "Every comment listed is marked: 30.")
        var paged = Self.state(items: QueueScreenState.page)
        send(&paged, .markAll)
        XCTAssertTrue(paged.notice?.text.hasPrefix("The first 100 rows are marked; the list goes on") == true, paged.notice?.text ?? "")
    }

    func testArrivalsThatNeedSomeoneAtOnceAreSaidEachInTurnUntilOpenedAndRingAtMostOnceAMinute() {
        var s = Self.state()
        XCTAssertTrue(Reducer.reloadAll(&s).contains { if case .loadUrgent(after: nil, named: []) = $0 { true } else { false } })
        XCTAssertTrue(Reducer.apply(&s, .urgentLoaded(newest: 30, [], after: nil, uptime: 1000)).isEmpty)
        XCTAssertEqual(s.urgentSeen, 30)
        XCTAssertNil(s.alert, "the first look says nothing: what was there is in the queue")
        var flood = Self.comment(31, "Banjir setinggi dada, kami terjebak di lantai dua rumah Pak RT, tolong kirim perahu")
        flood.tags = ["disaster", "death"]
        var child = Self.comment(33, "Anak saya hilang di pasar")
        child.tags = ["child_safety"]
        guard case .bell? = Reducer.apply(&s, .urgentLoaded(newest: 33, [flood, child], after: 30, uptime: 1000)).first else {
            return XCTFail("the bell rings")
        }
        XCTAssertEqual(s.alert?.text(s.strings), "Needs someone at once — 2 new: #31 (:open 31) “Banjir setinggi dada, kami terjebak di lantai d…”",
                       "how many first, then the oldest: a narrow screen cuts the words last")
        XCTAssertEqual(s.alert?.text(Strings(.id)), "Perlu segera ditangani — 2 baru: #31 (:open 31) “Banjir setinggi dada, kami terjebak di lantai d…”",
                       "said in the desk's language of the moment (:lang switches it)")
        XCTAssertEqual(s.urgentSeen, 33)
        XCTAssertTrue(Reducer.reloadAll(&s).contains { if case .loadUrgent(after: 33, named: [31, 33]) = $0 { true } else { false } },
                      "the next look starts after it, and asks which of those named still need action")
        XCTAssertTrue(Reducer.apply(&s, .urgentLoaded(newest: 40, [Self.comment(40)], after: 30, uptime: 1001)).isEmpty, "an answer to an older look is dropped")
        XCTAssertEqual(s.urgentSeen, 33)
        // It stays through keys, screens and notices, drawn over them all.
        send(&s, .moveDown)
        send(&s, .help)
        s.notice = Notice(.info, "You claimed #2.")
        let screen = DeskView.render(s, keys: .defaults).text
        XCTAssertTrue(screen.contains("⚑ Needs someone at once — 2 new: #31") && screen.contains("You claimed #2."), screen)
        XCTAssertTrue(screen.hasPrefix(" ⚑ Needs someone at once"), "over the title bar: no row of a list is hidden under it")
        send(&s, .back)
        // Opening one takes it off the list; the line names the next.
        send(&s, .command)
        _ = Reducer.apply(&s, .typed("open 31"))
        send(&s, .accept)
        XCTAssertEqual(s.alert?.commentID, 33)
        XCTAssertTrue(s.alert?.text(s.strings).hasPrefix("Needs someone at once — 1 new: #33 (:open 33) “Anak saya hilang") == true, s.alert?.text(s.strings) ?? "")
        send(&s, .back)
        XCTAssertTrue(Reducer.apply(&s, .urgentLoaded(newest: 34, [Self.comment(34)], after: 33, uptime: 1030)).isEmpty, "no second bell within the minute")
        XCTAssertEqual(s.alert?.arrivals.map(\.commentID), [33, 34], "a newer arrival joins the list")
        guard case .bell? = Reducer.apply(&s, .urgentLoaded(newest: 35, [Self.comment(35)], after: 34, uptime: 1061)).first else {
            return XCTFail("a minute later (by the machine's clock, which MEJA_NOW does not stop) it rings again")
        }
        XCTAssertEqual(s.alert?.arrivals.map(\.commentID), [33, 34, 35])
        _ = Reducer.apply(&s, .urgentLoaded(newest: 35, [], after: 35, stillNeeded: [35], uptime: 1070))
        XCTAssertEqual(s.alert?.arrivals.map(\.commentID), [35], "what a colleague dealt with meanwhile is no longer named")
        _ = Reducer.apply(&s, .urgentLoaded(newest: 36, [Self.comment(36)], after: 35, uptime: 1080))
        send(&s, .clearMarks)
        XCTAssertNil(s.alert, "Esc at the queue puts them all away")
    }

    func testTheFooterOffersWhatAKeyWouldDoNow() {
        var s = Self.state()
        s.queue.items[0].comment.status = .claimed
        s.queue.items[0].comment.assignee = "sari"
        XCTAssertFalse(Chrome.hints(s, keys: .defaults).map(\.1).contains("claim"), "already yours: claiming again changes nothing")
        XCTAssertFalse(Chrome.hints(s, keys: .defaults).map(\.1).contains("dismiss"))
        send(&s, .toggleMark)
        XCTAssertTrue(Chrome.hints(s, keys: .defaults).map(\.1).contains("claim"), "with marks, c claims the marked ones")
        XCTAssertTrue(Chrome.hints(s, keys: .defaults).map(\.1).contains("unmark all"), "and Esc unmarks them")
        s.alert = Alert(arrivals: [Alert.Arrival(commentID: 9, excerpt: "Banjir")])
        XCTAssertTrue(Chrome.hints(s, keys: .defaults).map(\.1).contains("dismiss"), "with an alert showing, Esc puts it away first")
    }

    func testAnEmptyListOffersNothingToActOn() {
        var s = Self.state()
        XCTAssertTrue(Set(["open", "reply", "claim", "escalate"]).isSubset(of: Chrome.hints(s, keys: .defaults).map(\.1)))
        s.queue.items = []
        let offered = Chrome.hints(s, keys: .defaults).map(\.1)
        XCTAssertTrue(Set(["open", "reply", "claim", "escalate"]).isDisjoint(with: offered), "nothing listed to act on: \(offered)")
        XCTAssertTrue(offered.contains("quit") && offered.contains("help"), "what still works is still offered: \(offered)")
    }

    func testQuittingWithMarksIsAskedOnce() {
        var s = Self.state()
        send(&s, .back)
        XCTAssertFalse(s.running, "without marks q quits at once")
        s = Self.state()
        send(&s, .toggleMark)
        send(&s, .toggleMark)
        send(&s, .back)
        XCTAssertTrue(s.running, "marks would be lost: asked first")
        XCTAssertEqual(s.notice?.text, "2 comments are marked; marks are not kept when Meja closes. Press q again to quit, Esc to unmark.")
        send(&s, .moveDown)
        send(&s, .back)
        XCTAssertTrue(s.running, "another key took the question back: asked again")
        send(&s, .back)
        XCTAssertFalse(s.running, "q twice quits")
    }

    func testANoteIsAskedForAndAnEmptyOneIsAskedAgain() {
        var s = Self.state()
        send(&s, .note)
        XCTAssertEqual(s.prompt?.kind, .note(1))
        XCTAssertTrue(send(&s, .accept).isEmpty, "an empty note is not sent")
        XCTAssertEqual(s.prompt?.kind, .note(1), "and the prompt stays open")
        XCTAssertTrue(s.notice?.text.contains("An empty note is not kept") == true, s.notice?.text ?? "")
        _ = Reducer.apply(&s, .typed("serah terima: tunggu PDAM"))
        XCTAssertTrue(Chrome.promptLabel(s).contains("#1"), "the prompt names the comment the note is for")
        guard case .perform(.note(1, "serah terima: tunggu PDAM"))? = send(&s, .accept).first else { return XCTFail() }
        send(&s, .toggleMark)
        send(&s, .command)
        _ = Reducer.apply(&s, .typed("note cek lagi besok"))
        guard case .perform(.note(2, "cek lagi besok"))? = send(&s, .accept).first else {
            return XCTFail("a note is for the comment under the cursor, marks or not")
        }
    }

    func testMarksOutliveAFilterAndTheStatusChoiceFitsThemAll() {
        var s = Self.state()
        s.queue.items[0].comment.status = .replied
        send(&s, .toggleMark)
        send(&s, .toggleMark)
        let marked = s.queue.items.prefix(2).map(\.comment)
        _ = Reducer.apply(&s, .markedLoaded(marked, then: .statusMarked([1, 2])))
        XCTAssertEqual(s.picker?.options.map(\.value), ["open", "waiting_citizen", "closed", "no_reply_needed", "spam"],
                       "a status any marked comment can take (waiting for the citizen only after an answer)")
        send(&s, .back)
        _ = Reducer.apply(&s, .markedLoaded([marked[1]], then: .statusMarked([1, 2])))
        XCTAssertEqual(s.picker?.options.map(\.value), ["open", "closed", "no_reply_needed", "spam"],
                       "as they stand now: the answered one was closed meanwhile (not loaded), so none can wait for the citizen")
        send(&s, .back)
        XCTAssertEqual(PickerView.title(PickerState(kind: .statusMarked([1]), options: []), s.strings), "Status for the marked comments (1)")

        // An agent is offered only what they may do; when that is nothing, the first refusal says why.
        var agent = Self.state(supervisor: false)
        agent.marked = [1, 2]
        var held = [Self.comment(1, status: .claimed, assignee: "dewi"), Self.comment(2, status: .claimed, assignee: "rina")]
        _ = Reducer.apply(&agent, .markedLoaded(held, then: .statusMarked([1, 2])))
        XCTAssertNil(agent.picker)
        XCTAssertTrue(agent.notice?.text.contains("held by dewi") == true, agent.notice?.text ?? "")
        XCTAssertTrue(agent.notice?.text.hasPrefix("None of the 2 marked comments is yours to change; for one: ") == true, agent.notice?.text ?? "")
        _ = Reducer.apply(&agent, .markedLoaded(held, then: .intentMarked([1, 2])))
        XCTAssertNil(agent.picker, "nor an intent to correct on comments colleagues hold")
        held[1] = Self.comment(2)
        _ = Reducer.apply(&agent, .markedLoaded(held, then: .statusMarked([1, 2])))
        XCTAssertEqual(agent.picker?.options.map(\.value), ["open", "closed", "no_reply_needed", "spam"], "the one they may change decides")
        _ = send(&s, .filterStatus)
        _ = Reducer.apply(&s, .queueLoaded([Self.item(9)], at: Self.now, token: s.queue.token))
        XCTAssertEqual(s.marked, [1, 2], "a filter hides marked comments without unmarking them")
        XCTAssertTrue(QueueView.status(s).first?.0.contains("2 marked") == true)
        _ = Reducer.apply(&s, .queueLoaded([], at: Self.now, token: s.queue.token))
        guard case .performAll([.claim(1), .claim(2)])? = send(&s, .claim).first else {
            return XCTFail("marks hidden by a filter that lists nothing are still acted on")
        }
        guard case .loadMarked([1, 2], then: .statusMarked([1, 2]))? = send(&s, .setStatus).first else {
            return XCTFail("marked comments not on the rows are read to offer their statuses")
        }
    }

    func testPickerBackCloses() {
        var s = Self.state()
        send(&s, .setStatus)
        send(&s, .back)
        XCTAssertNil(s.picker)
        XCTAssertEqual(s.screen, .queue)
    }

    func testTheListsHelpExplainsTheirSigns() {
        var s = Self.state()
        send(&s, .help)
        let queueHelp = HelpOverlay.lines(s, keys: s.keys).lines.map(\.text).joined(separator: " ")
        XCTAssertTrue(queueHelp.contains("!! breached (how late), ! at risk"), queueHelp)
        XCTAssertTrue(queueHelp.contains("⇣ passed over"), queueHelp)
        send(&s, .back)
        send(&s, .reply)
        XCTAssertEqual(s.screen, .composer)
        send(&s, .help)
        XCTAssertNotNil(s.help)
        XCTAssertFalse(HelpOverlay.lines(s, keys: s.keys).lines.map(\.text).joined().contains("passed over"), "the composer has no such list")
    }

    func testHelpInAPickerExplainsThePickerAndGoesBackToIt() {
        var s = Self.state()
        send(&s, .setStatus)
        send(&s, .help)
        XCTAssertEqual(s.help, 0)
        XCTAssertEqual(s.keyContext, .help)
        XCTAssertEqual(HelpOverlay.rows(s, keys: s.keys).map(\.text), ["Move to the next line.", "Move to the previous line.",
            "Move one page down.", "Move one page up.", "Go to the first line.", "Go to the last line.",
            "Back: close this screen or list (from the review, the reply too, its draft kept); at the queue, quit Meja.",
            "Show the keys that work on this screen.",
            "Accept the entry or choice."])
        // Its title names the key that closes it, as keys.toml binds it.
        XCTAssertTrue(DeskView.render(s, keys: s.keys).text.contains("Keys — Status for #1 (q closes)"))
        let (rebound, issues) = KeyBindingsFile.parse("[help]\nback = \"z\"\n", path: "keys.toml")
        XCTAssertEqual(issues, [])
        XCTAssertTrue(DeskView.render(s, keys: rebound).text.contains("Keys — Status for #1 (z closes)"))
        send(&s, .back)
        XCTAssertNil(s.help)
        XCTAssertNotNil(s.picker, "closing the help leaves the choice open")
        XCTAssertEqual(s.keyContext, .picker)
    }

    func testAgentsAreToldWhatIsForSupervisors() {
        var s = Self.state(supervisor: false)
        XCTAssertTrue(Reducer.apply(&s, .denied(.overdueBoard)).isEmpty)
        XCTAssertEqual(s.notice, Notice(.error, "Only supervisors can do that (overdue)."), "named, not just \"that\"")
        send(&s, .command)
        _ = Reducer.apply(&s, .typed("overdue"))
        send(&s, .accept)
        XCTAssertEqual(s.screen, .queue)
        XCTAssertEqual(s.notice?.kind, .error)
    }

    func testResultsOfActionsShowAndReload() {
        var s = Self.state()
        let effects = Reducer.apply(&s, .done(Notice(.info, "You claimed #1.")))
        XCTAssertEqual(s.notice?.text, "You claimed #1.")
        XCTAssertNotNil(isLoadQueue(effects))
        _ = Reducer.apply(&s, .failed(Localized("Komentar 1 sudah diambil oleh budi.", "Comment 1 is already claimed by budi.")))
        XCTAssertEqual(s.notice?.kind, .error)
        XCTAssertEqual(s.notice?.text, "Comment 1 is already claimed by budi.", "in the desk's language")
        send(&s, .moveDown)
        XCTAssertNil(s.notice, "the next key clears the message")
    }

    // MARK: Screens

    func testBoardsLogAndReportsOpen() {
        var s = Self.state()
        guard case .loadOverdue? = send(&s, .overdueBoard).first else { return XCTFail() }
        XCTAssertEqual(s.screen, .overdue)
        send(&s, .back)
        guard case .loadPassedOver? = send(&s, .passedOver).first else { return XCTFail() }
        XCTAssertEqual(s.screen, .passedOver)
        send(&s, .back)
        guard case .loadLog(verify: false)? = send(&s, .logView).first else { return XCTFail() }
        XCTAssertEqual(s.screen, .log)
        guard case .loadLog(verify: true)? = send(&s, .verifyLog).first else { return XCTFail() }
        send(&s, .back)
        guard case .loadReport? = send(&s, .reports).first else { return XCTFail() }
        XCTAssertEqual(s.screen, .reports)
    }

    // MARK: Reports

    static let jakarta = TimeZone(identifier: "Asia/Jakarta")!

    /// The report of `period` as the core would hand it over, with `comments` comments.
    static func report(_ period: ReportPeriod, comments: Int = 0) -> Report {
        var r = Report(agency: "Dinas", zone: jakarta, period: period, asOf: period.asOf(now: now), generatedAt: now)
        r.comments = comments
        r.staff = [Report.StaffFigures(name: "budi", displayName: "Budi Santoso")]
        return r
    }

    /// The period and token of a report request among `effects`.
    private func reportRequest(_ effects: [Effect], file: StaticString = #filePath, line: UInt = #line) -> (ReportPeriod, Int)? {
        for e in effects { if case .loadReport(let period, let token) = e { return (period, token) } }
        XCTFail("expected a report request in \(effects)", file: file, line: line)
        return nil
    }

    private func screenText(_ s: AppState) -> String { ReportsView.document(s).lines.map { $0.pieces.map(\.text).joined() }.joined(separator: "\n") }

    func testReportsOpenOnTheFourWeeksEndingTodayAndShowThemWhenComputed() throws {
        var s = Self.state()
        let (period, token) = try XCTUnwrap(reportRequest(send(&s, .reports)))
        XCTAssertEqual(period, ReportPeriod.lastFourWeeks(endingAt: Self.now, zone: Self.jakarta))
        XCTAssertEqual(Strings(.en).period(period, zone: Self.jakarta), "4 Nov – 1 Dec 2026")
        XCTAssertTrue(s.reports.isComputing)
        XCTAssertTrue(screenText(s).contains("Computing the report for 4 Nov – 1 Dec 2026…"), screenText(s))
        var grid = CellGrid(size: s.size)
        XCTAssertEqual(ReportsView.draw(s, on: &grid).first?.0, "period 4 Nov – 1 Dec 2026")
        _ = Reducer.apply(&s, .reportLoaded(Self.report(period, comments: 13), token: token))
        XCTAssertFalse(s.reports.isComputing)
        XCTAssertEqual(s.reports.report?.comments, 13)
        XCTAssertTrue(screenText(s).contains("Comments received"), screenText(s))
        XCTAssertFalse(screenText(s).contains("Computing"))
    }

    func testPeriodsMoveByWeeksNeverPastTodayAndComputedOnesAreKept() throws {
        var s = Self.state()
        let (current, t0) = try XCTUnwrap(reportRequest(send(&s, .reports)))
        _ = Reducer.apply(&s, .reportLoaded(Self.report(current, comments: 13), token: t0))
        XCTAssertTrue(send(&s, .nextPeriod).isEmpty, "nothing later than the four weeks ending today")
        XCTAssertEqual(s.notice?.text, "This is the latest period: it ends today.")
        XCTAssertEqual(s.reports.period, current)

        let (earlier, t1) = try XCTUnwrap(reportRequest(send(&s, .previousPeriod)))
        XCTAssertEqual(earlier, current.moved(days: -7, zone: Self.jakarta))
        XCTAssertEqual(Strings(.en).period(earlier, zone: Self.jakarta), "28 Oct – 24 Nov 2026")
        XCTAssertEqual(s.reports.periodOffset, 1)
        XCTAssertNil(s.reports.report, "the figures of another period are never shown under this one")
        let (earliest, t2) = try XCTUnwrap(reportRequest(send(&s, .previousPeriod)))
        XCTAssertEqual(s.reports.periodOffset, 2)
        XCTAssertGreaterThan(t2, t1)
        // The older request's result is kept for its period but does not end the wait for the newer one.
        _ = Reducer.apply(&s, .reportLoaded(Self.report(earlier, comments: 6), token: t1))
        XCTAssertTrue(s.reports.isComputing)
        _ = Reducer.apply(&s, .reportLoaded(Self.report(earliest, comments: 4), token: t2))
        XCTAssertEqual(s.reports.report?.comments, 4)
        // Back and forth: nothing is computed again.
        XCTAssertTrue(send(&s, .nextPeriod).isEmpty)
        XCTAssertEqual(s.reports.report?.comments, 6)
        XCTAssertTrue(send(&s, .nextPeriod).isEmpty)
        XCTAssertEqual(s.reports.report?.comments, 13)
        XCTAssertEqual(s.reports.periodOffset, 0)
        var grid = CellGrid(size: s.size)
        XCTAssertEqual(ReportsView.draw(s, on: &grid).map(\.0).prefix(2), ["period 4 Nov – 1 Dec 2026", "  four weeks to today"])
    }

    func testRefreshAndReopeningComputeAgainAndDropLateResults() throws {
        var s = Self.state()
        let (period, t0) = try XCTUnwrap(reportRequest(send(&s, .reports)))
        _ = Reducer.apply(&s, .reportLoaded(Self.report(period, comments: 13), token: t0))
        let (again, t1) = try XCTUnwrap(reportRequest(send(&s, .refresh)))
        XCTAssertEqual(again, period)
        XCTAssertNil(s.reports.report, "refresh forgets what was computed")
        _ = Reducer.apply(&s, .reportLoaded(Self.report(period, comments: 13), token: t0))
        XCTAssertNil(s.reports.report, "a result asked for before the refresh is dropped")
        _ = Reducer.apply(&s, .reportLoaded(Self.report(period, comments: 14), token: t1))
        XCTAssertEqual(s.reports.report?.comments, 14)

        send(&s, .previousPeriod)
        send(&s, .back)
        XCTAssertEqual(s.screen, .queue)
        let (reopened, t3) = try XCTUnwrap(reportRequest(send(&s, .reports)))
        XCTAssertEqual(reopened, period, "reopening starts from the four weeks ending today")
        XCTAssertEqual(s.reports.periodOffset, 0)
        _ = Reducer.apply(&s, .reportLoaded(Self.report(period.moved(days: -7, zone: Self.jakarta), comments: 6), token: t3 - 1))
        XCTAssertTrue(s.reports.reports.isEmpty, "a result from before the screen was reopened is dropped")
        _ = Reducer.apply(&s, .reportLoaded(nil, token: t3))
        XCTAssertFalse(s.reports.isComputing)
        XCTAssertTrue(screenText(s).contains("could not be computed"), screenText(s))
    }

    func testReportScrollsAndShowsThePublicView() throws {
        var s = Self.state()
        let (period, t0) = try XCTUnwrap(reportRequest(send(&s, .reports)))
        _ = Reducer.apply(&s, .reportLoaded(Self.report(period), token: t0))
        let total = ReportsView.lineCount(s), visible = Layout.body(s.size).height
        XCTAssertGreaterThan(total, visible, "a report is longer than a screen at 80×24")
        send(&s, .moveDown)
        send(&s, .moveDown)
        send(&s, .moveUp)
        XCTAssertEqual(s.reports.scroll, 1)
        send(&s, .pageDown)
        XCTAssertEqual(s.reports.scroll, min(1 + visible, total - visible))
        send(&s, .bottom)
        XCTAssertEqual(s.reports.scroll, total - visible)
        send(&s, .pageUp)
        XCTAssertEqual(s.reports.scroll, max(0, total - 2 * visible))
        send(&s, .top)
        XCTAssertEqual(s.reports.scroll, 0)

        XCTAssertTrue(screenText(s).contains("budi"), "supervisors see the staff table")
        send(&s, .publicView)
        XCTAssertEqual(s.reports.audience, .public)
        XCTAssertTrue(screenText(s).contains("Laporan transparansi layanan media sosial"), screenText(s))
        XCTAssertFalse(screenText(s).contains("budi"), "the public view names no staff")
        var grid = CellGrid(size: s.size)
        XCTAssertTrue(ReportsView.draw(s, on: &grid).contains { $0.0 == "  public view" })
        send(&s, .bottom)
        XCTAssertEqual(s.reports.scroll, ReportsView.lineCount(s) - visible)
        send(&s, .publicView)
        XCTAssertEqual(s.reports.audience, .supervisors)
        XCTAssertLessThanOrEqual(s.reports.scroll, ReportsView.lineCount(s) - visible)
    }

    func testAgentsCannotReachTheReports() {
        let s = Self.state(supervisor: false)
        guard case .denied(.reports)? = InputRouter.event(for: .char("R"), in: s, keys: .defaults) else { return XCTFail() }
        var t = s
        send(&t, .command)
        _ = Reducer.apply(&t, .typed("reports"))
        XCTAssertTrue(send(&t, .accept).isEmpty)
        XCTAssertEqual(t.screen, .queue)
        XCTAssertEqual(t.notice?.text, "Only supervisors can do that (reports).")
    }

    func testOverdueBoardGroupsAndSkipsHeadings() {
        var s = Self.state()
        send(&s, .overdueBoard)
        _ = Reducer.apply(&s, .overdueLoaded([Self.item(1, assignee: "budi"), Self.item(2), Self.item(3, assignee: "budi")]))
        let lines = OverdueBoardView.lines(s.overdue)
        XCTAssertEqual(lines.map(\.item), [nil, 1, nil, 0, 2], "unassigned first, then budi's")
        XCTAssertEqual(s.overdue.cursor.selected, 1, "the first item is selected, not a heading")
        send(&s, .moveDown)
        XCTAssertEqual(s.overdue.cursor.selected, 3, "moving skips the budi heading")
        send(&s, .moveUp)
        XCTAssertEqual(s.overdue.cursor.selected, 1)
        send(&s, .moveUp)
        XCTAssertEqual(s.overdue.cursor.selected, 1, "the heading above cannot be selected")
        send(&s, .bottom)
        XCTAssertEqual(s.overdue.cursor.selected, 4)
        send(&s, .top)
        XCTAssertEqual(s.overdue.cursor.selected, 1, "g goes to the first item, below the first heading")
        send(&s, .escalate)
        let escalation = send(&s, .accept)
        guard case .perform(.escalate(2, _))? = escalation.first else { return XCTFail("\(escalation)") }
        send(&s, .toggleGrouping)
        XCTAssertEqual(s.overdue.grouping, .channel)
        XCTAssertEqual(OverdueBoardView.lines(s.overdue).count, 4, "one channel heading and three items")
    }

    func testOnTheOverdueBoardAStaffMembersBreachesAreMarkedAndReassignedAtOnce() {
        var s = Self.state()
        send(&s, .overdueBoard)
        _ = Reducer.apply(&s, .overdueLoaded([Self.item(1, assignee: "budi"), Self.item(2), Self.item(3, assignee: "budi"), Self.item(4)]))
        send(&s, .bottom)
        send(&s, .markAll)
        XCTAssertEqual(Set(s.marked), [1, 3], "the whole group of the selected comment: budi's")
        XCTAssertEqual(s.notice?.text, "Every comment listed is marked: 2.")
        guard case .loadStaff(then: .assignMarked([1, 3]))? = send(&s, .assign).first else {
            return XCTFail("a on the board assigns every marked comment")
        }
        _ = Reducer.apply(&s, .staffLoaded([StaffMember(name: "dewi", role: .agent)], workloads: [:], then: .assignMarked([1, 3])))
        guard case .performAll([.assign(1, to: "dewi"), .assign(3, to: "dewi")])? = send(&s, .accept).first else { return XCTFail() }
        send(&s, .top)
        send(&s, .toggleMark)
        XCTAssertEqual(Set(s.marked), [1, 3, 2], "space marks the comment under the cursor")
        XCTAssertEqual(OverdueBoardView.lines(s.overdue)[s.overdue.cursor.selected].item, 3, "and moves to the next comment, past no heading")
        var grid = CellGrid(size: s.size)
        XCTAssertTrue(OverdueBoardView.draw(s, on: &grid).first?.0.contains("3 marked") == true)
        let screen = DeskView.render(s, keys: .defaults).text
        XCTAssertEqual(screen.components(separatedBy: "● ").count - 1, 4, "three rows and the status line:\n\(screen)")
        send(&s, .back)
        XCTAssertEqual(Set(s.marked), [1, 2, 3], "the marks are the queue's too")
    }

    func testOverdueBoardNamesAnsweredCommentsTheQueueDoesNotCount() {
        var s = Self.state()
        send(&s, .overdueBoard)
        var replied = Self.comment(5, status: .replied)
        replied.sla.respondedAt = Self.now.addingTimeInterval(-600)
        let setAside = Self.comment(6, status: .waitingCitizen)
        _ = Reducer.apply(&s, .overdueLoaded([Self.comment(1), replied, setAside].map {
            QueueItem(comment: $0, clock: $0.sla.mostUrgent(at: Self.now), passedOver: false)
        }))
        var grid = CellGrid(width: 80, height: 24)
        let status = OverdueBoardView.draw(s, on: &grid).map(\.0).joined()
        XCTAssertTrue(status.contains("1 answered, not yet resolved"), status)
        XCTAssertTrue(status.contains("1 set aside unanswered"), "waiting for the citizen without any answer is not 'answered': \(status)")
        _ = Reducer.apply(&s, .overdueLoaded([Self.item(1)]))
        XCTAssertFalse(OverdueBoardView.draw(s, on: &grid).map(\.0).joined().contains("answered"))
    }

    func testAClockMetLateSaysLateWhereTheStateGoesInTheBreachsStyle() {
        var s = Self.state()
        var sla = SLARecord(responseClock: .firstResponse)
        sla.responseDueAt = Self.now.addingTimeInterval(-7200)
        sla.respondedAt = Self.now.addingTimeInterval(-600)
        let clock = sla.clocks(at: Self.now)[0]
        XCTAssertTrue(clock.late)
        let line = ThreadView.clockLine(clock, state: s).pieces
        XCTAssertEqual(line[0].object, .badgeBreached)
        XCTAssertEqual(line[2].text.trimmingCharacters(in: .whitespaces), "late", "not a green 'met' with the qualifier at the end, where 80 columns cut it")
        s.language = .id
        XCTAssertEqual(ThreadView.clockLine(clock, state: s).pieces[2].text.trimmingCharacters(in: .whitespaces), "terlambat")
    }

    func testAClockWithdrawnUnansweredSaysStoppedOrLateNotNone() {
        var s = Self.state()
        var sla = SLARecord(responseClock: .firstResponse)
        sla.responseDueAt = Self.now.addingTimeInterval(-7200)
        sla.responseStoppedAt = Self.now.addingTimeInterval(-600)
        let late = sla.clocks(at: Self.now)[0]
        XCTAssertEqual(late.state, .none)
        XCTAssertEqual(late.stoppedAt, sla.responseStoppedAt)
        var line = ThreadView.clockLine(late, state: s).pieces
        XCTAssertEqual(line[0].object, .badgeBreached, "closed after it had breached: late, as reports count it")
        XCTAssertEqual(line[2].text.trimmingCharacters(in: .whitespaces), "late")
        XCTAssertTrue(line[3].text.contains("stopped"), line[3].text)
        sla.responseStoppedAt = Self.now.addingTimeInterval(-9000)
        let inTime = sla.clocks(at: Self.now)[0]
        XCTAssertFalse(inTime.late)
        line = ThreadView.clockLine(inTime, state: s).pieces
        XCTAssertEqual(line[2].text.trimmingCharacters(in: .whitespaces), "stopped", "withdrawn before its due time")
        XCTAssertNotEqual(line[0].object, .badgeBreached)
        s.language = .id
        XCTAssertEqual(ThreadView.clockLine(inTime, state: s).pieces[2].text.trimmingCharacters(in: .whitespaces), "dihentikan")
    }

    func testABoardLongerThanTheDeskLoadsCountsAllAndSaysOnlyTheOldestAreShown() {
        var s = Self.state()
        send(&s, .overdueBoard)
        var counts = OverdueCounts(breached: 199_525, atRisk: 124)
        counts.byStaff = [nil: 199_649]
        counts.answeredAside = 30_000
        counts.unansweredAside = 12
        _ = Reducer.apply(&s, .overdueLoaded([Self.item(1), Self.item(2)], counts: counts))
        var grid = CellGrid(width: 160, height: 24)
        let status = OverdueBoardView.draw(s, on: &grid).map(\.0).joined()
        XCTAssertTrue(status.contains("199525 breached"), status)
        XCTAssertTrue(status.contains("124 at risk"), status)
        XCTAssertTrue(status.contains("oldest 2 shown"), status)
        XCTAssertTrue(status.contains("30000 answered, not yet resolved"), "counted over all of them, not the two loaded: \(status)")
        XCTAssertTrue(grid.text.contains("(2 shown of 199649)"), "a group says what it shows of all it holds: \(grid.text)")
        // All of them loaded: the counts are the items', and nothing is said about the oldest.
        _ = Reducer.apply(&s, .overdueLoaded([Self.item(1)], counts: OverdueCounts(breached: 1, atRisk: 0)))
        var whole = CellGrid(width: 100, height: 24)
        XCTAssertFalse(OverdueBoardView.draw(s, on: &whole).map(\.0).joined().contains("oldest"))
        XCTAssertTrue(whole.text.contains("(1)") && !whole.text.contains("shown)"), whole.text)
    }

    func testSensitiveTopicTagsReadInTheDesksLanguage() {
        for (language, expected) in [(Language.id, "#bencana #anak #w"), (.en, "#disaster #child ")] {
            var s = AppState(size: Size(width: 160, height: 24), now: Self.now, language: language, actor: "sari", isSupervisor: true)
            var c = Self.comment(1, "Banjir, anak hilang")
            c.tags = ["disaster", "child_safety", "warga_rt"]
            _ = Reducer.apply(&s, .queueLoaded([QueueItem(comment: c, clock: c.sla.mostUrgent(at: Self.now), passedOver: false)], at: Self.now, token: 0))
            let text = DeskView.render(s, keys: .defaults).text
            XCTAssertTrue(text.contains(expected), "\(language): a topic by its name in the language:\n\(text)")
        }
    }

    func testAClockMetLateReadsToItsEndAtEightyColumns() {
        let s = AppState(size: Size(width: 80, height: 24), now: Self.now, language: .id, actor: "sari", isSupervisor: true)
        var sla = SLARecord(policy: "default", policyVersion: 1, responseClock: .firstResponse)
        sla.responseDueAt = Self.now.addingTimeInterval(-6 * 86_400)
        sla.responseAtRiskAt = Self.now.addingTimeInterval(-7 * 86_400)
        sla.respondedAt = Self.now.addingTimeInterval(-600)
        let clock = sla.clocks(at: Self.now)[0]
        XCTAssertTrue(clock.state == .met && clock.late)
        let line = ThreadView.clockLine(clock, state: s).pieces.map(\.text).joined()
        XCTAssertLessThan(DisplayWidth.of(line), 80, line)
        XCTAssertTrue(line.contains("terlambat") && line.contains("terpenuhi"), line)
        let wide = AppState(size: Size(width: 120, height: 24), now: Self.now, language: .id, actor: "sari", isSupervisor: true)
        XCTAssertTrue(ThreadView.clockLine(clock, state: wide).pieces.map(\.text).joined().contains("  terpenuhi"), "two spaces where there is room")
    }

    func testAStatusLineTooLongForTheScreenEndsInAnEllipsis() {
        let s = AppState(size: Size(width: 40, height: 24), now: Self.now, language: .id, actor: "sari", isSupervisor: true)
        var grid = CellGrid(width: 40, height: 24)
        Chrome.drawStatus(s, status: [("per petugas │ ", .muted), ("!! 175 lewat batas · 81 dibalas, belum selesai", .muted)], on: &grid)
        let line = grid.text.components(separatedBy: "\n")[22].trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(line.hasSuffix("…"), line)
        XCTAssertTrue(line.hasPrefix("per petugas │ !! 175"), line)
    }

    // MARK: Composer and review

    private func composing(supervisor: Bool = true) -> AppState {
        var s = Self.state(supervisor: supervisor)
        let effects = send(&s, .reply)
        XCTAssertEqual(s.screen, .composer)
        XCTAssertTrue(effects.contains { if case .loadDraft(1) = $0 { true } else { false } })
        XCTAssertTrue(effects.contains { if case .loadSuggestions(1) = $0 { true } else { false } })
        _ = Reducer.apply(&s, .suggestionsLoaded(commentID: 1, [
            Suggestion(templateID: "a", templateVersion: 1, score: 0.9, humor: .none, lang: .indonesian, purpose: "acknowledge",
                       title: "A", text: "Terima kasih.", explanations: []),
            Suggestion(templateID: "b", templateVersion: 3, score: 0.5, humor: .warm, lang: .indonesian, purpose: "acknowledge",
                       title: "B", text: "Siap!", explanations: []),
        ]))
        return s
    }

    func testALongTemplateTitleEndsInAnEllipsisAndKeepsItsHumourBadge() {
        for width in [80, 120] {
            var s = Self.state(size: Size(width: width, height: 24))
            send(&s, .reply)
            let title = "Keluhan prasarana: jalan, lampu, saluran air, sampah, taman kota dan trotoar di seluruh kecamatan"
            _ = Reducer.apply(&s, .suggestionsLoaded(commentID: 1, [
                Suggestion(templateID: "a", templateVersion: 1, score: 0.9, humor: .warm, lang: .indonesian, purpose: "acknowledge",
                           title: title, text: "Terima kasih.", explanations: []),
            ]))
            let screen = DeskView.render(s, keys: .defaults).text
            let line = screen.split(separator: "\n").first { $0.contains("1 Keluhan prasarana") }
            XCTAssertNotNil(line, "width \(width)")
            XCTAssertTrue(line?.contains("…") == true, "a cut title says so (width \(width)): \(line ?? "")")
            XCTAssertFalse(screen.contains(title), "width \(width)")
            let badge = humorBadgeText(s)
            XCTAssertTrue(line?.contains(badge) == true, "the humour badge '\(badge)' still shows (width \(width)): \(line ?? "")")
        }
    }

    private func humorBadgeText(_ s: AppState) -> String { ComposerView.humorBadge(1, s.strings) }

    func testSuggestionsCycleAndInsert() {
        var s = composing()
        send(&s, .nextSuggestion)
        XCTAssertEqual(s.composer?.selectedSuggestion, 1)
        send(&s, .nextSuggestion)
        XCTAssertEqual(s.composer?.selectedSuggestion, 0, "wraps around")
        send(&s, .previousSuggestion)
        XCTAssertEqual(s.composer?.selectedSuggestion, 1)
        send(&s, .insertSuggestion)
        XCTAssertEqual(s.composer?.editor.text, "Siap!")
        XCTAssertEqual(s.composer?.templateID, "b")
        XCTAssertEqual(s.composer?.templateVersion, 3)
        XCTAssertEqual(s.composer?.humor, 1)
        XCTAssertTrue(s.composer!.unsaved)
    }

    func testCtrlNClearsTheNextVariableForItsValue() {
        var s = composing()
        _ = Reducer.apply(&s, .suggestionsLoaded(commentID: 1, [
            Suggestion(templateID: "a", templateVersion: 1, score: 0.9, humor: .none, lang: .indonesian, purpose: "answer_link",
                       title: "A", text: "Cek di {link} ya", explanations: []),
        ]))
        send(&s, .insertSuggestion)
        XCTAssertEqual(s.notice?.text, "Fill in {link} first: Ctrl-N jumps there.", "said when the template is inserted")
        send(&s, .editHome)
        send(&s, .nextVariable)
        XCTAssertEqual(s.composer?.editor.text, "Cek di  ya")
        XCTAssertEqual(s.notice?.text, "Type the value of {link} here (Ctrl-U puts it back).")
        _ = Reducer.apply(&s, .typed("https://kominfo.go.id"))
        XCTAssertEqual(s.composer?.editor.text, "Cek di https://kominfo.go.id ya")
        send(&s, .nextVariable)
        XCTAssertEqual(s.notice?.text, "No {variable} is left in the draft.")
        XCTAssertEqual(KeyMap.defaults.keys(for: .nextVariable, in: .composer).map(\.name), ["ctrl-n"])
        // Taken out and left empty, a variable goes back before the review: no gap is sent.
        send(&s, .clearDraft)
        _ = Reducer.apply(&s, .typed("Cek di {link} ya"))
        send(&s, .editHome)
        send(&s, .nextVariable)
        let effects = send(&s, .openReview)
        guard case .review(_, let request)? = effects.first(where: { if case .review = $0 { true } else { false } }) else { return XCTFail() }
        XCTAssertEqual(request.text, "Cek di {link} ya")
    }

    func testAnAgentIsToldAtOnceThatSomeoneElsesCommentIsNotTheirsToAnswer() {
        var s = Self.state(items: 0, supervisor: false)
        _ = Reducer.apply(&s, .queueLoaded([Self.item(1, assignee: "root"), Self.item(2, assignee: "sari"), Self.item(3)], at: Self.now, token: s.queue.token))
        XCTAssertTrue(send(&s, .reply).isEmpty)
        XCTAssertNil(s.composer, "no reply is written that cannot be sent")
        XCTAssertEqual(s.notice?.kind, .error)
        XCTAssertTrue(s.notice?.text.contains("Comment 1 is held by root") == true, s.notice?.text ?? "")
        send(&s, .moveDown)
        send(&s, .reply)
        XCTAssertEqual(s.composer?.commentID, 2, "her own")

        var escalated = Self.state(items: 0, supervisor: false)
        let c = Self.comment(4, status: .escalated)
        _ = Reducer.apply(&escalated, .queueLoaded([QueueItem(comment: c, clock: nil, passedOver: false)], at: Self.now, token: escalated.queue.token))
        send(&escalated, .reply)
        XCTAssertNil(escalated.composer)
        XCTAssertTrue(escalated.notice?.text.contains("escalated to supervisors") == true, escalated.notice?.text ?? "")
        send(&escalated, .setStatus)
        XCTAssertNil(escalated.picker, "no statuses are offered that the core would refuse")
        XCTAssertTrue(escalated.notice?.text.contains("only a supervisor can change its status") == true, escalated.notice?.text ?? "")
        send(&escalated, .setIntent)
        XCTAssertNil(escalated.picker, "no intents are offered that the core would refuse")
        XCTAssertTrue(escalated.notice?.text.contains("can correct its intent") == true, escalated.notice?.text ?? "")
    }

    func testTheSelectedSuggestionShowsItsWholeTextWhereThereIsRoom() {
        var s = composing()
        _ = Reducer.apply(&s, .resized(Size(width: 160, height: 50)))
        let long = (1...12).map { "Kalimat nomor \($0) dari templat ini." }.joined(separator: " ")
        _ = Reducer.apply(&s, .suggestionsLoaded(commentID: 1, [
            Suggestion(templateID: "long", templateVersion: 1, score: 0.9, humor: .none, lang: .indonesian, purpose: "acknowledge",
                       title: "Panjang", text: long, explanations: []),
            Suggestion(templateID: "b", templateVersion: 3, score: 0.5, humor: .warm, lang: .indonesian, purpose: "acknowledge",
                       title: "B", text: long.replacingOccurrences(of: "Kalimat", with: "Baris"), explanations: []),
        ]))
        let text = DeskView.render(s, keys: .defaults).text
        XCTAssertTrue(text.contains("nomor 12 dari"), "the selected template can be read to its end before Ctrl-T:\n\(text)")
        XCTAssertFalse(text.contains("Baris nomor 12"), "the others keep three lines")
    }

    func testAtEightyColumnsTheSelectedSuggestionIsReadBelowTheList() {
        var s = composing()
        _ = Reducer.apply(&s, .resized(Size(width: 80, height: 24)))
        let long = "Terima kasih atas laporannya, Kak. Laporan sudah kami teruskan ke Dinas Pekerjaan Umum dan akan kami kabari lagi paling lambat Senin."
        _ = Reducer.apply(&s, .suggestionsLoaded(commentID: 1, [
            Suggestion(templateID: "a", templateVersion: 1, score: 0.9, humor: .none, lang: .indonesian, purpose: "acknowledge",
                       title: "Diteruskan", text: long, explanations: [Localized(both: "complaint: thanks and follow-up")]),
        ] + (2...5).map {
            Suggestion(templateID: "t\($0)", templateVersion: 1, score: 0.5, humor: .warm, lang: .indonesian, purpose: "p\($0)",
                       title: "T\($0)", text: "Siap!", explanations: [])
        }))
        let text = DeskView.render(s, keys: .defaults).text
        XCTAssertTrue(text.contains("5 T5"), "all five listed:\n\(text)")
        XCTAssertTrue(text.contains("paling lambat Senin."), "the whole text, not only its first line's worth:\n\(text)")
        XCTAssertTrue(text.contains("complaint: thanks and follow-up"), "and why it is suggested:\n\(text)")
    }

    func testASecondTemplateReplacesAnUntouchedFirstAndCtrlKClears() {
        var s = composing()
        send(&s, .insertSuggestion)
        XCTAssertEqual(s.composer?.editor.text, "Terima kasih.")
        send(&s, .nextSuggestion)
        send(&s, .insertSuggestion)
        XCTAssertEqual(s.composer?.editor.text, "Siap!", "the first, left as it was, gives way")
        XCTAssertEqual(s.composer?.templateID, "b")
        send(&s, .editUndo)
        XCTAssertEqual(s.composer?.editor.text, "Terima kasih.")
        XCTAssertEqual(s.composer?.templateID, "a", "undo brings back the template the text came from")
        XCTAssertEqual(s.composer?.templateVersion, 1)
        XCTAssertEqual(s.composer?.humor, 0)
        send(&s, .insertSuggestion)
        XCTAssertEqual(s.composer?.templateID, "b")
        _ = Reducer.apply(&s, .typed(" Kami cek."))
        send(&s, .previousSuggestion)
        send(&s, .insertSuggestion)
        XCTAssertEqual(s.composer?.editor.text, "Siap! Kami cek. Terima kasih.", "edited, the draft is added to")
        XCTAssertEqual(s.composer?.templateID, "b", "and stays the template it was made from")
        XCTAssertEqual(s.composer?.humor, 1, "with the warmer tone of the two")
        send(&s, .clearDraft)
        XCTAssertEqual(s.composer?.editor.text, "")
        XCTAssertNil(s.composer?.templateID)
        XCTAssertEqual(s.notice?.text, "Draft cleared; Ctrl-U brings it back (before you leave).")
        send(&s, .editUndo)
        XCTAssertEqual(s.composer?.editor.text, "Siap! Kami cek. Terima kasih.")
        XCTAssertEqual(s.composer?.templateID, "b", "and what it came from, for the log")
        send(&s, .clearDraft)
        XCTAssertEqual(send(&s, .leaveComposer).count, 1, "the emptied draft is saved empty, which removes it")
        XCTAssertEqual(s.notice?.text, "The emptied draft is discarded.", "and says so")
        XCTAssertFalse(s.queue.items.first { $0.comment.id == 1 }?.hasDraft ?? true)
    }

    func testTheQueueMarksACommentWithADraft() {
        var s = composing()
        _ = Reducer.apply(&s, .typed("Halo Kak"))
        send(&s, .leaveComposer)
        XCTAssertEqual(s.queue.items.first { $0.comment.id == 1 }?.hasDraft, true)
        XCTAssertTrue(DeskView.render(s, keys: .defaults).text.contains("✐ Halo"), DeskView.render(s, keys: .defaults).text)
    }

    func testUndoingTheInsertedTemplateForgetsIt() {
        var s = composing()
        send(&s, .insertSuggestion)
        XCTAssertEqual(s.composer?.templateID, "a")
        send(&s, .editUndo)
        XCTAssertEqual(s.composer?.editor.text, "")
        _ = Reducer.apply(&s, .typed("Halo Kak, kami cek dulu ya."))
        send(&s, .openReview)
        XCTAssertEqual(s.review?.request.text, "Halo Kak, kami cek dulu ya.")
        XCTAssertNil(s.review?.request.templateID, "the person's own words are not logged as template a")
        XCTAssertNil(s.review?.request.humor)
    }

    func testEditingKeys() {
        var s = composing()
        _ = Reducer.apply(&s, .typed("Halo"))
        send(&s, .editNewline)
        _ = Reducer.apply(&s, .typed("warga 👋"))
        send(&s, .editLeft)
        send(&s, .editBackspace)
        XCTAssertEqual(s.composer?.editor.text, "Halo\nwarga👋")
        send(&s, .editUp)
        XCTAssertEqual(s.composer?.editor.cursor, 4)
        send(&s, .editDown)
        send(&s, .editHome)
        send(&s, .editDelete)
        XCTAssertEqual(s.composer?.editor.text, "Halo\narga👋")
        send(&s, .editEnd)
        send(&s, .editRight)
        XCTAssertEqual(s.composer?.editor.cursor, s.composer?.editor.count)
        send(&s, .editUndo)
        XCTAssertEqual(s.composer?.editor.text, "Halo\nwarga👋")
    }

    func testExternalEditorRoundTrip() {
        var s = composing()
        _ = Reducer.apply(&s, .typed("draf"))
        guard case .openEditor("draf")? = send(&s, .externalEditor).first else { return XCTFail() }
        _ = Reducer.apply(&s, .editorFinished("draf dari vim\r\n\twith tab\n\n"))
        XCTAssertEqual(s.composer?.editor.text, "draf dari vim\n    with tab")
        _ = Reducer.apply(&s, .editorFinished(nil))
        XCTAssertEqual(s.composer?.editor.text, "draf dari vim\n    with tab", "a failed editor changes nothing")
    }

    func testDraftIsSavedOnTickAndWhenLeaving() {
        var s = composing()
        _ = Reducer.apply(&s, .typed("Halo"))
        let tick = Reducer.apply(&s, .tick(Self.now.addingTimeInterval(1)))
        guard case .saveDraft(1, "Halo", nil, _)? = tick.first else { return XCTFail("\(tick)") }
        _ = Reducer.apply(&s, .draftSaved(commentID: 1))
        XCTAssertFalse(s.composer!.unsaved)
        XCTAssertTrue(Reducer.apply(&s, .tick(Self.now.addingTimeInterval(2))).isEmpty, "nothing new to save")
        _ = Reducer.apply(&s, .typed("!"))
        guard case .saveDraft(1, "Halo!", nil, _)? = send(&s, .leaveComposer).first else { return XCTFail() }
        XCTAssertEqual(s.screen, .queue)
        XCTAssertNil(s.composer)
        XCTAssertEqual(s.notice?.text, "Draft kept; press r on this comment to go on.")
    }

    func testLeavingTheReplyOfAClaimedCommentDoesNotSayPressR() {
        var s = composing(supervisor: false)
        _ = Reducer.apply(&s, .typed("Halo"))
        // Meanwhile a colleague claimed it; the queue's reload says so.
        s.queue.items[0].comment.status = .claimed
        s.queue.items[0].comment.assignee = "rina"
        send(&s, .leaveComposer)
        XCTAssertEqual(s.notice?.text, "Draft kept. Comment 1 is held by rina; only they or a supervisor can reply to it. Ask them to release it, or a supervisor to assign it to you.")
    }

    func testASavedDraftIsRestored() {
        var s = Self.state()
        send(&s, .reply)
        _ = Reducer.apply(&s, .draftLoaded(commentID: 1, ReplyDraft(commentID: 1, staff: "sari", text: "lanjutan", templateID: "t", updatedAt: Self.now,
                                                                    seenReplyID: 3), newestReplyID: 7))
        XCTAssertEqual(s.composer?.editor.text, "lanjutan")
        XCTAssertEqual(s.composer?.templateID, "t")
        XCTAssertEqual(s.composer?.seenReplyID, 3, "a draft picked up again was begun before reply 7: that one was not seen")
        guard case .saveDraft(1, "lanjutan", "t", 3)? = s.composer?.saveDraft else { return XCTFail() }
        var fresh = Self.state()
        send(&fresh, .reply)
        _ = Reducer.apply(&fresh, .draftLoaded(commentID: 1, nil, newestReplyID: 7))
        XCTAssertEqual(fresh.composer?.seenReplyID, 7)
    }

    func testTheReviewShowsTheHumourTheChecksRead() {
        var s = composing()
        _ = Reducer.apply(&s, .typed("wkwkwk 😂 siap kak"))
        send(&s, .openReview)
        _ = Reducer.apply(&s, .reviewLoaded(commentID: 1, ReplyReview(humorAllowed: 0, humor: 2)))
        let text = DeskView.render(s, keys: .defaults).text
        XCTAssertTrue(text.contains("reply: light joke"), "a joke typed as free text is shown as the joke it is:\n\(text)")
    }

    func testReviewSendEditAndOverride() {
        var s = composing()
        send(&s, .openReview)
        XCTAssertEqual(s.screen, .composer, "an empty draft is not reviewed")
        XCTAssertEqual(s.notice?.kind, .error)
        _ = Reducer.apply(&s, .typed("Jangan bodoh"))
        let effects = send(&s, .openReview)
        XCTAssertEqual(s.screen, .review)
        XCTAssertEqual(s.review?.clock?.clock, .firstResponse, "the reply meets the running response clock")
        XCTAssertTrue(effects.contains { if case .review(1, _) = $0 { true } else { false } })
        XCTAssertTrue(send(&s, .send).isEmpty, "nothing is sent before the checks are back")
        _ = Reducer.apply(&s, .reviewLoaded(commentID: 1, ReplyReview(findings: [LintFinding(code: .personalData, message: "NIK", blocking: true)])))
        XCTAssertTrue(send(&s, .send).isEmpty)
        XCTAssertEqual(s.prompt?.kind, .overrideReason, "a blocking finding asks for a reason")
        send(&s, .accept)
        XCTAssertEqual(s.notice?.kind, .error, "an empty reason is refused")
        send(&s, .send)
        _ = Reducer.apply(&s, .typed("ok"))
        XCTAssertTrue(send(&s, .accept).isEmpty, "a throwaway reason is refused")
        XCTAssertEqual(s.prompt?.kind, .overrideReason, "and asked again")
        XCTAssertEqual(s.prompt?.field.text, "ok", "with what was typed shown")
        // Typing goes on from what is shown: what is recorded is what was on the screen.
        _ = Reducer.apply(&s, .typed(", kutipan warga, bukan kata kami"))
        XCTAssertEqual(s.prompt?.field.text, "ok, kutipan warga, bukan kata kami")
        guard case .send(1, let request)? = send(&s, .accept).first else { return XCTFail() }
        XCTAssertEqual(request.overrideReason, "ok, kutipan warga, bukan kata kami")
        XCTAssertEqual(request.text, "Jangan bodoh")
        send(&s, .editAgain)
        XCTAssertEqual(s.screen, .composer)
        XCTAssertEqual(s.composer?.editor.text, "Jangan bodoh", "editing again keeps the draft")
    }

    func testAnUnfilledVariableCannotBeSentPastWithAReason() {
        var s = composing()
        _ = Reducer.apply(&s, .typed("Info lengkap di {link} ya"))
        send(&s, .openReview)
        _ = Reducer.apply(&s, .reviewLoaded(commentID: 1, ReplyReview(findings: [LintFinding(code: .unresolvedVariable, message: "{link}", blocking: true),
                                                                                   LintFinding(code: .personalData, message: "NIK", blocking: true)])))
        XCTAssertTrue(send(&s, .send).isEmpty)
        XCTAssertNil(s.prompt, "no reason is asked for")
        XCTAssertEqual(s.notice?.text, s.strings[.blockedMustFix])
        XCTAssertTrue(DeskView.render(s, keys: .defaults).text.contains(s.strings[.blockedMustFix].prefix(20)))
    }

    func testBackFromTheReviewLeavesTheReplyWithItsDraftKept() {
        var s = composing()
        let below = s.stack.dropLast()
        _ = Reducer.apply(&s, .typed("Baik, Kak."))
        send(&s, .openReview)
        XCTAssertEqual(s.screen, .review)
        let effects = send(&s, .back)
        XCTAssertEqual(Array(s.stack), Array(below), "back where the reply was begun, not in the composer, where q is a letter")
        XCTAssertNil(s.composer)
        XCTAssertEqual(s.notice?.text, s.strings[.draftKept])
        XCTAssertEqual(s.queue.items.first { $0.comment.id == 1 }?.hasDraft, true)
        XCTAssertTrue(effects.isEmpty || effects.allSatisfy { if case .saveDraft = $0 { true } else { false } }, "\(effects)")
    }

    func testADraftOfBlanksIsNoDraft() {
        var s = composing()
        _ = Reducer.apply(&s, .typed("   "))
        _ = Reducer.apply(&s, .draftSaved(commentID: 1))
        XCTAssertFalse(DeskView.render(s, keys: .defaults).text.contains("draft saved"), "blanks are not called a saved draft")
        send(&s, .leaveComposer)
        XCTAssertNotEqual(s.notice?.text, s.strings[.draftKept], "blanks are not a kept draft")
        XCTAssertEqual(s.queue.items.first { $0.comment.id == 1 }?.hasDraft, false, "no ✐ for blanks")
    }

    func testTheComposerCountsWhatTheReviewChecks() {
        var s = composing()
        _ = Reducer.apply(&s, .typed("  Baik kak   "))
        XCTAssertEqual(s.composer?.length, 8, "blanks at either end are not sent, so not counted")
        let effects = send(&s, .openReview)
        guard case .review(_, let request)? = effects.first(where: { if case .review = $0 { true } else { false } }) else { return XCTFail() }
        XCTAssertEqual(request.text, "Baik kak")
        XCTAssertEqual(s.composer?.length, s.composer?.platform.replyLength(request.text))
    }

    func testSentReplyReturnsToWhereItStarted() {
        var s = Self.state()
        send(&s, .open)
        send(&s, .reply)
        _ = Reducer.apply(&s, .typed("Baik"))
        send(&s, .openReview)
        _ = Reducer.apply(&s, .reviewLoaded(commentID: 1, ReplyReview()))
        guard case .send(1, _)? = send(&s, .send).first else { return XCTFail() }
        let effects = Reducer.apply(&s, .replySent(commentID: 1))
        XCTAssertEqual(s.stack, [.queue, .thread])
        XCTAssertNil(s.composer)
        XCTAssertEqual(s.notice?.text, "Reply to #1 recorded and logged.")
        XCTAssertNotNil(isLoadQueue(effects))
    }

    // MARK: Time, size and outside changes

    func testTickReloadsWhenAClockCrossesItsAtRiskTime() {
        var s = Self.state(items: 3)
        XCTAssertTrue(Reducer.apply(&s, .tick(Self.now.addingTimeInterval(60))).isEmpty)
        XCTAssertNotNil(isLoadQueue(Reducer.apply(&s, .tick(Self.now.addingTimeInterval(1801)))), "at-risk time passed")
        XCTAssertEqual(s.now, Self.now.addingTimeInterval(1801))
        // Due at 3600 s: still not breached at that second (a reply then is on time), breached after it.
        XCTAssertFalse(Reducer.apply(&s, .tick(Self.now.addingTimeInterval(3600))).contains { if case .loadQueue = $0 { true } else { false } })
        XCTAssertNotNil(isLoadQueue(Reducer.apply(&s, .tick(Self.now.addingTimeInterval(3601)))), "due second passed")
    }

    func testExternalChangeReloadsAndKeepsTheSelection() {
        var s = Self.state(items: 5)
        send(&s, .moveDown)
        send(&s, .moveDown)
        XCTAssertNotNil(isLoadQueue(Reducer.apply(&s, .externalChange)))
        _ = Reducer.apply(&s, .queueLoaded([Self.item(9), Self.item(1), Self.item(2), Self.item(3)], at: Self.now, token: s.queue.token))
        XCTAssertEqual(s.queue.selectedItem?.comment.id, 3, "the same comment stays selected when rows move")
    }

    func testResizeKeepsTheSelectionVisible() {
        var s = Self.state(items: 100, size: Size(width: 120, height: 60))
        send(&s, .bottom)
        _ = Reducer.apply(&s, .resized(Size(width: 80, height: 24)))
        XCTAssertEqual(s.queue.cursor.selected, 99)
        XCTAssertGreaterThanOrEqual(s.queue.cursor.selected, s.queue.cursor.scroll)
        XCTAssertLessThan(s.queue.cursor.selected, s.queue.cursor.scroll + Layout.listRows(s.size))
        _ = Reducer.apply(&s, .resized(Size(width: 10, height: 3)))
        XCTAssertFalse(s.fits)
    }

    func testATerminalTooSmallTakesNoKeyButQuit() {
        var s = Self.state(items: 10)
        _ = Reducer.apply(&s, .resized(Size(width: 60, height: 20)))
        XCTAssertTrue(Reducer.apply(&s, .action(.claim)).isEmpty, "nothing is claimed unseen")
        send(&s, .moveDown)
        XCTAssertEqual(s.queue.cursor.selected, 0)
        send(&s, .help)
        _ = Reducer.apply(&s, .resized(Size(width: 100, height: 30)))
        XCTAssertEqual(s.queue.cursor.selected, 0)
        XCTAssertTrue(s.running)
        _ = Reducer.apply(&s, .resized(Size(width: 60, height: 20)))
        send(&s, .back)
        XCTAssertFalse(s.running, "q quits, as the screen says")

        // In the composer q is text: too small, it quits there too, and the draft is kept.
        var c = composing()
        _ = Reducer.apply(&c, .typed("Halo"))
        _ = Reducer.apply(&c, .resized(Size(width: 60, height: 20)))
        XCTAssertTrue(Reducer.apply(&c, .typed("x")).isEmpty)
        guard case .saveDraft(1, "Halo", nil, _)? = Reducer.apply(&c, .typed("q")).first else { return XCTFail("the draft is saved") }
        XCTAssertFalse(c.running)
    }

    func testEveryActionIsExercisedHere() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        for id in ActionID.allCases {
            XCTAssertTrue(source.contains("send(&s, .\(id))") || source.contains("(&s, .\(id))"), "no reducer test presses \(id)")
        }
    }
}
