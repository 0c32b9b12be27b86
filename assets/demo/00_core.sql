-- Demo workspace: Harbor Lane Home (Shenzhen) / 港湾家居.
-- Home & kitchen gadgets and phone accessories sold to US, GB, DE, FR and JP.
-- Runs after the schema in one transaction. Dates are relative to the day the
-- demo is created. Money: products and logistics in CNY fen; competitors in
-- the listing currency's cents (JPY stored as yen*100); platforms' per-order
-- fee in the selling currency's cents; campaign budgets in workspace cents.

-- ---------------------------------------------------------------- notes
INSERT INTO notes (title, market, method, source, tags, noted_on, body) VALUES
('美国站硅胶铲勺 Top 10 竞品拆解', 'US', 'competitor_analysis',
 'Amazon.com 搜索 "silicone utensil set" + Keepa', 'kitchen,silicone,competitor,amazon',
 date('now','-12 days'),
'## 结论
- Top 10 均价 **$21.40**，中位数 $19.99；5–6 件套最多，12 件套卖到 $28–35
- 1 星差评集中在 "melted" 和 "smells like plastic"：标了 446°F / 230°C 耐温的 listing 差评明显少
- 8/10 主图写了 "BPA free / food grade"，3 家放了 FDA 检测报告截图 → 我们要补 FDA 21 CFR 177.2600 测试，认证费约 ¥1,800
- Kitchora 有 12.8k 评论，正面打不动；建议改 6 件套 + 挂架做差异化
- 价格 定在 **$19.99**，Coupon 10% 冲首批评论'),

('Post-purchase survey: chopper buyers (n=63)', 'US', 'questionnaire',
 'Shopify post-purchase survey, 3 weeks', 'chopper,survey,returns,us',
 date('now','-34 days'),
'Sent to 420 US buyers of HL-KT-002 (the last 12 months, those who accepted e-mail), **63 replies (15%)**.
- 62% bought it for meal prep, 21% as a gift, 17% to replace a broken one
- Top complaint: blades hard to clean (19 mentions) → add a cleaning brush in the box (+¥0.60/unit)
- 退货 reason #1 is "container cracked in transit" (9 of 23 returns) → 物流 packaging needs a thicker insert
- 44% would pay **$5 more** for a version with a 1.5 L container
- Likelihood to recommend: 8.1 / 10 on average'),

('Interview: independent kitchen shop owner, Leeds', 'GB', 'interview',
 'Zoom call with Sarah H. (shop owner), 45 min', 'uk,retail,interview,pricing',
 date('now','-51 days'),
'- Her best sellers are under **£15**: garlic presses, peelers, "anything that works as a stocking filler"
- Customers ask whether silicone is "properly food-safe" — she wants the LFGB / FDA 认证 printed on the box
- UK shoppers are very price-aware since 2023: a £24.99 chopper sits on the shelf, £17.99 moves
- Would test 2 SKUs wholesale at 50% of RRP, MOQ 24 pcs each
- Follow-up (Lisa): offer only items without a mains plug, to keep UKCA paperwork simple'),

('DE Amazon：Milchaufschäumer 品类数据', 'DE', 'market_data',
 'Helium 10 Xray, Amazon.de, 近 30 天', 'germany,frother,market-data,amazon',
 date('now','-20 days'),
'- 关键词 "milchaufschäumer" 月搜索量约 **210,000**，"milchaufschäumer elektrisch" 约 48,000
- 首页 48 个 listing 平均价格 **€15.20**；€9.99 以下的 11 个全部评分 < 4.0
- Top 3 月销量估算：4,800 / 3,100 / 2,650 单
- 类目退货率约 6–8%，最常见原因 "Akku hält nicht"（电池续航差）
- 德国买家看重 USB-C 充电和静音，评论里 "leise" 出现 300+ 次
- 建议定价 €16.99，走 FBA 德国站 + 欧洲配送网络'),

('德国合规清单：VerpackG、WEEE、GPSR', 'DE', 'desk_research',
 'LUCID 官网、stiftung ear、EU 2023/988 原文', 'germany,compliance,epr,weee,gpsr',
 date('now','-95 days'),
'1. **VerpackG**：寄给德国消费者的包装都要在 LUCID 注册并和回收系统签约（我们量小，年费约 €150）
2. **WEEE**：奶泡器、电子秤、感应灯属于电子电气设备，需要 stiftung ear 注册号，否则 Amazon.de 会下架
3. **GPSR**（2024-12-13 起）：每个产品要有欧盟境内负责人和产品标识，listing 里要填安全信息
4. **电池法**：含锂电池的产品还要做电池回收登记
- 预估首年合规成本 ¥9,000–12,000，对小单品利润的影响比 物流 成本还大'),

('France: Triman logo, EPR numbers and Info-tri', 'FR', 'desk_research',
 'ADEME website, Amazon Seller Central FR help pages', 'france,compliance,epr,packaging',
 date('now','-140 days'),
'- Amazon.fr asks for an **EPR unique identification number (IDU)** per category: packaging, electrical equipment, furniture
- Packaging sold to French consumers must carry the **Triman** logo + Info-tri sorting instructions
- Do the bamboo drawer dividers count as furniture? → ask the furniture EPR body; probably not (small accessory)
- 价格 check: French shoppers compare with Carrefour / Action, where vacuum bags sell at **€9.95**
- Action: add Triman to all EU boxes at the next packaging reprint (≈ ¥0.08/box)'),

('Focus group Paris：收纳产品偏好（6 人）', 'FR', 'focus_group',
 '合作调研公司，Paris 11e，90 分钟', 'france,storage,focus-group,design',
 date('now','-62 days'),
'- 6 位 28–45 岁、住公寓的女性，平均住房面积 **48 m²**
- 透明冰箱收纳盒反应最好，但觉得 "trop plastique"；竹盖版本 5/6 人更喜欢
- 可接受价格 €19–25 / 4 件套；超过 €30 只有 1 人愿意买
- 真空压缩袋：3 人担心 "空气会慢慢漏回去"，主图要展示 30 天测试
- 包装尽量少用塑料，法语说明书是基本要求'),

('东京实地考察：Loft / Tokyu Hands / 3COINS 厨房区', 'JP', 'field_visit',
 '东京出差，王磊 & 刘婷，2 天', 'japan,field-visit,retail,kitchen',
 date('now','-45 days'),
'- 3COINS 同类厨房小工具 **¥330–¥1,100**，Loft 设计款 ¥1,980–¥3,300，价差很明显
- 货架上的电子秤几乎都是 **白色、0.1 g 精度**，1 kg 以内的烘焙秤比 5 kg 的多
- 日本包装必须有日文说明和材质标注（如 "シリコーン 耐熱温度 230℃"）
- 竹制收纳在 Loft 很受欢迎，卖点是 "抗菌 / 防霉"
- MagSafe 透明手机壳 ¥2,480–¥3,980，比美国贵约 30%'),

('Amazon.co.jp キッチンスケール 価格帯分布', 'JP', 'market_data',
 'Amazon JP 搜索结果前 60 名 + Keepa', 'japan,scale,market-data,pricing',
 date('now','-9 days'),
'- ¥1,000–1,999：**27 个**，平均评分 4.1，是主战场
- ¥2,000–2,999：18 个，其中 Tanita、Dretec 占 9 个
- ¥3,000 以上：15 个，多为防水、带计时功能的款
- 我们的 HL-KT-005 按 ¥1,980 卖，扣掉 FBA 费用和 10% 消费税后毛利只剩 **9%**
- 结论：日本站 价格 战太激烈，这款秤已进入衰退期，不再追加库存'),

('采访日本代运营：乐天店铺运营要点', 'JP', 'interview',
 '大阪代运营公司 Tanaka-san，视频会议 1 小时', 'japan,rakuten,interview,service',
 date('now','-118 days'),
'- 乐天没有类似 FBA 的统一配送，店铺首页（店舗トップ）和 R-Mail 邮件营销非常重要
- 费用：月费 ¥25,000–¥130,000（按方案）+ 系统使用费 2–7% + 积分和支付手续费
- 日本客户希望 **当天或 24 小时内** 收到敬语回复，退货 处理慢会直接变成差评
- 乐天超级 SALE（3、6、9、12 月）能占很多店铺全年销量的 30% 以上
- 建议：先用 Amazon JP 验证产品，再开乐天店'),

('Store check: Target & HomeGoods, Dallas', 'US', 'field_visit',
 'Lisa Chen, store visit during US trip', 'us,retail,field-visit,storage',
 date('now','-150 days'),
'- Target fridge bins **$8–$15 each**; four of them cost ~$40 → our $27.99 4-pack is well placed
- HomeGoods: bamboo drawer organizers $12.99–$19.99, mostly the expandable type
- Under-cabinet LED lights: only rechargeable versions on shelf, $19.99 for a 2-pack
- Packaging uses big lifestyle photos and few words; nearly everything says "BPA free"
- Staff said March–April is the main reset for storage: plan a spring cleaning push'),

('UK 邮件问卷：手机配件购买习惯（n=240）', 'GB', 'questionnaire',
 'Klaviyo email survey, UK subscriber list', 'uk,phone-accessories,survey,service',
 date('now','-27 days'),
'- 发给 3,100 个英国订阅用户，回收 **240 份（7.7%）**
- 58% 只在换手机时买新手机壳，平均每年 1.6 次
- 买 USB-C 线最看重：耐用（71%）> 价格（52%）> 颜色（12%）
- 41% 希望客服 **24 小时内** 回复，23% 曾因等太久直接申请退货
- 透明壳可接受价格：£9.99–£14.99'),

('eBay UK USB-C 数据线竞品价格带', 'GB', 'competitor_analysis',
 'eBay.co.uk Terapeak，近 90 天', 'uk,ebay,cables,competitor',
 date('now','-70 days'),
'- 1 m 编织线 2 根装：售价 **£5.99–£9.49**（包邮），销量最高的 Voltiq 卖 £8.49
- 前 20 名卖家有 14 个从英国本地仓发货，2–3 天到；中国直发 7–12 天的销量明显偏低
- 差评主要是 "stopped charging after 2 weeks"，各家质量参差不齐
- 我们的 HL-PA-002 卖 £7.99 时毛利约 11%，价格 战没有空间 → 转为引流 / 搭售款，不再单独投广告'),

('Creator focus group: motion-sensor cabinet lights', 'US', 'focus_group',
 '5 US home & organizing creators, Zoom, 60 min', 'us,lighting,focus-group,tiktok,content',
 date('now','-6 days'),
'- 4 of 5 said the **warm 3000K** version looks better on video than 6000K cool white
- The hook is the magnetic strip: "installed in 10 seconds" — show it in the first 3 seconds
- Battery claims must be honest: one creator returned a rival light after 9 days (box said 30)
- Expected price **$19.99 for a 2-pack**, $29.99 for a 3-pack in a gift box before Christmas
- Two creators prefer 15–20% affiliate commission instead of a flat fee');

-- ---------------------------------------------------------------- competitors
INSERT INTO competitors (competitor, market, platform, product, price_cents, currency, rating, reviews, strengths, weaknesses) VALUES
('Kitchora', 'US', 'Amazon US', 'Silicone cooking utensil set, 6 pcs', 1999, 'USD', 4.6, 12840,
 '12.8k 评论，Amazon''s Choice；446°F heat-resistant claim in main image',
 'Handles loosen after months (1-star reviews)；部分买家反映首次使用有异味'),
('NestNeat', 'US', 'Shopify', 'Clear fridge organizer bins, 4-pack', 2900, 'USD', 4.7, 3420,
 'Strong Instagram / TikTok content, free shipping over $35, bundles with labels',
 '不在亚马逊；ships from China, 7–10 days'),
('Homlyx', 'GB', 'Amazon UK', 'Vegetable chopper 12-in-1', 2299, 'GBP', 4.4, 5610,
 'Many blade inserts, Prime delivery, video in listing',
 'Container cracks (recurring complaint), price above the £17.99 sweet spot'),
('Brauwerk', 'DE', 'Amazon DE', 'Milchaufschäumer elektrisch, USB-C', 1499, 'EUR', 4.3, 3120,
 '德国本土品牌形象，德语客服，2 年保修',
 'Akku-Laufzeit kritisiert；颜色只有黑色'),
('Rangéo', 'FR', 'Amazon FR', 'Sacs sous vide x8 avec pompe électrique', 1990, 'EUR', 4.1, 980,
 'Electric pump included, French brand story',
 'Bags lose vacuum after ~3 weeks per reviews; 价格 above Action (€9.95)'),
('Kurashi Labo', 'JP', 'Amazon JP', 'デジタルキッチンスケール 0.1g 1kg', 198000, 'JPY', 4.2, 2450,
 '0.1 g 精度、白色极简设计，符合日本审美',
 'Only 1 kg max；电池仓盖易坏'),
('Zenvo Tech', 'US', 'Amazon US', 'MagSafe clear case for iPhone 16', 1599, 'USD', 4.5, 21300,
 '21k reviews, anti-yellowing claim, launches on Apple release day',
 '很难超越；heavy ad spend, ACoS estimated 35%+'),
('Voltiq', 'GB', 'eBay', 'USB-C braided cable 1 m, 2-pack', 849, 'GBP', 3.6, 410,
 'UK warehouse, 2-day delivery, lowest price in top 5',
 '质量不稳定："stopped charging after 2 weeks"'),
('Lumaro', 'DE', 'Amazon DE', 'LED Schrankbeleuchtung mit Bewegungsmelder, 2er-Pack', 2199, 'EUR', 4.0, 1870,
 'WEEE / CE 资料齐全，German manual, 3000K and 6000K options',
 'Magnet too weak on uneven cabinets; 续航 claims exaggerated'),
('Hako Style', 'JP', 'Rakuten', '竹製 引き出し仕切り 4枚セット', 248000, 'JPY', 4.8, 326,
 '乐天店铺评价高，抗菌加工卖点，包装精美',
 'Fewer reviews; delivery 3–5 days, not on Amazon JP');

-- ---------------------------------------------------------------- products
INSERT INTO products (sku, name_zh, name_en, category, supplier, cost_fen, weight_g, length_mm, width_mm, height_mm, hs_code, markets, price_band, role, stage, status, notes) VALUES
('HL-KT-001', '硅胶厨房铲勺五件套', 'Silicone Kitchen Utensil Set (5 pcs)', 'Kitchen',
 '宁波佳禾硅胶制品厂 (Ningbo)', 1850, 420, 340, 95, 60, '392410', 'US,GB,DE,FR',
 'mid', 'profit', 'maturity', 'listed', 'FDA 177.2600 测试已做；计划改 6 件套 + 挂架应对竞品'),
('HL-KT-002', '多功能手动切菜器', 'Manual Vegetable Chopper 1.2 L', 'Kitchen',
 '宁波慈溪美厨家居厂 (Ningbo)', 3200, 780, 230, 135, 125, '821000', 'US,DE,JP',
 'mid', 'profit', 'growth', 'listed', '容器运输易裂，已加厚内托；第二供应商打样中'),
('HL-KT-003', '不锈钢压蒜器', 'Stainless Steel Garlic Press', 'Kitchen',
 '宁波慈溪美厨家居厂 (Ningbo)', 1250, 260, 190, 65, 45, '821000', 'US,GB',
 'low', 'traffic', 'maturity', 'listed', '引流款，US $9.99，评论 1,200+'),
('HL-KT-004', '充电式电动奶泡器', 'Rechargeable Milk Frother (USB-C)', 'Kitchen',
 '深圳科创小家电厂 (Shenzhen)', 2650, 180, 250, 60, 50, '850940', 'US,GB,DE,FR,JP',
 'mid', 'profit', 'growth', 'listed', '内置 300 mAh 锂电池：发货需 MSDS + UN38.3，专线需报备带电'),
('HL-KT-005', '厨房电子秤 5 kg', 'Digital Kitchen Scale 5 kg', 'Kitchen',
 '深圳科创小家电厂 (Shenzhen)', 2280, 520, 220, 170, 35, '842310', 'US,DE,FR,JP',
 'mid', 'profit', 'decline', 'listed', '日本站价格战，毛利 <10%；清完库存后评估停售'),
('HL-KT-006', '手冲咖啡细口壶套装', 'Pour-over Coffee Kettle Set', 'Kitchen',
 '宁波海曙不锈钢制品厂 (Ningbo)', 9800, 1150, 310, 210, 180, '732393', 'US,DE,JP',
 'high', 'image', 'introduction', 'sampling', '304 不锈钢 1.0 L + 温度计；第二轮样品本月到'),
('HL-ST-001', '可叠加冰箱收纳盒 4 件套', 'Stackable Fridge Organizer Bins (4 pcs)', 'Storage',
 '宁波慈溪美厨家居厂 (Ningbo)', 2900, 1350, 330, 230, 165, '392490', 'US,GB,DE',
 'mid', 'profit', 'growth', 'listed', 'PET 透明材质；春季清洁季主推'),
('HL-ST-002', '竹制抽屉分隔板 4 片装', 'Bamboo Drawer Dividers (4 pcs)', 'Storage',
 '义乌竹艺家居用品厂 (Yiwu)', 3600, 1180, 460, 75, 45, '442191', 'US,GB,FR',
 'mid', 'profit', 'introduction', 'listed', '竹材需熏蒸证明；法国 EPR 归类待确认'),
('HL-ST-003', '真空压缩收纳袋 6 件套（带手泵）', 'Vacuum Storage Bags (6 pack, hand pump)', 'Storage',
 '义乌鑫源日用品厂 (Yiwu)', 1550, 640, 280, 200, 60, '392329', 'GB,DE,FR',
 'low', 'traffic', 'maturity', 'listed', '低价引流；抛货，走专线按 8000 计泡更划算'),
('HL-ST-004', '旋转调料架（含 20 个玻璃瓶）', 'Rotating Spice Rack with 20 Glass Jars', 'Storage',
 '义乌竹艺家居用品厂 (Yiwu)', 6800, 2600, 300, 300, 320, '442191', 'US,GB',
 'high', 'profit', 'introduction', 'idea', 'Idea：玻璃易碎，物流 破损率和包装成本待测'),
('HL-PA-001', '磁吸透明手机壳（iPhone 15/16）', 'MagSafe Clear Phone Case (iPhone 15/16)', 'Phone accessories',
 '深圳华强北精创电子 (Shenzhen)', 650, 45, 175, 95, 18, '392690', 'US,GB,DE,FR,JP',
 'low', 'traffic', 'maturity', 'listed', '每年新机发布前 4 周备货'),
('HL-PA-002', 'USB-C 编织快充线 1 m 两根装', 'Braided USB-C Cable 1 m (2-pack)', 'Phone accessories',
 '深圳华强北精创电子 (Shenzhen)', 980, 95, 120, 80, 25, '854442', 'US,GB,DE,FR,JP',
 'low', 'traffic', 'decline', 'listed', '60W PD；英国 eBay 价格战，保留作搭售件'),
('HL-PA-003', '20W PD 快充充电头', '20W USB-C PD Charger', 'Phone accessories',
 '深圳宝安安充电源厂 (Shenzhen)', 1450, 62, 65, 45, 35, '850440', 'US,JP',
 'low', 'profit', 'decline', 'retired', '已停售：UL / PSE 认证成本高 + 价格战'),
('HL-PA-004', '铝合金折叠桌面手机支架', 'Aluminium Foldable Phone Stand', 'Phone accessories',
 '深圳宝安铝艺五金厂 (Shenzhen)', 2100, 240, 135, 90, 70, '761699', 'US,GB,DE,FR',
 'mid', 'profit', 'growth', 'listed', '办公场景；US / DE 增长快'),
('HL-LT-001', 'LED 人体感应橱柜灯（充电款）', 'Motion Sensor Under-Cabinet Light (Rechargeable)', 'Lighting',
 '深圳龙华光影照明科技 (Shenzhen)', 2400, 210, 320, 45, 30, '940542', 'US,GB,DE,FR',
 'mid', 'profit', 'growth', 'listed', '1000 mAh 锂电，磁吸安装；3000K 暖光版更受欢迎'),
('HL-LT-002', '日落投影氛围灯', 'Sunset Projection Lamp', 'Lighting',
 '深圳龙华光影照明科技 (Shenzhen)', 3900, 480, 200, 120, 120, '940521', 'US,GB,DE',
 'mid', 'image', 'introduction', 'idea', 'Idea：TikTok 热门，先查外观专利和 FCC / CE 要求');

-- ---------------------------------------------------------------- logistics channels
INSERT INTO logistics_channels (name, type, market, first_weight_g, first_price_fen, per_kg_fen, vol_divisor, days_min, days_max, tracking, stability, restrictions) VALUES
('DHL Express 代理价 (UK)', 'express', 'GB', 500, 13800, 6800, 5000, 3, 6, 1, 5,
 '带电产品需 MSDS + UN38.3，纯电池不收；液体、粉末不收；单件 ≤ 70 kg；偏远地区另收附加费'),
('FedEx IP 国际优先 (US)', 'express', 'US', 500, 15200, 7400, 5000, 3, 7, 1, 5,
 '内置锂电池需贴 PI967 标签；燃油附加费另计（约 18%）；单件 ≤ 68 kg'),
('China Post 小包平邮 Small Packet (US)', 'postal', 'US', 50, 950, 8800, 6000, 15, 30, 0, 2,
 '无跟踪，Amazon / eBay 订单不可用，只适合独立站低价样品或赠品（需跟踪请选 ePacket）；限重 2 kg；长+宽+高 ≤ 90 cm；不收带电、液体、膏体、磁性物品'),
('燕文专线 Yanwen Special Line (DE/FR)', 'dedicated_line', 'DE', 100, 2600, 7800, 8000, 7, 12, 1, 3,
 '内置电池需提前报备（+¥5/票）；不收液体、粉末、纯电池；单票 ≤ 30 kg；申报价值 ≤ €150 需提供 IOSS 号；法国同价'),
('海运 + 美国海外仓 (California)', 'overseas_warehouse', 'US', 500, 5400, 2200, 6000, 2, 5, 1, 4,
 '备货模式：美森快船约 14–18 天到港，整体入仓 25–35 天；带电需 MSDS；仓租约 $0.45/立方英尺/月；尾程 USPS Ground Advantage / UPS Ground，买家收货 2–5 天'),
('空运 + 德国海外仓 (Frankfurt)', 'overseas_warehouse', 'DE', 500, 5900, 3600, 6000, 1, 4, 1, 4,
 '空运头程 7–10 天入仓，需德国 VAT 号清关；尾程 DHL Paket 买家收货 1–4 天，可发 FR / NL / AT；锂电池需 UN38.3；仓租约 €12/立方米/月'),
('Amazon FBA US（空派头程）', 'fba', 'US', 500, 4600, 3200, 5000, 1, 3, 1, 5,
 '需 FNSKU 标签和箱唛；含锂电池产品需危险品（hazmat）审核；Q4 库存容量受限；库龄超 181 天收长期仓储费；买家收货 1–3 天（Prime，从 FBA 库存发出）；空派头程 8–12 天入仓（补货周期，不计入时效）'),
('Amazon FBA JP（海运头程）', 'fba', 'JP', 500, 3300, 2100, 6000, 1, 3, 1, 4,
 '需日本进口商（IOR）；带 AC 插头的电器需 PSE 标志；海运头程 7–10 天到东京；配送代行手数料按尺寸段收取；买家收货 1–3 天（从 FBA 库存发出）');

-- ---------------------------------------------------------------- platforms
INSERT INTO platforms (name, referral_rate, per_order_cents, payment_rate, markets) VALUES
('Amazon US', '0.15', 0, '0', 'US'),
('Amazon UK', '0.15', 0, '0', 'GB'),
('Amazon DE', '0.15', 0, '0', 'DE,FR'),
('Amazon JP', '0.15', 0, '0', 'JP'),
('eBay', '0.1325', 30, '0', 'US,GB,DE'),
('Shopify', '0', 30, '0.029', 'US,GB,DE,FR,JP'),
('Rakuten', '0.08', 0, '0.03', 'JP');

-- ---------------------------------------------------------------- campaigns
INSERT INTO campaigns (name, goal, type, markets, platform, starts_on, ends_on, budget_cents, lift) VALUES
('Prime Day 厨房小工具', 'sales', 'discount', 'US,GB,DE,JP', 'Amazon',
 date('now','-135 days'), date('now','-132 days'), 150000, '0.45'),
('Back to school 手机配件 coupon', 'new_customers', 'coupon', 'US', 'Amazon US',
 date('now','-110 days'), date('now','-90 days'), 40000, '0.12'),
('楽天スーパーSALE 电子秤清仓', 'clear_stock', 'flash_sale', 'JP', 'Rakuten',
 date('now','-75 days'), date('now','-72 days'), 30000, '0.30'),
('11.11 Singles'' Day 满 $40 减 $8', 'awareness', 'spend_save', 'US,GB,DE,FR,JP', 'Shopify',
 date('now','-15 days'), date('now','-11 days'), 50000, '0.18'),
('Black Friday / Cyber Monday', 'sales', 'discount', 'US,GB,DE,FR', 'Amazon',
 date('now','-4 days'), date('now','+7 days'), 300000, '0.60'),
('Christmas gifting 礼盒套装', 'sales', 'bundle', 'US,GB,DE,FR', 'Shopify',
 date('now','+8 days'), date('now','+28 days'), 120000, '0.25'),
('Boxing Day 清库存包邮 (UK)', 'clear_stock', 'free_shipping', 'GB', 'eBay',
 date('now','+32 days'), date('now','+38 days'), 20000, '0.15'),
('Valentine''s Day 手机壳买一送绳', 'new_customers', 'gift', 'US,GB,FR', 'Shopify',
 date('now','+75 days'), date('now','+82 days'), 25000, '0.10'),
('Spring cleaning storage bundle', 'awareness', 'bundle', 'US,GB,DE', 'Amazon',
 date('now','+100 days'), date('now','+128 days'), 80000, '0.20');

-- ---------------------------------------------------------------- risks
INSERT INTO risks (title, category, likelihood, impact, owner, mitigation, status, review_on) VALUES
('硅胶铲勺挂架外观可能侵犯美国外观专利 (design patent)', 'ip', 3, 5, '王磊',
 '上架前在 USPTO / Google Patents 检索 D 字头专利；保留设计稿和开模日期；评估 Schedule A 诉讼风险，资金不全部留在一个平台账户',
 'open', date('now','+20 days')),
('"Harbor Lane" 商标在欧盟、日本尚未注册', 'ip', 4, 5, 'Lisa Chen',
 'EUIPO 申请已提交（第 9、21 类）；日本经马德里体系指定 JP；注册前不做 Brand Registry 依赖的投放',
 'mitigating', date('now','+30 days')),
('Seller Central 账号安全与关联风险', 'security', 2, 5, '王磊',
 '每个店铺独立固定环境；2FA 使用硬件密钥；员工离职当天收回权限；每月检查登录记录',
 'open', date('now','+45 days')),
('Shopify 第三方 App 权限过大，客户数据可能泄露', 'security', 2, 4, 'Lisa Chen',
 '每季度审计 App 权限，删除不用的 App；员工账号按最小权限设置；导出客户数据需审批',
 'open', date('now','-12 days')),
('美国时区客服覆盖不足（Amazon 24h 回复率 91%）', 'operations', 3, 2, '刘婷',
 '晚班轮值覆盖美东 9:00–13:00；常见问题模板化；周末开启自动回复并在 24 小时内人工跟进',
 'open', date('now','-5 days')),
('切菜器单一供应商，春节停工 3 周断货', 'operations', 4, 4, '刘婷',
 '春节前 45 天备足 8 周库存；台州第二供应商打样中；合同写明交期违约条款',
 'mitigating', date('now','+15 days')),
('奶泡器电池批次不良，退货率升至 6.8%', 'quality', 3, 4, '刘婷',
 'AQL 2.5 出货检验 + 100% 充放电测试；与工厂签质量扣款条款；差评 48 小时内跟进',
 'open', date('now','+10 days')),
('充电、带电产品 FCC / CE / UKCA 认证文件不全', 'quality', 4, 5, '王磊',
 '委托第三方实验室补测 FCC SDoC 与 CE-RED；出具 UKCA 符合性声明；资料上传 Amazon 合规中心；补齐前暂停新品上架',
 'open', date('now','+7 days')),
('独立站直发欧盟订单未用 IOSS，买家到付 VAT 拒收', 'tax', 3, 3, 'Lisa Chen',
 '通过中介注册 IOSS；结账页显示含税价；€150 以上订单改走德国海外仓',
 'mitigating', date('now','+20 days')),
('出口退税单证不全（报关单、增值税专票）', 'tax', 1, 3, '陈静',
 '统一走 9810 海外仓出口报关；月底与货代对单；要求供应商开 13% 专票',
 'closed', date('now','-40 days')),
('日元持续贬值侵蚀日本站利润', 'fx', 4, 3, 'Lisa Chen',
 '日本站按保守汇率定价并每季度复核；每月回款结汇一次；大额备货款考虑远期结汇',
 'open', date('now','-20 days')),
('GDPR：欧盟客户邮件营销未取得明确同意', 'compliance', 2, 4, 'Lisa Chen',
 'Klaviyo 启用 double opt-in；更新隐私政策；客户数据保留 24 个月后删除',
 'closed', date('now','-60 days')),
('日本 PSE：带插头充电器不可在日本销售', 'compliance', 1, 4, '王磊',
 '20W 充电头已停售（HL-PA-003）；日本站只卖不带 AC 插头的产品；新品立项时检查 PSE',
 'open', date('now','+90 days')),
('Q4 旺季 FBA 入仓限制与海运延误', 'logistics', 4, 4, '王磊',
 '提前 60 天海运到美国海外仓中转，分批补货 FBA；空派作应急；设置 30 天库存预警',
 'open', date('now','+5 days'));
