package app_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/seller-assistant/seller-assistant/app"
)

// perRune measures 7 units per character, 14 for a wide (CJK) one.
func perRune(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2e80 {
			w += 14
		} else {
			w += 7
		}
	}
	return w
}

func TestPlanCategoryLabels(t *testing.T) {
	methods := []string{"Questionnaire", "Focus group", "Competitor analysis", "Field visit", "Interview", "Desk research", "Market data"}
	days := make([]string, 120)
	for i := range days {
		days[i] = "12-02"
	}
	tests := []struct {
		name   string
		labels []string
		room   app.LabelRoom
		want   app.LabelPlan
	}{
		{"level when the widest fits", methods, app.LabelRoom{Slot: 150, LineHeight: 14, CanRotate: true}, app.LabelPlan{Rotate: 0, Lines: 1, Step: 1}},
		// 19 characters × 7 = 133 > 130: the report rotates rather than skip every other label.
		{"rotate 45 before dropping", methods, app.LabelRoom{Slot: 130, LineHeight: 14, CanRotate: true}, app.LabelPlan{Rotate: 45, Lines: 1, Step: 1}},
		{"rotate 90 when 45 overlaps", methods, app.LabelRoom{Slot: 20, LineHeight: 14, CanRotate: true}, app.LabelPlan{Rotate: 90, Lines: 1, Step: 1}},
		{"step only when even upright labels overlap", days, app.LabelRoom{Slot: 7, LineHeight: 14, CanRotate: true}, app.LabelPlan{Rotate: 90, Lines: 1, Step: 3}},
		{"window wraps onto two lines", methods, app.LabelRoom{Slot: 100, LineHeight: 14, MaxLines: 3}, app.LabelPlan{Rotate: 0, Lines: 2, Step: 1}},
		{"window steps when a word is wider than the slot", methods, app.LabelRoom{Slot: 60, LineHeight: 14, MaxLines: 3}, app.LabelPlan{Rotate: 0, Lines: 1, Step: 3}},
		{"window shortens rather than leave labels out", methods, app.LabelRoom{Slot: 60, LineHeight: 14, MaxLines: 2, MinWidth: 28}, app.LabelPlan{Rotate: 0, Lines: 2, Step: 1, Shorten: true}},
		{"window steps when even shortened labels do not fit", days, app.LabelRoom{Slot: 7, LineHeight: 14, MaxLines: 2, MinWidth: 28}, app.LabelPlan{Rotate: 0, Lines: 1, Step: 6}},
		{"a label wider than its slot wraps, not shortened to MaxWidth", []string{"Amazon FBA UK（空派头程）", "DHL Express 代理价 (UK)"}, app.LabelRoom{Slot: 136, LineHeight: 14, MaxWidth: 110, MaxLines: 2}, app.LabelPlan{Rotate: 0, Lines: 2, Step: 1}},
		{"a level label fits whole past MaxWidth", []string{strings.Repeat("x", 20), "b"}, app.LabelRoom{Slot: 150, LineHeight: 14, MaxWidth: 110, CanRotate: true}, app.LabelPlan{Rotate: 0, Lines: 1, Step: 1}},
		{"stepped labels are measured at their shortened width", []string{strings.Repeat("W", 40), "b", "c", "d"}, app.LabelRoom{Slot: 60, LineHeight: 14, MaxWidth: 110, MaxLines: 2}, app.LabelPlan{Rotate: 0, Lines: 1, Step: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := app.PlanCategoryLabels(tt.labels, tt.room, perRune); got != tt.want {
				t.Fatalf("plan %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestPlanDropsOnlyWhatOverlaps recomputes the contract on generated axes:
// whatever the plan, the labels it draws do not overlap, and it drops
// labels (Step > 1) only when neither rotating nor wrapping could draw them all.
func TestPlanDropsOnlyWhatOverlaps(t *testing.T) {
	for n := 2; n <= 200; n += 7 {
		labels := make([]string, n)
		for i := range labels {
			labels[i] = strings.Repeat("W", 3+i%9)
		}
		for _, rotate := range []bool{true, false} {
			room := app.LabelRoom{Slot: 900 / float64(n), LineHeight: 14, CanRotate: rotate, MaxLines: 3}
			p := app.PlanCategoryLabels(labels, room, perRune)
			gap := 0.4 * room.LineHeight
			var need float64 // the room one drawn label takes along the axis
			switch p.Rotate {
			case 0:
				for _, s := range labels {
					lines, _ := app.WrapLabel(s, float64(p.Step)*room.Slot-gap, p.Lines, perRune)
					for _, ln := range lines {
						w := perRune(ln)
						if p.Shorten {
							w = min(w, float64(p.Step)*room.Slot-gap) // cut with an ellipsis
						}
						need = max(need, w)
					}
				}
			case 45:
				need = room.LineHeight * 1.4142
			case 90:
				need = room.LineHeight
			}
			if need+gap > float64(p.Step)*room.Slot+1e-9 {
				t.Errorf("n=%d rotate=%v: plan %+v draws labels %.1f wide in %.1f", n, rotate, p, need, float64(p.Step)*room.Slot)
			}
			if p.Step > 1 && rotate && room.Slot >= room.LineHeight+gap {
				t.Errorf("n=%d: dropped labels although upright ones fit: %+v", n, p)
			}
		}
	}
}

func TestWrapLabel(t *testing.T) {
	tests := []struct {
		name     string
		s        string
		maxW     float64
		maxLines int
		want     []string
		ok       bool
	}{
		{"fits on one line", "Growth", 100, 2, []string{"Growth"}, true},
		{"radar name wraps at the space", "Compliance burden", 80, 2, []string{"Compliance", "burden"}, true},
		{"a SKU is never split", "HL-KT-001 kettle", 70, 2, []string{"HL-KT-001", "kettle"}, true},
		{"a number is never split", "price 10.00 %", 50, 3, []string{"price", "10.00 %"}, true},
		{"Chinese breaks between characters", "现有供应链可直接供货", 60, 3, []string{"现有供应", "链可直接", "供货"}, true},
		{"no line starts with closing punctuation", "合规负担，很高", 42, 3, []string{"合规负", "担，很", "高"}, true},
		{"brackets stay with their text", "天数（天）", 56, 2, []string{"天数", "（天）"}, true},
		{"too many lines: the rest stays on the last", "a b c d", 7, 2, []string{"a", "b c d"}, false},
		{"a word wider than the line", "Compliance", 35, 2, []string{"Compliance"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := app.WrapLabel(tt.s, tt.maxW, tt.maxLines, perRune)
			if !reflect.DeepEqual(got, tt.want) || ok != tt.ok {
				t.Fatalf("WrapLabel(%q) = %q, %v; want %q, %v", tt.s, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestEstimateTextWidthErrsWide(t *testing.T) {
	// A CJK character is a full em; Latin text is over half an em a letter.
	if w := app.EstimateTextWidth("供货", 12); w != 24 {
		t.Errorf("two CJK characters at 12px = %v, want 24", w)
	}
	s := "Competitor analysis"
	if w := app.EstimateTextWidth(s, 12); w < float64(utf8.RuneCountInString(s))*12*0.5 {
		t.Errorf("%q estimated %v wide, narrower than half an em a letter", s, w)
	}
}
