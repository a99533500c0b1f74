package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web"
)

// serverFlags are the flags shared by serve and demo.
type serverFlags struct {
	addr      string
	baseURL   string
	tlsCert   string
	tlsKey    string
	logFormat string
	logLevel  string
	tlsConfig *tls.Config // loaded by check
	// trustedProxyHeader names the header a reverse proxy sets to the
	// client's address, for per-address sign-in limits.
	trustedProxyHeader string
}

func (s *serverFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.addr, "addr", "127.0.0.1:8080", "address to listen on, HOST:PORT")
	fs.StringVar(&s.baseURL, "base-url", "", "the address people use to reach Steadfast, e.g. https://steadfast.example.org; an https:// address turns on secure cookies and HSTS (default: http://ADDR)")
	fs.StringVar(&s.tlsCert, "tls-cert", "", "TLS certificate file, to serve HTTPS directly (with --tls-key)")
	fs.StringVar(&s.tlsKey, "tls-key", "", "TLS private key file (with --tls-cert)")
	fs.StringVar(&s.logFormat, "log-format", "json", "log format: json or text")
	fs.StringVar(&s.logLevel, "log-level", "info", "log level: debug, info, warn or error")
	fs.StringVar(&s.trustedProxyHeader, "trusted-proxy-header", "", "behind a reverse proxy or load balancer, the header it puts the client's address in, such as X-Forwarded-For; sign-in limits per address use its last entry. Set it only when the proxy always sets that header, or clients could pick their own address (default: the connection's address)")
}

func (s *serverFlags) logger(stderr io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(s.logLevel)); err != nil {
		return nil, fmt.Errorf("--log-level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch s.logFormat {
	case "json":
		return slog.New(slog.NewJSONHandler(stderr, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(stderr, opts)), nil
	}
	return nil, fmt.Errorf("--log-format must be json or text, not %q", s.logFormat)
}

// check validates the flags and loads the TLS certificate, before anything
// touches the database or says it is running.
func (s *serverFlags) check() error {
	if (s.tlsCert == "") != (s.tlsKey == "") {
		return errors.New("--tls-cert and --tls-key go together")
	}
	if s.baseURL != "" && !strings.HasPrefix(s.baseURL, "http://") && !strings.HasPrefix(s.baseURL, "https://") {
		return fmt.Errorf("--base-url must start with http:// or https://, not %q", s.baseURL)
	}
	if h := strings.TrimSpace(s.trustedProxyHeader); h != "" && !validHeaderName(h) {
		return fmt.Errorf("--trusted-proxy-header must be a header name, such as X-Forwarded-For, not %q", s.trustedProxyHeader)
	}
	if s.tlsCert != "" {
		cert, err := tls.LoadX509KeyPair(s.tlsCert, s.tlsKey)
		if err != nil {
			return fmt.Errorf("load --tls-cert %s and --tls-key %s: %w", s.tlsCert, s.tlsKey, err)
		}
		s.tlsConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	return nil
}

// webConfig works out the web layer's settings from checked flags.
func (s *serverFlags) webConfig(demo bool, listener net.Listener) web.Config {
	base := strings.TrimSuffix(s.baseURL, "/")
	if base == "" {
		scheme := "http"
		if s.tlsConfig != nil {
			scheme = "https"
		}
		base = scheme + "://" + listener.Addr().String()
	}
	return web.Config{Demo: demo, Secure: strings.HasPrefix(base, "https://"), BaseURL: base,
		TrustedProxyHeader: strings.TrimSpace(s.trustedProxyHeader)}
}

// validHeaderName reports whether s can be an HTTP header name.
func validHeaderName(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return s != ""
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "Run the Steadfast web service.", stderr)
	var d dbFlags
	var sf serverFlags
	d.register(fs, "./steadfast-data")
	sf.register(fs)
	if err := parseWithEnv(fs, args, stdout); err != nil {
		return err
	}
	log, err := sf.logger(stderr)
	if err != nil {
		return err
	}
	if err := sf.check(); err != nil {
		return err
	}
	db, err := d.openAndMigrate(ctx, log)
	if err != nil {
		return err
	}
	defer db.Close()
	listener, err := net.Listen("tcp", sf.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", sf.addr, err)
	}
	cfg := sf.webConfig(false, listener)
	if err := offerSetup(ctx, db, cfg.BaseURL, stdout); err != nil {
		listener.Close()
		return err
	}
	return serveUntilDone(ctx, db, cfg, &sf, d.data, listener, log, func() {
		fmt.Fprintf(stdout, "Steadfast is running at %s\n", cfg.BaseURL)
	})
}

// offerSetup prints a one-time setup link while no organisation exists. No
// default account or password is ever created.
func offerSetup(ctx context.Context, db *store.DB, baseURL string, stdout io.Writer) error {
	done, err := db.HasOrganisations(ctx)
	if err != nil || done {
		return err
	}
	token, expires, err := db.CreateSetupToken(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nSteadfast has no organisation yet. To set it up and create the first administrator, open\n\n  %s/setup/%s\n\nThis link works once and expires at %s UTC. Keep it private.\n\n",
		baseURL, token, expires.Format("2 January 2006 15:04"))
	return nil
}

// serveUntilDone serves HTTP on listener until ctx ends, then shuts down
// gracefully. ready is called once the server is accepting requests.
//
// It opens the audit trail first, with its signing key and checkpoint file in
// dataDir, and closes it last, after the final request, so that every event
// is in the log and signed by a final checkpoint.
func serveUntilDone(ctx context.Context, db *store.DB, cfg web.Config, sf *serverFlags, dataDir string, listener net.Listener, log *slog.Logger, ready func()) (err error) {
	auditLog, err := audit.Open(ctx, db, audit.Options{DataDir: dataDir, Log: log})
	if err != nil {
		listener.Close()
		return fmt.Errorf("open the audit trail: %w", err)
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if cerr := auditLog.Close(closeCtx); cerr != nil {
			err = errors.Join(err, fmt.Errorf("close the audit trail: %w", cerr))
		}
	}()
	cfg.Audit = auditLog
	app, err := web.New(cfg, db, log, nil)
	if err != nil {
		listener.Close()
		return err
	}
	srv := &http.Server{
		Handler:           app.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	go sweepSessions(ctx, db, log)

	errc := make(chan error, 1)
	go func() {
		if sf.tlsConfig != nil {
			srv.TLSConfig = sf.tlsConfig
			errc <- srv.ServeTLS(listener, "", "")
		} else {
			errc <- srv.Serve(listener)
		}
	}()
	log.Info("serving", "addr", listener.Addr().String(), "base_url", cfg.BaseURL, "demo", cfg.Demo)
	ready()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}

// sweepSessions removes expired sessions, and sign-in failure counts for
// addresses whose window has ended, every ten minutes until ctx ends.
// Several instances may sweep at once; the deletes do not conflict.
func sweepSessions(ctx context.Context, db *store.DB, log *slog.Logger) {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := db.DeleteExpiredSessions(ctx); err != nil {
				log.Warn("sweep expired sessions", "err", err)
			} else if n > 0 {
				log.Info("swept expired sessions", "count", n)
			}
			if _, err := db.DeleteStaleSignInFailures(ctx); err != nil {
				log.Warn("sweep sign-in failure counts", "err", err)
			}
		}
	}
}
