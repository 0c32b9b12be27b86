package app

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/seller-assistant/seller-assistant/app/format"
)

// Lang is a language the app is translated into.
type Lang string

const (
	LangEnglish Lang = "en"
	LangChinese Lang = "zh_Hans" // named as Fyne names its own Simplified Chinese
)

// Langs lists the app's languages in the order Settings shows them.
var Langs = []Lang{LangChinese, LangEnglish}

// MatchLang picks the app language for a system locale such as "zh_CN.UTF-8",
// "zh-Hans", "en_GB" or "C". Anything that is not Chinese is English: the app
// has two languages and English is the fallback the brief asks for.
func MatchLang(locale string) Lang {
	l := strings.ToLower(strings.TrimSpace(locale))
	if strings.HasPrefix(l, "zh") {
		return LangChinese
	}
	return LangEnglish
}

// Localizer turns message keys into text in one language. Fyne's lang package
// cannot switch language while the app runs (see TECH-NOTES), and the CLI and
// the HTML report need the same strings without Fyne, so the catalogue lives
// here: a flat key -> text map per language, with English filling any gap.
type Localizer struct {
	lang     Lang
	msgs     map[string]string
	fallback map[string]string
}

var (
	catalogMu sync.RWMutex
	catalogs  = map[Lang]map[string]string{}
)

// LoadCatalog adds one language's messages from a flat JSON object.
func LoadCatalog(lang Lang, jsonData []byte) error {
	m := map[string]string{}
	if err := json.Unmarshal(jsonData, &m); err != nil {
		return fmt.Errorf("translations %s: %w", lang, err)
	}
	catalogMu.Lock()
	defer catalogMu.Unlock()
	catalogs[lang] = m
	return nil
}

// Catalog returns a copy of the messages loaded for lang.
func Catalog(lang Lang) map[string]string {
	catalogMu.RLock()
	defer catalogMu.RUnlock()
	out := make(map[string]string, len(catalogs[lang]))
	for k, v := range catalogs[lang] {
		out[k] = v
	}
	return out
}

// NewLocalizer returns a localizer for lang over the loaded catalogues.
func NewLocalizer(lang Lang) *Localizer {
	catalogMu.RLock()
	defer catalogMu.RUnlock()
	return &Localizer{lang: lang, msgs: catalogs[lang], fallback: catalogs[LangEnglish]}
}

// English is the localizer for logs, error strings and tests.
func English() *Localizer { return NewLocalizer(LangEnglish) }

// Lang is the localizer's language.
func (l *Localizer) Lang() Lang { return l.lang }

// Key is an argument that is itself a translation key, such as a field's
// name inside an error message; T translates it before filling it in, so
// the error can be made without a localizer and still read in any language.
type Key string

// Count is a number of things (orders, customers, rows, cases) given to T:
// it prints with thousands separators ("22,415 orders"). Plain ints print as
// they are: years and case numbers must not read "2,026" or "#1,024".
type Count int64

// Format prints c grouped for %d, %v and %s; other verbs as an integer.
func (c Count) Format(f fmt.State, verb rune) {
	switch verb {
	case 'd', 'v', 's':
		io.WriteString(f, format.Int(int64(c)))
	default:
		fmt.Fprintf(f, fmt.FormatString(f, verb), int64(c))
	}
}

// pluralChoice is "{one|other}" in a message: the form for a count of one
// and for any other count, chosen by the nearest integer argument before it
// ("%d review{|s} overdue", "%d {entry|entries}"). English needs it;
// Chinese does not inflect and writes none.
var pluralChoice = regexp.MustCompile(`\{([^{}|]*)\|([^{}|]*)\}`)

// verbOrChoice finds, left to right, the %-verbs and plural choices of a
// message ("%%" is a literal percent sign, not a verb).
var verbOrChoice = regexp.MustCompile(`%%|%(?:\[(\d+)\])?[-+# 0-9.]*[a-zA-Z]|\{[^{}|]*\|[^{}|]*\}`)

// choosePlurals resolves msg's plural choices against args.
func choosePlurals(msg string, args []any) string {
	if !pluralChoice.MatchString(msg) {
		return msg
	}
	arg, last := 0, int64(-1)
	return verbOrChoice.ReplaceAllStringFunc(msg, func(m string) string {
		switch {
		case m == "%%":
			return m
		case m[0] == '%':
			if sub := verbOrChoice.FindStringSubmatch(m); sub[1] != "" {
				arg, _ = strconv.Atoi(sub[1]) // "%[3]d" is the third argument
				arg--
			}
			if arg >= 0 && arg < len(args) {
				if n, ok := integer(args[arg]); ok {
					last = n
				}
			}
			arg++
			return m
		}
		forms := pluralChoice.FindStringSubmatch(m)
		if last == 1 {
			return forms[1]
		}
		return forms[2]
	})
}

func integer(a any) (int64, bool) {
	switch n := a.(type) {
	case Count:
		return int64(n), true
	case int:
		return int64(n), true
	case int64:
		return n, true
	case int32:
		return int64(n), true
	}
	return 0, false
}

// T returns the message for key, with args filling its %-verbs; Key
// arguments are translated first, and each plural choice "{one|other}"
// follows the count before it. A key missing
// from every catalogue comes back as the key itself, so a gap is visible on
// screen and caught by the catalogue tests rather than shown as blank.
func (l *Localizer) T(key string, args ...any) string {
	msg, ok := l.msgs[key]
	if !ok {
		msg, ok = l.fallback[key]
	}
	if !ok {
		msg = key
	}
	if len(args) == 0 {
		return msg
	}
	msg = choosePlurals(msg, args)
	copied := false
	for i, a := range args {
		if k, ok := a.(Key); ok {
			if !copied {
				args, copied = append([]any(nil), args...), true // never change the caller's slice
			}
			args[i] = l.T(string(k))
		}
	}
	return fmt.Sprintf(msg, args...)
}

// Has reports whether key exists in l's own language.
func (l *Localizer) Has(key string) bool {
	_, ok := l.msgs[key]
	return ok
}
