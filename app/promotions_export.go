package app

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// CampaignsHeader is the header of `campaigns export`. Money is in the
// workspace currency with two places, rates as fractions (0.25). The columns
// after notes were added later and stay at the end so older readers keep
// working; incremental_gross_profit and roi follow the definitions of
// EvaluateCampaign (gross profit from units × unit cost, cost without the
// discount line).
var CampaignsHeader = []string{"id", "name", "goal", "type", "markets", "platform", "products", "start", "end",
	"budget", "discount_cost", "ads", "kol", "samples", "expected_lift", "plan_price", "plan_unit_cost", "plan_discount",
	"plan_baseline_units", "margin_rate", "status", "evaluated_from", "baseline_revenue", "campaign_revenue",
	"baseline_orders", "campaign_orders", "new_customers", "lift", "incremental_gross_profit", "roi", "notes",
	"campaign_gross_profit", "baseline_gross_profit", "cost", "evaluated_to", "partial"}

// WriteCampaignsCSV writes every campaign; past and running ones with their
// evaluation (typed figures or the imported orders, unit costs from costs),
// a running one evaluated to the day of now with partial = true. Text cells
// are escaped against formula injection.
func WriteCampaignsCSV(ctx context.Context, w io.Writer, st CampaignStore, campaigns []Campaign, costs UnitCosts, now time.Time) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CampaignsHeader); err != nil {
		return err
	}
	for _, c := range campaigns {
		status := c.Status(now)
		row := []string{strconv.FormatInt(c.ID, 10), EscapeCell(c.Name), c.Goal, c.Type, EscapeCell(strings.Join(c.Markets, ",")),
			EscapeCell(c.Platform), EscapeCell(strings.Join(c.Products, ",")), c.Start.Format("2006-01-02"), c.End.Format("2006-01-02"),
			c.Lines.Total().StringFixed(2), c.Lines.Discount.StringFixed(2), c.Lines.Ads.StringFixed(2), c.Lines.KOL.StringFixed(2),
			c.Lines.Samples.StringFixed(2), c.Lift.String(), c.Plan.Price.StringFixed(2), c.Plan.UnitCost.StringFixed(2),
			c.Plan.Discount.String(), strconv.Itoa(c.Plan.BaselineUnits), MarginRateFor(c).String(), status}
		var tail []string
		if status == StatusPlanned {
			row = append(row, "", "", "", "", "", "", "", "", "")
			tail = []string{"", "", c.Lines.Cost().StringFixed(2), "", ""}
		} else {
			e, err := EvaluateCampaign(ctx, st, c, costs, now)
			if err != nil {
				return err
			}
			from := "orders"
			if c.Actuals.Typed {
				from = "typed"
			}
			lift, roi := "", ""
			if e.HasLift {
				lift = e.Lift.String()
			}
			if e.HasROI {
				roi = e.ROI.String()
			}
			row = append(row, from, e.Baseline.Revenue.StringFixed(2), e.Campaign.Revenue.StringFixed(2),
				strconv.Itoa(e.Baseline.Orders), strconv.Itoa(e.Campaign.Orders), strconv.Itoa(e.Campaign.NewCustomers),
				lift, e.IncrementalProfit.StringFixed(2), roi)
			_, to, _, _ := c.EvaluationPeriod(now)
			tail = []string{e.CampaignGrossProfit.StringFixed(2), e.BaselineGrossProfit.StringFixed(2), e.Cost.StringFixed(2),
				to.Format("2006-01-02"), strconv.FormatBool(e.Partial)}
		}
		row = append(row, EscapeCell(c.Notes))
		row = append(row, tail...)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// RisksHeader is the header of `risks export`.
var RisksHeader = []string{"id", "risk", "category", "likelihood", "impact", "score", "level", "owner", "mitigation",
	"status", "review_on", "review_overdue"}

// WriteRisksCSV writes the register, highest score first as given, with
// text cells escaped against formula injection.
func WriteRisksCSV(w io.Writer, risks []Risk, now time.Time) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(RisksHeader); err != nil {
		return err
	}
	for _, r := range risks {
		review := ""
		if !r.ReviewDate.IsZero() {
			review = r.ReviewDate.Format("2006-01-02")
		}
		row := []string{strconv.FormatInt(r.ID, 10), EscapeCell(r.Title), r.Category, strconv.Itoa(r.Likelihood),
			strconv.Itoa(r.Impact), strconv.Itoa(r.Score()), r.Level(), EscapeCell(r.Owner), EscapeCell(r.Mitigation),
			r.Status, review, strconv.FormatBool(r.Overdue(now))}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
