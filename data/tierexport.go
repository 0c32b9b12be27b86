package data

import (
	"context"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
)

// ExportTiersXLSX writes customers to a new spreadsheet at path with
// excelize's stream writer (flat memory at 100k rows). Numbers are stored as
// numbers; text cells go through app.EscapeCell like the CSV export. The
// file is written through atomicfile; protect names the open workspace.
func ExportTiersXLSX(path string, customers []app.CustomerScore, preds map[string]app.CustomerCLV, protect ...string) error {
	if err := atomicfile.Check(path, protect...); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return app.Wrap(err, app.EInternal, "customers.err.export", path)
	}
	names := app.TiersHeader
	if preds != nil {
		names = append(append([]string(nil), names...), app.PredictionHeader(app.PredictionsHorizon(preds))...)
	}
	header := make([]any, len(names))
	for i, h := range names {
		header[i] = h
	}
	if err := sw.SetRow("A1", header); err != nil {
		return app.Wrap(err, app.EInternal, "customers.err.export", path)
	}
	for i, c := range customers {
		money, _ := c.Monetary.Round(2).Float64() // a display copy; the CSV keeps the exact decimal
		row := []any{app.EscapeCell(c.ID), app.EscapeCell(c.Country), c.RecencyDays, c.Orders, money, c.R, c.F, c.M, c.FM, string(c.Segment), string(c.Tier)}
		if preds != nil {
			if p, ok := preds[c.ID]; ok {
				clv, _ := p.CLV.Round(2).Float64()
				row = append(row, p.PAlive, p.ExpectedPurchases, clv)
			} else {
				row = append(row, nil, nil, nil)
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), row); err != nil {
			return app.Wrap(err, app.EInternal, "customers.err.export", path)
		}
	}
	if err := sw.Flush(); err != nil {
		return app.Wrap(err, app.EInternal, "customers.err.export", path)
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	}, protect...)
}

// ExportCustomers implements app.CustomerStore: XLSX for a .xlsx path, CSV
// (UTF-8 with a BOM, so Excel reads names in any script) otherwise.
func (s *Store) ExportCustomers(_ context.Context, path string, customers []app.CustomerScore, preds map[string]app.CustomerCLV) error {
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return ExportTiersXLSX(path, customers, preds, s.path)
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		return app.WriteCustomersCSV(w, customers, preds)
	}, s.path)
}
