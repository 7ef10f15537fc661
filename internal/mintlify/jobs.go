package mintlify

import (
	"context"
	"errors"
	"net/http"
	"strings"
)

// CreateJob starts an agent job with the v2 API. The request is never sent
// twice unless the server certainly refused it (see retryWrite).
func (c *Client) CreateJob(ctx context.Context, projectID, prompt string) (*AgentJob, error) {
	if strings.TrimSpace(prompt) == "" {
		return nil, errors.New("the prompt must not be empty")
	}
	var job AgentJob
	path := []string{"v2", "agent", projectID, "job"}
	if err := c.do(ctx, call{method: http.MethodPost, path: path, body: map[string]string{"prompt": prompt}, limit: AgentLimit}, &job); err != nil {
		return nil, err
	}
	if job.ID == "" {
		return nil, missingField(http.StatusCreated, path, "job id")
	}
	return &job, nil
}

// GetJob reads one job with the v2 API.
func (c *Client) GetJob(ctx context.Context, projectID, jobID string) (*AgentJob, error) {
	var job AgentJob
	if err := c.do(ctx, call{method: http.MethodGet, path: []string{"v2", "agent", projectID, "job", jobID}}, &job); err != nil {
		return nil, err
	}
	if job.ID == "" {
		job.ID = jobID
	}
	return &job, nil
}

// SendMessage sends a follow-up prompt to a job, which becomes active again
// (the returned job says so).
// Like a create, it is never sent twice unless the server refused it.
func (c *Client) SendMessage(ctx context.Context, projectID, jobID, prompt string) (*AgentJob, error) {
	if strings.TrimSpace(prompt) == "" {
		return nil, errors.New("the follow-up prompt must not be empty")
	}
	var job AgentJob
	err := c.do(ctx, call{method: http.MethodPost, path: []string{"v2", "agent", projectID, "job", jobID, "message"},
		body: map[string]string{"prompt": prompt}, limit: AgentLimit}, &job)
	if err != nil {
		return nil, err
	}
	if job.ID == "" {
		job.ID = jobID
	}
	// The message is processed asynchronously: the job is active again until
	// it has answered, whatever status the acknowledgement still carries, so
	// a caller waiting for it does not stop at the previous run's end.
	if IsTerminal(job.Status) && job.Status != StatusArchived {
		job.Status = StatusActive
	}
	return &job, nil
}
