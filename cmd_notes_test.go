package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/data"
)

func TestNotesSearchCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.sellerdb")
	s, err := data.CreateDemo(context.Background(), db, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	tests := []struct {
		name     string
		args     []string
		code     int
		contains []string
		absent   []string
	}{
		{"two-character Chinese term", []string{"notes", "search", "物流"}, 0,
			[]string{"ID", "DATE", "MARKET", "TITLE", "德国合规清单"}, nil},
		{"English word", []string{"notes", "search", "survey"}, 0, []string{"Post-purchase survey", "US"}, nil},
		{"market filter", []string{"notes", "search", "--market", "jp", "价格"}, 0,
			[]string{"Amazon.co.jp"}, []string{"  US  "}},
		{"no match", []string{"notes", "search", "blender"}, 0, []string{`no notes match "blender"`}, nil},
		{"no query", []string{"notes", "search"}, 2, nil, nil},
		{"no subcommand", []string{"notes"}, 2, nil, nil},
		{"bad method", []string{"notes", "search", "--method", "guess", "x"}, 2, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := runCommand(db, tt.args, &out, &errOut)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, errOut.String())
			}
			for _, c := range tt.contains {
				if !strings.Contains(out.String(), c) {
					t.Errorf("output lacks %q:\n%s", c, out.String())
				}
			}
			for _, c := range tt.absent {
				if strings.Contains(out.String(), c) {
					t.Errorf("output has %q:\n%s", c, out.String())
				}
			}
		})
	}
	var out, errOut bytes.Buffer
	if code := runCommand("", []string{"notes", "search", "x"}, &out, &errOut); code != 2 {
		t.Fatalf("no --db: exit %d", code)
	}
}
