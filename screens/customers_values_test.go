package screens

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// TestCustomersNameHistoricAndPredictedValues: the table's headers and the
// detail name both money figures with their horizon, in each language, so
// 910.38 beside 94.45 reads as "spent so far" against "predicted for the
// next 26 weeks" (issue 13).
func TestCustomersNameHistoricAndPredictedValues(t *testing.T) {
	for _, lang := range app.Langs {
		t.Run(string(lang), func(t *testing.T) {
			stats := customerStats(3)
			stats[1].Monetary = decimal.RequireFromString("910.38")
			ts, c := openCustomers(t, customersWorkspace(stats, &mock.CustomerStore{}))
			if lang != app.LangEnglish {
				ts.SetLanguage(lang)
				c = newCustomers(ts.Shell)
				ts.body.Objects[0] = c.buildUI()
				for len(c.tiering.Scored) == 0 {
					ts.next(t)
				}
			}
			l := ts.Localizer()
			header := func(col int) string {
				b := widget.NewButton("", nil)
				c.updateHeader(widget.TableCellID{Row: -1, Col: col}, b)
				return b.Text
			}
			if got, want := header(colMonetary), l.T("customers.col.monetary"); got != want || !strings.Contains(app.English().T("customers.col.monetary"), "all orders to date") {
				t.Errorf("monetary header %q", got)
			}
			if got, want := header(colCLV), l.T("customers.col.clv", 52); got != want {
				t.Errorf("CLV header before a fit %q, want %q", got, want)
			}
			// Select C000001 before any fit: the detail says where a prediction comes from.
			row := -1
			for i, idx := range c.shown {
				if c.tiering.Scored[idx].ID == "C000001" {
					row = i
				}
			}
			c.onSelected(widget.TableCellID{Row: row, Col: 0})
			if want := l.T("customers.detail_no_prediction", "910.38 USD"); c.detail.values.Text != want {
				t.Errorf("detail before a fit %q, want %q", c.detail.values.Text, want)
			}
			c.onPredicted(map[string]app.CustomerCLV{"C000001": {HorizonWeeks: 26, CLV: decimal.RequireFromString("94.45")}})
			if got, want := header(colCLV), l.T("customers.col.clv", 26); got != want {
				t.Errorf("CLV header %q, want %q", got, want)
			}
			if got, want := header(colExpected), l.T("customers.col.expected", 26); got != want {
				t.Errorf("expected-purchases header %q, want %q", got, want)
			}
			want := l.T("customers.detail_values", "910.38 USD", 26, "94.45 USD")
			if c.detail.values.Text != want {
				t.Errorf("detail %q, want %q", c.detail.values.Text, want)
			}
			if lang == app.LangEnglish && want != "Historic value (all orders to date): 910.38 USD · Predicted CLV (next 26 weeks): 94.45 USD" {
				t.Errorf("English detail reads %q", want)
			}
			if lang == app.LangChinese && !strings.Contains(want, "未来 26 周") {
				t.Errorf("Chinese detail reads %q", want)
			}
		})
	}
}

// TestPredictionViewSaysSpendModelDoesNotFit: purchases of the same value
// range for everyone leave Gamma-Gamma degenerate; the view says the spend
// model does not fit this shop instead of printing q = 1e+07.
func TestPredictionViewSaysSpendModelDoesNotFit(t *testing.T) {
	ts := newTestShell(t, predictionWorkspace(fakePurchasesSpend(1500, false)))
	v, obj := showPrediction(t, ts)
	if v.result.Model.SpendFits {
		t.Fatalf("uniform spends fitted %+v", v.result.Model.GammaGamma)
	}
	if !strings.Contains(texts(obj), "the spend model does not fit this shop") || strings.Contains(v.params.Text, "q = ") {
		t.Errorf("params %q", v.params.Text)
	}
	if !strings.Contains(v.reading.Text, "does not fit this shop") {
		t.Errorf("reading %q", v.reading.Text)
	}
}

// TestCustomersAsOfReadsOnlyEarlierLines: the window's as-of field asks the
// store for the figures of the lines before that date (issue 12 item 8), so
// a later order cannot make recency negative in the table either.
func TestCustomersAsOfReadsOnlyEarlierLines(t *testing.T) {
	all := customerStats(5)
	var asked []string
	store := &mock.CustomerStore{CustomerStatsAsOfFn: func(asOf time.Time) ([]app.CustomerStat, error) {
		asked = append(asked, asOf.Format(time.DateOnly))
		if asOf.IsZero() {
			return all, nil
		}
		// What the lines before the date hold: two customers, last seen in May.
		early := append([]app.CustomerStat(nil), all[:2]...)
		for i := range early {
			early[i].LastOrder = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
		}
		return early, nil
	}}
	ts, c := openCustomers(t, customersWorkspace(all, store))
	if len(c.tiering.Scored) != 5 || len(asked) != 1 || asked[0] != "0001-01-01" {
		t.Fatalf("first load: %d scored, asked %v", len(c.tiering.Scored), asked)
	}
	c.asOf.SetText("2026-06-01")
	c.load()
	ts.next(t)
	if len(asked) != 2 || asked[1] != "2026-06-01" {
		t.Fatalf("asked %v", asked)
	}
	if len(c.tiering.Scored) != 2 || !c.tiering.AsOf.Equal(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)) || c.tiering.Scored[0].RecencyDays != 31 {
		t.Errorf("scored %d as of %v: %+v", len(c.tiering.Scored), c.tiering.AsOf, c.tiering.Scored)
	}
}
