package app

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Research methods a note can record, from the field's standard list.
var ResearchMethods = []string{"questionnaire", "interview", "focus_group", "market_data", "competitor_analysis", "desk_research", "field_visit"}

// Note is a market research note.
type Note struct {
	ID     int64
	Title  string
	Market string // ISO 3166 alpha-2 country code, e.g. "DE"
	Method string // one of ResearchMethods
	Source string
	Tags   []string
	Date   time.Time
	Body   string // Markdown
	// Attachments are paths of files on this computer (photos, PDFs); the
	// workspace stores the paths, not the files.
	Attachments []string
}

// NoteFilter narrows the notes list. Empty fields do not filter. With a
// Query the notes come best match first; without, newest first.
type NoteFilter struct {
	Query  string
	Market string
	Method string
	Tag    string
	Limit  int // 0: no limit
}

// NoteStore keeps research notes and their search index.
type NoteStore interface {
	Notes(ctx context.Context, f NoteFilter) ([]Note, error)
	Note(ctx context.Context, id int64) (Note, error)
	// SaveNote inserts n when n.ID is 0, else replaces it; n.ID is set.
	SaveNote(ctx context.Context, n *Note) error
	DeleteNote(ctx context.Context, id int64) error
	// NoteTags is every tag in use, sorted, for the tag filter.
	NoteTags(ctx context.Context) ([]string, error)
}

// Validate tidies a note before it is stored and names the field at fault.
func (n *Note) Validate() error {
	n.Title = strings.TrimSpace(n.Title)
	n.Market = strings.ToUpper(strings.TrimSpace(n.Market))
	if n.Title == "" {
		return Errorf(EInvalid, "research.err_note_title")
	}
	if n.Method == "" {
		n.Method = "desk_research"
	}
	if !slices.Contains(ResearchMethods, n.Method) {
		return Errorf(EInvalid, "research.err_note_method", n.Method)
	}
	if n.Market != "" && len(n.Market) != 2 {
		return Errorf(EInvalid, "research.err_market", n.Market)
	}
	if n.Date.IsZero() {
		return Errorf(EInvalid, "research.err_note_date")
	}
	n.Tags = SplitList(strings.Join(n.Tags, ","))
	var att []string
	for _, a := range n.Attachments {
		if a = strings.TrimSpace(a); a != "" && !slices.Contains(att, a) {
			att = append(att, a)
		}
	}
	n.Attachments = att
	return nil
}

// SplitList splits a comma-separated list (Chinese commas too), trimming
// blanks and dropping empty and repeated items.
func SplitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ';' || r == '；' }) {
		if p = strings.TrimSpace(p); p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// ParseDay reads a YYYY-MM-DD date in UTC.
func ParseDay(s string) (time.Time, error) {
	return time.Parse("2006-01-02", strings.TrimSpace(s))
}

// SearchTokens is how text is indexed and queried for full-text search.
// SQLite's own tokenizers cannot find two-character Chinese words (unicode61
// keeps a whole run of Han characters as one token; trigram needs three
// characters), so the app writes its own tokens and SQLite only splits them
// on the spaces between:
//   - Words are runs of letters and digits in scripts written with spaces
//     (Latin, Cyrillic, …), lower-cased: "Milchaufschäumer" -> "milchaufschäumer".
//   - Runs of CJK characters (Han, kana, Hangul) give their overlapping
//     bigrams, in order, "物流成本" -> "物流 流成 成本", so any substring of
//     two or more characters is a phrase of consecutive bigrams.
//   - Every CJK character is also a unigram, so a one-character term is found.
//
// A query is tokenized the same way, so index and query always agree.
type SearchTokens struct {
	Words    []string
	Bigrams  []string
	Unigrams []string
}

// Tokenize splits text into search tokens.
func Tokenize(text string) SearchTokens {
	var t SearchTokens
	for _, seg := range TextRuns(text) {
		if !seg.CJK {
			t.Words = append(t.Words, seg.Text)
			continue
		}
		t.Bigrams = append(t.Bigrams, seg.Bigrams()...)
		for _, r := range seg.Text {
			t.Unigrams = append(t.Unigrams, string(r))
		}
	}
	return t
}

// TextRun is one word or one run of CJK characters (named apart from
// tiering's customer Segment).
type TextRun struct {
	Text string
	CJK  bool
}

// Bigrams are the overlapping character pairs of a CJK segment; a
// one-character segment has none.
func (s TextRun) Bigrams() []string {
	rs := []rune(s.Text)
	var out []string
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// TextRuns splits text into lower-cased words and CJK runs, in order;
// everything else (spaces, punctuation, symbols) separates them.
func TextRuns(text string) []TextRun {
	var out []TextRun
	var cur []rune
	curCJK := false
	flush := func() {
		if len(cur) > 0 {
			out = append(out, TextRun{Text: string(cur), CJK: curCJK})
			cur = cur[:0]
		}
	}
	for _, r := range text {
		switch {
		case r == utf8.RuneError:
			flush()
		case isCJK(r):
			if !curCJK {
				flush()
			}
			curCJK = true
			cur = append(cur, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if curCJK {
				flush()
			}
			curCJK = false
			cur = append(cur, unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r == 'ー'
}
