package screens

import (
	"context"
	"strings"

	"github.com/seller-assistant/seller-assistant/app"
)

// The reply panel of the cases tab: a template in the customer's language,
// editable for this reply, filled and copied; or saved as the template.

// template is the template the reply panel shows, falling back to English.
func (v *careCases) template() (app.Template, bool) {
	si, li := v.situation.SelectedIndex(), v.language.SelectedIndex()
	if si < 0 {
		return app.Template{}, false
	}
	lang := "en"
	if li >= 0 {
		lang = app.CareLanguages[li]
	}
	return app.PickTemplate(v.c.templates, app.TemplateSituations[si], lang)
}

// onCustomer offers the reply in the chosen customer's language.
func (v *careCases) onCustomer(string) {
	if i := v.customer.SelectedIndex(); i >= 0 && i < len(v.c.contacts) {
		selectIndex(v.language, app.CareLanguages, v.c.contacts[i].Language, 0)
	}
	v.updateReply()
}

func (v *careCases) updateReply() {
	if v.preview == nil {
		return
	}
	tp, ok := v.template()
	v.preview.SetText(tp.Body)
	v.preview.PlaceHolder = ""
	if !ok {
		v.preview.PlaceHolder = v.c.s.l.T("care.template_placeholder")
	}
	v.preview.Refresh()
}

// onSaveTemplate stores the text as the template of the chosen situation
// and language, for everyone's next reply.
func (v *careCases) onSaveTemplate() {
	si, li := v.situation.SelectedIndex(), v.language.SelectedIndex()
	body := strings.TrimSpace(v.preview.Text)
	if si < 0 || li < 0 || body == "" {
		v.c.s.ShowError(app.Errorf(app.EInvalid, "care.err_body_required"))
		return
	}
	tp := app.Template{Situation: app.TemplateSituations[si], Language: app.CareLanguages[li], Body: body}
	ws, l := v.c.s.ws, v.c.s.l
	v.c.s.write(func(ctx context.Context) error {
		_, err := ws.SaveTemplate(ctx, tp)
		return err
	}, func() {
		v.c.s.message(l.T("module.care.title"), l.T("care.template_saved", l.T("care.situation."+tp.Situation), l.T("care.lang."+tp.Language)))
		v.c.load(v.current.ID, "")
	})
}

// onCopy fills the template text (as possibly edited for this reply) from
// the customer and the form and puts it on the clipboard; a missing value is named and nothing is copied. The first
// copy for an unanswered saved case records the first response.
func (v *careCases) onCopy() {
	c, l := v.c, v.c.s.l
	body := strings.TrimSpace(v.preview.Text)
	if body == "" {
		c.s.ShowError(app.Errorf(app.EInvalid, "care.err_no_template"))
		return
	}
	var ct app.Contact
	if i := v.customer.SelectedIndex(); i >= 0 && i < len(c.contacts) {
		ct = c.contacts[i]
	}
	x := v.current
	x.OrderID, x.TrackingNo = strings.TrimSpace(v.order.Text), strings.TrimSpace(v.tracking.Text)
	text, err := app.FillTemplate(body, app.TemplateValues(ct, x, c.s.env.Now()))
	if err != nil {
		c.s.ShowError(err)
		return
	}
	c.s.app.Clipboard().SetContent(text) // Window.Clipboard is deprecated since Fyne 2.6
	if x.ID == 0 || !x.FirstResponse.IsZero() {
		c.s.message(l.T("care.copied_title"), l.T("care.copied"))
		return
	}
	saved, err := v.read()
	if err != nil {
		c.s.message(l.T("care.copied_title"), l.T("care.copied"))
		return
	}
	saved.FirstResponse, saved.ResponseZone = c.s.env.Now().UTC(), c.shopZone()
	if saved.Status == "new" || saved.Status == "waiting_us" {
		saved.Status = "waiting_customer"
	}
	d, _ := saved.FirstResponseHours(c.bh)
	v.store(saved, l.T("care.copied_answered", app.DurationText(l, d)))
}
