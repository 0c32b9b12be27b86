package data

import "testing"

// TestLastTextGivesEachValue: the line writer's reuse of the previous
// line's interface value gives every line its own text, repeated or not.
func TestLastTextGivesEachValue(t *testing.T) {
	var c lastText
	for i, s := range []string{"", "a", "a", "b", "", "b", "United Kingdom", "United Kingdom"} {
		if got := c.of(s); got != any(s) {
			t.Fatalf("value %d: got %#v, want %q", i, got, s)
		}
	}
}
