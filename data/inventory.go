package data

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"sort"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.InventoryStore = (*Store)(nil)

// demandSQL reads, in one pass over order_lines, every SKU that has a
// non-cancelled line (day NULL: outside the window) and its units per day
// inside the window [?, ?). Cancellations are app.IsCancellation in SQL; a
// line without a SKU cannot be planned and is left out.
const demandSQL = `SELECT stock_code,
		CASE WHEN invoiced_at >= ?1 AND invoiced_at < ?2 THEN substr(invoiced_at, 1, 10) END AS day,
		sum(quantity)
	FROM order_lines
	WHERE stock_code <> '' AND NOT ` + cancelledSQL + `
	GROUP BY stock_code, day`

// ReplenishInputs implements app.InventoryStore.
func (s *Store) ReplenishInputs(ctx context.Context, o app.ReplenishOptions) ([]app.ReplenishInput, error) {
	n := o.WindowDays
	start := o.WindowStart()
	bySKU := map[string]*app.ReplenishInput{}
	get := func(sku string) *app.ReplenishInput {
		in := bySKU[sku]
		if in == nil {
			in = &app.ReplenishInput{SKU: sku, LeadTimeDays: app.DefaultLeadTimeDays, Daily: make([]int64, n)}
			bySKU[sku] = in
		}
		return in
	}
	rows, err := s.db.QueryContext(ctx, demandSQL, start.Format(time.DateOnly), o.AsOf.Format(time.DateOnly))
	if err != nil {
		return nil, s.fail(err)
	}
	for rows.Next() {
		var sku string
		var day sql.NullString
		var units int64
		if err := rows.Scan(&sku, &day, &units); err != nil {
			rows.Close()
			return nil, s.fail(err)
		}
		in := get(sku)
		if day.Valid {
			d, err := time.Parse(time.DateOnly, day.String)
			if err != nil {
				rows.Close()
				return nil, s.fail(err)
			}
			if i := int(d.Sub(start).Hours() / 24); i >= 0 && i < n {
				in.Daily[i] += units
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.fail(err)
	}

	// Stock over all warehouses, plus shipments no stock file counts yet.
	err = s.eachRow(ctx, `SELECT sku, sum(on_hand), sum(inbound) FROM (
			SELECT sku, on_hand, inbound FROM stock_levels
			UNION ALL SELECT sku, 0, quantity FROM inbound_shipments WHERE received = 0)
		GROUP BY sku`, nil, func(rows *sql.Rows) error {
		var sku string
		var onHand, inbound int64
		if err := rows.Scan(&sku, &onHand, &inbound); err != nil {
			return err
		}
		in := get(sku)
		in.OnHand, in.Inbound = onHand, inbound
		return nil
	})
	if err != nil {
		return nil, err
	}

	// Lead time = production days + the default channel's transit days (its
	// slowest, days_max: planning on the fast case runs out when the boat is
	// late). A product with neither keeps the default.
	err = s.eachRow(ctx, `SELECT p.sku, p.production_days, c.days_max FROM products p
		LEFT JOIN logistics_channels c ON c.id = p.default_channel_id
		WHERE p.production_days > 0 OR c.id IS NOT NULL`, nil, func(rows *sql.Rows) error {
		var sku string
		var production int
		var transit sql.NullInt64
		if err := rows.Scan(&sku, &production, &transit); err != nil {
			return err
		}
		if in := bySKU[sku]; in != nil {
			in.LeadTimeDays = production + int(transit.Int64)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]app.ReplenishInput, 0, len(bySKU))
	for _, in := range bySKU {
		out = append(out, *in)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SKU < out[j].SKU })
	return out, nil
}

// eachRow runs a query and calls fn for every row.
func (s *Store) eachRow(ctx context.Context, q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return s.fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return s.fail(err)
		}
	}
	return s.fail(rows.Err())
}

// StockLevels implements app.InventoryStore.
func (s *Store) StockLevels(ctx context.Context) ([]app.StockLevel, error) {
	var out []app.StockLevel
	err := s.eachRow(ctx, `SELECT sku, warehouse, on_hand, reserved, unsellable, inbound, updated_at
		FROM stock_levels ORDER BY sku, warehouse`, nil, func(rows *sql.Rows) error {
		var l app.StockLevel
		if err := rows.Scan(&l.SKU, &l.Warehouse, &l.OnHand, &l.Reserved, &l.Unsellable, &l.Inbound, &l.UpdatedAt); err != nil {
			return err
		}
		out = append(out, l)
		return nil
	})
	return out, err
}

// ImportStock implements app.InventoryStore. The whole file is parsed before
// anything is written: with any bad row nothing changes and every bad row
// (up to app.MaxBadRowsListed) is reported by line and field.
func (s *Store) ImportStock(ctx context.Context, opts app.StockImportOptions) (app.StockImportResult, error) {
	var res app.StockImportResult
	f, err := openOrderFile(opts.Path, "", 0)
	if err != nil {
		return res, err
	}
	defer f.Close()
	header, err := f.Read()
	if err == io.EOF {
		return res, app.Errorf(app.EInvalid, "inventory.err.empty_file", opts.Path)
	}
	if err != nil {
		return res, app.Wrap(err, app.EInvalid, "customers.err.open_file", opts.Path)
	}
	header = append([]string(nil), header...) // the reader reuses its record
	m, err := app.DetectStockMapping(header)
	if err != nil {
		return res, err
	}
	res.Format = m.Format
	warehouse := opts.Warehouse
	if warehouse == "" {
		warehouse = app.DefaultFBAWarehouse
	}
	var levels []app.StockLevel
	bad := 0
	for row := 2; ; row++ {
		if err := ctx.Err(); err != nil {
			return res, app.Wrap(err, app.ECanceled, "error.canceled")
		}
		rec, err := f.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return res, app.Wrap(err, app.EInvalid, "customers.err.open_file", opts.Path)
		}
		if blank(rec) {
			continue
		}
		line := fileLine(f, row)
		res.RowsRead++
		l, rerr := app.ParseStockRow(rec, m, warehouse)
		if rerr != nil {
			bad++
			if len(res.BadRows) < app.MaxBadRowsListed {
				res.BadRows = append(res.BadRows, app.BadRow{Row: line, Field: rerr.Field, Value: rerr.Value, Reason: rerr.Reason})
			}
			continue
		}
		levels = append(levels, l)
	}
	if bad > 0 {
		first := res.BadRows[0]
		return res, app.Errorf(app.EInvalid, "inventory.err.bad_rows", bad, first.Row, first.Field, first.Value)
	}
	if len(levels) == 0 {
		return res, app.Errorf(app.EInvalid, "inventory.err.empty_file", opts.Path)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return res, s.fail(err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO stock_levels (sku, warehouse, on_hand, reserved, unsellable, inbound, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))
		ON CONFLICT (sku, warehouse) DO UPDATE SET on_hand = excluded.on_hand, reserved = excluded.reserved,
			unsellable = excluded.unsellable, inbound = excluded.inbound, updated_at = excluded.updated_at`)
	if err != nil {
		return res, s.fail(err)
	}
	defer stmt.Close()
	seen := map[[2]string]bool{}
	for _, l := range levels {
		if _, err := stmt.ExecContext(ctx, l.SKU, l.Warehouse, l.OnHand, l.Reserved, l.Unsellable, l.Inbound); err != nil {
			return res, s.fail(err)
		}
		seen[[2]string{l.SKU, l.Warehouse}] = true
	}
	if err := tx.Commit(); err != nil {
		if errors.Is(ctx.Err(), context.Canceled) {
			return res, app.Wrap(err, app.ECanceled, "error.canceled")
		}
		return res, s.fail(err)
	}
	res.Imported = len(seen)
	return res, nil
}

// fileLine is the line a CSV record started on (the CSV reader skips empty
// lines and a quoted cell may span lines, so counting records is not
// enough); a spreadsheet's row number otherwise.
func fileLine(f *orderFile, row int) int {
	if c, ok := f.recordReader.(*csvRecords); ok {
		if line, _ := c.cr.FieldPos(0); line > 0 {
			return line
		}
	}
	return row
}
