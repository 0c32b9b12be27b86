package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/assets"
)

// A guide in Chinese breaks as a textBlock does, bold and lists included,
// and shows the same text as the Markdown without its marks.
func TestGuideTextBreaksChineseCleanly(t *testing.T) {
	test.NewTempApp(t)
	md, err := assets.Guide(app.LangChinese, "pricing")
	if err != nil {
		t.Fatal(err)
	}
	g := newGuideText()
	g.ParseMarkdown(md)
	w := test.NewTempWindow(t, container.NewVScroll(g))
	unbroken := widget.NewRichTextFromMarkdown(md).String()
	for _, width := range []float32{260, 420, 700} {
		w.Resize(fyne.NewSize(width, 600))
		shown := g.String()
		if strings.Count(shown, "\n") <= strings.Count(unbroken, "\n")+5 {
			t.Fatalf("at %v px the guide hardly wrapped", width)
		}
		squeeze := strings.NewReplacer("\n", "", " ", "")
		if squeeze.Replace(shown) != squeeze.Replace(unbroken) {
			t.Fatalf("at %v px the text changed beyond line breaks", width)
		}
		var lines []string
		for _, l := range strings.Split(shown, "\n") {
			lines = append(lines, strings.TrimPrefix(l, "• "))
		}
		assertChineseBreaks(t, []*textBlock{{Text: shown, rich: widget.NewRichText(&widget.TextSegment{Text: strings.Join(lines, "\n")})}})
	}
	if min := g.MinSize().Width; min > 150 {
		t.Errorf("a guide asks for %v px: it would widen the window", min)
	}
}
