package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

var triggers = []struct{ path, body string }{
	{updatePath, ""},
	{previewPath, `{"branch":"b"}`},
	{"/v1/workflow/" + DefaultProjectID + "/" + DefaultAutomationID + "/trigger", ""},
}

func TestFaultsOnStatusPolls(t *testing.T) {
	s := newServer(t, Options{})
	id := trigger(t, s, updatePath, "")
	s.SetFaults(Faults{GetErrorRate: 1, GetErrorCodes: []int{503}})
	if rec := do(s, "GET", statusPath+id, DefaultAPIKey, ""); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("GetErrorRate 1: HTTP %d, want 503", rec.Code)
	}
	s.SetFaults(Faults{MalformedRate: 1, Seed: 1})
	if rec := do(s, "GET", statusPath+id, DefaultAPIKey, ""); rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/html" {
		t.Errorf("MalformedRate 1: HTTP %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if d, _ := s.Deployment(id); d.Polls != 0 {
		t.Errorf("made-up answers counted as %d polls", d.Polls)
	}
	// The faults' answers break the document on purpose: no violation.
}

func TestFaultsOnTriggers(t *testing.T) {
	s := newServer(t, Options{})
	s.SetFaults(Faults{Reject429: 3, RetryAfter: 90 * time.Second})
	for _, tr := range triggers {
		if rec := do(s, "POST", tr.path, DefaultAPIKey, tr.body); rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "90" {
			t.Errorf("Reject429 on %s: HTTP %d, Retry-After %q", tr.path, rec.Code, rec.Header().Get("Retry-After"))
		}
	}
	if len(s.Deployments())+len(s.AutomationRuns()) != 0 {
		t.Error("a rejected trigger took effect")
	}

	s.SetFaults(Faults{CreateErrorAfterCreate: 3})
	for _, tr := range triggers {
		if rec := do(s, "POST", tr.path, DefaultAPIKey, tr.body); rec.Code != http.StatusInternalServerError {
			t.Errorf("CreateErrorAfterCreate on %s: HTTP %d, want 500", tr.path, rec.Code)
		}
	}
	if len(s.Deployments()) != 2 || len(s.AutomationRuns()) != 1 {
		t.Errorf("after 500s: %d deployments and %d runs; want the triggers to have taken effect", len(s.Deployments()), len(s.AutomationRuns()))
	}

	const latency = 30 * time.Millisecond
	s.SetFaults(Faults{CreateLatency: latency})
	for _, tr := range triggers {
		start := time.Now()
		if rec := do(s, "POST", tr.path, DefaultAPIKey, tr.body); rec.Code != http.StatusAccepted || time.Since(start) < latency {
			t.Errorf("CreateLatency on %s: HTTP %d after %s", tr.path, rec.Code, time.Since(start))
		}
	}

	s.SetFaults(Faults{RedirectTo: "http://127.0.0.1:1/"})
	for _, tr := range triggers {
		if rec := do(s, "POST", tr.path, DefaultAPIKey, tr.body); rec.Code != http.StatusTemporaryRedirect ||
			!strings.HasPrefix(rec.Header().Get("Location"), "http://127.0.0.1:1/v1/") {
			t.Errorf("RedirectTo on %s: HTTP %d to %q", tr.path, rec.Code, rec.Header().Get("Location"))
		}
	}
}

func TestFaultAnswersStillCheckTheRequest(t *testing.T) {
	s := New(Options{})
	s.SetFaults(Faults{RedirectTo: "http://127.0.0.1:1"})
	if rec := do(s, "POST", previewPath, DefaultAPIKey, `{"branch":5}`); rec.Code != http.StatusTemporaryRedirect {
		t.Fatalf("HTTP %d, want the redirect", rec.Code)
	}
	if v := s.ContractViolations(); len(v) != 1 || v[0].Part != "request" {
		t.Errorf("violations = %v; want the request's", v)
	}
}

func TestFaultsOnJobsAreExempt(t *testing.T) {
	s := newServer(t, Options{})
	const jobs = "/v2/agent/" + DefaultProjectID + "/job"
	s.SetFaults(Faults{ActiveStatus: "queued"})
	id := mustCreate(t, s, jobs, "x")
	if _, job := call(t, s, "GET", jobs+"/"+id, DefaultAPIKey, ""); job["status"] != "queued" {
		t.Errorf("ActiveStatus: %v", job)
	}
	s.SetFaults(Faults{GetErrorRate: 1, GetErrorCodes: []int{418}})
	if rec := do(s, "GET", jobs+"/"+id, DefaultAPIKey, ""); rec.Code != http.StatusTeapot {
		t.Errorf("GetErrorRate: HTTP %d", rec.Code)
	}
	if s.ContractChecks() == 0 {
		t.Error("nothing was checked")
	}
}
