package mock

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

// AdsStore is a double of app.AdsStore; a nil store or field has no data.
type AdsStore struct {
	ImportAdsReportFn func(opts app.AdsImportOptions) (app.AdsImportResult, error)
	SearchTermsFn     func(f app.AdsFilter) ([]app.TermTotals, error)
	ExactTargetsFn    func() (app.ExactTargets, error)
	AdsRulesFn        func() ([]app.CampaignAdsRules, error)
	SaveAdsRulesFn    func(r app.CampaignAdsRules) error
	AdsDaysFn         func(f app.AdsFilter) (app.AdsDays, error)
	FunnelFn          func(f app.AdsFilter) ([]app.FunnelRow, error)
	AdsDashboardFn    func() (app.AdsDashboard, error)
}

var _ app.AdsStore = (*AdsStore)(nil)

func (a *AdsStore) ImportAdsReport(_ context.Context, opts app.AdsImportOptions) (app.AdsImportResult, error) {
	if a == nil || a.ImportAdsReportFn == nil {
		return app.AdsImportResult{}, nil
	}
	return a.ImportAdsReportFn(opts)
}

func (a *AdsStore) SearchTerms(_ context.Context, f app.AdsFilter) ([]app.TermTotals, error) {
	if a == nil || a.SearchTermsFn == nil {
		return nil, nil
	}
	return a.SearchTermsFn(f)
}

func (a *AdsStore) ExactTargets(context.Context) (app.ExactTargets, error) {
	if a == nil || a.ExactTargetsFn == nil {
		return app.ExactTargets{}, nil
	}
	return a.ExactTargetsFn()
}

func (a *AdsStore) AdsRules(context.Context) ([]app.CampaignAdsRules, error) {
	if a == nil || a.AdsRulesFn == nil {
		return nil, nil
	}
	return a.AdsRulesFn()
}

func (a *AdsStore) SaveAdsRules(_ context.Context, r app.CampaignAdsRules) error {
	if a == nil || a.SaveAdsRulesFn == nil {
		return nil
	}
	return a.SaveAdsRulesFn(r)
}

func (a *AdsStore) AdsDays(_ context.Context, f app.AdsFilter) (app.AdsDays, error) {
	if a == nil || a.AdsDaysFn == nil {
		return app.AdsDays{}, nil
	}
	return a.AdsDaysFn(f)
}

func (a *AdsStore) Funnel(_ context.Context, f app.AdsFilter) ([]app.FunnelRow, error) {
	if a == nil || a.FunnelFn == nil {
		return nil, nil
	}
	return a.FunnelFn(f)
}

func (a *AdsStore) AdsDashboard(context.Context) (app.AdsDashboard, error) {
	if a == nil || a.AdsDashboardFn == nil {
		return app.AdsDashboard{}, nil
	}
	return a.AdsDashboardFn()
}
