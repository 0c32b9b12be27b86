package app_test

import (
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

func TestNoteSnippet(t *testing.T) {
	long := "Interviewed three buyers in Hamburg about kitchen tools. Two use a milk Frother every morning and want a quieter motor; one returned a cheap one."
	tests := []struct {
		name  string
		note  app.Note
		query string
		want  app.Snippet
	}{
		{"a word prefix, any case, the whole word marked", app.Note{Title: "DE kitchen", Body: long}, "froth",
			app.Snippet{Before: "…tools. Two use a milk ", Match: "Frother", After: " every morning and want a quieter motor; one returned a…"}},
		{"Chinese characters in a row", app.Note{Title: "德国", Body: "## 访谈\n买家最关心**物流**时效，其次是价格。"}, "物流",
			app.Snippet{Before: "访谈 买家最关心", Match: "物流", After: "时效，其次是价格。"}},
		{"the earliest of several terms", app.Note{Body: "Price first, then freight and freight again."}, "freight price",
			app.Snippet{Match: "Price", After: " first, then freight and freight again."}},
		{"not in the body: the title", app.Note{Title: "Yanwen tracking gaps", Body: "Nothing here."}, "yanwen",
			app.Snippet{Match: "Yanwen", After: " tracking gaps"}},
		{"a word inside another word is not a match", app.Note{Body: "unfrothed milk"}, "froth", app.Snippet{}},
		{"no query", app.Note{Body: "text"}, "  ", app.Snippet{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := app.NoteSnippet(tt.note, tt.query); got != tt.want {
				t.Errorf("NoteSnippet(%q) = %+v, want %+v", tt.query, got, tt.want)
			}
		})
	}
}
