package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The wheel over a multi-line field in a page: the field's text scrolls
// while it can move that way, the page once it is at its top or bottom, or
// when it fits. The wheel is turned as the window turns it (wheelAt): the
// pointer moves there, then the last scroller under it gets the event.
func TestPageEntryWheelScrollsTextThenPage(t *testing.T) {
	test.NewTempApp(t)
	short := newPageEntry()
	short.Wrapping = fyne.TextWrapWord
	short.SetMinRowsVisible(3)
	short.SetText("one line, nothing to scroll")
	long := newPageEntry()
	long.Wrapping = fyne.TextWrapWord
	long.SetMinRowsVisible(3)
	long.SetText(strings.Repeat("a line of the supplier's answer\n", 20))
	tail := canvas.NewRectangle(nil)
	tail.SetMinSize(fyne.NewSize(10, 1200))
	page := newPageScroll(container.NewVBox(widget.NewLabel("top"), short, long, tail))
	w := test.NewTempWindow(t, container.NewBorder(widget.NewLabel("header"), nil, widget.NewLabel("side"), nil, page))
	w.Resize(fyne.NewSize(400, 500))
	c := w.Canvas()
	down, up := float32(-30), float32(30) // Fyne's sign: a negative DY scrolls down
	text := long.textScroll()
	if text == nil {
		t.Fatal("the long field has no text scroller")
	}

	// Over the field that fits: the page scrolls.
	if got := wheelAt(t, c, middle(short), down); got != fyne.Scrollable(page.Content.(*fyne.Container).Objects[1].(*wheelPass)) {
		t.Fatalf("the wheel went to %T, not the page's layer", got)
	}
	if page.Offset.Y <= 0 {
		t.Fatalf("the page did not scroll over a field with nothing to scroll: offset %v", page.Offset)
	}

	// Over the long field: its text scrolls, the page stays.
	pageY := page.Offset.Y
	wheelAt(t, c, middle(long), down)
	if text.Offset.Y <= 0 || page.Offset.Y != pageY {
		t.Fatalf("over the long field: text offset %v, page %v (was %v)", text.Offset.Y, page.Offset.Y, pageY)
	}
	// To the text's bottom; the next turn scrolls the page.
	bottom := text.Content.MinSize().Height - text.Size().Height
	for i := 0; i < 100 && page.Offset.Y == pageY; i++ {
		wheelAt(t, c, middle(long), down)
	}
	if text.Offset.Y != bottom || page.Offset.Y <= pageY {
		t.Fatalf("past the text's bottom: text offset %v (bottom %v), page %v (was %v)", text.Offset.Y, bottom, page.Offset.Y, pageY)
	}

	// Back up: the text first, then, at its top, the page.
	pageY = page.Offset.Y
	wheelAt(t, c, middle(long), up)
	if text.Offset.Y >= bottom || page.Offset.Y != pageY {
		t.Fatalf("up over the long field: text offset %v, page %v (was %v)", text.Offset.Y, page.Offset.Y, pageY)
	}
	for i := 0; i < 100 && page.Offset.Y == pageY; i++ {
		wheelAt(t, c, middle(long), up)
	}
	if text.Offset.Y != 0 || page.Offset.Y >= pageY {
		t.Fatalf("past the text's top: text offset %v, page %v (was %v)", text.Offset.Y, page.Offset.Y, pageY)
	}
}

// The field the pointer last came into is asked only while the pointer is
// still over it: once the page has moved it away (the pointer still), or
// it is hidden, the wheel scrolls the page.
func TestPageEntryWheelOnlyWhileUnderThePointer(t *testing.T) {
	test.NewTempApp(t)
	long := newPageEntry()
	long.SetMinRowsVisible(3)
	long.SetText(strings.Repeat("line\n", 30))
	head, tail := canvas.NewRectangle(nil), canvas.NewRectangle(nil)
	head.SetMinSize(fyne.NewSize(10, 200))
	tail.SetMinSize(fyne.NewSize(10, 1200))
	page := newPageScroll(container.NewVBox(head, long, tail))
	w := test.NewTempWindow(t, container.NewBorder(widget.NewLabel("header"), nil, widget.NewLabel("side"), nil, page))
	w.Resize(fyne.NewSize(400, 500))
	c := w.Canvas()
	pass := page.Content.(*fyne.Container).Objects[1].(*wheelPass)

	test.MoveMouse(c, middle(long)) // the field hears the pointer come in
	elsewhere := middle(head)
	pass.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{AbsolutePosition: elsewhere}, Scrolled: fyne.NewDelta(0, -30)})
	if long.textScroll().Offset.Y != 0 || page.Offset.Y != 30 {
		t.Fatalf("pointer away from the field: text offset %v, page %v", long.textScroll().Offset.Y, page.Offset.Y)
	}
	at := middle(long)
	long.Hide()
	pass.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{AbsolutePosition: at}, Scrolled: fyne.NewDelta(0, -30)})
	if long.textScroll().Offset.Y != 0 || page.Offset.Y != 60 {
		t.Fatalf("hidden field: text offset %v, page %v", long.textScroll().Offset.Y, page.Offset.Y)
	}
}

// wheelAt turns the wheel by dy at pos (a window position) as the window
// does (glfw's processMouseScrolled): the pointer moves there first, then
// the last scroller drawn under it gets the event, with both positions
// filled in. It returns that scroller.
func wheelAt(t *testing.T, c fyne.Canvas, pos fyne.Position, dy float32) fyne.Scrollable {
	t.Helper()
	test.MoveMouse(c, pos)
	d := fyne.CurrentApp().Driver()
	var target fyne.Scrollable
	var at fyne.Position
	// walkShown, not test.LaidOutObjects: that one gives every widget a
	// new renderer, and with it an entry a new, unlaid-out text scroller.
	walkShown(c.Content(), nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) bool {
		if s, ok := o.(fyne.Scrollable); ok {
			p, size := d.AbsolutePositionForObject(o), o.Size()
			if pos.X >= p.X && pos.Y >= p.Y && pos.X < p.X+size.Width && pos.Y < p.Y+size.Height {
				target, at = s, p
			}
		}
		return true
	})
	if target == nil {
		t.Fatalf("nothing scrolls at %v", pos)
	}
	target.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos.Subtract(at), AbsolutePosition: pos}, Scrolled: fyne.NewDelta(0, dy)})
	return target
}

// middle is the window position of o's centre as shown now.
func middle(o fyne.CanvasObject) fyne.Position {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return p.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
}

// A one-row field whose text is only too wide (an attachment's path): Fyne
// would turn a vertical wheel sideways over it; the page scrolls instead
// and the text stays where it was.
func TestPageEntryWheelOverWideTextScrollsThePage(t *testing.T) {
	test.NewTempApp(t)
	wide := newPageEntry()
	wide.SetMinRowsVisible(1)
	wide.SetText("/home/seller/Documents/suppliers/shenzhen/" + strings.Repeat("quotation-", 20) + ".pdf")
	tail := canvas.NewRectangle(nil)
	tail.SetMinSize(fyne.NewSize(10, 1200))
	page := newPageScroll(container.NewVBox(wide, tail))
	w := test.NewTempWindow(t, container.NewBorder(widget.NewLabel("header"), nil, widget.NewLabel("side"), nil, page))
	w.Resize(fyne.NewSize(400, 500))
	text := wide.textScroll()
	if text == nil || text.Content.MinSize().Width <= text.Size().Width {
		t.Fatal("the path should be wider than its field")
	}
	wheelAt(t, w.Canvas(), middle(wide), -30)
	if text.Offset != (fyne.Position{}) || page.Offset.Y != 30 {
		t.Fatalf("text offset %v, page %v; want the page moved by 30", text.Offset, page.Offset.Y)
	}
}
