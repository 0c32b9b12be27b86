package mock

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

// InventoryStore is a double of app.InventoryStore; it works on a nil
// receiver (no stock, no sales, saves nothing).
type InventoryStore struct {
	ReplenishInputsFn     func(o app.ReplenishOptions) ([]app.ReplenishInput, error)
	StockLevelsFn         func() ([]app.StockLevel, error)
	ImportStockFn         func(opts app.StockImportOptions) (app.StockImportResult, error)
	SaveStockLevelFn      func(l app.StockLevel) error
	OpenShipmentsFn       func() ([]app.InboundShipment, error)
	SaveShipmentFn        func(s app.InboundShipment) (int64, error)
	DeleteShipmentFn      func(id int64) error
	CartonUnitsFn         func() (map[string]int64, error)
	ExportPurchaseOrderFn func(path string, lines []app.PurchaseLine) error
}

var _ app.InventoryStore = (*InventoryStore)(nil)

func (s *InventoryStore) ReplenishInputs(_ context.Context, o app.ReplenishOptions) ([]app.ReplenishInput, error) {
	if s == nil || s.ReplenishInputsFn == nil {
		return nil, nil
	}
	return s.ReplenishInputsFn(o)
}

func (s *InventoryStore) StockLevels(context.Context) ([]app.StockLevel, error) {
	if s == nil || s.StockLevelsFn == nil {
		return nil, nil
	}
	return s.StockLevelsFn()
}

func (s *InventoryStore) ImportStock(_ context.Context, opts app.StockImportOptions) (app.StockImportResult, error) {
	if s == nil || s.ImportStockFn == nil {
		return app.StockImportResult{}, nil
	}
	return s.ImportStockFn(opts)
}

func (s *InventoryStore) SaveStockLevel(_ context.Context, l app.StockLevel) error {
	if s == nil || s.SaveStockLevelFn == nil {
		return nil
	}
	return s.SaveStockLevelFn(l)
}

func (s *InventoryStore) OpenShipments(context.Context) ([]app.InboundShipment, error) {
	if s == nil || s.OpenShipmentsFn == nil {
		return nil, nil
	}
	return s.OpenShipmentsFn()
}

func (s *InventoryStore) SaveShipment(_ context.Context, sh app.InboundShipment) (int64, error) {
	if s == nil || s.SaveShipmentFn == nil {
		return 0, nil
	}
	return s.SaveShipmentFn(sh)
}

func (s *InventoryStore) DeleteShipment(_ context.Context, id int64) error {
	if s == nil || s.DeleteShipmentFn == nil {
		return nil
	}
	return s.DeleteShipmentFn(id)
}

func (s *InventoryStore) CartonUnits(context.Context) (map[string]int64, error) {
	if s == nil || s.CartonUnitsFn == nil {
		return nil, nil
	}
	return s.CartonUnitsFn()
}

func (s *InventoryStore) ExportPurchaseOrder(_ context.Context, path string, lines []app.PurchaseLine) error {
	if s == nil || s.ExportPurchaseOrderFn == nil {
		return nil
	}
	return s.ExportPurchaseOrderFn(path, lines)
}
