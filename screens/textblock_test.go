package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

func TestTextBlockWrapsWithoutWideningAndKeepsNumbersWhole(t *testing.T) {
	test.NewTempApp(t)
	para := "到岸成本包括货值、头程运费和关税，单价0.100美元，毛利率10.00%。Landed cost per unit 12.99 USD。"
	tb := newTextBlock(para)
	w := test.NewTempWindow(t, container.NewVBox(tb))
	w.Resize(fyne.NewSize(220, 400))
	if min := tb.MinSize().Width; min > 120 {
		t.Fatalf("a paragraph asks for %v px: it would widen the window", min)
	}
	lines := tb.Lines()
	if len(lines) < 3 {
		t.Fatalf("not wrapped at 220 px: %q", lines)
	}
	shown := strings.Join(lines, "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "。") || strings.HasPrefix(l, "，") || strings.HasPrefix(l, "%") {
			t.Errorf("line starts with closing punctuation: %q", l)
		}
	}
	for _, whole := range []string{"0.100", "10.00%", "12.99", "Landed"} {
		if !strings.Contains(shown, whole) {
			t.Errorf("%q was split across lines:\n%s", whole, shown)
		}
	}
	squeeze := strings.NewReplacer("\n", "", " ", "")
	if squeeze.Replace(shown) != squeeze.Replace(para) {
		t.Errorf("text changed beyond line breaks:\n%s", shown)
	}
	if tb.Text != para {
		t.Errorf("Text = %q", tb.Text)
	}
	h := tb.MinSize().Height
	w.Resize(fyne.NewSize(900, 400))
	if got := tb.MinSize().Height; got >= h {
		t.Errorf("a wider window did not shorten the paragraph: %v -> %v", h, got)
	}
}
