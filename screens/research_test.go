package screens

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// memNotes is an in-memory note store for screen tests: it keeps what the
// screen saves and searches titles and bodies by substring.
type memNotes struct {
	mu      sync.Mutex
	notes   []app.Note
	saves   int
	queries []string
}

// asked is a copy of the queries the store has seen.
func (m *memNotes) asked() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.queries)
}

func (m *memNotes) store() *mock.NoteStore {
	return &mock.NoteStore{
		NotesFn: func(f app.NoteFilter) ([]app.Note, error) {
			m.mu.Lock()
			defer m.mu.Unlock()
			m.queries = append(m.queries, f.Query)
			var out []app.Note
			for _, n := range m.notes {
				if f.Query != "" && !strings.Contains(n.Title+" "+n.Body, f.Query) {
					continue
				}
				if f.Market != "" && n.Market != f.Market {
					continue
				}
				out = append(out, n)
			}
			return out, nil
		},
		NoteFn: func(id int64) (app.Note, error) {
			m.mu.Lock()
			defer m.mu.Unlock()
			for _, n := range m.notes {
				if n.ID == id {
					return n, nil
				}
			}
			return app.Note{}, app.Errorf(app.ENotFound, "error.not_found")
		},
		SaveNoteFn: func(n *app.Note) error {
			m.mu.Lock()
			defer m.mu.Unlock()
			m.saves++
			if n.ID == 0 {
				n.ID = int64(len(m.notes) + 1)
				m.notes = append(m.notes, *n)
				return nil
			}
			for i := range m.notes {
				if m.notes[i].ID == n.ID {
					m.notes[i] = *n
				}
			}
			return nil
		},
		DeleteNoteFn: func(id int64) error {
			m.mu.Lock()
			defer m.mu.Unlock()
			for i := range m.notes {
				if m.notes[i].ID == id {
					m.notes = append(m.notes[:i], m.notes[i+1:]...)
					return nil
				}
			}
			return app.Errorf(app.ENotFound, "error.not_found")
		},
	}
}

func (m *memNotes) get(i int) app.Note {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.notes[i]
}

// showScreen builds a module screen into the shell's body and returns it,
// so a test holds the screen's widgets.
func showScreen[T moduleScreen](ts testShell, sc T) T {
	ts.body.Objects = []fyne.CanvasObject{sc.buildUI()}
	ts.body.Refresh()
	return sc
}

func overlayText(ts testShell) string {
	if top := ts.win.Canvas().Overlays().Top(); top != nil {
		return texts(top)
	}
	return ""
}

// tapOverlayButton taps the button with text on the top dialog.
func tapOverlayButton(t *testing.T, ts testShell, text string) {
	t.Helper()
	top := ts.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q on the dialog:\n%s", text, texts(top))
}

func TestResearchCreateAndEditNote(t *testing.T) {
	mem := &memNotes{}
	ws := demoWorkspace("/tmp/demo.sellerdb")
	ws.NoteStore = mem.store()
	ts := newTestShell(t, ws)
	r := showScreen(ts, newResearch(ts.Shell))
	ts.next(t) // the screen's first load
	n := r.notes

	test.Type(n.title, "德国退货 物流 interview")
	test.Type(n.noteMarket, "de")
	n.noteMethod.SetSelected(ts.l.T("note.method.interview"))
	test.Type(n.tags, "returns, 物流")
	test.Type(n.body, "## Findings\n- 退货率 **6–8%**")
	n.addAttachment("/tmp/interview.m4a")
	test.Tap(n.save)
	ts.next(t) // saved
	ts.next(t) // list refreshed
	if mem.saves != 1 {
		t.Fatalf("%d saves", mem.saves)
	}
	got := mem.get(0)
	if got.Title != "德国退货 物流 interview" || got.Market != "DE" || got.Method != "interview" ||
		strings.Join(got.Tags, "|") != "returns|物流" || got.Attachments[0] != "/tmp/interview.m4a" || got.Date.IsZero() {
		t.Fatalf("stored note = %+v", got)
	}
	if !strings.Contains(texts(n.list), "德国退货 物流 interview") || !strings.Contains(texts(ts.body), "Notes found: 1") {
		t.Fatalf("the list does not show the new note:\n%s", texts(n.list))
	}
	// The preview renders the Markdown.
	n.bodyTabs.SelectIndex(1)
	if !strings.Contains(texts(n.preview), "Findings") {
		t.Fatalf("preview: %q", texts(n.preview))
	}

	// Edit: pick it from the list, change the title, save.
	n.list.Select(0)
	ts.next(t)
	if n.title.Text != got.Title || n.current.ID != got.ID {
		t.Fatalf("editor shows %q (id %d)", n.title.Text, n.current.ID)
	}
	n.title.SetText("")
	test.Type(n.title, "DE returns interview")
	test.Tap(n.save)
	ts.next(t)
	ts.next(t)
	if got := mem.get(0); got.Title != "DE returns interview" || got.ID != 1 || mem.saves != 2 || len(mem.notes) != 1 {
		t.Fatalf("after edit: %+v (%d saves)", got, mem.saves)
	}

	// Bad input: no title. The person is told and nothing is stored.
	n.title.SetText("  ")
	test.Tap(n.save)
	if mem.saves != 2 {
		t.Fatal("a note without a title was saved")
	}
	if !strings.Contains(overlayText(ts), ts.l.T("research.err_note_title")) {
		t.Fatalf("no error shown; overlay: %q", overlayText(ts))
	}
	ts.win.Canvas().Overlays().Top().Hide()
	n.title.SetText("DE returns interview")
	n.date.SetText("24.11.2026")
	test.Tap(n.save)
	if mem.saves != 2 || !strings.Contains(overlayText(ts), "YYYY-MM-DD") {
		t.Fatalf("a bad date was not refused: %q", overlayText(ts))
	}
}

func TestResearchDeleteNoteAndUndo(t *testing.T) {
	mem := &memNotes{notes: []app.Note{{ID: 1, Title: "Tokyo visit", Market: "JP", Method: "field_visit", Date: testNow}}}
	ws := demoWorkspace("/tmp/demo.sellerdb")
	ws.NoteStore = mem.store()
	ts := newTestShell(t, ws)
	r := showScreen(ts, newResearch(ts.Shell))
	ts.next(t)
	r.notes.list.Select(0)
	ts.next(t)
	test.Tap(r.notes.del)
	tapOverlayButton(t, ts, "Yes") // Fyne's confirm
	ts.next(t)                     // deleted
	if len(mem.notes) != 0 {
		t.Fatal("not deleted")
	}
	ts.next(t) // list refreshed
	if !strings.Contains(overlayText(ts), "Tokyo visit") {
		t.Fatalf("no undo offer: %q", overlayText(ts))
	}
	tapOverlayButton(t, ts, ts.l.T("research.undo"))
	ts.next(t) // saved back
	ts.next(t)
	if len(mem.notes) != 1 || mem.notes[0].Title != "Tokyo visit" {
		t.Fatalf("undo did not restore the note: %+v", mem.notes)
	}
}

func TestResearchSearch(t *testing.T) {
	mem := &memNotes{notes: []app.Note{
		{ID: 1, Title: "德国物流成本", Market: "DE", Method: "desk_research", Date: testNow},
		{ID: 2, Title: "Returns survey", Market: "US", Method: "questionnaire", Body: "物流 packaging", Date: testNow},
		{ID: 3, Title: "Tokyo visit", Market: "JP", Method: "field_visit", Date: testNow},
	}}
	ws := demoWorkspace("/tmp/demo.sellerdb")
	ws.NoteStore = mem.store()
	ts := newTestShell(t, ws)
	r := showScreen(ts, newResearch(ts.Shell))
	ts.next(t)
	if len(r.notes.notes) != 3 {
		t.Fatalf("%d notes listed", len(r.notes.notes))
	}
	test.Type(r.notes.search, "物流")
	ts.next(t) // "物": dropped, a newer search is running
	ts.next(t) // "物流"
	shown := texts(r.notes.list)
	if len(r.notes.notes) != 2 || !strings.Contains(shown, "德国物流成本") || strings.Contains(shown, "Tokyo") {
		t.Fatalf("search 物流 shows:\n%s", shown)
	}
	// The two searches run on their own goroutines and may reach the store in
	// either order; what matters is that "物流" was asked and its result shown.
	if qs := mem.asked(); !slices.Contains(qs, "物流") {
		t.Fatalf("queries %q do not include 物流", qs)
	}
	r.notes.market.SetSelected(app.CountryName(ts.l, "US"))
	ts.next(t)
	if len(r.notes.notes) != 1 || r.notes.notes[0].Title != "Returns survey" {
		t.Fatalf("search + market filter: %+v", r.notes.notes)
	}
	r.notes.search.SetText("blender")
	ts.next(t)
	if len(r.notes.notes) != 0 || !strings.Contains(texts(ts.body), "Notes found: 0") {
		t.Fatal("no match should list nothing")
	}
}

func TestResearchScoringRecomputesAsWeightsChange(t *testing.T) {
	dec := decimal.RequireFromString
	board := app.Scoreboard{
		Criteria: []app.Criterion{
			{ID: 1, Key: "market_size", Weight: dec("0.5")},
			{ID: 2, Key: "competition", Weight: dec("0.3"), Inverse: true},
			{ID: 3, Name: "Factory contacts", Weight: dec("0.2")},
		},
		Markets: []app.CandidateMarket{
			{ID: 1, Country: "US", Cells: map[int64]app.Cell{1: {Score: 5}, 2: {Score: 5}, 3: {Score: 3}}},
			{ID: 2, Country: "DE", Cells: map[int64]app.Cell{1: {Score: 4}, 2: {Score: 2}, 3: {Score: 4}}, Positioning: "leise Küchenhelfer"},
		},
	}
	var cells []app.Cell
	ws := demoWorkspace("/tmp/demo.sellerdb")
	ws.ScoringStore = &mock.ScoringStore{
		ScoreboardFn: func() (app.Scoreboard, error) { return board, nil },
		SetCellFn:    func(_, _ int64, c app.Cell) error { cells = append(cells, c); return nil },
	}
	ts := newTestShell(t, ws)
	r := showScreen(ts, newResearch(ts.Shell))
	ts.next(t)
	sc := r.scoring
	if got := sc.ranking.Chart().Categories; len(got) != 2 || got[0] != app.CountryName(ts.l, "DE") {
		t.Fatalf("ranking %v, want Germany first", got)
	}
	sens := texts(sc.sensitivity)
	if !strings.Contains(sens, "Competition: lowering its weight from 0.3 to 0.100") {
		t.Fatalf("sensitivity:\n%s", sens)
	}
	// Typing a weight re-ranks at once, before saving.
	sc.weights[0].SetText("5")
	if got := sc.ranking.Chart().Categories[0]; got != app.CountryName(ts.l, "US") {
		t.Fatalf("with market size weighted 5, leader = %s", got)
	}
	// The picked market's scores, notes and positioning are editable.
	sc.pick.SetSelectedIndex(1) // markets are listed as stored: US, DE
	if sc.position.Text != "leise Küchenhelfer" {
		t.Fatalf("positioning = %q", sc.position.Text)
	}
	sc.scores[0].SetSelectedIndex(3)
	sc.notes[0].SetText("Largest EU market")
	sc.onSaveMarket()
	ts.next(t)
	if len(cells) != 3 || !containsCell(cells, app.Cell{Score: 3, Note: "Largest EU market"}) {
		t.Fatalf("cells saved: %+v", cells)
	}
}

func containsCell(cells []app.Cell, c app.Cell) bool {
	for _, x := range cells {
		if x == c {
			return true
		}
	}
	return false
}

func TestResearchCompetitorForm(t *testing.T) {
	var saved []app.Competitor
	ws := demoWorkspace("/tmp/demo.sellerdb")
	ws.CompetitorStore = &mock.CompetitorStore{
		SaveCompetitorFn: func(c *app.Competitor) error { c.ID = 7; saved = append(saved, *c); return nil },
		CompetitorsFn:    func(string) ([]app.Competitor, error) { return saved, nil },
	}
	ts := newTestShell(t, ws)
	r := showScreen(ts, newResearch(ts.Shell))
	ts.next(t)
	c := r.rivals
	test.Type(c.name, "Kitchora")
	test.Type(c.market, "US")
	c.price.SetText("19.99")
	c.rating.SetText("4.6")
	c.reviews.SetText("12840")
	c.onSave()
	ts.next(t)
	if len(saved) != 1 || !saved[0].Price.Equal(decimal.RequireFromString("19.99")) || saved[0].Reviews != 12840 || saved[0].Currency != "USD" {
		t.Fatalf("saved %+v", saved)
	}
	if !strings.Contains(texts(c.list), "Kitchora") {
		t.Fatal("the list does not show the competitor")
	}
	c.onNew()
	test.Type(c.name, "Bad")
	c.price.SetText("cheap")
	c.onSave()
	if len(saved) != 1 || !strings.Contains(overlayText(ts), "cheap") {
		t.Fatalf("a bad price was not refused: %q", overlayText(ts))
	}
}

func TestResearchOpenAttachmentsNamesMissingFiles(t *testing.T) {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	ts := newTestShell(t, ws)
	r := showScreen(ts, newResearch(ts.Shell))
	ts.next(t)
	there := filepath.Join(t.TempDir(), "survey.csv")
	if err := os.WriteFile(there, []byte("a,b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(t.TempDir(), "moved-away.pdf")
	r.notes.attachments.SetText(there + "\n\n" + gone)
	r.notes.onOpenAttachments()
	shown := overlayText(ts)
	if !strings.Contains(shown, "moved-away.pdf") || strings.Contains(shown, "survey.csv") {
		t.Fatalf("message: %q", shown)
	}
}

// A search shows under each note why it matched, the match highlighted; a
// list that is still loading says so instead of looking empty.
func TestResearchSearchShowsWhyANoteMatched(t *testing.T) {
	mem := &memNotes{notes: []app.Note{
		{ID: 1, Title: "Returns survey", Market: "US", Method: "questionnaire", Date: testNow,
			Body: "## Findings\nBuyers blame the **Frother** packaging for most returns; the box is too thin."},
		{ID: 2, Title: "Frother pricing", Market: "DE", Method: "desk_research", Date: testNow},
	}}
	ws := demoWorkspace("/tmp/demo.sellerdb")
	ws.NoteStore = mem.store()
	ts := newTestShell(t, ws)
	r := showScreen(ts, newResearch(ts.Shell))
	if !r.notes.loading.Visible() || !strings.Contains(texts(ts.body), "Loading notes…") {
		t.Fatal("the notes list does not say it is loading")
	}
	ts.next(t)
	if r.notes.loading.Visible() {
		t.Fatal("the loading note stays after the notes arrived")
	}
	r.notes.search.SetText("Froth") // the fake store matches case-sensitively
	if !strings.Contains(r.notes.count.Text, "Searching") {
		t.Errorf("while searching the count reads %q", r.notes.count.Text)
	}
	ts.next(t)
	if len(r.notes.notes) != 2 {
		t.Fatalf("%d notes", len(r.notes.notes))
	}
	row := newRsRow()
	r.notes.updateItem(0, row)
	got := row.snippetText()
	if !strings.Contains(got, "Frother packaging") || strings.Contains(got, "**") || strings.Contains(got, "##") {
		t.Errorf("snippet %q", got)
	}
	seg := row.snippet.Segments[1].(*widget.TextSegment)
	if seg.Text != "Frother" || !seg.Style.TextStyle.Bold {
		t.Errorf("the match is not the highlighted part: %+v", seg)
	}
	r.notes.search.SetText("")
	ts.next(t)
	r.notes.updateItem(0, row)
	if row.snippetText() != "" {
		t.Errorf("without a search a row still shows %q", row.snippetText())
	}
}
