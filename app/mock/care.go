package mock

import (
	"context"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// CareStore is a double of app.CareStore; it works on a nil receiver (no
// contacts, no cases, default hours) like the other stores here.
type CareStore struct {
	ContactsFn          func() ([]app.Contact, error)
	ContactFn           func(id string) (app.Contact, error)
	SaveContactFn       func(c app.Contact) error
	DeleteContactFn     func(id string, withCases bool) error
	InteractionsFn      func(id string) ([]app.Interaction, error)
	DueFollowUpsFn      func(day time.Time, limit int) ([]app.Interaction, error)
	SaveInteractionFn   func(i app.Interaction) (int64, error)
	CasesFn             func(f app.CareFilter) ([]app.Case, error)
	SaveCaseFn          func(c app.Case) (int64, error)
	DeleteCaseFn        func(id int64) error
	TemplatesFn         func() ([]app.Template, error)
	SaveTemplateFn      func(t app.Template) (int64, error)
	BusinessHoursFn     func() (app.BusinessHours, error)
	SaveBusinessHoursFn func(bh app.BusinessHours) error
	TargetsFn           func() (app.Targets, error)
	SaveTargetFn        func(platform string, hours int) error
	OrdersByCountryFn   func(from, to time.Time) ([]app.NamedValue, error)
	SaveFeedbackFn      func(rows []app.FeedbackRow) error
}

var _ app.CareStore = (*CareStore)(nil)

func (c *CareStore) Contacts(context.Context) ([]app.Contact, error) {
	if c == nil || c.ContactsFn == nil {
		return nil, nil
	}
	return c.ContactsFn()
}

func (c *CareStore) Contact(_ context.Context, id string) (app.Contact, error) {
	if c == nil || c.ContactFn == nil {
		return app.Contact{}, app.Errorf(app.ENotFound, "error.not_found")
	}
	return c.ContactFn(id)
}

func (c *CareStore) SaveContact(_ context.Context, ct app.Contact) error {
	if c == nil || c.SaveContactFn == nil {
		return nil
	}
	return c.SaveContactFn(ct)
}

func (c *CareStore) DeleteContact(_ context.Context, id string, withCases bool) error {
	if c == nil || c.DeleteContactFn == nil {
		return nil
	}
	return c.DeleteContactFn(id, withCases)
}

func (c *CareStore) Interactions(_ context.Context, id string) ([]app.Interaction, error) {
	if c == nil || c.InteractionsFn == nil {
		return nil, nil
	}
	return c.InteractionsFn(id)
}

func (c *CareStore) DueFollowUps(_ context.Context, day time.Time, limit int) ([]app.Interaction, error) {
	if c == nil || c.DueFollowUpsFn == nil {
		return nil, nil
	}
	return c.DueFollowUpsFn(day, limit)
}

func (c *CareStore) SaveInteraction(_ context.Context, i app.Interaction) (int64, error) {
	if c == nil || c.SaveInteractionFn == nil {
		return 0, nil
	}
	return c.SaveInteractionFn(i)
}

func (c *CareStore) Cases(_ context.Context, f app.CareFilter) ([]app.Case, error) {
	if c == nil || c.CasesFn == nil {
		return nil, nil
	}
	return c.CasesFn(f)
}

func (c *CareStore) SaveCase(_ context.Context, k app.Case) (int64, error) {
	if c == nil || c.SaveCaseFn == nil {
		return 0, nil
	}
	return c.SaveCaseFn(k)
}

func (c *CareStore) DeleteCase(_ context.Context, id int64) error {
	if c == nil || c.DeleteCaseFn == nil {
		return nil
	}
	return c.DeleteCaseFn(id)
}

func (c *CareStore) Templates(context.Context) ([]app.Template, error) {
	if c == nil || c.TemplatesFn == nil {
		return nil, nil
	}
	return c.TemplatesFn()
}

func (c *CareStore) SaveTemplate(_ context.Context, t app.Template) (int64, error) {
	if c == nil || c.SaveTemplateFn == nil {
		return 0, nil
	}
	return c.SaveTemplateFn(t)
}

func (c *CareStore) BusinessHours(context.Context) (app.BusinessHours, error) {
	if c == nil || c.BusinessHoursFn == nil {
		return app.DefaultBusinessHours(), nil
	}
	return c.BusinessHoursFn()
}

func (c *CareStore) SaveBusinessHours(_ context.Context, bh app.BusinessHours) error {
	if c == nil || c.SaveBusinessHoursFn == nil {
		return nil
	}
	return c.SaveBusinessHoursFn(bh)
}

func (c *CareStore) Targets(context.Context) (app.Targets, error) {
	if c == nil || c.TargetsFn == nil {
		return app.Targets{}, nil
	}
	return c.TargetsFn()
}

func (c *CareStore) SaveTarget(_ context.Context, platform string, hours int) error {
	if c == nil || c.SaveTargetFn == nil {
		return nil
	}
	return c.SaveTargetFn(platform, hours)
}

func (c *CareStore) OrdersByCountry(_ context.Context, from, to time.Time) ([]app.NamedValue, error) {
	if c == nil || c.OrdersByCountryFn == nil {
		return nil, nil
	}
	return c.OrdersByCountryFn(from, to)
}

func (c *CareStore) SaveFeedback(_ context.Context, rows []app.FeedbackRow) error {
	if c == nil || c.SaveFeedbackFn == nil {
		return nil
	}
	return c.SaveFeedbackFn(rows)
}
