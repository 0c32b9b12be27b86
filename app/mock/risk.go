package mock

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

// RiskStore is a double of app.RiskStore; like CampaignStore it works on a
// nil receiver.
type RiskStore struct {
	RiskFn              func(id int64) (app.Risk, error)
	SaveRiskFn          func(r app.Risk) (int64, error)
	DeleteRiskFn        func(id int64) error
	ChecklistsFn        func() ([]app.Checklist, error)
	SaveChecklistFn     func(c app.Checklist) (int64, error)
	SaveChecklistItemFn func(it app.ChecklistItem) error
	DeleteChecklistFn   func(id int64) error
}

var _ app.RiskStore = (*RiskStore)(nil)

func (r *RiskStore) Risk(_ context.Context, id int64) (app.Risk, error) {
	if r == nil || r.RiskFn == nil {
		return app.Risk{}, app.Errorf(app.ENotFound, "error.not_found")
	}
	return r.RiskFn(id)
}

func (r *RiskStore) SaveRisk(_ context.Context, rk app.Risk) (int64, error) {
	if r == nil || r.SaveRiskFn == nil {
		return 0, nil
	}
	return r.SaveRiskFn(rk)
}

func (r *RiskStore) DeleteRisk(_ context.Context, id int64) error {
	if r == nil || r.DeleteRiskFn == nil {
		return nil
	}
	return r.DeleteRiskFn(id)
}

func (r *RiskStore) Checklists(context.Context) ([]app.Checklist, error) {
	if r == nil || r.ChecklistsFn == nil {
		return nil, nil
	}
	return r.ChecklistsFn()
}

func (r *RiskStore) SaveChecklist(_ context.Context, c app.Checklist) (int64, error) {
	if r == nil || r.SaveChecklistFn == nil {
		return 0, nil
	}
	return r.SaveChecklistFn(c)
}

func (r *RiskStore) SaveChecklistItem(_ context.Context, it app.ChecklistItem) error {
	if r == nil || r.SaveChecklistItemFn == nil {
		return nil
	}
	return r.SaveChecklistItemFn(it)
}

func (r *RiskStore) DeleteChecklist(_ context.Context, id int64) error {
	if r == nil || r.DeleteChecklistFn == nil {
		return nil
	}
	return r.DeleteChecklistFn(id)
}
