package app

import (
	"fmt"
	"testing"
)

func TestChoosePlurals(t *testing.T) {
	tests := []struct {
		msg  string
		args []any
		want string
	}{
		{"%d review{|s} overdue", []any{1}, "1 review overdue"},
		{"%d review{|s} overdue", []any{0}, "0 reviews overdue"},
		{"%d review{|s} overdue", []any{Count(2)}, "2 reviews overdue"},
		// Each choice follows the nearest count before it.
		{"%d risk{|s} · %d open · %d review{|s} overdue", []any{Count(3), Count(2), Count(1)}, "3 risks · 2 open · 1 review overdue"},
		{"%d {entry|entries} from %s, %d {is|are} new", []any{1, "a.csv", 4}, "1 entry from a.csv, 4 are new"},
		// "%%" is no argument; an indexed verb names its argument.
		{"%s%% of %d order{|s}", []any{"10", 1}, "10% of 1 order"},
		{"%[2]d click{|s}, %[1]d order{|s}", []any{1, 5}, "5 clicks, 1 order"},
		// A message without choices is left alone, braces and all.
		{"Placeholders {name}, %d", []any{1}, "Placeholders {name}, 1"},
	}
	for _, tt := range tests {
		if got := fmt.Sprintf(choosePlurals(tt.msg, tt.args), tt.args...); got != tt.want {
			t.Errorf("%q with %v = %q, want %q", tt.msg, tt.args, got, tt.want)
		}
	}
}

func TestCountGroupsThousands(t *testing.T) {
	tests := []struct {
		format string
		arg    any
		want   string
	}{
		{"%d orders", Count(22415), "22,415 orders"},
		{"%v", Count(-1234567), "-1,234,567"},
		{"%s", Count(999), "999"},
		{"%x", Count(255), "ff"},
		{"%d", 2026, "2026"}, // a plain int (a year) is not grouped
	}
	for _, tt := range tests {
		if got := fmt.Sprintf(tt.format, tt.arg); got != tt.want {
			t.Errorf("Sprintf(%q, %v) = %q, want %q", tt.format, tt.arg, got, tt.want)
		}
	}
}
