package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// twoLine is a list row of the promotions and risks screens: small meta
// text over a title, the meta in the error colour when it warns.
type twoLine struct {
	widget.BaseWidget
	meta  *canvas.Text
	title *widget.Label
	warn  bool
}

func newTwoLine() *twoLine {
	r := &twoLine{meta: canvas.NewText("", theme.Color(colorNameSecondary)), title: widget.NewLabel("")}
	r.meta.TextSize = theme.CaptionTextSize()
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *twoLine) set(meta, title string, warn bool) {
	r.meta.Text, r.warn = meta, warn
	r.title.SetText(title)
	r.Refresh()
}

// Refresh re-reads the theme colour, which a canvas.Text keeps otherwise.
func (r *twoLine) Refresh() {
	r.meta.Color = theme.Color(colorNameSecondary)
	if r.warn {
		r.meta.Color = theme.Color(theme.ColorNameError)
	}
	r.BaseWidget.Refresh()
}

func (r *twoLine) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(r.meta, r.title))
}

// formula is a wrapped label for a "how was this computed" line.
func formulaLabel(*Shell) *textBlock { return newTextBlock("") }
