package screens

import (
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// The timeline shows the customer picked last: a slower read for a customer
// picked before, or for a card cleared since, is dropped (backgroundLatest
// and latest.stop in loadTimeline).
func TestCareTimelineShowsOnlyTheLastPick(t *testing.T) {
	db := newCareDB()
	slow, fast := db.contacts[0], app.Contact{CustomerID: "HL10003", Name: "Ana Souza", Language: "en", TimeZone: "UTC", Country: "US"}
	db.contacts = append(db.contacts, fast)
	ts, c := openCare(t, db)
	release := make(chan struct{})
	ts.ws.(*mock.Workspace).CareStore.InteractionsFn = func(id string) ([]app.Interaction, error) {
		if id == slow.CustomerID {
			<-release
		}
		return []app.Interaction{{CustomerID: id, Kind: "note", Body: "note for " + id, Created: testNow}}, nil
	}

	c.ct.fill(slow)
	c.ct.fill(fast)
	ts.next(t) // the fast customer's timeline
	close(release)
	ts.next(t) // the slow one's, superseded
	got := c.ct.timeline.Text
	if !strings.Contains(got, "note for "+fast.CustomerID) || strings.Contains(got, "note for "+slow.CustomerID) {
		t.Fatalf("timeline after picking %s then %s:\n%s", slow.CustomerID, fast.CustomerID, got)
	}

	release = make(chan struct{})
	c.ct.fill(slow)
	c.ct.fill(app.Contact{Language: "en"}) // a new, empty card
	close(release)
	ts.next(t)
	if got := c.ct.timeline.Text; got != "" {
		t.Fatalf("a cleared card shows the timeline of the customer picked before:\n%s", got)
	}
}
