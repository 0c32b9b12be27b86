package data

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
)

var _ app.ProductStore = (*Store)(nil)

// isUniqueViolation tells a UNIQUE clash (a SKU or market used twice) from
// other failures by SQLite's extended result code, not by its message.
func isUniqueViolation(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
}

const productCols = `id, sku, name_zh, name_en, category, supplier, cost_fen, weight_g, length_mm, width_mm, height_mm,
	hs_code, markets, price_band, role, stage, status, notes, pipeline, market_growth, relative_share`

func scanProduct(row interface{ Scan(...any) error }) (app.Product, error) {
	var p app.Product
	var cost, weight, length, width, height int64
	var markets, growth, share string
	err := row.Scan(&p.ID, &p.SKU, &p.NameZh, &p.NameEn, &p.Category, &p.Supplier, &cost, &weight,
		&length, &width, &height, &p.HSCode, &markets, &p.PriceBand, &p.Role, &p.Stage, &p.Status,
		&p.Notes, &p.Pipeline, &growth, &share)
	p.PurchaseCost, p.WeightKg, p.Markets = cents(cost), grams(weight), list(markets)
	p.LengthCm, p.WidthCm, p.HeightCm = decimal.New(length, -1), decimal.New(width, -1), decimal.New(height, -1)
	p.MarketGrowth, p.RelativeShare = nullDecimal(growth), nullDecimal(share)
	return p, err
}

// mm stores a size in cm as whole millimetres, as the schema keeps sizes.
func mm(cm decimal.Decimal) int64 { return cm.Shift(1).Round(0).IntPart() }

func nullDecimal(s string) decimal.NullDecimal {
	d, err := decimal.NewFromString(s)
	return decimal.NullDecimal{Decimal: d, Valid: err == nil}
}

func nullDecimalText(d decimal.NullDecimal) string {
	if !d.Valid {
		return ""
	}
	return d.Decimal.String()
}

// Product implements app.ProductStore.
func (s *Store) Product(ctx context.Context, id int64) (app.Product, error) {
	p, err := scanProduct(s.db.QueryRowContext(ctx, "SELECT "+productCols+" FROM products WHERE id = ?", id))
	if err != nil {
		return app.Product{}, s.fail(err)
	}
	return p, nil
}

func productArgs(p *app.Product) []any {
	return []any{p.SKU, p.NameZh, p.NameEn, p.Category, p.Supplier, toCents(p.PurchaseCost), p.WeightKg.Shift(3).Round(0).IntPart(),
		mm(p.LengthCm), mm(p.WidthCm), mm(p.HeightCm), p.HSCode, strings.Join(p.Markets, ","), p.PriceBand, p.Role, p.Stage, p.Status,
		p.Notes, p.Pipeline, nullDecimalText(p.MarketGrowth), nullDecimalText(p.RelativeShare)}
}

const productInsert = `INSERT INTO products (sku, name_zh, name_en, category, supplier, cost_fen, weight_g, length_mm,
	width_mm, height_mm, hs_code, markets, price_band, role, stage, status, notes, pipeline, market_growth, relative_share)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const productUpdate = `UPDATE products SET sku = ?, name_zh = ?, name_en = ?, category = ?, supplier = ?, cost_fen = ?,
	weight_g = ?, length_mm = ?, width_mm = ?, height_mm = ?, hs_code = ?, markets = ?, price_band = ?, role = ?, stage = ?,
	status = ?, notes = ?, pipeline = ?, market_growth = ?, relative_share = ? WHERE id = ?`

// SaveProduct implements app.ProductStore.
func (s *Store) SaveProduct(ctx context.Context, p *app.Product) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if p.ID == 0 {
		res, err := s.db.ExecContext(ctx, productInsert, productArgs(p)...)
		if err != nil {
			if isUniqueViolation(err) {
				return app.Errorf(app.EConflict, "products.err_sku_exists", p.SKU)
			}
			return s.fail(err)
		}
		p.ID, err = res.LastInsertId()
		return s.fail(err)
	}
	res, err := s.db.ExecContext(ctx, productUpdate, append(productArgs(p), p.ID)...)
	if err != nil {
		if isUniqueViolation(err) {
			return app.Errorf(app.EConflict, "products.err_sku_exists", p.SKU)
		}
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}

// DeleteProduct implements app.ProductStore.
func (s *Store) DeleteProduct(ctx context.Context, id int64) error {
	return s.deleteByID(ctx, "products", id)
}

// ReadProductFile implements app.ProductStore.
func (s *Store) ReadProductFile(ctx context.Context, path string) (app.ProductImport, error) {
	var recs [][]string
	var lines []int
	var err error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		recs, lines, err = readCSV(path)
	case ".xlsx":
		recs, err = readXLSX(path)
	default:
		return app.ProductImport{}, app.Errorf(app.EInvalid, "products.err_file_type", filepath.Base(path))
	}
	if err != nil {
		return app.ProductImport{}, err
	}
	return ParseProducts(ctx, recs, lines)
}

// ParseProducts checks every row of a table whose first row is the header.
// lines are the file's line numbers of the records (CSV skips blank lines
// and quoted fields may span lines); nil means record i is row i+1, as in a
// spreadsheet. A SKU twice in the file is a problem on its second row.
func ParseProducts(ctx context.Context, recs [][]string, lines []int) (app.ProductImport, error) {
	var out app.ProductImport
	if len(recs) == 0 {
		return out, app.Errorf(app.EInvalid, "products.err_empty_file")
	}
	idx, err := app.ProductHeader(recs[0])
	if err != nil {
		return out, err
	}
	seen := map[string]int{}
	for i, rec := range recs[1:] {
		if i%1000 == 0 && ctx.Err() != nil {
			return app.ProductImport{}, app.Wrap(ctx.Err(), app.ECanceled, "error.canceled")
		}
		row := i + 2
		if len(lines) == len(recs) {
			row = lines[i+1]
		}
		if blank(rec) {
			continue
		}
		p, err := app.ParseProductRow(idx, rec)
		if err == nil {
			if first, dup := seen[strings.ToLower(p.SKU)]; dup {
				err = app.Errorf(app.EInvalid, "products.err_sku_twice", p.SKU, first)
			}
		}
		if err != nil {
			var e *app.Error
			if !errors.As(err, &e) {
				e = app.Wrap(err, app.EInvalid, "error.internal", err.Error())
			}
			out.Problems = append(out.Problems, app.RowProblem{Row: row, Err: e})
			continue
		}
		seen[strings.ToLower(p.SKU)] = row
		out.Products = append(out.Products, p)
	}
	return out, nil
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func readCSV(path string) ([][]string, []int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, app.Wrap(err, app.EInvalid, "error.file_unreadable", path)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var out [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, lines, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, app.Wrap(err, app.EInvalid, "products.err_csv", pe.Line)
			}
			return nil, nil, app.Wrap(err, app.EInvalid, "error.file_unreadable", path)
		}
		line, _ := r.FieldPos(0)
		out, lines = append(out, rec), append(lines, line)
	}
}

func readXLSX(path string) ([][]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, app.Wrap(err, app.EInvalid, "error.file_unreadable", path)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, app.Errorf(app.EInvalid, "products.err_empty_file")
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, app.Wrap(err, app.EInvalid, "error.file_unreadable", path)
	}
	return rows, nil
}

// ImportProducts implements app.ProductStore: one transaction, so a failure
// on any row leaves the catalogue as it was.
func (s *Store) ImportProducts(ctx context.Context, ps []app.Product) (added, updated int, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, s.fail(err)
	}
	defer tx.Rollback()
	for i := range ps {
		p := ps[i]
		if err := p.Validate(); err != nil {
			return 0, 0, err
		}
		var id int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM products WHERE sku = ?", p.SKU).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if _, err := tx.ExecContext(ctx, productInsert, productArgs(&p)...); err != nil {
				return 0, 0, s.fail(err)
			}
			added++
		case err != nil:
			return 0, 0, s.fail(err)
		default:
			// The file does not carry pipeline or BCG figures: keep the stored ones.
			var pipeline, growth, share string
			if err := tx.QueryRowContext(ctx, "SELECT pipeline, market_growth, relative_share FROM products WHERE id = ?", id).
				Scan(&pipeline, &growth, &share); err != nil {
				return 0, 0, s.fail(err)
			}
			p.Pipeline, p.MarketGrowth, p.RelativeShare = pipeline, nullDecimal(growth), nullDecimal(share)
			if _, err := tx.ExecContext(ctx, productUpdate, append(productArgs(&p), id)...); err != nil {
				return 0, 0, s.fail(err)
			}
			updated++
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, s.fail(err)
	}
	return added, updated, nil
}

// ExportProducts implements app.ProductStore.
func (s *Store) ExportProducts(ctx context.Context, path string) error {
	ps, err := s.Products(ctx)
	if err != nil {
		return err
	}
	recs := [][]string{app.ProductColumns}
	for _, p := range ps {
		recs = append(recs, app.ProductRow(p))
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return writeCSV(path, recs, s.path)
	case ".xlsx":
		return writeXLSX(path, recs, s.path)
	}
	return app.Errorf(app.EInvalid, "products.err_file_type", filepath.Base(path))
}

// writeCSV writes UTF-8 with a byte-order mark, so Excel on a Chinese
// Windows shows the Chinese names instead of reading them as GBK.
// Both go through atomicfile; protect names the open workspace.
func writeCSV(path string, recs [][]string, protect ...string) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		return csv.NewWriter(w).WriteAll(recs)
	}, protect...)
}

func writeXLSX(path string, recs [][]string, protect ...string) error {
	if err := atomicfile.Check(path, protect...); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	for i, rec := range recs {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return app.Wrap(err, app.EInternal, "error.internal", err.Error())
		}
		row := make([]any, len(rec))
		for j, v := range rec {
			row[j] = v
		}
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return app.Wrap(err, app.EInternal, "error.internal", err.Error())
		}
	}
	if err := atomicfile.Write(path, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	}, protect...); err != nil {
		return err
	}
	return nil
}

// ProductSales implements app.ProductStore. The window ends at the last
// order line's day, so an old import still has a "last 6 months".
func (s *Store) ProductSales(ctx context.Context) ([]app.ProductSales, error) {
	// From the order_sku_days summary (one row per SKU and day, kept by
	// every import and undo): at a million lines a year of it is a few
	// thousand rows to a few hundred thousand, where the lines took one
	// index lookup each (issue 20: 2.9 s for Products).
	dayNum := func(t time.Time) int64 { return t.Unix() / 86400 }
	from, err := s.daySummary(ctx, "order_sku_days", skuDaysSQL)
	if err != nil {
		return nil, err
	}
	// The last line's day: kept with the summaries (meta orders.last), or
	// read from the lines while they are stale; the lines may have no date
	// index yet (see dropDateIndex), and this must not wait for one.
	q := `SELECT coalesce((SELECT unixepoch(value) FROM meta WHERE key = 'orders.last' AND value <> ''), (SELECT max(at) FROM order_rows))`
	if from != "order_sku_days" {
		q = `SELECT max(at) FROM order_rows`
	}
	var last sql.NullInt64
	if err := s.db.QueryRowContext(ctx, q).Scan(&last); err != nil {
		return nil, s.fail(err)
	}
	if !last.Valid {
		return nil, nil
	}
	end := time.Unix(last.Int64/86400*86400, 0).UTC().AddDate(0, 0, 1)
	mid, start := end.AddDate(0, -6, 0), end.AddDate(0, -12, 0)
	rows, err := s.db.QueryContext(ctx, `SELECT stock_code,
		coalesce(sum(CASE WHEN day >= ?2 THEN revenue_cents END), 0),
		coalesce(sum(CASE WHEN day < ?2 THEN revenue_cents END), 0),
		coalesce(sum(CASE WHEN day >= ?2 THEN units END), 0)
		FROM `+from+` WHERE day >= ?1 AND day < ?3
		GROUP BY stock_code`, dayNum(start), dayNum(mid), dayNum(end))
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.ProductSales
	for rows.Next() {
		var ps app.ProductSales
		var rev, prev int64
		if err := rows.Scan(&ps.SKU, &rev, &prev, &ps.Units); err != nil {
			return nil, s.fail(err)
		}
		ps.Revenue, ps.PreviousRevenue = cents(rev), cents(prev)
		out = append(out, ps)
	}
	return out, s.fail(rows.Err())
}

// Checks implements app.ProductStore.
func (s *Store) Checks(ctx context.Context, productID int64) (map[string]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT item, done_on FROM product_checks WHERE product_id = ?", productID)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var item, on string
		if err := rows.Scan(&item, &on); err != nil {
			return nil, s.fail(err)
		}
		out[item] = day(on)
	}
	return out, s.fail(rows.Err())
}

// SetCheck implements app.ProductStore.
func (s *Store) SetCheck(ctx context.Context, productID int64, item string, done bool) error {
	if err := app.ValidCheck(item); err != nil {
		return err
	}
	var err error
	if done {
		_, err = s.db.ExecContext(ctx, `INSERT OR IGNORE INTO product_checks (product_id, item, done_on)
			VALUES (?, ?, date('now'))`, productID, item)
	} else {
		_, err = s.db.ExecContext(ctx, "DELETE FROM product_checks WHERE product_id = ? AND item = ?", productID, item)
	}
	return s.fail(err)
}
