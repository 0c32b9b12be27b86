-- Schema 11: two more order summaries (issue 20), rebuilt with the others
-- (refreshOrderSummaries, or while parsing an import into an empty
-- workspace) by every import and undo, so the Prediction tab, `clv`,
-- Products and `report` read summaries instead of a million lines.

-- One row per customer and calendar day with a non-cancelled line: the
-- day's value is all of that day's lines, cancellations netted (the rules
-- of app/clv.go: BG/NBD and Gamma-Gamma inputs). day is the day number
-- since 1970-01-01 (unixepoch(date) / 86400): an integer is half the bytes
-- of 'YYYY-MM-DD' on a table with a row per purchase.
CREATE TABLE order_customer_days (
	customer_id TEXT NOT NULL,
	day         INTEGER NOT NULL,
	cents       INTEGER NOT NULL,
	PRIMARY KEY (customer_id, day)
) STRICT, WITHOUT ROWID;                       -- read in customer and day order, no lookups

-- One row per SKU (stock_code, non-empty) and calendar day with a line:
-- revenue and units of every line, cancellations netted (what Products and
-- the report's product sales sum), and the units and number of the
-- non-cancelled lines (replenish's daily demand and its list of SKUs ever
-- sold). Per day rather than per month: those windows end on a given day,
-- so a month row would not split at the window's edges.
CREATE TABLE order_sku_days (
	stock_code    TEXT NOT NULL,
	day           INTEGER NOT NULL,
	revenue_cents INTEGER NOT NULL,
	units         INTEGER NOT NULL,
	sold_units    INTEGER NOT NULL,
	sold_lines    INTEGER NOT NULL CHECK (sold_lines >= 0),
	PRIMARY KEY (stock_code, day)
) STRICT, WITHOUT ROWID;

-- Filled from the lines by fillDaySummaries (data/migratefill.go), in Go
-- and in this migration's transaction: it reads the lines once, counting
-- them as it goes, so opening a workspace with a million lines shows how
-- far it is (this was two GROUP BYs, seconds with no sign of life).

-- A line written by anything but an import or an undo (which rebuild the
-- summaries in their own transaction, with these triggers dropped while
-- they write) marks the summaries stale: PurchaseDays and ProductSales then
-- read the lines until the next rebuild, so no writer can leave them
-- reading numbers the lines no longer hold.
CREATE TRIGGER order_lines_stale_insert AFTER INSERT ON order_lines
	BEGIN INSERT OR IGNORE INTO meta (key, value) VALUES ('orders.summaries_stale', '1'); END;
CREATE TRIGGER order_lines_stale_update AFTER UPDATE ON order_lines
	BEGIN INSERT OR IGNORE INTO meta (key, value) VALUES ('orders.summaries_stale', '1'); END;
CREATE TRIGGER order_lines_stale_delete AFTER DELETE ON order_lines
	BEGIN INSERT OR IGNORE INTO meta (key, value) VALUES ('orders.summaries_stale', '1'); END;
