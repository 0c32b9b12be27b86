package app_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name                    string
		in                      string
		words, bigrams, unigram string
	}{
		{"english words lower-cased", "Milk Frother, USB-C!", "milk frother usb c", "", ""},
		{"two Han characters", "物流", "", "物流", "物 流"},
		{"a longer Han run gives overlapping bigrams", "物流成本", "", "物流 流成 成本", "物 流 成 本"},
		{"punctuation splits runs", "退货，物流", "", "退货 物流", "退 货 物 流"},
		{"mixed script", "FDA认证 446°F", "fda 446 f", "认证", "认 证"},
		{"kana and long vowel mark", "キッチンスケール", "", "キッ ッチ チン ンス スケ ケー ール", "キ ッ チ ン ス ケ ー ル"},
		{"diacritics kept for the tokenizer", "Milchaufschäumer", "milchaufschäumer", "", ""},
		{"single Han character", "壶", "", "", "壶"},
		{"nothing to index", " ,.!? ", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := app.Tokenize(tt.in)
			if w := strings.Join(got.Words, " "); w != tt.words {
				t.Errorf("words = %q, want %q", w, tt.words)
			}
			if b := strings.Join(got.Bigrams, " "); b != tt.bigrams {
				t.Errorf("bigrams = %q, want %q", b, tt.bigrams)
			}
			if u := strings.Join(got.Unigrams, " "); u != tt.unigram {
				t.Errorf("unigrams = %q, want %q", u, tt.unigram)
			}
		})
	}
}

// FuzzTokenize: any text tokenizes without panicking, tokens are never
// empty and hold no spaces (they are written space-separated into FTS5),
// and a query made of a CJK substring of the text finds its bigrams in the
// text's bigrams.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"物流成本 shipping", "退货率 6–8%", "キッチン", "\xff\xfe", "a\u0301b", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tok := app.Tokenize(s)
		for _, list := range [][]string{tok.Words, tok.Bigrams, tok.Unigrams} {
			for _, w := range list {
				if w == "" || strings.ContainsAny(w, " \t\n\"") {
					t.Fatalf("bad token %q from %q", w, s)
				}
			}
		}
		for _, run := range app.TextRuns(s) {
			if run.CJK && len([]rune(run.Text)) != len(run.Bigrams())+1 {
				t.Fatalf("run %q: %d bigrams", run.Text, len(run.Bigrams()))
			}
		}
	})
}

func TestNoteValidate(t *testing.T) {
	day := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		note app.Note
		key  string // "" = valid
	}{
		{"valid", app.Note{Title: " DE 物流 ", Market: "de", Method: "interview", Date: day}, ""},
		{"method defaults", app.Note{Title: "x", Date: day}, ""},
		{"no title", app.Note{Title: "  ", Date: day}, "research.err_note_title"},
		{"unknown method", app.Note{Title: "x", Method: "guess", Date: day}, "research.err_note_method"},
		{"bad market", app.Note{Title: "x", Market: "DEU", Date: day}, "research.err_market"},
		{"no date", app.Note{Title: "x"}, "research.err_note_date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.note
			err := n.Validate()
			if tt.key == "" {
				if err != nil {
					t.Fatal(err)
				}
				if n.Method == "" || n.Title != strings.TrimSpace(tt.note.Title) || n.Market != strings.ToUpper(tt.note.Market) {
					t.Fatalf("not tidied: %+v", n)
				}
				return
			}
			var e *app.Error
			if err == nil || !errors.As(err, &e) || e.Key != tt.key {
				t.Fatalf("err = %v, want %s", err, tt.key)
			}
		})
	}
}

func TestSplitList(t *testing.T) {
	got := strings.Join(app.SplitList(" kitchen, 物流，kitchen;; us "), "|")
	if got != "kitchen|物流|us" {
		t.Fatalf("SplitList = %q", got)
	}
}

// TestResearchAndProductKeys: every key built from a list at run time
// (criteria, pipeline stages, checklist items, quadrants, roles) exists in
// both languages.
func TestResearchAndProductKeys(t *testing.T) {
	var keys []string
	for _, c := range app.ScoringCriteria {
		keys = append(keys, "research.crit."+c.Key)
	}
	for _, st := range app.PipelineStages {
		keys = append(keys, "products.pipeline."+st)
		for _, it := range app.PipelineChecks[st] {
			keys = append(keys, "products.check."+it)
		}
	}
	for _, it := range app.PackagingChecks {
		keys = append(keys, "products.pack."+it)
	}
	for _, q := range app.Quadrants {
		keys = append(keys, "products.quadrant."+q)
	}
	for _, r := range app.ProductRoles {
		keys = append(keys, "products.role."+r)
	}
	for _, l := range app.Langs {
		loc := app.NewLocalizer(l)
		for _, k := range keys {
			if !loc.Has(k) {
				t.Errorf("%s: missing %s", l, k)
			}
		}
	}
}
