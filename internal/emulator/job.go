package emulator

import "time"

// Job is an emulated agent job, with what the server measured about it.
type Job struct {
	ID          string
	ProjectID   string
	Prompt      string
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

// view is the job as the API shows it. Called with s.mu held.
func (s *Server) view(j *Job, now time.Time) jobJSON {
	out := j.view(now, s.opts.Repository)
	if out.Status == "active" && s.faults.ActiveStatus != "" {
		out.Status = s.faults.ActiveStatus
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
