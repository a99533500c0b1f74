package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
)

// staticFiles holds the stylesheet, scripts and icons. dist/ is built by
// `make assets` from the npm packages and is not committed.
//
//go:embed static
var staticFiles embed.FS

// staticVersion is a short digest of every embedded static file. Pages link
// to assets with it (see assetPath), so a new build's stylesheet is fetched at
// once while an unchanged one is cached for a year.
func staticVersion() (string, error) {
	h := sha256.New()
	err := fs.WalkDir(staticFiles, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFiles.ReadFile(path)
		if err != nil {
			return err
		}
		h.Write([]byte(path))
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("digest static files: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil))[:12], nil
}

// assetPath returns a template function that adds the build's static
// version to an asset's path.
func assetPath(version string) func(string) string {
	return func(path string) string { return path + "?v=" + version }
}

func staticHandler(version string) http.Handler {
	sub, err := fs.Sub(staticFiles, "static")
	if err != nil {
		panic(err) // the embedded folder is fixed at build time
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/static/" || r.URL.Path[len(r.URL.Path)-1] == '/' {
			http.NotFound(w, r) // no directory listings
			return
		}
		if r.URL.Query().Get("v") == version {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=3600")
		}
		files.ServeHTTP(w, r)
	})
}
