package app

import (
	"context"
	"strings"
	"time"
)

// Risk categories and statuses.
var (
	RiskCategories = []string{"ip", "security", "operations", "quality", "tax", "fx", "compliance", "logistics"}
	RiskStatuses   = []string{"open", "mitigating", "closed"}
)

// Risk is one line of the risk register.
type Risk struct {
	ID         int64
	Title      string
	Category   string
	Likelihood int // 1..5
	Impact     int // 1..5
	Owner      string
	Mitigation string
	Status     string
	ReviewDate time.Time
}

// Score is likelihood x impact, 1..25.
func (r Risk) Score() int { return r.Likelihood * r.Impact }

// Level names the band of the score the heatmap colours: low (1-4),
// medium (5-9), high (10-16), critical (17-25).
func (r Risk) Level() string {
	switch s := r.Score(); {
	case s >= 17:
		return "critical"
	case s >= 10:
		return "high"
	case s >= 5:
		return "medium"
	default:
		return "low"
	}
}

// Overdue reports whether an open risk's review date has passed on day now.
func (r Risk) Overdue(now time.Time) bool {
	return r.Status != "closed" && !r.ReviewDate.IsZero() && r.ReviewDate.Before(now.Truncate(24*time.Hour))
}

// ChecklistTemplate is a built-in checklist for one kind of risk. Its title
// is "risks.tpl.<ID>" and each item a translation key, so a template reads in
// both languages and a copied checklist follows the language switch.
type ChecklistTemplate struct {
	ID       string // also the risk category it belongs to
	Category string
	Items    []string // translation keys "risks.tpl.<ID>.<item>"
}

// Title is the template's name in l's language.
func (t ChecklistTemplate) Title(l *Localizer) string { return l.T("risks.tpl." + t.ID) }

func riskTemplate(id string, items ...string) ChecklistTemplate {
	t := ChecklistTemplate{ID: id, Category: id}
	for _, it := range items {
		t.Items = append(t.Items, "risks.tpl."+id+"."+it)
	}
	return t
}

// ChecklistTemplates are the trade's risk checklists, one per risk category.
var ChecklistTemplates = []ChecklistTemplate{
	riskTemplate("ip", "trademark_search", "trademark_register", "patent_search", "copyright_images", "brand_registry", "freeze_plan"),
	riskTemplate("security", "two_factor", "separate_env", "least_privilege", "offboarding", "app_audit", "backup"),
	riskTemplate("operations", "second_supplier", "cny_stock", "stock_alert", "contract_terms", "cs_coverage"),
	riskTemplate("quality", "ce", "fcc", "ukca", "test_reports", "aql", "labels", "gpsr"),
	riskTemplate("tax", "vat_registration", "ioss", "export_rebate", "invoices", "us_sales_tax"),
	riskTemplate("fx", "pricing_rate", "conversion_plan", "forward_contract", "currency_accounts"),
	riskTemplate("compliance", "privacy_policy", "consent", "retention", "epr", "weee_battery"),
	riskTemplate("logistics", "hs_codes", "restricted_goods", "declared_value", "incoterms", "insurance", "peak_capacity"),
}

// TemplateByID finds a template; ok is false for an unknown id.
func TemplateByID(id string) (ChecklistTemplate, bool) {
	for _, t := range ChecklistTemplates {
		if t.ID == id {
			return t, true
		}
	}
	return ChecklistTemplate{}, false
}

// Checklist is a template copied into the workspace and worked through.
type Checklist struct {
	ID       int64
	Template string // the template's ID; "" for one the seller made
	Title    string // the seller's own title; empty: the template's title
	Created  time.Time
	Items    []ChecklistItem
}

// ChecklistItem is one line to tick.
type ChecklistItem struct {
	ID       int64
	Key      string // translation key of a template item; "" when Text is the seller's
	Text     string
	Done     bool
	Owner    string
	Due      time.Time // zero: no due date
	Evidence string    // where the proof is: a file name, a link, a note
}

// Label is the item's text in l's language.
func (it ChecklistItem) Label(l *Localizer) string {
	if it.Key != "" {
		return l.T(it.Key)
	}
	return it.Text
}

// Overdue reports an unticked item whose due date has passed on day now.
func (it ChecklistItem) Overdue(now time.Time) bool {
	return !it.Done && !it.Due.IsZero() && it.Due.Before(now.Truncate(24*time.Hour))
}

// Name is the checklist's title in l's language.
func (c Checklist) Name(l *Localizer) string {
	if c.Title != "" {
		return c.Title
	}
	if t, ok := TemplateByID(c.Template); ok {
		return t.Title(l)
	}
	return c.Template
}

// Progress counts the ticked items.
func (c Checklist) Progress() (done, total int) {
	for _, it := range c.Items {
		if it.Done {
			done++
		}
	}
	return done, len(c.Items)
}

// CopyTemplate makes a new, unticked checklist from t: every item keeps its
// translation key, no owner and no due date yet, so nothing is assumed done.
func CopyTemplate(t ChecklistTemplate, now time.Time) Checklist {
	c := Checklist{Template: t.ID, Created: now.UTC().Truncate(24 * time.Hour)}
	for _, k := range t.Items {
		c.Items = append(c.Items, ChecklistItem{Key: k})
	}
	return c
}

// RiskStore is what the risks screen needs beyond app.Workspace.
type RiskStore interface {
	// Risk returns one register entry; ENotFound when there is none.
	Risk(ctx context.Context, id int64) (Risk, error)
	// SaveRisk inserts r when r.ID is 0, else updates it; it returns the id.
	SaveRisk(ctx context.Context, r Risk) (int64, error)
	DeleteRisk(ctx context.Context, id int64) error
	// Checklists are the workspace's checklists with their items, oldest first.
	Checklists(ctx context.Context) ([]Checklist, error)
	// SaveChecklist inserts a new checklist with its items and returns its id.
	SaveChecklist(ctx context.Context, c Checklist) (int64, error)
	// SaveChecklistItem updates one item (ticked, owner, due date, evidence).
	SaveChecklistItem(ctx context.Context, it ChecklistItem) error
	DeleteChecklist(ctx context.Context, id int64) error
}

// Validate checks a register entry before it is saved; the error names the
// field.
func (r Risk) Validate() error {
	if strings.TrimSpace(r.Title) == "" {
		return Errorf(EInvalid, "risks.err_title")
	}
	if !campaignListHas(RiskCategories, r.Category) {
		return Errorf(EInvalid, "risks.err_category", r.Category)
	}
	if r.Likelihood < 1 || r.Likelihood > 5 {
		return Errorf(EInvalid, "risks.err_likelihood", r.Likelihood)
	}
	if r.Impact < 1 || r.Impact > 5 {
		return Errorf(EInvalid, "risks.err_impact", r.Impact)
	}
	if !campaignListHas(RiskStatuses, r.Status) {
		return Errorf(EInvalid, "risks.err_status", r.Status)
	}
	return nil
}

// OverdueRisks are the open risks whose review date has passed on day now.
func OverdueRisks(risks []Risk, now time.Time) []Risk {
	var out []Risk
	for _, r := range risks {
		if r.Overdue(now) {
			out = append(out, r)
		}
	}
	return out
}

// OpenRisksByCategoryChart: open (not closed) risks per category, one bar
// per category, in the register's category order.
func OpenRisksByCategoryChart(l *Localizer, risks []Risk) Chart {
	c := Chart{ID: "open_risks_by_category", Title: l.T("risks.chart_open_by_category"), Kind: ChartBar, YLabel: l.T("chart.risks_unit"), Counts: true}
	s := Series{Name: l.T("risks.open_risks"), Values: make([]float64, len(RiskCategories))}
	for i, cat := range RiskCategories {
		c.Categories = append(c.Categories, l.T("risk.category."+cat))
		for _, r := range risks {
			if r.Category == cat && r.Status != "closed" {
				s.Values[i]++
			}
		}
	}
	c.Series = []Series{s}
	return c
}
