package app

// Module is one place in the navigation. Titles and summaries are translation
// keys "module.<ID>.title" and "module.<ID>.summary"; a module with a guide has
// assets/guides/<lang>/<ID>.md.
type Module struct {
	ID    string
	Guide bool
}

// Modules in navigation order.
var Modules = []Module{
	{ID: "dashboard"},
	{ID: "research", Guide: true},
	{ID: "products", Guide: true},
	{ID: "pricing", Guide: true},
	{ID: "channels", Guide: true},
	{ID: "promotions", Guide: true},
	{ID: "customers", Guide: true},
	{ID: "care", Guide: true},
	{ID: "risks", Guide: true},
	{ID: "ads", Guide: true},
	{ID: "inventory", Guide: true},
	{ID: "learn"},
	{ID: "settings"},
}

// ModuleByID finds a module; ok is false for an unknown id.
func ModuleByID(id string) (Module, bool) {
	for _, m := range Modules {
		if m.ID == id {
			return m, true
		}
	}
	return Module{}, false
}

// GuideModules are the modules that have a guide, in navigation order.
func GuideModules() []Module {
	var out []Module
	for _, m := range Modules {
		if m.Guide {
			out = append(out, m)
		}
	}
	return out
}
