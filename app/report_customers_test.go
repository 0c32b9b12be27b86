package app_test

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// TestReportReadsCustomersOnce: the customers and care sections share one
// read of the customer summary (CustomerStats, the order_customers table)
// and one scoring; the report never asks for stats at an earlier as-of
// date, which the store answers by scanning the order lines. The top
// customers table is the 20 with the most money, as a full sort by money
// (ties by id) gives them, and the care chart still finds the tiers of
// the cases' customers.
func TestReportReadsCustomersOnce(t *testing.T) {
	now := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	var stats []app.CustomerStat
	for i := range 500 {
		money := decimal.NewFromInt(int64((i * 7919) % 1000)) // ties on purpose
		day := now.AddDate(0, 0, -1-i%300)
		stats = append(stats, app.CustomerStat{ID: fmt.Sprintf("C%04d", i), Country: []string{"DE", "FR", "US"}[i%3],
			Orders: 1 + i%4, Lines: 2, Monetary: money, FirstOrder: day.AddDate(0, -2, 0), LastOrder: day})
	}
	reads, asOfReads := 0, 0
	ws := &mock.Workspace{
		CustomerStore: &mock.CustomerStore{
			CustomerStatsFn: func() ([]app.CustomerStat, error) { reads++; return stats, nil },
			CustomerStatsAsOfFn: func(time.Time) ([]app.CustomerStat, error) {
				asOfReads++
				return stats, nil
			},
		},
		CareStore: &mock.CareStore{CasesFn: func(app.CareFilter) ([]app.Case, error) {
			return []app.Case{{ID: 1, CustomerID: "C0007", Type: "complaint", Platform: "amazon", Status: "open", Opened: now.AddDate(0, 0, -1)}}, nil
		}},
	}
	r, err := app.BuildReport(context.Background(), ws, app.English(), now)
	if err != nil {
		t.Fatal(err)
	}
	if reads != 1 || asOfReads != 0 {
		t.Errorf("customer summary read %d times, as-of stats %d times; want 1 and 0", reads, asOfReads)
	}
	want := app.ScoreCustomers(stats, time.Time{}).Scored
	sort.SliceStable(want, func(i, j int) bool { return want[i].Monetary.GreaterThan(want[j].Monetary) })
	var top *app.Table
	var complainers *app.Chart
	for _, s := range r.Sections {
		for i := range s.Tables {
			if s.ID == "customers" && s.Tables[i].Title == app.English().T("customers.report.top_table") {
				top = &s.Tables[i]
			}
		}
		for i := range s.Charts {
			if s.Charts[i].ID == "care-complainer-tiers" {
				complainers = &s.Charts[i]
			}
		}
	}
	if top == nil || len(top.Rows) != 20 {
		t.Fatalf("top customers table %+v", top)
	}
	for i, row := range top.Rows {
		if row[0] != want[i].ID {
			t.Errorf("top row %d: %s, want %s (%s)", i, row[0], want[i].ID, want[i].Monetary)
		}
	}
	var tier app.Tier
	for _, c := range want {
		if c.ID == "C0007" {
			tier = c.Tier
		}
	}
	if complainers == nil || len(complainers.Series) == 0 {
		t.Fatalf("complainer tiers chart %+v", complainers)
	}
	i := -1
	for k, tr := range app.Tiers {
		if tr == tier {
			i = k
		}
	}
	if i < 0 || complainers.Series[0].Values[i] != 1 {
		t.Errorf("complainer C0007 (tier %s) not counted in its tier: %+v", tier, complainers.Series[0])
	}
}
