package screens

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// formulaBlock shows "how was this computed" lines as a block: a line of
// the form "name = expression" has its name in a column of its own, so the
// "=" signs line up down the block and the eye finds each figure by name;
// other lines (a note, a "•" list item) span the width. Every part wraps as
// a textBlock does. Text is the block as given, as on a label.
type formulaBlock struct {
	widget.BaseWidget
	Text string

	rows  []formulaRow
	shown string // the Text the rows were built for
}

// formulaRow is a name and its expression, or a spanning line (name nil).
type formulaRow struct {
	name, expr *textBlock
}

func newFormulaBlock(text string) *formulaBlock {
	f := &formulaBlock{Text: text}
	f.ExtendBaseWidget(f)
	f.build()
	return f
}

// SetText replaces the block.
func (f *formulaBlock) SetText(text string) {
	f.Text = text
	f.Refresh()
}

func (f *formulaBlock) Refresh() {
	if f.Text != f.shown {
		f.build()
	}
	f.BaseWidget.Refresh()
}

// maxNameRunes is the longest text before " = " read as a name; anything
// longer is a sentence that happens to hold an "=".
const maxNameRunes = 28

// splitFormula cuts "Reorder point = a × b = 120" into its name and the
// rest ("= a × b = 120"); ok is false for a line that is not a formula.
func splitFormula(line string) (name, rest string, ok bool) {
	i := strings.Index(line, " = ")
	if i <= 0 || strings.HasPrefix(line, "•") || strings.HasPrefix(line, "⚠") {
		return "", line, false
	}
	name = strings.TrimSpace(line[:i])
	if utf8.RuneCountInString(name) > maxNameRunes {
		return "", line, false
	}
	return name, line[i+1:], true
}

func (f *formulaBlock) build() {
	f.shown = f.Text
	f.rows = f.rows[:0]
	if f.Text == "" {
		return
	}
	for _, line := range strings.Split(f.Text, "\n") {
		name, rest, ok := splitFormula(line)
		if !ok {
			f.rows = append(f.rows, formulaRow{expr: newTextBlock(line)})
			continue
		}
		n := newTextBlock(name)
		n.TextStyle = fyne.TextStyle{Bold: true}
		n.Refresh()
		f.rows = append(f.rows, formulaRow{name: n, expr: newTextBlock(rest)})
	}
}

// Lines is the block as shown, one string per line, a name and its
// expression on one line (for tests).
func (f *formulaBlock) Lines() []string {
	var out []string
	for _, r := range f.rows {
		lines := r.expr.Lines()
		if r.name != nil {
			lines[0] = strings.Join(r.name.Lines(), " ") + " " + lines[0]
		}
		out = append(out, lines...)
	}
	return out
}

func (f *formulaBlock) CreateRenderer() fyne.WidgetRenderer { return &formulaRenderer{f: f} }

type formulaRenderer struct{ f *formulaBlock }

// nameWidth is the name column's width: the longest name unwrapped, but at
// most 40 % of the block, so the expressions keep room.
func (r *formulaRenderer) nameWidth(width float32) float32 {
	w := float32(0)
	for _, row := range r.f.rows {
		if row.name != nil {
			style, size := row.name.TextStyle, r.f.Theme().Size(theme.SizeNameText)
			w = max(w, fyne.MeasureText(row.name.Text, size, style).Width+r.f.Theme().Size(theme.SizeNameInnerPadding)*2)
		}
	}
	return min(w, width*0.4)
}

func (r *formulaRenderer) Layout(size fyne.Size) {
	nw := r.nameWidth(size.Width)
	y := float32(0)
	for _, row := range r.f.rows {
		h := float32(0)
		if row.name == nil {
			row.expr.Resize(fyne.NewSize(size.Width, row.expr.MinSize().Height))
			row.expr.Resize(fyne.NewSize(size.Width, row.expr.MinSize().Height)) // the height its new lines need
			row.expr.Move(fyne.NewPos(0, y))
			h = row.expr.Size().Height
		} else {
			for _, c := range []struct {
				t    *textBlock
				x, w float32
			}{{row.name, 0, nw}, {row.expr, nw, size.Width - nw}} {
				c.t.Resize(fyne.NewSize(c.w, c.t.MinSize().Height))
				c.t.Resize(fyne.NewSize(c.w, c.t.MinSize().Height))
				c.t.Move(fyne.NewPos(c.x, y))
				h = max(h, c.t.Size().Height)
			}
		}
		y += h - r.f.Theme().Size(theme.SizeNamePadding) // lines of one block sit closer than paragraphs
	}
}

func (r *formulaRenderer) MinSize() fyne.Size {
	var w, h float32
	for _, row := range r.f.rows {
		m := row.expr.MinSize()
		if row.name != nil {
			n := row.name.MinSize()
			m = fyne.NewSize(n.Width+m.Width, max(n.Height, m.Height))
		}
		w = max(w, m.Width)
		h += m.Height - r.f.Theme().Size(theme.SizeNamePadding)
	}
	if h > 0 {
		h += r.f.Theme().Size(theme.SizeNamePadding)
	}
	return fyne.NewSize(w, h)
}

func (r *formulaRenderer) Refresh() {
	for _, row := range r.f.rows {
		if row.name != nil {
			row.name.Refresh()
		}
		row.expr.Refresh()
	}
	r.Layout(r.f.Size())
}

func (r *formulaRenderer) Objects() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, row := range r.f.rows {
		if row.name != nil {
			out = append(out, row.name)
		}
		out = append(out, row.expr)
	}
	return out
}

func (r *formulaRenderer) Destroy() {}
