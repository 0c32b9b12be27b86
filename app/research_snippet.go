package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Snippet is the piece of a note a search matched: the matched word or
// characters and a little text on each side, for a results list to show why
// a note was found, the match highlighted. Before and After start or end
// with "…" where the text was cut.
type Snippet struct {
	Before, Match, After string
}

// Empty reports whether there is nothing to show.
func (s Snippet) Empty() bool { return s.Match == "" }

// snippetBefore and snippetAfter are how many characters of context a
// snippet keeps around its match: enough for a list row, where the match
// should sit near the start so it is never truncated away.
const (
	snippetBefore = 24
	snippetAfter  = 60
)

// NoteSnippet finds where the search query matches the note, as the search
// itself matches (see TextRuns): a word as the start of a word, any case
// ("froth" in "Frother"), a run of Chinese characters as those characters
// in a row. It looks in the body first, where the reason is least visible,
// then the title. The index holds the app's own tokens (CJK bigrams), so
// FTS5's snippet() would show bigrams, not the note's text; the match is
// found again here on the text itself.
func NoteSnippet(n Note, query string) Snippet {
	terms := TextRuns(query)
	if len(terms) == 0 {
		return Snippet{}
	}
	for _, text := range []string{plainMarkdown(n.Body), n.Title} {
		if s, ok := findSnippet(text, terms); ok {
			return s
		}
	}
	return Snippet{}
}

// textRun is a TextRun with its place in the text, in runes.
type textRun struct {
	start, end int
	cjk        bool
}

// runsAt splits text as TextRuns does, keeping where each run is.
func runsAt(text []rune) []textRun {
	var out []textRun
	start, cjk := -1, false
	flush := func(i int) {
		if start >= 0 {
			out = append(out, textRun{start, i, cjk})
			start = -1
		}
	}
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case r == utf8.RuneError || !isCJK(r) && !word:
			flush(i)
		case start >= 0 && isCJK(r) != cjk:
			flush(i)
			start, cjk = i, isCJK(r)
		case start < 0:
			start, cjk = i, isCJK(r)
		}
	}
	flush(len(text))
	return out
}

// findSnippet is the snippet around the earliest match of any term.
func findSnippet(text string, terms []TextRun) (Snippet, bool) {
	rs := []rune(text)
	best, bestEnd := -1, -1
	for _, run := range runsAt(rs) {
		if best >= 0 && run.start >= best {
			break // runs come in order: nothing later can be earlier
		}
		word := strings.ToLower(string(rs[run.start:run.end]))
		for _, term := range terms {
			if term.CJK != run.cjk {
				continue
			}
			if !run.cjk {
				if strings.HasPrefix(word, term.Text) {
					best, bestEnd = run.start, run.end // the whole word
				}
				continue
			}
			if i := strings.Index(word, term.Text); i >= 0 {
				at := run.start + utf8.RuneCountInString(word[:i])
				if best < 0 || at < best {
					best, bestEnd = at, at+utf8.RuneCountInString(term.Text)
				}
			}
		}
	}
	if best < 0 {
		return Snippet{}, false
	}
	from, to := max(0, best-snippetBefore), min(len(rs), bestEnd+snippetAfter)
	// Cut Latin text between words, not inside one ("…tools", not "…n tools").
	if from > 0 && !isCJK(rs[from]) {
		for i := from; i < best && i < from+12; i++ {
			if unicode.IsSpace(rs[i]) {
				from = i + 1
				break
			}
		}
	}
	if to < len(rs) && !isCJK(rs[to-1]) {
		for i := to; i > bestEnd && i > to-12; i-- {
			if unicode.IsSpace(rs[i-1]) {
				to = i - 1
				break
			}
		}
	}
	s := Snippet{Before: string(rs[from:best]), Match: string(rs[best:bestEnd]), After: string(rs[bestEnd:to])}
	if from > 0 {
		s.Before = "…" + strings.TrimLeft(s.Before, " ")
	}
	if to < len(rs) {
		s.After = strings.TrimRight(s.After, " ") + "…"
	}
	return s, true
}

// plainMarkdown is a note's Markdown as one line of plain text: marks that
// mean nothing in a list row (#, *, `, >, list dashes) and line breaks go.
func plainMarkdown(md string) string {
	var b strings.Builder
	for _, line := range strings.Split(md, "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimLeft(line, "#>-+ ")
		line = strings.NewReplacer("**", "", "__", "", "`", "", "*", "").Replace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(line)
	}
	return b.String()
}
