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
//
// Its fields are widget.Label's, so a wrapped label becomes a textBlock
// without changing the code around it: set Text, Importance, TextStyle or
// SizeName and call Refresh, or call SetText.
type textBlock struct {
	widget.BaseWidget
	Text       string
	Importance widget.Importance // LowImportance is secondary text (colorNameSecondary), not Fyne's disabled grey
	TextStyle  fyne.TextStyle
	SizeName   fyne.ThemeSizeName // "" is the body text size

	rich  *widget.RichText // no wrapping of its own: the lines come broken
	width float32          // the width given by the layout
	laid  layoutKey        // what the lines were broken for
}

// layoutKey is everything the line breaks depend on.
type layoutKey struct {
	text  string
	size  fyne.ThemeSizeName
	style fyne.TextStyle
	width float32
}

// newTextBlock makes a wrapped paragraph of text.
func newTextBlock(text string) *textBlock {
	t := &textBlock{Text: text, width: -1}
	t.rich = widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyleInline})
	t.ExtendBaseWidget(t)
	t.sync()
	return t
}

// importantText is a textBlock in the colour of an importance (an error,
// a warning).
func importantText(text string, imp widget.Importance) *textBlock {
	t := newTextBlock(text)
	t.Importance = imp
	t.Refresh()
	return t
}

// secondaryText is a textBlock for a "how was this computed" line or
// metadata: smaller than body text, in the secondary colour that stays
// readable in both themes.
func secondaryText(text string) *textBlock {
	t := newTextBlock(text)
	t.Importance = widget.LowImportance
	t.SizeName = theme.SizeNameCaptionText
	t.Refresh()
	return t
}

// SetText replaces the paragraph.
func (t *textBlock) SetText(text string) {
	t.Text = text
	t.Refresh()
}

// Lines is the paragraph as shown, one string per line.
func (t *textBlock) Lines() []string {
	return strings.Split(t.rich.Segments[0].(*widget.TextSegment).Text, "\n")
}

// Refresh applies changed fields and breaks the lines again if needed.
func (t *textBlock) Refresh() {
	t.sync()
	t.BaseWidget.Refresh()
}

// Resize breaks the lines again when the width changes.
func (t *textBlock) Resize(s fyne.Size) {
	t.width = s.Width
	t.sync()
	t.BaseWidget.Resize(s)
}

func (t *textBlock) sizeName() fyne.ThemeSizeName {
	if t.SizeName == "" {
		return theme.SizeNameText
	}
	return t.SizeName
}

// sync copies the fields into the rich text segment and breaks the lines for
// the current width, unless nothing that affects them changed.
func (t *textBlock) sync() {
	seg := t.rich.Segments[0].(*widget.TextSegment)
	seg.Style.ColorName = importanceColor(t.Importance)
	seg.Style.TextStyle = t.TextStyle
	seg.Style.SizeName = t.sizeName()
	key := layoutKey{t.Text, t.sizeName(), t.TextStyle, t.width}
	if key == t.laid {
		t.rich.Refresh()
		return
	}
	t.laid = key
	if t.width <= 0 {
		seg.Text = t.Text // not laid out yet: one line per paragraph
		t.rich.Refresh()
		return
	}
	th := t.Theme()
	pad := th.Size(theme.SizeNameInnerPadding) * 2
	size, style := th.Size(t.sizeName()), t.TextStyle
	measure := func(s string) float32 { return fyne.MeasureText(s, size, style).Width }
	seg.Text = strings.Join(format.Wrap(t.Text, t.width-pad, measure), "\n")
	t.rich.Refresh()
}

// importanceColor is the colour of text of an importance, as widget.Label
// has it, except low importance: Fyne draws that in its disabled colour,
// which on white is 1.3:1 — unreadable for a formula line.
func importanceColor(i widget.Importance) fyne.ThemeColorName {
	switch i {
	case widget.LowImportance:
		return colorNameSecondary
	case widget.HighImportance:
		return theme.ColorNamePrimary
	case widget.DangerImportance:
		return theme.ColorNameError
	case widget.WarningImportance:
		return theme.ColorNameWarning
	case widget.SuccessImportance:
		return theme.ColorNameSuccess
	}
	return theme.ColorNameForeground
}

func (t *textBlock) CreateRenderer() fyne.WidgetRenderer {
	return &textBlockRenderer{t: t}
}

type textBlockRenderer struct{ t *textBlock }

func (r *textBlockRenderer) Layout(s fyne.Size) { r.t.rich.Resize(s) }

// MinSize is the text's height for the current lines and the width of a
// few characters: enough to read, never enough to widen a window.
func (r *textBlockRenderer) MinSize() fyne.Size {
	m := r.t.rich.MinSize()
	th := r.t.Theme()
	narrow := fyne.MeasureText("国国国国", th.Size(r.t.sizeName()), r.t.TextStyle).Width +
		th.Size(theme.SizeNameInnerPadding)*2
	if m.Width > narrow {
		m.Width = narrow
	}
	return m
}

func (r *textBlockRenderer) Refresh()                     { r.t.rich.Refresh() }
func (r *textBlockRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.rich} }
func (r *textBlockRenderer) Destroy()                     {}
