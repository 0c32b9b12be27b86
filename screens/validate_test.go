package screens

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// validatedEntries walks o, every tab of every AppTabs (selecting each, so
// tabs built when first opened are built), both sides of splits, scroll
// contents, form items and widget renderers, and returns every entry with
// a validator.
func validatedEntries(o fyne.CanvasObject, drain func()) []*widget.Entry {
	var out []*widget.Entry
	seen := map[fyne.CanvasObject]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || seen[o] {
			return
		}
		seen[o] = true
		switch w := o.(type) {
		case *widget.Entry:
			if w.Validator != nil {
				out = append(out, w)
			}
		case *widget.SelectEntry:
			if w.Validator != nil {
				out = append(out, &w.Entry)
			}
		case *container.AppTabs:
			for i := range w.Items {
				w.SelectIndex(i)
				drain()
			}
			for _, it := range w.Items {
				walk(it.Content)
			}
		case *container.DocTabs:
			for _, it := range w.Items {
				walk(it.Content)
			}
		case *container.Split:
			walk(w.Leading)
			walk(w.Trailing)
		case *container.Scroll:
			walk(w.Content)
		case *widget.Form:
			for _, it := range w.Items {
				walk(it.Widget)
			}
		case *widget.Card:
			walk(w.Content)
		case *widget.Accordion:
			for _, it := range w.Items {
				walk(it.Detail)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		}
		if wid, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wid).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// badInputs are typed values every validator in the app rejects at least
// one of: text, a negative number, an impossible date, an impossible time.
var badInputs = []string{"abc", "-5", "2024-13-45", "99:99", "2024-13-45 99:99"}

// rawKey is a translation key shown as it is instead of its text.
var rawKey = regexp.MustCompile(`\b[a-z_]+\.[a-z_]+\.[a-z0-9_.]+\b`)

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// validationWorkspace has a checklist item and a scoring criterion, so the
// per-row fields (due dates, weights) exist too.
func validationWorkspace() *mock.Workspace {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	lists := []app.Checklist{{ID: 1, Template: "ip", Title: "IP", Created: testNow,
		Items: []app.ChecklistItem{{ID: 1, Text: "Register the trademark", Due: testNow}}}}
	ws.RiskStore = &mock.RiskStore{ChecklistsFn: func() ([]app.Checklist, error) { return lists, nil }}
	ws.ScoringStore = &mock.ScoringStore{ScoreboardFn: func() (app.Scoreboard, error) {
		return app.Scoreboard{Criteria: []app.Criterion{{ID: 1, Key: "size", Weight: decimal.NewFromInt(1)}},
			Markets: []app.CandidateMarket{{ID: 1, Country: "DE", Cells: map[int64]app.Cell{}}}}, nil
	}}
	return ws
}

// TestEveryValidatorSpeaksTheWindowsLanguage builds every module in each
// language, finds every field with a validator, types bad values into it
// and checks the message Fyne shows under it: the localized text of the
// app.Error, Chinese in the Chinese window, never a raw translation key.
// It failed before localizedValidator: Fyne shows err.Error(), which is
// English.
func TestEveryValidatorSpeaksTheWindowsLanguage(t *testing.T) {
	ids := make([]string, 0, len(moduleScreens))
	for id := range moduleScreens {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	// Every module whose source sets a Validator must show at least one
	// validated field here, so the walk cannot silently miss a module.
	wantModules := modulesWithValidators(t)
	for _, lang := range app.Langs {
		t.Run(string(lang), func(t *testing.T) {
			ts := newTestShell(t, validationWorkspace())
			ts.SetLanguage(lang)
			l := ts.Localizer()
			drain := func() {
				for {
					select {
					case f := <-ts.posted:
						f()
					case <-time.After(50 * time.Millisecond):
						return
					}
				}
			}
			drain()
			found := map[string]int{}
			for _, id := range ids {
				scr := moduleScreens[id](ts.Shell)
				view := scr.buildUI()
				ts.body.Objects = []fyne.CanvasObject{view}
				ts.body.Refresh()
				drain()
				entries := validatedEntries(view, drain)
				// The market-event editor is a dialog: open it and walk it too.
				if p, ok := scr.(*promotions); ok {
					p.editEvent(app.MarketEvent{Year: 2026, Start: testNow, End: testNow})
					for _, ov := range ts.win.Canvas().Overlays().List() {
						entries = append(entries, validatedEntries(ov, drain)...)
					}
				}
				for _, e := range entries {
					var err error
					for _, in := range badInputs {
						if err = e.Validator(in); err != nil {
							break
						}
					}
					if err == nil {
						t.Errorf("%s: a field (placeholder %q) accepts every one of %q", id, e.PlaceHolder, badInputs)
						continue
					}
					found[id]++
					msg := err.Error()
					var ae *app.Error
					if !errors.As(err, &ae) {
						t.Errorf("%s: %q is not an app.Error underneath", id, msg)
						continue
					}
					if want := l.Message(err); msg != want {
						t.Errorf("%s: the field shows %q, want %q", id, msg, want)
					}
					if k := rawKey.FindString(msg); k != "" || l.T(ae.Key) == ae.Key {
						t.Errorf("%s: %q shows a raw key %q", id, msg, k+ae.Key)
					}
					if lang == app.LangChinese && (!hasHan(msg) || msg == ae.Error()) {
						t.Errorf("%s: the Chinese window shows %q", id, msg)
					}
				}
				for ts.win.Canvas().Overlays().Top() != nil {
					ts.win.Canvas().Overlays().Remove(ts.win.Canvas().Overlays().Top())
				}
			}
			for _, m := range wantModules {
				if found[m] == 0 {
					t.Errorf("module %s sets validators in its source, but the walk found no validated field", m)
				}
			}
			t.Logf("validated fields per module: %v", found)
		})
	}
}

// modulesWithValidators lists the modules whose screen files set a
// Validator (files are named after their module: customers_predict.go is
// the customers module).
func modulesWithValidators(t *testing.T) []string {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`Validator(\s*:|\s*=[^=])`).Match(b) {
			continue
		}
		mod, _, _ := strings.Cut(strings.TrimSuffix(f, ".go"), "_")
		if _, ok := moduleScreens[mod]; ok {
			set[mod] = true
		}
	}
	out := make([]string, 0, len(set))
	for m := range set {
		out = append(out, m)
	}
	sort.Strings(out)
	if len(out) < 6 {
		t.Fatalf("found validators in only %v: the scan is broken", out)
	}
	return out
}
