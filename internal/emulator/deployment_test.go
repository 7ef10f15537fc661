package emulator

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

const (
	updatePath  = "/v1/project/update/" + DefaultProjectID
	previewPath = "/v1/project/preview/" + DefaultProjectID
	statusPath  = "/v1/project/update-status/"
)

var apiTime = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)

// trigger starts a deployment and returns its status id.
func trigger(t *testing.T, s *Server, path, body string) string {
	t.Helper()
	code, out := call(t, s, "POST", path, DefaultAPIKey, body)
	id, _ := out["statusId"].(string)
	if code != http.StatusAccepted || !objectID.MatchString(id) {
		t.Fatalf("POST %s: HTTP %d %v; want 202 with a status id", path, code, out)
	}
	return id
}

// status reads a deployment's status as the client sees it.
func status(t *testing.T, s *Server, id string) map[string]any {
	t.Helper()
	code, out := call(t, s, "GET", statusPath+id, DefaultAPIKey, "")
	if code != http.StatusOK {
		t.Fatalf("GET status %s: HTTP %d %v", id, code, out)
	}
	return out
}

func logsOf(t *testing.T, st map[string]any) []string {
	t.Helper()
	raw, ok := st["logs"].([]any)
	if !ok {
		t.Fatalf("logs %v are not a list", st["logs"])
	}
	out := make([]string, len(raw))
	for i, l := range raw {
		out[i], _ = l.(string)
	}
	return out
}

func field(st map[string]any, object, name string) any {
	m, _ := st[object].(map[string]any)
	return m[name]
}

func TestProductionDeploymentProgresses(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now, Deployments: DeploymentOptions{Queued: 10 * time.Second, InProgress: 20 * time.Second}})
	id := trigger(t, s, updatePath, "")

	st := status(t, s, id)
	if _, has := st["endedAt"]; st["status"] != "queued" || has || len(logsOf(t, st)) != 0 {
		t.Errorf("at first: %v; want queued, no endedAt, no logs", st)
	}
	if st["_id"] != id || st["projectId"] != DefaultProjectID || st["subdomain"] != DefaultProjectID || st["source"] != "api" ||
		st["createdAt"] != "2026-12-01T07:55:47.120Z" || field(st, "commit", "ref") != DeploymentBranch ||
		field(st, "author", "name") == nil || field(st, "commit", "filesChanged") == nil {
		t.Errorf("status fields: %v", st)
	}
	clock.advance(10 * time.Second)
	if st := status(t, s, id); st["status"] != "in_progress" || st["endedAt"] != nil || len(logsOf(t, st)) == 0 {
		t.Errorf("after 10s: %v; want in_progress with logs, no endedAt", st)
	}
	clock.advance(20 * time.Second)
	st = status(t, s, id)
	if ended, _ := st["endedAt"].(string); st["status"] != "success" || !apiTime.MatchString(ended) || st["summary"] == "" || len(logsOf(t, st)) == 0 {
		t.Errorf("after 30s: %v; want success, an endedAt, a summary and logs", st)
	}
	if st["endedAt"] != "2026-12-01T07:56:17.120Z" {
		t.Errorf("endedAt = %v, want 30s after createdAt", st["endedAt"])
	}

	d, ok := s.Deployment(id)
	if !ok || d.Preview || d.Polls != 3 || !d.SeenEndedAt.Equal(clock.t) || d.Branch != DeploymentBranch {
		t.Errorf("deployment record: %+v", d)
	}
	if all := s.Deployments(); len(all) != 1 || all[0].ID != id {
		t.Errorf("Deployments() = %+v", all)
	}
	s.DeleteDeployment(id)
	if code, body := call(t, s, "GET", statusPath+id, DefaultAPIKey, ""); code != http.StatusNotFound || body["error"] == "" {
		t.Errorf("deleted deployment: HTTP %d %v, want 404", code, body)
	}
}

func TestPreviewDeployment(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now, Deployments: DeploymentOptions{Queued: time.Second, InProgress: time.Minute}})
	code, out := call(t, s, "POST", previewPath, DefaultAPIKey, `{"branch":"feature/New-Page"}`)
	id, _ := out["statusId"].(string)
	if code != http.StatusAccepted || out["previewUrl"] != "https://"+DefaultProjectID+"-feature-new-page.mintlify.app" {
		t.Fatalf("preview: HTTP %d %v", code, out)
	}
	clock.advance(time.Second)
	if st := status(t, s, id); st["status"] != "in_progress" || field(st, "commit", "ref") != "feature/New-Page" {
		t.Errorf("preview status: %v; want in_progress on its branch", st)
	}
	clock.advance(time.Minute)
	if st := status(t, s, id); st["status"] != "success" {
		t.Errorf("preview after a minute: %v", st)
	}
	if d, _ := s.Deployment(id); !d.Preview || d.PreviewURL != out["previewUrl"] {
		t.Errorf("preview record: %+v", d)
	}
}

func TestPreviewMarkersSteerTheDeployment(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now})
	id := trigger(t, s, previewPath, `{"branch":"break-it [emulator:fail] [emulator:queued=1m] [emulator:duration=2m]"}`)
	clock.advance(59 * time.Second)
	if st := status(t, s, id); st["status"] != "queued" {
		t.Errorf("after 59s: %v; want still queued", st["status"])
	}
	clock.advance(2 * time.Minute)
	if st := status(t, s, id); st["status"] != "in_progress" {
		t.Errorf("after 2m59s: %v; want in progress", st["status"])
	}
	clock.advance(time.Second)
	st := status(t, s, id)
	logs := logsOf(t, st)
	if st["status"] != "failure" || st["summary"] == "" || len(logs) < 2 || logs[len(logs)-1] != "Build failed" ||
		!strings.Contains(logs[len(logs)-2], "does not exist") {
		t.Errorf("failed preview: %v; want failure whose last logs say what broke", st)
	}
	if d, _ := s.Deployment(id); !strings.HasSuffix(d.PreviewURL, "-break-it.mintlify.app") {
		t.Errorf("preview URL %q keeps the markers", d.PreviewURL)
	}
}

func TestNextDeploymentsPlanTheNextTriggers(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now, Deployments: DeploymentOptions{Queued: time.Minute, InProgress: time.Minute}})
	s.NextDeployments(
		DeploymentPlan{Outcome: DeploymentFailure, Summary: "Broken link", Logs: []string{"Error: /nope is a broken link"}, InProgress: time.Second},
		DeploymentPlan{Queued: time.Second},
	)
	first := trigger(t, s, updatePath, "")
	second := trigger(t, s, previewPath, `{"branch":"b [emulator:duration=5s]"}`)
	third := trigger(t, s, updatePath, "")
	clock.advance(61 * time.Second)
	st := status(t, s, first)
	if logs := logsOf(t, st); st["status"] != "failure" || st["summary"] != "Broken link" || logs[len(logs)-1] != "Error: /nope is a broken link" {
		t.Errorf("planned failure: %v", st)
	}
	clock.advance(-55 * time.Second) // 6s after the triggers: 1s queued, 5s in progress (the marker)
	if st := status(t, s, second); st["status"] != "success" {
		t.Errorf("planned preview with a marker after 6s: %v", st["status"])
	}
	if st := status(t, s, third); st["status"] != "queued" {
		t.Errorf("unplanned deployment after 6s: %v; want the server's minute in the queue", st["status"])
	}
}

func TestPreviewRefusals(t *testing.T) {
	s := New(Options{Keys: map[string][]string{"mint_other": {"other"}}})
	cases := []struct {
		name, path, key, body string
		want                  int
	}{
		{"no key", previewPath, "", `{"branch":"b"}`, 401},
		{"key without access", "/v1/project/preview/other", DefaultAPIKey, `{"branch":"b"}`, 403},
		{"no branch", previewPath, DefaultAPIKey, `{}`, 400},
		{"empty branch", previewPath, DefaultAPIKey, `{"branch":""}`, 400},
	}
	for _, tc := range cases {
		if code, body := call(t, s, "POST", tc.path, tc.key, tc.body); code != tc.want || body["error"] == "" {
			t.Errorf("%s: HTTP %d %v, want %d with an error", tc.name, code, body, tc.want)
		}
	}
	if n := len(s.Deployments()); n != 0 {
		t.Errorf("%d deployments after refusals", n)
	}
	// Only the two requests without a branch break the document.
	if v := s.ContractViolations(); len(v) != 2 || v[0].Part != "request" || v[1].Part != "request" {
		t.Errorf("violations = %v; want the 2 requests without a branch", v)
	}

	off := newServer(t, Options{Deployments: DeploymentOptions{PreviewsDisabled: true}})
	code, body := call(t, off, "POST", previewPath, DefaultAPIKey, `{"branch":"b"}`)
	if code != http.StatusForbidden || body["error"] != "Preview deployments are not available on your current plan." {
		t.Errorf("previews disabled: HTTP %d %v", code, body)
	}
	if code, _ := call(t, off, "POST", updatePath, DefaultAPIKey, ""); code != http.StatusAccepted {
		t.Errorf("production update with previews disabled: HTTP %d", code)
	}
}

func TestPreviewRateLimitPerOrganization(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now,
		Keys: map[string][]string{"mint_other_org": {DefaultProjectID}}, Deployments: DeploymentOptions{PreviewLimit: 2, PreviewWindow: 10 * time.Second},
	})
	trigger(t, s, previewPath, `{"branch":"a"}`)
	clock.advance(4 * time.Second)
	trigger(t, s, previewPath, `{"branch":"b"}`)
	rec := do(s, "POST", previewPath, DefaultAPIKey, `{"branch":"c"}`)
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "6" || !strings.Contains(rec.Body.String(), `"error"`) {
		t.Errorf("third preview in the window: HTTP %d, Retry-After %q, %s; want 429 after 6s", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
	}
	if code, _ := call(t, s, "POST", previewPath, "mint_other_org", `{"branch":"c"}`); code != http.StatusAccepted {
		t.Errorf("another organization's preview: HTTP %d, want 202", code)
	}
	if code, _ := call(t, s, "POST", updatePath, DefaultAPIKey, ""); code != http.StatusAccepted {
		t.Errorf("a production update is not a preview: HTTP %d", code)
	}
	clock.advance(6 * time.Second)
	trigger(t, s, previewPath, `{"branch":"c"}`)
	if n := len(s.Deployments()); n != 5 {
		t.Errorf("%d deployments, want 5", n)
	}
}

func TestStatusOfAnotherProjectIsNotFound(t *testing.T) {
	s := newServer(t, Options{Keys: map[string][]string{"mint_other": {"other"}}})
	id := trigger(t, s, updatePath, "")
	for name, tc := range map[string]struct {
		id, key string
		want    int
	}{
		"another project's": {id, "mint_other", 404},
		"unknown":           {newID(), DefaultAPIKey, 404},
		"no key":            {id, "", 401},
		"own":               {id, DefaultAPIKey, 200},
	} {
		if code, _ := call(t, s, "GET", statusPath+tc.id, tc.key, ""); code != tc.want {
			t.Errorf("%s status: HTTP %d, want %d", name, code, tc.want)
		}
	}
	if d, _ := s.Deployment(id); d.Polls != 1 {
		t.Errorf("polls = %d: only the own read counts", d.Polls)
	}
}
