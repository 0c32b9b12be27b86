-- Schema 8 (assigned number 12, issue 16): advertising and traffic. Amazon's
-- Sponsored Products search term and campaign reports and the Business
-- Report, as imported; money in minor units (cents), days as YYYY-MM-DD.
-- Each table's primary key is the row key the issue gives, so importing the
-- same rows again replaces them. A daily report has start_date = end_date.

-- A search term report row is (period, campaign, ad group, targeting, match
-- type, search term) with its counts. The text part of the key is stored once
-- in ads_terms and the daily counts point at it: a quarter of a large account
-- is ~100,000 rows over a few thousand terms, so the import binds numbers,
-- not strings, and `ads terms` sums by term id in key order without sorting.
CREATE TABLE ads_terms (
	id          INTEGER PRIMARY KEY,
	campaign    TEXT NOT NULL,
	ad_group    TEXT NOT NULL,
	targeting   TEXT NOT NULL,
	match_type  TEXT NOT NULL, -- EXACT, PHRASE, BROAD or '-' (automatic)
	search_term TEXT NOT NULL,
	portfolio   TEXT NOT NULL DEFAULT '', -- as last imported
	currency    TEXT NOT NULL DEFAULT '',
	retailer    TEXT NOT NULL DEFAULT '',
	country     TEXT NOT NULL DEFAULT '',
	UNIQUE (campaign, ad_group, targeting, match_type, search_term)
) STRICT;

CREATE TABLE ads_term_days (
	term_id           INTEGER NOT NULL REFERENCES ads_terms (id),
	start_date        TEXT NOT NULL,
	end_date          TEXT NOT NULL,
	impressions       INTEGER NOT NULL,
	clicks            INTEGER NOT NULL,
	spend_cents       INTEGER NOT NULL,
	sales_cents       INTEGER NOT NULL,
	orders            INTEGER NOT NULL,
	units             INTEGER NOT NULL,
	adv_units         INTEGER NOT NULL DEFAULT 0,
	other_units       INTEGER NOT NULL DEFAULT 0,
	adv_sales_cents   INTEGER NOT NULL DEFAULT 0,
	other_sales_cents INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (term_id, start_date, end_date)
) STRICT, WITHOUT ROWID;

CREATE TABLE ads_campaign_days (
	start_date  TEXT NOT NULL,
	end_date    TEXT NOT NULL,
	campaign    TEXT NOT NULL,
	currency    TEXT NOT NULL DEFAULT '',
	impressions INTEGER NOT NULL,
	clicks      INTEGER NOT NULL,
	spend_cents INTEGER NOT NULL,
	sales_cents INTEGER NOT NULL,
	orders      INTEGER NOT NULL,
	units       INTEGER NOT NULL,
	PRIMARY KEY (campaign, start_date, end_date)
) STRICT, WITHOUT ROWID;

CREATE TABLE ads_business (
	start_date    TEXT NOT NULL,
	end_date      TEXT NOT NULL,
	child_asin    TEXT NOT NULL,
	parent_asin   TEXT NOT NULL DEFAULT '',
	title         TEXT NOT NULL DEFAULT '',
	sku           TEXT NOT NULL DEFAULT '',
	sessions      INTEGER NOT NULL,
	page_views    INTEGER NOT NULL,
	buy_box_bp    INTEGER NOT NULL, -- Featured Offer (Buy Box) %, hundredths of a percent
	units_ordered INTEGER NOT NULL,
	sales_cents   INTEGER NOT NULL,
	order_items   INTEGER NOT NULL,
	PRIMARY KEY (start_date, end_date, child_asin)
) STRICT, WITHOUT ROWID;

-- The search-term rules per campaign, remembered from the app; a campaign
-- without a row uses the defaults (0.30, 10, 2). sku ties a campaign to the
-- product it advertises, for TACoS and break-even ACoS.
CREATE TABLE ads_campaign_rules (
	campaign       TEXT PRIMARY KEY,
	target_acos    TEXT NOT NULL,
	negate_clicks  INTEGER NOT NULL CHECK (negate_clicks >= 1),
	harvest_orders INTEGER NOT NULL CHECK (harvest_orders >= 1),
	sku            TEXT NOT NULL DEFAULT ''
) STRICT;
