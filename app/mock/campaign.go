package mock

import (
	"context"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// CampaignStore is a double of app.CampaignStore. It is embedded in
// Workspace as a pointer and every method works on a nil receiver (empty
// results, no error), so a test of another module never has to set it.
type CampaignStore struct {
	CampaignFn          func(id int64) (app.Campaign, error)
	SaveCampaignFn      func(c app.Campaign) (int64, error)
	DeleteCampaignFn    func(id int64) error
	PeriodFiguresFn     func(from, to time.Time, f app.OrderFilter) (app.PeriodFigures, error)
	MarketEventsFn      func(year int) ([]app.MarketEvent, error)
	SaveMarketEventFn   func(e app.MarketEvent) (int64, error)
	DeleteMarketEventFn func(id int64) error
}

var _ app.CampaignStore = (*CampaignStore)(nil)

func (c *CampaignStore) Campaign(_ context.Context, id int64) (app.Campaign, error) {
	if c == nil || c.CampaignFn == nil {
		return app.Campaign{}, app.Errorf(app.ENotFound, "error.not_found")
	}
	return c.CampaignFn(id)
}

func (c *CampaignStore) SaveCampaign(_ context.Context, cp app.Campaign) (int64, error) {
	if c == nil || c.SaveCampaignFn == nil {
		return 0, nil
	}
	return c.SaveCampaignFn(cp)
}

func (c *CampaignStore) DeleteCampaign(_ context.Context, id int64) error {
	if c == nil || c.DeleteCampaignFn == nil {
		return nil
	}
	return c.DeleteCampaignFn(id)
}

func (c *CampaignStore) PeriodFigures(_ context.Context, from, to time.Time, f app.OrderFilter) (app.PeriodFigures, error) {
	if c == nil || c.PeriodFiguresFn == nil {
		return app.PeriodFigures{From: from, To: to}, nil
	}
	return c.PeriodFiguresFn(from, to, f)
}

func (c *CampaignStore) MarketEvents(_ context.Context, year int) ([]app.MarketEvent, error) {
	if c == nil || c.MarketEventsFn == nil {
		return nil, nil
	}
	return c.MarketEventsFn(year)
}

func (c *CampaignStore) SaveMarketEvent(_ context.Context, e app.MarketEvent) (int64, error) {
	if c == nil || c.SaveMarketEventFn == nil {
		return 0, nil
	}
	return c.SaveMarketEventFn(e)
}

func (c *CampaignStore) DeleteMarketEvent(_ context.Context, id int64) error {
	if c == nil || c.DeleteMarketEventFn == nil {
		return nil
	}
	return c.DeleteMarketEventFn(id)
}
