package app

import (
	"math"
	"strings"
	"unicode"
)

// How category labels are shown is decided here, once, for both renderers:
// every label is drawn while there is any way to draw it (level, then
// rotated or wrapped), and only when even that overlaps is every Step-th
// label drawn. The tooltip names the category of whatever is hovered, so a
// label left out is still one hover away.

// LabelRoom is what a renderer offers a category axis' labels, in its own
// units (pixels): the width of one category, the height of a text line, the
// width beyond which a rotated or stepped label is shortened with an
// ellipsis (a level one is shortened only to its slot), and whether it
// can draw rotated text (the report can; the window's toolkit cannot, so it
// wraps labels onto up to MaxLines lines instead). MinWidth, for a renderer
// that cannot rotate, is the narrowest a shortened label may be and still
// say something ("Que…"); 0 means labels are never shortened to fit.
type LabelRoom struct {
	Slot       float64
	LineHeight float64
	MaxWidth   float64
	CanRotate  bool
	MaxLines   int
	MinWidth   float64
}

// LabelPlan is how the labels are drawn: level or rotated by Rotate
// degrees (45 or 90), on up to Lines lines each, every Step-th one. Shorten
// says some wrapped lines are still wider than their slot and are cut with
// an ellipsis, which the window prefers to leaving labels out.
type LabelPlan struct {
	Rotate  int
	Lines   int
	Step    int
	Shorten bool
}

// labelGap is the room kept between neighbouring labels, in line heights.
const labelGap = 0.4

// PlanCategoryLabels decides how labels are shown in room: level if the
// widest fits; else rotated 45° or 90° where the renderer can rotate; else
// wrapped onto up to MaxLines lines, then shortened to the slot; and only
// when none of that fits, every Step-th label. width measures
// a label (the renderer's font metrics, or EstimateTextWidth). Only up to
// about 120 evenly sampled labels are measured (every one of fewer than 240), so the cost does not grow
// with a hundred thousand categories.
func PlanCategoryLabels(labels []string, room LabelRoom, width func(string) float64) LabelPlan {
	plan := LabelPlan{Lines: 1, Step: 1}
	if len(labels) == 0 || room.Slot <= 0 {
		return plan
	}
	gap := labelGap * room.LineHeight
	sample := sampleLabels(labels, 120)
	widest := 0.0
	for _, s := range sample {
		widest = math.Max(widest, width(s))
	}
	// Level labels are drawn whole when they fit; MaxWidth shortens only
	// labels that are rotated or left out in between (a shortened label
	// is the last resort, after wrapping).
	if widest+gap <= room.Slot {
		return plan
	}
	if room.MaxWidth > 0 {
		widest = math.Min(widest, room.MaxWidth)
	}
	if room.CanRotate {
		// Rotated labels sit side by side at their line height divided by
		// the sine of the angle, whatever their length.
		switch {
		case room.Slot >= room.LineHeight*math.Sqrt2+gap:
			plan.Rotate = 45
		case room.Slot >= room.LineHeight+gap:
			plan.Rotate = 90
		default:
			plan.Rotate = 90
			plan.Step = int(math.Ceil((room.LineHeight + gap) / room.Slot))
		}
		return plan
	}
	for lines := 2; lines <= room.MaxLines; lines++ {
		fit := true
		for _, s := range sample {
			if _, ok := WrapLabel(s, room.Slot-gap, lines, width); !ok {
				fit = false
				break
			}
		}
		if fit {
			plan.Lines = lines
			return plan
		}
	}
	if room.MinWidth > 0 && room.Slot-gap >= room.MinWidth {
		plan.Lines, plan.Shorten = max(room.MaxLines, 1), true
		return plan
	}
	plan.Step = int(math.Ceil((widest + gap) / room.Slot))
	return plan
}

// sampleLabels is up to n labels spread evenly over labels.
func sampleLabels(labels []string, n int) []string {
	if len(labels) <= n {
		return labels
	}
	out := make([]string, 0, n+1)
	for i := 0; i < len(labels); i += max(1, len(labels)/n) {
		out = append(out, labels[i])
	}
	return out
}

// WrapLabel breaks s into lines no wider than maxW, at most maxLines of
// them. It breaks at spaces and between Chinese or Japanese characters, but
// never inside a Latin word, a number or a code such as a SKU ("HL-KT-001"
// stays whole), and never puts closing punctuation (，。、）%) at the start
// of a line. ok is false when s does not fit: a single word wider than maxW,
// or more lines than maxLines (the last line then holds the rest, for the
// caller to shorten with an ellipsis).
func WrapLabel(s string, maxW float64, maxLines int, width func(string) float64) (lines []string, ok bool) {
	toks := labelTokens(s)
	if len(toks) == 0 {
		return nil, true
	}
	ok = true
	cur := ""
	for _, t := range toks {
		next := cur + t.text
		if cur != "" && t.space {
			next = cur + " " + t.text
		}
		if cur == "" || width(next) <= maxW {
			cur = next
			continue
		}
		if len(lines) == maxLines-1 {
			cur = next // the rest goes on the last line
			ok = false
			continue
		}
		lines = append(lines, cur)
		cur = t.text
	}
	lines = append(lines, cur)
	for _, ln := range lines {
		if width(ln) > maxW {
			ok = false
		}
	}
	return lines, ok
}

type labelToken struct {
	text  string
	space bool // a space stood before it
}

// labelTokens splits s into the pieces a line may break between: runs of
// Latin letters, digits and their punctuation, and single CJK characters,
// with closing punctuation glued to the piece before and opening brackets
// to the piece after.
func labelTokens(s string) []labelToken {
	var toks []labelToken
	var cur []rune
	space, pendingOpen := false, ""
	flush := func() {
		if len(cur) > 0 {
			toks = append(toks, labelToken{text: pendingOpen + string(cur), space: space})
			cur, space, pendingOpen = nil, false, ""
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			flush()
			space = len(toks) > 0
		case closingPunct(r):
			if len(cur) == 0 && len(toks) > 0 && pendingOpen == "" {
				if space {
					toks[len(toks)-1].text += " " // "10.00 %" keeps its space, and its % on its line
				}
				toks[len(toks)-1].text += string(r)
				space = false
			} else {
				cur = append(cur, r)
			}
		case openingPunct(r):
			flush()
			pendingOpen += string(r)
		case wideRune(r):
			flush()
			cur = append(cur, r)
			flush()
		default:
			cur = append(cur, r)
		}
	}
	flush()
	if pendingOpen != "" {
		toks = append(toks, labelToken{text: pendingOpen, space: space})
	}
	return toks
}

func closingPunct(r rune) bool {
	return strings.ContainsRune("，。、．,.;:!?）)】」』%％：；！？…", r)
}

func openingPunct(r rune) bool { return strings.ContainsRune("（(【「『", r) }

// wideRune reports a character drawn a full em wide: CJK ideographs, kana,
// Hangul and the full-width forms.
func wideRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// EstimateTextWidth is the width of s in a sans-serif font of size px,
// estimated per character: for a renderer that cannot measure before it
// draws (the report decides in Go what the browser will draw). It errs on
// the wide side, so a label it says fits does fit.
func EstimateTextWidth(s string, px float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case wideRune(r):
			w += 1.0
		case r == ' ' || strings.ContainsRune(".,:;'|!il()[]", r):
			w += 0.32
		case unicode.IsUpper(r) || r == 'm' || r == 'w' || r == '%':
			w += 0.72
		default:
			w += 0.58
		}
	}
	return w * px
}
