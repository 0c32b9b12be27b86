package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

type riskCalls struct {
	saved     []app.Risk
	deleted   []int64
	lists     []app.Checklist
	itemSaves []app.ChecklistItem
}

func riskWorkspace(calls *riskCalls) *mock.Workspace {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	risks := []app.Risk{
		{ID: 1, Title: "Listing hijacked by a trademark squatter", Category: "ip", Likelihood: 4, Impact: 5, Owner: "Lisa", Status: "open", ReviewDate: testNow.AddDate(0, 0, -3)},
		{ID: 2, Title: "EUR falls against CNY", Category: "fx", Likelihood: 3, Impact: 3, Status: "mitigating", ReviewDate: testNow.AddDate(0, 1, 0)},
		{ID: 3, Title: "GDPR consent", Category: "compliance", Likelihood: 2, Impact: 4, Status: "closed"},
	}
	ws.RisksFn = func() ([]app.Risk, error) { return risks, nil }
	ws.RiskStore = &mock.RiskStore{
		SaveRiskFn:   func(r app.Risk) (int64, error) { calls.saved = append(calls.saved, r); return 9, nil },
		DeleteRiskFn: func(id int64) error { calls.deleted = append(calls.deleted, id); return nil },
		ChecklistsFn: func() ([]app.Checklist, error) { return calls.lists, nil },
		SaveChecklistFn: func(c app.Checklist) (int64, error) {
			c.ID = int64(len(calls.lists) + 1)
			for i := range c.Items {
				c.Items[i].ID = int64(100 + i)
			}
			calls.lists = append(calls.lists, c)
			return c.ID, nil
		},
		SaveChecklistItemFn: func(it app.ChecklistItem) error { calls.itemSaves = append(calls.itemSaves, it); return nil },
	}
	return ws
}

func openRisks(t *testing.T, ws app.Workspace) (testShell, *risks) {
	t.Helper()
	ts := newTestShell(t, ws)
	r := newRisks(ts.Shell)
	ts.body.Objects[0] = r.buildUI()
	ts.next(t) // register
	ts.next(t) // checklists
	return ts, r
}

func TestRiskRegisterShowsScoresAndOverdue(t *testing.T) {
	var calls riskCalls
	_, r := openRisks(t, riskWorkspace(&calls))
	if got := r.counts.Text; got != "3 risks · 2 open · 1 review overdue" {
		t.Errorf("counts %q", got)
	}
	shown := texts(r.list)
	for _, want := range []string{"Score 20 · critical · Intellectual property · Open · review overdue", "EUR falls against CNY"} {
		if !strings.Contains(shown, want) {
			t.Errorf("register lacks %q:\n%s", want, shown)
		}
	}
	if r.heat.Chart().Matrix[0][3] != 1 { // impact 5, likelihood 4
		t.Errorf("heatmap %v", r.heat.Chart().Matrix)
	}
	if !strings.Contains(r.overdue.Text, "Listing hijacked") {
		t.Errorf("overdue list %q", r.overdue.Text)
	}
	r.closed.SetChecked(false)
	if len(r.shown) != 2 {
		t.Errorf("hiding closed leaves %d", len(r.shown))
	}
	r.filter.SetSelectedIndex(1 + promoIndexOf(app.RiskCategories, "fx"))
	if len(r.shown) != 1 || r.shown[0].ID != 2 {
		t.Errorf("fx filter: %v", r.shown)
	}
}

func TestRiskEditAndSave(t *testing.T) {
	var calls riskCalls
	ts, r := openRisks(t, riskWorkspace(&calls))
	r.list.Select(0)
	if r.title.Text != "Listing hijacked by a trademark squatter" || !strings.Contains(r.flag.Text, "Review overdue") {
		t.Fatalf("form %q flag %q", r.title.Text, r.flag.Text)
	}
	r.impact.SetSelected("2")
	if got := r.score.Text; got != "Score = likelihood × impact = 4 × 2 = 8 (medium)" {
		t.Errorf("score %q", got)
	}
	r.review.SetText("2026-12-24")
	test.Tap(r.save)
	ts.next(t) // saved
	if len(calls.saved) != 1 || calls.saved[0].ID != 1 || calls.saved[0].Impact != 2 || calls.saved[0].ReviewDate.Format("2006-01-02") != "2026-12-24" {
		t.Fatalf("saved %+v", calls.saved)
	}
	// Bad input: named, nothing saved.
	r.review.SetText("24.12.2026")
	test.Tap(r.save)
	if top := ts.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(texts(top), "“24.12.2026” is not a date") {
		t.Fatal("no error naming the date")
	}
	r.onNew()
	test.Tap(r.save)
	if len(calls.saved) != 1 {
		t.Fatal("a risk without a title was saved")
	}
}

func TestRiskChecklistCopyAndTick(t *testing.T) {
	var calls riskCalls
	ts, r := openRisks(t, riskWorkspace(&calls))
	c := r.lists
	c.tplList.Select(indexOfTemplate("quality"))
	test.Tap(c.copyBtn)
	ts.next(t) // copied
	ts.next(t) // reloaded
	if len(calls.lists) != 1 || calls.lists[0].Template != "quality" || len(calls.lists[0].Items) != 7 {
		t.Fatalf("copied %+v", calls.lists)
	}
	if c.current != 0 || len(c.rows) != 7 {
		t.Fatalf("copied checklist not shown: %d rows", len(c.rows))
	}
	shown := texts(c.items)
	if !strings.Contains(shown, "CE: declaration of conformity") || !strings.Contains(shown, "UKCA") {
		t.Fatalf("items:\n%s", shown)
	}
	row := c.rows[1]
	row.owner.SetText("王磊")
	row.due.SetText("2026-11-01")
	test.Tap(row.done)
	ts.next(t)
	if len(calls.itemSaves) != 1 || !calls.itemSaves[0].Done || calls.itemSaves[0].Owner != "王磊" || calls.itemSaves[0].ID != 101 {
		t.Fatalf("item saves %+v", calls.itemSaves)
	}
	if !strings.Contains(c.progress.TextFormatter(), "1 of 7") {
		t.Errorf("progress %q", c.progress.TextFormatter())
	}
	test.Tap(row.done) // untick: the past due date now counts as overdue
	ts.next(t)
	if row.late.Text != "overdue" {
		t.Errorf("late flag %q", row.late.Text)
	}
	row.due.SetText("tomorrow")
	test.Tap(row.done)
	if len(calls.itemSaves) != 2 {
		t.Fatal("an item with a bad due date was saved")
	}
}

func indexOfTemplate(id string) int {
	for i, t := range app.ChecklistTemplates {
		if t.ID == id {
			return i
		}
	}
	return -1
}
