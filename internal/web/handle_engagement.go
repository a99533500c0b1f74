package web

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/engagement"
	"github.com/steadfast-care/steadfast/internal/store"
)

// engagementHistory bounds the records a family's engagement page reads;
// a family gains at most a few a month.
const engagementHistory = 100

// engagementData is what a family's engagement page shows.
type engagementData struct {
	Family     store.Family
	Today      time.Time
	Records    []engagement.Record // newest first
	Latest     engagement.Record   // the newest, when Records is not empty
	Chart      patternChart
	Actions    []engagement.Action // still to do, soonest first
	Hypotheses []engagement.Hypothesis
	Flags      []engagement.SafetyFlag
}

// Since says how long ago the latest record's date was.
func (d engagementData) Since() string { return engagement.Since(d.Latest.RecordedOn, d.Today) }

// engagementPage is a family's engagement summary: what was last
// described and when, the trend over time as a chart with its table, the
// plan still to do, the hypotheses, and every record.
func (s *Server) engagementPage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	d := engagementData{Today: s.db.Now()}
	if err := s.db.ReadSnapshot(r.Context(), func(db *store.DB) error {
		return readEngagement(r.Context(), db, actorFrom(r.Context()).OrgID, id, &d)
	}); err != nil {
		return err
	}
	if err := s.record(r, audit.Event{Action: audit.Read, ResourceType: string(access.KindFamily), ResourceID: id,
		Reason: fmt.Sprintf("engagement records listed: %d", len(d.Records))}); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "engagement", "Engagement records", d)
}

// readEngagement reads what a family's engagement page shows, from one
// state of the database.
func readEngagement(ctx context.Context, db *store.DB, orgID, id string, d *engagementData) error {
	var err error
	if d.Family, err = db.FamilyInOrg(ctx, orgID, id); err != nil {
		return err
	}
	if d.Records, err = db.EngagementRecords(ctx, orgID, id, engagementHistory); err != nil {
		return err
	}
	if d.Actions, err = db.OpenEngagementActions(ctx, orgID, id); err != nil {
		return err
	}
	if d.Hypotheses, err = db.EngagementHypotheses(ctx, orgID, id); err != nil {
		return err
	}
	if d.Flags, err = db.ActiveSafetyFlags(ctx, orgID, id); err != nil {
		return err
	}
	if latest, ok := engagement.LatestOf(d.Records); ok {
		d.Latest = latest
	}
	d.Chart = newPatternChart(engagement.Trend(d.Records))
	return nil
}
