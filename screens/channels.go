package screens

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

func init() {
	registerScreen("channels", func(s *Shell) moduleScreen { return newChannels(s) })
}

// channels ranks the logistics channels for a parcel by the seller's
// weights of cost, speed and stability, and keeps the channels and sales
// platforms as data the seller edits (channels_edit.go).
type channels struct {
	s *Shell

	channels  []app.LogisticsChannel
	platforms []app.Platform

	// parcel
	parcel      map[string]*widget.Entry // weight_kg, length_cm, width_cm, height_cm, value
	market      *widget.Select
	marketCodes []string
	battery     *widget.Check
	liquid      *widget.Check
	weights     map[string]*widget.Slider // cost, speed, stability
	weightLbls  map[string]*widget.Label

	why     *textBlock
	errMsg  *textBlock
	table   *textBlock
	ranking *chart.View
	scatter *chart.View
	ranked  []app.ChannelScore

	chEdit *channelEditor
	plEdit *platformEditor
}

func newChannels(s *Shell) *channels {
	return &channels{s: s, parcel: map[string]*widget.Entry{}, weights: map[string]*widget.Slider{},
		weightLbls: map[string]*widget.Label{}}
}

var parcelFields = []string{"weight_kg", "length_cm", "width_cm", "height_cm", "value"}

func (c *channels) buildUI() fyne.CanvasObject {
	t := c.s.l.T
	head := heading(t("module.channels.title"))
	if c.s.ws == nil {
		return container.NewVBox(head, widget.NewLabel(t("workspace.none_hint")))
	}
	intro := newTextBlock(t("channels.intro"))
	c.chEdit = newChannelEditor(c)
	c.plEdit = newPlatformEditor(c)
	tabs := container.NewAppTabs(
		container.NewTabItem(t("channels.tab.ranking"), c.buildRanking()),
		container.NewTabItem(t("channels.tab.channels"), c.chEdit.buildUI()),
		container.NewTabItem(t("channels.tab.platforms"), c.plEdit.buildUI()),
	)
	c.load()
	return container.NewBorder(container.NewVBox(head, intro), nil, nil, nil, tabs)
}

func (c *channels) buildRanking() fyne.CanvasObject {
	t := c.s.l.T
	form := widget.NewForm()
	defaults := map[string]string{"weight_kg": "0.5", "length_cm": "20", "width_cm": "15", "height_cm": "8", "value": "60"}
	for _, f := range parcelFields {
		e := &widget.Entry{Text: defaults[f], Validator: nonNegative(c.s.l, "channels.parcel."+f)}
		e.OnChanged = func(string) { c.rank() }
		c.parcel[f] = e
		form.Append(t("channels.parcel."+f), e)
	}
	c.marketCodes = nil
	var opts []string
	for _, m := range app.PricingMarkets() {
		c.marketCodes = append(c.marketCodes, m.Market)
		opts = append(opts, m.Market+" · "+app.CountryName(c.s.l, m.Market))
	}
	c.market = &widget.Select{PlaceHolder: selectPlaceholder, Options: opts, OnChanged: func(string) { c.rank() }}
	c.market.SetSelectedIndex(1) // GB: the demo has most channels there
	form.Append(t("channels.parcel.market"), fitChoices(c.market))
	c.battery = &widget.Check{Text: t("channels.parcel.battery"), OnChanged: func(bool) { c.rank() }}
	c.liquid = &widget.Check{Text: t("channels.parcel.liquid"), OnChanged: func(bool) { c.rank() }}
	form.Append("", container.NewVBox(c.battery, c.liquid)) // stacked: side by side they widened the form past the laptop window
	for _, w := range []string{"cost", "speed", "stability"} {
		sl := &widget.Slider{Min: 0, Max: 10, Step: 1, Value: 5, Orientation: widget.Horizontal}
		if w == "stability" {
			sl.Value = 3
		}
		lbl := widget.NewLabel("")
		c.weights[w], c.weightLbls[w] = sl, lbl
		sl.OnChanged = func(float64) { c.rank() }
		form.Append(t("channels.weight."+w), container.NewBorder(nil, nil, nil, lbl, sl))
	}
	c.errMsg = importantText("", widget.DangerImportance)
	c.errMsg.Hide()
	c.why = newTextBlock("")
	c.why.TextStyle = fyne.TextStyle{Bold: true}
	c.table = newTextBlock("")
	empty := t("chart.no_data")
	c.ranking = chart.NewView(app.Chart{}, empty)
	c.scatter = chart.NewView(app.Chart{}, empty)
	note := newTextBlock(t("channels.weights_note"))
	left := newPageScroll(container.NewVBox(form, note))
	charts := container.NewGridWithColumns(2, c.ranking, c.scatter)
	right := container.NewBorder(container.NewVBox(c.errMsg, c.why), nil, nil, nil,
		container.NewVSplit(charts, newPageScroll(c.table)))
	split := container.NewHSplit(left, right)
	split.Offset = 0.32
	return split
}

// nonNegative validates a typed number that may not be negative, naming
// the field by its label key.
func nonNegative(l *app.Localizer, labelKey string) fyne.StringValidator {
	return localizedValidator(l, func(s string) error {
		d, err := parseNumber(s)
		if err != nil {
			return app.Errorf(app.EInvalid, "pricing.error.not_number", app.Key(labelKey))
		}
		if d.IsNegative() {
			return app.Errorf(app.EInvalid, "pricing.error.negative", app.Key(labelKey))
		}
		return nil
	})
}

// load reads channels and platforms off the UI goroutine.
func (c *channels) load() {
	ws := c.s.ws
	background(c.s, func(ctx context.Context) (channelData, error) {
		return readChannels(ctx, ws)
	}, func(d channelData) { c.setData(d.channels, d.platforms) })
}

// channelData is what the channels screen reads: its channels and the
// platforms they are ranked for.
type channelData struct {
	channels  []app.LogisticsChannel
	platforms []app.Platform
}

func readChannels(ctx context.Context, ws app.Workspace) (d channelData, err error) {
	if d.channels, err = ws.Channels(ctx); err != nil {
		return d, err
	}
	d.platforms, err = ws.Platforms(ctx)
	return d, err
}

func (c *channels) setData(chs []app.LogisticsChannel, pls []app.Platform) {
	c.channels, c.platforms = chs, pls
	c.chEdit.refresh()
	c.plEdit.refresh()
	c.rank()
}

func (c *channels) weightsNow() app.RankWeights {
	w := func(k string) decimal.Decimal { return decimal.NewFromFloat(c.weights[k].Value) }
	return app.RankWeights{Cost: w("cost"), Speed: w("speed"), Stability: w("stability")}
}

// rank scores the channels for the parcel as typed and redraws the
// ranking; bad input shows which field and keeps the last ranking.
func (c *channels) rank() {
	if c.why == nil || c.table == nil {
		return
	}
	t := c.s.l.T
	for k, sl := range c.weights {
		c.weightLbls[k].SetText(fmt.Sprintf("%2.0f", sl.Value))
	}
	vals := map[string]decimal.Decimal{}
	for _, f := range parcelFields {
		d, err := parseNumber(c.parcel[f].Text)
		if err != nil || d.IsNegative() {
			c.errMsg.SetText(t("channels.parcel.bad", t("channels.parcel."+f)))
			c.errMsg.Show()
			return
		}
		vals[f] = d
	}
	c.errMsg.Hide()
	m := ""
	if i := c.market.SelectedIndex(); i >= 0 {
		m = c.marketCodes[i]
	}
	p := app.Parcel{WeightKg: vals["weight_kg"], LengthCm: vals["length_cm"], WidthCm: vals["width_cm"], HeightCm: vals["height_cm"],
		Value: vals["value"], Market: m, Battery: c.battery.Checked, Liquid: c.liquid.Checked}
	w := c.weightsNow()
	c.ranked = app.RankChannels(c.channels, p, w)
	c.why.SetText(app.WhyWins(c.s.l, c.ranked, w))
	c.ranking.SetChart(app.ChannelRankingChart(c.s.l, c.ranked))
	c.scatter.SetChart(app.ParcelCostDaysChart(c.s.l, c.ranked))
	var lines []string
	excluded := map[string][]string{} // reason key -> channel names
	var reasons []string
	for i, cs := range c.ranked {
		if cs.Excluded != "" {
			if len(excluded[cs.Excluded]) == 0 {
				reasons = append(reasons, cs.Excluded)
			}
			excluded[cs.Excluded] = append(excluded[cs.Excluded], cs.Channel.Name)
			continue
		}
		parts := t("channels.row.parts", format.Fixed(cs.Unit.Freight, 2), format.Fixed(cs.Unit.Fulfilment, 2),
			format.Fixed(cs.Unit.Storage, 2))
		line := t("channels.row", i+1, cs.Channel.Name, format.Fixed(cs.Score, 0), format.Fixed(cs.Cost, 2), parts,
			format.Fixed(cs.ChargeableKg, 2), format.Fixed(cs.Days, 1), cs.Channel.Stability,
			format.Fixed(cs.CostScore, 2), format.Fixed(cs.SpeedScore, 2), format.Fixed(cs.StabilityScore, 2))
		if p.Value.IsPositive() {
			// The door-to-door cost against the declared value: above roughly
			// a third, the channel eats the margin of a cheap item whatever
			// its score.
			line += t("channels.row.share", app.QuoteRate(cs.Cost.Div(p.Value)))
		}
		lines = append(lines, line)
	}
	for _, r := range reasons {
		lines = append(lines, t("channels.row.excluded", t(r), strings.Join(excluded[r], "; ")))
	}
	if len(lines) == 0 {
		lines = append(lines, t("channels.none"))
	}
	c.table.SetText(strings.Join(lines, "\n"))
}
