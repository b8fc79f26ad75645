package app

import (
	"net/http"
	"strings"
)

// router matches a method and a path of segments, where {id} matches any one segment (net/http before Go 1.22
// has no method or wildcard patterns).
type router struct{ routes []Route }

func newRouter(routes []Route) http.Handler { return &router{routes: routes} }

func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	pathMatched := false
	for _, route := range rt.routes {
		id, ok := match(route.Path, r.URL.Path)
		if !ok {
			continue
		}
		pathMatched = true
		if route.Method == r.Method {
			route.Handle(w, r, id)
			return
		}
	}
	if pathMatched {
		notAllowed(w, r)
		return
	}
	notFound(w, r)
}

func match(pattern, path string) (string, bool) {
	want := strings.Split(strings.Trim(pattern, "/"), "/")
	got := strings.Split(strings.Trim(path, "/"), "/")
	if len(want) != len(got) {
		return "", false
	}
	id := ""
	for i := range want {
		switch {
		case want[i] == "{id}" && got[i] != "":
			id = got[i]
		case want[i] != got[i]:
			return "", false
		}
	}
	return id, true
}
