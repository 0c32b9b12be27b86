package screens

import (
	"io"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// careDB is an in-memory care store behind mock.CareStore.
type careDB struct {
	contacts  []app.Contact
	cases     []app.Case
	notes     []app.Interaction
	templates []app.Template
	deleted   []string // "id withCases"
	hoursSet  int
}

func (db *careDB) store() *mock.CareStore {
	return &mock.CareStore{
		ContactsFn: func() ([]app.Contact, error) { return db.contacts, nil },
		CasesFn: func(app.CareFilter) ([]app.Case, error) {
			out := make([]app.Case, len(db.cases))
			copy(out, db.cases)
			return out, nil
		},
		SaveCaseFn: func(c app.Case) (int64, error) {
			if err := c.Validate(); err != nil {
				return 0, err
			}
			if c.ID == 0 {
				c.ID = int64(len(db.cases) + 100)
				db.cases = append(db.cases, c)
				return c.ID, nil
			}
			for i := range db.cases {
				if db.cases[i].ID == c.ID {
					db.cases[i] = c
				}
			}
			return c.ID, nil
		},
		DeleteCaseFn: func(id int64) error {
			for i, c := range db.cases {
				if c.ID == id {
					db.cases = append(db.cases[:i], db.cases[i+1:]...)
					return nil
				}
			}
			return app.Errorf(app.ENotFound, "error.not_found")
		},
		TemplatesFn:    func() ([]app.Template, error) { return db.templates, nil },
		InteractionsFn: func(string) ([]app.Interaction, error) { return db.notes, nil },
		DueFollowUpsFn: func(day time.Time, _ int) ([]app.Interaction, error) {
			var out []app.Interaction
			for _, n := range db.notes {
				if n.Kind == "followup" && !n.Done && !n.Due.After(day) {
					out = append(out, n)
				}
			}
			return out, nil
		},
		DeleteContactFn: func(id string, withCases bool) error {
			db.deleted = append(db.deleted, id+" "+map[bool]string{true: "with cases", false: "alone"}[withCases])
			return nil
		},
		SaveBusinessHoursFn: func(app.BusinessHours) error { db.hoursSet++; return nil },
	}
}

func careWorkspace(db *careDB) *mock.Workspace {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	ws.CareStore = db.store()
	ws.PlatformsFn = func() ([]app.Platform, error) { return []app.Platform{{Name: "Amazon DE"}, {Name: "eBay"}}, nil }
	return ws
}

func newCareDB() *careDB {
	return &careDB{
		contacts: []app.Contact{{CustomerID: "HL10002", Name: "Jürgen Weiß", Language: "de", TimeZone: "Europe/Berlin", Country: "DE"}},
		templates: []app.Template{
			{Situation: "tracking_update", Language: "en", Body: "Hi {name}, order {order_id} ships with {tracking_no}."},
			{Situation: "tracking_update", Language: "de", Body: "Hallo {name}, Ihre Bestellung {order_id} ist unterwegs: {tracking_no}. Stand {local_date}."},
		},
		notes: []app.Interaction{
			{ID: 1, CustomerID: "HL10002", Kind: "followup", Body: "Messerschärfer-Vorschau schicken", Due: testNow.AddDate(0, 0, -2)},
			{ID: 2, CustomerID: "HL10002", Kind: "followup", Body: "later", Due: testNow.AddDate(0, 0, 5)},
		},
	}
}

// openCare shows the care screen and runs its start-up loads: the care data
// and the orders of the KPI period, then the follow-ups due.
func openCare(t *testing.T, db *careDB) (testShell, *care) {
	t.Helper()
	ts := newTestShell(t, careWorkspace(db))
	c := newCare(ts.Shell)
	ts.current = "care"
	ts.body.Objects = []fyne.CanvasObject{c.buildUI()}
	ts.body.Refresh()
	careDrain(t, ts, 3)
	return ts, c
}

func careDrain(t *testing.T, ts testShell, n int) {
	t.Helper()
	for range n {
		ts.next(t)
	}
}

func careTapDialog(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the dialog has no %q button:\n%s", text, texts(top))
}

func careDialogText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return texts(top)
}

func closeCareDialog(w fyne.Window) {
	if top := w.Canvas().Overlays().Top(); top != nil {
		w.Canvas().Overlays().Remove(top)
	}
}

func TestCareOpenAnswerFromTemplateAndResolve(t *testing.T) {
	db := newCareDB()
	ts, c := openCare(t, db)
	v := c.cs
	if !strings.Contains(texts(ts.body), "0 open cases") {
		t.Fatalf("counts: %s", texts(ts.body))
	}

	// Open a case.
	test.Tap(findButton(t, ts.body, "New case"))
	v.customer.SetSelectedIndex(0)
	test.Type(v.subject, "Wo ist mein Paket?")
	v.platform.SetText("Amazon DE")
	test.Type(v.order, "302-1234567")
	test.Tap(v.save)
	careDrain(t, ts, 3) // saved, reloaded, follow-ups
	if len(db.cases) != 1 {
		t.Fatalf("cases stored: %d", len(db.cases))
	}
	k := db.cases[0]
	if k.CustomerID != "HL10002" || k.Subject != "Wo ist mein Paket?" || k.Type != "shipping" || k.Status != "new" || k.Platform != "Amazon DE" ||
		!k.Opened.Equal(testNow) || k.OpenedZone != "Asia/Shanghai" || !k.FirstResponse.IsZero() {
		t.Fatalf("stored case %+v", k)
	}
	// 09:00 UTC is 17:00 in Shenzhen: 1 business hour today, 23 more from
	// Wednesday 09:00 -> Thursday 05:00 is outside, so Friday 14:00.
	shown := texts(ts.body)
	if !strings.Contains(shown, "Answer by 2026-11-27 14:00 (Asia/Shanghai): 24 business hours for Amazon DE.") ||
		!strings.Contains(shown, "Customer's local time: 2026-11-24 10:00 (Europe/Berlin)") || !strings.Contains(shown, "1 open case ·") {
		t.Fatalf("the case does not show its clock:\n%s", shown)
	}

	// Answer from a template: the German one, chosen from the customer's
	// language; the tracking number is missing, so nothing is copied.
	v.situation.SetSelectedIndex(2)
	if v.language.Selected != "Deutsch" || !strings.Contains(v.preview.Text, "Hallo {name}") {
		t.Fatalf("reply panel: %q %q", v.language.Selected, v.preview.Text)
	}
	test.Tap(v.copyBtn)
	if msg := careDialogText(ts.win); !strings.Contains(msg, "{tracking_no}") || strings.Contains(msg, "{name}") {
		t.Fatalf("missing placeholder not named: %s", msg)
	}
	if got := ts.app.Clipboard().Content(); got != "" {
		t.Fatalf("copied despite a missing value: %q", got)
	}
	closeCareDialog(ts.win)
	test.Type(v.tracking, "DE4412883301")
	test.Tap(v.copyBtn)
	want := "Hallo Jürgen Weiß, Ihre Bestellung 302-1234567 ist unterwegs: DE4412883301. Stand 24.11.2026."
	if got := ts.app.Clipboard().Content(); got != want {
		t.Fatalf("clipboard %q, want %q", got, want)
	}
	careDrain(t, ts, 3)
	k = db.cases[0]
	if !k.FirstResponse.Equal(testNow) || k.Status != "waiting_customer" || k.TrackingNo != "DE4412883301" {
		t.Fatalf("first response not recorded: %+v", k)
	}
	if msg := careDialogText(ts.win); !strings.Contains(msg, "First response recorded") {
		t.Fatalf("no confirmation: %s", msg)
	}
	closeCareDialog(ts.win)

	// Resolve it.
	test.Tap(v.resolve)
	careDrain(t, ts, 3)
	k = db.cases[0]
	if k.Status != "resolved" || !k.Resolved.Equal(testNow) || k.ResolvedZone != "Asia/Shanghai" {
		t.Fatalf("not resolved: %+v", k)
	}
	if !strings.Contains(texts(ts.body), "0 open cases") {
		t.Fatalf("counts after resolving: %s", texts(ts.body))
	}
}

func TestCareBadInputChangesNothing(t *testing.T) {
	db := newCareDB()
	ts, c := openCare(t, db)
	v := c.cs
	test.Tap(v.save) // no customer chosen
	if msg := careDialogText(ts.win); !strings.Contains(msg, "Customer id is required") {
		t.Fatalf("no error for a missing customer: %s", msg)
	}
	closeCareDialog(ts.win)
	v.customer.SetSelectedIndex(0)
	v.opened.SetText("yesterday 9am")
	test.Tap(v.save)
	if msg := careDialogText(ts.win); !strings.Contains(msg, "Opened: “yesterday 9am” is not a time") {
		t.Fatalf("bad time not named: %s", msg)
	}
	closeCareDialog(ts.win)
	v.opened.SetText("2026-11-24 10:00")
	v.resolved.SetText("2026-11-23 10:00")
	test.Tap(v.save)
	if msg := careDialogText(ts.win); !strings.Contains(msg, "before the case was opened") {
		t.Fatalf("resolved before opened: %s", msg)
	}
	if len(db.cases) != 0 {
		t.Fatalf("bad input stored a case: %+v", db.cases)
	}

	// Settings: a bad holiday line is named and nothing is saved.
	s := c.st
	s.holidays.SetText("2027-02-06 春节\nnext Friday")
	test.Tap(s.save)
	if msg := careDialogText(ts.win); !strings.Contains(msg, "Holidays, line 2") {
		t.Fatalf("bad holiday not named: %s", msg)
	}
	if db.hoursSet != 0 {
		t.Fatal("settings saved despite an error")
	}
}

func TestCareDeleteCustomerWithCasesAsksFirst(t *testing.T) {
	db := newCareDB()
	db.cases = []app.Case{{ID: 1, CustomerID: "HL10002", CustomerName: "Jürgen Weiß", Type: "complaint", Channel: "email", Priority: "high",
		Status: "waiting_us", Subject: "Griff locker", Opened: testNow.Add(-120 * time.Hour), Platform: "eBay"}}
	ts, c := openCare(t, db)
	v := c.ct
	// The follow-up list shows the overdue one only.
	if shown := texts(ts.body); !strings.Contains(shown, "1 late") {
		t.Fatalf("the late case is not counted: %s", shown)
	}
	if len(v.due) != 1 || v.due[0].Body != "Messerschärfer-Vorschau schicken" {
		t.Fatalf("due follow-ups %+v", v.due)
	}
	v.list.Select(0)
	ts.next(t) // the timeline
	if !strings.Contains(v.timeline.Text, "Case #1 Complaint: Griff locker (Waiting for us)") ||
		!strings.Contains(v.timeline.Text, "Follow-up OVERDUE since 2026-11-22") {
		t.Fatalf("timeline:\n%s", v.timeline.Text)
	}
	test.Tap(v.newCase) // from the card to a new case for this customer
	if c.tabs.SelectedIndex() != 0 || c.cs.customer.Selected != "HL10002 · Jürgen Weiß" || c.cs.current.ID != 0 {
		t.Fatalf("new case from the card: tab %d, customer %q, case %d", c.tabs.SelectedIndex(), c.cs.customer.Selected, c.cs.current.ID)
	}
	test.Tap(v.del)
	if msg := careDialogText(ts.win); !strings.Contains(msg, "has 1 service case.") || !strings.Contains(msg, "Orders stay") {
		t.Fatalf("no question before deleting: %s", msg)
	}
	if len(db.deleted) != 0 {
		t.Fatal("deleted before the answer")
	}
	careTapDialog(t, ts.win, "No")
	if len(db.deleted) != 0 {
		t.Fatal("deleted after No")
	}
	test.Tap(v.del)
	careTapDialog(t, ts.win, "Yes")
	careDrain(t, ts, 1)
	if len(db.deleted) != 1 || db.deleted[0] != "HL10002 with cases" {
		t.Fatalf("deleted %v", db.deleted)
	}
}

func TestDashboardListsFollowUpsDue(t *testing.T) {
	ts := newTestShell(t, careWorkspace(newCareDB())) // runs the dashboard's load
	shown := texts(ts.body)
	if !strings.Contains(shown, "Customer follow-ups due") || !strings.Contains(shown, "Messerschärfer-Vorschau schicken") ||
		!strings.Contains(shown, "HL10002  overdue since 2026-11-22") {
		t.Fatalf("the dashboard does not list the overdue follow-up:\n%s", shown)
	}
	if strings.Contains(shown, "later") {
		t.Fatal("a follow-up due in 5 days is listed as due")
	}
}

func TestCareImportFeedback(t *testing.T) {
	db := newCareDB()
	var saved [][]app.FeedbackRow
	ws := careWorkspace(db)
	ws.CareStore.SaveFeedbackFn = func(rows []app.FeedbackRow) error {
		saved = append(saved, rows)
		return nil
	}
	ts := newTestShell(t, ws)
	c := newCare(ts.Shell)
	ts.body.Objects = []fyne.CanvasObject{c.buildUI()}
	careDrain(t, ts, 3)

	c.kp.importFrom(io.NopCloser(strings.NewReader("case_id,csat,nps\n1,5,10\n2,9,3\n")), "survey.csv")
	ts.next(t)
	if msg := careDialogText(ts.win); !strings.Contains(msg, "Feedback file, row 3, csat: “9”") || len(saved) != 0 {
		t.Fatalf("bad row: %q, saved %v", msg, saved)
	}
	closeCareDialog(ts.win)
	c.kp.importFrom(io.NopCloser(strings.NewReader("case_id,csat,nps\n1,5,10\n2,4,3\n")), "survey.csv")
	careDrain(t, ts, 3) // stored, reloaded, follow-ups
	if len(saved) != 1 || len(saved[0]) != 2 || saved[0][1] != (app.FeedbackRow{CaseID: 2, CSAT: 4, NPS: 3, HasNPS: true}) {
		t.Fatalf("saved %+v", saved)
	}
	if msg := careDialogText(ts.win); !strings.Contains(msg, "2 answers imported from survey.csv") {
		t.Fatalf("message %q", msg)
	}
}

func TestCareDeleteCaseAsksAndOffersUndo(t *testing.T) {
	db := newCareDB()
	db.cases = []app.Case{{ID: 7, CustomerID: "HL10002", Type: "presale", Channel: "chat", Priority: "low", Status: "closed",
		Subject: "Passt das Regal?", Opened: testNow.Add(-30 * time.Hour), OpenedZone: "Asia/Shanghai"}}
	ts, c := openCare(t, db)
	v := c.cs
	v.filter.SetSelectedIndex(2) // all cases: this one is closed
	v.list.Select(0)
	test.Tap(v.del)
	if msg := careDialogText(ts.win); !strings.Contains(msg, "Delete case #7 “Passt das Regal?”") {
		t.Fatalf("no confirmation: %s", msg)
	}
	careTapDialog(t, ts.win, "Yes")
	careDrain(t, ts, 3) // deleted, reloaded, follow-ups
	if len(db.cases) != 0 {
		t.Fatal("not deleted")
	}
	if msg := careDialogText(ts.win); !strings.Contains(msg, "Case #7 deleted") {
		t.Fatalf("no undo offered: %s", msg)
	}
	test.Tap(v.undo)
	careDrain(t, ts, 3)
	if len(db.cases) != 1 || db.cases[0].Subject != "Passt das Regal?" || !db.cases[0].Opened.Equal(testNow.Add(-30*time.Hour)) {
		t.Fatalf("undo did not restore the case: %+v", db.cases)
	}
}

// The header's "late" is the open cases past their deadline: the ones to act
// on. Cases answered late and since resolved are not counted there.
func TestCareHeaderCountsOpenLateCases(t *testing.T) {
	db := newCareDB()
	opened := testNow.AddDate(0, 0, -10)
	late := opened.AddDate(0, 0, 5)
	db.cases = []app.Case{
		{ID: 1, CustomerID: "HL10002", Type: "shipping", Status: "resolved", Platform: "eBay", Opened: opened, FirstResponse: late, Resolved: late},
		{ID: 2, CustomerID: "HL10002", Type: "shipping", Status: "resolved", Platform: "eBay", Opened: opened, FirstResponse: late, Resolved: late},
		{ID: 3, CustomerID: "HL10002", Type: "shipping", Status: "new", Platform: "eBay", Opened: opened},
	}
	_, c := openCare(t, db)
	if got := c.counts.Text; got != "1 open case · 1 late · 1 customer" {
		t.Fatalf("care header = %q, want 1 open case, 1 late", got)
	}
}
