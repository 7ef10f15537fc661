package mintlify

import (
	"context"
	"errors"
	"net/http"
	"strings"
)

// Deployment statuses the External API documents. Like job statuses, the
// API may add more: callers must treat an unknown one as not finished.
const (
	DeploymentQueued     = "queued"
	DeploymentInProgress = "in_progress"
	DeploymentSuccess    = "success"
	DeploymentFailure    = "failure"
)

// IsDeploymentTerminal reports whether a deployment in this status has
// ended.
func IsDeploymentTerminal(status string) bool {
	return status == DeploymentSuccess || status == DeploymentFailure
}

// IsKnownDeploymentStatus reports whether the status is one the API documents.
func IsKnownDeploymentStatus(status string) bool {
	return status == DeploymentQueued || status == DeploymentInProgress || IsDeploymentTerminal(status)
}

// Deployment is the status of a production or preview deployment, as the
// update-status endpoint reports it.
type Deployment struct {
	ID        string   `json:"_id"`
	ProjectID string   `json:"projectId"`
	CreatedAt *Time    `json:"createdAt"`
	EndedAt   *Time    `json:"endedAt"`
	Status    string   `json:"status"`
	Summary   string   `json:"summary"`
	Logs      []string `json:"logs"`
	Subdomain string   `json:"subdomain"`
	Author    *Author  `json:"author"`
	Commit    Commit   `json:"commit"`
	// Source is what triggered the deployment, such as "api" or "github".
	Source string `json:"source"`
}

// Author is who made the change a deployment publishes.
type Author struct {
	Name         string  `json:"name"`
	AvatarURL    string  `json:"avatarUrl"`
	GitHubUserID float64 `json:"githubUserId"`
}

// Commit is the commit a deployment publishes.
type Commit struct {
	SHA          string       `json:"sha"`
	Ref          string       `json:"ref"`
	Message      string       `json:"message"`
	FilesChanged FilesChanged `json:"filesChanged"`
}

// FilesChanged lists the files a commit added, modified and removed.
type FilesChanged struct {
	Added    []string `json:"added"`
	Modified []string `json:"modified"`
	Removed  []string `json:"removed"`
}

// Preview is a preview deployment just triggered.
type Preview struct {
	StatusID   string `json:"statusId"`
	PreviewURL string `json:"previewUrl"`
}

// AutomationRun is an automation run just queued.
type AutomationRun struct {
	// SchemaID is the automation's id.
	SchemaID   string `json:"schemaId"`
	InstanceID string `json:"instanceId"`
	// JobID is the background job that processes the run.
	JobID string `json:"jobId"`
}

// TriggerDeployment starts a production deployment of the project from its
// deployment branch and returns the status id to follow it with. Like a job
// create, it is never sent twice unless the server certainly refused it.
func (c *Client) TriggerDeployment(ctx context.Context, projectID string) (string, error) {
	var out struct {
		StatusID string `json:"statusId"`
	}
	path := []string{"v1", "project", "update", projectID}
	if err := c.do(ctx, call{method: http.MethodPost, path: path, limit: TriggerLimit}, &out); err != nil {
		return "", err
	}
	if out.StatusID == "" {
		return "", missingField(http.StatusAccepted, path, "statusId")
	}
	return out.StatusID, nil
}

// TriggerPreview starts (or restarts) the preview deployment of a branch.
// It is never sent twice unless the server certainly refused it.
func (c *Client) TriggerPreview(ctx context.Context, projectID, branch string) (*Preview, error) {
	if strings.TrimSpace(branch) == "" {
		return nil, errors.New("the branch must not be empty")
	}
	var out Preview
	path := []string{"v1", "project", "preview", projectID}
	if err := c.do(ctx, call{method: http.MethodPost, path: path, body: map[string]string{"branch": branch}, limit: PreviewLimit}, &out); err != nil {
		return nil, err
	}
	if out.StatusID == "" {
		return nil, missingField(http.StatusAccepted, path, "statusId")
	}
	return &out, nil
}

// GetDeploymentStatus reads a production or preview deployment by its
// status id.
func (c *Client) GetDeploymentStatus(ctx context.Context, statusID string) (*Deployment, error) {
	var d Deployment
	if err := c.do(ctx, call{method: http.MethodGet, path: []string{"v1", "project", "update-status", statusID}}, &d); err != nil {
		return nil, err
	}
	if d.ID == "" {
		d.ID = statusID
	}
	return &d, nil
}

// TriggerAutomation queues a run of a custom-schedule automation now. The
// API has no endpoint to follow the run. It is never sent twice unless the
// server certainly refused it.
func (c *Client) TriggerAutomation(ctx context.Context, projectID, automationID string) (*AutomationRun, error) {
	var out AutomationRun
	path := []string{"v1", "workflow", projectID, automationID, "trigger"}
	if err := c.do(ctx, call{method: http.MethodPost, path: path, limit: TriggerLimit}, &out); err != nil {
		return nil, err
	}
	if out.InstanceID == "" {
		return nil, missingField(http.StatusAccepted, path, "instanceId")
	}
	return &out, nil
}

// missingField is the error for a 2xx answer without the field that names
// what was started.
func missingField(status int, path []string, field string) error {
	return &DecodeError{StatusCode: status, Method: http.MethodPost, Path: "/" + strings.Join(path, "/"),
		Err: errors.New("the answer has no " + field)}
}
