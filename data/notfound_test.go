package data

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

// Every UPDATE or DELETE by id of a row that is not there says "not found"
// the same way (notFoundIfNone), whichever table it is.
func TestChangingAMissingRowIsNotFound(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	const gone = 987654
	d := decimal.RequireFromString
	for _, tt := range []struct {
		name string
		op   func() error
	}{
		{"update product", func() error {
			return s.SaveProduct(ctx, &app.Product{ID: gone, SKU: "GONE-1", NameEn: "Gone", PurchaseCost: d("1"), WeightKg: d("0.1")})
		}},
		{"delete product", func() error { return s.DeleteProduct(ctx, gone) }},
		{"update competitor", func() error {
			return s.SaveCompetitor(ctx, &app.Competitor{ID: gone, Name: "Rival", Market: "DE", Price: d("9.99"), Currency: "EUR"})
		}},
		{"delete competitor", func() error { return s.DeleteCompetitor(ctx, gone) }},
		{"update note", func() error {
			return s.SaveNote(ctx, &app.Note{ID: gone, Title: "Gone", Method: app.ResearchMethods[0], Date: time.Now()})
		}},
		{"delete note", func() error { return s.DeleteNote(ctx, gone) }},
		{"update criterion", func() error {
			return s.SaveCriterion(ctx, &app.Criterion{ID: gone, Name: "Size", Weight: d("1")})
		}},
		{"delete criterion", func() error { return s.DeleteCriterion(ctx, gone) }},
		{"update candidate market", func() error { return s.SaveCandidate(ctx, &app.CandidateMarket{ID: gone, Country: "DE"}) }},
		{"delete candidate market", func() error { return s.DeleteCandidate(ctx, gone) }},
		{"update channel", func() error {
			_, err := s.SaveChannel(ctx, app.LogisticsChannel{ID: gone, Name: "Gone post", Type: "postal", Market: "DE",
				FirstWeightKg: d("0.5"), FirstPrice: d("50"), PerKg: d("20"), VolDivisor: 5000, Stability: 3, DaysMax: 9})
			return err
		}},
		{"delete channel", func() error { return s.DeleteChannel(ctx, gone) }},
		{"update platform", func() error {
			_, err := s.SavePlatform(ctx, app.Platform{ID: gone, Name: "Gone market", ReferralRate: d("0.15")})
			return err
		}},
		{"delete platform", func() error { return s.DeletePlatform(ctx, gone) }},
		{"delete quote", func() error { return s.DeleteQuote(ctx, gone) }},
		{"delete campaign", func() error { return s.DeleteCampaign(ctx, gone) }},
		{"delete risk", func() error { return s.DeleteRisk(ctx, gone) }},
		{"update shipment", func() error {
			day := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
			_, err := s.SaveShipment(ctx, app.InboundShipment{ID: gone, SKU: "GONE-1", Warehouse: "FBA", Quantity: 10,
				ShippedOn: day, ArrivesOn: day.AddDate(0, 0, 30)})
			return err
		}},
		{"delete shipment", func() error { return s.DeleteShipment(ctx, gone) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.op()
			if app.ErrorCode(err) != app.ENotFound {
				t.Fatalf("got %v (code %q), want not found", err, app.ErrorCode(err))
			}
			var e *app.Error
			if !asAppError(err, &e) || e.Key != "error.not_found" {
				t.Fatalf("got %v, want the key error.not_found", err)
			}
		})
	}

	// Feedback for a case that is not there names the case.
	err := s.SaveFeedback(ctx, []app.FeedbackRow{{CaseID: gone, CSAT: 4}})
	var e *app.Error
	if !asAppError(err, &e) || e.Code != app.ENotFound || e.Key != "care.err_feedback_case" || len(e.Args) != 1 || e.Args[0] != int64(gone) {
		t.Fatalf("feedback for a missing case: got %#v", err)
	}
}

func asAppError(err error, target **app.Error) bool { return errors.As(err, target) }
