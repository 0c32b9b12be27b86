package screens

import (
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/seller-assistant/seller-assistant/app"
)

// Preference keys. Settings that belong to the person, not the shop, live in
// Fyne's preferences; the shop's data lives in the workspace file.
const (
	prefLang   = "lang"
	prefTheme  = "theme"
	prefRecent = "recent"
)

// startLang picks the language at start: the saved choice, else the system
// locale, else English. Under CI and Xvfb the locale is "C", which Fyne
// cannot parse; MatchLang maps that to English on purpose.
func startLang(p fyne.Preferences) app.Lang {
	switch saved := app.Lang(p.String(prefLang)); saved {
	case app.LangChinese, app.LangEnglish:
		return saved
	}
	return systemLang(runtime.GOOS, os.Getenv, func() string { return lang.SystemLocale().String() })
}

// systemLang is the language the system asks for. On Linux and macOS the
// POSIX variables say it (LC_ALL, LC_MESSAGES, LANG, then LANGUAGE). Windows
// has no such variables of its own — a Unix-style shell (Git Bash, or wine's
// host) may set LANG for its own programs — and its language is the user's
// locale, which Fyne reads from GetUserDefaultLocaleName (lang.SystemLocale,
// through go-locale): zh-CN there means 简体中文. The system and the lookups
// are parameters so that both rules are tested on any machine.
func systemLang(goos string, getenv func(string) string, systemLocale func() string) app.Lang {
	if goos != "windows" {
		for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
			if v := getenv(env); v != "" {
				return app.MatchLang(v)
			}
		}
	}
	return app.MatchLang(systemLocale())
}

// syncFyneLanguage makes Fyne's own strings (file dialogs, "Cancel", "OK")
// follow the app's language. Fyne 2.7 rebuilds its localizer from the
// environment only when translations are added and has no setter (upstream
// PR #5026 was closed), so we point LANGUAGE at the chosen language and add
// an empty catalogue to trigger the rebuild. A "C"/"POSIX" locale would make
// it ignore LANGUAGE, so that case is lifted to C.UTF-8, which changes no
// formatting in a Go program.
func syncFyneLanguage(l app.Lang) {
	tag := "en"
	if l == app.LangChinese {
		tag = "zh_CN"
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(env)
		if v == "" {
			continue
		}
		if v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
			os.Setenv(env, "C.UTF-8")
		}
		break
	}
	os.Setenv("LANGUAGE", tag)
	if err := lang.AddTranslationsForLocale([]byte("{}"), fyne.Locale("en")); err != nil {
		fyne.LogError("refreshing Fyne's language", err)
	}
}
