-- Demo: target-market scoring, segmentation and positioning, note
-- attachments, the new-product pipeline and checklists of Harbor Lane Home.

-- The shop's own criterion beside the seven built-in ones.
INSERT INTO scoring_criteria (name, weight, inverse, position) VALUES
('现有供应链可直接供货 Existing suppliers can make it', '0.05', 0, 8);

INSERT INTO scoring_markets (country, geographic, demographic, psychographic, behavioural, positioning) VALUES
('US',
 '全国，重点加州、得州、佛州等郊区独栋住宅；海外仓覆盖西海岸 2–5 天',
 '28–45 岁，家庭收入 $60k–120k，有孩子的双职工家庭',
 'Meal prep, 收纳整理, "Instagrammable kitchen"; values convenience over brand',
 'Buys on Amazon Prime, reads 1-star reviews first, uses coupons; Q4 and spring cleaning peaks',
 'For busy US families who cook at home, Harbor Lane Home makes kitchen and storage gadgets that save ten minutes a day, with heat-proof, BPA-free materials at mid-market prices — unlike no-name listings that melt or crack.'),
('GB',
 'England first (London, Manchester, Leeds); Scotland and NI later',
 '25–55, renters in smaller homes; many buy gifts',
 'Price-aware since 2023, likes "clever" small-space solutions',
 'Compares Amazon UK and eBay; expects 2–3 day delivery; stocking-filler season Nov–Dec',
 'For UK renters short on space, Harbor Lane Home offers clever kitchen and storage helpers under £20 that ship in days, not weeks.'),
('DE',
 '全国，柏林、慕尼黑、汉堡等大城市公寓；经法兰克福海外仓辐射奥地利',
 '30–60 岁，注重品质的中等收入家庭',
 '环保、耐用、安静；重视说明书和认证（CE、WEEE）',
 '亚马逊德国站 + 比价网站；退货率高于平均；看重 USB-C 和德语客服',
 'Für qualitätsbewusste Haushalte: leise, langlebige Küchenhelfer mit USB-C und deutschem Service — geprüft nach CE und WEEE.'),
('FR',
 'Île-de-France and big-city apartments first',
 '28–45, women in apartments of about 48 m², design-minded',
 'Wants less plastic, bamboo and glass preferred; "fait pour durer"',
 'Compares with Action and Carrefour; reads French reviews; needs Triman on boxes',
 'Pour les petits appartements : des rangements en bambou et verre, jolis et durables, à prix juste.'),
('JP',
 '东京、大阪都市圈公寓；先做亚马逊日本站，再开乐天',
 '25–45 岁，单身及双职工小家庭',
 '极简白色设计、抗菌防霉、精致包装',
 '在 3COINS、Loft 线下比价；期待 24 小时内敬语回复；乐天 SALE 集中购买',
 '为住在小公寓的日本消费者，提供白色极简、精度可靠、包装精美的厨房小工具。');

-- Scores 1–5 (competition and compliance burden: 5 = heavy, counted inversely).
WITH v (country, key, score, note) AS (VALUES
 ('US', 'market_size', 5, 'Largest Amazon market; kitchen gadgets search volume 10× DE'),
 ('US', 'growth', 3, 'Mature; TikTok Shop growing fast'),
 ('US', 'competition', 5, 'Kitchora, Zenvo: 10k+ reviews on top listings'),
 ('US', 'resource_fit', 4, 'California warehouse, FBA account running'),
 ('US', 'advantage', 3, 'Price and speed of new SKUs, no brand yet'),
 ('US', 'logistics', 4, '海外仓 + FBA 空派，8–12 天入仓'),
 ('US', 'compliance', 2, 'FDA food-contact tests for silicone; FCC for lights'),
 ('US', '', 5, 'All current suppliers ship to US'),
 ('GB', 'market_size', 3, 'About a quarter of US'),
 ('GB', 'growth', 2, 'Price-sensitive since 2023'),
 ('GB', 'competition', 4, 'eBay price war on cables'),
 ('GB', 'resource_fit', 3, 'No UK warehouse yet'),
 ('GB', 'advantage', 3, 'Small-space products fit UK homes'),
 ('GB', 'logistics', 3, 'DHL express or dedicated line'),
 ('GB', 'compliance', 3, 'UKCA for electricals; keep to unplugged items'),
 ('GB', '', 4, NULL),
 ('DE', 'market_size', 4, 'Largest EU Amazon market'),
 ('DE', 'growth', 4, '奶泡器、感应灯搜索量增长快'),
 ('DE', 'competition', 3, 'Fewer Chinese sellers with German service'),
 ('DE', 'resource_fit', 4, 'Frankfurt warehouse in use'),
 ('DE', 'advantage', 4, 'USB-C, quiet products match what reviews ask for'),
 ('DE', 'logistics', 4, '空运 + 德国海外仓 7–10 天'),
 ('DE', 'compliance', 5, 'VerpackG, WEEE, GPSR, battery law: ¥9k–12k first year'),
 ('DE', '', 4, NULL),
 ('FR', 'market_size', 3, NULL),
 ('FR', 'growth', 3, NULL),
 ('FR', 'competition', 2, 'Few sellers in bamboo storage'),
 ('FR', 'resource_fit', 2, 'No French speaker in the team'),
 ('FR', 'advantage', 4, 'Bamboo lids won the Paris focus group'),
 ('FR', 'logistics', 3, 'Yanwen line, or Frankfurt warehouse via DHL Paket'),
 ('FR', 'compliance', 4, 'EPR numbers per category, Triman logo'),
 ('FR', '', 3, NULL),
 ('JP', 'market_size', 3, NULL),
 ('JP', 'growth', 2, 'Scale price war; margins under 10 percent'),
 ('JP', 'competition', 4, '3COINS and Tanita set low price anchors'),
 ('JP', 'resource_fit', 2, 'Needs Japanese service within 24 h'),
 ('JP', 'advantage', 3, 'White minimalist designs fit'),
 ('JP', 'logistics', 4, 'FBA JP sea freight 7–10 days'),
 ('JP', 'compliance', 3, 'PSE for mains-powered items; IOR needed'),
 ('JP', '', 3, NULL)
)
INSERT INTO scoring_cells (market_id, criterion_id, score, note)
SELECT m.id, c.id, v.score, coalesce(v.note, '')
FROM v
JOIN scoring_markets m ON m.country = v.country
JOIN scoring_criteria c ON (v.key <> '' AND c.key = v.key) OR (v.key = '' AND c.key = '' AND c.position = 8);

-- Files the team attached to notes (paths on the team's laptops).
INSERT INTO note_attachments (note_id, path)
SELECT id, '/home/lisa/Research/keepa-silicone-utensils.png' FROM notes WHERE title LIKE '美国站硅胶铲勺%'
UNION ALL
SELECT id, '/home/lisa/Research/chopper-survey-results.xlsx' FROM notes WHERE title LIKE 'Post-purchase survey%'
UNION ALL
SELECT id, '/home/wanglei/调研/东京实地考察照片.zip' FROM notes WHERE title LIKE '东京实地考察%';

-- New-product pipeline: ideas and samples in progress.
UPDATE products SET pipeline = 'sample' WHERE sku = 'HL-KT-006';
UPDATE products SET pipeline = 'market_check' WHERE sku = 'HL-ST-004';
UPDATE products SET pipeline = 'compliance' WHERE sku = 'HL-LT-002';

-- A figure the team entered for the BCG view: the kettle has no sales yet,
-- so its category growth comes from the Helium 10 data.
UPDATE products SET market_growth = '0.35', relative_share = '0.2' WHERE sku = 'HL-KT-006';

INSERT INTO product_checks (product_id, item, done_on)
SELECT p.id, v.item, date('now', v.ago)
FROM (SELECT 'HL-KT-006' AS sku, 'market_check.demand' AS item, '-60 days' AS ago
      UNION ALL SELECT 'HL-KT-006', 'market_check.competitors', '-58 days'
      UNION ALL SELECT 'HL-KT-006', 'market_check.target_price', '-55 days'
      UNION ALL SELECT 'HL-KT-006', 'market_check.margin', '-54 days'
      UNION ALL SELECT 'HL-KT-006', 'sample.suppliers', '-40 days'
      UNION ALL SELECT 'HL-KT-006', 'sample.sample_ordered', '-30 days'
      UNION ALL SELECT 'HL-ST-004', 'market_check.demand', '-10 days'
      UNION ALL SELECT 'HL-LT-002', 'market_check.demand', '-35 days'
      UNION ALL SELECT 'HL-LT-002', 'market_check.competitors', '-34 days'
      UNION ALL SELECT 'HL-LT-002', 'market_check.target_price', '-30 days'
      UNION ALL SELECT 'HL-LT-002', 'market_check.margin', '-30 days'
      UNION ALL SELECT 'HL-LT-002', 'sample.suppliers', '-25 days'
      UNION ALL SELECT 'HL-LT-002', 'sample.sample_ordered', '-22 days'
      UNION ALL SELECT 'HL-LT-002', 'sample.sample_tested', '-12 days'
      UNION ALL SELECT 'HL-LT-002', 'sample.cost_confirmed', '-12 days'
      UNION ALL SELECT 'HL-LT-002', 'compliance.ip_check', '-5 days'
      UNION ALL SELECT 'HL-KT-001', 'pack.drop_test', '-300 days'
      UNION ALL SELECT 'HL-KT-001', 'pack.barcode', '-300 days'
      UNION ALL SELECT 'HL-KT-001', 'pack.warning_labels', '-300 days'
      UNION ALL SELECT 'HL-KT-001', 'pack.main_image', '-290 days'
      UNION ALL SELECT 'HL-KT-001', 'pack.lifestyle_images', '-290 days'
      UNION ALL SELECT 'HL-KT-004', 'pack.barcode', '-200 days'
      UNION ALL SELECT 'HL-KT-004', 'pack.language', '-200 days'
      UNION ALL SELECT 'HL-KT-004', 'pack.recycling_marks', '-120 days') AS v
JOIN products p ON p.sku = v.sku;
