package emulator

import (
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// sendMessage is POST /v2/agent/{projectId}/job/{id}/message: a follow-up
// that makes the job active again.
func (s *Server) sendMessage(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Prompt *string `json:"prompt"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Prompt == nil || *body.Prompt == "" {
		writeError(w, http.StatusBadRequest, "prompt is required and must be a non-empty string")
		return
	}
	now := s.opts.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	job, ok := s.jobs.byID[r.PathValue("id")]
	switch {
	case !ok || job.ProjectID != r.PathValue("projectId"):
		writeError(w, http.StatusNotFound, "Job not found")
	case job.Status(now) == "archived":
		writeError(w, http.StatusBadRequest, "Cannot send a message to an archived job")
	case s.refused(w, &s.agentLimit, job.ProjectID, now):
	default:
		job.Messages = append(job.Messages, *body.Prompt)
		s.startRun(job, *body.Prompt, now)
		writeJSON(w, http.StatusOK, s.view(w, job, now))
	}
}

// createJobV1 is the deprecated POST /v1/agent/{projectId}/job. It answers
// with the job id in X-Session-Id and streams server-sent events while the
// agent works, ending when the job ends.
func (s *Server) createJobV1(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Messages []struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		} `json:"messages"`
		Branch  string `json:"branch"`
		AsDraft bool   `json:"asDraft"`
		Model   string `json:"model"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Messages == nil {
		writeError(w, http.StatusBadRequest, "messages is required")
		return
	}
	// The prompt is the last user message. The document refuses no list of
	// messages, so none is refused here, even one without a user message.
	var prompt, system string
	for _, m := range body.Messages {
		switch m.Role {
		case "user":
			prompt = m.Content
		case "system":
			system = m.Content
		case "assistant":
		default:
			writeError(w, http.StatusBadRequest, fmt.Sprintf("invalid role %q", m.Role))
			return
		}
	}
	model := s.opts.Model
	switch body.Model {
	case "", "sonnet":
	case "opus":
		model = "claude-opus-4-1"
	default:
		writeError(w, http.StatusBadRequest, `model must be "sonnet" or "opus"`)
		return
	}
	now := s.opts.Now()
	project := r.PathValue("projectId")
	s.mu.Lock()
	if s.refused(w, &s.agentLimit, project, now) {
		s.mu.Unlock()
		return
	}
	job := s.newJob(project, prompt, now)
	job.Model, job.AsDraft, job.SystemPrompt = model, body.AsDraft, system
	if body.Branch != "" {
		job.Branch = body.Branch
	}
	s.jobs.add(job.ID, job)
	until := job.ActiveUntil
	s.mu.Unlock()

	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Session-Id", job.ID)
	w.Header().Set("X-Branch-Name", job.Branch)
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
	event := func(name, data string) {
		_, _ = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", name, data)
		if flusher != nil {
			flusher.Flush()
		}
	}
	event("session", fmt.Sprintf(`{"sessionId":%q,"branch":%q}`, job.ID, job.Branch))
	for step := 1; ; step++ {
		wait := min(time.Until(until), time.Second)
		if wait <= 0 {
			break
		}
		select {
		case <-r.Context().Done():
			return
		case <-time.After(wait):
		}
		event("progress", fmt.Sprintf(`{"step":%d}`, step))
	}
	event("done", `{"status":"finished"}`)
}

// getJobV1 is the deprecated GET /v1/agent/{projectId}/job/{id}. Its
// document lists no 404: a job the key cannot see, because it does not
// exist or is another project's, answers 403 like a project it cannot see.
func (s *Server) getJobV1(w http.ResponseWriter, r *http.Request) {
	now := s.opts.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	job, ok := s.jobs.byID[r.PathValue("id")]
	if !ok || job.ProjectID != r.PathValue("projectId") {
		writeError(w, http.StatusForbidden, "This API key does not have access to this job")
		return
	}
	writeJSON(w, http.StatusOK, s.session(w, job, now))
}

// listJobs is GET /v1/agent/{projectId}/jobs, newest first, paged with
// skip (default 0) and take (default 12, 1 to 100).
func (s *Server) listJobs(w http.ResponseWriter, r *http.Request) {
	skip, take := 0, 12
	for name, dst := range map[string]*int{"skip": &skip, "take": &take} {
		if raw := r.URL.Query().Get(name); raw != "" {
			n, err := strconv.Atoi(raw)
			if err != nil {
				writeError(w, http.StatusBadRequest, name+" must be an integer")
				return
			}
			*dst = n
		}
	}
	if skip < 0 || take < 1 || take > 100 {
		writeError(w, http.StatusBadRequest, "skip must be >= 0 and take between 1 and 100")
		return
	}
	now := s.opts.Now()
	project := r.PathValue("projectId")
	s.mu.Lock()
	defer s.mu.Unlock()
	page := []sessionJSON{}
	seen := 0
	for i := len(s.jobs.order) - 1; i >= 0 && len(page) < take; i-- {
		job := s.jobs.byID[s.jobs.order[i]]
		if job.ProjectID != project {
			continue
		}
		if seen++; seen > skip {
			page = append(page, s.session(w, job, now))
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"allSessions": page})
}
