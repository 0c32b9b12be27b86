package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// knownPreview is a preview whose columns and date order are known, so the
// import starts without the mapping dialog.
func knownPreview() app.ImportPreview {
	m, _ := app.DetectMapping([]string{"InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"})
	return app.ImportPreview{Header: []string{"InvoiceNo"}, Encoding: "utf-8", Delimiter: ',', Mapping: m, MappingKnown: true}
}

// TestCustomersImportPreviewOfAnEarlierPickIsDropped: a slow preview of a
// file picked first must not start a second import once the person has
// picked another file and imported that one.
func TestCustomersImportPreviewOfAnEarlierPickIsDropped(t *testing.T) {
	slowStarted, release := make(chan struct{}), make(chan struct{})
	var imported []string
	cs := &mock.CustomerStore{
		PreviewOrdersFn: func(opts app.ImportOptions) (app.ImportPreview, error) {
			if opts.Path == "/tmp/first.csv" {
				close(slowStarted)
				<-release
			}
			return knownPreview(), nil
		},
		ImportOrdersFn: func(ctx context.Context, opts app.ImportOptions, progress func(app.ImportProgress)) (app.ImportResult, error) {
			imported = append(imported, opts.Path)
			return app.ImportResult{RowsRead: 10, Imported: 10, Customers: 2, Elapsed: time.Second, ImportID: 1}, nil
		},
	}
	ts, c := openCustomers(t, customersWorkspace(customerStats(3), cs))
	c.importPath("/tmp/first.csv")
	<-slowStarted
	c.importPath("/tmp/second.csv")
	ts.next(t) // second's preview -> its import starts
	ts.next(t) // second's import done: the report
	ts.next(t) // the reload after the import
	if shown := careDialogText(ts.win); !strings.Contains(shown, "Imported: 10") {
		t.Fatalf("after the second file's import:\n%s", shown)
	}
	close(release)
	ts.next(t) // first's preview arrives late
	if shown := careDialogText(ts.win); strings.Contains(shown, "first.csv") || !strings.Contains(shown, "Imported: 10") {
		t.Fatalf("the earlier pick's preview was applied; on top now:\n%s", shown)
	}
	if len(imported) != 1 || imported[0] != "/tmp/second.csv" {
		t.Fatalf("imported %v, want only the second file", imported)
	}
}

// TestCustomersImportCancelledByLeavingTheModule: leaving Customers while
// an import runs cancels it (the import is one transaction, so nothing is
// left half-written), closes the progress dialog and shows no message and
// no report for a screen that is gone.
func TestCustomersImportCancelledByLeavingTheModule(t *testing.T) {
	started := make(chan context.Context)
	reloads := 0
	cs := &mock.CustomerStore{
		PreviewOrdersFn: func(app.ImportOptions) (app.ImportPreview, error) { return knownPreview(), nil },
		ImportOrdersFn: func(ctx context.Context, opts app.ImportOptions, progress func(app.ImportProgress)) (app.ImportResult, error) {
			started <- ctx
			<-ctx.Done()
			return app.ImportResult{}, app.Wrap(ctx.Err(), app.ECanceled, "customers.err.canceled")
		},
	}
	ws := customersWorkspace(customerStats(3), cs)
	ts, c := openCustomers(t, ws)
	stats := cs.CustomerStatsFn
	cs.CustomerStatsFn = func() ([]app.CustomerStat, error) { reloads++; return stats() }
	c.importPath("/tmp/orders.csv")
	ts.next(t) // preview -> the import starts
	ctx := <-started
	if shown := careDialogText(ts.win); !strings.Contains(shown, "Importing orders.csv") || !strings.Contains(shown, "Cancel") {
		t.Fatalf("progress dialog:\n%s", shown)
	}
	ts.Navigate("learn") // a module with nothing to load in the background
	if ctx.Err() == nil {
		t.Fatal("leaving the module did not cancel the import")
	}
	ts.next(t) // the import ends, cancelled
	if shown := careDialogText(ts.win); shown != "" {
		t.Fatalf("after leaving the module the window shows:\n%s", shown)
	}
	if reloads != 0 {
		t.Errorf("the customers of a screen that is gone were reloaded %d times", reloads)
	}
}

// The file currency beside Import offers the base first and every currency
// with a rate, and the import reads a file without a currency column in
// the one chosen.
func TestCustomersImportFileCurrency(t *testing.T) {
	var got []string
	cs := &mock.CustomerStore{
		PreviewOrdersFn: func(app.ImportOptions) (app.ImportPreview, error) { return knownPreview(), nil },
		ImportOrdersFn: func(ctx context.Context, opts app.ImportOptions, progress func(app.ImportProgress)) (app.ImportResult, error) {
			got = append(got, opts.Currency)
			return app.ImportResult{RowsRead: 1, Imported: 1, Customers: 1, ImportID: 1}, nil
		},
	}
	ws := customersWorkspace(customerStats(3), cs)
	ws.FXStore = &mock.FXStore{Rates: app.DefaultFXRates(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))}
	ts, c := openCustomers(t, ws)
	if opts := strings.Join(c.fileCurrency.Options, " "); opts != "USD CNY AUD CAD EUR GBP JPY" || c.fileCurrency.Selected != "USD" {
		t.Fatalf("file currencies %q, selected %q", opts, c.fileCurrency.Selected)
	}
	if !strings.Contains(texts(ts.body), "File currency") {
		t.Fatalf("no label:\n%s", texts(ts.body))
	}
	c.fileCurrency.SetSelected("EUR")
	c.importPath("/tmp/orders.csv")
	ts.next(t) // preview -> the import starts
	ts.next(t) // the import's report
	if len(got) != 1 || got[0] != "EUR" {
		t.Fatalf("imported with currencies %v, want EUR", got)
	}
}

// The column mapping dialog, with the currency field added for files that
// carry one, still fits a laptop window in both languages.
func TestCustomersMappingDialogFitsALaptopWindow(t *testing.T) {
	for _, lang := range []app.Lang{app.LangEnglish, app.LangChinese} {
		ts, c := openCustomers(t, customersWorkspace(customerStats(3), &mock.CustomerStore{}))
		ts.SetLanguage(lang)
		ts.win.Resize(laptopWindow)
		header := []string{"Order", "Date", "Qty", "Price", "Total", "Buyer", "Country", "SKU", "Item", "Status", "Cancelled", "Currency"}
		pv := app.ImportPreview{Header: header, Rows: [][]string{header}, Encoding: "utf-8", Delimiter: ',', Mapping: app.EmptyMapping()}
		c.showMapping(app.ImportOptions{Path: "/tmp/orders.csv"}, pv)
		if sel, ok := c.mapping.selects["currency"]; !ok || sel.SelectedIndex() != 0 {
			t.Fatal("no currency field in the mapping dialog, or it is mapped before anyone chose")
		}
		top := ts.win.Canvas().Overlays().Top()
		if min := top.MinSize(); min.Height > laptopWindow.Height || min.Width > laptopWindow.Width {
			t.Errorf("%s: the mapping dialog needs %v in a %v window", lang, min, laptopWindow)
		}
	}
}
