package screens

import (
	"fyne.io/fyne/v2"

	"github.com/seller-assistant/seller-assistant/app"
)

// localizedValidator makes the validator of a typed field. Fyne shows
// err.Error() under the field and beside the entry's warning icon, but an
// app.Error's Error() is English (it is for logs and the CLI), so a Chinese
// window showed English. Every validator in screens/ goes through here:
// check returns an app.Error (or nil), and the field shows l.Message(err)
// in the person's language. The app.Error stays reachable (errors.As) for
// code that reads its Code.
func localizedValidator(l *app.Localizer, check func(string) error) fyne.StringValidator {
	return func(s string) error {
		err := check(s)
		if err == nil {
			return nil
		}
		return &fieldError{msg: l.Message(err), err: err}
	}
}

// fieldError is a validation error already rendered in the window's
// language.
type fieldError struct {
	msg string
	err error
}

func (e *fieldError) Error() string { return e.msg }
func (e *fieldError) Unwrap() error { return e.err }
