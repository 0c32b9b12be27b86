package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app/format"
)

// textBlock is a paragraph that wraps to its width where Chinese and Latin
// text may break (format.Wrap): by character in Chinese, never inside a
// number or a word, never before "。". Fyne's own wrapping either breaks
// only at spaces or anywhere (see app/format). Its minimum width is a few
// characters, so a paragraph never holds the window wider than the person
// made it; its minimum height follows the width it was given, and Fyne's
// canvas re-lays out the parent when that changes.
type textBlock struct {
	widget.BaseWidget
	text  string
	label *widget.Label // no wrapping of its own: the lines come broken
	width float32       // the width the lines were broken for
}

// newTextBlock makes a wrapped paragraph of text.
func newTextBlock(text string) *textBlock {
	t := &textBlock{text: text, label: widget.NewLabel(text), width: -1}
	t.ExtendBaseWidget(t)
	return t
}

// SetText replaces the paragraph.
func (t *textBlock) SetText(text string) {
	t.text, t.width = text, -1
	t.rewrap(t.Size().Width)
}

// Text is the paragraph as given, without the line breaks added to fit.
func (t *textBlock) Text() string { return t.text }

// Resize breaks the lines again when the width changes.
func (t *textBlock) Resize(s fyne.Size) {
	t.rewrap(s.Width)
	t.BaseWidget.Resize(s)
}

func (t *textBlock) rewrap(width float32) {
	if width == t.width {
		return
	}
	t.width = width
	pad := t.Theme().Size(theme.SizeNameInnerPadding) * 2
	style, size := t.label.TextStyle, t.Theme().Size(theme.SizeNameText)
	measure := func(s string) float32 { return fyne.MeasureText(s, size, style).Width }
	lines := format.Wrap(t.text, width-pad, measure)
	if width <= 0 {
		lines = []string{t.text} // not laid out yet: one line per paragraph
	}
	t.label.SetText(strings.Join(lines, "\n"))
}

func (t *textBlock) CreateRenderer() fyne.WidgetRenderer {
	return &textBlockRenderer{t: t}
}

type textBlockRenderer struct{ t *textBlock }

func (r *textBlockRenderer) Layout(s fyne.Size) { r.t.label.Resize(s) }

// MinSize is the label's height for the current lines and the width of a
// few characters: enough to read, never enough to widen a window.
func (r *textBlockRenderer) MinSize() fyne.Size {
	m := r.t.label.MinSize()
	narrow := fyne.MeasureText("国国国国", r.t.Theme().Size(theme.SizeNameText), r.t.label.TextStyle).Width +
		r.t.Theme().Size(theme.SizeNameInnerPadding)*2
	if m.Width > narrow {
		m.Width = narrow
	}
	return m
}

func (r *textBlockRenderer) Refresh()                     { r.t.label.Refresh() }
func (r *textBlockRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.label} }
func (r *textBlockRenderer) Destroy()                     {}
