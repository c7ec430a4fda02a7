import DeskCore
import Foundation
import XCTest

/// A desk on a real SQLite file in a fresh temporary folder, with a hand-moved clock.
final class TestDesk {
    let dir: URL
    let store: SQLiteStore
    let clock: ManualClock
    var config: DeskConfig
    let desk: Desk

    init(now: String = "2026-12-01T10:00:00+07:00", config: DeskConfig = DeskConfig(), actor: String = "sari",
         file: StaticString = #filePath, line: UInt = #line) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("meja-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try SQLiteStore(path: dir.appendingPathComponent("desk.sqlite").path)
        clock = ManualClock(try XCTUnwrap(Timestamp.parse(now), file: file, line: line))
        self.config = config
        desk = Desk(store: store, config: config, clock: clock, actor: ActorIdentity(name: actor, login: actor, overridden: false))
    }

    /// Set by a test that changes the tables behind the log on purpose.
    var tamperedWith = false

    deinit {
        // Every test's desk must be accounted for by its log: whatever the test did, replaying the log gives the tables.
        if !tamperedWith {
            do {
                let check = try store.read { try LogStateCheck.check($0) }
                if !check.ok { XCTFail("the log does not account for the desk: \(check.disagreements.map(\.message.en))") }
            } catch { XCTFail("state check: \(error)") }
        }
        try? FileManager.default.removeItem(at: dir)
    }

    var path: String { store.location }

    /// The same desk acting as another staff member.
    func `as`(_ name: String) -> Desk { desk.acting(as: ActorIdentity(name: name, login: name, overridden: false)) }

    /// Adds agents (the default actor becomes the first supervisor on first use).
    func addStaff(_ names: [String], role: StaffMember.Role = .agent) throws {
        for n in names { try desk.putStaff(StaffMember(name: n, role: role)) }
    }

    /// Imports meja-jsonl lines given as records.
    @discardableResult
    /// Imports `records`; `readingTone` reads each comment's tone as `meja import` does (intent, sensitive-topic tags),
    /// which the plain test desk leaves out.
    func importRecords(_ records: [CommentRecord], name: String = "test.jsonl", readingTone: Bool = false) throws -> Importer.Summary {
        let data = Data(records.map { $0.json.text }.joined(separator: "\n").utf8)
        let importer = readingTone ? Desk.withReplyChecks(store: store, config: config, clock: clock, actor: desk.actor) : desk
        return try Importer(desk: importer).importData(data, name: name, format: MejaJSONLFormat())
    }

    func comment(_ platform: Platform = .x, _ externalID: String) throws -> Comment {
        try XCTUnwrap(try store.read { try $0.comment(platform: platform, externalID: externalID) })
    }

    func set(_ time: String) { clock.set(Timestamp.parse(time)!) }
}

/// A citizen's comment record with sensible defaults.
func record(_ id: String, at time: String, platform: Platform = .x, author: String = "warga", text: String = "Halo min, mau tanya",
            thread: String? = nil, inReplyTo: String? = nil, channel: String? = "@diskominfo", fromAgency: Bool = false) -> CommentRecord {
    CommentRecord(platform: platform, id: id, author: Author(handle: author), text: text, createdAt: Timestamp.parse(time)!,
                  threadID: thread, inReplyTo: inReplyTo, channel: channel, fromAgency: fromAgency)
}

/// The package root (for reading `../shared/data` and shipped files).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
