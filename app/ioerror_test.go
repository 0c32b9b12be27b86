package app

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"
)

// codeErr stands in for a SQLite driver error (modernc.org/sqlite reports
// its result code through Code()).
type codeErr int

func (c codeErr) Error() string { return fmt.Sprintf("sqlite code %d", int(c)) }
func (c codeErr) Code() int     { return int(c) }

func TestExplainFile(t *testing.T) {
	tests := []struct {
		name string
		err  error
		key  string // "" when it is not the environment's fault
	}{
		{"busy", codeErr(5), "error.busy"},
		{"busy snapshot (extended)", codeErr(5 | 2<<8), "error.busy"},
		{"locked", codeErr(6), "error.busy"},
		{"read-only", codeErr(8), "error.read_only"},
		{"read-only, moved (extended)", codeErr(8 | 4<<8), "error.read_only"},
		{"full", codeErr(13), "error.disk_full"},
		{"shm cannot grow", codeErr(10 | 19<<8), "error.disk_full"},
		{"cannot open", codeErr(14), "error.cant_open"},
		{"constraint: a bug", codeErr(19), ""},
		{"ENOSPC", &fs.PathError{Op: "write", Path: "/d/x", Err: syscall.ENOSPC}, "error.disk_full"},
		{"EROFS", &fs.PathError{Op: "open", Path: "/d/x", Err: syscall.EROFS}, "error.read_only"},
		{"EACCES", &fs.PathError{Op: "open", Path: "/d/x", Err: syscall.EACCES}, "error.permission"},
		{"wrapped", fmt.Errorf("import: %w", Wrap(codeErr(5), EInternal, "error.internal", "x")), "error.busy"},
		{"plain bug", errors.New("nil map"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ExplainFile(tt.err, "/w.sellerdb")
			if tt.key == "" {
				if got != nil {
					t.Fatalf("explained a bug as %s", got.Key)
				}
				if Explain(tt.err, "/w.sellerdb") != tt.err {
					t.Fatal("Explain changed a bug's error")
				}
				return
			}
			if got == nil || got.Key != tt.key || got.Code != EFile || !errors.Is(got, tt.err) {
				t.Fatalf("got %v, want %s", got, tt.key)
			}
			for _, l := range []*Localizer{English(), NewLocalizer(LangChinese)} {
				msg := l.Message(Explain(tt.err, "/w.sellerdb"))
				if msg == "" || msg == tt.key {
					t.Errorf("%s: no %s message", l.Lang(), tt.key)
				}
			}
		})
	}
	// A message that already says what happened is kept.
	said := Errorf(ENotWorkspace, "error.not_workspace", "x")
	if Explain(said, "w") != error(said) {
		t.Error("Explain replaced a message that was already clear")
	}
}
