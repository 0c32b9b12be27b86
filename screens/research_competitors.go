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
	"github.com/seller-assistant/seller-assistant/app/format"
)

// competitorsPane lists and edits competitor records.
type competitorsPane struct {
	s       *Shell
	list    *widget.List
	rivals  []app.Competitor
	current app.Competitor

	name, market, platform, product  *widget.Entry
	price, currency, rating, reviews *widget.Entry
	strengths, weaknesses            *pageEntry
	del                              *widget.Button
}

func newCompetitorsPane(s *Shell) *competitorsPane { return &competitorsPane{s: s} }

func (p *competitorsPane) buildUI() fyne.CanvasObject {
	t := p.s.l.T
	p.list = widget.NewList(func() int { return len(p.rivals) },
		func() fyne.CanvasObject { return newRsRow() }, p.updateItem)
	p.list.OnSelected = p.onSelect
	entry := func(ph string) *widget.Entry {
		return &widget.Entry{PlaceHolder: ph, OnSubmitted: p.onSubmit}
	}
	p.name, p.market, p.platform, p.product = entry(""), entry("US"), entry("Amazon US"), entry("")
	p.price, p.currency, p.rating, p.reviews = entry("19.99"), entry("USD"), entry("4.5"), entry("0")
	p.price.Validator = rsNumber(p.s.l, false)
	p.rating.Validator = rsNumber(p.s.l, true)
	p.reviews.Validator = rsWhole(p.s.l)
	p.strengths, p.weaknesses = newPageEntry(), newPageEntry()
	p.strengths.Wrapping, p.weaknesses.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	p.strengths.SetMinRowsVisible(3)
	p.weaknesses.SetMinRowsVisible(3)
	form := widget.NewForm(
		widget.NewFormItem(t("research.competitor"), p.name),
		widget.NewFormItem(t("note.market"), p.market),
		widget.NewFormItem(t("research.platform"), p.platform),
		widget.NewFormItem(t("research.product"), p.product),
		widget.NewFormItem(t("research.price"), container.NewGridWithColumns(2, p.price, p.currency)),
		widget.NewFormItem(t("research.rating"), p.rating),
		widget.NewFormItem(t("research.reviews"), p.reviews),
		widget.NewFormItem(t("research.strengths"), p.strengths),
		widget.NewFormItem(t("research.weaknesses"), p.weaknesses),
	)
	save := &widget.Button{Text: t("research.save"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: p.onSave}
	p.del = &widget.Button{Text: t("research.delete"), Icon: theme.DeleteIcon(), OnTapped: p.onDelete}
	newBtn := &widget.Button{Text: t("research.new_competitor"), Icon: theme.ContentAddIcon(), OnTapped: p.onNew}
	hint := newTextBlock(t("research.competitors_hint"))
	left := container.NewBorder(container.NewVBox(hint, container.NewHBox(newBtn)), nil, nil, nil, p.list)
	right := newPageScroll(container.NewVBox(form, container.NewHBox(save, p.del)))
	split := container.NewHSplit(left, right)
	split.Offset = 0.4
	p.onNew()
	return split
}

func (p *competitorsPane) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	c := p.rivals[i]
	meta := app.CountryName(p.s.l, c.Market) + " · " + c.Platform + " · " + format.Fixed(c.Price, 2) + " " + c.Currency
	if c.Rating.IsPositive() {
		meta += " · ★" + format.Fixed(c.Rating, 1) + " (" + format.Int(int64(c.Reviews)) + ")"
	}
	o.(*rsRow).set(meta, c.Name+" — "+c.Product)
}

func (p *competitorsPane) show(rivals []app.Competitor) {
	p.rivals = rivals
	p.list.UnselectAll()
	p.list.Refresh()
}

func (p *competitorsPane) onSelect(i widget.ListItemID) { p.edit(p.rivals[i]) }

func (p *competitorsPane) edit(c app.Competitor) {
	p.current = c
	p.name.SetText(c.Name)
	p.market.SetText(c.Market)
	p.platform.SetText(c.Platform)
	p.product.SetText(c.Product)
	p.price.SetText(c.Price.StringFixed(2))
	p.currency.SetText(c.Currency)
	rating := ""
	if c.Rating.IsPositive() {
		rating = c.Rating.String()
	}
	p.rating.SetText(rating)
	p.reviews.SetText(strconv.Itoa(c.Reviews))
	p.strengths.SetText(c.Strengths)
	p.weaknesses.SetText(c.Weaknesses)
	if c.ID == 0 {
		p.del.Disable()
	} else {
		p.del.Enable()
	}
}

func (p *competitorsPane) onNew() {
	p.list.UnselectAll()
	p.edit(app.Competitor{Currency: "USD"})
}

func (p *competitorsPane) onSubmit(string) { p.onSave() }

func (p *competitorsPane) readForm() (app.Competitor, error) {
	c := p.current
	c.Name, c.Market, c.Platform, c.Product = p.name.Text, p.market.Text, p.platform.Text, p.product.Text
	c.Currency, c.Strengths, c.Weaknesses = p.currency.Text, p.strengths.Text, p.weaknesses.Text
	var err error
	if c.Price, err = decimal.NewFromString(strings.TrimSpace(p.price.Text)); err != nil {
		return c, app.Errorf(app.EInvalid, "research.err_number", p.s.l.T("research.price"), p.price.Text)
	}
	c.Rating = decimal.Zero
	if r := strings.TrimSpace(p.rating.Text); r != "" {
		if c.Rating, err = decimal.NewFromString(r); err != nil {
			return c, app.Errorf(app.EInvalid, "research.err_number", p.s.l.T("research.rating"), r)
		}
	}
	if c.Reviews, err = strconv.Atoi(strings.TrimSpace(p.reviews.Text)); err != nil {
		return c, app.Errorf(app.EInvalid, "research.err_number", p.s.l.T("research.reviews"), p.reviews.Text)
	}
	if m := strings.TrimSpace(c.Market); m != "" && len(m) != 2 {
		return c, app.Errorf(app.EInvalid, "research.err_market", m)
	}
	return c, c.Validate()
}

func (p *competitorsPane) onSave() {
	c, err := p.readForm()
	if err != nil {
		p.s.ShowError(err)
		return
	}
	ws := p.s.ws
	var rivals []app.Competitor
	p.s.run(p.s.l.T("research.saving"), func(ctx context.Context) error {
		if err := ws.SaveCompetitor(ctx, &c); err != nil {
			return err
		}
		var err error
		rivals, err = ws.Competitors(ctx, "")
		return err
	}, func(err error) {
		if err != nil {
			p.s.ShowError(err)
			return
		}
		p.show(rivals)
		p.edit(c)
	})
}

func (p *competitorsPane) onDelete() {
	c := p.current
	if c.ID == 0 {
		return
	}
	dialog.ShowConfirm(p.s.l.T("research.delete_competitor"), p.s.l.T("research.delete_competitor_confirm", c.Name), func(ok bool) {
		if !ok {
			return
		}
		ws := p.s.ws
		var rivals []app.Competitor
		p.s.run(p.s.l.T("research.deleting"), func(ctx context.Context) error {
			if err := ws.DeleteCompetitor(ctx, c.ID); err != nil {
				return err
			}
			var err error
			rivals, err = ws.Competitors(ctx, "")
			return err
		}, func(err error) {
			if err != nil {
				p.s.ShowError(err)
				return
			}
			p.show(rivals)
			p.onNew()
			rsOfferUndo(p.s, p.s.l.T("research.competitor_deleted", c.Name), func() {
				back := c
				back.ID = 0
				p.edit(back)
				p.onSave()
			})
		})
	}, p.s.win)
}

// rsNumber checks a decimal as it is typed; the message is in the
// person's language because Fyne shows it under the field.
func rsNumber(l *app.Localizer, optional bool) fyne.StringValidator {
	return localizedValidator(l, func(s string) error {
		if optional && strings.TrimSpace(s) == "" {
			return nil
		}
		if _, err := decimal.NewFromString(strings.TrimSpace(s)); err != nil {
			return app.Errorf(app.EInvalid, "research.not_a_number")
		}
		return nil
	})
}

func rsWhole(l *app.Localizer) fyne.StringValidator {
	return localizedValidator(l, func(s string) error {
		if _, err := strconv.Atoi(strings.TrimSpace(s)); err != nil {
			return app.Errorf(app.EInvalid, "research.not_a_whole_number")
		}
		return nil
	})
}
