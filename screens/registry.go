package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// moduleScreen is one module's screen, rebuilt each time it is shown (and
// after a language or workspace change).
type moduleScreen interface {
	buildUI() fyne.CanvasObject
}

// moduleScreens maps a module id to its screen's constructor. Each module
// file registers itself in init, so adding a module touches no shared file;
// a module without an entry shows its guide and a "coming" note.
var moduleScreens = map[string]func(*Shell) moduleScreen{}

func registerScreen(id string, f func(*Shell) moduleScreen) {
	if _, dup := moduleScreens[id]; dup {
		panic("screens: module " + id + " registered twice")
	}
	moduleScreens[id] = f
}

func init() {
	registerScreen("learn", func(s *Shell) moduleScreen { return newLearn(s) })
	registerScreen("settings", func(s *Shell) moduleScreen { return newSettings(s) })
}

// selectPlaceholder is what an empty choice shows. Fyne's own "(Select one)"
// has no translation, so it would stay English in a Chinese window; a dash
// needs none, and the field's label says what to choose.
const selectPlaceholder = "—"

// newSelect is widget.NewSelect with that placeholder.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = selectPlaceholder
	return s
}
