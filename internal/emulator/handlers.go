package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Request is one request the server answered, for tests to count.
type Request struct {
	Method string
	Path   string
	JobID  string
	// Query is the raw query string.
	Query  string
	Status int
	Body   string
	At     time.Time
	// WithKey is whether the request carried an Authorization header.
	WithKey bool
	// UserAgent names the provider build that sent the request.
	UserAgent string
}

func (s *Server) routes() {
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("POST /v2/agent/{projectId}/job", s.authorized(s.createJob))
	s.mux.HandleFunc("GET /v2/agent/{projectId}/job/{id}", s.authorized(s.getJob))
	s.mux.HandleFunc("POST /v2/agent/{projectId}/job/{id}/message", s.authorized(s.sendMessage))
	s.mux.HandleFunc("POST /v1/agent/{projectId}/job", s.authorized(s.createJobV1))
	s.mux.HandleFunc("GET /v1/agent/{projectId}/job/{id}", s.authorized(s.getJobV1))
	s.mux.HandleFunc("GET /v1/agent/{projectId}/jobs", s.authorized(s.listJobs))
	s.mux.HandleFunc("POST /v1/project/update/{projectId}", s.authorized(s.triggerUpdate))
	s.mux.HandleFunc("POST /v1/project/preview/{projectId}", s.authorized(s.triggerPreview))
	s.mux.HandleFunc("GET /v1/project/update-status/{statusId}", s.authorized(s.getDeployment))
	s.mux.HandleFunc("POST /v1/workflow/{projectId}/{workflowSchemaId}/trigger", s.authorized(s.triggerAutomation))
	s.mux.HandleFunc("POST /v1/static-export/jobs", s.authorized(s.startStaticExport))
	s.mux.HandleFunc("GET /v1/static-export/jobs/{jobId}", s.authorized(s.getStaticExport))
	s.mux.HandleFunc("POST /v1/static-export/jobs/{jobId}/bundle", s.authorized(s.bundleStaticExport))
	s.analyticsRoutes()
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "Not found")
	})
}

// ServeHTTP answers the request, checks both against the OpenAPI documents
// and records the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	r.Body = io.NopCloser(bytes.NewReader(body))
	x := s.newExchange(w, r, body)
	if !s.injectBefore(x, r) {
		s.mux.ServeHTTP(x, r)
	}
	x.finish()
	s.mu.Lock()
	s.requests = append(s.requests, Request{
		Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, JobID: r.PathValue("id"),
		Status: x.status, Body: string(body), At: s.opts.Now(),
		WithKey: r.Header.Get("Authorization") != "", UserAgent: r.UserAgent(),
	})
	s.mu.Unlock()
}

// authorized checks the bearer key (401 when it is missing, unknown or
// expired), its scope and IP allowlist (403), and that it may use the
// project in the path (403). A project the key may not use answers 403
// whether or not it exists: 403 is an answer of every endpoint, where most
// document no 404, and an organization's key learns nothing about other
// organizations' projects.
func (s *Server) authorized(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		key, ok := bearerKey(r)
		k := s.keys[key]
		if !ok || k == nil {
			writeError(w, http.StatusUnauthorized, "Invalid or missing API key. Use an admin API key (mint_...) as a Bearer token.")
			return
		}
		if status, msg := k.refusal(r); status != 0 {
			writeError(w, status, msg)
			return
		}
		next(w, r)
	}
}

func bearerKey(r *http.Request) (string, bool) {
	return strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// mayUse says whether the request's key may use project.
func (s *Server) mayUse(r *http.Request, project string) bool {
	key, _ := bearerKey(r)
	k := s.keys[key]
	return k != nil && k.projects[project]
}

// create does what every create and trigger does around act: the fault's
// latency, the rate-limit storm and limit l for budget key (nil: no limit,
// but the storm), act with s.mu held, the fault's 500 after it took
// effect, and otherwise the answer, status with what act returned.
func (s *Server) create(w http.ResponseWriter, r *http.Request, l *rateLimit, key string, status int, act func(now time.Time) any) {
	s.createLatency(r)
	now := s.opts.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if l == nil && s.rejectStorm(w, "Rate limit exceeded") || l != nil && s.refused(w, l, key, now) {
		return
	}
	answer := act(now)
	if s.errorAfterCreate(w) {
		return
	}
	writeJSON(w, status, answer)
}

// decodeBody reads the request's body into v, or answers 400 when it is not
// JSON, and says whether it read it. A field of the wrong type is left
// unset, for the handler to refuse as missing.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	raw, _ := io.ReadAll(r.Body)
	if !json.Valid(raw) {
		writeError(w, http.StatusBadRequest, "The request body is not valid JSON")
		return false
	}
	_ = json.Unmarshal(raw, v)
	return true
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// Requests returns the request log, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// CountRequests counts logged requests with this method whose path ends with
// suffix ("" matches every path).
func (s *Server) CountRequests(method, suffix string) int {
	n := 0
	for _, r := range s.Requests() {
		if r.Method == method && strings.HasSuffix(r.Path, suffix) {
			n++
		}
	}
	return n
}
