// Package localeenv quiets a false alarm at start-up. Under LANG=C.UTF-8
// (CI, containers, Xvfb) Fyne's lang package, in its init, asks go-locale for
// the user's languages, gets "C" and logs "Error parsing user locale C" for
// every run of the binary, the CLI included. "C" means "no preference", so we
// say so in LANGUAGE ("en", the fallback the app uses anyway) before Fyne
// looks. Imported blank by main; it must import nothing outside the
// standard library: Go initialises packages in import-path order once their
// imports are done, so this one runs before golang.org/x/text, which Fyne's
// lang package waits for.
package localeenv

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.") {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
