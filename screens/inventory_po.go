package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
)

// invPO is the purchase-order draft: the SKUs to reorder with their
// quantities rounded up to whole cartons, exportable as CSV or XLSX.
type invPO struct {
	v *inventory

	lines  []app.PurchaseLine
	list   *widget.Table
	total  *textBlock
	export *widget.Button
}

// poCols are the draft's columns as shown; titles are inventory.po.<name>.
var poCols = []string{"supplier", "sku", "name", "reorder_qty", "carton_units", "cartons", "order_qty"}

func newInvPO(v *inventory) *invPO { return &invPO{v: v} }

func (po *invPO) buildUI() fyne.CanvasObject {
	t := po.v.s.l.T
	po.total = newTextBlock("")
	po.export = widget.NewButtonWithIcon(t("inventory.po_export"), theme.DownloadIcon(), po.onExport)
	po.export.Disable()
	po.list = &widget.Table{
		Length:     func() (int, int) { return len(po.lines), len(poCols) },
		CreateCell: newCellLabel,
		UpdateCell: func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(po.lines) {
				o.(*widget.Label).SetText(po.lines[id.Row].Record()[id.Col])
			}
		},
		CreateHeader: func() fyne.CanvasObject { return widget.NewLabel("") },
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(t("inventory.po." + poCols[id.Col]))
		},
		ShowHeaderRow: true,
	}
	po.list.ExtendBaseWidget(po.list)
	for i, w := range []float32{230, 110, 230, 90, 90, 80, 90} {
		po.list.SetColumnWidth(i, w)
	}
	how := newTextBlock(t("inventory.po_how"))
	return container.NewBorder(container.NewVBox(how, container.NewBorder(nil, nil, nil, po.export, po.total)), nil, nil, nil, po.list)
}

func (po *invPO) fill() {
	p := po.v.plan
	po.lines = app.PurchaseOrder(p.rows, p.products, p.cartons)
	var units int64
	for _, l := range po.lines {
		units += l.Quantity
	}
	po.total.SetText(po.v.s.l.T("inventory.po_total", app.Count(len(po.lines)), format.Int(units)))
	if len(po.lines) > 0 {
		po.export.Enable()
	} else {
		po.export.Disable()
	}
	po.list.Refresh()
}

func (po *invPO) onExport() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			po.v.s.ShowError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		po.exportTo(path)
	}, po.v.s.win)
	d.SetFileName("purchase-order-" + po.v.s.env.Now().Format("2006-01-02") + ".xlsx")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv"}))
	showFileDialog(d, po.v.s.win)
}

// exportTo writes the draft on screen to path (XLSX or CSV by extension).
func (po *invPO) exportTo(path string) {
	ws, l, lines := po.v.s.ws, po.v.s.l, po.lines
	po.v.s.run(l.T("inventory.po_export"), func(ctx context.Context) error {
		return ws.ExportPurchaseOrder(ctx, path, lines)
	}, func(err error) {
		if err != nil {
			po.v.s.ShowError(err)
			return
		}
		po.v.s.message(l.T("inventory.po_export"), l.T("inventory.po_saved", app.Count(len(lines)), path))
	})
}
