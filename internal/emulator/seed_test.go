package emulator

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestLoadSeed serves what a seed gives, times relative to the server's now
// included, and SeedExample loads.
func TestLoadSeed(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now, Analytics: AnalyticsOptions{Limit: -1}})
	err := s.LoadSeed(strings.NewReader(`{
  "feedback": [
    {"path": "/quickstart", "comment": "Fails on Windows", "createdAt": "-36h", "helpful": false, "contact": "ada@example.com"},
    {"path": "/api/auth", "comment": "Wrong token", "createdAt": "2026-11-30T10:00:00Z", "source": "code_snippet", "status": "in_progress",
     "code": "curl", "filename": "auth.sh", "lang": "bash"}
  ],
  "searches": [{"query": "webhook retries", "at": "-2h", "times": 12}, {"query": "limits", "clickedPage": "/limits"}]
}`))
	if err != nil {
		t.Fatal(err)
	}
	feedback, _ := listAll(t, s, "feedback", "feedback", url.Values{})
	want := []map[string]any{
		{"path": "/api/auth", "comment": "Wrong token", "createdAt": "2026-11-30T10:00:00.000Z", "source": "code_snippet", "status": "in_progress",
			"filename": "auth.sh", "lang": "bash", "code": "curl"},
		{"path": "/quickstart", "comment": "Fails on Windows", "createdAt": clock.t.Add(-36 * time.Hour).Format(timeLayout), "source": "contextual",
			"status": "pending", "helpful": false, "contact": "ada@example.com"},
	}
	if len(feedback) != len(want) {
		t.Fatalf("%d entries, want %d", len(feedback), len(want))
	}
	for i, w := range want {
		for k, v := range w {
			if feedback[i][k] != v {
				t.Errorf("entry %d: %s = %v, want %v", i, k, feedback[i][k], v)
			}
		}
	}
	searches, _ := listAll(t, s, "searches", "searches", url.Values{})
	if len(searches) != 2 || searches[0]["searchQuery"] != "webhook retries" || num(searches[0]["hits"]) != 12 || num(searches[0]["ctr"]) != 0 ||
		searches[0]["lastSearchedAt"] != clock.t.Add(-2*time.Hour).Format(timeLayout) || num(searches[1]["ctr"]) != 1 {
		t.Errorf("searches %v; want 12 of the first, none clicked, and one clicked", searches)
	}

	if err := New(Options{}).LoadSeed(strings.NewReader(SeedExample)); err != nil {
		t.Errorf("SeedExample does not load: %v", err)
	}
}

// TestLoadSeedRefusesWhatIsWrong: a seed with a mistake loads nothing and
// says what is wrong.
func TestLoadSeedRefusesWhatIsWrong(t *testing.T) {
	for name, tc := range map[string]struct{ seed, want string }{
		"unknown field":  {`{"feedback": [{"page": "/a"}]}`, `unknown field "page"`},
		"no path":        {`{"feedback": [{"path": "/a"}, {"comment": "c"}]}`, "feedback 1 has no path"},
		"unknown source": {`{"feedback": [{"path": "/a", "source": "email"}]}`, `source "email"`},
		"unknown status": {`{"feedback": [{"path": "/a", "status": "open"}]}`, `status "open"`},
		"bad time":       {`{"feedback": [{"path": "/a", "createdAt": "yesterday"}]}`, `"yesterday" is neither`},
		"future":         {`{"searches": [{"query": "q", "at": "36h"}]}`, `"36h" is neither`},
		"no query":       {`{"feedback": [{"path": "/a"}], "searches": [{"times": 2}]}`, "search 0: want a query"},
		"not JSON":       {`feedback: []`, "reading the seed"},
	} {
		t.Run(name, func(t *testing.T) {
			s := New(Options{Analytics: AnalyticsOptions{Limit: -1}})
			err := s.LoadSeed(strings.NewReader(tc.seed))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one that says %q", err, tc.want)
			}
			if a := s.analyticsOf(""); len(a.feedback) != 0 || len(a.searches) != 0 {
				t.Errorf("a refused seed added %d entries and %d searches", len(a.feedback), len(a.searches))
			}
		})
	}
}
