// Package mock has test doubles of app's interfaces: structs of function
// fields, so a test sets only what it needs. A nil field returns empty
// results and no error.
package mock

import (
	"context"
	"sync"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// Workspace is a double of app.Workspace.
type Workspace struct {
	InfoFn              func() (app.WorkspaceInfo, error)
	SummaryFn           func() (app.Summary, error)
	RecentNotesFn       func(limit int) ([]app.Note, error)
	OpenRisksFn         func(limit int) ([]app.Risk, error)
	RisksFn             func() ([]app.Risk, error)
	UpcomingCampaignsFn func(from time.Time, limit int) ([]app.Campaign, error)
	CampaignsFn         func() ([]app.Campaign, error)
	ProductsFn          func() ([]app.Product, error)
	ChannelsFn          func() ([]app.LogisticsChannel, error)
	PlatformsFn         func() ([]app.Platform, error)
	MonthlyRevenueFn    func() ([]app.MonthValue, error)
	RevenueByCountryFn  func(limit int) ([]app.NamedValue, error)
	SaveCopyFn          func(path string) error
	*CampaignStore      // nil: empty results, see campaign.go
	*RiskStore          // nil: empty results, see risk.go
	*QuoteStore         // nil: empty results, see quote.go
	*ChannelStore       // nil: saves nothing, see channels.go
	*CustomerStore      // nil: no customers, see customer.go
	*NoteStore          // nil: empty results, see research.go
	*CompetitorStore    // nil: empty results, see research.go
	*ScoringStore       // nil: empty results, see research.go
	*ProductStore       // nil: empty results, see research.go
	*CareStore          // nil: no cases, default hours, see care.go
	*CLVStore           // nil: no purchases, see clv.go
	*AdsStore           // nil: no ads data, see ads.go
	*InventoryStore     // nil: no stock, no sales, see inventory.go
	*FXStore            // nil: no rates, see fx.go
	*StorageStore       // nil: no fees, default threshold, see storage.go

	mu     sync.Mutex
	closed int
}

var _ app.Workspace = (*Workspace)(nil)

func (w *Workspace) Info(context.Context) (app.WorkspaceInfo, error) {
	if w.InfoFn == nil {
		return app.WorkspaceInfo{}, nil
	}
	return w.InfoFn()
}

func (w *Workspace) Summary(context.Context) (app.Summary, error) {
	if w.SummaryFn == nil {
		return app.Summary{}, nil
	}
	return w.SummaryFn()
}

func (w *Workspace) RecentNotes(_ context.Context, limit int) ([]app.Note, error) {
	if w.RecentNotesFn == nil {
		return nil, nil
	}
	return w.RecentNotesFn(limit)
}

func (w *Workspace) OpenRisks(_ context.Context, limit int) ([]app.Risk, error) {
	if w.OpenRisksFn == nil {
		return nil, nil
	}
	return w.OpenRisksFn(limit)
}

func (w *Workspace) Risks(context.Context) ([]app.Risk, error) {
	if w.RisksFn == nil {
		return nil, nil
	}
	return w.RisksFn()
}

func (w *Workspace) UpcomingCampaigns(_ context.Context, from time.Time, limit int) ([]app.Campaign, error) {
	if w.UpcomingCampaignsFn == nil {
		return nil, nil
	}
	return w.UpcomingCampaignsFn(from, limit)
}

func (w *Workspace) Campaigns(context.Context) ([]app.Campaign, error) {
	if w.CampaignsFn == nil {
		return nil, nil
	}
	return w.CampaignsFn()
}

func (w *Workspace) Products(context.Context) ([]app.Product, error) {
	if w.ProductsFn == nil {
		return nil, nil
	}
	return w.ProductsFn()
}

func (w *Workspace) Channels(context.Context) ([]app.LogisticsChannel, error) {
	if w.ChannelsFn == nil {
		return nil, nil
	}
	return w.ChannelsFn()
}

func (w *Workspace) Platforms(context.Context) ([]app.Platform, error) {
	if w.PlatformsFn == nil {
		return nil, nil
	}
	return w.PlatformsFn()
}

func (w *Workspace) MonthlyRevenue(context.Context) ([]app.MonthValue, error) {
	if w.MonthlyRevenueFn == nil {
		return nil, nil
	}
	return w.MonthlyRevenueFn()
}

func (w *Workspace) RevenueByCountry(_ context.Context, limit int) ([]app.NamedValue, error) {
	if w.RevenueByCountryFn == nil {
		return nil, nil
	}
	return w.RevenueByCountryFn(limit)
}

func (w *Workspace) SaveCopy(_ context.Context, path string) error {
	if w.SaveCopyFn == nil {
		return nil
	}
	return w.SaveCopyFn(path)
}

func (w *Workspace) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed++
	return nil
}

// Closed is how many times Close was called.
func (w *Workspace) Closed() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.closed
}

// Opener is a double of app.Opener.
type Opener struct {
	OpenFn func(path string) (app.Workspace, error)
	// OpenCtxFn, when set, is Open with its context: a double that reports
	// progress through the observer the context carries.
	OpenCtxFn    func(ctx context.Context, path string) (app.Workspace, error)
	CreateFn     func(path, name string) (app.Workspace, error)
	CreateDemoFn func(path string) (app.Workspace, error)
}

var _ app.Opener = (*Opener)(nil)

func (o *Opener) Open(ctx context.Context, path string) (app.Workspace, error) {
	if o.OpenCtxFn != nil {
		return o.OpenCtxFn(ctx, path)
	}
	if o.OpenFn == nil {
		return nil, app.Errorf(app.ENotFound, "error.file_not_found", path)
	}
	return o.OpenFn(path)
}

func (o *Opener) Create(_ context.Context, path, name string) (app.Workspace, error) {
	if o.CreateFn == nil {
		return nil, app.Errorf(app.EInvalid, "error.file_unwritable", path)
	}
	return o.CreateFn(path, name)
}

func (o *Opener) CreateDemo(_ context.Context, path string) (app.Workspace, error) {
	if o.CreateDemoFn == nil {
		return nil, app.Errorf(app.EInvalid, "error.file_unwritable", path)
	}
	return o.CreateDemoFn(path)
}
