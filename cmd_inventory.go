package main

import (
	"context"
	"fmt"
	"io"

	"github.com/seller-assistant/seller-assistant/app"
)

// inventoryCmd imports stock: `seller-assistant --db FILE inventory import
// [--warehouse W] PATH`, PATH an Amazon "Manage FBA Inventory" report (its
// rows go to warehouse W, default FBA) or a CSV/XLSX with the columns sku,
// warehouse, on_hand, inbound. All rows or none: a bad row refuses the file.
type inventoryCmd struct{}

func init() { commands["inventory"] = inventoryCmd{} }

func (inventoryCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "import" {
		return usagef("usage: inventory import [--warehouse W] PATH")
	}
	fs := newFlags("inventory import")
	warehouse := fs.String("warehouse", app.DefaultFBAWarehouse, "warehouse of an Amazon report's rows, e.g. FBA-UK")
	pos, err := parseArgs(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("inventory import needs one PATH")
	}
	if err := needDB(db); err != nil {
		return err
	}
	s, err := openOrCreate(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.ImportStock(ctx, app.StockImportOptions{Path: pos[0], Warehouse: *warehouse})
	fmt.Fprintf(stdout, "format: %s\nrows read: %d\nimported: %d\n", res.Format, res.RowsRead, res.Imported)
	l := app.English()
	for _, b := range res.BadRows {
		fmt.Fprintf(stdout, "line %d: %s %q: %s\n", b.Row, b.Field, b.Value, l.T("inventory.reason."+b.Reason))
	}
	// A file refused for its rows or columns exits 1, as `import orders`.
	if app.ErrorCode(err) == app.EInvalid {
		return refusedFile(err)
	}
	return err
}
