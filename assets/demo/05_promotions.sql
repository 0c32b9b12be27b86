-- Demo: promotions and risks (issue 6). Runs after 00_core.sql.
-- Budgets are split by line (budget_cents = their total), past campaigns get
-- a plan and either real orders (Prime Day: extra order lines below) or typed
-- figures (Rakuten: marketplace report), so the evaluation has something true
-- to show. Money in workspace (USD) cents. Dates are set in data/demo_story.go
-- from the market-event calendar; plan prices are the list prices there.

UPDATE campaigns SET products = 'HL-KT-001,HL-KT-002,HL-KT-004', markets = 'US,GB,DE,JP',
	discount_cents = 15000, ads_cents = 8000, kol_cents = 0, samples_cents = 2000, budget_cents = 25000,
	plan_price_cents = 1999, plan_unit_cost_cents = 520, plan_discount = '0.2', plan_baseline_units = 20,
	notes = 'Lightning deals on the three kitchen best sellers; 20% off, Sponsored Products budget doubled for 4 days.'
	WHERE name = 'Prime Day 厨房小工具';

UPDATE campaigns SET products = 'HL-PA-001,HL-PA-002,HL-PA-004',
	discount_cents = 18000, ads_cents = 16000, kol_cents = 15000, samples_cents = 6000, budget_cents = 55000,
	plan_price_cents = 1299, plan_unit_cost_cents = 520, plan_discount = '0.15', plan_baseline_units = 90,
	notes = '15% coupon on phone accessories for students; TikTok creators were paid and got free samples. Most coupons went to buyers who would have bought anyway.'
	WHERE name = 'Back to school 手机配件 coupon';

UPDATE campaigns SET products = 'HL-KT-005',
	discount_cents = 18000, ads_cents = 9000, kol_cents = 0, samples_cents = 3000, budget_cents = 30000,
	plan_price_cents = 2199, plan_unit_cost_cents = 1650, plan_discount = '0.3', plan_baseline_units = 25,
	margin_rate = '0.18', eval_typed = 1,
	eval_base_revenue_cents = 31000, eval_base_orders = 24, eval_base_new = 6,
	eval_revenue_cents = 84200, eval_orders = 61, eval_new = 23,
	notes = 'Clearing the 5 kg scales before delisting. Figures typed from the Rakuten RMS sales report (orders are not imported).'
	WHERE name = '楽天スーパーSALE 电子秤清仓';

-- Samples $10: with the orders in each market's currency (converted into
-- USD at the day's rates) a $30 sample line took this small win to a loss.
UPDATE campaigns SET discount_cents = 30000, ads_cents = 12000, kol_cents = 5000, samples_cents = 1000, budget_cents = 48000,
	plan_price_cents = 1299, plan_unit_cost_cents = 560, plan_discount = '0.2', plan_baseline_units = 120
	WHERE name = '11.11 Singles'' Day 满 $40 减 $8';

UPDATE campaigns SET products = 'HL-KT-001,HL-KT-002,HL-KT-004,HL-ST-001,HL-PA-004',
	discount_cents = 150000, ads_cents = 100000, kol_cents = 35000, samples_cents = 15000, budget_cents = 300000,
	plan_price_cents = 1999, plan_unit_cost_cents = 610, plan_discount = '0.25', plan_baseline_units = 260,
	notes = 'Deals submitted 8 weeks ahead; stock at FBA and the US overseas warehouse by early November.'
	WHERE name = 'Black Friday / Cyber Monday';

UPDATE campaigns SET products = 'HL-KT-006,HL-KT-004,HL-ST-002',
	discount_cents = 40000, ads_cents = 50000, kol_cents = 25000, samples_cents = 5000, budget_cents = 120000,
	plan_price_cents = 3999, plan_unit_cost_cents = 1650, plan_discount = '0.1', plan_baseline_units = 45
	WHERE name = 'Christmas gifting 礼盒套装';

UPDATE campaigns SET discount_cents = 0, ads_cents = 8000, kol_cents = 0, samples_cents = 0, budget_cents = 20000,
	plan_price_cents = 999, plan_unit_cost_cents = 540, plan_discount = '0', plan_baseline_units = 40
	WHERE name = 'Boxing Day 清库存包邮 (UK)';
-- free shipping: the shipping subsidy is the discount line
UPDATE campaigns SET discount_cents = 12000 WHERE name = 'Boxing Day 清库存包邮 (UK)';

UPDATE campaigns SET products = 'HL-PA-001',
	discount_cents = 6000, ads_cents = 9000, kol_cents = 8000, samples_cents = 2000, budget_cents = 25000,
	plan_price_cents = 1299, plan_unit_cost_cents = 210, plan_discount = '0', plan_baseline_units = 70
	WHERE name = 'Valentine''s Day 手机壳买一送绳';

UPDATE campaigns SET products = 'HL-ST-001,HL-ST-002,HL-ST-003',
	discount_cents = 20000, ads_cents = 40000, kol_cents = 15000, samples_cents = 5000, budget_cents = 80000,
	plan_price_cents = 2499, plan_unit_cost_cents = 1050, plan_discount = '0.15', plan_baseline_units = 80
	WHERE name = 'Spring cleaning storage bundle';

-- Mother's Day in the US, Germany and Japan (second Sunday of May): the
-- frother with a gift pouch for the two weeks before.
INSERT INTO campaigns (name, goal, type, markets, platform, starts_on, ends_on, budget_cents, lift,
	products, discount_cents, ads_cents, kol_cents, samples_cents, plan_price_cents, plan_unit_cost_cents,
	plan_discount, plan_baseline_units, notes) VALUES
('Mother''s Day 奶泡器礼盒', 'sales', 'gift', 'US,DE,JP', 'Amazon', date('now'), date('now'), 23000, '0.25',
	'HL-KT-004', 8000, 12000, 0, 3000, 1699, 700, '0', 60,
	'Gift pouch and card with every frother; Sponsored Brands on "gifts for mom".');

-- Deal of the month on the shop's own site: one product, 10 % off, every
-- month. Its dates (the current month) are set in data/demo_story.go, so a
-- campaign is always running when the demo is made.
INSERT INTO campaigns (name, goal, type, markets, platform, starts_on, ends_on, budget_cents, lift,
	products, discount_cents, ads_cents, kol_cents, samples_cents, plan_price_cents, plan_unit_cost_cents,
	plan_discount, plan_baseline_units, notes) VALUES
('Shopify 本月特惠 Deal of the month', 'sales', 'discount', 'US,GB,DE,FR', 'Shopify', date('now'), date('now'), 14000, '0.10',
	'HL-LT-001', 6000, 6000, 0, 2000, 2299, 980, '0.1', 120,
	'One product a month at 10% off in the newsletter and on the home page; this month the motion-sensor light.');

-- Two checklists copied from the templates and partly worked through.
INSERT INTO risk_checklists (id, template, title, created_on) VALUES
	(1, 'quality', '', date('now', '-40 days')),
	(2, 'tax', '', date('now', '-25 days'));
INSERT INTO risk_checklist_items (checklist_id, position, key, text, done, owner, due_on, evidence) VALUES
	(1, 0, 'risks.tpl.quality.ce', '', 1, '王磊', date('now', '-20 days'), 'CE-RED DoC HL-KT-004 (SGS report SZ2026-0412).pdf'),
	(1, 1, 'risks.tpl.quality.fcc', '', 0, '王磊', date('now', '+7 days'), 'Lab booked; SDoC draft in shared drive'),
	(1, 2, 'risks.tpl.quality.ukca', '', 0, '王磊', date('now', '-3 days'), ''),
	(1, 3, 'risks.tpl.quality.test_reports', '', 1, '刘婷', date('now', '-30 days'), 'FDA 21 CFR 177.2600 report HL-KT-001; LFGB report'),
	(1, 4, 'risks.tpl.quality.aql', '', 1, '刘婷', '', 'QC checklist v3 in 飞书'),
	(1, 5, 'risks.tpl.quality.labels', '', 0, 'Lisa Chen', date('now', '+14 days'), ''),
	(1, 6, 'risks.tpl.quality.gpsr', '', 0, 'Lisa Chen', date('now', '+21 days'), 'EU responsible person: quote from EU-Rep GmbH'),
	(2, 0, 'risks.tpl.tax.vat_registration', '', 1, 'Lisa Chen', '', 'UK VAT GB 123 4567 89; DE USt-IdNr. DE 312 345 678'),
	(2, 1, 'risks.tpl.tax.ioss', '', 0, 'Lisa Chen', date('now', '+20 days'), 'Intermediary contract in review'),
	(2, 2, 'risks.tpl.tax.export_rebate', '', 1, '陈静', '', '9810 declarations Q3 matched with VAT special invoices'),
	(2, 3, 'risks.tpl.tax.invoices', '', 0, '陈静', date('now', '-2 days'), ''),
	(2, 4, 'risks.tpl.tax.us_sales_tax', '', 0, '', '', '');
