package mock

import (
	"context"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// NoteStore is a double of app.NoteStore; a nil receiver or a nil field
// returns empty results and no error.
type NoteStore struct {
	NotesFn      func(f app.NoteFilter) ([]app.Note, error)
	NoteFn       func(id int64) (app.Note, error)
	SaveNoteFn   func(n *app.Note) error
	DeleteNoteFn func(id int64) error
	NoteTagsFn   func() ([]string, error)
}

var _ app.NoteStore = (*NoteStore)(nil)

func (m *NoteStore) Notes(_ context.Context, f app.NoteFilter) ([]app.Note, error) {
	if m == nil || m.NotesFn == nil {
		return nil, nil
	}
	return m.NotesFn(f)
}

func (m *NoteStore) Note(_ context.Context, id int64) (app.Note, error) {
	if m == nil || m.NoteFn == nil {
		return app.Note{}, app.Errorf(app.ENotFound, "error.not_found")
	}
	return m.NoteFn(id)
}

func (m *NoteStore) SaveNote(_ context.Context, n *app.Note) error {
	if err := n.Validate(); err != nil {
		return err
	}
	if m == nil || m.SaveNoteFn == nil {
		return nil
	}
	return m.SaveNoteFn(n)
}

func (m *NoteStore) DeleteNote(_ context.Context, id int64) error {
	if m == nil || m.DeleteNoteFn == nil {
		return nil
	}
	return m.DeleteNoteFn(id)
}

func (m *NoteStore) NoteTags(context.Context) ([]string, error) {
	if m == nil || m.NoteTagsFn == nil {
		return nil, nil
	}
	return m.NoteTagsFn()
}

// CompetitorStore is a double of app.CompetitorStore.
type CompetitorStore struct {
	CompetitorsFn      func(market string) ([]app.Competitor, error)
	SaveCompetitorFn   func(c *app.Competitor) error
	DeleteCompetitorFn func(id int64) error
}

var _ app.CompetitorStore = (*CompetitorStore)(nil)

func (m *CompetitorStore) Competitors(_ context.Context, market string) ([]app.Competitor, error) {
	if m == nil || m.CompetitorsFn == nil {
		return nil, nil
	}
	return m.CompetitorsFn(market)
}

func (m *CompetitorStore) SaveCompetitor(_ context.Context, c *app.Competitor) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if m == nil || m.SaveCompetitorFn == nil {
		return nil
	}
	return m.SaveCompetitorFn(c)
}

func (m *CompetitorStore) DeleteCompetitor(_ context.Context, id int64) error {
	if m == nil || m.DeleteCompetitorFn == nil {
		return nil
	}
	return m.DeleteCompetitorFn(id)
}

// ScoringStore is a double of app.ScoringStore.
type ScoringStore struct {
	ScoreboardFn      func() (app.Scoreboard, error)
	SaveCriterionFn   func(c *app.Criterion) error
	DeleteCriterionFn func(id int64) error
	SaveCandidateFn   func(m *app.CandidateMarket) error
	DeleteCandidateFn func(id int64) error
	SetCellFn         func(marketID, criterionID int64, c app.Cell) error
}

var _ app.ScoringStore = (*ScoringStore)(nil)

func (m *ScoringStore) Scoreboard(context.Context) (app.Scoreboard, error) {
	if m == nil || m.ScoreboardFn == nil {
		return app.Scoreboard{}, nil
	}
	return m.ScoreboardFn()
}

func (m *ScoringStore) SaveCriterion(_ context.Context, c *app.Criterion) error {
	if m == nil || m.SaveCriterionFn == nil {
		return nil
	}
	return m.SaveCriterionFn(c)
}

func (m *ScoringStore) DeleteCriterion(_ context.Context, id int64) error {
	if m == nil || m.DeleteCriterionFn == nil {
		return nil
	}
	return m.DeleteCriterionFn(id)
}

func (m *ScoringStore) SaveCandidate(_ context.Context, c *app.CandidateMarket) error {
	if m == nil || m.SaveCandidateFn == nil {
		return nil
	}
	return m.SaveCandidateFn(c)
}

func (m *ScoringStore) DeleteCandidate(_ context.Context, id int64) error {
	if m == nil || m.DeleteCandidateFn == nil {
		return nil
	}
	return m.DeleteCandidateFn(id)
}

func (m *ScoringStore) SetCell(_ context.Context, marketID, criterionID int64, c app.Cell) error {
	if err := app.ValidateCell(c.Score); err != nil {
		return err
	}
	if m == nil || m.SetCellFn == nil {
		return nil
	}
	return m.SetCellFn(marketID, criterionID, c)
}

// ProductStore is a double of app.ProductStore.
type ProductStore struct {
	ProductFn         func(id int64) (app.Product, error)
	SaveProductFn     func(p *app.Product) error
	DeleteProductFn   func(id int64) error
	ReadProductFileFn func(path string) (app.ProductImport, error)
	ImportProductsFn  func(ps []app.Product) (int, int, error)
	ExportProductsFn  func(path string) error
	ProductSalesFn    func() ([]app.ProductSales, error)
	ChecksFn          func(productID int64) (map[string]time.Time, error)
	SetCheckFn        func(productID int64, item string, done bool) error
}

var _ app.ProductStore = (*ProductStore)(nil)

func (m *ProductStore) Product(_ context.Context, id int64) (app.Product, error) {
	if m == nil || m.ProductFn == nil {
		return app.Product{}, app.Errorf(app.ENotFound, "error.not_found")
	}
	return m.ProductFn(id)
}

func (m *ProductStore) SaveProduct(_ context.Context, p *app.Product) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if m == nil || m.SaveProductFn == nil {
		return nil
	}
	return m.SaveProductFn(p)
}

func (m *ProductStore) DeleteProduct(_ context.Context, id int64) error {
	if m == nil || m.DeleteProductFn == nil {
		return nil
	}
	return m.DeleteProductFn(id)
}

func (m *ProductStore) ReadProductFile(_ context.Context, path string) (app.ProductImport, error) {
	if m == nil || m.ReadProductFileFn == nil {
		return app.ProductImport{}, nil
	}
	return m.ReadProductFileFn(path)
}

func (m *ProductStore) ImportProducts(_ context.Context, ps []app.Product) (int, int, error) {
	if m == nil || m.ImportProductsFn == nil {
		return 0, 0, nil
	}
	return m.ImportProductsFn(ps)
}

func (m *ProductStore) ExportProducts(_ context.Context, path string) error {
	if m == nil || m.ExportProductsFn == nil {
		return nil
	}
	return m.ExportProductsFn(path)
}

func (m *ProductStore) ProductSales(context.Context) ([]app.ProductSales, error) {
	if m == nil || m.ProductSalesFn == nil {
		return nil, nil
	}
	return m.ProductSalesFn()
}

func (m *ProductStore) Checks(_ context.Context, productID int64) (map[string]time.Time, error) {
	if m == nil || m.ChecksFn == nil {
		return map[string]time.Time{}, nil
	}
	return m.ChecksFn(productID)
}

func (m *ProductStore) SetCheck(_ context.Context, productID int64, item string, done bool) error {
	if err := app.ValidCheck(item); err != nil {
		return err
	}
	if m == nil || m.SetCheckFn == nil {
		return nil
	}
	return m.SetCheckFn(productID, item, done)
}
