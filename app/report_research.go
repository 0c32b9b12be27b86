package app

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/seller-assistant/seller-assistant/app/format"
)

// researchSection: the scoring (ranking, radar, matrix, sensitivity),
// segmentation and positioning per market, the competitors and the notes.
func researchSection(ctx context.Context, ws Workspace, l *Localizer, o *reportInputs) (ReportSection, error) {
	board, err := ws.Scoreboard(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	rivals, err := ws.Competitors(ctx, "")
	if err != nil {
		return ReportSection{}, err
	}
	notes, err := ws.Notes(ctx, NoteFilter{Limit: 200})
	if err != nil {
		return ReportSection{}, err
	}
	if len(notes) == 0 {
		notes = o.RecentNotes // a store that keeps only the dashboard's recent list
	}
	sec := ReportSection{ID: "research", Title: l.T("module.research.title"), Intro: l.T("research.report_intro")}
	sec.Charts = append(sec.Charts, RankingChart(l, board), RadarChart(l, board), NotesByMethodChart(l, notes))

	// The matrix as entered, markets in rank order.
	mt := Table{Title: l.T("research.matrix"), Columns: []string{"#", l.T("note.market")}, Numeric: []bool{true, false}}
	for _, c := range board.Criteria {
		name := c.Label(l) + " (" + c.Weight.String() + ")"
		if c.Inverse {
			name += " ↓"
		}
		mt.Columns, mt.Numeric = append(mt.Columns, name), append(mt.Numeric, true)
	}
	mt.Columns, mt.Numeric = append(mt.Columns, l.T("research.total")), append(mt.Numeric, true)
	for _, r := range board.Ranking() {
		row := []string{strconv.Itoa(r.Rank), CountryName(l, r.Market.Country)}
		for _, c := range board.Criteria {
			s := "–"
			if v := r.Market.Cells[c.ID].Score; v >= 1 && v <= 5 {
				s = strconv.Itoa(v)
			}
			row = append(row, s)
		}
		mt.Rows = append(mt.Rows, append(row, format.Fixed(r.Total, 2)))
	}
	st := Table{Title: l.T("research.sensitivity"), Columns: []string{l.T("research.report_criterion"), l.T("research.report_weight"),
		l.T("research.report_flip_weight"), l.T("research.report_overtaker")}, Numeric: []bool{false, true, true, false}}
	for _, f := range board.Sensitivity() {
		if !f.Possible {
			st.Rows = append(st.Rows, []string{f.Criterion.Label(l), f.Criterion.Weight.String(), "–", l.T("research.report_no_flip")})
			continue
		}
		st.Rows = append(st.Rows, []string{f.Criterion.Label(l), f.Criterion.Weight.String(), format.Fixed(f.NewWeight, 3), CountryName(l, f.Overtaker.Country)})
	}
	seg := Table{Title: l.T("research.segmentation"), Columns: []string{l.T("note.market"), l.T("research.seg_geographic"),
		l.T("research.seg_demographic"), l.T("research.seg_psychographic"), l.T("research.seg_behavioural"), l.T("research.positioning")}}
	for _, m := range board.Markets {
		g := m.Segments
		seg.Rows = append(seg.Rows, []string{CountryName(l, m.Country), g.Geographic, g.Demographic, g.Psychographic, g.Behavioural, m.Positioning})
	}
	ct := Table{Title: l.T("research.tab_competitors"), Columns: []string{l.T("research.competitor"), l.T("note.market"), l.T("research.platform"),
		l.T("research.product"), l.T("research.price"), l.T("research.rating"), l.T("research.reviews"), l.T("research.strengths"), l.T("research.weaknesses")},
		Numeric: []bool{false, false, false, false, true, true, true, false, false}}
	for _, c := range rivals {
		rating := ""
		if c.Rating.IsPositive() {
			rating = format.Fixed(c.Rating, 1)
		}
		ct.Rows = append(ct.Rows, []string{c.Name, CountryName(l, c.Market), c.Platform, c.Product, format.Fixed(c.Price, 2) + " " + c.Currency,
			rating, format.Int(int64(c.Reviews)), c.Strengths, c.Weaknesses})
	}
	nt := Table{Title: l.T("report.recent_notes"), Columns: []string{l.T("note.date"), l.T("note.market"), l.T("note.method"), l.T("note.title"), l.T("research.tags")}}
	for _, n := range notes {
		nt.Rows = append(nt.Rows, []string{n.Date.Format("2006-01-02"), CountryName(l, n.Market), l.T("note.method." + n.Method), n.Title, strings.Join(n.Tags, ", ")})
	}
	sec.Tables = []Table{mt, st, seg, ct, nt}
	return sec, nil
}

// NotesByMethodChart counts notes by research method (one bar series per
// market), to show which methods the research leans on.
func NotesByMethodChart(l *Localizer, notes []Note) Chart {
	c := Chart{ID: "notes_by_method", Title: l.T("research.chart_methods"), Kind: ChartStackedBar, Unit: l.T("research.notes_unit"), Counts: true}
	for _, m := range ResearchMethods {
		c.Categories = append(c.Categories, l.T("note.method."+m))
	}
	var markets []string
	for _, n := range notes {
		if !slices.Contains(markets, n.Market) {
			markets = append(markets, n.Market)
		}
	}
	for _, mk := range markets {
		s := Series{Name: CountryName(l, mk), Values: make([]float64, len(ResearchMethods))}
		if mk == "" {
			s.Name = l.T("research.no_market")
		}
		for _, n := range notes {
			if n.Market != mk {
				continue
			}
			for i, m := range ResearchMethods {
				if n.Method == m {
					s.Values[i]++
				}
			}
		}
		c.Series = append(c.Series, s)
	}
	return c
}
