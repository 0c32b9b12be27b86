-- Schema 5: promotion planning and evaluation, market events, risk
-- checklists (issue 6). Money in integer cents of the workspace currency,
-- rates as decimal TEXT, dates as YYYY-MM-DD UTC.

-- Campaign planning: products on promotion (comma separated SKUs), the
-- budget by line (budget_cents stays their total, which the dashboard and
-- the report read), per-unit planning inputs, the gross margin rate ROI
-- applies ('0': derived from the plan) and typed evaluation figures for
-- campaigns whose orders are not in the workspace.
ALTER TABLE campaigns ADD COLUMN products TEXT NOT NULL DEFAULT '';
ALTER TABLE campaigns ADD COLUMN discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents >= 0);
ALTER TABLE campaigns ADD COLUMN ads_cents INTEGER NOT NULL DEFAULT 0 CHECK (ads_cents >= 0);
ALTER TABLE campaigns ADD COLUMN kol_cents INTEGER NOT NULL DEFAULT 0 CHECK (kol_cents >= 0);
ALTER TABLE campaigns ADD COLUMN samples_cents INTEGER NOT NULL DEFAULT 0 CHECK (samples_cents >= 0);
ALTER TABLE campaigns ADD COLUMN plan_price_cents INTEGER NOT NULL DEFAULT 0 CHECK (plan_price_cents >= 0);
ALTER TABLE campaigns ADD COLUMN plan_unit_cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (plan_unit_cost_cents >= 0);
ALTER TABLE campaigns ADD COLUMN plan_discount TEXT NOT NULL DEFAULT '0';
ALTER TABLE campaigns ADD COLUMN plan_baseline_units INTEGER NOT NULL DEFAULT 0 CHECK (plan_baseline_units >= 0);
ALTER TABLE campaigns ADD COLUMN margin_rate TEXT NOT NULL DEFAULT '0';
ALTER TABLE campaigns ADD COLUMN eval_typed INTEGER NOT NULL DEFAULT 0 CHECK (eval_typed IN (0,1));
ALTER TABLE campaigns ADD COLUMN eval_base_revenue_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN eval_base_orders INTEGER NOT NULL DEFAULT 0 CHECK (eval_base_orders >= 0);
ALTER TABLE campaigns ADD COLUMN eval_base_new INTEGER NOT NULL DEFAULT 0 CHECK (eval_base_new >= 0);
ALTER TABLE campaigns ADD COLUMN eval_revenue_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN eval_orders INTEGER NOT NULL DEFAULT 0 CHECK (eval_orders >= 0);
ALTER TABLE campaigns ADD COLUMN eval_new INTEGER NOT NULL DEFAULT 0 CHECK (eval_new >= 0);
ALTER TABLE campaigns ADD COLUMN notes TEXT NOT NULL DEFAULT '';
-- Budgets written before the split keep their total as the ads line.
UPDATE campaigns SET ads_cents = budget_cents;

-- The market calendar, per year: built-in events (key set, named by the
-- translations) are computed by app.DefaultMarketEvents the first time a
-- year is shown and stored here, so the seller can move or delete them.
CREATE TABLE market_events (
	id        INTEGER PRIMARY KEY,
	year      INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
	key       TEXT NOT NULL DEFAULT '',
	name      TEXT NOT NULL DEFAULT '',
	markets   TEXT NOT NULL DEFAULT '',          -- comma separated; '' = everywhere
	starts_on TEXT NOT NULL,
	ends_on   TEXT NOT NULL CHECK (ends_on >= starts_on),
	CHECK (key <> '' OR name <> '')
) STRICT;
CREATE INDEX market_events_by_year ON market_events (year, starts_on);

-- Risk checklists copied from the built-in templates. Template items keep
-- their translation key, so a copied checklist reads in either language;
-- items the seller adds carry their own text.
CREATE TABLE risk_checklists (
	id         INTEGER PRIMARY KEY,
	template   TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL DEFAULT '',
	created_on TEXT NOT NULL,
	CHECK (template <> '' OR title <> '')
) STRICT;
CREATE TABLE risk_checklist_items (
	id           INTEGER PRIMARY KEY,
	checklist_id INTEGER NOT NULL REFERENCES risk_checklists (id) ON DELETE CASCADE,
	position     INTEGER NOT NULL,
	key          TEXT NOT NULL DEFAULT '',
	text         TEXT NOT NULL DEFAULT '',
	done         INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
	owner        TEXT NOT NULL DEFAULT '',
	due_on       TEXT NOT NULL DEFAULT '',        -- YYYY-MM-DD or '' for none
	evidence     TEXT NOT NULL DEFAULT '',
	CHECK (key <> '' OR text <> '')
) STRICT;
CREATE INDEX risk_checklist_items_by_list ON risk_checklist_items (checklist_id, position);

-- Campaign evaluation reads order lines by day.
CREATE INDEX IF NOT EXISTS order_lines_by_invoiced_at ON order_lines (invoiced_at);
