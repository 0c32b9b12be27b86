package screens

import (
	"context"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

func init() {
	registerScreen("research", func(s *Shell) moduleScreen { return newResearch(s) })
}

// research is the market research screen: notes with full-text search,
// competitor records and target-market scoring, one tab each.
type research struct {
	s *Shell

	tabs    *container.AppTabs
	notes   *notesPane
	rivals  *competitorsPane
	scoring *scoringPane
}

func newResearch(s *Shell) *research {
	r := &research{s: s}
	r.notes = newNotesPane(s)
	r.rivals = newCompetitorsPane(s)
	r.scoring = newScoringPane(s)
	return r
}

func (r *research) buildUI() fyne.CanvasObject {
	t := r.s.l.T
	head := heading(t("module.research.title"))
	if r.s.ws == nil {
		return container.NewVBox(head, widget.NewLabel(t("workspace.none_hint")))
	}
	r.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(t("research.tab_notes"), theme.DocumentIcon(), r.notes.buildUI()),
		container.NewTabItemWithIcon(t("research.tab_competitors"), theme.AccountIcon(), r.rivals.buildUI()),
		container.NewTabItemWithIcon(t("research.tab_scoring"), theme.GridIcon(), r.scoring.buildUI()),
	)
	r.load()
	return container.NewBorder(head, nil, nil, nil, r.tabs)
}

// researchData is everything the screen shows, read in one go off the UI
// goroutine.
type researchData struct {
	notes  []app.Note
	tags   []string
	rivals []app.Competitor
	board  app.Scoreboard
}

func (r *research) load() {
	ws := r.s.ws
	f := r.notes.filter()
	background(r.s, func(ctx context.Context) (d researchData, err error) {
		if d.notes, err = ws.Notes(ctx, f); err != nil {
			return d, err
		}
		if d.tags, err = ws.NoteTags(ctx); err != nil {
			return d, err
		}
		if d.rivals, err = ws.Competitors(ctx, ""); err != nil {
			return d, err
		}
		d.board, err = ws.Scoreboard(ctx)
		return d, err
	}, func(d researchData) {
		r.notes.setTags(d.tags)
		r.notes.show(d.notes)
		r.rivals.show(d.rivals)
		r.scoring.show(d.board)
	})
}

// ---------------------------------------------------------------- notes

// notesPane lists, searches and edits research notes.
type notesPane struct {
	s *Shell

	search    *widget.Entry
	market    *widget.Select
	method    *widget.Select
	tag       *widget.Select
	list      *widget.List
	count     *widget.Label
	notes     []app.Note
	snippets  []app.Snippet // why each note matched the search; none without one
	loading   *widget.Label // over the list until the first notes arrive
	searching latest        // the latest search; older results are dropped
	open      latest        // the latest note picked; a slower read of one picked before is dropped
	current   app.Note

	title       *widget.Entry
	noteMarket  *widget.Entry
	noteMethod  *widget.Select
	source      *widget.Entry
	tags        *widget.Entry
	date        *widget.Entry
	body        *pageEntry
	preview     *guideText
	bodyTabs    *container.AppTabs
	attachments *pageEntry
	save        *widget.Button
	del         *widget.Button
	status      *widget.Label
}

func newNotesPane(s *Shell) *notesPane { return &notesPane{s: s} }

func (p *notesPane) buildUI() fyne.CanvasObject {
	t := p.s.l.T
	p.search = &widget.Entry{PlaceHolder: t("research.search_hint"), OnChanged: p.onSearchChanged}
	p.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	anyText := t("research.any")
	p.market = &widget.Select{PlaceHolder: selectPlaceholder, Options: append([]string{anyText}, rsCountryOptions(p.s.l)...), Selected: anyText, OnChanged: p.onFilterChanged}
	p.method = &widget.Select{PlaceHolder: selectPlaceholder, Options: append([]string{anyText}, rsMethodOptions(p.s.l)...), Selected: anyText, OnChanged: p.onFilterChanged}
	p.tag = &widget.Select{PlaceHolder: selectPlaceholder, Options: []string{anyText}, Selected: anyText, OnChanged: p.onFilterChanged}
	p.count = widget.NewLabel("")
	p.list = widget.NewList(func() int { return len(p.notes) },
		func() fyne.CanvasObject { return newRsRow() },
		p.updateItem)
	// A list that is loading says so, rather than looking empty.
	p.loading = widget.NewLabelWithStyle(t("research.loading_notes"), fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	p.list.OnSelected = p.onSelect
	// Stacked, not three abreast: side by side each was a third of the
	// list's width and cut its choices ("United St…").
	filters := container.NewVBox(
		rsCaptioned(t("note.market"), fitChoices(p.market)), rsCaptioned(t("note.method"), fitChoices(p.method)), rsCaptioned(t("research.tag"), fitChoices(p.tag)))
	newBtn := &widget.Button{Text: t("research.new_note"), Icon: theme.ContentAddIcon(), OnTapped: p.onNew}
	left := container.NewBorder(container.NewVBox(p.search, filters, container.NewBorder(nil, nil, nil, newBtn, p.count)), nil, nil, nil,
		container.NewStack(p.list, container.NewVBox(p.loading)))

	p.title = &widget.Entry{OnSubmitted: p.onSubmit}
	p.noteMarket = &widget.Entry{PlaceHolder: "US", OnSubmitted: p.onSubmit}
	p.noteMethod = &widget.Select{PlaceHolder: selectPlaceholder, Options: rsMethodOptions(p.s.l)}
	p.source = &widget.Entry{OnSubmitted: p.onSubmit}
	p.tags = &widget.Entry{PlaceHolder: t("research.tags_hint"), OnSubmitted: p.onSubmit}
	p.date = &widget.Entry{PlaceHolder: "YYYY-MM-DD", OnSubmitted: p.onSubmit, Validator: rsValidDay(p.s.l)}
	p.body = newPageEntry()
	p.body.Wrapping = fyne.TextWrapWord
	p.body.SetMinRowsVisible(4) // it grows with the window; ten rows held the window taller than a laptop screen
	p.preview = newGuideText()
	p.bodyTabs = container.NewAppTabs(
		container.NewTabItem(t("research.edit"), p.body),
		container.NewTabItem(t("research.preview"), newPageScroll(p.preview)))
	p.bodyTabs.OnSelected = p.onBodyTab
	p.attachments = newPageEntry()
	p.attachments.PlaceHolder = t("research.attachments_hint")
	p.attachments.SetMinRowsVisible(1)
	attach := &widget.Button{Text: t("research.attach"), Icon: theme.FileIcon(), OnTapped: p.onAttach}
	open := &widget.Button{Text: t("research.open_attachments"), Icon: theme.FolderOpenIcon(), OnTapped: p.onOpenAttachments}
	p.save = &widget.Button{Text: t("research.save"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: p.onSave}
	p.del = &widget.Button{Text: t("research.delete"), Icon: theme.DeleteIcon(), OnTapped: p.onDelete}
	p.status = widget.NewLabel("")
	// The short fields two abreast and the attachment buttons beside Save:
	// in a laptop window the note's text keeps room to write in.
	form := container.NewVBox(
		widget.NewForm(widget.NewFormItem(t("note.title"), p.title), widget.NewFormItem(t("research.source"), p.source)),
		container.NewGridWithColumns(2,
			widget.NewForm(widget.NewFormItem(t("note.market"), p.noteMarket), widget.NewFormItem(t("research.tags"), p.tags)),
			widget.NewForm(widget.NewFormItem(t("note.method"), fitChoices(p.noteMethod)), widget.NewFormItem(t("note.date"), p.date))),
	)
	editor := container.NewBorder(form,
		container.NewVBox(rsCaptioned(t("research.attachments"), p.attachments),
			container.NewBorder(nil, nil, container.NewHBox(p.save, p.del), container.NewHBox(attach, open), p.status)),
		nil, nil, p.bodyTabs)
	split := container.NewHSplit(left, editor)
	split.Offset = 0.38
	p.onNew()
	return split
}

func (p *notesPane) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	n := p.notes[i]
	meta := n.Date.Format("2006-01-02") + " · " + app.CountryName(p.s.l, n.Market) + " · " + p.s.l.T("note.method."+n.Method)
	row := o.(*rsRow)
	row.set(meta, n.Title)
	if i < len(p.snippets) {
		row.setSnippet(p.snippets[i])
	}
}

// filter is what the search box and the three filters ask for.
func (p *notesPane) filter() app.NoteFilter {
	f := app.NoteFilter{Limit: 500}
	if p.search == nil {
		return f
	}
	f.Query = p.search.Text
	if i := p.market.SelectedIndex(); i > 0 {
		f.Market = rsMarkets[i-1]
	}
	if i := p.method.SelectedIndex(); i > 0 {
		f.Method = app.ResearchMethods[i-1]
	}
	if i := p.tag.SelectedIndex(); i > 0 {
		f.Tag = p.tag.Selected
	}
	return f
}

func (p *notesPane) onSearchChanged(string) { p.refresh() }
func (p *notesPane) onFilterChanged(string) { p.refresh() }

// refresh runs the search off the UI goroutine; results of a search the
// person has typed past are dropped, so fast typing never shows old hits.
func (p *notesPane) refresh() {
	if p.s.ws == nil || p.list == nil {
		return
	}
	ws, f := p.s.ws, p.filter()
	p.count.SetText(p.s.l.T("research.searching"))
	if len(p.notes) == 0 {
		p.loading.Show()
	}
	backgroundLatestErr(p.s, &p.searching, func(ctx context.Context) ([]app.Note, error) {
		return ws.Notes(ctx, f)
	}, func(notes []app.Note, err error) {
		if err != nil {
			p.loading.Hide()
			p.count.SetText("")
			p.s.ShowError(err)
			return
		}
		p.show(notes)
	})
}

func (p *notesPane) show(notes []app.Note) {
	p.notes = notes
	p.loading.Hide()
	p.snippets = make([]app.Snippet, len(notes))
	if q := p.filter().Query; strings.TrimSpace(q) != "" {
		for i, n := range notes {
			p.snippets[i] = app.NoteSnippet(n, q)
		}
	}
	// A row with the matched words is a line taller than one without; every
	// row is set, so heights from an earlier search do not linger.
	sample := newRsRow()
	plain := sample.MinSize().Height
	sample.setSnippet(app.Snippet{Match: "x"})
	tall := sample.MinSize().Height
	for i, s := range p.snippets {
		h := plain
		if !s.Empty() {
			h = tall
		}
		p.list.SetItemHeight(i, h)
	}
	p.list.UnselectAll()
	p.list.Refresh()
	p.count.SetText(p.s.l.T("research.notes_count", app.Count(len(notes))))
}

func (p *notesPane) setTags(tags []string) {
	p.tag.Options = append([]string{p.s.l.T("research.any")}, tags...)
	p.tag.Refresh()
}

func (p *notesPane) onSelect(i widget.ListItemID) {
	id := p.notes[i].ID
	ws := p.s.ws
	backgroundLatest(p.s, &p.open, func(ctx context.Context) (app.Note, error) {
		return ws.Note(ctx, id)
	}, p.edit)
}

// edit fills the editor with n (ID 0: a new note).
func (p *notesPane) edit(n app.Note) {
	p.current = n
	p.title.SetText(n.Title)
	p.noteMarket.SetText(n.Market)
	p.noteMethod.SetSelectedIndex(rsIndex(app.ResearchMethods, n.Method))
	p.source.SetText(n.Source)
	p.tags.SetText(strings.Join(n.Tags, ", "))
	p.date.SetText(n.Date.Format("2006-01-02"))
	p.body.Wrapping = rsWrapFor(n.Body)
	p.body.SetText(n.Body)
	p.attachments.SetText(strings.Join(n.Attachments, "\n"))
	p.preview.ParseMarkdown(n.Body)
	p.bodyTabs.SelectIndex(0)
	if n.ID == 0 {
		p.del.Disable()
		p.status.SetText(p.s.l.T("research.new_note_hint"))
	} else {
		p.del.Enable()
		p.status.SetText("")
	}
}

func (p *notesPane) onNew() {
	p.list.UnselectAll()
	p.edit(app.Note{Method: "desk_research", Date: p.s.env.Now().UTC().Truncate(24 * time.Hour)})
}

func (p *notesPane) onBodyTab(ti *container.TabItem) {
	if ti == p.bodyTabs.Items[1] {
		p.preview.ParseMarkdown(p.body.Text)
	}
}

func (p *notesPane) onSubmit(string) { p.onSave() }

// readForm builds the note from the editor; a bad date is reported by name.
func (p *notesPane) readForm() (app.Note, error) {
	n := p.current
	n.Title, n.Market, n.Source, n.Body = p.title.Text, p.noteMarket.Text, p.source.Text, p.body.Text
	if i := p.noteMethod.SelectedIndex(); i >= 0 {
		n.Method = app.ResearchMethods[i]
	}
	n.Tags = app.SplitList(p.tags.Text)
	d, err := app.ParseDay(p.date.Text)
	if err != nil {
		return n, app.Errorf(app.EInvalid, "research.err_note_date")
	}
	n.Date = d
	n.Attachments = nil
	for _, line := range strings.Split(p.attachments.Text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			n.Attachments = append(n.Attachments, line)
		}
	}
	return n, n.Validate()
}

func (p *notesPane) onSave() {
	n, err := p.readForm()
	if err != nil {
		p.s.ShowError(err)
		return
	}
	ws := p.s.ws
	p.s.run(p.s.l.T("research.saving"), func(ctx context.Context) error {
		return ws.SaveNote(ctx, &n)
	}, func(err error) {
		if err != nil {
			p.s.ShowError(err)
			return
		}
		p.current = n
		p.del.Enable()
		p.status.SetText(p.s.l.T("research.saved"))
		p.refresh()
	})
}

// onDelete asks first, deletes, then offers to undo: the note is written
// back as it was (with a new id).
func (p *notesPane) onDelete() {
	n := p.current
	if n.ID == 0 {
		return
	}
	dialog.ShowConfirm(p.s.l.T("research.delete_note"), p.s.l.T("research.delete_note_confirm", n.Title), func(ok bool) {
		if ok {
			p.deleteNote(n)
		}
	}, p.s.win)
}

func (p *notesPane) deleteNote(n app.Note) {
	ws := p.s.ws
	p.s.run(p.s.l.T("research.deleting"), func(ctx context.Context) error {
		return ws.DeleteNote(ctx, n.ID)
	}, func(err error) {
		if err != nil {
			p.s.ShowError(err)
			return
		}
		p.onNew()
		p.refresh()
		rsOfferUndo(p.s, p.s.l.T("research.note_deleted", n.Title), func() {
			restored := n
			restored.ID = 0
			p.s.run(p.s.l.T("research.saving"), func(ctx context.Context) error {
				return ws.SaveNote(ctx, &restored)
			}, func(err error) {
				if err != nil {
					p.s.ShowError(err)
					return
				}
				p.edit(restored)
				p.refresh()
			})
		})
	})
}

func (p *notesPane) onAttach() {
	p.s.pickFile(nil, p.addAttachment)
}

// onOpenAttachments opens each attached file with the program the system
// uses for it; a file that is gone is named.
func (p *notesPane) onOpenAttachments() {
	var missing []string
	for _, line := range strings.Split(p.attachments.Text, "\n") {
		path := strings.TrimSpace(line)
		if path == "" {
			continue
		}
		if _, err := os.Stat(path); err != nil {
			missing = append(missing, path)
			continue
		}
		if err := p.s.app.OpenURL(fileURL(path)); err != nil {
			missing = append(missing, path)
		}
	}
	if len(missing) > 0 {
		p.s.message(p.s.l.T("research.attachments"), p.s.l.T("research.attachment_missing", strings.Join(missing, "\n")))
	}
}

func (p *notesPane) addAttachment(path string) {
	text := strings.TrimRight(p.attachments.Text, "\n")
	if text != "" {
		text += "\n"
	}
	p.attachments.SetText(text + path)
}

// ---------------------------------------------------------------- helpers

// rsMarkets are the markets the filters offer, in this order.
var rsMarkets = []string{"US", "GB", "DE", "FR", "JP"}

func rsCountryOptions(l *app.Localizer) []string {
	var out []string
	for _, c := range rsMarkets {
		out = append(out, app.CountryName(l, c))
	}
	return out
}

func rsMethodOptions(l *app.Localizer) []string {
	var out []string
	for _, m := range app.ResearchMethods {
		out = append(out, l.T("note.method."+m))
	}
	return out
}

func rsIndex(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

func rsValidDay(l *app.Localizer) fyne.StringValidator {
	return localizedValidator(l, func(s string) error {
		if _, err := app.ParseDay(s); err != nil {
			return app.Errorf(app.EInvalid, "research.err_note_date")
		}
		return nil
	})
}

// rsCaptioned puts a caption over a widget.
func rsCaptioned(caption string, o fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(caption)
	l.SizeName = theme.SizeNameCaptionText
	return container.NewBorder(l, nil, nil, nil, o)
}

// rsRow is a list row: small meta text over a title, and under it, while
// searching, the words that matched.
type rsRow struct {
	widget.BaseWidget
	meta    *widget.RichText
	title   *widget.Label
	snippet *widget.RichText
}

// secondarySegment is caption-sized text in the secondary colour (4.5:1 in
// both themes; a low-importance label would use Fyne's disabled grey).
func secondarySegment(text string) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyle{Inline: true,
		ColorName: colorNameSecondary, SizeName: theme.SizeNameCaptionText}}
}

func newRsRow() *rsRow {
	r := &rsRow{meta: widget.NewRichText(secondarySegment("")), title: widget.NewLabel(""), snippet: widget.NewRichText()}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.meta.Truncation = fyne.TextTruncateEllipsis
	r.snippet.Truncation = fyne.TextTruncateEllipsis
	r.snippet.Hide()
	r.ExtendBaseWidget(r)
	return r
}

func (r *rsRow) set(meta, title string) {
	r.meta.Segments[0].(*widget.TextSegment).Text = meta
	r.meta.Refresh()
	r.title.SetText(title)
	r.setSnippet(app.Snippet{})
}

// setSnippet shows why a note matched a search, the match in bold in the
// body text colour between secondary context; an empty one hides the line.
func (r *rsRow) setSnippet(s app.Snippet) {
	if s.Empty() {
		r.snippet.Hide()
		return
	}
	match := secondarySegment(s.Match)
	match.Style.ColorName = theme.ColorNameForeground
	match.Style.TextStyle = fyne.TextStyle{Bold: true}
	r.snippet.Segments = []widget.RichTextSegment{secondarySegment(s.Before), match, secondarySegment(s.After)}
	r.snippet.Show()
	r.snippet.Refresh()
}

// snippetText is the matched line as shown, for tests.
func (r *rsRow) snippetText() string {
	if !r.snippet.Visible() {
		return ""
	}
	return r.snippet.String()
}

func (r *rsRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(rsTightVBox{}, r.meta, r.title, r.snippet))
}

// rsTightVBox stacks objects with no padding, so a two-line row stays compact.
type rsTightVBox struct{}

func (rsTightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height - theme.Padding()
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}

func (rsTightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height - theme.Padding()
	}
	return fyne.NewSize(w, h)
}

// rsOfferUndo tells the person something was done and offers to take it back.
func rsOfferUndo(s *Shell, msg string, undo func()) {
	label := newTextBlock(msg)
	d := dialog.NewCustomConfirm(s.l.T("research.done"), s.l.T("research.undo"), s.l.T("button.ok"), label, func(back bool) {
		if back {
			undo()
		}
	}, s.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}
