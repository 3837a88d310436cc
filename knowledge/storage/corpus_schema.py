"""The corpus tables: documents, their parsed parts, the meetings protocols schedule, the
secretary's calendar, and the full-text indexes. Statements on them live in ``corpus.py``
(writes and the reads of ingest) and ``corpus_queries.py`` (the reads of questions)."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        identity TEXT NOT NULL UNIQUE,      -- same meeting or report: a new version replaces it
        filename TEXT NOT NULL,
        kind TEXT NOT NULL,                 -- 'protocol' or 'report'
        title TEXT NOT NULL,
        body_type TEXT,
        date TEXT,                          -- ISO date of the meeting (or the report)
        start TEXT,                         -- HH:MM, Europe/Stockholm
        "end" TEXT,
        place TEXT,
        chair TEXT,
        secretary TEXT,
        adjusters TEXT NOT NULL DEFAULT '[]',   -- JSON list of names
        approved TEXT,                      -- justerat den, ISO date
        authors TEXT NOT NULL DEFAULT '[]',
        warnings TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,                 -- cleaned text
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_kind_date ON documents(kind, date);
    CREATE INDEX documents_chair ON documents(chair);
    CREATE TABLE document_councils (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        council TEXT NOT NULL,
        PRIMARY KEY (document_id, council)
    );
    CREATE INDEX document_councils_council ON document_councils(council);
    CREATE TABLE attendees (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        organisation TEXT,
        org_kind TEXT,
        role TEXT NOT NULL,
        title TEXT,
        note TEXT,
        council TEXT,
        date TEXT                            -- the meeting's, so a person's latest come first
    );
    CREATE INDEX attendees_document ON attendees(document_id);
    CREATE INDEX attendees_name ON attendees(name, date);
    CREATE INDEX attendees_organisation ON attendees(organisation, date);
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        number TEXT NOT NULL,
        title TEXT NOT NULL,
        presenters TEXT NOT NULL DEFAULT '[]',
        body TEXT NOT NULL,
        kind TEXT
    );
    CREATE INDEX items_document ON items(document_id);
    CREATE TABLE presenters (
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        date TEXT
    );
    CREATE INDEX presenters_name ON presenters(name, date);
    CREATE INDEX presenters_document ON presenters(document_id);
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        number INTEGER,
        text TEXT NOT NULL,
        explicit INTEGER NOT NULL,
        amounts TEXT NOT NULL DEFAULT '[]',    -- JSON [{"text":..., "kronor":...}]
        dates TEXT NOT NULL DEFAULT '[]'       -- JSON ISO dates
    );
    CREATE INDEX decisions_document ON decisions(document_id);
    CREATE TABLE themes (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        raised_here INTEGER NOT NULL,
        item_number TEXT
    );
    CREATE INDEX themes_document ON themes(document_id);
    CREATE INDEX themes_text ON themes(text);
    CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        number TEXT,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        level INTEGER NOT NULL
    );
    CREATE INDEX sections_document ON sections(document_id);
    -- Meetings that a protocol schedules (held meetings are the protocols themselves).
    CREATE TABLE scheduled_meetings (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        council TEXT NOT NULL,
        date TEXT NOT NULL,
        start TEXT,
        "end" TEXT,
        place TEXT,
        note TEXT,
        decided INTEGER NOT NULL,
        source_text TEXT NOT NULL,
        item_number TEXT                -- the item that scheduled it, to cite
    );
    CREATE INDEX scheduled_meetings_council_date ON scheduled_meetings(council, date);
    -- Meetings the secretary keeps by hand (samrad meeting add/cancel).
    CREATE TABLE calendar (
        id INTEGER PRIMARY KEY,
        council TEXT NOT NULL,
        date TEXT NOT NULL,
        start TEXT,
        "end" TEXT,
        place TEXT,
        cancelled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        UNIQUE (council, date)
    );
    -- Everything searchable, one row per item, decision, theme or report section.
    CREATE TABLE passages (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,            -- 'item', 'decision', 'theme', 'section', 'preamble'
        ref_id INTEGER NOT NULL,       -- id in items/decisions/themes/sections
        item_number TEXT,              -- item or section number to cite
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        stemmed TEXT NOT NULL          -- Swedish stems, diacritics folded
    );
    CREATE INDEX passages_document ON passages(document_id);
    CREATE VIRTUAL TABLE passages_fts USING fts5(
        title, text, stemmed,
        content='passages', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0"
    );
    -- Every word of the corpus once, with a trigram index: "hälsoundersökning" finds the
    -- corpus word "tandhälsoundersökningar", which passages_fts then finds. Indexing words rather
    -- than running text keeps ingestion fast: new protocols add few new words.
    CREATE TABLE vocabulary (
        id INTEGER PRIMARY KEY,
        word TEXT NOT NULL UNIQUE
    );
    CREATE VIRTUAL TABLE vocabulary_trigram USING fts5(
        word,
        content='vocabulary', content_rowid='id',
        tokenize='trigram'
    );
    CREATE TRIGGER vocabulary_ai AFTER INSERT ON vocabulary BEGIN
        INSERT INTO vocabulary_trigram(rowid, word) VALUES (new.id, new.word);
    END;
    CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
        INSERT INTO passages_fts(rowid, title, text, stemmed)
            VALUES (new.id, new.title, new.text, new.stemmed);
    END;
    CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
        INSERT INTO passages_fts(passages_fts, rowid, title, text, stemmed)
            VALUES ('delete', old.id, old.title, old.text, old.stemmed);
    END;
    """,
    # 2: bodies other than the councils, attendees' functions, and relations between people,
    # items and decisions (read by ``corpus_bodies.py``).
    """
    CREATE TABLE bodies (
        key TEXT PRIMARY KEY,               -- a council key, or the folded name and organisation
        name TEXT NOT NULL,                 -- "Socialnämnden", "Folkhälsorådet", "Styrelsen"
        organisation TEXT,                  -- "Kumla kommun", "Edsbergs hembygdsförening"
        council INTEGER NOT NULL DEFAULT 0  -- 1 for the councils samrad serves
    );
    CREATE TABLE document_bodies (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        body_key TEXT NOT NULL REFERENCES bodies(key),
        PRIMARY KEY (document_id, body_key)
    );
    CREATE INDEX document_bodies_body ON document_bodies(body_key);
    ALTER TABLE documents ADD COLUMN paragraphs TEXT;  -- "112-121", as the signature block says
    ALTER TABLE attendees ADD COLUMN function TEXT;    -- ordförande, tjänstgörande ersättare, ...
    ALTER TABLE attendees ADD COLUMN party TEXT;
    ALTER TABLE attendees ADD COLUMN replaces TEXT;
    -- Who did what in a document: presented an item, replaced someone, leads or is
    -- responsible for something, wrote the minutes; a decision's amounts and periods.
    CREATE TABLE relations (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,       -- presented, replaces, leads, responsible, author, amount, period
        subject TEXT NOT NULL,    -- a person (an item's title for amount and period)
        object TEXT NOT NULL,     -- an item's title, a person, what is led, an amount, a period
        sentence TEXT NOT NULL    -- where it is said
    );
    CREATE INDEX relations_document ON relations(document_id);
    CREATE INDEX relations_subject ON relations(subject, kind);
    CREATE INDEX relations_kind ON relations(kind);
    -- Meetings that a protocol of another body schedules (councils' are in scheduled_meetings).
    CREATE TABLE body_scheduled_meetings (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        body_key TEXT NOT NULL REFERENCES bodies(key),
        date TEXT NOT NULL,
        start TEXT,
        "end" TEXT,
        place TEXT,
        source_text TEXT NOT NULL,
        item_number TEXT
    );
    CREATE INDEX body_scheduled_meetings_body ON body_scheduled_meetings(body_key, date);
    """,
    """
    -- A formality (the agenda, the last minutes, the justerare): listed after the matters.
    ALTER TABLE decisions ADD COLUMN formal INTEGER NOT NULL DEFAULT 0;
    """,
    # 4: a search's filters (kind, document) read from this index alone, not from the passage
    # rows, which hold the text: at 10,000 protocols a common word matches 20,000 passages.
    """
    CREATE INDEX passages_filter ON passages(id, kind, document_id);
    """,
    # 5: how many passages hold each indexed word, as FTS5 counted them up to a passage id
    # (``term_stats.py``): FTS5 counts a word by reading its every passage, milliseconds for a
    # common word at ten thousand protocols. A counted passage deleted by any other way than
    # ``delete_document`` (which takes its words off first) leaves the counts unread until they
    # are counted again.
    """
    CREATE TABLE term_counts (
        term TEXT PRIMARY KEY,             -- as FTS5 indexed it
        doc INTEGER NOT NULL               -- passages that hold it
    ) WITHOUT ROWID;
    CREATE TABLE term_counts_state (
        through INTEGER NOT NULL           -- the highest passage id counted; 0: not counted
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_vocab USING fts5vocab(main, passages_fts, row);
    INSERT INTO term_counts (term, doc) SELECT term, doc FROM temp.passages_vocab;
    INSERT INTO term_counts_state (through) SELECT coalesce(max(id), 0) FROM passages;
    CREATE TRIGGER passages_ad_counts AFTER DELETE ON passages
    WHEN old.id <= (SELECT through FROM term_counts_state) BEGIN
        UPDATE term_counts_state SET through = 0;
    END;
    """,
    # 6: the foreign keys a document's deletion cascades through, indexed: without them each
    # deleted item scans every presenter, decision and relation row (0.7 s a document at ten
    # thousand protocols, hours for a re-read after the parser changes).
    """
    CREATE INDEX IF NOT EXISTS presenters_item ON presenters(item_id);
    CREATE INDEX IF NOT EXISTS decisions_item ON decisions(item_id);
    CREATE INDEX IF NOT EXISTS relations_item ON relations(item_id);
    CREATE INDEX IF NOT EXISTS scheduled_meetings_document ON scheduled_meetings(document_id);
    """,
]
