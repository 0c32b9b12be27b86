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
	registerScreen("inventory", func(s *Shell) moduleScreen { return newInventory(s) })
}

// inventory is stock and replenishment: the plan per SKU (stock table with
// the projection of the one selected), and the purchase-order draft. Both
// tabs show one plan, computed by app's rules from one load.
type inventory struct {
	s *Shell

	plan invPlan

	counts  *widget.Label
	loading *widget.ProgressBarInfinite
	stock   *invStock
	po      *invPO
	entry   *invEntry
	storage *invStorage
}

// invPlan is what one load reads and computes.
type invPlan struct {
	opts      app.ReplenishOptions
	rows      []app.ReplenishRow
	inputs    map[string]app.ReplenishInput // by SKU, for the sea-or-air what-if
	channels  []app.LogisticsChannel
	shipments []app.InboundShipment
	products  map[string]app.Product
	cartons   map[string]int64
	// storage is the storage cost and stock age per stocked SKU over the
	// same window and as-of day, with the fee table.
	storage app.StorageView
}

func newInventory(s *Shell) *inventory { return &inventory{s: s} }

func (v *inventory) buildUI() fyne.CanvasObject {
	t := v.s.l.T
	head := heading(t("module.inventory.title"))
	if v.s.ws == nil {
		return container.NewVBox(head, widget.NewLabel(t("workspace.none_hint")))
	}
	v.counts = widget.NewLabel("")
	v.loading = widget.NewProgressBarInfinite()
	v.stock = newInvStock(v)
	v.po = newInvPO(v)
	v.entry = newInvEntry(v)
	v.storage = newInvStorage(v)
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(t("inventory.tab_stock"), theme.ListIcon(), v.stock.buildUI()),
		container.NewTabItemWithIcon(t("inventory.tab_po"), theme.DocumentIcon(), v.po.buildUI()),
		container.NewTabItemWithIcon(t("inventory.tab_entry"), theme.MailSendIcon(), v.entry.buildUI()),
		container.NewTabItemWithIcon(t("storage.tab"), theme.StorageIcon(), v.storage.buildUI()),
		container.NewTabItemWithIcon(t("storage.tab_fees"), theme.SettingsIcon(), v.storage.buildFeesUI()),
	)
	importBtn := widget.NewButtonWithIcon(t("inventory.import"), theme.UploadIcon(), v.onImport)
	v.load()
	top := container.NewBorder(nil, nil, head, container.NewHBox(v.counts, importBtn))
	return container.NewBorder(container.NewVBox(top, v.loading), nil, nil, nil, tabs)
}

// readPlan reads the workspace and applies the replenishment rules with the
// command's defaults as of today.
func readPlan(ctx context.Context, ws app.Workspace, now time.Time) (invPlan, error) {
	p := invPlan{opts: app.DefaultReplenishOptions(now)}
	ins, err := ws.ReplenishInputs(ctx, p.opts)
	if err != nil {
		return p, err
	}
	p.rows = app.ReplenishAll(ins, p.opts)
	p.inputs = make(map[string]app.ReplenishInput, len(ins))
	for _, in := range ins {
		p.inputs[in.SKU] = in
	}
	if p.channels, err = ws.Channels(ctx); err != nil {
		return p, err
	}
	if p.shipments, err = ws.OpenShipments(ctx); err != nil {
		return p, err
	}
	if p.cartons, err = ws.CartonUnits(ctx); err != nil {
		return p, err
	}
	products, err := ws.Products(ctx)
	if err != nil {
		return p, err
	}
	p.products = map[string]app.Product{}
	for _, pr := range products {
		p.products[pr.SKU] = pr
	}
	p.storage, err = app.LoadStorage(ctx, ws, app.StorageOptions{AsOf: p.opts.AsOf, WindowDays: p.opts.WindowDays})
	return p, err
}

func (v *inventory) load() {
	ws, now := v.s.ws, v.s.env.Now()
	v.loading.Show()
	v.loading.Start()
	background(v.s, func(ctx context.Context) (invPlan, error) {
		return readPlan(ctx, ws, now)
	}, func(p invPlan) {
		v.loading.Stop()
		v.loading.Hide()
		v.plan = p
		reorder := 0
		for _, r := range p.rows {
			if r.Status == app.StatusReorder {
				reorder++
			}
		}
		v.counts.SetText(v.s.l.T("inventory.counts", app.Count(len(p.rows)), app.Count(reorder), p.opts.AsOf.Format(time.DateOnly)))
		v.stock.fill()
		v.po.fill()
		v.entry.fill()
		v.storage.fill()
	})
}

// onImport reads a stock file (Amazon's Manage FBA Inventory report or
// sku, warehouse, on_hand, inbound) and reloads the plan.
func (v *inventory) onImport() {
	v.s.pickFile([]string{".txt", ".tsv", ".csv", ".xlsx"}, v.importFrom)
}

func (v *inventory) importFrom(path string) {
	ws, l := v.s.ws, v.s.l
	var res app.StockImportResult
	v.s.run(l.T("inventory.import"), func(ctx context.Context) (err error) {
		res, err = ws.ImportStock(ctx, app.StockImportOptions{Path: path})
		return err
	}, func(err error) {
		if err != nil {
			var lines []string
			for i, b := range res.BadRows {
				if i == 10 {
					lines = append(lines, "…")
					break
				}
				lines = append(lines, l.T("inventory.bad_row", b.Row, b.Field, b.Value, l.T("inventory.reason."+b.Reason)))
			}
			v.s.message(l.T("inventory.import_failed"), l.Message(err)+"\n"+strings.Join(lines, "\n"))
			return
		}
		v.s.message(l.T("inventory.import"), l.T("inventory.imported", res.Imported, l.T("inventory.format."+res.Format)))
		v.load()
	})
}
