package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/assets"
)

// learn lists one short guide per module, then the page about the demo
// shop; each guide links to its screen.
type learn struct {
	s      *Shell
	list   *widget.List
	guide  *guideText
	open   *widget.Button
	guides []string // guide ids: module ids, then demoShopGuide
	picked string
}

// demoShopGuide is the "about this shop" page a trainer hands out: the demo
// workspace's story (assets/guides/<lang>/demo_shop.md). It opens the
// dashboard.
const demoShopGuide = "demo_shop"

func newLearn(s *Shell) *learn {
	var ids []string
	for _, m := range app.GuideModules() {
		ids = append(ids, m.ID)
	}
	return &learn{s: s, guides: append(ids, demoShopGuide)}
}

// guideScreen is the module a guide's button opens.
func guideScreen(id string) string {
	if id == demoShopGuide {
		return "dashboard"
	}
	return id
}

// guideTitle is a guide's name in the list.
func (g *learn) guideTitle(id string) string {
	if id == demoShopGuide {
		return g.s.l.T("learn.demo_shop")
	}
	return g.s.l.T("module." + id + ".title")
}

func (g *learn) buildUI() fyne.CanvasObject {
	t := g.s.l.T
	g.guide = newGuideText()
	g.open = widget.NewButton("", g.onOpenScreen)
	g.open.Importance = widget.HighImportance
	g.list = widget.NewList(
		func() int { return len(g.guides) },
		func() fyne.CanvasObject { return newNavItem() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			id := g.guides[i]
			o.(*navItem).set(moduleIcon(guideScreen(id)), g.guideTitle(id))
		})
	g.list.OnSelected = func(i widget.ListItemID) { g.showGuide(g.guides[i]) }
	g.list.Select(0)
	head := heading(t("module.learn.title"))
	intro := newTextBlock(t("module.learn.summary"))
	reader := container.NewBorder(nil, container.NewHBox(g.open), nil, nil, newPageScroll(g.guide))
	split := container.NewHSplit(g.list, reader)
	split.Offset = 0.25
	return container.NewBorder(container.NewVBox(head, intro), nil, nil, nil, split)
}

func (g *learn) showGuide(id string) {
	g.picked = id
	md, err := assets.Guide(g.s.l.Lang(), id)
	if err != nil {
		md = g.s.l.Message(err)
	}
	g.guide.ParseMarkdown(md)
	g.open.SetText(g.s.l.T("learn.open_screen", g.s.l.T("module."+guideScreen(id)+".title")))
}

func (g *learn) onOpenScreen() {
	if g.picked != "" {
		g.s.Navigate(guideScreen(g.picked))
	}
}

// coming is the page of a module not built yet: its guide and an honest note
// that the screen is coming. It shows no invented figures.
type coming struct {
	s  *Shell
	id string
}

func newComing(s *Shell, id string) *coming { return &coming{s: s, id: id} }

func (c *coming) buildUI() fyne.CanvasObject {
	t := c.s.l.T
	head := heading(t("module." + c.id + ".title"))
	summary := newTextBlock(t("module." + c.id + ".summary"))
	text := newTextBlock(t("coming.text"))
	note := widget.NewCard("", t("coming.title"), text)
	guide := newGuideText()
	md, err := assets.Guide(c.s.l.Lang(), c.id)
	if err != nil {
		md = c.s.l.Message(err)
	}
	guide.ParseMarkdown(md)
	return container.NewBorder(container.NewVBox(head, summary, note, widget.NewSeparator()), nil, nil, nil,
		newPageScroll(guide))
}
