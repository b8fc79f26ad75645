package app

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// newRouter registers the routes with gin; {id} in a path becomes gin's :id.
func newRouter(routes []Route) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.NoRoute(gin.WrapF(notFound))
	r.NoMethod(gin.WrapF(notAllowed))
	for _, route := range routes {
		handle := route.Handle
		r.Handle(route.Method, strings.ReplaceAll(route.Path, "{id}", ":id"), func(c *gin.Context) {
			handle(c.Writer, c.Request, c.Param("id"))
		})
	}
	return r
}
