package mock

import (
	"context"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// CustomerStore is a double of app.CustomerStore; it works on a nil
// receiver (no customers, nothing to import).
type CustomerStore struct {
	CustomerStatsFn func() ([]app.CustomerStat, error)
	// CustomerStatsAsOfFn, when nil, falls back to CustomerStatsFn.
	CustomerStatsAsOfFn   func(asOf time.Time) ([]app.CustomerStat, error)
	CustomerOrdersFn      func(id string) ([]app.OrderLine, error)
	NewCustomersByMonthFn func() ([]app.MonthValue, error)
	PreviewOrdersFn       func(opts app.ImportOptions) (app.ImportPreview, error)
	ExportCustomersFn     func(path string, customers []app.CustomerScore, preds map[string]app.CustomerCLV) error
	UndoImportFn          func(id int64) error
	// ImportOrdersFn gets the context so a test can cancel through it.
	ImportOrdersFn func(ctx context.Context, opts app.ImportOptions, progress func(app.ImportProgress)) (app.ImportResult, error)
}

var _ app.CustomerStore = (*CustomerStore)(nil)

func (c *CustomerStore) CustomerStats(context.Context) ([]app.CustomerStat, error) {
	if c == nil || c.CustomerStatsFn == nil {
		return nil, nil
	}
	return c.CustomerStatsFn()
}

func (c *CustomerStore) CustomerStatsAsOf(ctx context.Context, asOf time.Time) ([]app.CustomerStat, error) {
	if c != nil && c.CustomerStatsAsOfFn != nil {
		return c.CustomerStatsAsOfFn(asOf)
	}
	return c.CustomerStats(ctx)
}

func (c *CustomerStore) CustomerOrders(_ context.Context, id string) ([]app.OrderLine, error) {
	if c == nil || c.CustomerOrdersFn == nil {
		return nil, app.Errorf(app.ENotFound, "customers.err.no_customer", id)
	}
	return c.CustomerOrdersFn(id)
}

func (c *CustomerStore) NewCustomersByMonth(context.Context) ([]app.MonthValue, error) {
	if c == nil || c.NewCustomersByMonthFn == nil {
		return nil, nil
	}
	return c.NewCustomersByMonthFn()
}

func (c *CustomerStore) PreviewOrders(_ context.Context, opts app.ImportOptions) (app.ImportPreview, error) {
	if c == nil || c.PreviewOrdersFn == nil {
		return app.ImportPreview{}, app.Errorf(app.EInvalid, "customers.err.empty_file", opts.Path)
	}
	return c.PreviewOrdersFn(opts)
}

func (c *CustomerStore) ImportOrders(ctx context.Context, opts app.ImportOptions, progress func(app.ImportProgress)) (app.ImportResult, error) {
	if c == nil || c.ImportOrdersFn == nil {
		return app.ImportResult{}, nil
	}
	return c.ImportOrdersFn(ctx, opts, progress)
}

func (c *CustomerStore) ExportCustomers(_ context.Context, path string, customers []app.CustomerScore, preds map[string]app.CustomerCLV) error {
	if c == nil || c.ExportCustomersFn == nil {
		return nil
	}
	return c.ExportCustomersFn(path, customers, preds)
}

func (c *CustomerStore) UndoImport(_ context.Context, id int64) error {
	if c == nil || c.UndoImportFn == nil {
		return nil
	}
	return c.UndoImportFn(id)
}
