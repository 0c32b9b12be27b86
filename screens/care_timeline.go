package screens

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
)

// The customer card's timeline (orders, cases, notes) and the list of
// follow-ups due today or overdue.

type timelineEntry struct {
	at   time.Time
	text string
}

// loadTimeline reads the customer's notes and order lines in the
// background and merges them with their cases, newest first.
func (v *careContacts) loadTimeline(id string) {
	if id == "" {
		v.timelineLoad.stop() // a customer chosen before has nothing to show now
		v.timeline.SetText("")
		return
	}
	v.timeline.SetText(v.c.s.l.T("care.loading"))
	ws := v.c.s.ws
	type timeline struct {
		notes []app.Interaction
		lines []app.OrderLine
	}
	// Through timelineLoad: when another customer is chosen meanwhile, only
	// the newest customer's timeline is shown.
	backgroundLatestErr(v.c.s, &v.timelineLoad, func(ctx context.Context) (t timeline, err error) {
		if t.notes, err = ws.Interactions(ctx, id); err != nil {
			return t, err
		}
		t.lines, err = ws.CustomerOrders(ctx, id)
		if app.ErrorCode(err) == app.ENotFound {
			err = nil
		}
		return t, err
	}, func(t timeline, err error) {
		if err != nil {
			v.timeline.SetText("")
			v.c.s.ShowError(err)
			return
		}
		v.timeline.SetText(v.timelineText(id, t.notes, t.lines))
	})
}

func (v *careContacts) timelineText(id string, notes []app.Interaction, lines []app.OrderLine) string {
	l, now := v.c.s.l, v.c.s.env.Now()
	var es []timelineEntry
	for _, n := range notes {
		switch {
		case n.Kind == "note":
			es = append(es, timelineEntry{n.Created, l.T("care.tl_note", n.Body)})
		case n.Done:
			es = append(es, timelineEntry{n.Created, l.T("care.tl_followup_done", n.Due.Format("2006-01-02"), n.Body)})
		case n.Overdue(now):
			es = append(es, timelineEntry{n.Created, l.T("care.tl_followup_overdue", n.Due.Format("2006-01-02"), n.Body)})
		default:
			es = append(es, timelineEntry{n.Created, l.T("care.tl_followup", n.Due.Format("2006-01-02"), n.Body)})
		}
	}
	for _, x := range v.c.cases {
		if x.CustomerID == id {
			es = append(es, timelineEntry{x.Opened, l.T("care.tl_case", x.ID, l.T("care.type."+x.Type), x.Subject, l.T("care.status."+x.Status))})
		}
	}
	type order struct {
		at     time.Time
		items  int64
		amount decimal.Decimal
		cancel bool
	}
	orders := map[string]*order{}
	var keys []string
	for _, ln := range lines {
		o := orders[ln.Invoice]
		if o == nil {
			o = &order{at: ln.InvoicedAt, cancel: ln.Cancelled()}
			orders[ln.Invoice] = o
			keys = append(keys, ln.Invoice)
		}
		o.items += ln.Quantity
		o.amount = o.amount.Add(ln.Amount())
	}
	for _, k := range keys {
		o := orders[k]
		if o.cancel {
			es = append(es, timelineEntry{o.at, l.T("care.tl_cancel", k, format.Fixed(o.amount, 2))})
		} else {
			es = append(es, timelineEntry{o.at, l.T("care.tl_order", k, o.items, format.Fixed(o.amount, 2))})
		}
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].at.After(es[j].at) })
	if len(es) == 0 {
		return l.T("care.tl_empty")
	}
	var b strings.Builder
	for i, e := range es {
		if i == 40 {
			fmt.Fprintf(&b, "%s\n", l.T("care.tl_more", len(es)-40))
			break
		}
		fmt.Fprintf(&b, "%s  %s\n", e.at.Format("2006-01-02"), e.text)
	}
	return strings.TrimRight(b.String(), "\n")
}

// loadDue reads the follow-ups due today or overdue.
func (v *careContacts) loadDue() {
	ws, day := v.c.s.ws, app.Day(v.c.s.env.Now())
	background(v.c.s, func(ctx context.Context) ([]app.Interaction, error) {
		return ws.DueFollowUps(ctx, day, 50)
	}, func(due []app.Interaction) {
		v.due = due
		v.dueSel = -1
		v.doneBtn.Disable()
		v.dueList.UnselectAll()
		v.dueList.Refresh()
	})
}

func (v *careContacts) dueUpdate(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.due) {
		return
	}
	l, now := v.c.s.l, v.c.s.env.Now()
	d := v.due[i]
	who := d.CustomerID
	if ct, ok := v.c.contact(d.CustomerID); ok {
		who = contactLabel(ct)
	}
	when := l.T("care.due_today")
	if d.Overdue(now) {
		when = l.T("care.overdue_since", d.Due.Format("2006-01-02"))
	}
	o.(*careRow).set(d.Body, when+" · "+who, d.Overdue(now))
}

func (v *careContacts) onDueSelected(i widget.ListItemID) {
	if i >= len(v.due) {
		return
	}
	v.dueSel = i
	v.doneBtn.Enable()
	v.selectContact(v.due[i].CustomerID)
}

func (v *careContacts) onDone() {
	if v.dueSel < 0 || v.dueSel >= len(v.due) {
		return
	}
	in := v.due[v.dueSel]
	in.Done = true
	ws := v.c.s.ws
	v.c.s.write(func(ctx context.Context) error {
		_, err := ws.SaveInteraction(ctx, in)
		return err
	}, func() {
		v.loadDue()
		if v.current == in.CustomerID {
			v.loadTimeline(in.CustomerID)
		}
	})
}
