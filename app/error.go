package app

import (
	"errors"
	"fmt"
)

// Error codes name what went wrong for the program; the Key names the message
// for the person, looked up in their language with Args.
const (
	EInvalid      = "invalid"       // the user's input cannot be used
	ENotFound     = "not_found"     // the thing asked for does not exist
	ENotWorkspace = "not_workspace" // the file is not a Seller Assistant workspace
	ECorrupt      = "corrupt"       // the file is damaged
	ENewer        = "newer"         // the file was written by a newer version
	EConflict     = "conflict"      // the action clashes with what is there
	ECanceled     = "canceled"      // the user stopped the work
	EInternal     = "internal"      // a bug or an environment failure; details go to the log
)

// Error is an error a person can act on: the message is a translation key with
// arguments, so it reaches them in their language with the field or row named.
type Error struct {
	Code string
	Key  string
	Args []any
	Err  error // the cause, for the log; never shown as is
}

// Errorf makes an *Error; args fill the %-verbs of the translated message.
func Errorf(code, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: args}
}

// Wrap keeps cause for the log under a message for the person.
func Wrap(cause error, code, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: args, Err: cause}
}

// Error gives the English message, for logs and the CLI.
func (e *Error) Error() string {
	msg := English().T(e.Key, e.Args...)
	if e.Err != nil {
		return msg + ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// ErrorCode returns the code of the first *Error in err's chain, EInternal for
// any other error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// Message renders err for a person in l's language. Errors that are not
// *Error are bugs or environment failures: the person sees "internal error"
// with the cause's text, because hiding it entirely leaves them nothing to
// report.
func (l *Localizer) Message(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return l.T(e.Key, e.Args...)
	}
	return l.T("error.internal", fmt.Sprint(err))
}
