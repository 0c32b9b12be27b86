// Package format lays numbers and text out for people: thousands
// separators, decimals by currency, percentages, durations, and where a line
// of mixed Chinese and Latin text may break. Screens, charts and the report
// all use it, so a figure reads the same everywhere. It depends on nothing
// but the standard library and decimal, so app itself can use it.
package format

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fyne wraps by spaces (TextWrapWord, useless for Chinese, which has none)
// or anywhere (TextWrapBreak, which splits "0.100" and starts lines with
// "。"). Chinese typesetting rules sit between the two and are not in any
// served Go library (golang.org/x/text has no line breaking; UAX #14
// implementations pull in far more than these few rules), so they are here:
//   - a line may break before and after each CJK character,
//   - never inside a run of letters or digits (a Latin word, a number with
//     its separators: "0.100", "22,415", "HL-KT-001", "10.5%"),
//   - never before closing punctuation (。，、）%…) nor after opening
//     punctuation (（《“…),
//   - at spaces, except a no-break space (U+00A0, U+202F), which a
//     translator may put between words that belong together, and
//     the plain space between a number and the word after it ("12.99 USD").

// Pieces cuts s into the smallest pieces a line may not break inside. A line
// may break between any two pieces; a piece keeps the spaces that follow it,
// which a line drops where it ends. Joined, the pieces are s.
func Pieces(s string) []string {
	var out []string
	start := 0
	prev := rune(-1)
	// The last run of non-space text: is it a number ("12.99", "-3,546", "10%")?
	inRun, runNumber, runDigit := false, false, false
	for i, r := range s {
		cjkBefore := isCJK(prev)
		unitAfterNumber := isBreakSpace(prev) && runNumber && runDigit && (unicode.IsLetter(r) || isCJK(r))
		if i > start && breakBetween(prev, r) && !unitAfterNumber {
			out = append(out, s[start:i])
			start = i
		}
		prev = r
		if isBreakSpace(r) || r == '\n' {
			inRun = false
			continue
		}
		if !inRun || isCJK(r) || cjkBefore {
			inRun, runNumber, runDigit = true, true, false
		}
		runDigit = runDigit || unicode.IsDigit(r)
		runNumber = runNumber && !isCJK(r) && (unicode.IsDigit(r) || strings.ContainsRune(".,+-%", r))
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// breakBetween tells whether a line may break between a and b.
func breakBetween(a, b rune) bool {
	switch {
	case b == '\n' || a == '\n':
		return true
	case isBreakSpace(b):
		return false // spaces stay with what they follow
	case isClosing(b) || isOpening(a):
		return false // even across a space: "10 %" never leaves "%" alone
	case isBreakSpace(a):
		return true
	case isNoBreakSpace(a) || isNoBreakSpace(b):
		return false
	case isCJK(a) || isCJK(b):
		return true
	case isClosing(a) && !isWordRune(b):
		return true
	}
	// Letters, digits and the marks inside numbers and codes stay together.
	return false
}

func isBreakSpace(r rune) bool {
	return unicode.IsSpace(r) && !isNoBreakSpace(r) && r != '\n'
}

func isNoBreakSpace(r rune) bool { return r == '\u00a0' || r == '\u202f' || r == '\u2060' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) && !isCJK(r) || unicode.IsDigit(r) }

// isCJK is a character of Chinese or Japanese text, each of which may stand
// at either end of a line.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) || (r >= 0x3000 && r <= 0x303f && !isClosing(r) && !isOpening(r)) ||
		(r >= 0xff00 && r <= 0xffef && !isClosing(r) && !isOpening(r))
}

// closing punctuation never starts a line (GB/T 15834 and JIS X 4051 agree).
const closing = "。，、．：；！？）》」』】〕〉”’…‥％%)]},.:;!?·ー々〉"

// opening punctuation never ends a line.
const opening = "（《「『【〔〈“‘([{"

func isClosing(r rune) bool { return strings.ContainsRune(closing, r) }
func isOpening(r rune) bool { return strings.ContainsRune(opening, r) }

// Wrap breaks s into lines no wider than width, as measured by measure,
// breaking only between pieces (and inside a piece only when the piece alone
// is wider than a line). Explicit newlines are kept; spaces at the end of a
// line are dropped. A width of zero or less gives one line per paragraph.
func Wrap(s string, width float32, measure func(string) float32) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, wrapParagraph(para, width, measure)...)
	}
	return lines
}

func wrapParagraph(para string, width float32, measure func(string) float32) []string {
	if width <= 0 || para == "" {
		return []string{para}
	}
	var lines []string
	line := ""
	for _, p := range Pieces(para) {
		if measure(strings.TrimRightFunc(line+p, isBreakSpace)) <= width {
			line += p
			continue
		}
		if line != "" {
			lines = append(lines, strings.TrimRightFunc(line, isBreakSpace))
			line = ""
		}
		// A piece wider than the line (a long URL, a SKU list) breaks where
		// it must, as Fyne's TextWrapBreak would.
		for measure(strings.TrimRightFunc(p, isBreakSpace)) > width {
			n := fitPrefix(p, width, measure)
			lines = append(lines, p[:n])
			p = p[n:]
		}
		line = p
	}
	return append(lines, strings.TrimRightFunc(line, isBreakSpace))
}

// fitPrefix is the byte length of the longest prefix of p (at least one
// character) that fits width.
func fitPrefix(p string, width float32, measure func(string) float32) int {
	n := 0
	for i, r := range p {
		end := i + utf8.RuneLen(r)
		if n > 0 && measure(p[:end]) > width {
			break
		}
		n = end
	}
	return n
}
