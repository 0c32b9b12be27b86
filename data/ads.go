package data

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.AdsStore = (*Store)(nil)

// rawXLSX reads a spreadsheet's cells as stored rather than as displayed:
// a date cell is its serial day and a "$1,234.50" cell the number 1234.5,
// whatever number format the sheet gives it (the displayed text depends on
// the format, e.g. "10-01-26" for a built-in date format).
type rawXLSX struct{ *xlsxRecords }

func (x rawXLSX) Read() ([]string, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	return x.rows.Columns(excelize.Options{RawCellValue: true})
}

// openAdsFile opens a report with the order import's reader (encoding,
// delimiter, XLSX), reading spreadsheet cells raw.
func openAdsFile(path string) (recordReader, error) {
	f, err := openOrderFile(path, "", 0)
	if err != nil {
		return nil, err
	}
	if x, ok := f.recordReader.(*xlsxRecords); ok {
		return rawXLSX{x}, nil
	}
	return f, nil
}

func isBlank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// adsParsed is one parsed record waiting for its dates.
type adsParsed[T any] struct {
	row   T
	dates app.AdsRowDates
	line  int
}

// termKey is the text part of a search term row's key.
type termKey struct{ campaign, adGroup, targeting, matchType, searchTerm string }

// termFact is a search term row with its text key replaced by the index of
// the key in the import's key list: 100,000 rows hold a few thousand keys,
// so the rows are small, sort by integers and bind no strings.
type termFact struct {
	key   int32
	line  int32
	dates app.AdsRowDates // interned
	start string
	end   string
	n     termCounts
}

// termCounts are a row's numbers in the column order of ads_term_days.
type termCounts [10]int64

func countsOf(r *app.SearchTermRow) termCounts {
	return termCounts{r.Impressions, r.Clicks, r.SpendCents, r.SalesCents, r.Orders, r.Units, r.AdvertisedUnits,
		r.OtherUnits, r.AdvertisedSales, r.OtherSales}
}

// termKeys interns the keys of an import.
type termKeys struct {
	index map[termKey]int32
	list  []termKey
	attrs [][4]string // portfolio, currency, retailer, country, last seen
	ids   []int64     // ads_terms.id, once written
}

func (k *termKeys) add(r *app.SearchTermRow) int32 {
	key := termKey{r.Campaign, r.AdGroup, r.Targeting, r.MatchType, r.SearchTerm}
	i, ok := k.index[key]
	if !ok {
		key = termKey{strings.Clone(key.campaign), strings.Clone(key.adGroup), strings.Clone(key.targeting),
			strings.Clone(key.matchType), strings.Clone(key.searchTerm)}
		i = int32(len(k.list))
		k.index[key] = i
		k.list = append(k.list, key)
		k.attrs = append(k.attrs, [4]string{})
	}
	a := &k.attrs[i]
	if a[0] != r.Portfolio || a[1] != r.Currency || a[2] != r.Retailer || a[3] != r.Country {
		*a = [4]string{strings.Clone(r.Portfolio), strings.Clone(r.Currency), strings.Clone(r.Retailer), strings.Clone(r.Country)}
	}
	return i
}

// interner keeps one copy of each date cell: a quarter has 92 days and
// 100,000 rows.
type interner map[string]string

func (n interner) of(s string) string {
	if v, ok := n[s]; ok {
		return v
	}
	v := strings.Clone(s)
	n[v] = v
	return v
}

// ImportAdsReport implements app.AdsStore. The whole file is parsed before
// anything is written (slashed dates are read in one order for the whole
// file, decided from all of them), then written in one transaction.
func (s *Store) ImportAdsReport(ctx context.Context, opts app.AdsImportOptions) (res app.AdsImportResult, err error) {
	f, err := openAdsFile(opts.Path)
	if err != nil {
		return res, err
	}
	defer f.Close()
	header, err := f.Read()
	if err != nil {
		return res, app.Wrap(err, app.EInvalid, "ads.err.empty_file", opts.Path)
	}
	cols, err := app.DetectAdsReport(slices.Clone(header))
	if err != nil {
		return res, err
	}
	res.Kind = cols.Kind
	r := &adsReport{cols: cols, keys: &termKeys{index: map[termKey]int32{}}, dates: interner{}}
	if !cols.HasDates() {
		if opts.From.IsZero() || opts.To.IsZero() || opts.To.Before(opts.From) {
			return res, app.Errorf(app.EInvalid, "ads.err.business_period")
		}
		r.fixed = app.AdsRowDates{Start: opts.From.Format(time.DateOnly), End: opts.To.Format(time.DateOnly)}
	}
	if err := r.read(ctx, f); err != nil {
		return res, err
	}
	res.Rows = len(r.facts) + len(r.days) + len(r.biz)
	if res.Rows == 0 {
		return res, app.Errorf(app.EInvalid, "ads.err.empty_file", opts.Path)
	}
	if err := r.resolveDates(&res); err != nil {
		return res, err
	}
	if err := s.writeAdsReport(ctx, r, &res); err != nil {
		return res, err
	}
	res.Replaced = res.Rows - res.Added
	return res, nil
}

// adsReport is an ads file parsed, before it is written: one slice of rows
// per kind of report, and each row's raw dates until the file's date order
// is known.
type adsReport struct {
	cols  app.AdsColumns
	fixed app.AdsRowDates // the period of a report without dates
	keys  *termKeys
	facts []termFact
	days  []adsParsed[app.CampaignDayRow]
	biz   []adsParsed[app.BusinessRow]
	dates interner
}

// read parses the file's rows; the first bad row refuses the file.
func (r *adsReport) read(ctx context.Context, f recordReader) error {
	line := 1
	for {
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return app.Wrap(err, app.ECanceled, "error.canceled")
			}
		}
		rec, err := f.Read()
		if err == io.EOF {
			return nil
		}
		line++
		if err != nil {
			return app.Wrap(err, app.EInvalid, "ads.err.read", line)
		}
		if isBlank(rec) {
			continue
		}
		if err := r.add(rec, line); err != nil {
			return err
		}
	}
}

// add parses one row. The text kept is cloned off the reader's buffer, and
// the date cells interned.
func (r *adsReport) add(rec []string, line int) error {
	d := r.fixed
	if r.cols.HasDates() {
		d = r.cols.RawDates(rec)
		d.Start, d.End = r.dates.of(d.Start), r.dates.of(d.End)
	}
	switch r.cols.Kind {
	case app.AdsSearchTerms:
		row, err := r.cols.ParseSearchTermRow(rec, line)
		if err != nil {
			return err
		}
		r.facts = append(r.facts, termFact{key: r.keys.add(&row), line: int32(line), dates: d, n: countsOf(&row)})
	case app.AdsCampaigns:
		row, err := r.cols.ParseCampaignDayRow(rec, line)
		if err != nil {
			return err
		}
		row.Campaign, row.Currency = strings.Clone(row.Campaign), strings.Clone(row.Currency)
		r.days = append(r.days, adsParsed[app.CampaignDayRow]{row, d, line})
	case app.AdsBusiness:
		row, err := r.cols.ParseBusinessRow(rec, line)
		if err != nil {
			return err
		}
		row.ParentASIN, row.ChildASIN, row.Title, row.SKU = strings.Clone(row.ParentASIN), strings.Clone(row.ChildASIN), strings.Clone(row.Title), strings.Clone(row.SKU)
		r.biz = append(r.biz, adsParsed[app.BusinessRow]{row, d, line})
	}
	return nil
}

// resolveDates gives every row its period, reading the slashed dates in the
// order all the file's date cells decide, and sets the file's period.
func (r *adsReport) resolveDates(res *app.AdsImportResult) error {
	// Each distinct date cell is read once, in the file's order.
	cells := make([]string, 0, len(r.dates))
	for c := range r.dates {
		cells = append(cells, c)
	}
	dr := &dateResolver{cols: r.cols, order: app.AdsDateOrder(cells), resolved: map[app.AdsRowDates][2]string{}, res: res}
	var err error
	for i := range r.facts {
		if r.facts[i].start, r.facts[i].end, err = dr.resolve(r.facts[i].dates, int(r.facts[i].line)); err != nil {
			return err
		}
	}
	for i := range r.days {
		if r.days[i].row.Start, r.days[i].row.End, err = dr.resolve(r.days[i].dates, r.days[i].line); err != nil {
			return err
		}
	}
	for i := range r.biz {
		if r.biz[i].row.Start, r.biz[i].row.End, err = dr.resolve(r.biz[i].dates, r.biz[i].line); err != nil {
			return err
		}
	}
	if !r.cols.HasDates() {
		res.From, res.To = r.fixed.Start, r.fixed.End
	}
	return nil
}

// dateResolver reads each distinct pair of date cells once, widening the
// file's period (res.From, res.To) as it goes.
type dateResolver struct {
	cols     app.AdsColumns
	order    app.DateOrder
	resolved map[app.AdsRowDates][2]string
	res      *app.AdsImportResult
}

func (dr *dateResolver) resolve(d app.AdsRowDates, line int) (string, string, error) {
	if !dr.cols.HasDates() {
		return d.Start, d.End, nil
	}
	if r, ok := dr.resolved[d]; ok {
		return r[0], r[1], nil
	}
	start, end, err := dr.cols.ResolveDates(d, dr.order, line)
	if err != nil {
		return "", "", err
	}
	dr.resolved[d] = [2]string{start, end}
	if dr.res.From == "" || start < dr.res.From {
		dr.res.From = start
	}
	if end > dr.res.To {
		dr.res.To = end
	}
	return start, end, nil
}

// adsTables is the table each kind of report is written to.
var adsTables = map[string]string{app.AdsSearchTerms: "ads_term_days", app.AdsCampaigns: "ads_campaign_days", app.AdsBusiness: "ads_business"}

// writeAdsReport writes the parsed report in one transaction and counts the
// rows it added (res.Added).
func (s *Store) writeAdsReport(ctx context.Context, r *adsReport, res *app.AdsImportResult) error {
	// One connection with a larger page cache for the load, as the order
	// import does, reset before it goes back to the pool.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.fail(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, importCacheKiB)); err != nil {
		return s.fail(err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA cache_size = -2000`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(err)
	}
	defer tx.Rollback()
	table := adsTables[r.cols.Kind]
	var before, after int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&before); err != nil {
		return s.fail(err)
	}
	if err := r.insert(ctx, tx); err != nil {
		return s.fail(err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&after); err != nil {
		return s.fail(err)
	}
	if err := tx.Commit(); err != nil {
		return s.fail(err)
	}
	res.Added = after - before
	return nil
}

// insert writes the report's rows; rows with the key of an earlier import
// replace it.
func (r *adsReport) insert(ctx context.Context, tx *sql.Tx) error {
	switch r.cols.Kind {
	case app.AdsSearchTerms:
		return writeTermFacts(ctx, tx, r.keys, r.facts)
	case app.AdsCampaigns:
		return insertAll(ctx, tx, `INSERT OR REPLACE INTO ads_campaign_days (start_date, end_date, campaign, currency,
			impressions, clicks, spend_cents, sales_cents, orders, units)`, 10, r.days,
			func(v []any, p adsParsed[app.CampaignDayRow]) []any {
				r := &p.row
				return append(v, r.Start, r.End, r.Campaign, r.Currency, r.Impressions, r.Clicks, r.SpendCents, r.SalesCents, r.Orders, r.Units)
			})
	case app.AdsBusiness:
		return insertAll(ctx, tx, `INSERT OR REPLACE INTO ads_business (start_date, end_date, child_asin, parent_asin, title,
			sku, sessions, page_views, buy_box_bp, units_ordered, sales_cents, order_items)`, 12, r.biz,
			func(v []any, p adsParsed[app.BusinessRow]) []any {
				r := &p.row
				return append(v, r.Start, r.End, r.ChildASIN, r.ParentASIN, r.Title, r.SKU, r.Sessions, r.PageViews, r.BuyBoxBP,
					r.UnitsOrdered, r.SalesCents, r.OrderItems)
			})
	}
	return nil
}

// writeTermFacts stores the keys (finding the ids of those already there)
// and then the rows, sorted by (term id, period, line) so they append to the
// table's b-tree; of two rows with one key in a file the later wins, as it
// would unsorted.
func writeTermFacts(ctx context.Context, tx *sql.Tx, keys *termKeys, facts []termFact) error {
	// The stored keys are read in one pass (a few thousand rows even for a
	// large account) rather than looked up one by one.
	type stored struct {
		id    int64
		attrs [4]string
	}
	have := make(map[termKey]stored, len(keys.list))
	rows, err := tx.QueryContext(ctx, `SELECT id, campaign, ad_group, targeting, match_type, search_term, portfolio, currency, retailer, country FROM ads_terms`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var k termKey
		var st stored
		if err := rows.Scan(&st.id, &k.campaign, &k.adGroup, &k.targeting, &k.matchType, &k.searchTerm, &st.attrs[0], &st.attrs[1], &st.attrs[2], &st.attrs[3]); err != nil {
			rows.Close()
			return err
		}
		if _, ok := keys.index[k]; ok {
			have[k] = st
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	add, err := tx.PrepareContext(ctx, `INSERT INTO ads_terms (campaign, ad_group, targeting, match_type, search_term, portfolio, currency, retailer, country)
		VALUES (?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer add.Close()
	update, err := tx.PrepareContext(ctx, `UPDATE ads_terms SET portfolio = ?, currency = ?, retailer = ?, country = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer update.Close()
	keys.ids = make([]int64, len(keys.list))
	for i, k := range keys.list {
		a := keys.attrs[i]
		st, ok := have[k]
		switch {
		case !ok:
			r, err := add.ExecContext(ctx, k.campaign, k.adGroup, k.targeting, k.matchType, k.searchTerm, a[0], a[1], a[2], a[3])
			if err != nil {
				return err
			}
			if keys.ids[i], err = r.LastInsertId(); err != nil {
				return err
			}
		case st.attrs != a:
			keys.ids[i] = st.id
			if _, err := update.ExecContext(ctx, a[0], a[1], a[2], a[3], st.id); err != nil {
				return err
			}
		default:
			keys.ids[i] = st.id
		}
	}
	slices.SortFunc(facts, func(a, b termFact) int {
		if n := cmp.Compare(keys.ids[a.key], keys.ids[b.key]); n != 0 {
			return n
		}
		if n := strings.Compare(a.start, b.start); n != 0 {
			return n
		}
		if n := strings.Compare(a.end, b.end); n != 0 {
			return n
		}
		return cmp.Compare(a.line, b.line)
	})
	return insertAll(ctx, tx, `INSERT OR REPLACE INTO ads_term_days (term_id, start_date, end_date, impressions, clicks,
		spend_cents, sales_cents, orders, units, adv_units, other_units, adv_sales_cents, other_sales_cents)`, 13, facts,
		func(v []any, f termFact) []any {
			n := &f.n
			return append(v, keys.ids[f.key], f.start, f.end, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9])
		})
}

// insertBatch is how many rows one INSERT statement carries: fewer round
// trips through database/sql (a third of the insert time at 100,000 rows)
// while staying far under SQLite's limit of 32,766 parameters.
const insertBatch = 64

// insertAll inserts rows inside tx with multi-row statements; head is the
// statement up to VALUES, args appends one row's width values.
func insertAll[T any](ctx context.Context, tx *sql.Tx, head string, width int, rows []T, args func([]any, T) []any) error {
	tuple := "(" + strings.Repeat("?,", width-1) + "?)"
	prepare := func(n int) (*sql.Stmt, error) {
		return tx.PrepareContext(ctx, head+" VALUES "+strings.Repeat(tuple+",", n-1)+tuple)
	}
	vals := make([]any, 0, width*insertBatch)
	if len(rows) >= insertBatch {
		stmt, err := prepare(insertBatch)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for len(rows) >= insertBatch {
			vals = vals[:0]
			for _, r := range rows[:insertBatch] {
				vals = args(vals, r)
			}
			if _, err := stmt.ExecContext(ctx, vals...); err != nil {
				return err
			}
			rows = rows[insertBatch:]
		}
	}
	if len(rows) == 0 {
		return nil
	}
	stmt, err := prepare(len(rows))
	if err != nil {
		return err
	}
	defer stmt.Close()
	vals = vals[:0]
	for _, r := range rows {
		vals = args(vals, r)
	}
	_, err = stmt.ExecContext(ctx, vals...)
	return err
}

// adsPeriod is the WHERE clause of a filter's period: report periods
// wholly inside [From, To].
func adsPeriod(f app.AdsFilter) (string, []any) {
	var where []string
	var args []any
	if !f.From.IsZero() {
		where, args = append(where, "start_date >= ?"), append(args, f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		where, args = append(where, "end_date <= ?"), append(args, f.To.Format(time.DateOnly))
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// SearchTerms implements app.AdsStore: summed per stored key in SQL (the
// table is in key order, so no sort), then the few keys that differ only by
// match type are merged and the rows sorted in Go.
func (s *Store) SearchTerms(ctx context.Context, f app.AdsFilter) ([]app.TermTotals, error) {
	where, args := adsPeriod(f)
	campaign := ""
	if f.Campaign != "" {
		campaign, args = " WHERE k.campaign = ?", append(args, f.Campaign)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT k.campaign, k.ad_group, k.targeting, k.search_term, k.match_type,
		d.impressions, d.clicks, d.spend, d.sales, d.orders, d.units
		FROM (SELECT term_id, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(spend_cents) AS spend,
			sum(sales_cents) AS sales, sum(orders) AS orders, sum(units) AS units
			FROM ads_term_days`+where+` GROUP BY term_id) d
		JOIN ads_terms k ON k.id = d.term_id`+campaign, args...)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.TermTotals
	for rows.Next() {
		var t app.TermTotals
		if err := rows.Scan(&t.Campaign, &t.AdGroup, &t.Targeting, &t.SearchTerm, &t.MatchType, &t.Impressions, &t.Clicks,
			&t.SpendCents, &t.SalesCents, &t.Orders, &t.Units); err != nil {
			return nil, s.fail(err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail(err)
	}
	return app.MergeMatchTypes(out), nil
}

// ExactTargets implements app.AdsStore.
func (s *Store) ExactTargets(ctx context.Context) (app.ExactTargets, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT targeting FROM ads_terms WHERE match_type = 'EXACT'`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var ts []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, s.fail(err)
		}
		ts = append(ts, t)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail(err)
	}
	return app.NewExactTargets(ts), nil
}

// AdsRules implements app.AdsStore.
func (s *Store) AdsRules(ctx context.Context) ([]app.CampaignAdsRules, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT campaign, target_acos, negate_clicks, harvest_orders, sku FROM ads_campaign_rules ORDER BY campaign`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.CampaignAdsRules
	for rows.Next() {
		var r app.CampaignAdsRules
		var target string
		if err := rows.Scan(&r.Campaign, &target, &r.NegateClicks, &r.HarvestOrders, &r.SKU); err != nil {
			return nil, s.fail(err)
		}
		if r.TargetACoS, err = decimal.NewFromString(target); err != nil {
			return nil, s.fail(errors.New("ads_campaign_rules: bad target_acos " + target))
		}
		out = append(out, r)
	}
	return out, s.fail(rows.Err())
}

// SaveAdsRules implements app.AdsStore.
func (s *Store) SaveAdsRules(ctx context.Context, r app.CampaignAdsRules) error {
	if err := r.Validate(); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO ads_campaign_rules (campaign, target_acos, negate_clicks, harvest_orders, sku)
		VALUES (?,?,?,?,?) ON CONFLICT (campaign) DO UPDATE SET target_acos = excluded.target_acos,
		negate_clicks = excluded.negate_clicks, harvest_orders = excluded.harvest_orders, sku = excluded.sku`,
		r.Campaign, r.TargetACoS.String(), r.NegateClicks, r.HarvestOrders, r.SKU)
	return s.fail(err)
}

// AdsDays implements app.AdsStore: per period and campaign, the campaign
// report's row where there is one (it counts spend on every targeting,
// including terms below the search term report's threshold), else the
// search term rows of that period and campaign summed.
func (s *Store) AdsDays(ctx context.Context, f app.AdsFilter) (app.AdsDays, error) {
	where, args := adsPeriod(f)
	if f.Campaign != "" {
		if where == "" {
			where = " WHERE "
		} else {
			where += " AND "
		}
		where, args = where+"campaign = ?", append(args, f.Campaign)
	}
	var out app.AdsDays
	type key struct {
		day      string
		campaign string
	}
	seen := map[key]bool{}
	read := func(q string, fromCampaigns bool) (int, error) {
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return 0, err
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var d app.AdsDay
			var day, currency string
			if err := rows.Scan(&day, &d.Campaign, &currency, &d.Impressions, &d.Clicks, &d.SpendCents, &d.SalesCents, &d.Orders, &d.Units); err != nil {
				return n, err
			}
			k := key{day, d.Campaign}
			if fromCampaigns {
				seen[k] = true
			} else if seen[k] {
				continue
			}
			if d.Day, err = time.Parse(time.DateOnly, day); err != nil {
				return n, err
			}
			if out.Currency == "" {
				out.Currency = currency
			}
			out.Days = append(out.Days, d)
			n++
		}
		return n, rows.Err()
	}
	fromCamp, err := read(`SELECT start_date, campaign, currency, impressions, clicks, spend_cents, sales_cents, orders, units
		FROM ads_campaign_days`+where, true)
	if err != nil {
		return out, s.fail(err)
	}
	// The filter's names are unambiguous in the join: the dates are only in
	// ads_term_days, the campaign only in ads_terms.
	fromTerms, err := read(`SELECT d.start_date, k.campaign, max(k.currency), sum(d.impressions), sum(d.clicks), sum(d.spend_cents),
		sum(d.sales_cents), sum(d.orders), sum(d.units)
		FROM ads_term_days d JOIN ads_terms k ON k.id = d.term_id`+where+` GROUP BY d.start_date, k.campaign`, false)
	if err != nil {
		return out, s.fail(err)
	}
	switch {
	case fromTerms == 0:
		out.Source = app.AdsCampaigns
	case fromCamp == 0:
		out.Source = app.AdsSearchTerms
	default:
		out.Source = app.AdsMixed
	}
	return out, nil
}

// Funnel implements app.AdsStore. The Buy Box share of a product over
// several report periods is weighted by their sessions.
func (s *Store) Funnel(ctx context.Context, f app.AdsFilter) ([]app.FunnelRow, error) {
	where, args := adsPeriod(f)
	rows, err := s.db.QueryContext(ctx, `SELECT child_asin, max(sku), max(title), sum(sessions), sum(page_views), sum(units_ordered),
		sum(order_items), sum(sales_cents), CASE WHEN sum(sessions) > 0 THEN sum(buy_box_bp * sessions) / sum(sessions) ELSE max(buy_box_bp) END,
		min(start_date), max(end_date)
		FROM ads_business`+where+` GROUP BY child_asin ORDER BY sum(sessions) DESC, child_asin`, args...)
	if err != nil {
		return nil, s.fail(err)
	}
	var out []app.FunnelRow
	lo, hi := "", ""
	for rows.Next() {
		var r app.FunnelRow
		var a, b string
		if err := rows.Scan(&r.ASIN, &r.SKU, &r.Title, &r.Sessions, &r.PageViews, &r.Units, &r.OrderItems, &r.SalesCents, &r.BuyBoxBP, &a, &b); err != nil {
			rows.Close()
			return nil, s.fail(err)
		}
		if lo == "" || a < lo {
			lo = a
		}
		hi = max(hi, b)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, s.fail(err)
	}
	// The orders of each SKU over the days the report covers.
	var skus []any
	for _, r := range out {
		if r.SKU != "" {
			skus = append(skus, r.SKU)
		}
	}
	if len(skus) == 0 {
		return out, nil
	}
	end, err := time.Parse(time.DateOnly, hi)
	if err != nil {
		return nil, s.fail(err)
	}
	if err := s.withIndex(ctx, dateIndexSQL); err != nil {
		return nil, err
	}
	in := strings.TrimSuffix(strings.Repeat("?,", len(skus)), ",")
	oargs := append([]any{dayStart(lo), dayStart(end.AddDate(0, 0, 1).Format(time.DateOnly))}, skus...)
	period := `at >= ? AND at < ? AND stock_code IN (` + in + `) AND quantity > 0 AND invoice_no NOT LIKE 'C%'`
	type stats struct{ orders, revenue, customers, repeat int64 }
	bySKU := map[string]*stats{}
	oc, err := readOrderCurrencies(ctx, s.db)
	if err != nil {
		return nil, s.fail(err)
	}
	orows, err := s.db.QueryContext(ctx, `SELECT stock_code, count(DISTINCT invoice_no), sum(`+oc.baseCents("l")+`),
		count(DISTINCT customer_id), (SELECT count(*) FROM (SELECT 1 FROM order_rows o WHERE o.stock_code = l.stock_code
			AND `+strings.ReplaceAll(period, "stock_code IN ("+in+")", "customer_id IS NOT NULL")+`
			GROUP BY o.customer_id HAVING count(DISTINCT o.invoice_no) >= 2))
		FROM order_rows l WHERE `+period+` GROUP BY stock_code`, append(append([]any{}, oargs[:2]...), oargs...)...)
	if err != nil {
		return nil, s.fail(err)
	}
	defer orows.Close()
	for orows.Next() {
		var sku string
		var st stats
		if err := orows.Scan(&sku, &st.orders, &st.revenue, &st.customers, &st.repeat); err != nil {
			return nil, s.fail(err)
		}
		bySKU[sku] = &st
	}
	if err := orows.Err(); err != nil {
		return nil, s.fail(err)
	}
	for i := range out {
		if st := bySKU[out[i].SKU]; st != nil {
			out[i].Orders, out[i].RevenueCents, out[i].Customers, out[i].RepeatCustomers = st.orders, st.revenue, st.customers, st.repeat
		}
	}
	return out, nil
}

// AdsDashboard implements app.AdsStore from the Business Report (a row per
// product and period) and the per-customer order summary, never from the
// order lines.
func (s *Store) AdsDashboard(ctx context.Context) (app.AdsDashboard, error) {
	var d app.AdsDashboard
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(sessions), 0), coalesce(sum(units_ordered), 0),
		coalesce(CASE WHEN sum(sessions) > 0 THEN sum(buy_box_bp * sessions) / sum(sessions) END, 0),
		(SELECT count(*) FROM order_customers WHERE orders >= 1), (SELECT count(*) FROM order_customers WHERE orders >= 2)
		FROM ads_business`).Scan(&d.Sessions, &d.Units, &d.BuyBoxBP, &d.Customers, &d.RepeatCustomers)
	return d, s.fail(err)
}
