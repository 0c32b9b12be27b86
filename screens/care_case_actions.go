package screens

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// What the case form does: explain its clock, read and check the fields,
// save, resolve and delete (with undo).

// showTiming explains the case's clock: deadline, business hours so far and
// the customer's local time.
func (v *careCases) showTiming(x app.Case) {
	c, l, now := v.c, v.c.s.l, v.c.s.env.Now()
	v.flag.SetText("")
	v.flag.Hide()
	if x.ID == 0 {
		v.timing.SetText(l.T("care.timing_new", c.shopZone()))
		return
	}
	target := c.targets.For(x.Platform)
	dl := x.Deadline(c.bh, target)
	lines := []string{l.T("care.timing_deadline", formatCareTime(dl, c.shopZone()), c.shopZone(), target, x.Platform)}
	if d, ok := x.FirstResponseHours(c.bh); ok {
		lines = append(lines, l.T("care.timing_first", app.DurationText(l, d)))
	} else {
		lines = append(lines, l.T("care.timing_waiting", app.DurationText(l, c.bh.Between(x.Opened, now))))
	}
	if d, ok := x.ResolutionHours(c.bh); ok {
		lines = append(lines, l.T("care.timing_resolved", app.DurationText(l, d)))
	}
	if ct, ok := c.contact(x.CustomerID); ok {
		lines = append(lines, l.T("care.customer_time", ct.LocalTime(now).Format("2006-01-02 15:04"), ct.TimeZone))
	}
	v.timing.SetText(strings.Join(lines, "\n"))
	if x.Late(c.bh, target, now) {
		if x.FirstResponse.IsZero() {
			v.flag.SetText(l.T("care.flag_overdue"))
		} else {
			v.flag.SetText(l.T("care.flag_late"))
		}
		v.flag.Show()
	}
}

// read collects the form into a case; nothing is saved on an error, which
// names the field.
func (v *careCases) read() (app.Case, error) {
	l := v.c.s.l
	x := v.current
	i := v.customer.SelectedIndex()
	if i < 0 || i >= len(v.c.contacts) {
		return x, app.Errorf(app.EInvalid, "care.err_customer_required")
	}
	x.CustomerID = v.c.contacts[i].CustomerID
	pick := func(sel *widget.Select, ids []string, offset int) string {
		if j := sel.SelectedIndex() - offset; j >= 0 && j < len(ids) {
			return ids[j]
		}
		return ""
	}
	x.Type, x.Channel = pick(v.typ, app.CaseTypes, 0), pick(v.channel, app.CaseChannels, 0)
	x.Priority, x.Status = pick(v.priority, app.CasePriorities, 0), pick(v.status, app.CaseStatuses, 0)
	x.Reason, x.FeedbackReason = pick(v.reason, app.CaseReasons, 1), pick(v.fbReason, app.CaseReasons, 1)
	x.Platform = strings.TrimSpace(v.platform.Text)
	x.OrderID, x.TrackingNo = strings.TrimSpace(v.order.Text), strings.TrimSpace(v.tracking.Text)
	x.Subject = strings.TrimSpace(v.subject.Text)
	x.Escalated = v.escalated.Checked
	zone := v.zoneText()
	if _, err := app.LoadZone(zone); err != nil {
		return x, err
	}
	var err error
	if x.Opened, err = parseCareTime(l.T("care.opened"), v.opened.Text, zone); err != nil {
		return x, err
	}
	if x.FirstResponse, err = parseCareTime(l.T("care.first_response"), v.answered.Text, zone); err != nil {
		return x, err
	}
	if x.Resolved, err = parseCareTime(l.T("care.resolved"), v.resolved.Text, zone); err != nil {
		return x, err
	}
	x.OpenedZone, x.ResponseZone, x.ResolvedZone = zone, zone, zone
	x.CSAT = max(0, v.csat.SelectedIndex())
	x.HasNPS = v.nps.SelectedIndex() > 0
	x.NPS = 0
	if x.HasNPS {
		x.NPS, _ = strconv.Atoi(v.nps.Selected)
	}
	if x.Opened.IsZero() {
		return x, app.Errorf(app.EInvalid, "care.err_opened_required")
	}
	return x, x.Validate()
}

func (v *careCases) onSave() {
	x, err := v.read()
	if err != nil {
		v.c.s.ShowError(err)
		return
	}
	v.store(x, "")
}

// store saves x in the background, reloads, and shows msg when given.
func (v *careCases) store(x app.Case, msg string) {
	ws := v.c.s.ws
	v.save.Disable()
	var id int64
	v.c.s.writeSettled(func(ctx context.Context) (err error) {
		id, err = ws.SaveCase(ctx, x)
		return err
	}, v.save.Enable, func() {
		if msg != "" {
			v.c.s.message(v.c.s.l.T("module.care.title"), msg)
		}
		v.c.load(id, "")
	})
}

// onResolve marks the case resolved now (answered now too, if it was not).
func (v *careCases) onResolve() {
	x, err := v.read()
	if err != nil {
		v.c.s.ShowError(err)
		return
	}
	now := v.c.s.env.Now().UTC()
	if x.FirstResponse.IsZero() {
		x.FirstResponse, x.ResponseZone = now, v.c.shopZone()
	}
	x.Resolved, x.ResolvedZone, x.Status = now, v.c.shopZone(), "resolved"
	d, _ := x.ResolutionHours(v.c.bh)
	v.store(x, v.c.s.l.T("care.resolved_msg", app.DurationText(v.c.s.l, d)))
}

func (v *careCases) onDelete() {
	x := v.current
	if x.ID == 0 {
		return
	}
	l := v.c.s.l
	dialog.ShowConfirm(l.T("care.confirm_delete_case_title"), l.T("care.confirm_delete_case", x.ID, x.Subject), func(ok bool) {
		if ok {
			v.deleteCase(x)
		}
	}, v.c.s.win)
}

// deleteCase deletes x and offers an undo that saves it again (under a new
// number).
func (v *careCases) deleteCase(x app.Case) {
	ws, l := v.c.s.ws, v.c.s.l
	v.c.s.write(func(ctx context.Context) error {
		return ws.DeleteCase(ctx, x.ID)
	}, func() {
		v.onNew()
		v.c.load(0, "")
		v.undo = v.c.s.offerUndo(l.T("care.case_deleted", x.ID), l.T("care.undo"), func() {
			x.ID = 0
			v.store(x, "")
		})
	})
}
