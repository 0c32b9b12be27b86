package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

func TestBuildReport(t *testing.T) {
	now := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	risks := []app.Risk{{Title: "Trademark squatting", Category: "ip", Likelihood: 4, Impact: 5, Status: "open", ReviewDate: now.AddDate(0, 0, -2)}}
	var productsErr error
	ws := &mock.Workspace{
		InfoFn: func() (app.WorkspaceInfo, error) {
			return app.WorkspaceInfo{Name: "Shop <b>&</b>", Demo: true, Currency: "USD"}, nil
		},
		SummaryFn: func() (app.Summary, error) {
			return app.Summary{Orders: 3, Revenue: decimal.RequireFromString("1234.5")}, nil
		},
		RisksFn:     func() ([]app.Risk, error) { return risks, nil },
		OpenRisksFn: func(int) ([]app.Risk, error) { return risks, nil },
		RecentNotesFn: func(int) ([]app.Note, error) {
			return []app.Note{{Title: "德国 物流 调研", Market: "DE", Method: "interview", Date: now}}, nil
		},
		MonthlyRevenueFn: func() ([]app.MonthValue, error) {
			return []app.MonthValue{{Month: now.AddDate(0, -1, 0), Value: decimal.NewFromInt(10), Count: 2}}, nil
		},
		ProductsFn: func() ([]app.Product, error) {
			return []app.Product{{SKU: "HL-1", NameEn: "Peeler", NameZh: "削皮刀", PriceBand: "low", Stage: "growth", Status: "listed", PurchaseCost: decimal.RequireFromString("6.5")}}, productsErr
		},
	}
	zh := app.NewLocalizer(app.LangChinese)
	r, err := app.BuildReport(context.Background(), ws, zh, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Lang != app.LangChinese || !strings.Contains(r.Subtitle, "演示工作区") || r.Title != "跨境卖家助手报告" {
		t.Fatalf("report head %q / %q", r.Title, r.Subtitle)
	}
	ids := map[string]bool{}
	charts := 0
	for _, s := range r.Sections {
		ids[s.ID] = true
		for _, c := range s.Charts {
			charts++
			if err := c.Validate(); err != nil {
				t.Errorf("section %s: %v", s.ID, err)
			}
		}
	}
	for _, id := range []string{"dashboard", "research", "products", "channels", "promotions", "risks"} {
		if !ids[id] {
			t.Errorf("no %s section", id)
		}
	}
	if charts < 8 {
		t.Errorf("%d charts, want every module's", charts)
	}
	flat := ""
	for _, s := range r.Sections {
		for _, tb := range s.Tables {
			for _, row := range tb.Rows {
				flat += strings.Join(row, "|") + "\n"
			}
		}
	}
	for _, want := range []string{"1,234.50 USD", "削皮刀", "6.50", "德国 物流 调研", "知识产权", "20"} {
		if !strings.Contains(flat, want) {
			t.Errorf("report tables lack %q:\n%s", want, flat)
		}
	}
	productsErr = app.Errorf(app.ECorrupt, "error.corrupt_workspace", "x")
	if _, err := app.BuildReport(context.Background(), ws, zh, now); app.ErrorCode(err) != app.ECorrupt {
		t.Fatalf("a failing store: %v, want its error passed on", err)
	}
}

func TestWriteCustomersCSVWithPredictions(t *testing.T) {
	rows := []app.CustomerScore{{CustomerStat: app.CustomerStat{ID: "=1+1", Country: "DE", Orders: 2, Monetary: decimal.RequireFromString("10")}, R: 5, F: 4, M: 3, Segment: app.SegChampions, Tier: app.Tiers[0]},
		{CustomerStat: app.CustomerStat{ID: "C2", Country: "US", Orders: 1, Monetary: decimal.RequireFromString("5")}, R: 1, F: 1, M: 1}}
	var plain, with strings.Builder
	if err := app.WriteTiersCSV(&plain, rows); err != nil {
		t.Fatal(err)
	}
	if head, _, _ := strings.Cut(plain.String(), "\n"); head != strings.Join(app.TiersHeader, ",") {
		t.Fatalf("the tiers format changed: %q", head)
	}
	preds := map[string]app.CustomerCLV{"=1+1": {PAlive: 0.5, ExpectedPurchases: 1.25, CLV: decimal.RequireFromString("30.456")}}
	if err := app.WriteCustomersCSV(&with, rows, preds); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(with.String()), "\n")
	// The prediction columns are named with their horizon (issue 13): 52
	// weeks when the predictions do not say.
	if !strings.HasSuffix(lines[0], ",p_alive,expected_purchases_52w,predicted_clv_52w") {
		t.Fatalf("header %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], "'=1+1,") || !strings.HasSuffix(lines[1], ",0.5000,1.2500,30.46") {
		t.Fatalf("row with a prediction %q", lines[1])
	}
	if !strings.HasSuffix(lines[2], ",,,") {
		t.Fatalf("a customer the fit did not cover should have empty cells: %q", lines[2])
	}
}
