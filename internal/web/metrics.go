package web

import (
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics holds the Prometheus collectors the web layer updates.
type metrics struct {
	gatherer prometheus.Gatherer
	duration *prometheus.HistogramVec
}

// newMetrics registers Steadfast's collectors on reg. A nil reg gets a fresh
// registry with the Go runtime and process collectors.
func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	var gatherer prometheus.Gatherer
	if reg == nil {
		r := prometheus.NewRegistry()
		if err := r.Register(collectors.NewGoCollector()); err != nil {
			return nil, err
		}
		if err := r.Register(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})); err != nil {
			return nil, err
		}
		reg, gatherer = r, r
	} else if g, ok := reg.(prometheus.Gatherer); ok {
		gatherer = g
	} else {
		gatherer = prometheus.DefaultGatherer
	}
	m := &metrics{
		gatherer: gatherer,
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "steadfast_http_request_duration_seconds",
			Help:    "Time to serve HTTP requests, by route pattern and status code.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "code"}),
	}
	if err := reg.Register(m.duration); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *metrics) observe(route string, status int, elapsed time.Duration) {
	m.duration.WithLabelValues(route, strconv.Itoa(status)).Observe(elapsed.Seconds())
}
