package screens

import (
	"image/color"
	"weak"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Layout helpers that keep every view inside a laptop window (1200×650): a
// window grows to its content's minimum size, so nothing on screen may ask
// for more than that; what is longer wraps, reflows or scrolls.

// appendHinted appends item to form with hint shown under its input as a
// wrapped caption. Fyne draws a FormItem's HintText as one line of text, as
// wide as the hint, so a sentence of help held the whole window wider than
// the screen; the caption wraps to the input's width. An input with a
// validator keeps it: the form still checks the field and shows its error.
func appendHinted(form *widget.Form, item *widget.FormItem, hint string) {
	e, _ := item.Widget.(*widget.Entry)
	appendHintedFor(form, item, e, hint)
}

// appendHintedFor is appendHinted for an input whose entry sits inside a
// larger widget (an entry with a button beside it): the caption goes under
// the whole widget and the entry's validation is kept.
func appendHintedFor(form *widget.Form, item *widget.FormItem, e *widget.Entry, hint string) {
	if e != nil && hint != "" {
		item.Widget = newHintedEntry(item.Widget, e, hint)
	}
	form.AppendItem(item)
}

// hintedEntry is an entry with a wrapped caption under it, standing in for
// the entry in a form: it validates as the entry does.
type hintedEntry struct {
	widget.BaseWidget
	field fyne.CanvasObject // the entry, or the widget holding it
	entry *widget.Entry
	hint  *textBlock
	// Validator is the entry's: Form looks for this field to decide that
	// the item can be invalid and needs room for its error message.
	Validator fyne.StringValidator
}

func newHintedEntry(field fyne.CanvasObject, e *widget.Entry, hint string) *hintedEntry {
	h := &hintedEntry{field: field, entry: e, Validator: e.Validator, hint: secondaryText(hint)}
	h.ExtendBaseWidget(h)
	return h
}

// Validate is the entry's validation.
func (h *hintedEntry) Validate() error { return h.entry.Validate() }

// SetOnValidationChanged passes the form's callback to the entry.
func (h *hintedEntry) SetOnValidationChanged(f func(error)) { h.entry.SetOnValidationChanged(f) }

func (h *hintedEntry) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(h.field, h.hint))
}

// formHint is the caption under the input labelled text, or "".
func formHint(form *widget.Form, text string) string {
	for _, it := range form.Items {
		if h, ok := it.Widget.(*hintedEntry); ok && it.Text == text {
			return h.hint.Text
		}
	}
	return ""
}

// chartCell is the size of a chart in a grid of charts: two side by side in
// a laptop window beside the sidebar, more in a wider one.
var chartCell = fyne.NewSize(470, 290)

// newChartGrid is a grid of charts that reflows: as many columns as the
// width holds, one at the least. A fixed two-column grid of 520-pixel
// charts held the window 1,044 pixels wide beside the sidebar.
func newChartGrid() *fyne.Container {
	return container.NewGridWrap(chartCell)
}

// maxChoiceText is the widest choice text a dropdown is held wide enough
// for. Longer choices are data (a product's full name) and may be cut with
// "…"; the fixed choices of filters and forms are all shorter.
const maxChoiceText float32 = 320

// fitChoices holds sel at least as wide as its longest choice, so a filter
// in a row of buttons shows "All markets", not "Al…". Fyne sizes a select
// by its placeholder only, and ours is a dash.
func fitChoices(sel *widget.Select) fyne.CanvasObject {
	return container.New(choiceWidth{sel}, sel)
}

type choiceWidth struct{ sel *widget.Select }

func (c choiceWidth) MinSize([]fyne.CanvasObject) fyne.Size {
	m := c.sel.MinSize()
	return fyne.NewSize(max(m.Width, choicesWidth(c.sel)), m.Height)
}

func (c choiceWidth) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	c.sel.Resize(size)
	c.sel.Move(fyne.NewPos(0, 0))
}

// choicesWidth is the width sel needs to show its longest choice whole (up
// to maxChoiceText): the text, plus what Fyne's select draws around it (its
// inner padding and the drop-down icon). Read at layout time, so choices
// loaded later (tags, channels) count too.
func choicesWidth(sel *widget.Select) float32 {
	th := sel.Theme()
	var w float32
	for _, o := range sel.Options {
		w = max(w, fyne.MeasureText(o, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width)
	}
	pad := th.Size(theme.SizeNameInnerPadding)
	return min(w, maxChoiceText) + 4*pad + th.Size(theme.SizeNameInlineIcon)
}

// newPageScroll is the one scroll area of a view (a form, a page of
// results), vertical, that keeps the mouse wheel wherever the pointer is.
// Fyne hands the wheel to the innermost scroller under the pointer, and
// every entry has one inside (for its own text): a form in a scroll area
// stopped scrolling whenever the pointer rested on a field. A transparent
// layer over the page, itself a scroller, is found last and passes the
// wheel to the page; taps, drags, hovers and the cursor still reach the
// fields, which the layer does not take.
func newPageScroll(content fyne.CanvasObject) *container.Scroll {
	pass := &wheelPass{}
	pass.ExtendBaseWidget(pass)
	page := container.NewVScroll(container.NewStack(content, pass))
	pass.page = page
	return page
}

// wheelPass is newPageScroll's layer.
type wheelPass struct {
	widget.BaseWidget
	page *container.Scroll
}

// Scrolled scrolls the multi-line field under the pointer while its text
// can move that way (pageEntry), and the page otherwise.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if e := hoveredText.Value(); e != nil && e.under(ev.AbsolutePosition) && e.scrollText(ev) {
		return
	}
	w.page.Scrolled(ev)
}

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// pageEntry is a multi-line entry for a page (newPageScroll) whose own text
// can be longer than the field: a note, a mitigation, a reply template.
// Under newPageScroll's layer every wheel turn went to the page, so such a
// text could not be scrolled with the wheel at all; without the layer the
// field took every turn, even with nothing to scroll, and the page stopped
// (fyne-io/fyne#1939: an inner scroller cannot hand the wheel on). Here the
// wheel over the field scrolls its text while the text can move that way,
// and the page once the text is at its top or bottom, or fits.
//
// Fyne tells no widget what lies under the pointer when the page's layer
// takes the wheel, so the field says so itself: it is the one widget under
// the pointer that hears the mouse come in (no part of an entry does), and
// the layer asks it, checking it is still there.
type pageEntry struct {
	widget.Entry
	r fyne.WidgetRenderer // the entry's, whose objects hold its text scroller
}

// newPageEntry is widget.NewMultiLineEntry for a page.
func newPageEntry() *pageEntry {
	e := &pageEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as NewMultiLineEntry
	e.ExtendBaseWidget(e)
	return e
}

// hoveredText is the page entry the pointer last came into. It stays set
// when the pointer moves onto the field's own scroll bar (which takes the
// hover), so the wheel there still scrolls the text; under checks the
// pointer is still over it. Weak: a screen left behind is not kept alive.
var hoveredText weak.Pointer[pageEntry]

// MouseIn makes e the field the wheel may scroll.
func (e *pageEntry) MouseIn(*desktop.MouseEvent) { hoveredText = weak.Make(e) }

// MouseMoved: the pointer coming back from the field's scroll bar.
func (e *pageEntry) MouseMoved(*desktop.MouseEvent) { hoveredText = weak.Make(e) }

// MouseOut keeps e: under decides (see hoveredText).
func (e *pageEntry) MouseOut() {}

func (e *pageEntry) CreateRenderer() fyne.WidgetRenderer {
	e.r = e.Entry.CreateRenderer()
	return e.r
}

// under is whether abs (a window position) is over e as shown now. The
// page may have scrolled since the pointer came in, and a field of a view
// left by keyboard has had no MouseOut: Fyne places an object that is not
// on screen at (0, 0), a corner no field of ours is at (the sidebar is).
func (e *pageEntry) under(abs fyne.Position) bool {
	if !e.Visible() {
		return false
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	size := e.Size()
	return !pos.IsZero() && abs.X >= pos.X && abs.Y >= pos.Y && abs.X < pos.X+size.Width && abs.Y < pos.Y+size.Height
}

// scrollText scrolls the field's text by the wheel and says whether it
// moved: false at its top or bottom, or when it fits, so the page moves.
func (e *pageEntry) scrollText(ev *fyne.ScrollEvent) bool {
	s := e.textScroll()
	if s == nil || s.Content == nil {
		return false
	}
	if ev.Scrolled.DX == 0 && s.Content.Size().Height <= s.Size().Height {
		// Fyne turns a vertical wheel sideways over text that is only too
		// wide (an attachment path); the person scrolling down the page
		// means the page.
		return false
	}
	before := s.Offset
	s.Scrolled(ev)
	return s.Offset != before
}

// textScroll is the entry's own scroller, or nil when it has none shown
// (not rendered yet, or text that neither wraps nor scrolls).
func (e *pageEntry) textScroll() *container.Scroll {
	if e.r == nil {
		return nil
	}
	for _, o := range e.r.Objects() {
		if s, ok := o.(*container.Scroll); ok && s.Visible() {
			return s
		}
	}
	return nil
}
