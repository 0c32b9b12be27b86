package data

import (
	"context"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

func TestCareContactsCasesAndDelete(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	ct := app.Contact{CustomerID: "HL10002", Name: "Jürgen Weiß", Email: "j@example.de", Language: "de", TimeZone: "Europe/Berlin", Country: "DE"}
	if err := s.SaveContact(ctx, ct); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveContact(ctx, app.Contact{CustomerID: "X", Language: "de", TimeZone: "Nowhere/City"}); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("bad zone saved: %v", err)
	}
	got, err := s.Contact(ctx, "HL10002")
	if err != nil || got != ct {
		t.Fatalf("contact %+v, %v", got, err)
	}
	if _, err := s.Contact(ctx, "nobody"); app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("missing contact: %v", err)
	}
	ber, _ := time.LoadLocation("Europe/Berlin")
	opened := time.Date(2026, 3, 27, 16, 5, 0, 0, ber)
	c := app.Case{CustomerID: "HL10002", Type: "complaint", Channel: "email", Platform: "Amazon DE", OrderID: "302-1", Priority: "high",
		Status: "waiting_us", Subject: "Griff locker", Reason: "quality", Escalated: true, Opened: opened, OpenedZone: "Europe/Berlin",
		FirstResponse: opened.Add(70 * time.Hour), ResponseZone: "Asia/Shanghai", CSAT: 2, NPS: 0, HasNPS: true, FeedbackReason: "quality"}
	id, err := s.SaveCase(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveCase(ctx, app.Case{CustomerID: "HL99999", Type: "presale", Channel: "email", Priority: "low", Status: "new", Opened: opened}); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("case for a customer without a card: %v", err)
	}
	cs, err := s.Cases(ctx, app.CareFilter{})
	if err != nil || len(cs) != 1 {
		t.Fatalf("cases %v %v", cs, err)
	}
	k := cs[0]
	if k.ID != id || !k.Opened.Equal(opened) || k.Opened.Location() != time.UTC || k.OpenedZone != "Europe/Berlin" || !k.FirstResponse.Equal(c.FirstResponse) ||
		!k.Resolved.IsZero() || k.CSAT != 2 || !k.HasNPS || k.NPS != 0 || !k.Escalated || k.CustomerName != "Jürgen Weiß" || k.Country != "DE" {
		t.Fatalf("round trip %+v", k)
	}
	if cs, _ := s.Cases(ctx, app.CareFilter{From: opened.Add(time.Hour)}); len(cs) != 0 {
		t.Fatalf("filter from: %d", len(cs))
	}
	// Deleting a customer with cases is refused and removes nothing.
	if err := s.DeleteContact(ctx, "HL10002", false); app.ErrorCode(err) != app.EConflict {
		t.Fatalf("delete with cases: %v", err)
	}
	if cs, _ := s.Cases(ctx, app.CareFilter{}); len(cs) != 1 {
		t.Fatal("the refused delete removed cases")
	}
	if _, err := s.Contact(ctx, "HL10002"); err != nil {
		t.Fatal("the refused delete removed the contact")
	}
	if err := s.DeleteContact(ctx, "HL10002", true); err != nil {
		t.Fatal(err)
	}
	if cs, _ := s.Cases(ctx, app.CareFilter{}); len(cs) != 0 {
		t.Fatal("cases left after confirmed delete")
	}
	if err := s.DeleteContact(ctx, "HL10002", true); app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("second delete: %v", err)
	}
}

func TestCareFollowUpsHoursAndTargets(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	if err := s.SaveContact(ctx, app.Contact{CustomerID: "A", Language: "en", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for _, i := range []app.Interaction{
		{CustomerID: "A", Kind: "followup", Body: "overdue", Due: today.AddDate(0, 0, -2)},
		{CustomerID: "A", Kind: "followup", Body: "today", Due: today},
		{CustomerID: "A", Kind: "followup", Body: "later", Due: today.AddDate(0, 0, 3)},
		{CustomerID: "A", Kind: "followup", Body: "done", Due: today, Done: true},
		{CustomerID: "A", Kind: "note", Body: "just a note"},
	} {
		if _, err := s.SaveInteraction(ctx, i); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SaveInteraction(ctx, app.Interaction{CustomerID: "A", Kind: "followup", Body: "no date"}); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("follow-up without a date: %v", err)
	}
	due, err := s.DueFollowUps(ctx, today, 10)
	if err != nil || len(due) != 2 || due[0].Body != "overdue" || due[1].Body != "today" || !due[0].Overdue(today) || !due[1].DueToday(today) {
		t.Fatalf("due %+v %v", due, err)
	}
	all, _ := s.Interactions(ctx, "A")
	if len(all) != 5 {
		t.Fatalf("timeline has %d entries", len(all))
	}

	bh, err := s.BusinessHours(ctx)
	if err != nil || bh.Zone != "Asia/Shanghai" || bh.StartMin != 540 || bh.EndMin != 1080 || bh.DaysText() != "1,2,3,4,5" {
		t.Fatalf("default hours %+v %v", bh, err)
	}
	bh, _ = app.NewBusinessHours("Europe/Berlin", 8*60, 16*60+30, "1,2,3,4,5,6")
	bh.Holidays["2026-12-25"], bh.Names["2026-12-25"] = true, "Weihnachten"
	if err := s.SaveBusinessHours(ctx, bh); err != nil {
		t.Fatal(err)
	}
	back, err := s.BusinessHours(ctx)
	if err != nil || back.Zone != "Europe/Berlin" || back.EndMin != 990 || back.DaysText() != "1,2,3,4,5,6" || !back.Holidays["2026-12-25"] || back.Names["2026-12-25"] != "Weihnachten" {
		t.Fatalf("hours back %+v %v", back, err)
	}
	if err := s.SaveTarget(ctx, "Amazon US", 12); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTarget(ctx, "eBay", 0); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("zero target: %v", err)
	}
	tg, err := s.Targets(ctx)
	if err != nil || tg.For("Amazon US") != 12 || tg.For("eBay") != 24 {
		t.Fatalf("targets %v %v", tg, err)
	}
	if _, err := s.SaveTemplate(ctx, app.Template{Situation: "win_back", Language: "de", Body: "Hallo {name}"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveTemplate(ctx, app.Template{Situation: "win_back", Language: "de", Body: "Hallo wieder, {name}"}); err != nil {
		t.Fatal(err)
	}
	if ts, _ := s.Templates(ctx); len(ts) != 1 || ts[0].Body != "Hallo wieder, {name}" {
		t.Fatalf("templates %+v", ts)
	}
}

func TestCareDemo(t *testing.T) {
	now := today()
	s := sharedDemo(t, now)
	ctx := context.Background()
	cases, err := s.Cases(ctx, app.CareFilter{})
	if err != nil || len(cases) < 30 {
		t.Fatalf("%d demo cases, %v", len(cases), err)
	}
	bh, err := s.BusinessHours(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tg, _ := s.Targets(ctx)
	k := app.KPIsOf(cases, bh, tg, now)
	esc, langs := 0, map[string]bool{}
	for _, c := range cases {
		if c.Escalated {
			esc++
		}
		if c.Opened.Before(now.AddDate(0, 0, -32)) || c.Opened.After(now) {
			t.Errorf("case %d opened %v, outside the last month", c.ID, c.Opened)
		}
		if c.Country == "" {
			t.Errorf("case %d has no country", c.ID)
		}
	}
	if k.Late == 0 || k.Late == k.Cases || esc == 0 || k.Open == 0 || k.Feedback.CSATAnswers == 0 || k.Feedback.NPSAnswers == 0 {
		t.Fatalf("demo lacks variety: %+v, %d escalated", k, esc)
	}
	ts, _ := s.Templates(ctx)
	per := map[string]int{}
	for _, tp := range ts {
		per[tp.Situation]++
		langs[tp.Language] = true
		if _, err := app.FillTemplate(tp.Body, map[string]string{"name": "n", "order_id": "o", "tracking_no": "t", "local_date": "d"}); err != nil {
			t.Errorf("template %s/%s: %v", tp.Situation, tp.Language, err)
		}
	}
	for _, sit := range app.TemplateSituations {
		if per[sit] != len(app.CareLanguages) {
			t.Errorf("%s has %d languages", sit, per[sit])
		}
	}
	due, _ := s.DueFollowUps(ctx, now, 20)
	if len(due) < 2 {
		t.Errorf("demo has %d follow-ups due", len(due))
	}
	orders, err := s.OrdersByCountry(ctx, now.AddDate(0, 0, -31), now)
	if err != nil || len(orders) < 4 {
		t.Fatalf("orders by country %v %v", orders, err)
	}
}

func TestCareSaveFeedbackIsAllOrNothing(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	if err := s.SaveContact(ctx, app.Contact{CustomerID: "A", Language: "en", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	opened := time.Date(2026, 11, 2, 3, 0, 0, 0, time.UTC)
	id, err := s.SaveCase(ctx, app.Case{CustomerID: "A", Type: "return", Channel: "email", Priority: "low", Status: "resolved", Opened: opened, CSAT: 3})
	if err != nil {
		t.Fatal(err)
	}
	err = s.SaveFeedback(ctx, []app.FeedbackRow{{CaseID: id, CSAT: 5}, {CaseID: 999, CSAT: 1}})
	if app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("unknown case: %v", err)
	}
	cs, _ := s.Cases(ctx, app.CareFilter{})
	if cs[0].CSAT != 3 || cs[0].HasNPS {
		t.Fatalf("a refused import changed the case: %+v", cs[0])
	}
	if err := s.SaveFeedback(ctx, []app.FeedbackRow{{CaseID: id, NPS: 0, HasNPS: true, Reason: "late"}}); err != nil {
		t.Fatal(err)
	}
	cs, _ = s.Cases(ctx, app.CareFilter{})
	if cs[0].CSAT != 3 || !cs[0].HasNPS || cs[0].NPS != 0 || cs[0].FeedbackReason != "late" {
		t.Fatalf("feedback not stored, or an empty csat column erased the old answer: %+v", cs[0])
	}
}
