package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

// Request is one request the server answered, for tests to count.
type Request struct {
	Method string
	Path   string
	JobID  string
	Status int
	Body   string
	At     time.Time
	// WithKey is whether the request carried an Authorization header.
	WithKey bool
}

func (s *Server) routes() {
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("POST /v2/agent/{projectId}/job", s.authorized(s.createJob))
	s.mux.HandleFunc("GET /v2/agent/{projectId}/job/{id}", s.authorized(s.getJob))
	s.mux.HandleFunc("POST /v2/agent/{projectId}/job/{id}/message", s.authorized(s.sendMessage))
	s.mux.HandleFunc("POST /v1/agent/{projectId}/job", s.authorized(s.createJobV1))
	s.mux.HandleFunc("GET /v1/agent/{projectId}/job/{id}", s.authorized(s.getJobV1))
	s.mux.HandleFunc("GET /v1/agent/{projectId}/jobs", s.authorized(s.listJobs))
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "Not found")
	})
}

// ServeHTTP records the request and answers it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	r.Body = io.NopCloser(strings.NewReader(string(body)))
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	if !s.injectBefore(rec, r) {
		s.mux.ServeHTTP(rec, r)
	}
	s.mu.Lock()
	s.requests = append(s.requests, Request{
		Method: r.Method, Path: r.URL.Path, JobID: r.PathValue("id"),
		Status: rec.status, Body: string(body), At: s.opts.Now(),
		WithKey: r.Header.Get("Authorization") != "",
	})
	s.mu.Unlock()
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// authorized checks the bearer key, that the project exists and that the key
// may use it, in that order, as the real API answers 401, 404 and 403.
func (s *Server) authorized(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		s.mu.Lock()
		projects, known := s.access[key]
		project := r.PathValue("projectId")
		exists := s.projects[project]
		s.mu.Unlock()
		switch {
		case !ok || !known:
			writeError(w, http.StatusUnauthorized, "Invalid or missing API key. Use an admin API key (mint_...) as a Bearer token.")
		case !exists:
			writeError(w, http.StatusNotFound, "Project not found")
		case !projects[project]:
			writeError(w, http.StatusForbidden, "This API key does not have access to this project")
		default:
			next(w, r)
		}
	}
}

func (s *Server) createJob(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Prompt *string `json:"prompt"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeError(w, http.StatusBadRequest, "Invalid JSON body")
		return
	}
	if body.Prompt == nil || *body.Prompt == "" {
		writeError(w, http.StatusBadRequest, "prompt is required and must be a non-empty string")
		return
	}
	s.mu.Lock()
	latency := s.faults.CreateLatency
	s.mu.Unlock()
	if latency > 0 {
		sleepCtx(r, latency)
	}
	now := s.opts.Now()
	project := r.PathValue("projectId")
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.rateLimited(w, project, now) {
		return
	}
	job := s.newJob(project, *body.Prompt, now)
	s.jobs[job.ID] = job
	s.order = append(s.order, job.ID)
	if s.faults.CreateErrorAfterCreate > 0 {
		s.faults.CreateErrorAfterCreate--
		writeError(w, http.StatusInternalServerError, "Internal server error")
		return
	}
	writeJSON(w, http.StatusCreated, s.view(job, now))
}

func (s *Server) getJob(w http.ResponseWriter, r *http.Request) {
	now := s.opts.Now()
	s.mu.Lock()
	job, ok := s.jobs[r.PathValue("id")]
	if !ok || job.ProjectID != r.PathValue("projectId") {
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, "Job not found")
		return
	}
	job.Polls++
	if job.Status(now) != "active" && job.SeenEndedAt.IsZero() {
		job.SeenEndedAt = now
	}
	view := s.view(job, now)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, view)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
