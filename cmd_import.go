package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// importCmd imports an order export:
// `seller-assistant --db FILE import orders [--encoding E] [--date-order mdy|dmy] [--skip-bad] [--source NAME] [--currency CODE] PATH`.
type importCmd struct{}

func init() { commands["import"] = importCmd{} }

func (importCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "orders" {
		return usagef("usage: import orders [--encoding auto|utf-8|utf-16le|utf-16be|gb18030] [--date-order mdy|dmy] [--skip-bad] [--source NAME] [--currency CODE] PATH")
	}
	fs := newFlags("import orders")
	encoding := fs.String("encoding", "auto", "file encoding")
	order := fs.String("date-order", "", "mdy or dmy, for dates like 1/2/2011")
	skipBad := fs.Bool("skip-bad", false, "import the good rows when some are bad")
	source := fs.String("source", "", "the platform or shop the order ids belong to (default: the detected export format)")
	currency := fs.String("currency", "", "ISO code of the file's prices where it has no currency column (default: the workspace's base currency)")
	pos, err := parseArgs(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("import orders needs one PATH")
	}
	if err := needDB(db); err != nil {
		return err
	}
	opts := app.ImportOptions{Path: pos[0], Encoding: *encoding, SkipBad: *skipBad, Source: *source, Currency: strings.ToUpper(*currency)}
	if opts.Currency != "" && !app.IsISOCurrency(opts.Currency) {
		return usagef("--currency is an ISO 4217 code such as USD, EUR, GBP or JPY, not %q", *currency)
	}
	switch *order {
	case "":
	case "mdy":
		opts.DateOrder = app.DateMDY
	case "dmy":
		opts.DateOrder = app.DateDMY
	default:
		return usagef("--date-order is mdy or dmy, not %q", *order)
	}
	switch *encoding {
	case "auto", "utf-8", "utf-16le", "utf-16be", "gb18030", "gbk":
	default:
		return usagef("--encoding is auto, utf-8, utf-16le, utf-16be or gb18030, not %q", *encoding)
	}
	// A file that is not there fails before a new workspace is made for it.
	if _, err := os.Stat(opts.Path); errors.Is(err, os.ErrNotExist) {
		return app.Wrap(err, app.ENotFound, "error.file_not_found", opts.Path)
	}
	s, err := openOrCreate(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	if opts.DateOrder == app.DateAuto {
		pv, err := s.PreviewOrders(ctx, opts)
		if err != nil {
			return refusedFile(err)
		}
		if pv.DateAmbiguous {
			return refusedFile(app.Errorf(app.EInvalid, "customers.err.ambiguous_dates"))
		}
		opts.DateOrder = pv.DateOrder
	}
	res, err := s.ImportOrders(ctx, opts, nil)
	if err != nil {
		// A failed import changed nothing: show why rows were refused,
		// but no totals ("customers: 0") that read like a result.
		if res.RowsRead > 0 {
			printRows(stdout, res)
		}
		return refusedFile(err)
	}
	printImport(stdout, res)
	return nil
}

// printImport prints the import report: rows read, imported, skipped by
// reason with the first bad rows, and customers.
func printImport(w io.Writer, res app.ImportResult) {
	printRows(w, res)
	if res.Source != "" {
		fmt.Fprintf(w, "source: %s\n%s\n", res.Source, app.English().T("customers.report_orders", res.OrdersNew, res.OrdersReplaced, res.OrdersUnchanged))
	}
	fmt.Fprintf(w, "lines without customer id: %d\ncustomers: %d\n", res.NoCustomer, res.Customers)
	if res.Duplicate {
		fmt.Fprintln(w, app.English().T("customers.duplicate"))
	}
}

// printRows prints the rows read, imported and skipped, by reason, with
// the first bad rows.
func printRows(w io.Writer, res app.ImportResult) {
	l := app.English()
	fmt.Fprintf(w, "rows read: %d\nimported: %d\nskipped: %d\n", res.RowsRead, res.Imported, res.SkippedTotal())
	reasons := make([]string, 0, len(res.Skipped))
	for r := range res.Skipped {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		fmt.Fprintf(w, "  %s: %d\n", l.T("customers.reason."+r), res.Skipped[r])
	}
	for i, b := range res.BadRows {
		if i == 20 {
			fmt.Fprintf(w, "  … %d more\n", res.SkippedTotal()-20)
			break
		}
		field := b.Field
		if field != "" {
			field += " "
		}
		fmt.Fprintf(w, "  row %d: %s%q: %s\n", b.Row, field, b.Value, l.T("customers.reason."+b.Reason))
	}
}

// openOrCreate opens the workspace, creating an empty one named after the
// file when there is none yet, so a first import needs no other step.
func openOrCreate(ctx context.Context, db string) (*data.Store, error) {
	if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
		s, err := data.Create(ctx, db, strings.TrimSuffix(filepath.Base(db), filepath.Ext(db)))
		if app.ErrorCode(err) != app.EConflict {
			return s, err
		}
		// Another process created it first: import into theirs.
	}
	return data.Open(ctx, db)
}
