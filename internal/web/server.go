// Package web is Steadfast's HTTP interface: routes, middleware, handlers and
// templates. Handlers stay thin: rules live in the domain packages and the
// store, and every handler returns an error that one place turns into a page.
package web

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"
	_ "time/tzdata" // so UK times show correctly on servers without a time zone database

	"github.com/alexedwards/scs/v2"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
)

// Config holds the settings the web layer needs.
type Config struct {
	// Demo marks every page as synthetic data and waives staff second factors.
	Demo bool
	// Secure means users reach Steadfast over HTTPS, directly or through a
	// proxy: cookies become Secure and __Host- prefixed, and HSTS is sent.
	Secure bool
	// BaseURL is the address people use to reach this service, for links
	// printed outside a browser, such as the first-run setup link.
	BaseURL string
	// Audit receives every audited event. Required.
	Audit Auditor
	// TrustedProxyHeader names a header, such as X-Forwarded-For, that the
	// reverse proxy in front of Steadfast sets to the client's address. Empty
	// means clients connect directly, and their address is the connection's.
	// Set it only behind a proxy that overwrites or appends to the header, or
	// clients could choose their own address and escape sign-in limits.
	TrustedProxyHeader string
}

// Server is the HTTP application. Build it with New; serve Handler().
type Server struct {
	cfg      Config
	static   string // the static files' version, for cache-busting links
	audit    Auditor
	db       *store.DB
	log      *slog.Logger
	sessions *scs.SessionManager
	hasher   *access.Hasher
	pages    *templates
	metrics  *metrics
	routes   []Route
	handler  http.Handler
	zone     *time.Location // where times are shown: the UK
}

// New assembles the server: templates, sessions, metrics and routes.
func New(cfg Config, db *store.DB, log *slog.Logger, reg prometheus.Registerer) (*Server, error) {
	if cfg.Audit == nil {
		return nil, errors.New("web: an audit log is required")
	}
	version, err := staticVersion()
	if err != nil {
		return nil, err
	}
	pages, err := loadTemplates(ukTime(), version)
	if err != nil {
		return nil, fmt.Errorf("load templates: %w", err)
	}
	m, err := newMetrics(reg)
	if err != nil {
		return nil, fmt.Errorf("register metrics: %w", err)
	}
	s := &Server{
		cfg:      cfg,
		audit:    cfg.Audit,
		static:   version,
		db:       db,
		log:      log,
		sessions: newSessionManager(cfg, db, log),
		hasher:   access.NewHasher(),
		pages:    pages,
		metrics:  m,
		zone:     ukTime(),
	}
	mux := http.NewServeMux()
	s.registerRoutes(mux)
	s.handler = s.middleware(mux)
	return s, nil
}

// Handler returns the whole application as one http.Handler.
func (s *Server) Handler() http.Handler { return s.handler }

// Routes lists every registered route, for the tests that walk them all.
func (s *Server) Routes() []Route { return append([]Route(nil), s.routes...) }

func newSessionManager(cfg Config, db *store.DB, log *slog.Logger) *scs.SessionManager {
	sm := scs.New()
	sm.Store = db.Sessions()
	// scs has one idle timeout for everyone and reads the system clock.
	// Instead, each signed-in session's deadline is set from its role's idle
	// timeout by the store's clock (see Server.sessionDeadline), and
	// authenticate enforces both limits. Lifetime is only the starting
	// deadline of a session that is not signed in.
	sm.IdleTimeout = 0
	sm.Lifetime = access.SessionLifetime
	sm.Cookie.Name = "steadfast_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Path = "/"
	sm.Cookie.Persist = false // the cookie goes when the browser closes, which suits shared devices
	if cfg.Secure {
		sm.Cookie.Name = "__Host-steadfast_session"
		sm.Cookie.Secure = true
	}
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		log.ErrorContext(r.Context(), "session store failed", "err", err, "request_id", requestIDFrom(r.Context()))
		http.Error(w, "Sorry, there is a problem with the service. Try again in a moment.", http.StatusInternalServerError)
	}
	return sm
}

// ukTime returns the UK's time zone, in which Steadfast shows times.
func ukTime() *time.Location {
	if loc, err := time.LoadLocation("Europe/London"); err == nil {
		return loc
	}
	return time.UTC
}
