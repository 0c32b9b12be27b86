package screens

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
)

// The import flow: choose a file -> preview (background) -> mapping dialog
// when the layout or the date order is unknown -> import with a progress
// bar, rows/s and Cancel -> the report, or the bad rows with "skip them"
// or "abort".

func (c *customers) onImport() {
	c.s.pickFile([]string{".csv", ".tsv", ".txt", ".xlsx"}, c.importPath)
}

// importPath previews path and then imports it, asking for the mapping or
// the date order only when the preview cannot tell.
func (c *customers) importPath(path string) {
	ws := c.s.ws
	// Only the newest file picked is previewed: a slow preview of an earlier
	// pick is cancelled, and its result dropped, rather than opening a
	// second import behind the first.
	backgroundLatest(c.s, &c.previewing, func(ctx context.Context) (app.ImportPreview, error) {
		return ws.PreviewOrders(ctx, app.ImportOptions{Path: path})
	}, func(pv app.ImportPreview) {
		opts := app.ImportOptions{Path: path, Encoding: pv.Encoding, Delimiter: pv.Delimiter, DateOrder: pv.DateOrder,
			Currency: c.fileCurrency.Selected}
		if pv.MappingKnown && !pv.DateAmbiguous {
			c.startImport(opts)
			return
		}
		c.showMapping(opts, pv)
	})
}

// mappingDialog holds the widgets of the column mapping dialog.
type mappingDialog struct {
	c       *customers
	opts    app.ImportOptions
	pv      app.ImportPreview
	selects map[string]*widget.Select
	order   *widget.RadioGroup
	errText *textBlock
	dlg     dialog.Dialog
}

func (c *customers) showMapping(opts app.ImportOptions, pv app.ImportPreview) {
	l := c.s.l
	m := &mappingDialog{c: c, opts: opts, pv: pv, selects: map[string]*widget.Select{}}
	c.mapping = m
	none := l.T("customers.not_mapped")
	choices := append([]string{none}, pv.Header...)
	// Two forms side by side keep the dialog short enough for a laptop.
	forms := [2]*widget.Form{widget.NewForm(), widget.NewForm()}
	for i, f := range app.MappingFields {
		sel := newSelect(choices, nil)
		if col := *pv.Mapping.Field(f); col >= 0 && col < len(pv.Header) {
			sel.SetSelectedIndex(col + 1)
		} else {
			sel.SetSelectedIndex(0)
		}
		m.selects[f] = sel
		forms[i%2].Append(l.T("customers.field."+f), sel)
	}
	form := forms[1]
	m.order = widget.NewRadioGroup([]string{l.T("customers.date_mdy"), l.T("customers.date_dmy")}, nil)
	m.order.Horizontal, m.order.Required = true, true
	switch pv.DateOrder {
	case app.DateMDY:
		m.order.SetSelected(l.T("customers.date_mdy"))
	case app.DateDMY:
		m.order.SetSelected(l.T("customers.date_dmy"))
	}
	form.Append(l.T("customers.date_order"), m.order)
	intro := newTextBlock(l.T("customers.mapping_intro"))
	if pv.MappingKnown && pv.DateAmbiguous {
		intro.SetText(l.T("customers.err.ambiguous_dates"))
	}
	m.errText = importantText("", widget.DangerImportance)
	info := widget.NewLabel(l.T("customers.label_value", l.T("customers.encoding"), pv.Encoding) + " · " + filepath.Base(opts.Path))
	preview := container.NewGridWrap(fyne.NewSize(840, 170), previewTable(pv))
	// The body scrolls: twelve fields, the preview and the date order are
	// taller than a 1200×650 laptop window's dialog.
	body := container.NewVScroll(container.NewVBox(intro, info, widget.NewLabel(l.T("customers.preview")), preview,
		container.NewGridWithColumns(2, forms[0], forms[1]), m.errText))
	m.dlg = dialog.NewCustomConfirm(l.T("customers.mapping_title"), l.T("customers.import_button"), l.T("customers.abort"), body, m.onConfirm, c.s.win)
	size := c.s.win.Canvas().Size()
	m.dlg.Resize(fyne.NewSize(min(900, size.Width*0.95), min(720, size.Height*0.95)))
	m.dlg.Show()
}

// onConfirm checks the mapping; a missing field keeps the dialog open
// with the field named, nothing imported.
func (m *mappingDialog) onConfirm(ok bool) {
	if !ok {
		return
	}
	mp := app.EmptyMapping()
	for f, sel := range m.selects {
		*mp.Field(f) = sel.SelectedIndex() - 1
	}
	if m.pv.MappingKnown {
		mp.Format = m.pv.Mapping.Format
	}
	err := mp.Validate()
	if err == nil && m.order.Selected == "" && m.pv.DateAmbiguous {
		err = app.Errorf(app.EInvalid, "customers.err.ambiguous_dates")
	}
	if err != nil {
		m.errText.SetText(m.c.s.l.Message(err))
		m.dlg.Show() // a confirm dialog hides itself; keep it up to correct
		return
	}
	switch m.order.Selected {
	case m.c.s.l.T("customers.date_mdy"):
		m.opts.DateOrder = app.DateMDY
	case m.c.s.l.T("customers.date_dmy"):
		m.opts.DateOrder = app.DateDMY
	}
	m.opts.Mapping = &mp
	m.c.startImport(m.opts)
}

// previewTable shows the header and the first rows as read.
func previewTable(pv app.ImportPreview) *widget.Table {
	t := &widget.Table{
		Length: func() (int, int) { return len(pv.Rows) + 1, len(pv.Header) },
		CreateCell: func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		UpdateCell: func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			row := pv.Header
			l.TextStyle.Bold = id.Row == 0
			if id.Row > 0 {
				row = pv.Rows[id.Row-1]
			}
			if id.Col < len(row) {
				l.SetText(row[id.Col])
			} else {
				l.SetText("")
			}
		},
	}
	t.ExtendBaseWidget(t)
	for i := range pv.Header {
		t.SetColumnWidth(i, 120)
	}
	return t
}

// startImport runs the import behind a progress dialog with rows, rows/s
// and Cancel. Progress arrives throttled by the importer (every 100 ms).
// Cancel, leaving the module or changing the workspace cancel it; the
// import is one transaction, so a cancelled import leaves nothing behind.
func (c *customers) startImport(opts app.ImportOptions) {
	l, ws := c.s.l, c.s.ws
	name := filepath.Base(opts.Path)
	runProgress(c.s, progressTask[app.ImportResult, app.ImportProgress]{
		title:  l.T("customers.import_progress", name),
		status: l.T("customers.reading", name),
		cancel: l.T("customers.cancel"),
		work: func(ctx context.Context, report func(app.ImportProgress)) (app.ImportResult, error) {
			return ws.ImportOrders(ctx, opts, report)
		},
		show: func(p app.ImportProgress) (float64, string) {
			return p.Fraction(), l.T("customers.progress", app.Count(p.Rows), p.RowsPerSecond())
		},
		done: func(res app.ImportResult, err error) { c.importDone(opts, res, err) },
	})
}

func (c *customers) importDone(opts app.ImportOptions, res app.ImportResult, err error) {
	l := c.s.l
	switch {
	case app.ErrorCode(err) == app.ECanceled:
		c.s.message(l.T("customers.import_title"), l.T("customers.err.canceled"))
	case err != nil && res.SkippedTotal() > 0 && !opts.SkipBad:
		c.showBadRows(opts, res)
	case err != nil:
		c.s.ShowError(err)
	default:
		c.showReport(res)
		c.load()
	}
}

// showReport is the import report, with an Undo button: an import of a
// wrong file is taken back in one step.
func (c *customers) showReport(res app.ImportResult) {
	l := c.s.l
	label := newTextBlock(importReport(l, res))
	body := container.NewVBox(label)
	d := dialog.NewCustom(l.T("customers.report_title"), l.T("button.ok"), body, c.s.win)
	if res.ImportID > 0 && !res.Duplicate {
		id := res.ImportID
		body.Add(widget.NewButton(l.T("customers.undo_import"), func() {
			d.Hide()
			c.undoImport(id)
		}))
	}
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

func (c *customers) undoImport(id int64) {
	ws, l := c.s.ws, c.s.l
	c.s.run(l.T("customers.undo_import"), func(ctx context.Context) error {
		return ws.UndoImport(ctx, id)
	}, func(err error) {
		if err != nil {
			c.s.ShowError(err)
			return
		}
		c.s.message(l.T("customers.undo_import"), l.T("customers.undone"))
		c.load()
	})
}

// importReport is the import report in the person's language.
func importReport(l *app.Localizer, res app.ImportResult) string {
	if res.Duplicate {
		return l.T("customers.duplicate")
	}
	speed := 0.0
	if res.Elapsed > 0 {
		speed = float64(res.RowsRead) / res.Elapsed.Seconds()
	}
	text := l.T("customers.report_text", res.RowsRead, res.Imported, res.SkippedTotal(), res.NoCustomer, res.Customers, speed) +
		"\n" + l.T("customers.report_orders", res.OrdersNew, res.OrdersReplaced, res.OrdersUnchanged)
	for reason, n := range res.Skipped {
		text += fmt.Sprintf("\n  %s: %d", l.T("customers.reason."+reason), n)
	}
	return text
}

// showBadRows lists the rows that could not be read (row, field, value,
// reason) and lets the person skip them or abort; nothing is imported yet.
func (c *customers) showBadRows(opts app.ImportOptions, res app.ImportResult) {
	l := c.s.l
	var b strings.Builder
	for _, br := range res.BadRows {
		field := ""
		if br.Field != "" {
			field = l.T("customers.field."+br.Field) + " "
		}
		fmt.Fprintf(&b, "%s %d: %s“%s” — %s\n", l.T("customers.col.row"), br.Row, field, br.Value, l.T("customers.reason."+br.Reason))
	}
	if res.SkippedTotal() > len(res.BadRows) {
		fmt.Fprintf(&b, "… +%d\n", res.SkippedTotal()-len(res.BadRows))
	}
	msg := newTextBlock(l.T("customers.err.bad_rows", app.Count(res.SkippedTotal())))
	list := newTextBlock(b.String())
	body := container.NewBorder(msg, nil, nil, nil, newPageScroll(list))
	d := dialog.NewCustomConfirm(l.T("customers.bad_rows_title"), l.T("customers.skip_import"), l.T("customers.abort"), body, func(skip bool) {
		if skip {
			opts.SkipBad = true
			c.startImport(opts)
		}
	}, c.s.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

// onExport saves the customers on screen (a tier or segment through the
// filter) as CSV or XLSX, chosen by the file name.
func (c *customers) onExport() {
	rows := c.exportRows()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			c.s.ShowError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // wrote nothing, so touched nothing (see savefile.go)
		if err := atomicfile.Check(path, c.s.info.Path); err != nil {
			c.s.ShowError(err)
			return
		}
		c.exportTo(path, rows, c.preds)
	}, c.s.win)
	name := "customers"
	if sel := c.filter.SelectedIndex(); sel >= 1 && sel <= len(app.Tiers) {
		name += "-" + string(app.Tiers[sel-1])
	} else if sel > len(app.Tiers) {
		name += "-" + app.Segments[sel-1-len(app.Tiers)].Key()
	}
	d.SetFileName(name + "-" + c.s.env.Now().Format("2006-01-02") + ".xlsx")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv"}))
	showFileDialog(d, c.s.win)
}

// exportTo writes rows, with the prediction columns once the model has
// been fitted in the Prediction tab.
func (c *customers) exportTo(path string, rows []app.CustomerScore, preds map[string]app.CustomerCLV) {
	ws, l := c.s.ws, c.s.l
	c.s.run(l.T("customers.export_title"), func(ctx context.Context) error {
		return ws.ExportCustomers(ctx, path, rows, preds)
	}, func(err error) {
		if err != nil {
			c.s.ShowError(err)
			return
		}
		c.s.message(l.T("customers.export_title"), l.T("customers.exported", app.Count(len(rows)), path))
	})
}
