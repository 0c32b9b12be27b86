package screens

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// invEntry is the Shipments and stock tab: the shipments on their way (mark
// received, delete), a form to add one, and a form to set one SKU's stock in
// one warehouse by hand, as an import would.
type invEntry struct {
	v *inventory

	list     *widget.List
	selected int
	received *widget.Button
	remove   *widget.Button

	shipSKU, shipWarehouse, shipQty, shipped, arrives *widget.Entry
	channel                                           *widget.Select

	stockSKU, stockWarehouse, onHand, inbound *widget.Entry
	addShip, saveStock                        *widget.Button
}

func newInvEntry(v *inventory) *invEntry { return &invEntry{v: v, selected: -1} }

func (e *invEntry) buildUI() fyne.CanvasObject {
	t := e.v.s.l.T
	e.list = widget.NewList(func() int { return len(e.v.plan.shipments) },
		newCellLabel,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(e.v.plan.shipments) {
				o.(*widget.Label).SetText(e.shipmentText(e.v.plan.shipments[i]))
			}
		})
	e.list.OnSelected = func(i widget.ListItemID) {
		e.selected = i
		e.received.Enable()
		e.remove.Enable()
	}
	e.received = widget.NewButtonWithIcon(t("inventory.ship_received"), theme.ConfirmIcon(), e.onReceived)
	e.remove = widget.NewButtonWithIcon(t("inventory.ship_delete"), theme.DeleteIcon(), e.onDelete)
	e.received.Disable()
	e.remove.Disable()

	today := e.v.s.env.Now().Format(time.DateOnly)
	entry := func(placeholder, text string) *widget.Entry {
		w := widget.NewEntry()
		w.SetPlaceHolder(placeholder)
		w.SetText(text)
		return w
	}
	e.shipSKU, e.shipWarehouse, e.shipQty = entry("SKU", ""), entry(t("inventory.warehouse"), ""), entry(t("inventory.quantity"), "")
	e.shipped, e.arrives = entry("YYYY-MM-DD", today), entry("YYYY-MM-DD", "")
	e.channel = newSelect(nil, nil)
	shipForm := widget.NewForm(
		widget.NewFormItem("SKU", e.shipSKU),
		widget.NewFormItem(t("inventory.warehouse"), e.shipWarehouse),
		widget.NewFormItem(t("inventory.quantity"), e.shipQty),
		widget.NewFormItem(t("inventory.channel"), e.channel),
		widget.NewFormItem(t("inventory.shipped_on"), e.shipped),
		widget.NewFormItem(t("inventory.arrives_on"), e.arrives),
	)
	e.addShip = widget.NewButtonWithIcon(t("inventory.ship_add"), theme.ContentAddIcon(), e.onAddShipment)

	e.stockSKU, e.stockWarehouse = entry("SKU", ""), entry(t("inventory.warehouse"), "")
	e.onHand, e.inbound = entry(t("inventory.col.on_hand"), "0"), entry(t("inventory.col.inbound"), "0")
	stockForm := widget.NewForm(
		widget.NewFormItem("SKU", e.stockSKU),
		widget.NewFormItem(t("inventory.warehouse"), e.stockWarehouse),
		widget.NewFormItem(t("inventory.col.on_hand"), e.onHand),
		widget.NewFormItem(t("inventory.col.inbound"), e.inbound),
	)
	e.saveStock = widget.NewButtonWithIcon(t("inventory.stock_save"), theme.DocumentSaveIcon(), e.onSaveStock)

	shipHow := newTextBlock(t("inventory.ship_how"))
	left := container.NewBorder(container.NewVBox(heading(t("inventory.ships_title")), shipHow),
		container.NewHBox(e.received, e.remove), nil, nil, e.list)
	right := newPageScroll(container.NewVBox(
		widget.NewCard("", t("inventory.ship_add"), container.NewVBox(shipForm, e.addShip)),
		widget.NewCard("", t("inventory.stock_title"), container.NewVBox(stockForm, e.saveStock))))
	split := container.NewHSplit(left, right)
	split.Offset = 0.55
	return split
}

// fill shows a newly loaded plan's shipments and channels.
func (e *invEntry) fill() {
	var names []string
	for _, c := range e.v.plan.channels {
		names = append(names, c.Name)
	}
	e.channel.SetOptions(names)
	e.selected = -1
	e.list.UnselectAll()
	e.received.Disable()
	e.remove.Disable()
	e.list.Refresh()
}

func (e *invEntry) shipmentText(s app.InboundShipment) string {
	channel := ""
	for _, c := range e.v.plan.channels {
		if c.ID == s.ChannelID {
			channel = c.Name
		}
	}
	return e.v.s.l.T("inventory.ship_line", s.SKU, strconv.FormatInt(s.Quantity, 10), s.ArrivesOn.Format(time.DateOnly), s.Warehouse,
		channel, s.ShippedOn.Format(time.DateOnly))
}

// parseShipment reads the shipment form; an unusable field is named.
func (e *invEntry) parseShipment() (app.InboundShipment, error) {
	s := app.InboundShipment{SKU: strings.TrimSpace(e.shipSKU.Text), Warehouse: strings.TrimSpace(e.shipWarehouse.Text)}
	q, err := strconv.ParseInt(strings.TrimSpace(e.shipQty.Text), 10, 64)
	if err != nil {
		return s, app.Errorf(app.EInvalid, "inventory.err.bad_whole", e.v.s.l.T("inventory.quantity"), e.shipQty.Text)
	}
	s.Quantity = q
	for _, f := range []struct {
		entry *widget.Entry
		dst   *time.Time
		key   string
	}{{e.shipped, &s.ShippedOn, "inventory.shipped_on"}, {e.arrives, &s.ArrivesOn, "inventory.arrives_on"}} {
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(f.entry.Text))
		if err != nil {
			return s, app.Errorf(app.EInvalid, "inventory.err.bad_date", e.v.s.l.T(f.key), f.entry.Text)
		}
		*f.dst = d
	}
	if i := e.channel.SelectedIndex(); i >= 0 && i < len(e.v.plan.channels) {
		s.ChannelID = e.v.plan.channels[i].ID
	}
	return s, s.Validate()
}

func (e *invEntry) onAddShipment() {
	s, err := e.parseShipment()
	if err != nil {
		e.v.s.ShowError(err)
		return
	}
	ws := e.v.s.ws
	e.v.s.write(func(ctx context.Context) error {
		_, err := ws.SaveShipment(ctx, s)
		return err
	}, func() {
		e.shipQty.SetText("")
		e.arrives.SetText("")
		e.v.load()
	})
}

func (e *invEntry) current() (app.InboundShipment, bool) {
	if e.selected < 0 || e.selected >= len(e.v.plan.shipments) {
		return app.InboundShipment{}, false
	}
	return e.v.plan.shipments[e.selected], true
}

func (e *invEntry) onReceived() {
	s, ok := e.current()
	if !ok {
		return
	}
	s.Received = true
	ws := e.v.s.ws
	e.v.s.write(func(ctx context.Context) error {
		_, err := ws.SaveShipment(ctx, s)
		return err
	}, e.v.load)
}

func (e *invEntry) onDelete() {
	s, ok := e.current()
	if !ok {
		return
	}
	ws := e.v.s.ws
	e.v.s.write(func(ctx context.Context) error { return ws.DeleteShipment(ctx, s.ID) }, e.v.load)
}

func (e *invEntry) onSaveStock() {
	l := e.v.s.l
	level := app.StockLevel{SKU: strings.TrimSpace(e.stockSKU.Text), Warehouse: strings.TrimSpace(e.stockWarehouse.Text)}
	for _, f := range []struct {
		entry *widget.Entry
		dst   *int64
		key   string
	}{{e.onHand, &level.OnHand, "inventory.col.on_hand"}, {e.inbound, &level.Inbound, "inventory.col.inbound"}} {
		q, err := strconv.ParseInt(strings.TrimSpace(f.entry.Text), 10, 64)
		if err != nil || q < 0 {
			e.v.s.ShowError(app.Errorf(app.EInvalid, "inventory.err.bad_whole", l.T(f.key), f.entry.Text))
			return
		}
		*f.dst = q
	}
	ws := e.v.s.ws
	e.v.s.write(func(ctx context.Context) error { return ws.SaveStockLevel(ctx, level) }, e.v.load)
}
