-- Schema 15: a compact layout for the order lines (issue 20). At a million
-- lines the old table held each line's date as 19 characters of text and
-- its description and country in full: the workspace was 1.55x the CSV it
-- came from, and binding, storing and sorting those texts was most of an
-- import's time. Now:
--   - at is the invoice time in seconds since 1970-01-01 00:00:00 UTC
--     (dates are 1990 or later, so at / 86400 is the day number of the
--     summaries' day columns);
--   - description and country are ids of order_texts, where each distinct
--     text is stored once (a shop has thousands of products, not a million).
-- Everything else is as it was, ids included, so order_lines_replaced,
-- undo and every summary keep working on the same lines.
--
-- order_lines stays, as a view with the old columns, for reading (the
-- customer detail, people who open the file with sqlite3) and for writing
-- a few lines by hand: INSTEAD OF triggers store what is written into
-- order_rows. The importer, undo, the summary rebuilds and the date-range
-- readers use order_rows directly, with integer times.

CREATE TABLE order_texts (
	id   INTEGER PRIMARY KEY,
	text TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE order_rows (
	id               INTEGER PRIMARY KEY,
	invoice_no       TEXT NOT NULL,
	stock_code       TEXT NOT NULL DEFAULT '',
	description_id   INTEGER NOT NULL REFERENCES order_texts (id),
	quantity         INTEGER NOT NULL,
	at               INTEGER NOT NULL CHECK (at >= 0),   -- seconds since 1970-01-01, UTC
	unit_price_cents INTEGER NOT NULL,
	customer_id      TEXT,                               -- NULL: a line with no customer
	country_id       INTEGER NOT NULL REFERENCES order_texts (id),
	import_id        INTEGER REFERENCES order_imports (id),
	order_id         TEXT,
	currency         TEXT                                -- NULL: see migration 0014
) STRICT;

-- The lines are copied in id order by fillOrderRows (data/migratefill.go),
-- counting them, so a million-line workspace shows how far it is; then:

-- after the fill --

DROP TABLE order_lines;  -- with its indexes and the stale-marking triggers

-- Date ranges (campaigns, the ads funnel, stock demand). An import into an
-- empty workspace drops it and builds it once at the end.
CREATE INDEX order_rows_by_at ON order_rows (at);
-- The currencies in use, without a scan: most lines are NULL and not in it.
CREATE INDEX order_rows_by_currency ON order_rows (currency) WHERE currency IS NOT NULL;
-- (The customer detail makes order_rows_by_customer the first time it is
-- opened: an import into an empty workspace would otherwise build it too.)

CREATE VIEW order_lines (id, invoice_no, stock_code, description, quantity, invoiced_at, unit_price_cents,
	customer_id, country, import_id, order_id, currency) AS
	SELECT r.id, r.invoice_no, r.stock_code, d.text, r.quantity, datetime(r.at, 'unixepoch'), r.unit_price_cents,
		r.customer_id, c.text, r.import_id, r.order_id, r.currency
	FROM order_rows r JOIN order_texts d ON d.id = r.description_id JOIN order_texts c ON c.id = r.country_id;

-- A date that is not one (unixepoch gives NULL) fails the NOT NULL of at.
CREATE TRIGGER order_lines_insert INSTEAD OF INSERT ON order_lines BEGIN
	INSERT OR IGNORE INTO order_texts (text) VALUES (coalesce(NEW.description, '')), (coalesce(NEW.country, ''));
	INSERT INTO order_rows (id, invoice_no, stock_code, description_id, quantity, at, unit_price_cents,
		customer_id, country_id, import_id, order_id, currency)
	VALUES (NEW.id, NEW.invoice_no, coalesce(NEW.stock_code, ''),
		(SELECT id FROM order_texts WHERE text = coalesce(NEW.description, '')),
		NEW.quantity, unixepoch(NEW.invoiced_at), NEW.unit_price_cents, NEW.customer_id,
		(SELECT id FROM order_texts WHERE text = coalesce(NEW.country, '')),
		NEW.import_id, NEW.order_id, NEW.currency);
END;

CREATE TRIGGER order_lines_update INSTEAD OF UPDATE ON order_lines BEGIN
	INSERT OR IGNORE INTO order_texts (text) VALUES (coalesce(NEW.description, '')), (coalesce(NEW.country, ''));
	UPDATE order_rows SET id = NEW.id, invoice_no = NEW.invoice_no, stock_code = coalesce(NEW.stock_code, ''),
		description_id = (SELECT id FROM order_texts WHERE text = coalesce(NEW.description, '')),
		quantity = NEW.quantity, at = unixepoch(NEW.invoiced_at), unit_price_cents = NEW.unit_price_cents,
		customer_id = NEW.customer_id, country_id = (SELECT id FROM order_texts WHERE text = coalesce(NEW.country, '')),
		import_id = NEW.import_id, order_id = NEW.order_id, currency = NEW.currency
	WHERE id = OLD.id;
END;

CREATE TRIGGER order_lines_delete INSTEAD OF DELETE ON order_lines BEGIN
	DELETE FROM order_rows WHERE id = OLD.id;
END;

-- The stale marks of migration 0013, now on the table the lines are in.
CREATE TRIGGER order_lines_stale_insert AFTER INSERT ON order_rows
	BEGIN INSERT OR IGNORE INTO meta (key, value) VALUES ('orders.summaries_stale', '1'); END;
CREATE TRIGGER order_lines_stale_update AFTER UPDATE ON order_rows
	BEGIN INSERT OR IGNORE INTO meta (key, value) VALUES ('orders.summaries_stale', '1'); END;
CREATE TRIGGER order_lines_stale_delete AFTER DELETE ON order_rows
	BEGIN INSERT OR IGNORE INTO meta (key, value) VALUES ('orders.summaries_stale', '1'); END;
