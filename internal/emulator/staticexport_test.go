package emulator

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

const staticExportsPath = "/v1/static-export/jobs"

// startExport starts a static export and returns its jobId.
func startExport(t *testing.T, s *Server, body string) string {
	t.Helper()
	code, out := call(t, s, "POST", staticExportsPath, DefaultAPIKey, body)
	id, _ := out["jobId"].(string)
	if code != http.StatusAccepted || !strings.HasPrefix(id, "se_") || out["status"] != StaticExportQueued {
		t.Fatalf("start: HTTP %d %v; want 202 with a queued job", code, out)
	}
	return id
}

func exportState(t *testing.T, s *Server, id string) map[string]any {
	t.Helper()
	code, out := call(t, s, "GET", staticExportsPath+"/"+id, DefaultAPIKey, "")
	if code != http.StatusOK {
		t.Fatalf("get %s: HTTP %d %v", id, code, out)
	}
	return out
}

func TestStaticExportProgresses(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now, StaticExports: StaticExportOptions{Queued: 2 * time.Second, Duration: 10 * time.Second, Pages: 40}})
	id := startExport(t, s, `{"domain":"docs.example.com","version":"2026-06-01"}`)
	created := "2026-12-01T07:55:47.120Z"
	if st := exportState(t, s, id); st["progress"] != 0.0 || st["pageCount"] != 0.0 || st["createdAt"] != created || st["updatedAt"] != created {
		t.Errorf("queued: %v", st)
	}
	clock.advance(2 * time.Second)
	var progress, pages float64
	updated := created
	for i := range 4 {
		clock.advance(2 * time.Second)
		st := exportState(t, s, id)
		p, _ := st["progress"].(float64)
		n, _ := st["pageCount"].(float64)
		if st["status"] != StaticExportRunning || p <= progress || p >= 100 || n <= pages || st["updatedAt"] == updated || st["error"] != nil {
			t.Errorf("running, step %d: %v; want progress and pageCount rising, updatedAt moving", i, st)
		}
		progress, pages, updated = p, n, str(st["updatedAt"])
	}
	if pages != 32 || progress != 80 || updated != "2026-12-01T07:55:57.120Z" {
		t.Errorf("after 8s of 10: %v pages, %v%%, updated %s; want 32, 80 and 8s in", pages, progress, updated)
	}
	clock.advance(2 * time.Second)
	if st := exportState(t, s, id); st["status"] != StaticExportCompleted || st["progress"] != 100.0 || st["pageCount"] != 40.0 ||
		st["updatedAt"] != "2026-12-01T07:55:59.120Z" {
		t.Errorf("at the end: %v; want completed, 100%%, 40 pages, updated when it ended", st)
	}
	e, ok := s.StaticExport(id)
	if !ok || e.Polls != 6 || e.Domain != "docs.example.com" || e.Version != "2026-06-01" || e.Key != DefaultAPIKey {
		t.Errorf("record: %+v", e)
	}
	if all := s.StaticExports(); len(all) != 1 || all[0].ID != id {
		t.Errorf("StaticExports() = %+v", all)
	}
	s.DeleteStaticExport(id)
	if code, _ := call(t, s, "GET", staticExportsPath+"/"+id, DefaultAPIKey, ""); code != http.StatusNotFound {
		t.Errorf("deleted job: HTTP %d, want 404", code)
	}
}

func TestStaticExportMarkersAndPaths(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now})
	failing := startExport(t, s, `{"domain":"acme.mintlify.app","version":"v2 [emulator:fail] [emulator:queued=1m] [emulator:duration=20s]","paths":["index","guides/start"]}`)
	plain := startExport(t, s, `{"domain":"acme.mintlify.app","paths":["index","guides/start","api/intro"]}`)
	clock.advance(59 * time.Second)
	if st := exportState(t, s, failing); st["status"] != StaticExportQueued {
		t.Errorf("after 59s of a 1m queue: %v", st["status"])
	}
	if st := exportState(t, s, plain); st["status"] != StaticExportCompleted || st["pageCount"] != 3.0 {
		t.Errorf("an export of 3 paths after the server's durations: %v", st)
	}
	clock.advance(time.Second)
	if st := exportState(t, s, failing); st["status"] != StaticExportRunning {
		t.Errorf("after its queue: %v", st["status"])
	}
	clock.advance(20 * time.Second)
	st := exportState(t, s, failing)
	if msg, _ := st["error"].(string); st["status"] != StaticExportFailed || msg == "" || st["progress"] != 50.0 || st["pageCount"] != 1.0 {
		t.Errorf("[emulator:fail]: %v; want failed on its last page with an error", st)
	}
}

func TestStaticExportRefusals(t *testing.T) {
	s := New(Options{Keys: map[string][]string{"mint_other_org": {"other"}}})
	for body, says := range map[string]string{
		`{"domain":""}`:                                 "domain is required",
		`{"domain":"https://docs.example.com"}`:         "without a protocol",
		`{"domain":"docs.example.com/"}`:                "trailing slash",
		`{"domain":"example.com/docs"}`:                 "without a path",
		`{"domain":"docs example.com"}`:                 "not a valid hostname",
		`{"domain":"docs.example.com","paths":[""]}`:    "paths[0]",
		`{"domain":"docs.example.com","paths":["a b"]}`: "paths[0]",
		`not json`: "not valid JSON",
	} {
		code, out := call(t, s, "POST", staticExportsPath, DefaultAPIKey, body)
		if msg, _ := out["error"].(string); code != http.StatusBadRequest || !strings.Contains(msg, says) {
			t.Errorf("%s: HTTP %d %v; want 400 saying %q", body, code, out, says)
		}
	}
	if n := len(s.StaticExports()); n != 0 {
		t.Errorf("%d jobs after refusals", n)
	}
	id := startExport(t, s, `{"domain":"docs.example.com"}`)
	for name, path := range map[string]string{"get": staticExportsPath + "/" + id, "bundle": staticExportsPath + "/" + id + "/bundle"} {
		method := map[string]string{"get": "GET", "bundle": "POST"}[name]
		if code, _ := call(t, s, method, path, "mint_other_org", ""); code != http.StatusNotFound {
			t.Errorf("%s by another organization's key: HTTP %d, want 404", name, code)
		}
	}
	if violations := s.ContractViolations(); len(violations) != 1 || violations[0].Part != "request" {
		t.Errorf("violations %v; want only the body that is not JSON's", violations)
	}

	off := newServer(t, Options{StaticExports: StaticExportOptions{Disabled: true}})
	if code, out := call(t, off, "POST", staticExportsPath, DefaultAPIKey, `{"domain":"docs.example.com"}`); code != http.StatusForbidden ||
		!strings.Contains(str(out["error"]), "not enabled") {
		t.Errorf("static export disabled: HTTP %d %v", code, out)
	}
}

func TestStaticExportBundle(t *testing.T) {
	clock := newClock()
	s := newServer(t, Options{Now: clock.now, ReadOnlyKeys: []string{"mint_read"}, StaticExports: StaticExportOptions{BundleLinkLifetime: 90 * time.Second}})
	id := startExport(t, s, `{"domain":"docs.example.com"}`)
	failing := startExport(t, s, `{"domain":"docs.example.com","version":"[emulator:fail]"}`)
	bundle := staticExportsPath + "/" + id + "/bundle"
	if code, out := call(t, s, "POST", bundle, DefaultAPIKey, ""); code != http.StatusConflict || !strings.Contains(str(out["error"]), "not completed") {
		t.Errorf("bundle of a queued job: HTTP %d %v; want 409", code, out)
	}
	clock.advance(DefaultStaticExportQueued + DefaultStaticExportDuration/2)
	if code, _ := call(t, s, "POST", bundle, DefaultAPIKey, ""); code != http.StatusConflict {
		t.Errorf("bundle of a running job: HTTP %d, want 409", code)
	}
	clock.advance(DefaultStaticExportDuration)
	if code, out := call(t, s, "POST", staticExportsPath+"/"+failing+"/bundle", DefaultAPIKey, ""); code != http.StatusConflict || !strings.Contains(str(out["error"]), "failed") {
		t.Errorf("bundle of a failed job: HTTP %d %v; want 409 saying it failed", code, out)
	}
	if code, _ := call(t, s, "POST", staticExportsPath+"/se_0000000000000000/bundle", DefaultAPIKey, ""); code != http.StatusNotFound {
		t.Errorf("bundle of an unknown job: HTTP %d, want 404", code)
	}
	if code, _ := call(t, s, "POST", bundle, "mint_read", ""); code != http.StatusForbidden {
		t.Errorf("bundle with a read-only key: HTTP %d, want 403 (it is a POST)", code)
	}
	links := map[string]bool{}
	for range 2 {
		code, out := call(t, s, "POST", bundle, DefaultAPIKey, "")
		link, _ := out["bundleUrl"].(string)
		u, err := url.Parse(link)
		if code != http.StatusOK || err != nil || u.Scheme != "https" || u.Query().Get("X-Amz-Expires") != "90" || u.Query().Get("X-Amz-Signature") == "" ||
			out["jobId"] != id || num(out["sizeBytes"]) <= 0 {
			t.Fatalf("bundle: HTTP %d %v", code, out)
		}
		if want := clock.t.Add(90 * time.Second).Format(timeLayout); out["expiresAt"] != want {
			t.Errorf("expiresAt %v, want %s", out["expiresAt"], want)
		}
		links[link] = true
	}
	if e, _ := s.StaticExport(id); len(links) != 2 || e.Bundles != 2 {
		t.Errorf("%d links for 2 bundle calls, %d counted; want a fresh link each time", len(links), e.Bundles)
	}
	if st := exportState(t, s, id); st["status"] != StaticExportCompleted {
		t.Errorf("the job after its bundles: %v; want it still completed", st["status"])
	}
}

func TestFaultsOnStaticExports(t *testing.T) {
	s := newServer(t, Options{})
	start := `{"domain":"docs.example.com"}`
	s.SetFaults(Faults{Reject429: 1, RetryAfter: 5 * time.Second})
	if rec := do(s, "POST", staticExportsPath, DefaultAPIKey, start); rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "5" {
		t.Errorf("Reject429: HTTP %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	s.SetFaults(Faults{CreateErrorAfterCreate: 1})
	if rec := do(s, "POST", staticExportsPath, DefaultAPIKey, start); rec.Code != http.StatusInternalServerError || len(s.StaticExports()) != 1 {
		t.Errorf("CreateErrorAfterCreate: HTTP %d with %d jobs; want 500 and the job started", rec.Code, len(s.StaticExports()))
	}
	const latency = 30 * time.Millisecond
	s.SetFaults(Faults{CreateLatency: latency})
	begin := time.Now()
	id := startExport(t, s, start)
	if time.Since(begin) < latency {
		t.Errorf("CreateLatency: answered after %s", time.Since(begin))
	}
	s.SetFaults(Faults{GetErrorRate: 1, GetErrorCodes: []int{502}})
	if rec := do(s, "GET", staticExportsPath+"/"+id, DefaultAPIKey, ""); rec.Code != http.StatusBadGateway {
		t.Errorf("GetErrorRate on a poll: HTTP %d, want 502", rec.Code)
	}
	s.SetFaults(Faults{MalformedRate: 1})
	if rec := do(s, "GET", staticExportsPath+"/"+id, DefaultAPIKey, ""); rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/html" {
		t.Errorf("MalformedRate on a poll: HTTP %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if e, _ := s.StaticExport(id); e.Polls != 0 {
		t.Errorf("made-up answers counted as %d polls", e.Polls)
	}
}

// str, num and object read a decoded JSON value of a known kind; anything
// else reads as the zero value, which the assertions then reject.
func str(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) float64 {
	n, _ := v.(float64)
	return n
}

func object(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}
