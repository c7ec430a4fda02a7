import GRDB

/// The SQLite schema, as GRDB migrations.
///
/// Every index costs each imported row a B-tree insert, so there are only those the desk's queries need:
/// `comment_queue` (active, due, created, at-risk) serves the queue's segments and, covering, its counts;
/// `comment_thread` the thread view; `comment_author` (platform, author, thread, created) a citizen's earlier comments and
/// the import's "has the agency answered this citizen in this conversation" in one seek; the partial `comment_assignee` and `comment_answered`
/// indexes cost nothing at import. Full-text search keeps no positions or sizes (word and prefix search only). Times are whole seconds since 1970 (UTC) in INTEGER columns,
/// except the log's `at`, which is ISO 8601 text because it is part of the hashed record.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE staff (
                    name TEXT PRIMARY KEY NOT NULL,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor')),
                    active INTEGER NOT NULL DEFAULT 1
                );
                CREATE TABLE comment (
                    id INTEGER PRIMARY KEY,
                    platform TEXT NOT NULL,
                    external_id TEXT NOT NULL,
                    author_id TEXT,
                    author_handle TEXT NOT NULL,
                    author_name TEXT,
                    text TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    thread_id TEXT,
                    thread_key TEXT NOT NULL,
                    in_reply_to TEXT,
                    channel TEXT,
                    url TEXT,
                    lang TEXT,
                    imported_at INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    active INTEGER NOT NULL,
                    assignee TEXT,
                    intent TEXT,
                    tags TEXT NOT NULL DEFAULT '',
                    sentiment REAL,
                    sla_policy TEXT,
                    sla_version INTEGER,
                    response_clock TEXT,
                    response_due INTEGER,
                    response_at_risk INTEGER,
                    responded_at INTEGER,
                    response_stopped INTEGER,
                    resolution_due INTEGER,
                    resolution_at_risk INTEGER,
                    resolved_at INTEGER,
                    resolution_stopped INTEGER,
                    paused_since INTEGER,
                    paused_seconds INTEGER NOT NULL DEFAULT 0,
                    escalated_at INTEGER,
                    due_at INTEGER,
                    at_risk_at INTEGER,
                    sla_clock TEXT,
                    UNIQUE (platform, external_id)
                );
                CREATE INDEX comment_queue ON comment (active, due_at, created_at, at_risk_at);
                CREATE INDEX comment_thread ON comment (platform, thread_key, created_at);
                CREATE INDEX comment_author ON comment (platform, author_handle, created_at);
                CREATE INDEX comment_assignee ON comment (assignee, active) WHERE assignee IS NOT NULL;
                CREATE INDEX comment_answered ON comment (platform, channel, created_at) WHERE responded_at IS NOT NULL;
                CREATE VIRTUAL TABLE comment_fts USING fts5 (text, content = '', columnsize = 0, detail = none,
                    tokenize = 'unicode61 remove_diacritics 2');
                CREATE TABLE reply (
                    id INTEGER PRIMARY KEY,
                    comment_id INTEGER REFERENCES comment (id),
                    platform TEXT NOT NULL,
                    external_id TEXT,
                    in_reply_to TEXT,
                    thread_id TEXT,
                    thread_key TEXT,
                    text TEXT NOT NULL,
                    sent_at INTEGER NOT NULL,
                    author TEXT NOT NULL,
                    source TEXT NOT NULL,
                    template_id TEXT,
                    template_version INTEGER,
                    humor INTEGER NOT NULL DEFAULT 0,
                    override_reason TEXT,
                    UNIQUE (platform, external_id)
                );
                CREATE INDEX reply_comment ON reply (comment_id);
                CREATE INDEX reply_pending ON reply (platform, in_reply_to) WHERE comment_id IS NULL;
                CREATE INDEX reply_thread ON reply (platform, thread_key, sent_at);
                CREATE TABLE event (
                    seq INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    prev TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX event_subject ON event (subject, seq);
                CREATE INDEX event_action ON event (action, seq);
                CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
                    BEGIN SELECT RAISE(ABORT, 'the log is append-only: events cannot be changed'); END;
                CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
                    BEGIN SELECT RAISE(ABORT, 'the log is append-only: events cannot be deleted'); END;
                CREATE TABLE sla_policy (
                    name TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    definition TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (name, version)
                );
                CREATE TABLE draft (
                    comment_id INTEGER NOT NULL,
                    staff TEXT NOT NULL,
                    text TEXT NOT NULL,
                    template_id TEXT,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (comment_id, staff)
                );
                CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                """)
        }
        // The author index also keys the thread: the import asks for a citizen's comments in one conversation.
        m.registerMigration("v2-author-thread") { db in
            try db.execute(sql: """
                DROP INDEX comment_author;
                CREATE INDEX comment_author ON comment (platform, author_handle, thread_key, created_at);
                """)
        }
        // Comments filed under the id of the message they answer (not on the desk when they came), so that an import
        // can tell at once whether an arriving comment may have replies waiting for its conversation. Partial: a
        // comment whose platform names its conversation, or whose parent was on the desk, is not in it.
        m.registerMigration("v3-awaiting-parent") { db in
            try db.execute(sql: """
                CREATE INDEX comment_awaiting_parent ON comment (platform) WHERE thread_id IS NULL AND thread_key = in_reply_to;
                """)
        }
        // Comments the desk is waiting on the citizen for, by conversation and citizen, so that an import finds at once
        // the ones a citizen's new message ends the wait of. Partial: imported comments are never in it.
        m.registerMigration("v4-waiting-citizen") { db in
            try db.execute(sql: """
                CREATE INDEX comment_waiting ON comment (platform, thread_key, author_handle, created_at) WHERE status = 'waiting_citizen';
                """)
        }
        // Handles are stored without a leading @ (`Author`): comments imported before keep being the same citizen's.
        m.registerMigration("v5-handles-without-at") { db in
            try db.execute(sql: "UPDATE comment SET author_handle = substr(author_handle, 2) WHERE author_handle LIKE '@_%'")
        }
        // A draft keeps the newest reply its writer had seen when it was begun (`ReplyDraft.seenReplyID`).
        m.registerMigration("v6-draft-seen-reply") { db in
            try db.execute(sql: "ALTER TABLE draft ADD COLUMN seen_reply_id INTEGER")
        }
        // Who escalated a comment last (`Comment.escalatedBy`), taken for comments escalated before from their events.
        m.registerMigration("v7-escalated-by") { db in
            try db.execute(sql: """
                ALTER TABLE comment ADD COLUMN escalated_by TEXT;
                UPDATE comment SET escalated_by = (SELECT actor FROM event WHERE action = 'escalate' AND subject = CAST(comment.id AS TEXT)
                                                   ORDER BY seq DESC LIMIT 1)
                  WHERE escalated_at IS NOT NULL;
                """)
        }
        return m
    }
}
