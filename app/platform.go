package app

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Platform is a sales platform and its fees.
type Platform struct {
	ID           int64
	Name         string
	ReferralRate decimal.Decimal // fraction of the gross price, default category
	PerOrderFee  decimal.Decimal // in the selling currency
	PaymentRate  decimal.Decimal // fraction
	Markets      []string
	// CategoryRates are referral rates of categories that differ from
	// ReferralRate (see ReferralRateFor).
	CategoryRates map[string]decimal.Decimal
}

// Validate checks a platform as typed: a name and rates from 0 to below 1.
func (p Platform) Validate() error {
	if strings.TrimSpace(p.Name) == "" {
		return Errorf(EInvalid, "channels.error.platform_name")
	}
	if p.ReferralRate.IsNegative() || p.ReferralRate.GreaterThanOrEqual(one) {
		return Errorf(EInvalid, "channels.error.referral")
	}
	if p.PaymentRate.IsNegative() || p.PaymentRate.GreaterThanOrEqual(one) {
		return Errorf(EInvalid, "channels.error.payment")
	}
	if p.PerOrderFee.IsNegative() {
		return Errorf(EInvalid, "channels.error.per_order")
	}
	for c, r := range p.CategoryRates {
		if r.IsNegative() || r.GreaterThanOrEqual(one) {
			return Errorf(EInvalid, "channels.error.category_rate", c)
		}
	}
	return nil
}

// ReferralRateFor is the platform's referral rate for a product category:
// the category's own rate when the platform lists one, else its default.
func (p Platform) ReferralRateFor(category string) decimal.Decimal {
	for c, r := range p.CategoryRates {
		if strings.EqualFold(c, category) {
			return r
		}
	}
	return p.ReferralRate
}

// ServesMarket reports whether the platform sells in market; a platform
// with no markets listed serves all.
func (p Platform) ServesMarket(market string) bool {
	if len(p.Markets) == 0 {
		return true
	}
	for _, m := range p.Markets {
		if m == market {
			return true
		}
	}
	return false
}
