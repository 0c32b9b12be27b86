-- Pricing and channel selection (issue 3): saved quotes, platform fees by
-- category, and the channel facts a parcel ranking needs.

-- Referral fee rates by product category, as "Category:0.15" pairs separated
-- by ";" (categories are free text without ":" or ";"); a category not listed
-- pays referral_rate.
ALTER TABLE platforms ADD COLUMN category_rates TEXT NOT NULL DEFAULT '';

-- Fulfilment or last-mile fee per order in the destination currency's cents
-- (FBA fee, overseas warehouse pick-and-pack); 0 when the freight covers
-- delivery to the door.
ALTER TABLE logistics_channels ADD COLUMN fulfilment_cents INTEGER NOT NULL DEFAULT 0 CHECK (fulfilment_cents >= 0);
-- Restrictions the ranking enforces; the free-text restrictions column keeps
-- the detail. max_weight_g 0 means no limit.
ALTER TABLE logistics_channels ADD COLUMN max_weight_g INTEGER NOT NULL DEFAULT 0 CHECK (max_weight_g >= 0);
ALTER TABLE logistics_channels ADD COLUMN battery_ok INTEGER NOT NULL DEFAULT 1 CHECK (battery_ok IN (0,1));
ALTER TABLE logistics_channels ADD COLUMN liquid_ok INTEGER NOT NULL DEFAULT 0 CHECK (liquid_ok IN (0,1));

-- The catalogue product a competitor listing competes with, by SKU, so the
-- pricing screen compares like with like; '' when not linked.
ALTER TABLE competitors ADD COLUMN product_sku TEXT NOT NULL DEFAULT '';

-- One saved quote per product x market x platform x channel; saving the same
-- combination again replaces it. inputs is the app.QuoteInput as JSON with
-- the CLI's snake_case names (decimals as strings), so a quote reopens with
-- exactly what was typed. The figures beside it are for lists and sorting,
-- in the selling currency's minor units; NULL where no price reaches the
-- target.
CREATE TABLE quotes (
	id                INTEGER PRIMARY KEY,
	product_sku       TEXT NOT NULL DEFAULT '',
	product_name      TEXT NOT NULL DEFAULT '',
	market            TEXT NOT NULL DEFAULT '',
	platform          TEXT NOT NULL DEFAULT '',
	channel           TEXT NOT NULL DEFAULT '',
	currency          TEXT NOT NULL DEFAULT 'USD',
	inputs            TEXT NOT NULL CHECK (json_valid(inputs)),
	landed_cents      INTEGER NOT NULL,
	recommended_cents INTEGER,
	price_cents       INTEGER,
	profit_cents      INTEGER,
	margin            TEXT NOT NULL DEFAULT '',
	saved_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	UNIQUE (product_sku, market, platform, channel)
) STRICT;
