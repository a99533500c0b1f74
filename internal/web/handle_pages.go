package web

import "net/http"

func (s *Server) accessibilityPage(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "accessibility", "Accessibility statement", nil)
}

func (s *Server) privacyPage(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "privacy", "Privacy notice", nil)
}
