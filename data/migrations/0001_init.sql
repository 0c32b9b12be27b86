-- Workspace schema 1. Money is stored as integer minor units (cents, fen);
-- rates as decimal TEXT ('0.15'); dates as ISO TEXT in UTC.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE notes (
	id         INTEGER PRIMARY KEY,
	title      TEXT NOT NULL CHECK (title <> ''),
	market     TEXT NOT NULL DEFAULT '',          -- ISO country code
	method     TEXT NOT NULL DEFAULT 'desk_research',
	source     TEXT NOT NULL DEFAULT '',
	tags       TEXT NOT NULL DEFAULT '',          -- comma separated
	noted_on   TEXT NOT NULL,                     -- YYYY-MM-DD
	body       TEXT NOT NULL DEFAULT '',          -- Markdown
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
) STRICT;
CREATE INDEX notes_by_date ON notes (noted_on DESC);

CREATE TABLE competitors (
	id          INTEGER PRIMARY KEY,
	competitor  TEXT NOT NULL,
	market      TEXT NOT NULL DEFAULT '',
	platform    TEXT NOT NULL DEFAULT '',
	product     TEXT NOT NULL DEFAULT '',
	price_cents INTEGER NOT NULL DEFAULT 0,
	currency    TEXT NOT NULL DEFAULT 'USD',
	rating      REAL,                             -- 1..5 stars, not money
	reviews     INTEGER NOT NULL DEFAULT 0,
	strengths   TEXT NOT NULL DEFAULT '',
	weaknesses  TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE products (
	id          INTEGER PRIMARY KEY,
	sku         TEXT NOT NULL UNIQUE,
	name_zh     TEXT NOT NULL DEFAULT '',
	name_en     TEXT NOT NULL DEFAULT '',
	category    TEXT NOT NULL DEFAULT '',
	supplier    TEXT NOT NULL DEFAULT '',
	cost_fen    INTEGER NOT NULL DEFAULT 0 CHECK (cost_fen >= 0),   -- purchase cost, CNY minor units
	weight_g    INTEGER NOT NULL DEFAULT 0 CHECK (weight_g >= 0),
	length_mm   INTEGER NOT NULL DEFAULT 0,
	width_mm    INTEGER NOT NULL DEFAULT 0,
	height_mm   INTEGER NOT NULL DEFAULT 0,
	hs_code     TEXT NOT NULL DEFAULT '',
	markets     TEXT NOT NULL DEFAULT '',         -- comma separated country codes
	price_band  TEXT NOT NULL DEFAULT 'mid' CHECK (price_band IN ('high','mid','low')),
	role        TEXT NOT NULL DEFAULT 'profit' CHECK (role IN ('traffic','profit','image')),
	stage       TEXT NOT NULL DEFAULT 'introduction' CHECK (stage IN ('introduction','growth','maturity','decline')),
	status      TEXT NOT NULL DEFAULT 'idea' CHECK (status IN ('idea','sampling','listed','retired')),
	notes       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE logistics_channels (
	id              INTEGER PRIMARY KEY,
	name            TEXT NOT NULL,
	type            TEXT NOT NULL CHECK (type IN ('express','postal','dedicated_line','overseas_warehouse','fba')),
	market          TEXT NOT NULL DEFAULT '',
	first_weight_g  INTEGER NOT NULL DEFAULT 0,
	first_price_fen INTEGER NOT NULL DEFAULT 0,
	per_kg_fen      INTEGER NOT NULL DEFAULT 0,
	vol_divisor     INTEGER NOT NULL DEFAULT 6000 CHECK (vol_divisor > 0),
	days_min        INTEGER NOT NULL DEFAULT 0,
	days_max        INTEGER NOT NULL DEFAULT 0,
	tracking        INTEGER NOT NULL DEFAULT 1 CHECK (tracking IN (0,1)),
	stability       INTEGER NOT NULL DEFAULT 3 CHECK (stability BETWEEN 1 AND 5),
	restrictions    TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE platforms (
	id              INTEGER PRIMARY KEY,
	name            TEXT NOT NULL UNIQUE,
	referral_rate   TEXT NOT NULL DEFAULT '0.15',
	per_order_cents INTEGER NOT NULL DEFAULT 0,
	payment_rate    TEXT NOT NULL DEFAULT '0',
	markets         TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE campaigns (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL,
	goal         TEXT NOT NULL DEFAULT 'sales' CHECK (goal IN ('awareness','sales','clear_stock','new_customers')),
	type         TEXT NOT NULL DEFAULT 'discount' CHECK (type IN ('discount','coupon','spend_save','bundle','gift','flash_sale','free_shipping')),
	markets      TEXT NOT NULL DEFAULT '',
	platform     TEXT NOT NULL DEFAULT '',
	starts_on    TEXT NOT NULL,
	ends_on      TEXT NOT NULL CHECK (ends_on >= starts_on),
	budget_cents INTEGER NOT NULL DEFAULT 0 CHECK (budget_cents >= 0),
	lift         TEXT NOT NULL DEFAULT '0'
) STRICT;
CREATE INDEX campaigns_by_start ON campaigns (starts_on);

CREATE TABLE risks (
	id         INTEGER PRIMARY KEY,
	title      TEXT NOT NULL,
	category   TEXT NOT NULL CHECK (category IN ('ip','security','operations','quality','tax','fx','compliance','logistics')),
	likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
	impact     INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
	owner      TEXT NOT NULL DEFAULT '',
	mitigation TEXT NOT NULL DEFAULT '',
	status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','mitigating','closed')),
	review_on  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX risks_open ON risks (status, likelihood * impact DESC);

-- Order lines as exported by a shop: one row per invoice line.
CREATE TABLE order_lines (
	id               INTEGER PRIMARY KEY,
	invoice_no       TEXT NOT NULL,
	stock_code       TEXT NOT NULL DEFAULT '',
	description      TEXT NOT NULL DEFAULT '',
	quantity         INTEGER NOT NULL,
	invoiced_at      TEXT NOT NULL,               -- YYYY-MM-DD HH:MM:SS, UTC
	unit_price_cents INTEGER NOT NULL,
	customer_id      TEXT,                        -- NULL: a line with no customer
	country          TEXT NOT NULL DEFAULT ''
) STRICT;

-- Summaries of order_lines, rebuilt whenever order lines change, so the
-- dashboard never scans order_lines to start.
CREATE TABLE order_months (
	month         TEXT PRIMARY KEY,               -- YYYY-MM
	revenue_cents INTEGER NOT NULL,
	orders        INTEGER NOT NULL,
	lines         INTEGER NOT NULL
) STRICT;
CREATE TABLE order_countries (
	country       TEXT PRIMARY KEY,
	revenue_cents INTEGER NOT NULL,
	orders        INTEGER NOT NULL,
	customers     INTEGER NOT NULL
) STRICT;
