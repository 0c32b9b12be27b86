package screens

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

func init() {
	registerScreen("ads", func(s *Shell) moduleScreen { return newAds(s) })
}

// ads is Advertising and traffic: imported Amazon reports as an overview
// (spend, sales, ACoS, TACoS by week and campaign), the search term table
// with its actions, and the funnel from the Business Report and orders.
type ads struct {
	s *Shell
	d app.AdsView // the last load

	from, to *widget.Entry // the period, YYYY-MM-DD; empty is every day imported
	status   *widget.Label
	loading  *widget.ProgressBarInfinite
	tabs     *container.AppTabs

	ov *adsOverview
	st *adsTerms
	fn *adsFunnel
}

func newAds(s *Shell) *ads { return &ads{s: s} }

func (a *ads) buildUI() fyne.CanvasObject {
	t := a.s.l.T
	head := heading(t("module.ads.title"))
	if a.s.ws == nil {
		return container.NewVBox(head, widget.NewLabel(t("workspace.none_hint")))
	}
	a.from, a.to = widget.NewEntry(), widget.NewEntry()
	a.from.SetPlaceHolder(t("ads.from_hint"))
	a.to.SetPlaceHolder(t("ads.to_hint"))
	a.status = widget.NewLabel("")
	a.status.Truncation = fyne.TextTruncateEllipsis
	a.loading = widget.NewProgressBarInfinite()
	apply := widget.NewButtonWithIcon(t("ads.apply"), theme.ViewRefreshIcon(), a.load)
	imp := widget.NewButtonWithIcon(t("ads.import"), theme.DownloadIcon(), a.onImport)
	period := container.NewHBox(widget.NewLabel(t("ads.period")), container.NewGridWrap(fyne.NewSize(120, a.from.MinSize().Height), a.from),
		widget.NewLabel("–"), container.NewGridWrap(fyne.NewSize(120, a.to.MinSize().Height), a.to), apply)
	bar := container.NewBorder(nil, nil, container.NewHBox(head, period), imp, a.status)
	a.ov, a.st, a.fn = newAdsOverview(a), newAdsTerms(a), newAdsFunnel(a)
	a.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(t("ads.tab_overview"), theme.GridIcon(), a.ov.buildUI()),
		container.NewTabItemWithIcon(t("ads.tab_terms"), theme.SearchIcon(), a.st.buildUI()),
		container.NewTabItemWithIcon(t("ads.tab_funnel"), theme.ListIcon(), a.fn.buildUI()),
	)
	a.load()
	return container.NewBorder(container.NewVBox(bar, a.loading), nil, nil, nil, a.tabs)
}

// filter reads the period fields; a bad date is said in the person's
// language and nothing loads.
func (a *ads) filter() (app.AdsFilter, error) {
	var f app.AdsFilter
	for _, x := range []struct {
		entry *widget.Entry
		into  *time.Time
	}{{a.from, &f.From}, {a.to, &f.To}} {
		text := strings.TrimSpace(x.entry.Text)
		if text == "" {
			continue
		}
		d, err := time.Parse(time.DateOnly, text)
		if err != nil {
			return f, app.Errorf(app.EInvalid, "ads.err.bad_day", text)
		}
		*x.into = d
	}
	return f, nil
}

// load reads the period's data off the UI goroutine and redraws every tab.
func (a *ads) load() {
	f, err := a.filter()
	if err != nil {
		a.s.ShowError(err)
		return
	}
	ws := a.s.ws
	a.loading.Show()
	a.loading.Start()
	background(a.s, func(ctx context.Context) (app.AdsView, error) {
		return app.LoadAds(ctx, ws, f)
	}, func(d app.AdsView) {
		a.loading.Stop()
		a.loading.Hide()
		a.d = d
		a.refresh()
	})
}

func (a *ads) refresh() {
	l := a.s.l
	if a.d.Overview.From.IsZero() && len(a.d.Funnel) == 0 {
		a.status.SetText(l.T("ads.status_empty"))
	} else {
		a.status.SetText(l.T("ads.status", a.d.Overview.From.Format(time.DateOnly), a.d.Overview.To.Format(time.DateOnly),
			len(a.d.Terms), l.T("ads.source."+a.d.Days.Source)))
	}
	a.ov.refresh()
	a.st.refresh()
	a.fn.refresh()
}

// rulesFor is a campaign's saved rules or the defaults.
func (a *ads) rulesFor(campaign string) app.AdsRules {
	return app.RulesLookup(a.d.Rules, app.DefaultAdsRules(), app.AdsRulesOverride{})(campaign)
}

// onImport reads a report the person picks; a Business Report takes the
// period from the From and To fields.
func (a *ads) onImport() {
	a.s.pickFile([]string{".csv", ".txt", ".tsv", ".xlsx"}, a.importPath)
}

func (a *ads) importPath(path string) {
	f, err := a.filter()
	if err != nil {
		a.s.ShowError(err)
		return
	}
	ws, l := a.s.ws, a.s.l
	var res app.AdsImportResult
	a.s.run(l.T("ads.importing"), func(ctx context.Context) (err error) {
		res, err = ws.ImportAdsReport(ctx, app.AdsImportOptions{Path: path, From: f.From, To: f.To})
		return err
	}, func(err error) {
		if err != nil {
			a.s.ShowError(err)
			return
		}
		a.s.message(l.T("module.ads.title"), l.T("ads.imported", l.T("ads.source."+res.Kind), app.Count(res.Rows), app.Count(res.Added), app.Count(res.Replaced), res.From, res.To))
		a.load()
	})
}
