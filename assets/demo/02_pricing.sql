-- Pricing and channels demo (issue 3): the channel facts the parcel ranking
-- enforces, FBA and warehouse fees, referral rates by category, and a few
-- saved quotes. Fees are in the destination currency's cents (JPY as yen*100).

UPDATE logistics_channels SET battery_ok = 1, liquid_ok = 0, max_weight_g = 70000 WHERE name LIKE 'DHL Express%';
UPDATE logistics_channels SET battery_ok = 1, liquid_ok = 0, max_weight_g = 68000 WHERE name LIKE 'FedEx IP%';
UPDATE logistics_channels SET battery_ok = 0, liquid_ok = 0, max_weight_g = 2000 WHERE name LIKE 'China Post%';
UPDATE logistics_channels SET market = 'DE,FR', battery_ok = 1, liquid_ok = 0, max_weight_g = 30000 WHERE name LIKE '燕文专线%';
-- Overseas warehouses: pick, pack and last mile per order.
UPDATE logistics_channels SET battery_ok = 1, liquid_ok = 1, fulfilment_cents = 520 WHERE name LIKE '海运 + 美国海外仓%';
UPDATE logistics_channels SET market = 'DE,FR', battery_ok = 1, liquid_ok = 1, fulfilment_cents = 480 WHERE name LIKE '空运 + 德国海外仓%';
-- FBA fulfilment fee for a small standard-size parcel.
UPDATE logistics_channels SET battery_ok = 1, liquid_ok = 1, fulfilment_cents = 322 WHERE name LIKE 'Amazon FBA US%';
UPDATE logistics_channels SET battery_ok = 1, liquid_ok = 1, fulfilment_cents = 31800 WHERE name LIKE 'Amazon FBA JP%';

INSERT INTO logistics_channels (name, type, market, first_weight_g, first_price_fen, per_kg_fen, vol_divisor,
	days_min, days_max, tracking, stability, restrictions, fulfilment_cents, max_weight_g, battery_ok, liquid_ok) VALUES
('云途 ePacket 挂号小包 (GB/DE/FR)', 'postal', 'GB,DE,FR', 50, 1800, 7200, 8000, 8, 15, 1, 3,
 '可走内置电池（需报备）；单件 ≤ 2 kg；长+宽+高 ≤ 90 cm；不收液体、粉末', 0, 2000, 1, 0),
('Amazon FBA UK（空派头程）', 'fba', 'GB', 500, 4900, 3400, 5000, 1, 3, 1, 5,
 '需 FNSKU 标签；英国 VAT 号；含锂电池需 hazmat 审核；买家收货 1–3 天（Prime，从 FBA 库存发出）；空派头程 9–13 天入仓（补货周期，不计入时效）', 283, 0, 1, 1),
('Amazon FBA DE（空派头程）', 'fba', 'DE,FR', 500, 5100, 3500, 5000, 1, 3, 1, 4,
 '需德国 VAT 号、EPR 注册号（包装法、WEEE、电池法）；Pan-EU 可配送 FR；买家收货 1–3 天（从 FBA 库存发出）；空派头程 9–13 天入仓（补货周期，不计入时效）', 302, 0, 1, 1);

-- Amazon referral fees by category (simplified); Shopify has none.
UPDATE platforms SET category_rates = 'Kitchen:0.15;Storage:0.15;Lighting:0.15;Phone accessories:0.08' WHERE name LIKE 'Amazon %';
UPDATE platforms SET category_rates = 'Phone accessories:0.10' WHERE name = 'Amazon JP';
UPDATE platforms SET category_rates = 'Phone accessories:0.10;Kitchen:0.1325' WHERE name = 'eBay';

-- Saved quotes: what the seller priced recently.
INSERT INTO quotes (product_sku, product_name, market, platform, channel, currency, inputs, landed_cents,
	recommended_cents, price_cents, profit_cents, margin, saved_at) VALUES
('HL-KT-001', 'Silicone Kitchen Utensil Set (5 pcs)', 'US', 'Amazon US', 'Amazon FBA US（空派头程）', 'USD',
 '{"purchase_cost":"18.5","other_unit_cost":"1.5","fx_rate":"7.2","weight_kg":"0.42","length_cm":"34","width_cm":"9.5","height_cm":"6","volumetric_divisor":"5000","freight_per_kg":"4.9","duty_rate":"0.034","duty_on_cif":false,"fulfilment_fee":"3.22","per_order_fee":"0","vat_rate":"0","referral_fee_rate":"0.15","payment_fee_rate":"0","ad_rate":"0.12","return_rate":"0.03","target_margin":"0.2","price":"19.99"}',
 493, 1630, 1999, 584, '0.2923', strftime('%Y-%m-%dT%H:%M:%SZ','now','-3 days')),
('HL-KT-004', 'Rechargeable Milk Frother (USB-C)', 'DE', 'Amazon DE', 'Amazon FBA DE（空派头程）', 'EUR',
 '{"purchase_cost":"26.5","other_unit_cost":"2","fx_rate":"7.75","weight_kg":"0.18","length_cm":"25","width_cm":"6","height_cm":"5","volumetric_divisor":"5000","freight_per_kg":"6.58","duty_rate":"0.027","duty_on_cif":true,"fulfilment_fee":"3.02","per_order_fee":"0","vat_rate":"0.19","referral_fee_rate":"0.15","payment_fee_rate":"0","ad_rate":"0.1","return_rate":"0.04","target_margin":"0.2","price":"14.99"}',
 499, 2287, 1499, 24, '0.0158', strftime('%Y-%m-%dT%H:%M:%SZ','now','-9 days')),
('HL-PA-002', 'Braided USB-C Cable 1 m (2-pack)', 'GB', 'eBay', '云途 ePacket 挂号小包 (GB/DE/FR)', 'GBP',
 '{"purchase_cost":"9.8","other_unit_cost":"0.8","fx_rate":"9.1","weight_kg":"0.095","length_cm":"12","width_cm":"8","height_cm":"2.5","volumetric_divisor":"8000","freight_per_kg":"2.17","duty_rate":"0","duty_on_cif":true,"fulfilment_fee":"0","per_order_fee":"0.3","vat_rate":"0.2","referral_fee_rate":"0.1","payment_fee_rate":"0","ad_rate":"0.05","return_rate":"0.03","target_margin":"0.15","price":"7.99"}',
 137, 332, 799, 355, '0.4442', strftime('%Y-%m-%dT%H:%M:%SZ','now','-20 days'));

-- Competitor listings linked to the product they compete with, and a few
-- more listings so the competitor-based view has a spread to compare.
UPDATE competitors SET product_sku = 'HL-KT-001' WHERE competitor = 'Kitchora';
UPDATE competitors SET product_sku = 'HL-ST-001' WHERE competitor = 'NestNeat';
UPDATE competitors SET product_sku = 'HL-KT-002' WHERE competitor = 'Homlyx';
UPDATE competitors SET product_sku = 'HL-KT-004' WHERE competitor = 'Brauwerk';
UPDATE competitors SET product_sku = 'HL-ST-003' WHERE competitor = 'Rangéo';
UPDATE competitors SET product_sku = 'HL-KT-005' WHERE competitor = 'Kurashi Labo';
UPDATE competitors SET product_sku = 'HL-PA-001' WHERE competitor = 'Zenvo Tech';
UPDATE competitors SET product_sku = 'HL-PA-002' WHERE competitor = 'Voltiq';
UPDATE competitors SET product_sku = 'HL-LT-001' WHERE competitor = 'Lumaro';
UPDATE competitors SET product_sku = 'HL-ST-002' WHERE competitor = 'Hako Style';
INSERT INTO competitors (competitor, market, platform, product, price_cents, currency, rating, reviews, strengths, weaknesses, product_sku) VALUES
('Cookvana', 'US', 'Amazon US', 'Silicone spatula set, 5 pcs', 1699, 'USD', 4.3, 2210,
 '低价 + Coupon，5 色可选', 'Thin silicone, melts near 400°F per reviews', 'HL-KT-001'),
('Silvora Home', 'US', 'Amazon US', 'Silicone utensil set with holder, 8 pcs', 2499, 'USD', 4.5, 4380,
 'Holder included, gift-ready box', '价格偏高；holder 易倒', 'HL-KT-001'),
('Panbee', 'US', 'Walmart', 'Silicone kitchen utensils, 6 pcs', 1499, 'USD', 4.1, 860,
 'Walmart 线下同款，价格最低', 'Few colours; 评论少', 'HL-KT-001'),
('Schaumwerk', 'DE', 'Amazon DE', 'Milchaufschäumer Akku, USB-C', 1299, 'EUR', 4.2, 1540,
 'Günstigster Akku-Schäumer in den Top 10', '续航短；只有 1 年保修', 'HL-KT-004'),
('Milchfee', 'DE', 'Amazon DE', 'Milchaufschäumer mit Ständer', 1799, 'EUR', 4.6, 2730,
 'Ständer + 2 Aufsätze, schönes Design', 'Nicht wiederaufladbar (AA-Batterien)', 'HL-KT-004'),
('Cablora', 'GB', 'Amazon UK', 'USB-C cable 1 m braided, 2-pack', 699, 'GBP', 4.4, 6120,
 'Prime, 60W, lifetime warranty claim', '包装简陋', 'HL-PA-002'),
('Linkwise', 'GB', 'eBay', 'USB-C to USB-C 1 m, 2-pack, 100W', 949, 'GBP', 4.2, 730,
 '100W PD, UK seller', '价格高于 £8.99 心理价位', 'HL-PA-002');

-- Head haul (头程) as bulk freight (issue 13): FBA and overseas-warehouse rows
-- are charged per chargeable kg with no first weight. Air freight uses the
-- 6000 cm³/kg divisor; sea freight is charged per revenue ton (1 m³ = 1 t), a
-- 1000 cm³/kg divisor, so its per-kg rate is the per-CBM rate ÷ 1000. Air
-- forwarders (空派) charge at least 21 kg a shipment, spread over a carton of
-- 100 units; storage per unit is for about three months of a small item.
UPDATE logistics_channels SET first_weight_g = 0, first_price_fen = 0, vol_divisor = 6000,
	min_charge_fen = 21 * per_kg_fen, carton_units = 100, storage_cents = 15 WHERE name LIKE 'Amazon FBA US%';
UPDATE logistics_channels SET first_weight_g = 0, first_price_fen = 0, vol_divisor = 6000,
	min_charge_fen = 21 * per_kg_fen, carton_units = 100, storage_cents = 12 WHERE name LIKE 'Amazon FBA UK%';
UPDATE logistics_channels SET first_weight_g = 0, first_price_fen = 0, vol_divisor = 6000,
	min_charge_fen = 21 * per_kg_fen, carton_units = 100, storage_cents = 12 WHERE name LIKE 'Amazon FBA DE%';
-- Sea to Tokyo, LCL about ¥2,000 per CBM delivered to the FBA warehouse; yen*100.
UPDATE logistics_channels SET first_weight_g = 0, first_price_fen = 0, vol_divisor = 1000, per_kg_fen = 200,
	storage_cents = 800 WHERE name LIKE 'Amazon FBA JP%';
-- Matson fast boat LCL about ¥2,500 per CBM to the California warehouse.
UPDATE logistics_channels SET first_weight_g = 0, first_price_fen = 0, vol_divisor = 1000, per_kg_fen = 250,
	storage_cents = 20 WHERE name LIKE '海运 + 美国海外仓%';
UPDATE logistics_channels SET first_weight_g = 0, first_price_fen = 0, vol_divisor = 6000,
	min_charge_fen = 21 * per_kg_fen, carton_units = 100, storage_cents = 15 WHERE name LIKE '空运 + 德国海外仓%';
