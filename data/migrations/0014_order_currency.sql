-- Schema 12: orders in several currencies (issue 14). A line keeps the
-- currency its prices are in; every summary is in the workspace's base
-- currency (meta 'currency'), each line converted at the rates in force on
-- its invoice day (app/fx_base.go states the rule).
--
-- NULL is the currency of meta 'orders.null_currency', or while that key is
-- absent the base currency: the column is written only for a line in
-- another currency, so this migration rewrites no line of a million-line
-- workspace, and neither does a change of the base (it records the old base
-- as 'orders.null_currency' once, instead of setting every NULL line).
ALTER TABLE order_lines ADD COLUMN currency TEXT;
ALTER TABLE order_lines_replaced ADD COLUMN currency TEXT;        -- so undo puts it back

-- The currencies in use, without a scan: most lines are NULL and not in it.
CREATE INDEX order_lines_by_currency ON order_lines (currency) WHERE currency IS NOT NULL;
