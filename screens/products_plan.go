package screens

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

// ---------------------------------------------------------------- portfolio

// productPortfolio is the Portfolio tab: the catalogue as a price-band ×
// role matrix, the growth-share (BCG) view and the margin per product.
type productPortfolio struct {
	p                   *products
	matrix, bcg, margin *chart.View
}

func (v *productPortfolio) buildUI() fyne.CanvasObject {
	t := v.p.s.l.T
	v.matrix = chart.NewView(app.Chart{}, t("chart.no_data"))
	v.bcg = chart.NewView(app.Chart{}, t("products.bcg_empty"))
	v.margin = chart.NewView(app.Chart{}, t("products.margin_empty"))
	help := newTextBlock(t("products.portfolio_help"))
	tall := func(c *chart.View) fyne.CanvasObject { return container.New(rsMinHeight(320), c) }
	grid := container.NewGridWithColumns(2, tall(v.matrix), tall(v.bcg), tall(v.margin))
	return newPageScroll(container.NewVBox(help, grid))
}

func (v *productPortfolio) refresh() {
	l := v.p.s.l
	v.matrix.SetChart(app.ProductMatrixChart(l, v.p.all))
	v.bcg.SetChart(app.PortfolioChart(l, app.Portfolio(v.p.all, v.p.sales)))
	v.margin.SetChart(app.MarginChart(l, v.p.quotes))
}

// ---------------------------------------------------------------- pipeline

// productPipeline is the Pipeline tab: products on their way to launch,
// each stage's checklist, and the move to the next stage.
type productPipeline struct {
	p        *products
	chart    *chart.View
	list     *widget.List
	items    []app.Product // the list's rows, in stage order
	box      *fyne.Container
	progress *widget.Label // checklist progress of the product shown
}

func (v *productPipeline) buildUI() fyne.CanvasObject {
	t := v.p.s.l.T
	v.chart = chart.NewView(app.Chart{}, t("products.pipeline_empty"))
	v.list = widget.NewList(func() int { return len(v.items) }, func() fyne.CanvasObject { return newRsRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			pr := v.items[i]
			o.(*rsRow).set(pr.SKU+" · "+v.p.s.l.T("products.pipeline."+pr.Pipeline), pr.Name(v.p.s.l))
		})
	v.list.OnSelected = v.onSelect
	v.box = container.NewVBox(widget.NewLabel(t("products.pipeline_pick")))
	help := newTextBlock(t("products.pipeline_help"))
	left := container.NewBorder(container.NewVBox(help, v.chart), nil, nil, nil, v.list)
	split := container.NewHSplit(left, newPageScroll(v.box))
	split.Offset = 0.45
	return split
}

func (v *productPipeline) refresh() {
	v.items = nil
	for _, st := range app.PipelineStages {
		for _, pr := range v.p.all {
			if pr.Pipeline == st {
				v.items = append(v.items, pr)
			}
		}
	}
	v.chart.SetChart(app.PipelineChart(v.p.s.l, v.p.all))
	v.list.UnselectAll()
	v.list.Refresh()
}

func (v *productPipeline) onSelect(i widget.ListItemID) {
	v.p.edit(v.items[i])
	v.showChecks()
}

// showPipelineChecks shows the current product's stage, every stage's
// checklist and a button to move it on.
func (v *productPipeline) showChecks() {
	l := v.p.s.l
	pr := v.p.current
	if pr.ID == 0 || pr.Pipeline == "" {
		v.box.Objects = []fyne.CanvasObject{widget.NewLabel(l.T("products.pipeline_pick"))}
		v.box.Refresh()
		return
	}
	objs := []fyne.CanvasObject{heading(pr.SKU + "  " + pr.Name(l))}
	v.progress = widget.NewLabel("")
	v.showProgress()
	objs = append(objs, v.progress)
	for _, st := range app.PipelineStages {
		box := container.NewVBox()
		for _, it := range app.PipelineChecks[st] {
			item := st + "." + it
			c := widget.NewCheck(l.T("products.check."+it), nil)
			c.Checked = v.p.checks[item]
			c.OnChanged = func(on bool) { v.p.onCheck(item, on) }
			box.Add(c)
		}
		title := l.T("products.pipeline." + st)
		if st == pr.Pipeline {
			title = "» " + title
		}
		objs = append(objs, widget.NewCard("", title, box))
	}
	if i := rsIndex(app.PipelineStages, pr.Pipeline); i+1 < len(app.PipelineStages) {
		next := app.PipelineStages[i+1]
		objs = append(objs, &widget.Button{Text: l.T("products.move_to", l.T("products.pipeline."+next)), Icon: theme.NavigateNextIcon(),
			Importance: widget.HighImportance, OnTapped: func() { v.moveTo(next) }})
	} else {
		objs = append(objs, &widget.Button{Text: l.T("products.launch"), Icon: theme.ConfirmIcon(),
			Importance: widget.HighImportance, OnTapped: func() { v.moveTo("") }})
	}
	v.box.Objects = objs
	v.box.Refresh()
}

// showProgress counts the ticked items of the current stage and packaging.
func (v *productPipeline) showProgress() {
	if v.progress == nil || v.p.current.Pipeline == "" {
		return
	}
	l := v.p.s.l
	sd, sa, pd, pa := app.CheckProgress(v.p.current, v.timesOfChecks())
	v.progress.SetText(l.T("products.progress", l.T("products.pipeline."+v.p.current.Pipeline), sd, sa, pd, pa))
}

func (v *productPipeline) timesOfChecks() map[string]time.Time {
	out := map[string]time.Time{}
	for k, on := range v.p.checks {
		if on {
			out[k] = time.Time{}
		}
	}
	return out
}

// moveTo puts the current product into stage ("" = launched: it leaves the
// pipeline and is listed).
func (v *productPipeline) moveTo(stage string) {
	pr := v.p.current
	pr.Pipeline = stage
	if stage == "" {
		pr.Status = "listed"
	} else if pr.Status == "idea" && stage != "market_check" {
		pr.Status = "sampling"
	}
	ws := v.p.s.ws
	v.p.s.run(v.p.s.l.T("research.saving"), func(ctx context.Context) error {
		return ws.SaveProduct(ctx, &pr)
	}, func(err error) {
		if err != nil {
			v.p.s.ShowError(err)
			return
		}
		v.p.upsert(pr)
		v.p.edit(pr)
		v.showChecks()
	})
}

// ---------------------------------------------------------------- import / export

func (p *products) onImport() {
	p.s.pickFile([]string{".csv", ".xlsx"}, p.importFile)
}

// importFile reads the file off the UI goroutine behind a progress dialog
// that can be cancelled, then shows what would be imported and the bad
// rows; nothing is stored until the person confirms.
func (p *products) importFile(path string) {
	ws, l := p.s.ws, p.s.l
	// The dialog's Cancel stops the read through read, whose result is then
	// dropped: cancelling is the person's own doing, not an error to show.
	var read latest
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustom(l.T("products.reading", filepath.Base(path)), l.T("products.cancel"), bar, p.s.win)
	prog.SetOnClosed(read.stop)
	prog.Resize(fyne.NewSize(380, 0))
	prog.Show()
	backgroundLatestErr(p.s, &read, func(ctx context.Context) (app.ProductImport, error) {
		return ws.ReadProductFile(ctx, path)
	}, func(imp app.ProductImport, err error) {
		bar.Stop()
		prog.Hide() // calls read.stop, which is harmless once the work is done
		if err != nil {
			p.s.ShowError(err)
			return
		}
		p.confirmImport(filepath.Base(path), imp)
	})
}

// problemText lists bad rows, one per line, in the person's language.
func problemText(l *app.Localizer, probs []app.RowProblem) string {
	var b strings.Builder
	for i, pr := range probs {
		if i == 50 {
			b.WriteString(l.T("products.more_problems", len(probs)-50))
			break
		}
		b.WriteString(l.T("products.row", pr.Row) + "  " + l.Message(pr.Err) + "\n")
	}
	return b.String()
}

func (p *products) confirmImport(name string, imp app.ProductImport) {
	l := p.s.l
	if len(imp.Products) == 0 {
		p.s.message(l.T("products.import"), l.T("products.nothing_to_import", name)+"\n\n"+problemText(l, imp.Problems))
		return
	}
	summary := newTextBlock(l.T("products.import_summary", name, app.Count(len(imp.Products)), app.Count(len(imp.Problems))))
	content := container.NewVBox(summary)
	if len(imp.Problems) > 0 {
		probs := newTextBlock(problemText(l, imp.Problems))
		scroll := newPageScroll(probs)
		scroll.SetMinSize(fyne.NewSize(520, 180))
		content.Add(scroll)
	}
	d := dialog.NewCustomConfirm(l.T("products.import"), l.T("products.import_n", len(imp.Products)), l.T("products.cancel"), content,
		func(ok bool) {
			if ok {
				p.runImport(imp.Products)
			}
		}, p.s.win)
	d.Resize(fyne.NewSize(600, 0))
	d.Show()
}

func (p *products) runImport(ps []app.Product) {
	ws := p.s.ws
	var added, updated int
	var all []app.Product
	p.s.run(p.s.l.T("products.importing"), func(ctx context.Context) error {
		var err error
		if added, updated, err = ws.ImportProducts(ctx, ps); err != nil {
			return err
		}
		all, err = ws.Products(ctx)
		return err
	}, func(err error) {
		if err != nil {
			p.s.ShowError(err)
			return
		}
		p.all = all
		p.applyFilter()
		p.portfolioTab.refresh()
		p.pipelineTab.refresh()
		p.s.message(p.s.l.T("products.import"), p.s.l.T("products.imported", added, updated))
	})
}

func (p *products) onExport() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			p.s.ShowError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // wrote nothing, so touched nothing (see savefile.go)
		if ext := strings.ToLower(filepath.Ext(path)); ext != ".csv" && ext != ".xlsx" {
			path += ".xlsx"
		}
		if err := atomicfile.Check(path, p.s.info.Path); err != nil {
			p.s.ShowError(err)
			return
		}
		p.exportTo(path)
	}, p.s.win)
	d.SetFileName(fmt.Sprintf("%s-%s.xlsx", p.s.l.T("products.export_name"), p.s.env.Now().Format("2006-01-02")))
	showFileDialog(d, p.s.win)
}

func (p *products) exportTo(path string) {
	ws := p.s.ws
	p.s.run(p.s.l.T("products.exporting"), func(ctx context.Context) error {
		return ws.ExportProducts(ctx, path)
	}, func(err error) {
		if err != nil {
			p.s.ShowError(err)
			return
		}
		p.s.message(p.s.l.T("products.export"), p.s.l.T("products.exported", app.Count(len(p.all)), path))
	})
}
