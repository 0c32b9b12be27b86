package app

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Customer care (issue 9): contacts, service cases timed in the shop's
// business hours, reply templates and feedback. The rules, as the guide
// states them:
//
//   - Times are stored as UTC instants with the IANA zone they were entered
//     in; business hours are counted in the shop's own zone.
//   - Business hours between two instants = the time inside the shop's
//     working window (start..end local time) on working weekdays that are not
//     holidays. A DST change moves the window with the wall clock.
//   - A case's deadline = opened + the platform's target in business hours
//     (BusinessHours.Add). It is late when the first response came after the
//     deadline, or when there is none and the deadline has passed.
//   - CSAT = share of 4 and 5 answers among all CSAT answers, in %.
//   - NPS = % promoters (9-10) minus % detractors (0-6), from -100 to 100.
//   - Complaint rate = complaint and dispute cases per 100 orders, by country.

// Case types, channels, priorities, statuses and feedback reasons; the
// values are stored and exported as they are, and translated by the keys
// care.type.*, care.channel.*, care.priority.*, care.status.*, care.reason.*.
var (
	CaseTypes      = []string{"presale", "shipping", "return", "complaint", "dispute", "review"}
	CaseChannels   = []string{"email", "platform", "chat", "phone"}
	CasePriorities = []string{"low", "normal", "high", "urgent"}
	CaseStatuses   = []string{"new", "waiting_us", "waiting_customer", "resolved", "closed"}
	CaseReasons    = []string{"quality", "late", "wrong_item", "damaged", "customs", "other"}
	// CareLanguages are the languages contacts and templates can have.
	CareLanguages = []string{"en", "zh", "de", "fr", "es", "ja"}
	// TemplateSituations are the situations reply templates are written for.
	TemplateSituations = []string{"order_confirmation", "shipping_delay", "tracking_update", "return_approved",
		"refund_issued", "review_followup", "win_back"}
	// Placeholders are the fields a template may use, filled from the
	// customer and the case.
	Placeholders = []string{"name", "order_id", "tracking_no", "local_date"}
)

// ComplaintTypes are the case types that count as complaints in the
// complaint rate and the tier mix of complainers.
var ComplaintTypes = []string{"complaint", "dispute"}

// Contact is a customer's care record.
type Contact struct {
	CustomerID     string
	Name           string
	Email          string
	PlatformHandle string
	Chat           string
	Phone          string
	Language       string // one of CareLanguages
	TimeZone       string // IANA name, e.g. "Europe/Berlin"
	Country        string
}

// Validate checks the id, language and zone.
func (c Contact) Validate() error {
	if strings.TrimSpace(c.CustomerID) == "" {
		return Errorf(EInvalid, "care.err_customer_required")
	}
	if !slices.Contains(CareLanguages, c.Language) {
		return Errorf(EInvalid, "care.err_language", c.Language)
	}
	if _, err := LoadZone(c.TimeZone); err != nil {
		return err
	}
	return nil
}

// LocalTime is now on the customer's clock; UTC when the zone is unknown.
func (c Contact) LocalTime(now time.Time) time.Time {
	loc, err := LoadZone(c.TimeZone)
	if err != nil {
		return now.UTC()
	}
	return now.In(loc)
}

// LoadZone loads an IANA zone, naming it in the error when it is unknown.
func LoadZone(name string) (*time.Location, error) {
	if name == "" {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, Wrap(err, EInvalid, "care.err_zone", name)
	}
	return loc, nil
}

// Interaction is a note or a follow-up reminder on a customer's timeline.
type Interaction struct {
	ID         int64
	CustomerID string
	Kind       string // "note" or "followup"
	Body       string
	Created    time.Time // UTC
	Due        time.Time // follow-ups: the due day (UTC midnight)
	Done       bool
}

// Validate checks the kind, body and due day.
func (i Interaction) Validate() error {
	if strings.TrimSpace(i.Body) == "" {
		return Errorf(EInvalid, "care.err_body_required")
	}
	if i.Kind != "note" && i.Kind != "followup" {
		return Errorf(EInvalid, "care.err_kind", i.Kind)
	}
	if i.Kind == "followup" && i.Due.IsZero() {
		return Errorf(EInvalid, "care.err_due_required")
	}
	return nil
}

// Overdue: an open follow-up due before today.
func (i Interaction) Overdue(now time.Time) bool {
	return i.Kind == "followup" && !i.Done && Day(i.Due).Before(Day(now))
}

// DueToday: an open follow-up due today.
func (i Interaction) DueToday(now time.Time) bool {
	return i.Kind == "followup" && !i.Done && Day(i.Due).Equal(Day(now))
}

// Case is one service case.
type Case struct {
	ID             int64
	CustomerID     string
	Type           string
	Channel        string
	Platform       string
	OrderID        string
	TrackingNo     string
	Priority       string
	Status         string
	Subject        string
	Reason         string // one of CaseReasons or ""
	Escalated      bool
	Opened         time.Time // UTC
	OpenedZone     string
	FirstResponse  time.Time // zero: not answered yet
	ResponseZone   string
	Resolved       time.Time // zero: not resolved yet
	ResolvedZone   string
	CSAT           int  // 1..5; 0 = no answer
	NPS            int  // 0..10 when HasNPS
	HasNPS         bool // NPS 0 is a real answer
	FeedbackReason string
	// Read-only, filled by the store: the customer's name and country (the
	// orders' country, else the contact's).
	CustomerName string
	Country      string
}

// Validate checks a case before it is stored; nothing is stored on error.
func (c Case) Validate() error {
	switch {
	case strings.TrimSpace(c.CustomerID) == "":
		return Errorf(EInvalid, "care.err_customer_required")
	case !slices.Contains(CaseTypes, c.Type):
		return Errorf(EInvalid, "care.err_type", c.Type)
	case !slices.Contains(CaseChannels, c.Channel):
		return Errorf(EInvalid, "care.err_channel", c.Channel)
	case !slices.Contains(CasePriorities, c.Priority):
		return Errorf(EInvalid, "care.err_priority", c.Priority)
	case !slices.Contains(CaseStatuses, c.Status):
		return Errorf(EInvalid, "care.err_status", c.Status)
	case c.Reason != "" && !slices.Contains(CaseReasons, c.Reason):
		return Errorf(EInvalid, "care.err_reason", c.Reason)
	case c.FeedbackReason != "" && !slices.Contains(CaseReasons, c.FeedbackReason):
		return Errorf(EInvalid, "care.err_reason", c.FeedbackReason)
	case c.Opened.IsZero():
		return Errorf(EInvalid, "care.err_opened_required")
	case !c.FirstResponse.IsZero() && c.FirstResponse.Before(c.Opened):
		return Errorf(EInvalid, "care.err_before_opened", "first_response")
	case !c.Resolved.IsZero() && c.Resolved.Before(c.Opened):
		return Errorf(EInvalid, "care.err_before_opened", "resolved")
	case c.CSAT < 0 || c.CSAT > 5:
		return Errorf(EInvalid, "care.err_csat", c.CSAT)
	case c.HasNPS && (c.NPS < 0 || c.NPS > 10):
		return Errorf(EInvalid, "care.err_nps", c.NPS)
	}
	return nil
}

// Open: the case still needs work (not resolved or closed).
func (c Case) Open() bool { return c.Status != "resolved" && c.Status != "closed" }

// IsComplaint: the case counts in the complaint rate.
func (c Case) IsComplaint() bool { return slices.Contains(ComplaintTypes, c.Type) }

// FirstResponseHours is the business time from opening to the first
// response; ok is false when there is none yet.
func (c Case) FirstResponseHours(bh BusinessHours) (time.Duration, bool) {
	if c.FirstResponse.IsZero() {
		return 0, false
	}
	return bh.Between(c.Opened, c.FirstResponse), true
}

// ResolutionHours is the business time from opening to resolution.
func (c Case) ResolutionHours(bh BusinessHours) (time.Duration, bool) {
	if c.Resolved.IsZero() {
		return 0, false
	}
	return bh.Between(c.Opened, c.Resolved), true
}

// Deadline is when the first response is due: opened + target business
// hours.
func (c Case) Deadline(bh BusinessHours, target int) time.Time {
	return bh.Add(c.Opened, time.Duration(target)*time.Hour)
}

// WithinTarget says whether the first response met the deadline; known is
// false for an unanswered case whose deadline has not passed yet.
func (c Case) WithinTarget(bh BusinessHours, target int, now time.Time) (within, known bool) {
	dl := c.Deadline(bh, target)
	if c.FirstResponse.IsZero() {
		if now.After(dl) {
			return false, true
		}
		return false, false
	}
	return !c.FirstResponse.After(dl), true
}

// Late: the deadline passed without an answer, or the answer came late.
func (c Case) Late(bh BusinessHours, target int, now time.Time) bool {
	within, known := c.WithinTarget(bh, target, now)
	return known && !within
}

// Targets are the response targets in business hours per platform; the
// entry "" applies to platforms not listed.
type Targets map[string]int

// DefaultTarget applies when nothing is set at all.
const DefaultTarget = 24

// For is the target of platform.
func (t Targets) For(platform string) int {
	if h, ok := t[platform]; ok && h > 0 {
		return h
	}
	if h, ok := t[""]; ok && h > 0 {
		return h
	}
	return DefaultTarget
}

// Template is a reply template in one language.
type Template struct {
	ID        int64
	Situation string // one of TemplateSituations
	Language  string // one of CareLanguages
	Body      string
}

var placeholder = regexp.MustCompile(`\{([a-z_]+)\}`)

// TemplatePlaceholders lists the placeholders body uses, in order, once each.
func TemplatePlaceholders(body string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(body, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// FillTemplate replaces each {placeholder} of body with its value. A
// placeholder with no value (or only spaces), or one that is not in
// Placeholders, is named in an EInvalid error and nothing is returned: a
// reply is never sent with a blank where the order number should be.
func FillTemplate(body string, values map[string]string) (string, error) {
	var missing []string
	for _, name := range TemplatePlaceholders(body) {
		if !slices.Contains(Placeholders, name) || strings.TrimSpace(values[name]) == "" {
			missing = append(missing, "{"+name+"}")
		}
	}
	if len(missing) > 0 {
		return "", Errorf(EInvalid, "care.err_missing_placeholders", strings.Join(missing, ", "))
	}
	return placeholder.ReplaceAllStringFunc(body, func(m string) string {
		return strings.TrimSpace(values[m[1:len(m)-1]])
	}), nil
}

// TemplateValues are the placeholder values for a reply to c's customer:
// local_date is today's date on the customer's clock, written as their
// language writes dates.
func TemplateValues(ct Contact, c Case, now time.Time) map[string]string {
	name := ct.Name
	if name == "" {
		name = ct.PlatformHandle
	}
	return map[string]string{"name": name, "order_id": c.OrderID, "tracking_no": c.TrackingNo,
		"local_date": LocalDate(ct.LocalTime(now), ct.Language)}
}

// LocalDate writes t's date the way lang's readers write it.
func LocalDate(t time.Time, lang string) string {
	switch lang {
	case "zh", "ja":
		return t.Format("2006年1月2日")
	case "de":
		return t.Format("02.01.2006")
	case "fr", "es":
		return t.Format("02/01/2006")
	case "en":
		return t.Format("Jan 2, 2006")
	}
	return t.Format("2006-01-02")
}

// PickTemplate finds the template for situation in lang, falling back to
// English; ok is false when there is neither.
func PickTemplate(ts []Template, situation, lang string) (Template, bool) {
	var en Template
	found := false
	for _, t := range ts {
		if t.Situation != situation {
			continue
		}
		if t.Language == lang {
			return t, true
		}
		if t.Language == "en" {
			en, found = t, true
		}
	}
	return en, found
}

// CareFilter narrows the cases listed; zero fields do not filter.
type CareFilter struct {
	From, To   time.Time // opened on or after From and before To
	CustomerID string
}

// CareStore is what customer care needs from a workspace.
type CareStore interface {
	Contacts(ctx context.Context) ([]Contact, error)
	// Contact is one contact; ENotFound when there is none.
	Contact(ctx context.Context, customerID string) (Contact, error)
	SaveContact(ctx context.Context, c Contact) error
	// DeleteContact removes a contact with its notes and follow-ups. A
	// contact with cases is refused with EConflict (care.err_has_cases)
	// unless withCases is set, which removes the cases too.
	DeleteContact(ctx context.Context, customerID string, withCases bool) error
	Interactions(ctx context.Context, customerID string) ([]Interaction, error)
	// DueFollowUps lists open follow-ups due on or before day, oldest first.
	DueFollowUps(ctx context.Context, day time.Time, limit int) ([]Interaction, error)
	SaveInteraction(ctx context.Context, i Interaction) (int64, error)
	Cases(ctx context.Context, f CareFilter) ([]Case, error)
	// SaveCase inserts (ID 0) or updates a case; the contact must exist.
	SaveCase(ctx context.Context, c Case) (int64, error)
	DeleteCase(ctx context.Context, id int64) error
	Templates(ctx context.Context) ([]Template, error)
	SaveTemplate(ctx context.Context, t Template) (int64, error)
	BusinessHours(ctx context.Context) (BusinessHours, error)
	SaveBusinessHours(ctx context.Context, bh BusinessHours) error
	Targets(ctx context.Context) (Targets, error)
	SaveTarget(ctx context.Context, platform string, hours int) error
	// SaveFeedback stores imported answers on their cases in one
	// transaction; an unknown case id (ENotFound, care.err_feedback_case)
	// stores none.
	SaveFeedback(ctx context.Context, rows []FeedbackRow) error
	// OrdersByCountry counts distinct non-cancelled orders per country with
	// an order date in [from, to).
	OrdersByCountry(ctx context.Context, from, to time.Time) ([]NamedValue, error)
}
