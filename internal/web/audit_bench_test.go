package web_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// BenchmarkAuditedPageViews measures whole page views of a family's record,
// each audited (the policy's decision is recorded and the request waits until
// it is durable), through the real router on SQLite with synchronous=FULL:
// once with group commit and once with a commit per record, in the same run.
//
//	make bench-audit
func BenchmarkAuditedPageViews(b *testing.B) {
	for _, mode := range []struct {
		name string
		each bool
	}{{"group-commit", false}, {"commit-per-record", true}} {
		b.Run(mode.name, func(b *testing.B) {
			env := webtest.Start(b, webtest.Options{Config: web.Config{Demo: true}, CommitEachAuditRecord: mode.each})
			a := env.Accounts[access.Practitioner]
			parent, err := env.DB.UserByEmail(b.Context(), env.Accounts[access.Parent].Email)
			if err != nil {
				b.Fatal(err)
			}
			target := env.URL + "/families/" + parent.FamilyID
			jar, _ := cookiejar.New(nil)
			c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			res, err := c.PostForm(env.URL+"/sign-in", url.Values{"email": {a.Email}, "password": {a.Password}})
			if err != nil || res.StatusCode != http.StatusSeeOther {
				b.Fatalf("sign in: %v %v", res, err)
			}
			res.Body.Close()
			transport := &http.Transport{MaxIdleConnsPerHost: 256}
			b.SetParallelism(32) // 32 × GOMAXPROCS concurrent people
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				pc := &http.Client{Jar: jar, Transport: transport}
				for pb.Next() {
					res, err := pc.Get(target)
					if err != nil {
						b.Error(err)
						return
					}
					res.Body.Close()
					if res.StatusCode != http.StatusOK {
						b.Errorf("status %d", res.StatusCode)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "views/s")
		})
	}
}
