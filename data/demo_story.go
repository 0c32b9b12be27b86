package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

// The demo's story (issue 14): one shop, 港湾家居 Harbor Lane Home in
// Shenzhen, four people, selling home & kitchen gadgets and phone
// accessories on Amazon, eBay, Shopify and Rakuten to the US, UK, DE, FR and
// JP — about 20–60 orders a day and a few hundred thousand USD a year. Every
// date is computed from the day the demo is made ("today") by rules: the
// seed SQL's date('now', …) is evaluated at today, campaigns fall on the
// market-event calendar of the year they are in (app.DefaultMarketEvents),
// and the orders come from a seeded generator, so the same today always
// gives the same workspace.

// demoDay is the calendar day of now, the demo's "today", at midnight UTC.
func demoDay(now time.Time) time.Time {
	y, m, d := now.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// demoNowSQL is now as a SQLite time string; the seed SQL's 'now' is
// replaced by it so that SQL dates follow the demo's today, not the clock.
func demoNowSQL(now time.Time) string { return "'" + now.Format("2006-01-02 15:04:05") + "'" }

// demoListPrice is each SKU's everyday marketplace price in USD cents: the
// prices the saved quotes, the competitor table and the research notes use
// (e.g. the utensil set at $19.99 between Cookvana's $16.99 and Silvora's
// $24.99). Orders are stored in the workspace currency (USD).
var demoListPrice = map[string]int64{
	"HL-KT-001": 1999, "HL-KT-002": 2499, "HL-KT-003": 999, "HL-KT-004": 1699, "HL-KT-005": 2199,
	"HL-ST-001": 2999, "HL-ST-002": 2499, "HL-ST-003": 1999,
	"HL-PA-001": 1299, "HL-PA-002": 999, "HL-PA-003": 1499, "HL-PA-004": 1999,
	"HL-LT-001": 2299,
}

// demoCurrency is each marketplace's currency: its orders are in it, and
// the workspace's figures in its base currency (USD), converted at the
// rates of each order's day (app/fx_base.go).
var demoCurrency = map[string]string{"US": "USD", "GB": "GBP", "DE": "EUR", "FR": "EUR", "JP": "JPY"}

// demoPriceRates are the yuan per unit the shop set its local prices from
// (the built-in rates of migration 0011, the saved quotes' fx_rate).
var demoPriceRates = map[string]decimal.Decimal{"USD": decimal.RequireFromString("7.20"),
	"GBP": decimal.RequireFromString("9.10"), "EUR": decimal.RequireFromString("7.75"), "JPY": decimal.RequireFromString("0.048")}

// demoLocalOverride are local prices the shop set apart from the rule of
// demoLocalPrice, where a saved quote and the competitors put it: the
// milk frother at €14.99 on Amazon DE, between Schaumwerk's €12.99 and
// Milchfee's €17.99 (02_pricing.sql); on Amazon JP the scale at ¥1,980,
// as the Japan scale research note says, and the drawer dividers at ¥2,780
// beside Hako Style's ¥2,480 (04_research.sql), not the ¥3,380 and ¥3,780
// the US prices would give in a market that prices lower.
var demoLocalOverride = map[string]int64{"HL-KT-004/EUR": 1499, "HL-KT-005/JPY": 198000, "HL-ST-002/JPY": 278000}

// demoLocalPrice is p's everyday price in country's currency, in its
// cents (yen × 100): the US list price at the shop's price rates, charm
// priced as the market writes prices (£15.99, €18.99, ¥2,980), unless
// demoLocalOverride sets it.
func demoLocalPrice(p *demoProduct, country string) int64 {
	cur := demoCurrency[country]
	if cur == "USD" || cur == "" {
		return p.priceCents
	}
	if v, ok := demoLocalOverride[p.sku+"/"+cur]; ok {
		return v
	}
	local := decimal.New(p.priceCents, -2).Mul(demoPriceRates["USD"]).Div(demoPriceRates[cur])
	return app.CharmPriceFor(cur, local).Shift(2).IntPart()
}

// demoRateChange are the rates the shop entered when they moved, from the
// first day of the month demoRateMonths before today: the year's orders
// are converted at two sets of rates, as Settings ▸ Exchange rates and the
// Learn guide show (the built-in rates of migration 0011 before).
var demoRateChange = map[string]string{"USD": "7.12", "GBP": "9.05", "EUR": "7.82", "JPY": "0.0475"}

const demoRateMonths = 5

func insertDemoRates(ctx context.Context, tx *sql.Tx, today time.Time) error {
	from := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -demoRateMonths, 0).Format(time.DateOnly)
	for _, cur := range []string{"EUR", "GBP", "JPY", "USD"} {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO fx_rates (currency, valid_from, cny_per_unit, note) VALUES (?, ?, ?, ?)`,
			cur, from, demoRateChange[cur], "BOC middle rate"); err != nil {
			return err
		}
	}
	return nil
}

// demoDiscounted is a campaign's price: price less the discount, to the
// cent (to the yen for JPY, which has no smaller unit).
func demoDiscounted(price int64, discount float64, cur string) int64 {
	v := float64(price) * (1 - discount)
	if cur == "JPY" {
		return int64(math.Round(v/100)) * 100
	}
	return int64(math.Round(v))
}

// demoRetiredAfter is how long before today the retired charger
// (HL-PA-003) stopped selling: its last sale is the day before. The date is
// written into the product's notes so the product card shows it.
const demoRetiredAfter = 200 // days before today

// demoRetiredOn is the day HL-PA-003 was discontinued (停售).
func demoRetiredOn(today time.Time) time.Time { return today.AddDate(0, 0, -demoRetiredAfter) }

// demoCampaignRule places a seeded campaign on the event calendar: its
// window is [anchor start + from, anchor end + to] of the occurrence the
// rule picks (see demoCampaignWindow).
type demoCampaignRule struct {
	name     string
	anchor   func(y int) (time.Time, time.Time)
	from, to int // days relative to the anchor's start and end
}

// event returns the start and end of a built-in market event of year y.
func event(key string) func(y int) (time.Time, time.Time) {
	return func(y int) (time.Time, time.Time) {
		for _, e := range app.DefaultMarketEvents(y) {
			if e.Key == key {
				return e.Start, e.End
			}
		}
		panic("demo: no market event " + key) // a programming error: keys are constants below
	}
}

// demoCampaignRules are the nine campaigns of 00_core.sql, by name.
var demoCampaignRules = []demoCampaignRule{
	// Two weeks of gift-with-purchase up to the day itself.
	{"Valentine's Day 手机壳买一送绳", event("valentines"), -13, 0},
	// Four weeks of spring cleaning, ending on Easter Sunday.
	{"Spring cleaning storage bundle", func(y int) (time.Time, time.Time) { e := app.Easter(y); return e, e }, -27, 0},
	// Early deals two days before Prime Day, then the two Prime days.
	{"Prime Day 厨房小工具", event("prime_day"), -2, 0},
	// Three weeks in the middle of the back-to-school season.
	{"Back to school 手机配件 coupon", event("back_to_school"), 21, -11},
	// Gift pouches for the two weeks up to Mother's Day (US, DE, JP).
	{"Mother's Day 奶泡器礼盒", event("mothers_day"), -13, 0},
	// Rakuten's September Super SALE starts on the first Thursday evening
	// and runs a week; the demo runs the scale clearance for four days.
	{"楽天スーパーSALE 电子秤清仓", func(y int) (time.Time, time.Time) {
		d := app.NthWeekday(y, time.September, time.Thursday, 1)
		return d, d
	}, 0, 3},
	{"11.11 Singles' Day 满 $40 减 $8", event("singles_day"), -4, 0},
	// Black Friday week through Cyber Monday.
	{"Black Friday / Cyber Monday", event("black_friday"), -7, 3},
	// From 1 December to the last international shipping day before Christmas.
	{"Christmas gifting 礼盒套装", event("christmas"), -24, -5},
	{"Boxing Day 清库存包邮 (UK)", event("boxing_day"), 0, 6},
}

// demoMonthlyDeal is the campaign that runs every calendar month (its row
// is this month's), so one campaign is always running when the demo is made.
const demoMonthlyDeal = "Shopify 本月特惠 Deal of the month"

// window is the rule's window in year y.
func (r demoCampaignRule) window(y int) (time.Time, time.Time) {
	s, e := r.anchor(y)
	return s.AddDate(0, 0, r.from), e.AddDate(0, 0, r.to)
}

// demoPlanAhead is how far ahead the shop plans: a campaign whose next
// occurrence starts within it is shown planned (Amazon deals are submitted
// eight to ten weeks ahead).
const demoPlanAhead = 75 // days

// demoCampaignWindows dates every campaign: the deal of the month takes
// today's calendar month; each other campaign takes its next occurrence if
// that starts within demoPlanAhead days, else the first occurrence whose
// baseline (the equally long period just before it, as the evaluation
// compares) starts inside the year of orders. With the calendar above a
// campaign always starts within that horizon; should none lie ahead, the
// earliest moves to its next year, so one is planned. The demo must
// show one running and one planned campaign whatever today is, so when no
// window holds today the next campaign to start opens today (its early
// deals), and when none lies ahead the earliest is moved to its next year.
func demoCampaignWindows(today time.Time) map[string][2]time.Time {
	first := today.AddDate(-1, 0, 0) // the first day of orders
	out := map[string][2]time.Time{}
	for _, r := range demoCampaignRules {
		for y := first.Year() - 1; ; y++ {
			s, e := r.window(y)
			if from, _ := app.BaselinePeriod(s, e); !from.Before(first) {
				out[r.name] = [2]time.Time{s, e}
				// The next occurrence instead, when it is being planned.
				if s2, e2 := r.window(y + 1); !e.After(today) && s2.Before(today.AddDate(0, 0, demoPlanAhead)) {
					out[r.name] = [2]time.Time{s2, e2}
				}
				break
			}
		}
	}
	// next is the event campaign to start soonest after today, earliest the
	// one that starts first.
	status := func() (next, earliest string) {
		for _, r := range demoCampaignRules {
			w := out[r.name]
			if w[0].After(today) && (next == "" || w[0].Before(out[next][0])) {
				next = r.name
			}
			if earliest == "" || w[0].Before(out[earliest][0]) {
				earliest = r.name
			}
		}
		return next, earliest
	}
	for next, earliest := status(); next == ""; next, earliest = status() {
		for _, r := range demoCampaignRules {
			if r.name == earliest {
				s, e := r.window(out[earliest][0].Year() + 1)
				out[earliest] = [2]time.Time{s, e}
			}
		}
	}
	month := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	out[demoMonthlyDeal] = [2]time.Time{month, month.AddDate(0, 1, -1)}
	return out
}

// dateDemoCampaigns writes the computed windows into the seeded campaigns.
func dateDemoCampaigns(ctx context.Context, tx *sql.Tx, today time.Time) error {
	for name, w := range demoCampaignWindows(today) {
		res, err := tx.ExecContext(ctx, `UPDATE campaigns SET starts_on = ?, ends_on = ? WHERE name = ?`,
			w[0].Format(time.DateOnly), w[1].Format(time.DateOnly), name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("campaign %q: %d rows", name, n)
		}
	}
	return nil
}

// demoCampaign is what the order generator needs of a campaign.
type demoCampaign struct {
	from, to time.Time
	markets  map[string]bool
	skus     []string
	discount float64
	lift     float64
}

func (c demoCampaign) on(d time.Time) bool { return !d.Before(c.from) && !d.After(c.to) }

// demoSeason is the relative daily order rate: a Q4 peak, a quiet January,
// the Chinese New Year supply gap (stock runs short for three weeks from
// the festival), Prime Day and Black Friday to Cyber Monday.
func demoSeason(d time.Time) float64 {
	f := []float64{0, 0.8, 0.85, 0.9, 0.9, 0.95, 0.95, 1.05, 1.0, 1.0, 1.1, 1.5, 1.7}[d.Month()]
	for _, e := range app.DefaultMarketEvents(d.Year()) {
		switch e.Key {
		case "chinese_new_year":
			if !d.Before(e.Start) && d.Before(e.Start.AddDate(0, 0, 21)) {
				f *= 0.6
			}
		case "prime_day":
			if !d.Before(e.Start) && !d.After(e.End) {
				f *= 2.5
			}
		case "black_friday":
			if !d.Before(e.Start) && !d.After(e.Start.AddDate(0, 0, 3)) {
				f *= 2.2
			}
		}
	}
	return f
}

// demoProduct is what the order generator needs of a product.
type demoProduct struct {
	sku, name  string
	priceCents int64
	weight     float64 // how often it sells, relative
	markets    map[string]bool
	until      time.Time // zero: still selling
}

// demoOrder is one generated order before it is numbered.
type demoOrder struct {
	at       time.Time
	customer string // "" for a guest checkout
	country  string
	lines    []demoLine
}

type demoLine struct {
	p     *demoProduct
	qty   int
	price int64
}

// poisson draws from a Poisson distribution (Knuth; the means here are small).
func poisson(r *rand.Rand, mean float64) int {
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// gamma draws from Gamma(shape, scale) (Marsaglia–Tsang, with the boost for
// shape < 1).
func gamma(r *rand.Rand, shape, scale float64) float64 {
	if shape < 1 {
		return gamma(r, shape+1, scale) * math.Pow(r.Float64(), 1/shape)
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if math.Log(u) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v * scale
		}
	}
}

func beta(r *rand.Rand, a, b float64) float64 {
	x := gamma(r, a, 1)
	return x / (x + gamma(r, b, 1))
}

// demoMarkets are the destination markets and their share of new buyers.
var demoMarkets = []struct {
	code  string
	share float64
}{{"US", 0.42}, {"GB", 0.20}, {"DE", 0.17}, {"FR", 0.09}, {"JP", 0.12}}

// demoNewPerDay is the everyday number of new buyers a day (season 1.0).
const demoNewPerDay = 18

// generateDemoOrders makes the year of orders ending the day before today.
// Buyers arrive day by day at the seasonal rate; each then buys as the
// BG/NBD model assumes — a Poisson rate drawn from a gamma distribution and,
// after every purchase, a chance drawn from a beta distribution of never
// coming back — so the Prediction screen's fit recovers a well-identified
// model. What a buyer spends per order varies around the buyer's own mean
// (quantities), as the Gamma-Gamma model assumes. During a past campaign,
// buyers in its markets often pick its products at the campaign discount,
// and more buyers arrive.
//
// The customers Customer care knows (contacts, given as id → country) are
// regular buyers in their own country with an order in the last three weeks,
// the order their recent case is about; generated buyers skip their ids.
func generateDemoOrders(products []*demoProduct, campaigns []demoCampaign, contacts map[string]string, today time.Time) []demoOrder {
	r := rand.New(rand.NewPCG(20261124, 14))
	start := today.AddDate(-1, 0, 0)
	var orders []demoOrder
	customers := 0
	pickMarket := func() string {
		x := r.Float64()
		for _, m := range demoMarkets {
			if x -= m.share; x < 0 {
				return m.code
			}
		}
		return "US"
	}
	order := func(at time.Time, customer, country string, basket float64) demoOrder {
		o := demoOrder{at: at, customer: customer, country: country}
		day := demoDay(at)
		var camp *demoCampaign
		for i := range campaigns {
			if campaigns[i].on(day) && campaigns[i].markets[country] {
				camp = &campaigns[i]
				break
			}
		}
		n := 1
		if x := r.Float64(); x < 0.22 {
			n = 2
		} else if x < 0.27 {
			n = 3
		}
		for l := 0; l < n; l++ {
			var p *demoProduct
			price := int64(0)
			// A campaign draws a share of the lines in its markets to its
			// products, in proportion to the lift it was planned for.
			if camp != nil && len(camp.skus) > 0 && r.Float64() < 0.35*camp.lift {
				p = findDemoProduct(products, camp.skus[r.IntN(len(camp.skus))])
				if p != nil && (!p.markets[country] || (!p.until.IsZero() && !day.Before(p.until))) {
					p = nil
				}
				if p != nil {
					price = demoDiscounted(demoLocalPrice(p, country), camp.discount, demoCurrency[country])
				}
			}
			if p == nil {
				p = pickDemoProduct(r, products, country, day)
				price = demoLocalPrice(p, country)
			}
			qty := 1 + poisson(r, basket)
			o.lines = append(o.lines, demoLine{p: p, qty: qty, price: price})
		}
		return o
	}
	for day := start; day.Before(today); day = day.AddDate(0, 0, 1) {
		rate := demoNewPerDay * demoSeason(day)
		for _, c := range campaigns {
			if c.on(day) {
				rate *= 1 + c.lift/2
			}
		}
		for n := poisson(r, rate); n > 0; n-- {
			country := pickMarket()
			at := day.Add(time.Duration(7*3600+r.IntN(16*3600)) * time.Second)
			if r.Float64() < 0.03 { // guest checkout: no customer id
				orders = append(orders, order(at, "", country, 0.15))
				continue
			}
			customers++
			id := fmt.Sprintf("HL%05d", 10000+customers)
			for contacts[id] != "" {
				customers++
				id = fmt.Sprintf("HL%05d", 10000+customers)
			}
			lambda := gamma(r, 0.55, 1.0/45) // purchases a day
			drop := beta(r, 1.2, 3.2)        // chance of never returning after a purchase
			basket := gamma(r, 2, 0.12)      // extra units per line, the buyer's own mean
			for t := at; t.Before(today); {
				orders = append(orders, order(t, id, country, basket))
				if r.Float64() < drop {
					break
				}
				gap := r.ExpFloat64() / lambda // days; huge for a nearly inactive buyer
				if gap > 400 {
					break
				}
				t = t.Add(time.Duration(gap * 24 * float64(time.Hour)))
			}
		}
	}
	ids := make([]string, 0, len(contacts))
	for id := range contacts {
		ids = append(ids, id)
	}
	sort.Strings(ids) // map order is random; the demo must not be
	for _, id := range ids {
		country := contacts[id]
		basket := gamma(r, 2, 0.12)
		// Every five to eight weeks through the year, and once recently.
		for t := start.Add(time.Duration(r.IntN(40*24)) * time.Hour); t.Before(today.AddDate(0, 0, -21)); t = t.AddDate(0, 0, 35+r.IntN(21)) {
			orders = append(orders, order(t.Add(time.Duration(8+r.IntN(12))*time.Hour), id, country, basket))
		}
		recent := today.AddDate(0, 0, -(4 + r.IntN(17))).Add(time.Duration(8+r.IntN(12)) * time.Hour)
		orders = append(orders, order(recent, id, country, basket))
	}
	sort.SliceStable(orders, func(i, j int) bool { return orders[i].at.Before(orders[j].at) })
	return orders
}

func findDemoProduct(ps []*demoProduct, sku string) *demoProduct {
	for _, p := range ps {
		if p.sku == sku {
			return p
		}
	}
	return nil
}

// pickDemoProduct picks a product sold in country on day, by weight.
func pickDemoProduct(r *rand.Rand, ps []*demoProduct, country string, day time.Time) *demoProduct {
	var total float64
	ok := func(p *demoProduct) bool { return p.markets[country] && (p.until.IsZero() || day.Before(p.until)) }
	for _, p := range ps {
		if ok(p) {
			total += p.weight
		}
	}
	x := r.Float64() * total
	var last *demoProduct
	for _, p := range ps {
		if ok(p) {
			last = p
			if x -= p.weight; x < 0 {
				return p
			}
		}
	}
	return last
}

// loadDemoProducts reads the listed and retired products of the seed.
func loadDemoProducts(ctx context.Context, tx *sql.Tx, today time.Time) ([]*demoProduct, error) {
	rows, err := tx.QueryContext(ctx, `SELECT sku, name_en, role, markets, status FROM products WHERE status IN ('listed','retired') ORDER BY sku`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*demoProduct
	for rows.Next() {
		var p demoProduct
		var role, markets, status string
		if err := rows.Scan(&p.sku, &p.name, &role, &markets, &status); err != nil {
			return nil, err
		}
		price, ok := demoListPrice[p.sku]
		if !ok {
			return nil, fmt.Errorf("no demo price for %s", p.sku)
		}
		p.priceCents = price
		p.weight = map[string]float64{"traffic": 3, "profit": 2, "image": 1}[role]
		p.markets = map[string]bool{}
		for _, m := range strings.Split(markets, ",") {
			p.markets[strings.TrimSpace(m)] = true
		}
		if status == "retired" {
			p.until = demoRetiredOn(today)
		}
		out = append(out, &p)
	}
	return out, rows.Err()
}

// loadDemoCampaigns reads the past and running campaigns that the orders
// should show: the ones evaluated from orders (not from typed figures).
func loadDemoCampaigns(ctx context.Context, tx *sql.Tx, today time.Time) ([]demoCampaign, error) {
	rows, err := tx.QueryContext(ctx, `SELECT starts_on, ends_on, markets, products, plan_discount, lift FROM campaigns WHERE eval_typed = 0 ORDER BY starts_on`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []demoCampaign
	for rows.Next() {
		var from, to, markets, products, discount, lift string
		if err := rows.Scan(&from, &to, &markets, &products, &discount, &lift); err != nil {
			return nil, err
		}
		c := demoCampaign{markets: map[string]bool{}}
		c.from, _ = time.Parse(time.DateOnly, from)
		c.to, _ = time.Parse(time.DateOnly, to)
		if !c.from.Before(today) {
			continue
		}
		for _, m := range strings.Split(markets, ",") {
			c.markets[strings.TrimSpace(m)] = true
		}
		for _, s := range strings.Split(products, ",") {
			if s = strings.TrimSpace(s); s != "" {
				c.skus = append(c.skus, s)
			}
		}
		fmt.Sscan(discount, &c.discount)
		fmt.Sscan(lift, &c.lift)
		out = append(out, c)
	}
	return out, rows.Err()
}

// insertDemoOrders writes the generated year of orders as order lines, one
// prepared statement in the seeding transaction, invoice numbers in date
// order, and a few cancelled lines as exports show them.
func insertDemoOrders(ctx context.Context, tx *sql.Tx, now time.Time) error {
	today := demoDay(now)
	if err := insertDemoRates(ctx, tx, today); err != nil {
		return err
	}
	products, err := loadDemoProducts(ctx, tx, today)
	if err != nil {
		return err
	}
	if len(products) == 0 {
		return fmt.Errorf("the seed lists no products to sell")
	}
	campaigns, err := loadDemoCampaigns(ctx, tx, today)
	if err != nil {
		return err
	}
	contacts := map[string]string{}
	crows, err := tx.QueryContext(ctx, `SELECT customer_id, country FROM care_contacts WHERE country <> ''`)
	if err != nil {
		return err
	}
	for crows.Next() {
		var id, country string
		if err := crows.Scan(&id, &country); err != nil {
			crows.Close()
			return err
		}
		contacts[id] = country
	}
	crows.Close()
	if err := crows.Err(); err != nil {
		return err
	}
	orders := generateDemoOrders(products, campaigns, contacts, today)
	var rows [][]any
	r := rand.New(rand.NewPCG(20261124, 15))
	for i, o := range orders {
		inv := fmt.Sprint(500001 + i)
		var customer any
		if o.customer != "" {
			customer = o.customer
		}
		at := o.at.Format("2006-01-02 15:04:05")
		for _, l := range o.lines {
			// NULL is the base currency's (migration 0014).
			var cur any
			if c := demoCurrency[o.country]; c != "USD" {
				cur = c
			}
			rows = append(rows, []any{inv, l.p.sku, l.p.name, l.qty, at, l.price, customer, o.country, cur})
			if r.Float64() < 0.02 && o.at.Add(26*time.Hour).Before(today) { // cancelled the next day
				cat := o.at.Add(26 * time.Hour).Format("2006-01-02 15:04:05")
				rows = append(rows, []any{"C" + inv, l.p.sku, l.p.name, -l.qty, cat, l.price, customer, o.country, cur})
			}
		}
	}
	return insertOrderRows(ctx, tx, rows)
}

// demoBatch is how many order lines one INSERT statement writes: one
// statement per row spends most of its time in the driver, not in SQLite.
const demoBatch = 200

// insertOrderRows writes rows of the 9 order-line columns (invoice, SKU,
// description, quantity, "YYYY-MM-DD HH:MM:SS", price cents, customer,
// country, currency), demoBatch rows a statement, into order_rows as the
// importer writes them: texts interned, times in seconds. (Through the
// order_lines view each line ran its trigger's four statements.)
func insertOrderRows(ctx context.Context, tx *sql.Tx, rows [][]any) error {
	texts, err := readOrderTexts(ctx, tx)
	if err != nil {
		return err
	}
	const head = `INSERT INTO order_rows
		(invoice_no, stock_code, description_id, quantity, at, unit_price_cents, customer_id, country_id, currency) VALUES `
	values := func(n int) string {
		return head + strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?),", n), ",")
	}
	full, err := tx.PrepareContext(ctx, values(demoBatch))
	if err != nil {
		return err
	}
	defer full.Close()
	args := make([]any, 0, 9*demoBatch)
	for len(rows) > 0 {
		n := min(demoBatch, len(rows))
		args = args[:0]
		for _, row := range rows[:n] {
			at, err := atSeconds(row[4].(string))
			if err != nil {
				return err
			}
			args = append(args, row[0], row[1], texts.id(row[2].(string)), row[3], at, row[5], row[6], texts.id(row[7].(string)), row[8])
		}
		if err := texts.writeQueued(func(a []driver.NamedValue) error {
			_, err := tx.ExecContext(ctx, insertTextSQL, a[0].Value, a[1].Value)
			return err
		}); err != nil {
			return err
		}
		if n == demoBatch {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, values(n), args...)
		}
		if err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// storyDemo puts the seeded rows on the demo's calendar and makes the
// modules agree with each other before the orders are generated.
func storyDemo(ctx context.Context, tx *sql.Tx, now time.Time) error {
	today := demoDay(now)
	if err := dateDemoCampaigns(ctx, tx, today); err != nil {
		return err
	}
	stamp := now.UTC().Format("2006-01-02T15:04:05Z")
	retired := demoRetiredOn(today).Format(time.DateOnly)
	stmts := []struct {
		q    string
		args []any
	}{
		// Columns that default to the clock take the demo's now instead.
		{`UPDATE notes SET updated_at = ?`, []any{stamp}},
		{`UPDATE meta SET value = ? WHERE key = 'created'`, []any{now.UTC().Format(time.RFC3339)}},
		{`UPDATE order_imports SET imported_at = ?`, []any{stamp}},
		{`UPDATE import_mappings SET updated_at = ?`, []any{stamp}},
		{`UPDATE products SET notes = '已停售（停售日 ' || ? || '）：UL / PSE 认证成本高 + 价格战' WHERE sku = 'HL-PA-003'`, []any{retired}},
	}
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s.q, s.args...); err != nil {
			return fmt.Errorf("%s: %w", s.q, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM care_holidays`); err != nil {
		return err
	}
	for _, h := range demoHolidays(today) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO care_holidays (day, name) VALUES (?, ?)`, h[0], h[1]); err != nil {
			return err
		}
	}
	return nil
}

// demoHolidays are the Shenzhen team's days off within half a year of
// today, by rule: National Day week (1–7 October), New Year's Day, and the
// Spring Festival from its eve for a week (the date from the app's lunar
// table), leaving out Sundays, which are not working days anyway.
func demoHolidays(today time.Time) [][2]string {
	var out [][2]string
	add := func(from time.Time, days int, name string) {
		for d := from; d.Before(from.AddDate(0, 0, days)); d = d.AddDate(0, 0, 1) {
			if d.Weekday() != time.Sunday && d.After(today.AddDate(0, 0, -180)) && d.Before(today.AddDate(0, 0, 180)) {
				out = append(out, [2]string{d.Format(time.DateOnly), name})
			}
		}
	}
	for y := today.Year() - 1; y <= today.Year()+1; y++ {
		add(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), 1, "元旦")
		for _, e := range app.DefaultMarketEvents(y) {
			if e.Key == "chinese_new_year" {
				add(e.Start.AddDate(0, 0, -1), 7, "春节")
			}
		}
		add(time.Date(y, 10, 1, 0, 0, 0, 0, time.UTC), 7, "国庆节")
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// demoQuoteFreight is the channel's freight per chargeable kg for a quote's
// parcel, in the quote's currency at its own fx rate: the rate Pricing fills
// in from the channel (app.QuoteDefaults), so a saved quote never carries a
// freight the channel no longer charges.
func demoQuoteFreight(in app.QuoteInput, ch app.LogisticsChannel) decimal.Decimal {
	if ch.VolDivisor > 0 {
		in.VolDivisor = decimal.NewFromInt(int64(ch.VolDivisor))
	}
	kg := in.Compute().ChargeableKg
	if !kg.IsPositive() {
		kg = decimal.NewFromInt(1)
	}
	return app.ChannelCost(ch, kg).Div(kg).Div(in.FXRate).Round(2)
}

// alignDemoQuotes re-saves the seeded quotes with their channel's freight
// rate, volumetric divisor, fulfilment fee and storage, so the stored
// landed cost, profit and margin are the ones Pricing computes today.
func alignDemoQuotes(ctx context.Context, st *Store) error {
	chs, err := st.Channels(ctx)
	if err != nil {
		return err
	}
	byName := map[string]app.LogisticsChannel{}
	for _, c := range chs {
		byName[c.Name] = c
	}
	qs, err := st.Quotes(ctx)
	if err != nil {
		return err
	}
	for _, q := range qs {
		ch, ok := byName[q.Channel]
		if !ok {
			return fmt.Errorf("quote %d: no channel %q", q.ID, q.Channel)
		}
		if ch.VolDivisor > 0 {
			q.Input.VolDivisor = decimal.NewFromInt(int64(ch.VolDivisor))
		}
		q.Input.FulfilmentFee, q.Input.StoragePerUnit = ch.FulfilmentFee, ch.StoragePerUnit
		q.Input.FreightPerKg = demoQuoteFreight(q.Input, ch)
		if _, err := st.SaveQuote(ctx, q); err != nil {
			return fmt.Errorf("quote %d: %w", q.ID, err)
		}
	}
	return nil
}
