package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

func saveNotes(t *testing.T, s *Store, notes ...app.Note) []int64 {
	t.Helper()
	var ids []int64
	for i := range notes {
		n := notes[i]
		if n.Date.IsZero() {
			n.Date = time.Date(2026, 11, 1+i, 0, 0, 0, 0, time.UTC)
		}
		if err := s.SaveNote(context.Background(), &n); err != nil {
			t.Fatalf("SaveNote %q: %v", n.Title, err)
		}
		ids = append(ids, n.ID)
	}
	return ids
}

func titles(notes []app.Note) string {
	var out []string
	for _, n := range notes {
		out = append(out, n.Title)
	}
	return strings.Join(out, " | ")
}

func TestNoteSearch(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	saveNotes(t, s,
		app.Note{Title: "德国物流成本调研", Market: "DE", Method: "desk_research", Tags: []string{"logistics"}, Body: "专线 和 海外仓 对比"},
		app.Note{Title: "Returns survey", Market: "US", Method: "questionnaire", Body: "退货 reason #1: container cracked in transit; 物流 packaging"},
		app.Note{Title: "Milk frother market data", Market: "DE", Method: "market_data", Tags: []string{"frother", "amazon"}, Body: "Milchaufschäumer search volume 210,000"},
		app.Note{Title: "Tokyo field visit", Market: "JP", Method: "field_visit", Body: "キッチンスケール ¥1,980; 竹制收纳很受欢迎"},
	)
	tests := []struct {
		name, query string
		want        string // titles best first
	}{
		{"two-character Chinese term in title and body, title first", "物流", "德国物流成本调研 | Returns survey"},
		{"three-character Chinese term", "海外仓", "德国物流成本调研"},
		{"four characters across a bigram boundary", "物流成本", "德国物流成本调研"},
		{"characters not adjacent do not match", "物成", ""},
		{"single Chinese character", "仓", "德国物流成本调研"},
		{"English word, case-insensitive", "SURVEY", "Returns survey"},
		{"English prefix", "froth", "Milk frother market data"},
		{"German without the umlaut", "milchaufschaumer", "Milk frother market data"},
		{"tag", "amazon", "Milk frother market data"},
		{"mixed Chinese and English must both match", "退货 container", "Returns survey"},
		{"mixed, one side missing", "退货 frother", ""},
		{"katakana", "スケール", "Tokyo field visit"},
		{"no match", "blender", ""},
		{"punctuation only", "?!", ""},
		{"quotes cannot break the query", `"物流" OR`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Notes(ctx, app.NoteFilter{Query: tt.query})
			if err != nil {
				t.Fatalf("Notes(%q): %v", tt.query, err)
			}
			if g := titles(got); g != tt.want {
				t.Fatalf("Notes(%q) = %q, want %q", tt.query, g, tt.want)
			}
		})
	}

	// Filters combine with the query.
	got, err := s.Notes(ctx, app.NoteFilter{Query: "物流", Market: "US"})
	if err != nil || titles(got) != "Returns survey" {
		t.Fatalf("query + market = %q, %v", titles(got), err)
	}
	got, err = s.Notes(ctx, app.NoteFilter{Method: "field_visit"})
	if err != nil || titles(got) != "Tokyo field visit" {
		t.Fatalf("method filter = %q, %v", titles(got), err)
	}
	got, err = s.Notes(ctx, app.NoteFilter{Tag: "logistics"})
	if err != nil || titles(got) != "德国物流成本调研" {
		t.Fatalf("tag filter = %q, %v", titles(got), err)
	}
	got, err = s.Notes(ctx, app.NoteFilter{})
	if err != nil || len(got) != 4 || got[0].Title != "Tokyo field visit" {
		t.Fatalf("all notes newest first = %q, %v", titles(got), err)
	}
}

func TestNoteIndexFollowsChanges(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	ids := saveNotes(t, s, app.Note{Title: "包装 test", Body: "old words"})
	n, err := s.Note(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	n.Body = "退货 rate"
	n.Attachments = []string{"/tmp/a.pdf", "/tmp/b.png"}
	if err := s.SaveNote(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Notes(ctx, app.NoteFilter{Query: "old"}); len(got) != 0 {
		t.Fatal("the old body is still indexed")
	}
	if got, _ := s.Notes(ctx, app.NoteFilter{Query: "退货"}); len(got) != 1 {
		t.Fatal("the new body is not indexed")
	}
	back, err := s.Note(ctx, n.ID)
	if err != nil || strings.Join(back.Attachments, ",") != "/tmp/a.pdf,/tmp/b.png" {
		t.Fatalf("attachments = %v, %v", back.Attachments, err)
	}
	// A note written by plain SQL (as a demo seed or another module does) is
	// indexed too, through the queue the triggers fill.
	if _, err := s.db.ExecContext(ctx, `INSERT INTO notes (title, noted_on, body) VALUES ('SQL note', '2026-01-01', '物流时效')`); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Notes(ctx, app.NoteFilter{Query: "时效"}); titles(got) != "SQL note" {
		t.Fatalf("a note inserted by SQL was not found: %q", titles(got))
	}
	if err := s.DeleteNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Notes(ctx, app.NoteFilter{Query: "退货"}); len(got) != 0 {
		t.Fatal("a deleted note is still found")
	}
	if _, err := s.Note(ctx, n.ID); app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("deleted note: %v, want not found", err)
	}
	if err := s.DeleteNote(ctx, n.ID); app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("second delete: %v", err)
	}
	var bad = app.Note{Title: ""}
	if err := s.SaveNote(ctx, &bad); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("a note without title: %v", err)
	}
	tags, err := s.NoteTags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_ = tags
}

func TestDemoNotesAreSearchable(t *testing.T) {
	s := sharedDemo(t, time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC))
	for _, q := range []string{"物流", "退货", "Milchaufschäumer", "survey"} {
		got, err := s.Notes(context.Background(), app.NoteFilter{Query: q})
		if err != nil || len(got) == 0 {
			t.Fatalf("demo search %q: %d notes, %v", q, len(got), err)
		}
	}
	b, err := s.Scoreboard(context.Background())
	if err != nil || len(b.Markets) < 3 || len(b.Criteria) < 7 {
		t.Fatalf("demo scoreboard: %d markets, %d criteria, %v", len(b.Markets), len(b.Criteria), err)
	}
	sales, err := s.ProductSales(context.Background())
	if err != nil || len(sales) == 0 {
		t.Fatalf("demo product sales: %v %v", sales, err)
	}
}

func TestCompetitorsCRUD(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	c := app.Competitor{Name: "Kitchora", Market: "us", Platform: "Amazon US", Price: decimal.RequireFromString("19.99"),
		Rating: decimal.RequireFromString("4.6"), Reviews: 12840}
	if err := s.SaveCompetitor(ctx, &c); err != nil {
		t.Fatal(err)
	}
	c.Price = decimal.RequireFromString("17.49")
	if err := s.SaveCompetitor(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Competitors(ctx, "US")
	if err != nil || len(got) != 1 || !got[0].Price.Equal(decimal.RequireFromString("17.49")) || got[0].Currency != "USD" ||
		!got[0].Rating.Equal(decimal.RequireFromString("4.6")) {
		t.Fatalf("competitors = %+v, %v", got, err)
	}
	bad := app.Competitor{Name: "X", Rating: decimal.NewFromInt(6)}
	if err := s.SaveCompetitor(ctx, &bad); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("rating 6: %v", err)
	}
	if err := s.DeleteCompetitor(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCompetitor(ctx, c.ID); app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("second delete: %v", err)
	}
}

func TestScoringStore(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	b, err := s.Scoreboard(ctx)
	if err != nil || len(b.Criteria) != 7 {
		t.Fatalf("built-in criteria: %d, %v", len(b.Criteria), err)
	}
	own := app.Criterion{Name: "Factory contacts", Weight: decimal.RequireFromString("0.05")}
	if err := s.SaveCriterion(ctx, &own); err != nil {
		t.Fatal(err)
	}
	us := app.CandidateMarket{Country: "US", Positioning: "Kitchen tools that survive the dishwasher"}
	de := app.CandidateMarket{Country: "DE"}
	for _, m := range []*app.CandidateMarket{&us, &de} {
		if err := s.SaveCandidate(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	dup := app.CandidateMarket{Country: "US"}
	if err := s.SaveCandidate(ctx, &dup); app.ErrorCode(err) != app.EConflict {
		t.Fatalf("US twice: %v", err)
	}
	if err := s.SetCell(ctx, us.ID, own.ID, app.Cell{Score: 4, Note: "two OEMs"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCell(ctx, us.ID, own.ID, app.Cell{Score: 5, Note: "three OEMs"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCell(ctx, us.ID, b.Criteria[0].ID, app.Cell{Score: 7}); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("score 7: %v", err)
	}
	b, err = s.Scoreboard(ctx)
	if err != nil || len(b.Criteria) != 8 || len(b.Markets) != 2 {
		t.Fatalf("scoreboard: %+v %v", b, err)
	}
	if c := b.Markets[1].Cells[own.ID]; b.Markets[1].Country != "US" || c.Score != 5 || c.Note != "three OEMs" {
		t.Fatalf("US cell = %+v", c)
	}
	if err := s.SetCell(ctx, us.ID, own.ID, app.Cell{}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCriterion(ctx, own.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCandidate(ctx, de.ID); err != nil {
		t.Fatal(err)
	}
	b, _ = s.Scoreboard(ctx)
	if len(b.Criteria) != 7 || len(b.Markets) != 1 || len(b.Markets[0].Cells) != 0 {
		t.Fatalf("after deletes: %+v", b)
	}
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProductImportExport(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	existing := app.Product{SKU: "HL-1", NameEn: "Old name", Pipeline: "sample"}
	if err := s.SaveProduct(ctx, &existing); err != nil {
		t.Fatal(err)
	}
	csvPath := writeFile(t, "catalog.csv", "\ufeffsku,name_zh,name_en,cost_cny,weight_kg,length_cm,markets,price_band,stage\n"+
		"HL-1,压蒜器,Garlic press,12.50,0.26,19,\"US,GB\",low,maturity\n"+
		"HL-2,,Chopper,32,0.78,23,US,mid,growth\n"+
		",,No SKU,1,1,1,US,mid,growth\n"+
		"HL-3,,Bad cost,abc,1,1,US,mid,growth\n"+
		"\n"+
		"HL-2,,Chopper again,1,1,1,US,mid,growth\n"+
		"HL-4,,Bad band,1,1,1,US,premium,growth\n")
	imp, err := s.ReadProductFile(ctx, csvPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Products) != 2 {
		t.Fatalf("%d good rows, want 2", len(imp.Products))
	}
	wantRows := map[int]string{4: "products.err_sku", 5: "products.err_amount", 7: "products.err_sku_twice", 8: "products.err_choice"}
	if len(imp.Problems) != len(wantRows) {
		t.Fatalf("problems = %+v", imp.Problems)
	}
	for _, p := range imp.Problems {
		if wantRows[p.Row] != p.Err.Key {
			t.Errorf("row %d: %s, want %s", p.Row, p.Err.Key, wantRows[p.Row])
		}
	}
	// Reading stored nothing.
	if ps, _ := s.Products(ctx); len(ps) != 1 || ps[0].NameEn != "Old name" {
		t.Fatalf("reading the file changed the catalogue: %+v", ps)
	}
	added, updated, err := s.ImportProducts(ctx, imp.Products)
	if err != nil || added != 1 || updated != 1 {
		t.Fatalf("import: +%d ~%d %v", added, updated, err)
	}
	ps, _ := s.Products(ctx)
	if len(ps) != 2 || ps[0].NameZh != "压蒜器" || ps[0].Pipeline != "sample" || !ps[0].LengthCm.Equal(decimal.NewFromInt(19)) ||
		strings.Join(ps[0].Markets, ",") != "US,GB" {
		t.Fatalf("after import: %+v", ps)
	}
	// A failure inside the transaction leaves everything as it was.
	bad := []app.Product{{SKU: "HL-9", NameEn: "ok"}, {SKU: "HL-10"}}
	if _, _, err := s.ImportProducts(ctx, bad); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("bad batch: %v", err)
	}
	if ps, _ := s.Products(ctx); len(ps) != 2 {
		t.Fatalf("a failed import left %d products", len(ps))
	}
	for _, ext := range []string{".csv", ".xlsx"} {
		out := filepath.Join(t.TempDir(), "export"+ext)
		if err := s.ExportProducts(ctx, out); err != nil {
			t.Fatalf("export %s: %v", ext, err)
		}
		back, err := s.ReadProductFile(ctx, out)
		if err != nil || len(back.Products) != 2 || len(back.Problems) != 0 || back.Products[0].NameZh != "压蒜器" {
			t.Fatalf("re-read %s: %+v %v", ext, back, err)
		}
	}
	if _, err := s.ReadProductFile(ctx, writeFile(t, "x.pdf", "x")); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("pdf: %v", err)
	}
	if _, err := s.ReadProductFile(ctx, writeFile(t, "h.csv", "name,cost\nx,1\n")); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("no sku column: %v", err)
	}
}

func TestProductCRUDAndChecks(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	p := app.Product{SKU: "HL-1", NameZh: "奶泡器", PurchaseCost: decimal.RequireFromString("26.5"), Markets: []string{"de"},
		MarketGrowth: decimal.NewNullDecimal(decimal.RequireFromString("0.2"))}
	if err := s.SaveProduct(ctx, &p); err != nil {
		t.Fatal(err)
	}
	q := app.Product{SKU: "HL-1", NameEn: "dup"}
	if err := s.SaveProduct(ctx, &q); app.ErrorCode(err) != app.EConflict {
		t.Fatalf("duplicate SKU: %v", err)
	}
	got, err := s.Product(ctx, p.ID)
	if err != nil || !got.PurchaseCost.Equal(p.PurchaseCost) || got.Markets[0] != "DE" || !got.MarketGrowth.Valid || got.RelativeShare.Valid {
		t.Fatalf("product = %+v, %v", got, err)
	}
	if err := s.SetCheck(ctx, p.ID, "pack.barcode", true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCheck(ctx, p.ID, "pack.nothing", true); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("bad item: %v", err)
	}
	checks, err := s.Checks(ctx, p.ID)
	if _, ok := checks["pack.barcode"]; err != nil || !ok || len(checks) != 1 {
		t.Fatalf("checks = %v, %v", checks, err)
	}
	if err := s.SetCheck(ctx, p.ID, "pack.barcode", false); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteProduct(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Product(ctx, p.ID); !errors.Is(err, err) || app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("deleted product: %v", err)
	}
}

// BenchmarkNoteSearch: a two-character Chinese query over 5,000 notes with
// the index up to date (what a keystroke in the search box costs).
func BenchmarkNoteSearch(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench"+app.WorkspaceExt)
	s, err := Create(context.Background(), path, "bench")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	tx, _ := s.db.BeginTx(ctx, nil)
	for i := 0; i < 5000; i++ {
		body := "Amazon listing notes: price, reviews and 物流成本 for market " + strconv.Itoa(i%50)
		if i%10 == 0 {
			body += " 退货率偏高"
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO notes (title, noted_on, body) VALUES (?, '2026-01-01', ?)", "Note "+strconv.Itoa(i), body); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if _, err := s.Notes(ctx, app.NoteFilter{Query: "x"}); err != nil { // indexes the queue
		b.Fatal(err)
	}
	b.Logf("indexing 5000 notes: %v", time.Since(start))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		got, err := s.Notes(ctx, app.NoteFilter{Query: "退货", Limit: 500})
		if err != nil || len(got) != 500 {
			b.Fatalf("%d notes, %v", len(got), err)
		}
	}
}
