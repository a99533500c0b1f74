package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeTLS checks that --tls-cert and --tls-key serve HTTPS directly,
// with HSTS, and that the printed addresses say https.
func TestServeTLS(t *testing.T) {
	t.Parallel()
	certFile, keyFile, pool := selfSignedCert(t)
	p := startProcess(t, "serve", nil, "serve", "--addr", "127.0.0.1:0", "--tls-cert", certFile, "--tls-key", keyFile,
		"--data", t.TempDir(), "--log-format", "text")
	base := p.waitForLine(regexp.MustCompile(`^Steadfast is running at (https://127\.0\.0\.1:\d+)$`), 45*time.Second)[1]
	if !strings.Contains(p.stdout.String(), base+"/setup/") {
		t.Errorf("setup link is not on %s\n%s", base, p.output())
	}
	c := newClient(nil)
	c.Transport = &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
	r := do(t, c, http.MethodGet, base+"/healthz", nil)
	if r.status != http.StatusOK || strings.TrimSpace(r.body) != "ok" {
		t.Errorf("GET /healthz over TLS: %d %q, want 200 \"ok\"\n%s", r.status, r.body, p.output())
	}
	if hsts := r.header.Get("Strict-Transport-Security"); !strings.HasPrefix(hsts, "max-age=") {
		t.Errorf("Strict-Transport-Security = %q over TLS, want max-age=…", hsts)
	}
}

// TestServeRefusesUnreadableTLSFiles checks that serve fails before saying it
// is running, and before making a setup link, when it cannot load its TLS files.
func TestServeRefusesUnreadableTLSFiles(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "missing.pem")
	res := runBinary(t, nil, "serve", "--addr", "127.0.0.1:0", "--tls-cert", missing, "--tls-key", missing, "--data", t.TempDir())
	if res.code == 0 || !strings.Contains(res.stderr, "missing.pem") {
		t.Errorf("serve with a missing TLS certificate: want a failure naming the file\n%s", res)
	}
	if strings.Contains(res.stdout, "running") || strings.Contains(res.stdout, "/setup/") {
		t.Errorf("serve announced itself or a setup link although it could not serve\n%s", res)
	}
}

// selfSignedCert writes a certificate for 127.0.0.1 and its key, and returns
// their paths and a pool that trusts the certificate.
func selfSignedCert(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "steadfast test"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}
