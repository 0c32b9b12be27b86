-- Schema 3: order imports (issue 4, customer tiering).

-- One row per imported file. The file's SHA-256 makes re-importing the same
-- file add nothing twice; lines keep the import they came from so an import
-- can be told apart (and removed) later.
CREATE TABLE order_imports (
	id          INTEGER PRIMARY KEY,
	file_sha256 TEXT NOT NULL UNIQUE CHECK (length(file_sha256) = 64),
	file_name   TEXT NOT NULL DEFAULT '',
	format      TEXT NOT NULL DEFAULT 'generic' CHECK (format IN ('generic','uci','shopify','amazon','custom')),
	rows_read   INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
	imported    INTEGER NOT NULL DEFAULT 0 CHECK (imported >= 0),
	skipped     INTEGER NOT NULL DEFAULT 0 CHECK (skipped >= 0),
	imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) STRICT;

-- NULL for lines written before imports were recorded (the demo's).
ALTER TABLE order_lines ADD COLUMN import_id INTEGER REFERENCES order_imports (id);

-- Column mappings the user chose, keyed by the file's normalised header
-- line, so the next export of the same shape maps itself.
CREATE TABLE import_mappings (
	header     TEXT PRIMARY KEY,
	mapping    TEXT NOT NULL CHECK (json_valid(mapping)),
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) STRICT;

-- One row per customer id, rebuilt with the other order summaries whenever
-- order_lines change, so tiering reads ~100k rows instead of 1M lines.
-- orders and last_order count non-cancelled orders only (a cancellation is
-- an invoice starting with 'C' or a negative quantity); monetary_cents nets
-- cancellations; country is the customer's most frequent country.
CREATE TABLE order_customers (
	customer_id    TEXT PRIMARY KEY,
	country        TEXT NOT NULL DEFAULT '',
	orders         INTEGER NOT NULL CHECK (orders >= 0),
	lines          INTEGER NOT NULL CHECK (lines >= 0),
	monetary_cents INTEGER NOT NULL,
	first_order    TEXT,                           -- YYYY-MM-DD, NULL: no non-cancelled order
	last_order     TEXT
) STRICT, WITHOUT ROWID;                           -- read in id order with no lookups

-- Customer detail reads one customer's lines.
CREATE INDEX order_lines_by_customer ON order_lines (customer_id, invoiced_at);
