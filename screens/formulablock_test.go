package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestSplitFormula(t *testing.T) {
	tests := []struct {
		line, name, rest string
		ok               bool
	}{
		{"Reorder point = daily demand × L + safety stock = 120.00.", "Reorder point", "= daily demand × L + safety stock = 120.00.", true},
		{"补货点 = 日均需求 × L + 安全库存 = 120.00。", "补货点", "= 日均需求 × L + 安全库存 = 120.00。", true},
		{"• Air to FBA: L 9 days = fast", "", "• Air to FBA: L 9 days = fast", false},
		{"No sales in the window: nothing to project.", "", "No sales in the window: nothing to project.", false},
		{"A sentence far too long to be a variable name = 3", "", "A sentence far too long to be a variable name = 3", false},
	}
	for _, tt := range tests {
		name, rest, ok := splitFormula(tt.line)
		if name != tt.name || rest != tt.rest || ok != tt.ok {
			t.Errorf("splitFormula(%q) = %q, %q, %v", tt.line, name, rest, ok)
		}
	}
}

// The "=" of every formula in a block starts at the same x: the names sit
// in a column of their own, and the text reads the same as given.
func TestFormulaBlockAlignsEquals(t *testing.T) {
	test.NewTempApp(t)
	text := "日均需求 = 120 件 ÷ 28 天 = 4.29\n安全库存 = z × σ × √L = 1.65 × 2.10 × √30 = 18.98\n补货点 = 日均需求 × L + 安全库存 = 4.29 × 30 + 18.98 = 147.68\n窗口内无销量的日子按 0 计。"
	f := newFormulaBlock(text)
	w := test.NewTempWindow(t, container.NewVBox(f))
	w.Resize(fyne.NewSize(420, 600))
	xs := map[float32]bool{}
	for _, r := range f.rows {
		if r.name != nil {
			xs[r.expr.Position().X] = true
			if !strings.HasPrefix(r.expr.Text, "= ") {
				t.Errorf("expression %q does not start with its =", r.expr.Text)
			}
		}
	}
	if len(xs) != 1 || xs[0] {
		t.Fatalf("expressions start at %v: not one column after the names", xs)
	}
	if got := strings.Join(f.Lines(), ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(strings.ReplaceAll(text, "\n", ""), " ", "") {
		t.Errorf("the block changed the text:\n%s", strings.Join(f.Lines(), "\n"))
	}
	last := f.rows[len(f.rows)-1]
	if last.name != nil || last.expr.Position().X != 0 {
		t.Error("a line that is not a formula should span the block")
	}
	if h := f.MinSize().Height; h < last.expr.Position().Y+last.expr.MinSize().Height-f.Theme().Size(theme.SizeNamePadding) {
		t.Errorf("min height %v does not hold the last line at %v", h, last.expr.Position().Y)
	}
}
