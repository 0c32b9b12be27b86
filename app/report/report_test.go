package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/net/html"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/report"
	"github.com/seller-assistant/seller-assistant/assets"
)

// fakeJS stands in for the 1 MB echarts build: the tests only need to find it
// and count it.
const fakeJS = `/*FAKE-ECHARTS-7f3a*/window.fakeEcharts = {version: "test"};`

// Strings a shop owner could type into a product name or a note. None of them
// may reach the page unescaped.
const (
	evilScript = `</script><script>alert(1)</script>`
	evilTag    = `<b>x</b>`
	evilQuote  = `"quotes"`
	evilAmp    = `Tom & Jerry`
)

var evil = []string{evilScript, evilTag, evilQuote, evilAmp}

var catalogs = map[app.Lang]string{
	app.LangEnglish: `{"report.contents":"Contents","report.generated":"Generated","report.no_data":"No data yet","report.noscript":"Turn on JavaScript to see the interactive charts."}`,
	app.LangChinese: `{"report.contents":"目录","report.generated":"生成于","report.no_data":"暂无数据","report.noscript":"请启用 JavaScript 以查看交互式图表。"}`,
}

func TestMain(m *testing.M) {
	for lang, cat := range catalogs {
		if err := app.LoadCatalog(lang, []byte(cat)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	os.Exit(m.Run())
}

// fixture has every chart kind, an empty chart and a table, with hostile and
// Chinese text in every place user text can go.
func fixture(lang app.Lang) app.Report {
	return app.Report{
		Title:     "Shop report " + evilScript,
		Subtitle:  "演示店铺 " + evilTag,
		Generated: time.Date(2025, 11, 24, 9, 30, 0, 0, time.UTC),
		Lang:      lang,
		Footer:    "Made offline " + evilAmp,
		Sections: []app.ReportSection{
			{
				ID:    "sales",
				Title: "Sales 销售 " + evilQuote,
				Intro: "How the shop sold. " + evilTag,
				Charts: []app.Chart{
					{ID: "rev-month", Title: "Revenue " + evilScript, Kind: app.ChartBar,
						Categories: []string{"Jan", evilScript, "华东"},
						Series:     []app.Series{{Name: "Revenue " + evilAmp, Values: []float64{1200, 0, 3400.5}}},
						XLabel:     "Month", YLabel: "Revenue", Unit: "USD", Note: "Net of refunds. " + evilScript},
					{ID: "rev-channel", Title: "Revenue by channel", Kind: app.ChartStackedBar,
						Categories: []string{"Jan", "Feb"},
						Series: []app.Series{
							{Name: "Amazon", Values: []float64{10, 20}},
							{Name: evilTag, Values: []float64{5, 7}},
							{Name: "淘宝", Values: []float64{1, 2}},
						}, Unit: "USD"},
					{ID: "orders-trend", Title: "Orders", Kind: app.ChartLine,
						Categories: []string{"Mon", "Tue", "Wed"},
						Series:     []app.Series{{Name: "Orders", Values: []float64{3, 5, 4}}, {Name: "Returns", Values: []float64{0, 1, 0}}}},
					{ID: "channel-share", Title: "Channel share", Kind: app.ChartPie,
						Categories: []string{"Amazon", evilTag, "京东"},
						Series:     []app.Series{{Name: "Share", Values: []float64{50, 30, 20}}}, Unit: "%"},
					{ID: "returns", Title: "Returns", Kind: app.ChartBar}, // empty: no data yet
				},
				Tables: []app.Table{{
					Title:   "Top products " + evilAmp,
					Columns: []string{"SKU", "Name", "Units", "Revenue"},
					Numeric: []bool{false, false, true, true},
					Rows: [][]string{
						{"A-1", evilScript, "12", "1,200.00"},
						{"B-2", "保温杯 " + evilQuote, "3", "45.90"},
						{"C-3", evilAmp + " " + evilTag}, // short row
					},
				}},
			},
			{
				ID:    "stock",
				Title: "Stock",
				Charts: []app.Chart{
					{ID: "stock-share", Title: "Stock value", Kind: app.ChartDonut,
						Categories: []string{"Cups", "Lids"},
						Series:     []app.Series{{Name: "Value", Values: []float64{70, 30}}}},
					{ID: "price-margin", Title: "Price vs margin", Kind: app.ChartScatter,
						Series: []app.Series{{Name: "Products", Points: []app.Point{
							{X: 9.9, Y: 35, Label: evilScript},
							{X: 19.9, Y: 42, Label: "保温杯"},
						}}},
						XLabel: "Price", XUnit: "USD", YLabel: "Margin", Unit: "%"},
					{ID: "orders-hour", Title: "Orders by hour", Kind: app.ChartHeatmap,
						Categories:  []string{"0h", "1h", evilTag},
						YCategories: []string{"Mon", "周二"},
						Matrix:      [][]float64{{1, 2, 3}, {4, 5, 6}}},
					{ID: "supplier-score", Title: "Supplier score", Kind: app.ChartRadar,
						Categories: []string{"Price", "Speed", evilQuote},
						Series:     []app.Series{{Name: "Supplier A", Values: []float64{4, 3, 5}}, {Name: "供应商 B", Values: []float64{2, 5, 3}}},
						RadarMax:   5},
					{ID: "supplier-auto", Title: "Supplier auto max", Kind: app.ChartRadar,
						Categories: []string{"a", "b", "c"},
						Series:     []app.Series{{Name: "S", Values: []float64{1, 8, 2}}}},
				},
			},
		},
	}
}

func render(t testing.TB, r app.Report, l *app.Localizer) string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Render(&buf, r, l, []byte(fakeJS)); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.String()
}

func parse(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc
}

func findAll(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if keep(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func element(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == name }
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func text(n *html.Node) string {
	var b strings.Builder
	for _, t := range findAll(n, func(n *html.Node) bool { return n.Type == html.TextNode }) {
		b.WriteString(t.Data)
	}
	return b.String()
}

func byID(doc *html.Node, id string) *html.Node {
	nodes := findAll(doc, func(n *html.Node) bool {
		v, ok := attr(n, "id")
		return n.Type == html.ElementNode && ok && v == id
	})
	if len(nodes) != 1 {
		return nil
	}
	return nodes[0]
}

func TestRenderPage(t *testing.T) {
	tests := []struct {
		lang     app.Lang
		htmlLang string
		contents string
		noData   string
	}{
		{app.LangEnglish, "en", "Contents", "No data yet"},
		{app.LangChinese, "zh-Hans", "目录", "暂无数据"},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			r := fixture(tt.lang)
			page := render(t, r, app.NewLocalizer(tt.lang))
			doc := parse(t, page)

			if !strings.HasPrefix(page, "<!DOCTYPE html>\n<html lang=\""+tt.htmlLang+"\">") {
				t.Errorf("page does not start with the doctype and lang %q: %.60q", tt.htmlLang, page)
			}
			if !strings.HasSuffix(strings.TrimSpace(page), "</html>") {
				t.Error("page does not end with </html>")
			}
			if !utf8.ValidString(page) {
				t.Error("page is not valid UTF-8")
			}
			head := findAll(doc, element("head"))[0]
			if len(findAll(head, func(n *html.Node) bool {
				v, _ := attr(n, "charset")
				return n.Type == html.ElementNode && n.Data == "meta" && strings.EqualFold(v, "utf-8")
			})) != 1 {
				t.Error(`want one <meta charset="utf-8"> in the head`)
			}
			// The parsed text equals the original only if escaping was exact.
			if got := text(findAll(head, element("title"))[0]); got != r.Title {
				t.Errorf("<title> = %q, want %q", got, r.Title)
			}
			if got := text(findAll(doc, element("h1"))[0]); got != r.Title {
				t.Errorf("<h1> = %q, want %q", got, r.Title)
			}
			body := text(findAll(doc, element("body"))[0])
			for _, want := range []string{r.Subtitle, r.Footer, r.Sections[0].Intro, r.Sections[0].Charts[0].Note,
				"2025-11-24 09:30", tt.contents, tt.noData} {
				if !strings.Contains(body, want) {
					t.Errorf("page text lacks %q", want)
				}
			}

			// The table of contents links to every section.
			toc := byID(doc, "toc")
			if toc == nil {
				t.Fatal("no table of contents")
			}
			links := findAll(toc, element("a"))
			if len(links) != len(r.Sections) {
				t.Fatalf("contents has %d links for %d sections", len(links), len(r.Sections))
			}
			for i, a := range links {
				href, _ := attr(a, "href")
				sec := byID(doc, strings.TrimPrefix(href, "#"))
				if sec == nil || sec.Data != "section" || text(a) != r.Sections[i].Title {
					t.Errorf("contents link %d (%q, %q) does not lead to section %q", i, href, text(a), r.Sections[i].ID)
				}
			}

			// The table: hostile cells come back as text, numbers are right-aligned,
			// the short row is padded.
			table := findAll(doc, element("table"))
			if len(table) != 1 {
				t.Fatalf("want 1 table, got %d", len(table))
			}
			rows := findAll(table[0], element("tr"))
			if len(rows) != 4 {
				t.Fatalf("want 4 table rows, got %d", len(rows))
			}
			cells := findAll(rows[1], element("td"))
			if text(cells[1]) != evilScript {
				t.Errorf("cell = %q, want %q", text(cells[1]), evilScript)
			}
			if c, _ := attr(cells[2], "class"); c != "num" {
				t.Errorf("numeric cell class = %q, want num", c)
			}
			if n := len(findAll(rows[3], element("td"))); n != 4 {
				t.Errorf("short row rendered with %d cells, want 4", n)
			}

			// The empty chart shows the no-data line instead of a chart.
			empty := byID(doc, "returns")
			if empty == nil || !strings.Contains(text(empty), tt.noData) {
				t.Error("empty chart does not show the no-data text")
			}
			if len(findAll(empty, func(n *html.Node) bool { _, ok := attr(n, "data-option"); return ok })) != 0 {
				t.Error("empty chart still has a chart element")
			}
		})
	}
}

var scriptSrc = regexp.MustCompile(`(?i)<script[^>]*\ssrc\s*=`)

func TestRenderIsSelfContainedAndSafe(t *testing.T) {
	r := fixture(app.LangEnglish)
	page := render(t, r, app.English())
	doc := parse(t, page)

	if n := strings.Count(page, fakeJS); n != 1 {
		t.Errorf("echarts script inlined %d times, want 1", n)
	}
	head := findAll(doc, element("head"))[0]
	headScripts := findAll(head, element("script"))
	if len(headScripts) != 1 || text(headScripts[0]) != fakeJS {
		t.Errorf("want exactly one script in the head holding the echarts build, got %d", len(headScripts))
	}
	if scriptSrc.MatchString(page) {
		t.Error("page has a <script src=...>")
	}
	for _, n := range findAll(doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		for _, a := range n.Attr {
			if a.Key != "src" && a.Key != "href" {
				continue
			}
			if v := strings.ToLower(strings.TrimSpace(a.Val)); strings.HasPrefix(v, "http:") || strings.HasPrefix(v, "https:") || strings.HasPrefix(v, "//") {
				t.Errorf("<%s %s=%q> loads from the network", n.Data, a.Key, a.Val)
			}
		}
		switch n.Data {
		case "link", "img", "iframe", "object", "embed":
			t.Errorf("page has a <%s> element; everything must be inline", n.Data)
		}
	}
	for _, style := range findAll(doc, element("style")) {
		css := text(style)
		if strings.Contains(css, "@import") || strings.Contains(css, "url(") {
			t.Error("CSS refers to outside resources")
		}
	}

	// A hostile string breaking out would add elements: count them exactly.
	charts := 0
	for _, s := range r.Sections {
		for _, c := range s.Charts {
			if !c.Empty() {
				charts++
			}
		}
	}
	if got, want := len(findAll(doc, element("script"))), 1+charts+1; got != want {
		t.Errorf("page has %d <script> elements, want %d (echarts, one option per chart, the drawing script)", got, want)
	}
	if n := len(findAll(doc, element("b"))); n != 0 {
		t.Errorf("user text produced %d <b> elements", n)
	}
	for _, s := range evil {
		if strings.Contains(page, s) {
			t.Errorf("page contains %q unescaped", s)
		}
	}
	if !strings.Contains(page, "销售") || !strings.Contains(page, "保温杯") {
		t.Error("Chinese text did not survive")
	}
}

// options maps each drawn chart's ID to its parsed echarts option.
func options(t *testing.T, doc *html.Node) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, fig := range findAll(doc, element("figure")) {
		id, _ := attr(fig, "id")
		divs := findAll(fig, func(n *html.Node) bool { _, ok := attr(n, "data-option"); return ok })
		if len(divs) == 0 {
			continue
		}
		optID, _ := attr(divs[0], "data-option")
		src := byID(doc, optID)
		if src == nil || src.Data != "script" {
			t.Fatalf("chart %s: no option script %q", id, optID)
		}
		if typ, _ := attr(src, "type"); typ != "application/json" {
			t.Errorf("chart %s: option script type %q", id, typ)
		}
		raw := text(src)
		if strings.ContainsAny(raw, "<>&") {
			t.Errorf("chart %s: option JSON has a raw <, > or &", id)
		}
		var opt map[string]any
		if err := json.Unmarshal([]byte(raw), &opt); err != nil {
			t.Fatalf("chart %s: option does not parse: %v\n%s", id, err, raw)
		}
		out[id] = opt
	}
	return out
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func TestChartOptions(t *testing.T) {
	page := render(t, fixture(app.LangEnglish), app.English())
	opts := options(t, parse(t, page))

	tests := []struct {
		id     string
		typ    string
		series int
		check  func(t *testing.T, opt map[string]any)
	}{
		{"rev-month", "bar", 1, func(t *testing.T, opt map[string]any) {
			x := obj(list(opt["xAxis"])[0])
			if got := list(x["data"]); len(got) != 3 || got[1] != evilScript {
				t.Errorf("categories = %v", got)
			}
			if y := obj(list(opt["yAxis"])[0]); y["name"] != "Revenue (USD)" {
				t.Errorf("y axis name = %v, want the label with its unit", y["name"])
			}
			if s := obj(list(opt["series"])[0]); s["stack"] != nil {
				t.Errorf("plain bar is stacked: %v", s["stack"])
			}
		}},
		{"rev-channel", "bar", 3, func(t *testing.T, opt map[string]any) {
			stack := obj(list(opt["series"])[0])["stack"]
			if stack == nil || stack == "" {
				t.Fatal("stacked bar has no stack")
			}
			for _, s := range list(opt["series"]) {
				if obj(s)["stack"] != stack {
					t.Errorf("series %v has stack %v, want %v", obj(s)["name"], obj(s)["stack"], stack)
				}
			}
			if obj(list(opt["series"])[1])["name"] != evilTag {
				t.Error("series name not kept verbatim")
			}
		}},
		{"orders-trend", "line", 2, nil},
		{"channel-share", "pie", 1, func(t *testing.T, opt map[string]any) {
			data := list(obj(list(opt["series"])[0])["data"])
			if len(data) != 3 || obj(data[1])["name"] != evilTag || obj(data[0])["value"] != 50.0 {
				t.Errorf("pie data = %v", data)
			}
		}},
		{"stock-share", "pie", 1, func(t *testing.T, opt map[string]any) {
			r := list(obj(list(opt["series"])[0])["radius"])
			if len(r) != 2 || r[0] != "45%" || r[1] != "70%" {
				t.Errorf("donut radius = %v, want [45%% 70%%]", r)
			}
		}},
		{"price-margin", "scatter", 1, func(t *testing.T, opt map[string]any) {
			p := obj(list(obj(list(opt["series"])[0])["data"])[0])
			v := list(p["value"])
			if p["name"] != evilScript || len(v) != 2 || v[0] != 9.9 || v[1] != 35.0 {
				t.Errorf("scatter point = %v", p)
			}
			if x := obj(list(opt["xAxis"])[0]); x["type"] != "value" || x["name"] != "Price (USD)" {
				t.Errorf("scatter x axis = %v", x)
			}
		}},
		{"orders-hour", "heatmap", 1, func(t *testing.T, opt map[string]any) {
			vm := list(opt["visualMap"])
			if len(vm) != 1 || obj(vm[0])["max"] != 6.0 {
				t.Errorf("visualMap = %v", vm)
			}
			if n := len(list(obj(list(opt["series"])[0])["data"])); n != 6 {
				t.Errorf("heatmap has %d cells, want 6", n)
			}
			if x := list(obj(list(opt["xAxis"])[0])["data"]); len(x) != 3 || x[2] != evilTag {
				t.Errorf("heatmap columns = %v", x)
			}
			if y := list(obj(list(opt["yAxis"])[0])["data"]); len(y) != 2 || y[1] != "周二" {
				t.Errorf("heatmap rows = %v", y)
			}
		}},
		{"supplier-score", "radar", 2, func(t *testing.T, opt map[string]any) {
			ind := list(obj(opt["radar"])["indicator"])
			if len(ind) != 3 || obj(ind[0])["max"] != 5.0 || obj(ind[2])["name"] != evilQuote {
				t.Errorf("indicators = %v", ind)
			}
		}},
		{"supplier-auto", "radar", 1, func(t *testing.T, opt map[string]any) {
			ind := list(obj(opt["radar"])["indicator"])
			if max, _ := obj(ind[0])["max"].(float64); math.Abs(max-8.8) > 1e-4 {
				t.Errorf("radar max = %v, want 8.8 (largest value x 1.1)", max)
			}
		}},
	}
	if len(opts) != len(tests) {
		t.Errorf("page has %d charts with options, want %d", len(opts), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			opt, ok := opts[tt.id]
			if !ok {
				t.Fatal("chart missing")
			}
			series := list(opt["series"])
			if len(series) != tt.series {
				t.Fatalf("%d series, want %d", len(series), tt.series)
			}
			for _, s := range series {
				if typ := obj(s)["type"]; typ != tt.typ {
					t.Errorf("series type %v, want %s", typ, tt.typ)
				}
			}
			if obj(opt["tooltip"])["show"] != true {
				t.Error("tooltip not shown")
			}
			if opt["legend"] == nil {
				t.Error("no legend")
			}
			if tt.check != nil {
				tt.check(t, opt)
			}
		})
	}
}

func TestRenderRejectsInvalidChart(t *testing.T) {
	tests := []struct {
		name  string
		chart app.Chart
	}{
		{"values do not match categories", app.Chart{ID: "bad-bar", Kind: app.ChartBar,
			Categories: []string{"a", "b"}, Series: []app.Series{{Name: "s", Values: []float64{1}}}}},
		// NaN is app.Gap on a line (a category without a value), so an
		// infinity stands for the value that is not a number.
		{"not a number", app.Chart{ID: "bad-line", Kind: app.ChartLine,
			Categories: []string{"a"}, Series: []app.Series{{Name: "s", Values: []float64{math.Inf(1)}}}}},
		{"gap on a bar", app.Chart{ID: "bad-gap", Kind: app.ChartBar,
			Categories: []string{"a"}, Series: []app.Series{{Name: "s", Values: []float64{app.Gap}}}}},
		{"negative slice", app.Chart{ID: "bad-pie", Kind: app.ChartPie,
			Categories: []string{"a"}, Series: []app.Series{{Name: "s", Values: []float64{-1}}}}},
		{"ragged heatmap", app.Chart{ID: "bad-heat", Kind: app.ChartHeatmap,
			Categories: []string{"a", "b"}, YCategories: []string{"y"}, Matrix: [][]float64{{1}}}},
		{"unknown kind", app.Chart{ID: "bad-kind", Kind: "gauge"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fixture(app.LangEnglish)
			r.Sections[1].Charts = append(r.Sections[1].Charts, tt.chart)
			var buf bytes.Buffer
			err := report.Render(&buf, r, app.English(), []byte(fakeJS))
			if err == nil {
				t.Fatal("Render accepted an invalid chart")
			}
			if !strings.Contains(err.Error(), tt.chart.ID) {
				t.Errorf("error %q does not name chart %q", err, tt.chart.ID)
			}
			if buf.Len() != 0 {
				t.Errorf("Render wrote %d bytes before failing", buf.Len())
			}
		})
	}
}

func TestRenderNeedsEcharts(t *testing.T) {
	if err := report.Render(io.Discard, fixture(app.LangEnglish), app.English(), nil); err == nil {
		t.Error("Render without the echarts script succeeded")
	}
}

func TestRenderKeepsScriptInsideItsElement(t *testing.T) {
	js := `var s = "</SCRIPT><b>boom</b>"; window.ok = 1;`
	var buf bytes.Buffer
	if err := report.Render(&buf, fixture(app.LangEnglish), app.English(), []byte(js)); err != nil {
		t.Fatal(err)
	}
	doc := parse(t, buf.String())
	scripts := findAll(findAll(doc, element("head"))[0], element("script"))
	if len(scripts) != 1 || !strings.Contains(text(scripts[0]), "window.ok = 1") {
		t.Errorf("a </script> inside the echarts build ended its element early")
	}
	if err := report.Render(io.Discard, fixture(app.LangEnglish), app.English(), []byte("a<!--b")); err == nil {
		t.Error("a script with <!-- was inlined")
	}
}

func TestRenderDuplicateAnchors(t *testing.T) {
	r := fixture(app.LangEnglish)
	r.Sections[1].ID = "sales"
	r.Sections[1].Charts[0].ID = "rev-month"
	doc := parse(t, render(t, r, app.English()))
	seen := map[string]bool{}
	for _, n := range findAll(doc, func(n *html.Node) bool { _, ok := attr(n, "id"); return ok }) {
		id, _ := attr(n, "id")
		if seen[id] {
			t.Errorf("id %q used twice", id)
		}
		seen[id] = true
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := report.WriteFile(path, fixture(app.LangChinese), app.NewLocalizer(app.LangChinese), []byte(fakeJS)); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(good, []byte(fakeJS)) || !bytes.HasSuffix(bytes.TrimSpace(good), []byte("</html>")) {
		t.Fatalf("report not written completely (err %v)", err)
	}
	// The report holds customer data: for the owner only.
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("report mode %v, want 0600", fi.Mode().Perm())
	}

	// A failed render keeps the previous report and leaves no temp file.
	bad := fixture(app.LangEnglish)
	bad.Sections[0].Charts[0].Series[0].Values = nil
	if err := report.WriteFile(path, bad, app.English(), []byte(fakeJS)); err == nil {
		t.Fatal("WriteFile accepted an invalid chart")
	}
	now, _ := os.ReadFile(path)
	if !bytes.Equal(now, good) {
		t.Error("a failed WriteFile changed the existing report")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d files after a failed write, want 1", len(entries))
	}
}

func TestEchartsJS(t *testing.T) {
	js, err := assets.EchartsJS()
	if err != nil {
		t.Skipf("echarts is not fetched into this build (%v); run make assets", err)
	}
	if len(js) < 100_000 || !bytes.Contains(js[:min(len(js), 4096)], []byte("Apache")) || !bytes.Contains(js, []byte("echarts")) {
		t.Errorf("EchartsJS returned %d bytes that do not look like the echarts build", len(js))
	}
}

// TestWriteSample writes the fixture and a fuller demo with the real echarts
// build, to open in a browser: REPORT_SAMPLE=1 go test -run TestWriteSample.
func TestWriteSample(t *testing.T) {
	if os.Getenv("REPORT_SAMPLE") != "1" {
		t.Skip("set REPORT_SAMPLE=1 to write /tmp/report-sample*.html")
	}
	js, err := assets.EchartsJS()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []app.Lang{app.LangEnglish, app.LangChinese} {
		r := fixture(lang)
		r.Sections = append(r.Sections, benchReport(8).Sections...)
		path := "/tmp/report-sample.html"
		if lang == app.LangChinese {
			path = "/tmp/report-sample-zh.html"
		}
		if err := report.WriteFile(path, r, app.NewLocalizer(lang), js); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
	}
}

// benchReport builds n charts cycling through every kind, with sizes like a
// busy workspace (30 days, a 7x24 heatmap, a few dozen scatter points).
func benchReport(n int) app.Report {
	days := make([]string, 30)
	for i := range days {
		days[i] = fmt.Sprintf("11-%02d", i+1)
	}
	vals := func(k, seed int) []float64 {
		v := make([]float64, k)
		for i := range v {
			v[i] = float64((i*37+seed*11)%97) * 12.5
		}
		return v
	}
	hours := make([]string, 24)
	for i := range hours {
		hours[i] = fmt.Sprintf("%02d", i)
	}
	week := []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
	matrix := make([][]float64, len(week))
	for i := range matrix {
		matrix[i] = vals(24, i)
	}
	kinds := []app.ChartKind{app.ChartBar, app.ChartStackedBar, app.ChartLine, app.ChartPie,
		app.ChartDonut, app.ChartScatter, app.ChartHeatmap, app.ChartRadar}
	sec := app.ReportSection{ID: "bench", Title: "Many charts", Intro: "Every kind, sized like real data."}
	for i := range n {
		k := kinds[i%len(kinds)]
		c := app.Chart{ID: fmt.Sprintf("c%d", i), Title: fmt.Sprintf("Chart %d (%s)", i, k), Kind: k, Unit: "USD",
			XLabel: "Day", YLabel: "Revenue", Note: "Sums of paid orders."}
		switch k {
		case app.ChartBar, app.ChartLine, app.ChartStackedBar:
			c.Categories = days
			c.Series = []app.Series{{Name: "Amazon", Values: vals(30, i)}, {Name: "eBay", Values: vals(30, i+1)}}
		case app.ChartPie, app.ChartDonut:
			c.Categories = week
			c.Series = []app.Series{{Name: "Share", Values: vals(7, i)}}
		case app.ChartRadar:
			c.Categories = week[:5]
			c.Series = []app.Series{{Name: "A", Values: vals(5, i)}, {Name: "B", Values: vals(5, i+3)}}
		case app.ChartScatter:
			var pts []app.Point
			for j := range 40 {
				pts = append(pts, app.Point{X: float64(j%13) * 3.1, Y: float64(j*7%29) + 0.5, Label: fmt.Sprintf("SKU-%03d", j)})
			}
			c.Series = []app.Series{{Name: "Products", Points: pts}}
			c.XUnit, c.Unit, c.XLabel, c.YLabel = "USD", "%", "Price", "Margin"
		case app.ChartHeatmap:
			c.Categories, c.YCategories, c.Matrix = hours, week, matrix
			c.Unit, c.XLabel, c.YLabel = "", "Hour", ""
		}
		sec.Charts = append(sec.Charts, c)
	}
	return app.Report{Title: "Bench", Lang: app.LangEnglish, Generated: time.Now(), Sections: []app.ReportSection{sec}}
}

func BenchmarkRender40Charts(b *testing.B) {
	r := benchReport(40)
	l := app.English()
	js := []byte(fakeJS)
	b.ReportAllocs()
	for b.Loop() {
		if err := report.Render(io.Discard, r, l, js); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBCGChartOption: the growth-share chart reaches the page with the
// share on a log axis (a ratio, never a percent), the 1.0 and growth lines,
// the four quadrants named and each point tagged with its SKU.
func TestBCGChartOption(t *testing.T) {
	if err := assets.LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	d := decimal.RequireFromString
	pts := app.Portfolio([]app.Product{{SKU: "A", NameEn: "Peeler"}, {SKU: "B", NameEn: "Rack"}, {SKU: "C", NameEn: "Case"}},
		[]app.ProductSales{{SKU: "A", Revenue: d("500"), PreviousRevenue: d("250")}, {SKU: "B", Revenue: d("300"), PreviousRevenue: d("300")},
			{SKU: "C", Revenue: d("60"), PreviousRevenue: d("30")}})
	l := app.English()
	r := app.Report{Title: "BCG", Lang: app.LangEnglish, Sections: []app.ReportSection{{ID: "products", Title: "Products",
		Charts: []app.Chart{app.PortfolioChart(l, pts)}}}}
	opt := options(t, parse(t, render(t, r, l)))["product_bcg"]
	x := obj(list(opt["xAxis"])[0])
	if x["type"] != "log" || x["min"] != 0.1 || x["max"] != 2.0 || x["name"] != l.T("products.share") {
		t.Fatalf("x axis %v", x)
	}
	var marks []string
	var areas int
	for _, s := range list(opt["series"]) {
		so := obj(s)
		for _, m := range list(obj(so["markLine"])["data"]) {
			marks = append(marks, fmt.Sprint(obj(m)["xAxis"], "/", obj(m)["yAxis"]))
		}
		areas += len(list(obj(so["markArea"])["data"]))
		if lb := obj(so["label"]); len(list(so["data"])) > 0 && lb["formatter"] != "{@[2]}" {
			t.Errorf("series %v has no point labels", so["name"])
		}
	}
	if strings.Join(marks, " ") != "1/<nil> <nil>/10" || areas != 4 {
		t.Fatalf("reference lines %v, %d quadrant areas", marks, areas)
	}
}
