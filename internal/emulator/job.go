package emulator

import (
	"net/http"
	"strings"
	"time"
)

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
	out := j.view(now, s.opts.Repository)
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
