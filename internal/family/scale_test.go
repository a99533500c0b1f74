package family

import "testing"

func TestRatingProblemsAndLatest(t *testing.T) {
	if p := (Rating{Score: 0, View: ChildView}).Problems(); len(p) != 0 {
		t.Errorf("a rating of 0 has problems: %v", p)
	}
	if p := (Rating{Score: 11, View: "neighbour"}).Problems(); len(p) != 2 {
		t.Errorf("problems = %v, want score and view", p)
	}
	newestFirst := []Rating{{ID: "c", View: ParentView, Score: 6}, {ID: "b", View: WorkerView, Score: 4}, {ID: "a", View: ParentView, Score: 3}}
	got := Latest(newestFirst)
	if len(got) != 2 || got[0].ID != "b" || got[1].ID != "c" {
		t.Errorf("Latest = %+v; want the worker's 4 then the parent's newest, 6", got)
	}
}
