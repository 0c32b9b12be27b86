package screens

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// riskChecklists lists the templates to copy and the workspace's
// checklists; the chosen checklist's items are ticked, assigned and
// evidenced in place, each change saved as it is made.
type riskChecklists struct {
	s *Shell

	lists    []app.Checklist
	current  int // index in lists; -1 none
	tplList  *widget.List
	mine     *widget.List
	copyBtn  *widget.Button
	tplPick  int
	title    *textBlock
	progress *widget.ProgressBar
	items    *fyne.Container
	rows     []*checkRow
	delBtn   *widget.Button
}

// checkRow is one item's widgets.
type checkRow struct {
	item     app.ChecklistItem
	done     *widget.Check
	owner    *widget.Entry
	due      *widget.Entry
	evidence *widget.Entry
	late     *widget.Label
}

func newRiskChecklists(s *Shell) *riskChecklists {
	return &riskChecklists{s: s, current: -1, tplPick: -1}
}

func (c *riskChecklists) buildUI() fyne.CanvasObject {
	t := c.s.l.T
	c.tplList = widget.NewList(func() int { return len(app.ChecklistTemplates) }, func() fyne.CanvasObject { return newTwoLine() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			tpl := app.ChecklistTemplates[i]
			o.(*twoLine).set(t("risks.template_items", len(tpl.Items)), tpl.Title(c.s.l), false)
		})
	c.tplList.OnSelected = func(i widget.ListItemID) { c.tplPick = i; c.copyBtn.Enable() }
	c.copyBtn = widget.NewButtonWithIcon(t("risks.copy_template"), theme.ContentCopyIcon(), c.onCopy)
	c.copyBtn.Importance = widget.HighImportance
	c.copyBtn.Disable()
	c.mine = widget.NewList(func() int { return len(c.lists) }, func() fyne.CanvasObject { return newTwoLine() }, c.mineUpdate)
	c.mine.OnSelected = func(i widget.ListItemID) { c.show(i) }
	left := container.NewGridWithRows(2,
		container.NewBorder(widget.NewLabelWithStyle(t("risks.templates"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), c.copyBtn, nil, nil, c.tplList),
		container.NewBorder(widget.NewLabelWithStyle(t("risks.your_checklists"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, c.mine))
	c.title = newTextBlock("")
	c.title.TextStyle = fyne.TextStyle{Bold: true}
	c.progress = widget.NewProgressBar()
	c.progress.Hide()
	c.items = container.NewVBox()
	c.delBtn = widget.NewButtonWithIcon(t("risks.delete_checklist"), theme.DeleteIcon(), c.onDelete)
	c.delBtn.Disable()
	right := container.NewBorder(container.NewVBox(c.title, c.progress), container.NewHBox(c.delBtn), nil, nil, newPageScroll(c.items))
	split := container.NewHSplit(left, right)
	split.Offset = 0.3
	return split
}

func (c *riskChecklists) mineUpdate(i widget.ListItemID, o fyne.CanvasObject) {
	cl := c.lists[i]
	done, total := cl.Progress()
	late := false
	for _, it := range cl.Items {
		late = late || it.Overdue(c.s.env.Now())
	}
	o.(*twoLine).set(c.s.l.T("risks.progress", done, total)+" · "+promoDayText(cl.Created), cl.Name(c.s.l), late)
}

// load reads the checklists off the UI goroutine and shows checklist id.
func (c *riskChecklists) load(showID int64) {
	ws := c.s.ws
	background(c.s, ws.Checklists, func(lists []app.Checklist) {
		c.lists = lists
		c.mine.Refresh()
		if showID == 0 && c.current < 0 && len(lists) > 0 {
			showID = lists[0].ID
		}
		if len(lists) == 0 {
			c.title.SetText(c.s.l.T("risks.no_checklists"))
		}
		for i, cl := range lists {
			if cl.ID == showID && showID != 0 {
				c.mine.Select(i)
			}
		}
	})
}

// onCopy copies the picked template into the workspace, unticked.
func (c *riskChecklists) onCopy() {
	if c.tplPick < 0 {
		return
	}
	tpl := app.ChecklistTemplates[c.tplPick]
	cl := app.CopyTemplate(tpl, c.s.env.Now())
	ws, l := c.s.ws, c.s.l
	var id int64
	c.s.write(func(ctx context.Context) (err error) {
		id, err = ws.SaveChecklist(ctx, cl)
		return err
	}, func() {
		c.title.SetText(l.T("risks.copied", tpl.Title(l), len(cl.Items)))
		c.load(id)
	})
}

// show lays out checklist i's items.
func (c *riskChecklists) show(i int) {
	if i < 0 || i >= len(c.lists) {
		return
	}
	c.current = i
	cl := c.lists[i]
	l := c.s.l
	c.title.SetText(cl.Name(l))
	c.progress.Show()
	c.updateProgress()
	c.delBtn.Enable()
	c.rows = nil
	c.items.Objects = nil
	for _, it := range cl.Items {
		row := c.newRow(it)
		c.rows = append(c.rows, row)
		meta := widget.NewForm(
			widget.NewFormItem(l.T("risks.item_owner"), row.owner),
			widget.NewFormItem(l.T("risks.item_due"), row.due),
			widget.NewFormItem(l.T("risks.item_evidence"), row.evidence))
		c.items.Add(widget.NewCard("", "", container.NewVBox(container.NewBorder(nil, nil, nil, row.late, row.done), meta)))
	}
	c.items.Refresh()
}

func (c *riskChecklists) newRow(it app.ChecklistItem) *checkRow {
	l := c.s.l
	row := &checkRow{item: it}
	row.done = widget.NewCheck(it.Label(l), nil)
	row.done.SetChecked(it.Done)
	row.done.OnChanged = func(bool) { c.saveRow(row) }
	row.owner = widget.NewEntry()
	row.owner.SetText(it.Owner)
	row.due = widget.NewEntry()
	row.due.SetText(promoDayText(it.Due))
	row.due.PlaceHolder = "YYYY-MM-DD"
	row.due.Validator = dateOrEmptyValidator(l)
	row.evidence = widget.NewEntry()
	row.evidence.SetText(it.Evidence)
	for _, e := range []*widget.Entry{row.owner, row.due, row.evidence} {
		e.OnSubmitted = func(string) { c.saveRow(row) }
	}
	row.late = widget.NewLabel("")
	row.late.Importance = widget.DangerImportance
	c.flagLate(row)
	return row
}

func dateOrEmptyValidator(l *app.Localizer) fyne.StringValidator {
	return localizedValidator(l, func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := promoParseDay(l, s, "risks.item_due")
		return err
	})
}

func (c *riskChecklists) flagLate(row *checkRow) {
	if row.item.Overdue(c.s.env.Now()) {
		row.late.SetText(c.s.l.T("risks.item_overdue"))
	} else {
		row.late.SetText("")
	}
}

// saveRow stores one item as shown; a bad due date is refused and named.
func (c *riskChecklists) saveRow(row *checkRow) {
	it := row.item
	it.Done = row.done.Checked
	it.Owner = strings.TrimSpace(row.owner.Text)
	it.Evidence = strings.TrimSpace(row.evidence.Text)
	it.Due = time.Time{}
	if s := strings.TrimSpace(row.due.Text); s != "" {
		d, err := promoParseDay(c.s.l, s, "risks.item_due")
		if err != nil {
			c.s.ShowError(err)
			return
		}
		it.Due = d
	}
	ws, list := c.s.ws, c.current
	c.s.write(func(ctx context.Context) error {
		return ws.SaveChecklistItem(ctx, it)
	}, func() {
		row.item = it
		c.flagLate(row)
		if list >= 0 && list < len(c.lists) {
			for i := range c.lists[list].Items {
				if c.lists[list].Items[i].ID == it.ID {
					c.lists[list].Items[i] = it
				}
			}
		}
		c.updateProgress()
		c.mine.Refresh()
	})
}

func (c *riskChecklists) updateProgress() {
	if c.current < 0 || c.current >= len(c.lists) {
		return
	}
	done, total := c.lists[c.current].Progress()
	if total > 0 {
		c.progress.SetValue(float64(done) / float64(total))
	}
	c.progress.TextFormatter = func() string { return c.s.l.T("risks.progress", done, total) }
	c.progress.Refresh()
}

func (c *riskChecklists) onDelete() {
	if c.current < 0 || c.current >= len(c.lists) {
		return
	}
	cl, l := c.lists[c.current], c.s.l
	dialog.ShowConfirm(l.T("risks.delete_checklist"), l.T("risks.confirm_delete_checklist", cl.Name(l)), func(ok bool) {
		if !ok {
			return
		}
		ws := c.s.ws
		c.s.write(func(ctx context.Context) error {
			return ws.DeleteChecklist(ctx, cl.ID)
		}, func() {
			c.current = -1
			c.items.Objects = nil
			c.items.Refresh()
			c.progress.Hide()
			c.delBtn.Disable()
			c.title.SetText(l.T("risks.no_checklists"))
			c.mine.UnselectAll()
			c.load(0)
		})
	}, c.s.win)
}
