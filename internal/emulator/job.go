package emulator

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// JobOptions steer agent jobs.
type JobOptions struct {
	// Duration is how long a job stays active (a prompt marker overrides it).
	Duration time.Duration
	// FailAll makes every job end "failed".
	FailAll bool
	// Model and Repository are what every job reports.
	Model      string
	Repository string
}

// Job is an emulated agent job, with what the server measured about it.
type Job struct {
	ID        string
	ProjectID string
	Prompt    string
	// Messages are the follow-up prompts, in the order received.
	Messages    []string
	CreatedAt   time.Time
	ActiveUntil time.Time
	// Outcome is the status the job ends in: "completed", "failed", or any
	// string a test chose with [emulator:status=...].
	Outcome    string
	WithPR     bool
	Model      string
	Branch     string
	ArchivedAt *time.Time
	// Created with the v1 endpoint: its options.
	AsDraft      bool
	SystemPrompt string

	// Polls counts the GETs of this job; SeenEndedAt is when a GET first
	// answered with the job ended (zero until then).
	Polls       int
	SeenEndedAt time.Time
}

// Status is the job's status at now.
func (j *Job) Status(now time.Time) string {
	switch {
	case j.ArchivedAt != nil && !now.Before(*j.ArchivedAt):
		return "archived"
	case now.Before(j.ActiveUntil):
		return "active"
	default:
		return j.Outcome
	}
}

// jobJSON is the AgentJob schema of the OpenAPI document.
type jobJSON struct {
	ID         string     `json:"id"`
	Status     string     `json:"status"`
	Source     sourceJSON `json:"source"`
	Model      string     `json:"model"`
	PRLink     *string    `json:"prLink"`
	CreatedAt  string     `json:"createdAt"`
	ArchivedAt *string    `json:"archivedAt"`
}

type sourceJSON struct {
	Repository string  `json:"repository"`
	Ref        *string `json:"ref"`
}

const timeLayout = "2006-01-02T15:04:05.000Z07:00"

// view is the job as the API shows it, in an answer written to w. Called
// with s.mu held.
func (s *Server) view(w http.ResponseWriter, j *Job, now time.Time) jobJSON {
	out := j.view(now, s.opts.Jobs.Repository)
	if out.Status == "active" && s.faults.ActiveStatus != "" {
		out.Status = s.faults.ActiveStatus
		injected(w)
	}
	return out
}

func (j *Job) view(now time.Time, repository string) jobJSON {
	status := j.Status(now)
	out := jobJSON{
		ID:        j.ID,
		Status:    status,
		Source:    sourceJSON{Repository: repository, Ref: &j.Branch},
		Model:     j.Model,
		CreatedAt: j.CreatedAt.UTC().Format(timeLayout),
	}
	if status != "active" && j.WithPR && j.Outcome == "completed" {
		link := repository + "/pull/" + j.ID[:6]
		out.PRLink = &link
	}
	if status == "archived" {
		at := j.ArchivedAt.UTC().Format(timeLayout)
		out.ArchivedAt = &at
	}
	return out
}

// sessionJSON is the v1 shape of a job (get and list).
type sessionJSON struct {
	SessionID       string     `json:"sessionId"`
	Subdomain       string     `json:"subdomain"`
	Branch          *string    `json:"branch"`
	Haulted         bool       `json:"haulted"`
	HaultReason     string     `json:"haultReason"`
	PullRequestLink string     `json:"pullRequestLink,omitempty"`
	MessageToUser   string     `json:"messageToUser,omitempty"`
	Todos           []todoJSON `json:"todos"`
	Title           string     `json:"title"`
	CreatedAt       string     `json:"createdAt"`
}

type todoJSON struct {
	ID       string `json:"id"`
	Content  string `json:"content"`
	Status   string `json:"status"`
	Priority string `json:"priority"`
}

// session is the job in the v1 shape, in an answer written to w. Called
// with s.mu held.
func (s *Server) session(w http.ResponseWriter, j *Job, now time.Time) sessionJSON {
	v := s.view(w, j, now)
	out := sessionJSON{
		SessionID: j.ID, Subdomain: j.ProjectID, Branch: &j.Branch,
		Title:     firstWords(j.Prompt, 8),
		CreatedAt: v.CreatedAt,
		Todos: []todoJSON{
			{ID: j.ID[:4] + "-1", Content: "Read the existing docs", Status: "completed", Priority: "high"},
			{ID: j.ID[:4] + "-2", Content: "Write the changes", Status: "in_progress", Priority: "medium"},
		},
	}
	switch v.Status {
	case "active":
		out.HaultReason = "processing"
	case "failed":
		out.Haulted, out.HaultReason = true, "error"
		out.MessageToUser = "The agent could not finish the task."
	default:
		out.Haulted, out.HaultReason = true, "completed"
		out.Todos[1].Status = "completed"
		out.MessageToUser = "Done: the changes are in a pull request."
	}
	if v.PRLink != nil {
		out.PullRequestLink = *v.PRLink
	}
	return out
}

func firstWords(s string, n int) string {
	words := strings.Fields(markerPattern.ReplaceAllString(s, ""))
	return strings.Join(words[:min(n, len(words))], " ")
}

// readPrompt reads the prompt of a v2 create or message body, or answers
// 400 when it is missing or empty, and says whether it read one.
func readPrompt(w http.ResponseWriter, r *http.Request) (string, bool) {
	var body struct {
		Prompt *string `json:"prompt"`
	}
	if !decodeBody(w, r, &body) {
		return "", false
	}
	if body.Prompt == nil || *body.Prompt == "" {
		writeError(w, http.StatusBadRequest, "prompt is required and must be a non-empty string")
		return "", false
	}
	return *body.Prompt, true
}

func (s *Server) createJob(w http.ResponseWriter, r *http.Request) {
	prompt, ok := readPrompt(w, r)
	if !ok {
		return
	}
	project := r.PathValue("projectId")
	s.create(w, r, &s.agentLimit, project, http.StatusCreated, func(now time.Time) any {
		job := s.newJob(project, prompt, now)
		s.jobs.add(job.ID, job)
		return s.view(w, job, now)
	})
}

func (s *Server) getJob(w http.ResponseWriter, r *http.Request) {
	now := s.opts.Now()
	s.mu.Lock()
	job, ok := s.jobs.byID[r.PathValue("id")]
	if !ok || job.ProjectID != r.PathValue("projectId") {
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, "Job not found")
		return
	}
	job.Polls++
	if job.Status(now) != "active" && job.SeenEndedAt.IsZero() {
		job.SeenEndedAt = now
	}
	view := s.view(w, job, now)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, view)
}

// Jobs returns copies of every job, oldest first.
func (s *Server) Jobs() []Job { return s.jobs.all() }

// Job returns a copy of one job.
func (s *Server) Job(id string) (Job, bool) { return s.jobs.one(id) }

// DeleteJob forgets a job, as if it were removed behind Terraform's back.
func (s *Server) DeleteJob(id string) { s.jobs.forget(id) }

// ArchiveJob archives a job now.
func (s *Server) ArchiveJob(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if j, ok := s.jobs.byID[id]; ok {
		now := s.opts.Now()
		j.ArchivedAt = &now
	}
}

// newJob builds a job from its prompt's markers and the server's options.
func (s *Server) newJob(projectID, prompt string, now time.Time) *Job {
	j := &Job{
		ID:        newID(),
		ProjectID: projectID,
		Prompt:    prompt,
		CreatedAt: now,
		Model:     s.opts.Jobs.Model,
	}
	j.Branch = "mintlify/agent-" + j.ID[:8]
	s.startRun(j, prompt, now)
	return j
}

// startRun makes the job active for a run on prompt (the first prompt or a
// follow-up), its duration and outcome steered by the prompt's markers.
func (s *Server) startRun(j *Job, prompt string, now time.Time) {
	j.Outcome, j.WithPR, j.ArchivedAt = "completed", true, nil
	if s.opts.Jobs.FailAll {
		j.Outcome = "failed"
	}
	duration, archive := s.opts.Jobs.Duration, false
	for _, m := range markerPattern.FindAllStringSubmatch(prompt, -1) {
		switch m[1] {
		case "fail":
			j.Outcome = "failed"
		case "archive":
			archive = true
		case "no-pr":
			j.WithPR = false
		case "duration":
			if d, err := time.ParseDuration(m[2]); err == nil && d >= 0 {
				duration = d
			}
		case "status":
			j.Outcome = m[2]
		}
	}
	j.ActiveUntil = now.Add(duration)
	j.SeenEndedAt = time.Time{}
	if archive {
		j.ArchivedAt = &j.ActiveUntil
	}
}

// sendMessage is POST /v2/agent/{projectId}/job/{id}/message: a follow-up
// that makes the job active again.
func (s *Server) sendMessage(w http.ResponseWriter, r *http.Request) {
	prompt, ok := readPrompt(w, r)
	if !ok {
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
		job.Messages = append(job.Messages, prompt)
		s.startRun(job, prompt, now)
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
	model := s.opts.Jobs.Model
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
