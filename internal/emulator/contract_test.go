package emulator

import (
	"bufio"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// answering is a server whose handlers are replaced by one that answers
// every request with answer: a stand-in for a handler with a bug.
func answering(answer http.HandlerFunc) *Server {
	s := New(Options{})
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("/", answer)
	return s
}

func TestContractCatchesBadAnswers(t *testing.T) {
	const (
		job    = "/v2/agent/" + DefaultProjectID + "/job/x"
		status = statusPath + "66a1f0c2e4b5d6a7b8c9d0e1"
	)
	cases := map[string]struct {
		method, path, body string
		answer             http.HandlerFunc
		want               string
	}{
		"undocumented status": {"GET", job, "", func(w http.ResponseWriter, _ *http.Request) {
			writeError(w, http.StatusTeapot, "teapot")
		}, "status 418 is not documented"},
		"404 where none is documented": {"POST", "/v2/agent/nope/job", `{"prompt":"x"}`, func(w http.ResponseWriter, _ *http.Request) {
			writeError(w, http.StatusNotFound, "Project not found")
		}, "status 404 is not documented"},
		"field of the wrong type": {"GET", job, "", func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, http.StatusOK, map[string]any{"id": 5})
		}, `"/id"`},
		"null endedAt": {"GET", status, "", func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, http.StatusOK, map[string]any{"status": "queued", "endedAt": nil})
		}, `"/endedAt": Value is not nullable`},
		"status out of the enum": {"GET", status, "", func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, http.StatusOK, map[string]any{"status": "cancelled"})
		}, `"/status"`},
		"401 that is not JSON": {"GET", status, "", func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
		}, "not application/json"},
		"404 without error text": {"GET", status, "", func(w http.ResponseWriter, _ *http.Request) {
			writeError(w, http.StatusNotFound, "")
		}, `no "error" text`},
		"429 where the endpoint has no limit": {"GET", status, "", func(w http.ResponseWriter, _ *http.Request) {
			writeError(w, http.StatusTooManyRequests, "slow down")
		}, "status 429 is not documented"},
		"plain-text 429 where the endpoint has no limit": {"GET", status, "", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusTooManyRequests)
		}, "status 429 is not documented"},
		"empty plain-text 429": {"POST", updatePath, "", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusTooManyRequests)
		}, "empty body"},
		"plain-text 403": {"POST", updatePath, "", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusForbidden)
			_, _ = w.Write([]byte("Forbidden"))
		}, "not application/json"},
		"stream of the wrong type": {"POST", "/v1/agent/" + DefaultProjectID + "/job", `{"messages":[]}`, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte("{}"))
			http.NewResponseController(w).Flush()
		}, "content type"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			s := answering(tc.answer)
			do(s, tc.method, tc.path, DefaultAPIKey, tc.body)
			v := s.ContractViolations()
			if len(v) != 1 || v[0].Part != "response" || !strings.Contains(v[0].Message, tc.want) {
				t.Errorf("violations = %v; want the response's, saying %q", v, tc.want)
			}
		})
	}
}

func TestContractCatchesBadRequests(t *testing.T) {
	cases := map[string]struct {
		method, path, body, contentType string
		want                            int
	}{
		"branch of the wrong type": {"POST", previewPath, `{"branch":5}`, "application/json", 400},
		"body not JSON":            {"POST", previewPath, `{"branch":"b"}`, "text/plain", 202},
		"unknown path":             {"GET", "/v2/agents", "", "", 404},
		"base URL with a prefix":   {"GET", "/api/v2/agent/" + DefaultProjectID + "/job/x", "", "", 404},
		"undocumented method":      {"DELETE", "/v2/agent/" + DefaultProjectID + "/job/x", "", "", 404},
		"take over its maximum":    {"GET", "/v1/agent/" + DefaultProjectID + "/jobs?take=500", "", "", 400},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			s := New(Options{})
			req, _ := http.NewRequest(tc.method, tc.path, strings.NewReader(tc.body))
			req.Header.Set("Authorization", "Bearer "+DefaultAPIKey)
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			rec := newRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Errorf("HTTP %d, want %d", rec.Code, tc.want)
			}
			if v := s.ContractViolations(); len(v) != 1 || v[0].Part != "request" || v[0].Status != tc.want {
				t.Errorf("violations = %v; want the request's", v)
			}
		})
	}
}

func TestAllowUnknownPaths(t *testing.T) {
	s := newServer(t, Options{AllowUnknownPaths: true})
	if code, body := call(t, s, "GET", "/api/v2/agent/"+DefaultProjectID+"/job/x", DefaultAPIKey, ""); code != http.StatusNotFound || body["error"] != "Not found" {
		t.Errorf("unknown path: HTTP %d %v", code, body)
	}
}

// TestContractAcceptsWhatTheDocumentsLeaveOut: 401 and 403 everywhere, 404
// for an unknown update status, 429 from the agent and preview limits.
func TestContractAcceptsWhatTheDocumentsLeaveOut(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now, Keys: map[string][]string{"mint_other": {"other"}}, Deployments: DeploymentOptions{PreviewLimit: 1}})
	s.SetFaults(Faults{RateLimit: 1})
	const p = "/v2/agent/" + DefaultProjectID
	operations := []struct{ method, path, body string }{
		{"POST", p + "/job", `{"prompt":"x"}`},
		{"GET", p + "/job/x", ""},
		{"POST", p + "/job/x/message", `{"prompt":"x"}`},
		{"POST", "/v1/agent/" + DefaultProjectID + "/job", `{"messages":[{"role":"user","content":"x"}]}`},
		{"GET", "/v1/agent/" + DefaultProjectID + "/job/x", ""},
		{"GET", "/v1/agent/" + DefaultProjectID + "/jobs", ""},
		{"POST", updatePath, ""},
		{"POST", previewPath, `{"branch":"b"}`},
		{"GET", statusPath + "66a1f0c2e4b5d6a7b8c9d0e1", ""},
		{"POST", "/v1/workflow/" + DefaultProjectID + "/" + DefaultAutomationID + "/trigger", ""},
	}
	for _, op := range operations {
		for key, want := range map[string]int{"": 401, "mint_wrong": 401, "mint_other": 403} {
			if op.path == operations[8].path && key == "mint_other" {
				want = 404 // the status path names no project
			}
			if code, _ := call(t, s, op.method, op.path, key, op.body); code != want {
				t.Errorf("%s %s with key %q: HTTP %d, want %d", op.method, op.path, key, code, want)
			}
		}
	}
	for i, want := range []int{201, 429} {
		if code, _ := call(t, s, "POST", p+"/job", DefaultAPIKey, `{"prompt":"x"}`); code != want {
			t.Errorf("v2 create %d: HTTP %d, want %d", i, code, want)
		}
	}
	if rec := do(s, "POST", operations[3].path, DefaultAPIKey, operations[3].body); rec.Code != http.StatusTooManyRequests {
		t.Errorf("v1 create over the agent budget: HTTP %d, want 429", rec.Code)
	}
	for i, want := range []int{202, 429} {
		if code, _ := call(t, s, "POST", previewPath, DefaultAPIKey, `{"branch":"b"}`); code != want {
			t.Errorf("preview %d: HTTP %d, want %d", i, code, want)
		}
	}
	if n, want := s.ContractChecks(), 2*len(s.Requests()); n != want {
		t.Errorf("%d checks, want %d: every request and every answer", n, want)
	}
}

func TestV1CreateStillStreams(t *testing.T) {
	s := Start(t, Options{})
	req, _ := http.NewRequest("POST", s.URL()+"/v1/agent/"+DefaultProjectID+"/job",
		strings.NewReader(`{"messages":[{"role":"user","content":"x [emulator:duration=3s]"}]}`))
	req.Header.Set("Authorization", "Bearer "+DefaultAPIKey)
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	line, err := bufio.NewReader(resp.Body).ReadString('\n')
	if err != nil || line != "event: session\n" || time.Since(start) > 2*time.Second {
		t.Fatalf("first line %q (%v) after %s; want the session event before the job ends", line, err, time.Since(start))
	}
	if s.ContractChecks() != 2 {
		t.Errorf("%d checks before the stream ended, want 2", s.ContractChecks())
	}
}

func TestContractCheckUnderLoad(t *testing.T) {
	s := Start(t, Options{Jobs: JobOptions{Duration: 1}, Deployments: DeploymentOptions{Queued: 1, InProgress: 1, PreviewLimit: -1, TriggerLimit: -1}})
	client := &http.Client{}
	send := func(method, path, body string) string {
		req, _ := http.NewRequest(method, s.URL()+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+DefaultAPIKey)
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			t.Error(err)
			return ""
		}
		defer resp.Body.Close()
		var buf strings.Builder
		_, _ = bufio.NewReader(resp.Body).WriteTo(&buf)
		return buf.String()
	}
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			for range 10 {
				send("POST", "/v2/agent/"+DefaultProjectID+"/job", fmt.Sprintf(`{"prompt":"job %d"}`, i))
				send("POST", previewPath, fmt.Sprintf(`{"branch":"b%d"}`, i))
				send("POST", updatePath, "")
				send("GET", "/v1/agent/"+DefaultProjectID+"/jobs?take=3", "")
			}
		})
	}
	wg.Wait()
	for _, d := range s.Deployments() {
		send("GET", statusPath+d.ID, "")
	}
	if n, want := s.ContractChecks(), 2*len(s.Requests()); n != want || want != 2*(16*40+320) {
		t.Errorf("%d checks for %d requests", n, len(s.Requests()))
	}
}

// recordingTB is a TB that records what Start reports.
type recordingTB struct {
	errors   []string
	cleanups []func()
}

func (r *recordingTB) Helper()           {}
func (r *recordingTB) Fatal(args ...any) { panic(fmt.Sprint(args...)) }
func (r *recordingTB) Cleanup(f func())  { r.cleanups = append(r.cleanups, f) }
func (r *recordingTB) Errorf(f string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(f, args...))
}

func TestStartFailsTheTestThatBrokeTheContract(t *testing.T) {
	tb := &recordingTB{}
	var reported []Violation
	s := Start(tb, Options{OnContractViolation: func(v Violation) { reported = append(reported, v) }})
	resp, err := http.Post(s.URL()+previewPath, "application/json", strings.NewReader(`{"branch":5}`))
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	for _, f := range tb.cleanups {
		f()
	}
	if len(reported) != 1 || len(tb.errors) != 1 || !strings.Contains(tb.errors[0], "POST "+previewPath+" (answered 401): the request breaks") {
		t.Errorf("reported %v, test errors %q; want the request's violation both ways", reported, tb.errors)
	}
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }
