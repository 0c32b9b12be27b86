-- Schema 8: an order is identified by its order id within its source
-- (issue 12). Importing an order that is already present replaces its lines
-- (the newest export wins); undoing that import brings them back.

-- order_imports again, with the source the import's orders belong to and
-- how many orders it added, replaced and left unchanged. The file hash is no
-- longer unique: an older export imported again after a newer one replaced
-- its orders is an import of its own. SQLite cannot drop a UNIQUE
-- constraint, so the table is made anew. order_lines references it, and
-- foreign keys cannot be turned off inside the migration's transaction:
-- with the check deferred, dropping the table counts the lines that refer to
-- it as violations, and inserting the rows again into the new table under the
-- same name counts them back, so the check at commit passes, and nothing
-- else is ever left dangling.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE order_imports_old AS SELECT * FROM order_imports;
DROP TABLE order_imports;
CREATE TABLE order_imports (
	id               INTEGER PRIMARY KEY,
	file_sha256      TEXT NOT NULL CHECK (length(file_sha256) = 64),
	file_name        TEXT NOT NULL DEFAULT '',
	format           TEXT NOT NULL DEFAULT 'generic' CHECK (format IN ('generic','uci','shopify','amazon','custom')),
	-- The platform or shop the orders come from: the detected export format
	-- (uci, shopify, amazon, generic, custom) unless the person named one.
	source           TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 40),
	rows_read        INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
	imported         INTEGER NOT NULL DEFAULT 0 CHECK (imported >= 0),
	skipped          INTEGER NOT NULL DEFAULT 0 CHECK (skipped >= 0),
	orders_new       INTEGER NOT NULL DEFAULT 0 CHECK (orders_new >= 0),
	orders_replaced  INTEGER NOT NULL DEFAULT 0 CHECK (orders_replaced >= 0),
	orders_unchanged INTEGER NOT NULL DEFAULT 0 CHECK (orders_unchanged >= 0),
	imported_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) STRICT;
INSERT INTO order_imports (id, file_sha256, file_name, format, source, rows_read, imported, skipped, imported_at)
	SELECT id, file_sha256, file_name, format, format, rows_read, imported, skipped, imported_at FROM temp.order_imports_old;
DROP TABLE temp.order_imports_old;
CREATE INDEX order_imports_by_sha256 ON order_imports (file_sha256);

-- The platform's order id of a line when it differs from invoice_no: a
-- cancellation marked by a status column is stored as 'C' || order id (the
-- way tiering recognises one) and is still that order. NULL otherwise, so
-- the order id of a line is coalesce(order_id, invoice_no).
ALTER TABLE order_lines ADD COLUMN order_id TEXT;

-- Lines an import replaced, kept so undoing that import puts them back
-- (with their ids). import_id is the import they came from, replaced_by the
-- one that replaced them.
CREATE TABLE order_lines_replaced (
	id               INTEGER PRIMARY KEY,
	invoice_no       TEXT NOT NULL,
	stock_code       TEXT NOT NULL DEFAULT '',
	description      TEXT NOT NULL DEFAULT '',
	quantity         INTEGER NOT NULL,
	invoiced_at      TEXT NOT NULL,
	unit_price_cents INTEGER NOT NULL,
	customer_id      TEXT,
	country          TEXT NOT NULL DEFAULT '',
	import_id        INTEGER REFERENCES order_imports (id),
	order_id         TEXT,
	replaced_by      INTEGER NOT NULL REFERENCES order_imports (id)
) STRICT;
CREATE INDEX order_lines_replaced_by ON order_lines_replaced (replaced_by);
CREATE INDEX order_lines_replaced_import ON order_lines_replaced (import_id);
