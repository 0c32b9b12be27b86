package screens

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

// scoringPane is the target-market scoring matrix: weights, scores with
// notes, the ranking, a radar per market, the sensitivity of first place,
// and each market's segmentation and positioning.
type scoringPane struct {
	s     *Shell
	board app.Scoreboard // as stored; weights typed but not saved live in weights

	matrix      *fyne.Container
	ranking     *chart.View
	radar       *chart.View
	sensitivity *fyne.Container

	weights  []*widget.Entry // one per criterion, in board order
	inverse  []*widget.Check
	criteria *fyne.Container
	newCrit  *widget.Entry
	newW     *widget.Entry
	newInv   *widget.Check

	pick        *widget.Select
	picked      int64  // candidate market shown on the right
	pickCountry string // a market just added, to show once the board is read back
	scores      []*widget.Select
	notes       []*widget.Entry
	cells       *fyne.Container
	seg         [4]*pageEntry
	position    *pageEntry
	addMkt      *widget.Entry
}

func newScoringPane(s *Shell) *scoringPane { return &scoringPane{s: s} }

func (p *scoringPane) buildUI() fyne.CanvasObject {
	t := p.s.l.T
	p.matrix = container.NewVBox()
	p.ranking = chart.NewView(app.Chart{}, t("research.no_markets"))
	p.radar = chart.NewView(app.Chart{}, t("research.no_markets"))
	p.sensitivity = container.NewVBox()
	p.criteria = container.NewVBox()
	p.newCrit = &widget.Entry{PlaceHolder: t("research.criterion_name"), OnSubmitted: p.onAddCriterionSubmit}
	p.newW = &widget.Entry{Text: "0.1", Validator: rsNumber(p.s.l, false), OnSubmitted: p.onAddCriterionSubmit}
	p.newInv = widget.NewCheck(t("research.inverse"), nil)
	addCrit := &widget.Button{Text: t("research.add_criterion"), Icon: theme.ContentAddIcon(), OnTapped: p.onAddCriterion}
	saveW := &widget.Button{Text: t("research.save_weights"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: p.onSaveWeights}
	weightsHelp := newTextBlock(t("research.weights_help"))

	p.pick = &widget.Select{OnChanged: p.onPick, PlaceHolder: t("research.pick_market")}
	p.cells = container.NewVBox()
	hints := []string{t("research.seg_geographic_hint"), t("research.seg_demographic_hint"),
		t("research.seg_psychographic_hint"), t("research.seg_behavioural_hint")}
	for i, hint := range hints {
		p.seg[i] = newPageEntry()
		p.seg[i].Wrapping = fyne.TextWrapWord
		p.seg[i].PlaceHolder = hint
		p.seg[i].SetMinRowsVisible(2)
	}
	p.position = newPageEntry()
	p.position.Wrapping = fyne.TextWrapWord
	p.position.PlaceHolder = t("research.positioning_hint")
	p.position.SetMinRowsVisible(3)
	p.addMkt = &widget.Entry{PlaceHolder: "GB", OnSubmitted: p.onAddMarketSubmit}
	addMkt := &widget.Button{Text: t("research.add_market"), Icon: theme.ContentAddIcon(), OnTapped: p.onAddMarket}
	saveMkt := &widget.Button{Text: t("research.save_market"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: p.onSaveMarket}
	delMkt := &widget.Button{Text: t("research.remove_market"), Icon: theme.DeleteIcon(), OnTapped: p.onRemoveMarket}
	segForm := widget.NewForm(
		widget.NewFormItem(t("research.seg_geographic"), p.seg[0]),
		widget.NewFormItem(t("research.seg_demographic"), p.seg[1]),
		widget.NewFormItem(t("research.seg_psychographic"), p.seg[2]),
		widget.NewFormItem(t("research.seg_behavioural"), p.seg[3]),
		widget.NewFormItem(t("research.positioning"), p.position),
	)

	left := container.NewVBox(
		widget.NewCard("", t("research.matrix"), p.matrix),
		container.New(rsMinHeight(280), p.ranking),
		widget.NewCard("", t("research.sensitivity"), p.sensitivity),
		widget.NewCard("", t("research.criteria_weights"), container.NewVBox(weightsHelp, p.criteria,
			container.NewGridWithColumns(4, p.newCrit, p.newW, p.newInv, addCrit), container.NewHBox(saveW))),
	)
	right := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(p.addMkt, addMkt), p.pick),
		container.New(rsMinHeight(300), p.radar),
		widget.NewCard("", t("research.scores"), p.cells),
		widget.NewCard("", t("research.segmentation"), segForm),
		container.NewHBox(saveMkt, delMkt),
	)
	split := container.NewHSplit(newPageScroll(left), newPageScroll(right))
	split.Offset = 0.5
	return split
}

// show puts a freshly read scoreboard on screen.
func (p *scoringPane) show(b app.Scoreboard) {
	p.board = b
	p.weights, p.inverse = nil, nil
	p.criteria.Objects = nil
	for _, c := range b.Criteria {
		w := &widget.Entry{Text: c.Weight.String(), Validator: rsNumber(p.s.l, false), OnChanged: p.onWeightChanged}
		inv := widget.NewCheck(p.s.l.T("research.inverse"), func(bool) { p.recompute() })
		inv.Checked = c.Inverse
		p.weights, p.inverse = append(p.weights, w), append(p.inverse, inv)
		name := widget.NewLabel(c.Label(p.s.l))
		name.Truncation = fyne.TextTruncateEllipsis
		row := container.NewGridWithColumns(3, name, w, inv)
		if c.Key == "" {
			id := c.ID
			del := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { p.onDeleteCriterion(id) }}
			row = container.NewBorder(nil, nil, nil, del, row)
		}
		p.criteria.Add(row)
	}
	p.criteria.Refresh()
	var opts []string
	for _, m := range b.Markets {
		opts = append(opts, app.CountryName(p.s.l, m.Country)+" ("+m.Country+")")
	}
	p.pick.Options = opts
	p.pick.Refresh()
	i := p.marketIndex(p.picked)
	for j, m := range b.Markets {
		if p.pickCountry != "" && m.Country == p.pickCountry {
			i = j
		}
	}
	p.pickCountry = ""
	if i < 0 && len(b.Markets) > 0 {
		i = 0
	}
	p.recompute()
	if i >= 0 {
		p.pick.SetSelectedIndex(i) // calls onPick
	} else {
		p.picked = 0
		p.fillMarket(app.CandidateMarket{})
	}
}

func (p *scoringPane) marketIndex(id int64) int {
	for i, m := range p.board.Markets {
		if m.ID == id {
			return i
		}
	}
	return -1
}

// current is the board with the weights and inverse flags as typed, so the
// ranking and sensitivity follow the person's edits before they save.
func (p *scoringPane) current() app.Scoreboard {
	b := p.board
	b.Criteria = append([]app.Criterion(nil), p.board.Criteria...)
	for i := range b.Criteria {
		if i < len(p.weights) {
			if w, err := decimal.NewFromString(strings.TrimSpace(p.weights[i].Text)); err == nil && !w.IsNegative() {
				b.Criteria[i].Weight = w
			}
			b.Criteria[i].Inverse = p.inverse[i].Checked
		}
	}
	return b
}

func (p *scoringPane) onWeightChanged(string) { p.recompute() }

// recompute redraws the matrix, ranking, radar and sensitivity.
func (p *scoringPane) recompute() {
	b := p.current()
	l := p.s.l
	p.ranking.SetChart(app.RankingChart(l, b))
	if p.picked != 0 {
		p.radar.SetChart(app.RadarChart(l, b, p.picked))
	} else {
		p.radar.SetChart(app.Chart{})
	}
	// Matrix: a row per criterion (its name needs the room), a column per
	// market in rank order, the weighted totals and ranks at the bottom.
	rank := b.Ranking()
	cell := func(txt string, bold bool) fyne.CanvasObject {
		return widget.NewLabelWithStyle(txt, fyne.TextAlignCenter, fyne.TextStyle{Bold: bold})
	}
	row := func(name string, bold bool, cells []fyne.CanvasObject) fyne.CanvasObject {
		lb := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		lb.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(180, lb.MinSize().Height), lb), nil,
			container.NewGridWithColumns(len(cells), cells...))
	}
	grid := container.NewVBox()
	head := []fyne.CanvasObject{cell(l.T("research.report_weight"), true)}
	for _, r := range rank {
		head = append(head, cell(r.Market.Country, true))
	}
	grid.Add(row(l.T("research.report_criterion"), true, head))
	for _, c := range b.Criteria {
		name := c.Label(l)
		if c.Inverse {
			name += " ↓"
		}
		cells := []fyne.CanvasObject{cell(c.Weight.String(), false)}
		for _, r := range rank {
			txt := "–"
			if v := r.Market.Cells[c.ID].Score; v >= 1 && v <= 5 {
				txt = strconv.Itoa(v)
			}
			cells = append(cells, cell(txt, false))
		}
		grid.Add(row(name, false, cells))
	}
	totals := []fyne.CanvasObject{cell("", false)}
	ranks := []fyne.CanvasObject{cell("", false)}
	for _, r := range rank {
		totals = append(totals, cell(r.Total.StringFixed(2), r.Rank == 1))
		ranks = append(ranks, cell("#"+strconv.Itoa(r.Rank), r.Rank == 1))
	}
	grid.Add(widget.NewSeparator())
	grid.Add(row(l.T("research.total"), true, totals))
	grid.Add(row(l.T("research.rank"), true, ranks))
	note := newTextBlock(l.T("research.matrix_note"))
	note.SizeName = theme.SizeNameCaptionText
	p.matrix.Objects = []fyne.CanvasObject{grid, note}
	p.matrix.Refresh()

	p.sensitivity.Objects = nil
	for _, f := range b.Sensitivity() {
		p.sensitivity.Add(p.flipLine(f))
	}
	if len(p.sensitivity.Objects) == 0 {
		p.sensitivity.Add(widget.NewLabel(l.T("research.sensitivity_none")))
	}
	p.sensitivity.Refresh()
}

func (p *scoringPane) flipLine(f app.Flip) fyne.CanvasObject {
	l := p.s.l
	var txt string
	if !f.Possible {
		txt = l.T("research.flip_never", f.Criterion.Label(l), app.CountryName(l, f.Leader.Country))
	} else {
		dir := "research.flip_raise"
		if f.Delta.IsNegative() {
			dir = "research.flip_lower"
		}
		txt = l.T(dir, f.Criterion.Label(l), f.Criterion.Weight.String(), f.NewWeight.StringFixed(3),
			app.CountryName(l, f.Overtaker.Country), app.CountryName(l, f.Leader.Country))
	}
	lb := newTextBlock(txt)
	return lb
}

func (p *scoringPane) onPick(string) {
	i := p.pick.SelectedIndex()
	if i < 0 || i >= len(p.board.Markets) {
		return
	}
	m := p.board.Markets[i]
	p.picked = m.ID
	p.fillMarket(m)
	p.radar.SetChart(app.RadarChart(p.s.l, p.current(), m.ID))
}

// fillMarket shows one market's scores, notes, segmentation and positioning.
func (p *scoringPane) fillMarket(m app.CandidateMarket) {
	l := p.s.l
	p.scores, p.notes = nil, nil
	form := container.NewVBox()
	opts := []string{"–", "1", "2", "3", "4", "5"}
	for _, c := range p.board.Criteria {
		cell := m.Cells[c.ID]
		sel := &widget.Select{Options: opts, PlaceHolder: "–"}
		sel.SetSelectedIndex(max(0, min(cell.Score, 5)))
		note := &widget.Entry{Text: cell.Note, PlaceHolder: l.T("research.cell_note_hint"), OnSubmitted: p.onSaveMarketSubmit}
		p.scores, p.notes = append(p.scores, sel), append(p.notes, note)
		label := c.Label(l)
		if c.Inverse {
			label += " ↓"
		}
		caption := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		caption.Truncation = fyne.TextTruncateEllipsis
		// The caption sits beside the score so each criterion takes one
		// line and the note gets the rest of the width.
		form.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, sel.MinSize().Height), caption),
			nil, container.NewBorder(nil, nil, sel, nil, note)))
	}
	help := newTextBlock(l.T("research.scores_help"))
	help.SizeName = theme.SizeNameCaptionText
	p.cells.Objects = []fyne.CanvasObject{help, form}
	p.cells.Refresh()
	g := m.Segments
	for i, v := range []string{g.Geographic, g.Demographic, g.Psychographic, g.Behavioural} {
		p.seg[i].Wrapping = rsWrapFor(v)
		p.seg[i].SetText(v)
	}
	p.position.Wrapping = rsWrapFor(m.Positioning)
	p.position.SetText(m.Positioning)
}

func (p *scoringPane) onSaveMarketSubmit(string) { p.onSaveMarket() }

func (p *scoringPane) onSaveMarket() {
	i := p.marketIndex(p.picked)
	if i < 0 {
		return
	}
	m := p.board.Markets[i]
	m.Segments = app.Segmentation{Geographic: p.seg[0].Text, Demographic: p.seg[1].Text, Psychographic: p.seg[2].Text, Behavioural: p.seg[3].Text}
	m.Positioning = p.position.Text
	cells := map[int64]app.Cell{}
	for j, c := range p.board.Criteria {
		cells[c.ID] = app.Cell{Score: max(0, p.scores[j].SelectedIndex()), Note: strings.TrimSpace(p.notes[j].Text)}
	}
	p.save(func(ctx context.Context, ws app.Workspace) error {
		if err := ws.SaveCandidate(ctx, &m); err != nil {
			return err
		}
		for cid, cell := range cells {
			if err := ws.SetCell(ctx, m.ID, cid, cell); err != nil {
				return err
			}
		}
		return nil
	})
}

// save runs a change and reads the board back, then shows it.
func (p *scoringPane) save(change func(ctx context.Context, ws app.Workspace) error) {
	ws := p.s.ws
	var b app.Scoreboard
	p.s.run(p.s.l.T("research.saving"), func(ctx context.Context) error {
		if err := change(ctx, ws); err != nil {
			return err
		}
		var err error
		b, err = ws.Scoreboard(ctx)
		return err
	}, func(err error) {
		if err != nil {
			p.s.ShowError(err)
			return
		}
		p.show(b)
	})
}

func (p *scoringPane) onAddMarketSubmit(string) { p.onAddMarket() }

func (p *scoringPane) onAddMarket() {
	code := strings.ToUpper(strings.TrimSpace(p.addMkt.Text))
	if len(code) != 2 {
		p.s.ShowError(app.Errorf(app.EInvalid, "research.err_market", code))
		return
	}
	m := app.CandidateMarket{Country: code}
	p.pickCountry = code
	p.save(func(ctx context.Context, ws app.Workspace) error { return ws.SaveCandidate(ctx, &m) })
	p.addMkt.SetText("")
}

func (p *scoringPane) onRemoveMarket() {
	i := p.marketIndex(p.picked)
	if i < 0 {
		return
	}
	m := p.board.Markets[i]
	name := app.CountryName(p.s.l, m.Country)
	dialog.ShowConfirm(p.s.l.T("research.remove_market"), p.s.l.T("research.remove_market_confirm", name), func(ok bool) {
		if ok {
			p.picked = 0
			p.save(func(ctx context.Context, ws app.Workspace) error { return ws.DeleteCandidate(ctx, m.ID) })
		}
	}, p.s.win)
}

// onSaveWeights stores every weight and inverse flag as typed; nothing is
// stored when one weight is not a number of zero or more.
func (p *scoringPane) onSaveWeights() {
	var crit []app.Criterion
	for i, c := range p.board.Criteria {
		w, err := decimal.NewFromString(strings.TrimSpace(p.weights[i].Text))
		if err != nil || w.IsNegative() {
			p.s.ShowError(app.Errorf(app.EInvalid, "research.err_weight_of", c.Label(p.s.l), p.weights[i].Text))
			return
		}
		c.Weight, c.Inverse = w, p.inverse[i].Checked
		crit = append(crit, c)
	}
	p.save(func(ctx context.Context, ws app.Workspace) error {
		for i := range crit {
			if err := ws.SaveCriterion(ctx, &crit[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func (p *scoringPane) onAddCriterionSubmit(string) { p.onAddCriterion() }

func (p *scoringPane) onAddCriterion() {
	w, err := decimal.NewFromString(strings.TrimSpace(p.newW.Text))
	if err != nil || w.IsNegative() {
		p.s.ShowError(app.Errorf(app.EInvalid, "research.err_weight", p.newW.Text))
		return
	}
	c := app.Criterion{Name: p.newCrit.Text, Weight: w, Inverse: p.newInv.Checked}
	if err := c.Validate(); err != nil {
		p.s.ShowError(err)
		return
	}
	p.save(func(ctx context.Context, ws app.Workspace) error { return ws.SaveCriterion(ctx, &c) })
	p.newCrit.SetText("")
}

func (p *scoringPane) onDeleteCriterion(id int64) {
	dialog.ShowConfirm(p.s.l.T("research.delete_criterion"), p.s.l.T("research.delete_criterion_confirm"), func(ok bool) {
		if ok {
			p.save(func(ctx context.Context, ws app.Workspace) error { return ws.DeleteCriterion(ctx, id) })
		}
	}, p.s.win)
}

// rsMinHeight is a layout that gives its objects the full size and asks for
// at least h of height, so a chart in a scrolling column is not squashed.
type rsMinHeight float32

func (h rsMinHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (h rsMinHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := fyne.NewSize(0, float32(h))
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// rsWrapFor picks how a text the person wrote wraps: Chinese or Japanese
// has no spaces to break at, so it breaks between characters; other text
// breaks between words.
func rsWrapFor(text string) fyne.TextWrap {
	for _, run := range app.TextRuns(text) {
		if run.CJK {
			return fyne.TextWrapBreak
		}
	}
	return fyne.TextWrapWord
}
