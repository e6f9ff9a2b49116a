package server

import (
	"embed"
	"io/fs"
	"net/http"
)

// The page: plain HTML, CSS and JavaScript embedded in the binary, with
// no framework, build step or network access; it reads only this
// server's API, by relative URLs, so it works under any mount prefix.
//
//go:embed web
var webFiles embed.FS

// pageHandler serves the page at / and its files beside it.
func pageHandler() http.Handler {
	sub, err := fs.Sub(webFiles, "web")
	if err != nil { // the embedded tree is fixed at build time
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			writeError(w, http.StatusInternalServerError, "page: "+err.Error())
		})
	}
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// Scripts, styles and data from this server only; no inline
		// script, no framing.
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
		h.Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
