package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app/format"
)

// guideText is Markdown (a guide, a note's preview) broken into lines as a
// textBlock breaks them (format.Wrap): by character in Chinese, never inside
// a number or a word, never before "。". Fyne's RichText wraps by spaces or
// anywhere; here it does not wrap at all and is given lines already broken,
// a "\n" put into the parsed text segments where each line ends, so bold and
// headings keep their styles.
type guideText struct {
	widget.BaseWidget
	rich  *widget.RichText
	src   []widget.RichTextSegment // as parsed; never changed
	width float32                  // the width the lines were broken for
}

func newGuideText() *guideText {
	g := &guideText{rich: widget.NewRichText(), width: -1}
	g.ExtendBaseWidget(g)
	return g
}

// ParseMarkdown shows md.
func (g *guideText) ParseMarkdown(md string) {
	g.src = widget.NewRichTextFromMarkdown(md).Segments
	g.width = -1
	g.relayout(g.Size().Width)
}

// Resize breaks the lines again for a new width.
func (g *guideText) Resize(s fyne.Size) {
	g.relayout(s.Width)
	g.BaseWidget.Resize(s)
}

// String is the text as shown, line breaks included (for tests).
func (g *guideText) String() string { return g.rich.String() }

func (g *guideText) relayout(width float32) {
	if width == g.width {
		return
	}
	g.width = width
	max := width - 2*g.Theme().Size(theme.SizeNameInnerPadding)
	if width <= 0 {
		max = 0 // not laid out yet: paragraphs unbroken
	}
	g.rich.Segments = breakSegments(g.src, max, g.Theme())
	g.rich.Refresh()
}

// breakSegments copies segs with a "\n" wherever a line must end at width.
func breakSegments(segs []widget.RichTextSegment, width float32, th fyne.Theme) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	var run []*widget.TextSegment
	flush := func() {
		breakRun(run, width, "", th)
		run = nil
	}
	for _, seg := range segs {
		switch s := seg.(type) {
		case *widget.TextSegment:
			c := *s
			out = append(out, &c)
			run = append(run, &c)
			if !s.Inline() {
				flush()
			}
		case *widget.ListSegment:
			flush()
			l := *s
			l.Items = make([]widget.RichTextSegment, len(s.Items))
			for i, it := range s.Items {
				l.Items[i] = it
				p, ok := it.(*widget.ParagraphSegment)
				if !ok {
					continue
				}
				np := &widget.ParagraphSegment{}
				var texts []*widget.TextSegment
				for _, t := range p.Texts {
					if ts, ok := t.(*widget.TextSegment); ok {
						c := *ts
						texts = append(texts, &c)
						np.Texts = append(np.Texts, &c)
					} else {
						np.Texts = append(np.Texts, t)
					}
				}
				bullet := "•  "
				if s.Ordered {
					bullet = "10.  "
				}
				breakRun(texts, width, bullet, th)
				l.Items[i] = np
			}
			out = append(out, &l)
		default:
			flush()
			out = append(out, seg)
		}
	}
	flush()
	return out
}

// breakRun breaks the text of one paragraph, spread over segments, into
// lines of width; prefix stands for what Fyne draws before the first line
// (a list bullet). It measures every segment in the paragraph's largest
// size and in bold if any part is bold, so a line never ends up too wide.
func breakRun(run []*widget.TextSegment, width float32, prefix string, th fyne.Theme) {
	if width <= 0 || len(run) == 0 {
		return
	}
	var full strings.Builder
	full.WriteString(prefix)
	size, style := float32(0), fyne.TextStyle{}
	for _, s := range run {
		full.WriteString(s.Text)
		name := s.Style.SizeName
		if name == "" {
			name = theme.SizeNameText
		}
		size = max(size, th.Size(name))
		style.Bold = style.Bold || s.Style.TextStyle.Bold
		style.Monospace = style.Monospace || s.Style.TextStyle.Monospace
	}
	text := full.String()
	measure := func(s string) float32 { return fyne.MeasureText(s, size, style).Width }
	// Each line of the result is the text from where the last one ended,
	// less the spaces (or newline) it dropped at the break: mark where a
	// "\n" goes and which bytes are dropped.
	newline := make([]bool, len(text)+1)
	keep := make([]bool, len(text))
	for i := range keep {
		keep[i] = true
	}
	pos := 0
	for i, line := range format.Wrap(text, width, measure) {
		if i > 0 {
			newline[pos] = true
			for pos < len(text) && (text[pos] == ' ' || text[pos] == '\t') {
				keep[pos] = false
				pos++
			}
			if pos < len(text) && text[pos] == '\n' {
				keep[pos] = false
				pos++
			}
		}
		pos += len(line)
	}
	// Rebuild each segment's text from its own bytes.
	off := len(prefix)
	for _, s := range run {
		var t strings.Builder
		for i := off; i < off+len(s.Text); i++ {
			if newline[i] {
				t.WriteByte('\n')
			}
			if keep[i] {
				t.WriteByte(text[i])
			}
		}
		off += len(s.Text)
		s.Text = t.String()
	}
}

func (g *guideText) CreateRenderer() fyne.WidgetRenderer { return &guideRenderer{g: g} }

type guideRenderer struct{ g *guideText }

func (r *guideRenderer) Layout(s fyne.Size) { r.g.rich.Resize(s) }

// MinSize is the text's height as broken and a narrow width, so a guide
// never holds the window wider than the person made it.
func (r *guideRenderer) MinSize() fyne.Size {
	m := r.g.rich.MinSize()
	th := r.g.Theme()
	narrow := fyne.MeasureText("国国国国国国", th.Size(theme.SizeNameText), fyne.TextStyle{}).Width + th.Size(theme.SizeNameInnerPadding)*2
	m.Width = min(m.Width, narrow)
	return m
}

func (r *guideRenderer) Refresh()                     { r.g.rich.Refresh() }
func (r *guideRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.g.rich} }
func (r *guideRenderer) Destroy()                     {}
