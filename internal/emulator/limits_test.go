package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

const automationPath = "/v1/workflow/" + DefaultProjectID + "/" + DefaultAutomationID + "/trigger"

func TestTriggersShareOneLimitPerOrganization(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now,
		Keys: map[string][]string{"mint_other_org": {DefaultProjectID}}, Deployments: DeploymentOptions{TriggerLimit: 2, TriggerWindow: 10 * time.Second},
	})
	trigger(t, s, updatePath, "")
	clock.advance(3 * time.Second)
	if code, _ := call(t, s, "POST", automationPath, DefaultAPIKey, ""); code != http.StatusAccepted {
		t.Fatalf("automation trigger within the limit: HTTP %d", code)
	}
	for _, path := range []string{updatePath, automationPath} {
		rec := do(s, "POST", path, DefaultAPIKey, "")
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "7" ||
			!strings.Contains(rec.Body.String(), "Rate limit exceeded: 2 deployment and automation triggers per organization per 10 seconds") {
			t.Errorf("%s over the shared limit: HTTP %d, Retry-After %q, %s", path, rec.Code, rec.Header().Get("Retry-After"), rec.Body)
		}
	}
	if code, _ := call(t, s, "POST", updatePath, "mint_other_org", ""); code != http.StatusAccepted {
		t.Errorf("another organization's trigger: HTTP %d, want 202", code)
	}
	if code, _ := call(t, s, "POST", previewPath, DefaultAPIKey, `{"branch":"b"}`); code != http.StatusAccepted {
		t.Errorf("a preview has its own limit: HTTP %d", code)
	}
	clock.advance(7 * time.Second)
	trigger(t, s, updatePath, "")
	if n, runs := len(s.Deployments()), len(s.AutomationRuns()); n != 4 || runs != 1 {
		t.Errorf("%d deployments and %d runs, want 4 and 1: refusals took effect", n, runs)
	}

	unlimited := newServer(t, Options{Deployments: DeploymentOptions{TriggerLimit: -1}})
	for range 2 * DefaultTriggerLimit {
		trigger(t, unlimited, updatePath, "")
	}
	limited := newServer(t, Options{})
	for range DefaultTriggerLimit {
		trigger(t, limited, updatePath, "")
	}
	if code, out := call(t, limited, "POST", automationPath, DefaultAPIKey, ""); code != http.StatusTooManyRequests ||
		out["error"] != "Rate limit exceeded: 10 deployment and automation triggers per organization per 10 seconds" {
		t.Errorf("past the default limit: HTTP %d %v", code, out)
	}
}

func TestRateLimitTextNamesTheConfiguredLimit(t *testing.T) {
	s := newServer(t, Options{Deployments: DeploymentOptions{PreviewLimit: 1, PreviewWindow: 2 * time.Hour}})
	s.SetFaults(Faults{RateLimit: 1, RateWindow: time.Minute})
	mustCreate(t, s, "/v2/agent/"+DefaultProjectID+"/job", "x")
	trigger(t, s, previewPath, `{"branch":"b"}`)
	for path, want := range map[string]string{
		"/v2/agent/" + DefaultProjectID + "/job": "Rate limit exceeded: 1 agent uses per project per minute",
		previewPath:                              "Rate limit exceeded: 1 preview deployments per organization per 2 hours",
	} {
		if code, out := call(t, s, "POST", path, DefaultAPIKey, `{"prompt":"x","branch":"b"}`); code != http.StatusTooManyRequests || out["error"] != want {
			t.Errorf("%s: HTTP %d %v, want 429 saying %q", path, code, out, want)
		}
	}
	for d, want := range map[time.Duration]string{
		time.Hour: "hour", time.Minute: "minute", 10 * time.Second: "10 seconds", 90 * time.Second: "90 seconds", 1500 * time.Millisecond: "1.5s",
	} {
		if got := per(d); got != want {
			t.Errorf("per(%s) = %q, want %q", d, got, want)
		}
	}
}

// Every rate limit may answer in plain text, and the contract accepts it
// where the endpoint has a limit (newServer fails the test otherwise).
func TestPlainTextRateLimits(t *testing.T) {
	s := newServer(t, Options{PlainTextRateLimits: true, Deployments: DeploymentOptions{PreviewLimit: 1, TriggerLimit: 1}})
	s.SetFaults(Faults{RateLimit: 1})
	jobs := "/v2/agent/" + DefaultProjectID + "/job"
	mustCreate(t, s, jobs, "x")
	trigger(t, s, previewPath, `{"branch":"b"}`)
	trigger(t, s, updatePath, "")
	for _, op := range []struct{ path, body string }{
		{jobs, `{"prompt":"x"}`},
		{"/v1/agent/" + DefaultProjectID + "/job", `{"messages":[{"role":"user","content":"x"}]}`},
		{previewPath, `{"branch":"b"}`},
		{updatePath, ""},
		{automationPath, ""},
	} {
		rec := do(s, "POST", op.path, DefaultAPIKey, op.body)
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" ||
			!strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") || rec.Body.String() != plainRateLimitText {
			t.Errorf("%s: HTTP %d %q %q; want a plain-text 429 with Retry-After", op.path, rec.Code, rec.Header().Get("Content-Type"), rec.Body)
		}
	}
	if s.ContractChecks() != 2*len(s.Requests()) {
		t.Errorf("%d checks for %d requests", s.ContractChecks(), len(s.Requests()))
	}
}

func TestBodiesThatAreNotJSON(t *testing.T) {
	s := New(Options{})
	for _, path := range []string{
		"/v2/agent/" + DefaultProjectID + "/job",
		"/v2/agent/" + DefaultProjectID + "/job/" + newID() + "/message",
		"/v1/agent/" + DefaultProjectID + "/job",
		previewPath,
	} {
		for _, body := range []string{"prompt=x", "", `{"prompt":`} {
			if code, out := call(t, s, "POST", path, DefaultAPIKey, body); code != http.StatusBadRequest || out["error"] != "The request body is not valid JSON" {
				t.Errorf("POST %s with body %q: HTTP %d %v; want 400 saying it is not JSON", path, body, code, out)
			}
		}
	}
	if len(s.Jobs())+len(s.Deployments()) != 0 {
		t.Error("a body that is not JSON started something")
	}
}
