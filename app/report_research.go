package app

import "context"

func researchSection(_ context.Context, _ Workspace, l *Localizer, o Overview) (ReportSection, error) {
	notes := Table{Title: l.T("report.recent_notes"), Columns: []string{l.T("note.date"), l.T("note.market"), l.T("note.method"), l.T("note.title")}}
	for _, n := range o.RecentNotes {
		notes.Rows = append(notes.Rows, []string{n.Date.Format("2006-01-02"), CountryName(l, n.Market), l.T("note.method." + n.Method), n.Title})
	}
	return ReportSection{ID: "research", Title: l.T("module.research.title"), Intro: l.T("module.research.summary"), Tables: []Table{notes}}, nil
}
