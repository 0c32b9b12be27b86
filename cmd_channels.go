package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// channelsCmd ranks the workspace's logistics channels for one unit:
// `seller-assistant --db FILE channels rank --dest CC --weight-kg W --dims LxWxH [--battery] [--liquid]`.
// It prints a JSON list, best first and the channels that cannot take the
// unit last, with the door-to-door cost per unit in CNY (app.ChannelUnitCost)
// and the score the Channels screen shows for the same weights.
type channelsCmd struct{}

func init() { commands["channels"] = channelsCmd{} }

const channelsUsage = "usage: channels rank --dest CC --weight-kg W --dims LxWxH [--battery] [--liquid] " +
	"[--cost-weight N --speed-weight N --stability-weight N]"

func (channelsCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "rank" {
		return usagef(channelsUsage)
	}
	fs := newFlags("channels rank")
	dest := fs.String("dest", "", "destination market, ISO country code (US, GB, DE, JP …)")
	weight := fs.String("weight-kg", "", "weight of one unit packed, kg")
	dims := fs.String("dims", "", "packed size LxWxH in cm, e.g. 18x9.5x1.5")
	battery := fs.Bool("battery", false, "the unit has a built-in battery")
	liquid := fs.Bool("liquid", false, "the unit is or holds a liquid")
	// The Channels screen's starting weights, so the CLI and the window agree.
	wCost := fs.String("cost-weight", "5", "weight of cost in the score")
	wSpeed := fs.String("speed-weight", "5", "weight of speed in the score")
	wStab := fs.String("stability-weight", "3", "weight of stability in the score")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	market := strings.ToUpper(strings.TrimSpace(*dest))
	if len(market) != 2 || strings.Trim(market, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return usagef("--dest must be a two-letter country code, e.g. US")
	}
	kg, err := cliDecimal("--weight-kg", *weight)
	if err != nil {
		return err
	}
	if !kg.IsPositive() {
		return usagef("--weight-kg must be greater than 0")
	}
	l, w, h, err := parseDims(*dims)
	if err != nil {
		return err
	}
	var weights [3]decimal.Decimal
	for i, f := range []struct{ name, v string }{{"--cost-weight", *wCost}, {"--speed-weight", *wSpeed}, {"--stability-weight", *wStab}} {
		if weights[i], err = cliDecimal(f.name, f.v); err != nil {
			return err
		}
	}
	if err := needDB(db); err != nil {
		return err
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	chs, err := s.Channels(ctx)
	if err != nil {
		return err
	}
	p := app.Parcel{WeightKg: kg, LengthCm: l, WidthCm: w, HeightCm: h, Market: market, Battery: *battery, Liquid: *liquid}
	ranked := app.RankChannels(chs, p, app.RankWeights{Cost: weights[0], Speed: weights[1], Stability: weights[2]})
	_, err = stdout.Write(channelRankJSON(ranked))
	return err
}

// channelRankJSON writes the ranking as a JSON list. Money is CNY rounded
// to 2 places, and total_cny is the sum of the rounded parts (freight,
// fulfilment, storage) so the printed figures add up exactly. A channel
// that cannot take the unit has eligible false, score 0 and the reason.
func channelRankJSON(ranked []app.ChannelScore) []byte {
	en := app.English()
	var b bytes.Buffer
	b.WriteString("[\n")
	for i, cs := range ranked {
		freight, fulfil, storage := cs.Unit.Freight.Round(2), cs.Unit.Fulfilment.Round(2), cs.Unit.Storage.Round(2)
		total := freight.Add(fulfil).Add(storage)
		str := func(s string) string { j, _ := json.Marshal(s); return string(j) }
		excluded := "null"
		if cs.Excluded != "" {
			excluded = str(en.T(cs.Excluded))
		}
		fmt.Fprintf(&b, `  {"name": %s, "type": %s, "eligible": %t, "excluded": %s, "chargeable_kg": %s, `+
			`"freight_cny": %s, "fulfilment_cny": %s, "storage_cny": %s, "total_cny": %s, `+
			`"days_min": %d, "days_max": %d, "stability": %d, "score": %s}`,
			str(cs.Channel.Name), str(cs.Channel.Type), cs.Excluded == "", excluded, cs.ChargeableKg.StringFixed(3),
			freight.StringFixed(2), fulfil.StringFixed(2), storage.StringFixed(2), total.StringFixed(2),
			cs.Channel.DaysMin, cs.Channel.DaysMax, cs.Channel.Stability, cs.Score.StringFixed(2))
		if i < len(ranked)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]\n")
	return b.Bytes()
}

// cliDecimal reads a non-negative number given to a flag.
func cliDecimal(flag, s string) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return decimal.Zero, usagef("%s is required", flag)
	}
	d, err := decimal.NewFromString(s)
	if err != nil || len(s) > 20 {
		return decimal.Zero, usagef("%s must be a number, not %q", flag, s)
	}
	if d.IsNegative() {
		return decimal.Zero, usagef("%s cannot be negative", flag)
	}
	return d, nil
}

// parseDims reads LxWxH in cm; x, X, × or * between the three numbers.
func parseDims(s string) (l, w, h decimal.Decimal, err error) {
	parts := strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool { return r == 'x' || r == 'X' || r == '×' || r == '*' })
	if len(parts) != 3 {
		return l, w, h, usagef("--dims must be LxWxH in cm, e.g. 18x9.5x1.5")
	}
	var v [3]decimal.Decimal
	for i, p := range parts {
		if v[i], err = cliDecimal("--dims", p); err != nil {
			return l, w, h, err
		}
	}
	return v[0], v[1], v[2], nil
}
