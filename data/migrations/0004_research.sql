-- Schema 4: market research and product planning.

-- Files attached to a note, by path on this computer.
CREATE TABLE note_attachments (
	id      INTEGER PRIMARY KEY,
	note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
	path    TEXT NOT NULL CHECK (path <> ''),
	UNIQUE (note_id, path)
) STRICT;

-- Full-text index of notes. SQLite's tokenizers miss two-character Chinese
-- words, so Go code (app.Tokenize) writes the tokens: words, CJK bigrams and
-- CJK unigrams, space separated, for the title (t_*) and for the rest of the
-- note (b_*: body, tags, source). rowid is the note's id.
CREATE VIRTUAL TABLE notes_fts USING fts5 (
	t_words, t_cjk2, t_cjk1, b_words, b_cjk2, b_cjk1,
	tokenize = 'unicode61 remove_diacritics 2'
);

-- Notes whose index entry is stale. Triggers queue every change, however
-- it is made (the app, a demo seed, another module's import), and the store
-- re-tokenizes the queue before it searches.
CREATE TABLE notes_fts_queue (note_id INTEGER PRIMARY KEY) STRICT;
CREATE TRIGGER notes_fts_ins AFTER INSERT ON notes BEGIN
	INSERT OR IGNORE INTO notes_fts_queue (note_id) VALUES (new.id);
END;
CREATE TRIGGER notes_fts_upd AFTER UPDATE ON notes BEGIN
	INSERT OR IGNORE INTO notes_fts_queue (note_id) VALUES (new.id);
	INSERT OR IGNORE INTO notes_fts_queue (note_id) VALUES (old.id);
END;
CREATE TRIGGER notes_fts_del AFTER DELETE ON notes BEGIN
	INSERT OR IGNORE INTO notes_fts_queue (note_id) VALUES (old.id);
END;
INSERT INTO notes_fts_queue (note_id) SELECT id FROM notes;

CREATE INDEX notes_by_market ON notes (market, noted_on DESC);
CREATE INDEX competitors_by_market ON competitors (market, reviews DESC);

-- Target-market scoring: criteria (built-in by key, or the user's own by
-- name), candidate markets with segmentation and positioning, and the cells.
CREATE TABLE scoring_criteria (
	id       INTEGER PRIMARY KEY,
	key      TEXT NOT NULL DEFAULT '' CHECK (key IN ('', 'market_size', 'growth', 'competition', 'resource_fit', 'advantage', 'logistics', 'compliance')),
	name     TEXT NOT NULL DEFAULT '',
	weight   TEXT NOT NULL DEFAULT '0.1',            -- decimal, relative
	inverse  INTEGER NOT NULL DEFAULT 0 CHECK (inverse IN (0, 1)),
	position INTEGER NOT NULL DEFAULT 0,
	CHECK (key <> '' OR name <> '')
) STRICT;

CREATE TABLE scoring_markets (
	id            INTEGER PRIMARY KEY,
	country       TEXT NOT NULL UNIQUE CHECK (length(country) = 2),
	geographic    TEXT NOT NULL DEFAULT '',
	demographic   TEXT NOT NULL DEFAULT '',
	psychographic TEXT NOT NULL DEFAULT '',
	behavioural   TEXT NOT NULL DEFAULT '',
	positioning   TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE scoring_cells (
	market_id    INTEGER NOT NULL REFERENCES scoring_markets (id) ON DELETE CASCADE,
	criterion_id INTEGER NOT NULL REFERENCES scoring_criteria (id) ON DELETE CASCADE,
	score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
	note         TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (market_id, criterion_id)
) STRICT;

INSERT INTO scoring_criteria (key, weight, inverse, position) VALUES
	('market_size', '0.20', 0, 1), ('growth', '0.15', 0, 2), ('competition', '0.15', 1, 3),
	('resource_fit', '0.15', 0, 4), ('advantage', '0.15', 0, 5), ('logistics', '0.10', 0, 6),
	('compliance', '0.10', 1, 7);

-- Product planning: the new-product pipeline stage, the user's own
-- growth-share figures, and checklists (pipeline stages and packaging).
ALTER TABLE products ADD COLUMN pipeline TEXT NOT NULL DEFAULT ''
	CHECK (pipeline IN ('', 'market_check', 'sample', 'compliance', 'packaging_listing', 'first_order'));
ALTER TABLE products ADD COLUMN market_growth TEXT NOT NULL DEFAULT '';   -- decimal fraction, '' = from sales
ALTER TABLE products ADD COLUMN relative_share TEXT NOT NULL DEFAULT '';  -- decimal, '' = from sales

CREATE TABLE product_checks (
	product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
	item       TEXT NOT NULL,                         -- "<stage>.<item>" or "pack.<item>"
	done_on    TEXT NOT NULL,                         -- YYYY-MM-DD
	PRIMARY KEY (product_id, item)
) STRICT;
