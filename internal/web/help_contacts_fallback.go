package web

import "net/http"

// helpContact is a place to get help now.
type helpContact struct{ Name, Reach, When string }

// helpContacts lists where a parent can get help now.
func (s *Server) helpContacts(r *http.Request) ([]helpContact, error) {
	return []helpContact{
		{Name: "Emergency services", Reach: "999", When: "If anyone is in danger now"},
		{Name: "NHS 111", Reach: "111", When: "For urgent medical help that is not an emergency"},
	}, nil
}
