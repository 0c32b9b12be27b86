package screens

import (
	"context"
	"io"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

func init() {
	registerScreen("care", func(s *Shell) moduleScreen { return newCare(s) })
}

// care is customer care: service cases with business-hour deadlines and
// template replies, customer cards with their timeline and follow-ups, the
// service KPIs, and the shop's hours and response targets.
type care struct {
	s *Shell

	// loaded together by load
	cases     []app.Case
	contacts  []app.Contact
	templates []app.Template
	bh        app.BusinessHours
	targets   app.Targets
	platforms []string
	scores    map[string]app.CustomerScore // customers with a card, by id
	scoredFor map[string]bool              // the card ids scores were computed for

	counts  *widget.Label
	loading *widget.ProgressBarInfinite
	tabs    *container.AppTabs

	cs *careCases
	ct *careContacts
	st *careSettings
	kp *careKPIs
}

func newCare(s *Shell) *care {
	return &care{s: s, bh: app.DefaultBusinessHours(), targets: app.Targets{}}
}

func (c *care) buildUI() fyne.CanvasObject {
	t := c.s.l.T
	head := heading(t("module.care.title"))
	if c.s.ws == nil {
		return container.NewVBox(head, widget.NewLabel(t("workspace.none_hint")))
	}
	c.counts = widget.NewLabel("")
	c.loading = widget.NewProgressBarInfinite()
	c.cs = newCareCases(c)
	c.ct = newCareContacts(c)
	c.st = newCareSettings(c)
	c.kp = newCareKPIs(c)
	c.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(t("care.tab_cases"), theme.MailComposeIcon(), c.cs.buildUI()),
		container.NewTabItemWithIcon(t("care.tab_customers"), theme.AccountIcon(), c.ct.buildUI()),
		container.NewTabItemWithIcon(t("care.tab_kpis"), theme.GridIcon(), c.kp.buildUI()),
		container.NewTabItemWithIcon(t("care.tab_settings"), theme.SettingsIcon(), c.st.buildUI()),
	)
	focus := c.s.takeCareFocus()
	if focus != "" {
		c.tabs.SelectIndex(1)
	}
	c.load(0, focus)
	return container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, head, c.counts), c.loading), nil, nil, nil, c.tabs)
}

// careData is what one load reads.
type careData struct {
	cases     []app.Case
	contacts  []app.Contact
	templates []app.Template
	bh        app.BusinessHours
	targets   app.Targets
	platforms []string
	scores    map[string]app.CustomerScore
	scoredFor map[string]bool
}

// readCare reads the care data. Tiers depend on the orders, not on care, so
// the previous scores are kept unless a card was added since they were
// computed (scoredFor).
func readCare(ctx context.Context, ws app.Workspace, scores map[string]app.CustomerScore, scoredFor map[string]bool) (careData, error) {
	var d careData
	var err error
	if d.cases, err = ws.Cases(ctx, app.CareFilter{}); err != nil {
		return d, err
	}
	if d.contacts, err = ws.Contacts(ctx); err != nil {
		return d, err
	}
	if d.templates, err = ws.Templates(ctx); err != nil {
		return d, err
	}
	if d.bh, err = ws.BusinessHours(ctx); err != nil {
		return d, err
	}
	if d.targets, err = ws.Targets(ctx); err != nil {
		return d, err
	}
	ps, err := ws.Platforms(ctx)
	if err != nil {
		return d, err
	}
	for _, p := range ps {
		d.platforms = append(d.platforms, p.Name)
	}
	fresh := scores != nil
	for _, ct := range d.contacts {
		fresh = fresh && scoredFor[ct.CustomerID]
	}
	if fresh {
		d.scores, d.scoredFor = scores, scoredFor
		return d, nil
	}
	stats, err := ws.CustomerStats(ctx)
	if err != nil {
		return d, err
	}
	// Tiers need every customer's figures (scores are quintiles), but the
	// screen keeps only the customers who have a card.
	d.scoredFor = map[string]bool{}
	for _, ct := range d.contacts {
		d.scoredFor[ct.CustomerID] = true
	}
	d.scores = map[string]app.CustomerScore{}
	for _, sc := range app.ScoreCustomers(stats, time.Time{}).Scored {
		if d.scoredFor[sc.ID] {
			d.scores[sc.ID] = sc
		}
	}
	return d, nil
}

// load reads everything off the UI goroutine, then selects case caseID or
// the customer customerID when given.
func (c *care) load(caseID int64, customerID string) {
	ws, scores, scoredFor := c.s.ws, c.scores, c.scoredFor
	c.loading.Show()
	c.loading.Start()
	backgroundErr(c.s, func(ctx context.Context) (careData, error) {
		return readCare(ctx, ws, scores, scoredFor)
	}, func(d careData, err error) {
		c.loading.Stop()
		c.loading.Hide()
		if err != nil {
			c.s.ShowError(err)
			return
		}
		c.cases, c.contacts, c.templates, c.bh, c.targets, c.platforms, c.scores, c.scoredFor =
			d.cases, d.contacts, d.templates, d.bh, d.targets, d.platforms, d.scores, d.scoredFor
		c.refresh()
		c.cs.selectCase(caseID)
		c.ct.selectContact(customerID)
	})
}

func (c *care) refresh() {
	now := c.s.env.Now()
	k := app.KPIsOf(c.cases, c.bh, c.targets, now)
	c.counts.SetText(c.s.l.T("care.counts", app.Count(k.Open), app.Count(k.OpenLate), app.Count(len(c.contacts))))
	c.cs.refresh()
	c.ct.refresh()
	c.st.fill()
	c.kp.refresh()
}

func (c *care) contact(id string) (app.Contact, bool) {
	for _, ct := range c.contacts {
		if ct.CustomerID == id {
			return ct, true
		}
	}
	return app.Contact{}, false
}

// contactLabel is how a customer is named in lists and selects.
func contactLabel(ct app.Contact) string {
	if ct.Name == "" {
		return ct.CustomerID
	}
	return ct.CustomerID + " · " + ct.Name
}

// shopZone is the zone the shop works in, for times typed on screen.
func (c *care) shopZone() string {
	if c.bh.Zone == "" {
		return "UTC"
	}
	return c.bh.Zone
}

// zoneChoices are the zones offered in time-zone fields: the shop's, the
// contacts', and the demo markets'.
func (c *care) zoneChoices() []string {
	seen := map[string]bool{}
	var out []string
	add := func(z string) {
		if z != "" && !seen[z] {
			seen[z] = true
			out = append(out, z)
		}
	}
	add(c.shopZone())
	for _, z := range []string{"UTC", "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Berlin",
		"Europe/Paris", "Asia/Tokyo", "Asia/Shanghai"} {
		add(z)
	}
	for _, ct := range c.contacts {
		add(ct.TimeZone)
	}
	sort.Strings(out[1:])
	return out
}

const careTimeLayout = "2006-01-02 15:04"

// parseCareTime reads a time typed in zone; empty is the zero time.
func parseCareTime(field, text, zone string) (time.Time, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return time.Time{}, nil
	}
	loc, err := app.LoadZone(zone)
	if err != nil {
		return time.Time{}, err
	}
	t, err := time.ParseInLocation(careTimeLayout, text, loc)
	if err != nil {
		return time.Time{}, app.Errorf(app.EInvalid, "care.err_time_field", field, text)
	}
	return t.UTC(), nil
}

func formatCareTime(t time.Time, zone string) string {
	if t.IsZero() {
		return ""
	}
	loc, err := app.LoadZone(zone)
	if err != nil {
		loc = time.UTC
	}
	return t.In(loc).Format(careTimeLayout)
}

// careKPIs is the KPI tab: the summary line and the charts, over a period.
type careKPIs struct {
	c      *care
	period *widget.Select
	line   *textBlock
	orders []app.NamedValue // orders by country in the period
	views  []*chart.View
}

var carePeriods = []int{30, 90, 365}

func newCareKPIs(c *care) *careKPIs { return &careKPIs{c: c} }

func (k *careKPIs) buildUI() fyne.CanvasObject {
	l := k.c.s.l
	var opts []string
	for _, d := range carePeriods {
		opts = append(opts, l.T("care.last_days", d))
	}
	k.period = newSelect(opts, func(string) { k.loadOrders() })
	k.line = formulaLabel(k.c.s)
	grid := newChartGrid()
	for range 8 {
		v := chart.NewView(app.Chart{}, l.T("chart.no_data"))
		k.views = append(k.views, v)
		grid.Add(v)
	}
	k.period.SetSelectedIndex(0)
	imp := widget.NewButtonWithIcon(l.T("care.import_feedback"), theme.DownloadIcon(), k.onImport)
	bar := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(l.T("care.period")), fitChoices(k.period)), imp)
	return container.NewBorder(container.NewVBox(bar, k.line), nil, nil, nil, newPageScroll(grid))
}

// onImport reads CSAT/NPS answers from a CSV file (case_id, csat, nps,
// reason), e.g. a survey tool's export.
func (k *careKPIs) onImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			k.c.s.ShowError(err)
			return
		}
		if r == nil {
			return
		}
		k.importFrom(r, r.URI().Name())
	}, k.c.s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt"}))
	showFileDialog(d, k.c.s.win)
}

// importFrom parses and stores the answers off the UI goroutine; a bad row
// or an unknown case stores nothing.
func (k *careKPIs) importFrom(r io.ReadCloser, name string) {
	ws, l := k.c.s.ws, k.c.s.l
	var n int
	k.c.s.write(func(ctx context.Context) error {
		defer r.Close()
		rows, err := app.ParseFeedbackCSV(r)
		if err != nil {
			return err
		}
		n = len(rows)
		return ws.SaveFeedback(ctx, rows)
	}, func() {
		k.c.s.message(l.T("module.care.title"), l.T("care.feedback_imported", app.Count(n), name))
		k.c.load(0, "")
	})
}

func (k *careKPIs) from() time.Time {
	i := max(0, k.period.SelectedIndex())
	return k.c.s.env.Now().AddDate(0, 0, -carePeriods[i])
}

// loadOrders reads the orders of the period by country (a scan of order
// lines) in the background, then redraws.
func (k *careKPIs) loadOrders() {
	if k.line == nil {
		return
	}
	ws, from, to := k.c.s.ws, k.from(), k.c.s.env.Now()
	background(k.c.s, func(ctx context.Context) ([]app.NamedValue, error) {
		return ws.OrdersByCountry(ctx, from, to)
	}, func(orders []app.NamedValue) {
		k.orders = orders
		k.refresh()
	})
}

func (k *careKPIs) refresh() {
	if k.line == nil {
		return
	}
	c, l, now := k.c, k.c.s.l, k.c.s.env.Now()
	from := k.from()
	var cases []app.Case
	for _, x := range c.cases {
		if !x.Opened.Before(from) {
			cases = append(cases, x)
		}
	}
	tiers := map[string]app.Tier{}
	for id, sc := range c.scores {
		tiers[id] = sc.Tier
	}
	charts := app.CareCharts(l, app.CareChartInput{Cases: cases, Hours: c.bh, Targets: c.targets, Orders: k.orders, Tiers: tiers, Now: now})
	for i, ch := range charts {
		if i < len(k.views) {
			k.views[i].SetChart(ch)
		}
	}
	k.line.SetText(app.KPIText(l, app.KPIsOf(cases, c.bh, c.targets, now)))
}
