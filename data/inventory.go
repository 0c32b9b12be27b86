package data

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
)

var _ app.InventoryStore = (*Store)(nil)

// windowSQL sums the units of each SKU's non-cancelled lines per day of the
// window [?1, ?2) (day numbers), from order_sku_days (FROM is filled in by
// daySummary): one row per SKU and day instead of every line. Cancellations
// are app.IsCancellation in SQL; a line without a SKU cannot be planned.
const windowSQL = `SELECT stock_code, date(day * 86400, 'unixepoch'), sold_units FROM %s
	WHERE day >= ?1 AND day < ?2 AND sold_lines > 0`

// soldSQL lists every SKU with a non-cancelled line at any date: each has a
// row in the plan even when it sold nothing in the window.
const soldSQL = `SELECT DISTINCT stock_code FROM %s WHERE sold_lines > 0`

// ReplenishInputs implements app.InventoryStore.
func (s *Store) ReplenishInputs(ctx context.Context, o app.ReplenishOptions) ([]app.ReplenishInput, error) {
	n := o.WindowDays
	start := o.WindowStart()
	from, err := s.daySummary(ctx, "order_sku_days", skuDaysSQL)
	if err != nil {
		return nil, err
	}
	bySKU := map[string]*app.ReplenishInput{}
	get := func(sku string) *app.ReplenishInput {
		in := bySKU[sku]
		if in == nil {
			in = &app.ReplenishInput{SKU: sku, LeadTimeDays: app.DefaultLeadTimeDays, Daily: make([]int64, n)}
			bySKU[sku] = in
		}
		return in
	}
	// The SKUs sold at any date take a pass over every line while the window
	// reads a few percent of them by index: the pass runs beside the rest on
	// its own connection (WAL readers do not block each other), which halves
	// the command's time on two cores. An import committing in between can
	// only add a SKU with no window demand, shown as no_sales until the next
	// run.
	type soldResult struct {
		skus []string
		err  error
	}
	soldCh := make(chan soldResult, 1)
	go func() {
		var r soldResult
		if o.ActiveOnly {
			soldCh <- r
			return
		}
		r.err = s.eachRow(ctx, fmt.Sprintf(soldSQL, from), nil, func(rows *sql.Rows) error {
			var sku string
			err := rows.Scan(&sku)
			r.skus = append(r.skus, sku)
			return err
		})
		soldCh <- r
	}()
	dayNum := func(t time.Time) int64 { return t.Unix() / 86400 }
	err = s.eachRow(ctx, fmt.Sprintf(windowSQL, from), []any{dayNum(start), dayNum(o.AsOf)}, func(rows *sql.Rows) error {
		var sku, day string
		var units int64
		if err := rows.Scan(&sku, &day, &units); err != nil {
			return err
		}
		d, err := time.Parse(time.DateOnly, day)
		if err != nil {
			return err
		}
		if i := int(d.Sub(start).Hours() / 24); i >= 0 && i < n {
			get(sku).Daily[i] += units
		}
		return nil
	})
	if err != nil {
		<-soldCh
		return nil, err
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
		<-soldCh
		return nil, err
	}

	sold := <-soldCh
	if sold.err != nil {
		return nil, sold.err
	}
	for _, sku := range sold.skus {
		get(sku)
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
			in.ProductionDays = production
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
	var volumes []decimal.Decimal // levels[i]'s per-unit-volume, 0 none
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
		var vol decimal.Decimal
		if rerr == nil {
			vol, rerr = app.ParseStockVolume(rec, m)
		}
		if rerr != nil {
			bad++
			if len(res.BadRows) < app.MaxBadRowsListed {
				res.BadRows = append(res.BadRows, app.BadRow{Row: line, Field: rerr.Field, Value: rerr.Value, Reason: rerr.Reason})
			}
			continue
		}
		levels = append(levels, l)
		volumes = append(volumes, vol)
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
	// The report's per-unit-volume goes to the SKU's storage entries, in the
	// same transaction: the storage cost uses it when the catalogue has no
	// packed size.
	volStmt, err := tx.PrepareContext(ctx, `INSERT INTO sku_storage (sku, report_ft3) VALUES (?, ?)
		ON CONFLICT (sku) DO UPDATE SET report_ft3 = excluded.report_ft3`)
	if err != nil {
		return res, s.fail(err)
	}
	defer volStmt.Close()
	seen := map[[2]string]bool{}
	for i, l := range levels {
		if _, err := stmt.ExecContext(ctx, l.SKU, l.Warehouse, l.OnHand, l.Reserved, l.Unsellable, l.Inbound); err != nil {
			return res, s.fail(err)
		}
		if volumes[i].IsPositive() {
			if _, err := volStmt.ExecContext(ctx, l.SKU, volumes[i].String()); err != nil {
				return res, s.fail(err)
			}
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
		if line := c.Line(); line > 0 {
			return line
		}
	}
	return row
}

// SaveStockLevel implements app.InventoryStore.
func (s *Store) SaveStockLevel(ctx context.Context, l app.StockLevel) error {
	if l.SKU == "" || l.Warehouse == "" {
		return app.Errorf(app.EInvalid, "inventory.err.stock_key")
	}
	if l.OnHand < 0 || l.Inbound < 0 || l.Reserved < 0 || l.Unsellable < 0 {
		return app.Errorf(app.EInvalid, "inventory.err.stock_negative")
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO stock_levels (sku, warehouse, on_hand, reserved, unsellable, inbound, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))
		ON CONFLICT (sku, warehouse) DO UPDATE SET on_hand = excluded.on_hand, reserved = excluded.reserved,
			unsellable = excluded.unsellable, inbound = excluded.inbound, updated_at = excluded.updated_at`,
		l.SKU, l.Warehouse, l.OnHand, l.Reserved, l.Unsellable, l.Inbound)
	return s.fail(err)
}

// OpenShipments implements app.InventoryStore.
func (s *Store) OpenShipments(ctx context.Context) ([]app.InboundShipment, error) {
	var out []app.InboundShipment
	err := s.eachRow(ctx, `SELECT id, sku, warehouse, quantity, coalesce(channel_id, 0), shipped_on, arrives_on
		FROM inbound_shipments WHERE received = 0 ORDER BY arrives_on, id`, nil, func(rows *sql.Rows) error {
		var sh app.InboundShipment
		var shipped, arrives string
		if err := rows.Scan(&sh.ID, &sh.SKU, &sh.Warehouse, &sh.Quantity, &sh.ChannelID, &shipped, &arrives); err != nil {
			return err
		}
		sh.ShippedOn, _ = time.Parse(time.DateOnly, shipped)
		sh.ArrivesOn, _ = time.Parse(time.DateOnly, arrives)
		out = append(out, sh)
		return nil
	})
	return out, err
}

// SaveShipment implements app.InventoryStore.
func (s *Store) SaveShipment(ctx context.Context, sh app.InboundShipment) (int64, error) {
	if err := sh.Validate(); err != nil {
		return 0, err
	}
	var channel any
	if sh.ChannelID > 0 {
		channel = sh.ChannelID
	}
	args := []any{sh.SKU, sh.Warehouse, sh.Quantity, channel, sh.ShippedOn.Format(time.DateOnly), sh.ArrivesOn.Format(time.DateOnly), sh.Received}
	if sh.ID == 0 {
		r, err := s.db.ExecContext(ctx, `INSERT INTO inbound_shipments (sku, warehouse, quantity, channel_id, shipped_on, arrives_on, received)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return 0, s.fail(err)
		}
		id, err := r.LastInsertId()
		return id, s.fail(err)
	}
	r, err := s.db.ExecContext(ctx, `UPDATE inbound_shipments SET sku = ?, warehouse = ?, quantity = ?, channel_id = ?,
		shipped_on = ?, arrives_on = ?, received = ? WHERE id = ?`, append(args, sh.ID)...)
	if err != nil {
		return 0, s.fail(err)
	}
	if err := s.notFoundIfNone(r); err != nil {
		return 0, err
	}
	return sh.ID, nil
}

// DeleteShipment implements app.InventoryStore.
func (s *Store) DeleteShipment(ctx context.Context, id int64) error {
	r, err := s.db.ExecContext(ctx, `DELETE FROM inbound_shipments WHERE id = ?`, id)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(r)
}

// CartonUnits implements app.InventoryStore.
func (s *Store) CartonUnits(ctx context.Context) (map[string]int64, error) {
	out := map[string]int64{}
	err := s.eachRow(ctx, `SELECT sku, carton_units FROM products WHERE carton_units > 0`, nil, func(rows *sql.Rows) error {
		var sku string
		var n int64
		if err := rows.Scan(&sku, &n); err != nil {
			return err
		}
		out[sku] = n
		return nil
	})
	return out, err
}

// ExportPurchaseOrder implements app.InventoryStore: XLSX for a .xlsx path
// (quantities as numbers), CSV with a BOM otherwise; text cells go through
// app.EscapeCell so a spreadsheet never runs a SKU as a formula. Written
// through atomicfile, never over the open workspace.
func (s *Store) ExportPurchaseOrder(_ context.Context, path string, lines []app.PurchaseLine) error {
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		if err := atomicfile.Check(path, s.path); err != nil {
			return err
		}
		f, err := purchaseXLSX(lines)
		if err != nil {
			return app.Wrap(err, app.EInternal, "error.file_unwritable", path)
		}
		defer f.Close()
		return atomicfile.Write(path, func(w io.Writer) error {
			_, err := f.WriteTo(w)
			return err
		}, s.path)
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		cw := csv.NewWriter(w)
		cw.Write(app.PurchaseOrderHeader)
		for _, l := range lines {
			rec := l.Record()
			for _, i := range []int{0, 1, 2} {
				rec[i] = app.EscapeCell(rec[i])
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	}, s.path)
}

func purchaseXLSX(lines []app.PurchaseLine) (*excelize.File, error) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		f.Close()
		return nil, err
	}
	header := make([]any, len(app.PurchaseOrderHeader))
	for i, h := range app.PurchaseOrderHeader {
		header[i] = h
	}
	if err := sw.SetRow("A1", header); err != nil {
		f.Close()
		return nil, err
	}
	for i, l := range lines {
		row := []any{app.EscapeCell(l.Supplier), app.EscapeCell(l.SKU), app.EscapeCell(l.Name), l.ReorderQty, l.CartonUnits, l.Cartons, l.Quantity}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), row); err != nil {
			f.Close()
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
