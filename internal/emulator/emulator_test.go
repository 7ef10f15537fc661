package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// fakeNow is a settable clock for the server.
type fakeNow struct{ t time.Time }

func (f *fakeNow) now() time.Time { return f.t }

func (f *fakeNow) advance(d time.Duration) { f.t = f.t.Add(d) }

func newClock() *fakeNow { return &fakeNow{t: time.Date(2026, 12, 1, 7, 55, 47, 120e6, time.UTC)} }

// newServer is a server for a test that expects no contract violations: it
// fails the test with any, as Start does.
func newServer(t *testing.T, opts Options) *Server {
	t.Helper()
	s := New(opts)
	t.Cleanup(func() {
		for _, v := range s.ContractViolations() {
			t.Errorf("emulator: %s", v)
		}
	})
	return s
}

// do sends a request, JSON when it has a body, straight to the server.
func do(s *Server, method, path, key, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

// call is do for a JSON answer.
func call(t *testing.T, s *Server, method, path, key, body string) (int, map[string]any) {
	t.Helper()
	rec := do(s, method, path, key, body)
	var out map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatalf("%s %s: body %q is not JSON", method, path, rec.Body.String())
	}
	return rec.Code, out
}

func TestAuthProjectAndValidation(t *testing.T) {
	s := New(Options{Keys: map[string][]string{"mint_other": {"other"}}})
	const jobs = "/v2/agent/" + DefaultProjectID + "/job"
	cases := []struct {
		name, method, path, key, body string
		want                          int
	}{
		{"no key", "POST", jobs, "", `{"prompt":"x"}`, 401},
		{"wrong key", "POST", jobs, "mint_wrong", `{"prompt":"x"}`, 401},
		{"unknown project", "POST", "/v2/agent/nope/job", DefaultAPIKey, `{"prompt":"x"}`, 403},
		{"no access", "POST", "/v2/agent/other/job", DefaultAPIKey, `{"prompt":"x"}`, 403},
		{"missing prompt", "POST", jobs, DefaultAPIKey, `{}`, 400},
		{"empty prompt", "POST", jobs, DefaultAPIKey, `{"prompt":""}`, 400},
		{"not JSON", "POST", jobs, DefaultAPIKey, `prompt=x`, 400},
		{"unknown job", "GET", jobs + "/nope", DefaultAPIKey, ``, 404},
		{"created", "POST", jobs, DefaultAPIKey, `{"prompt":"x"}`, 201},
	}
	for _, tc := range cases {
		code, body := call(t, s, tc.method, tc.path, tc.key, tc.body)
		if code != tc.want {
			t.Errorf("%s: HTTP %d, want %d", tc.name, code, tc.want)
		}
		if msg, _ := body["error"].(string); code >= 400 && msg == "" {
			t.Errorf("%s: error body %v has no \"error\" text", tc.name, body)
		}
	}
	if n := s.CountRequests("POST", "/job"); n != 8 {
		t.Errorf("logged creates = %d, want 8", n)
	}
	// The three invalid bodies break the document; every answer keeps it.
	violations := s.ContractViolations()
	if len(violations) != 3 {
		t.Fatalf("violations = %v, want the 3 invalid requests", violations)
	}
	for _, v := range violations {
		if v.Part != "request" || v.Status != http.StatusBadRequest {
			t.Errorf("violation %v; want the request's, answered 400", v)
		}
	}
}

func TestJobLifecycle(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now, Jobs: JobOptions{Duration: time.Minute}})
	const jobs = "/v2/agent/" + DefaultProjectID + "/job"

	ok := mustCreate(t, s, jobs, "Document it")
	failing := mustCreate(t, s, jobs, "Break it [emulator:fail] [emulator:duration=2m]")
	for id, want := range map[string]string{ok: "active", failing: "active"} {
		if _, job := call(t, s, "GET", jobs+"/"+id, DefaultAPIKey, ""); job["status"] != want || job["prLink"] != nil {
			t.Errorf("job %s at start: %v", id, job)
		}
	}
	clock.advance(90 * time.Second)
	if _, job := call(t, s, "GET", jobs+"/"+ok, DefaultAPIKey, ""); job["status"] != "completed" || job["prLink"] == nil {
		t.Errorf("after its duration: %v; want completed with a PR link", job)
	}
	if _, job := call(t, s, "GET", jobs+"/"+failing, DefaultAPIKey, ""); job["status"] != "active" {
		t.Errorf("a 2m job after 90s: %v; want active", job)
	}
	clock.advance(time.Minute)
	if _, job := call(t, s, "GET", jobs+"/"+failing, DefaultAPIKey, ""); job["status"] != "failed" || job["prLink"] != nil {
		t.Errorf("[emulator:fail] job: %v; want failed without a PR", job)
	}
	s.ArchiveJob(ok)
	if _, job := call(t, s, "GET", jobs+"/"+ok, DefaultAPIKey, ""); job["status"] != "archived" || job["archivedAt"] == nil {
		t.Errorf("archived job: %v", job)
	}
	j, _ := s.Job(ok)
	if j.Polls != 3 || j.SeenEndedAt.IsZero() {
		t.Errorf("job record: %d polls, seen ended at %v; want 3 and a time", j.Polls, j.SeenEndedAt)
	}
	s.DeleteJob(ok)
	if code, _ := call(t, s, "GET", jobs+"/"+ok, DefaultAPIKey, ""); code != http.StatusNotFound {
		t.Errorf("deleted job: HTTP %d, want 404", code)
	}
}

func TestV1Endpoints(t *testing.T) {
	s := newServer(t, Options{Jobs: JobOptions{Duration: 1}})
	const v1 = "/v1/agent/" + DefaultProjectID
	// The document refuses no list of messages: one without a user message
	// starts a job too.
	rec := do(s, "POST", v1+"/job", DefaultAPIKey, `{"messages":[{"role":"system","content":"Be brief."}],"model":"opus"}`)
	id := rec.Header().Get("X-Session-Id")
	if rec.Code != http.StatusOK || id == "" || !strings.Contains(rec.Body.String(), "event: done") {
		t.Fatalf("v1 create: HTTP %d, session %q, %q", rec.Code, id, rec.Body.String())
	}
	if code, session := call(t, s, "GET", v1+"/job/"+id, DefaultAPIKey, ""); code != http.StatusOK || session["sessionId"] != id {
		t.Errorf("v1 get: HTTP %d %v", code, session)
	}
	// Its document lists no 404: a job the key cannot see is a 403.
	if code, body := call(t, s, "GET", v1+"/job/"+newID(), DefaultAPIKey, ""); code != http.StatusForbidden || body["error"] == "" {
		t.Errorf("v1 get of an unknown job: HTTP %d %v, want 403", code, body)
	}
	if code, list := call(t, s, "GET", v1+"/jobs?take=5", DefaultAPIKey, ""); code != http.StatusOK || fmt.Sprint(list["allSessions"]) == "[]" {
		t.Errorf("v1 list: HTTP %d %v", code, list)
	}
}

func mustCreate(t *testing.T, s *Server, path, prompt string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"prompt": prompt})
	code, job := call(t, s, "POST", path, DefaultAPIKey, string(body))
	if code != http.StatusCreated {
		t.Fatalf("create: HTTP %d %v", code, job)
	}
	id, ok := job["id"].(string)
	if !ok {
		t.Fatalf("create: no id in %v", job)
	}
	return id
}

func TestListenRefusesNonLoopback(t *testing.T) {
	if _, err := New(Options{}).Listen("0.0.0.0:0"); err == nil {
		t.Fatal("listening on all interfaces was accepted")
	}
}
