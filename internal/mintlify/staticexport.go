package mintlify

import (
	"context"
	"errors"
	"net/http"
	"strings"
)

// Static export statuses the API documents. It may add more: callers must
// treat an unknown one as not finished.
const (
	StaticExportQueued    = "queued"
	StaticExportRunning   = "running"
	StaticExportCompleted = "completed"
	StaticExportFailed    = "failed"
)

// IsStaticExportTerminal reports whether a static export in this status has
// ended.
func IsStaticExportTerminal(status string) bool {
	return status == StaticExportCompleted || status == StaticExportFailed
}

// IsKnownStaticExportStatus reports whether the status is one the API
// documents.
func IsKnownStaticExportStatus(status string) bool {
	return status == StaticExportQueued || status == StaticExportRunning || IsStaticExportTerminal(status)
}

// StaticExportRequest starts a static export of a deployment.
type StaticExportRequest struct {
	// Domain is the deployment's hostname alone (docs.example.com, or the
	// project's mintlify.app subdomain): no scheme, path or trailing slash.
	Domain string `json:"domain"`
	// Version labels the export; empty, the latest published version.
	Version string `json:"version,omitempty"`
	// Paths are the pages to export; empty, every published page.
	Paths []string `json:"paths,omitempty"`
}

// StaticExport is a static export job: queued, running (Progress and
// PageCount rising), then completed or failed (with Error).
type StaticExport struct {
	JobID  string `json:"jobId"`
	Status string `json:"status"`
	// Progress is a percentage, from 0 to 100.
	Progress float64 `json:"progress"`
	// PageCount is how many pages are exported so far.
	PageCount int   `json:"pageCount"`
	CreatedAt *Time `json:"createdAt"`
	UpdatedAt *Time `json:"updatedAt"`
	// Error says what went wrong, when the job failed.
	Error string `json:"error"`
}

// StaticExportBundle is a download link to a completed job's bundle. The
// link expires at ExpiresAt; asking again gives a fresh one.
type StaticExportBundle struct {
	JobID     string `json:"jobId"`
	BundleURL string `json:"bundleUrl"`
	SizeBytes int64  `json:"sizeBytes"`
	ExpiresAt *Time  `json:"expiresAt"`
}

// StartStaticExport starts a static export job. Like a job create, it is
// never sent twice unless the server certainly refused it.
func (c *Client) StartStaticExport(ctx context.Context, r StaticExportRequest) (*StaticExport, error) {
	if strings.TrimSpace(r.Domain) == "" {
		return nil, errors.New("the domain must not be empty")
	}
	var job StaticExport
	path := []string{"v1", "static-export", "jobs"}
	if err := c.do(ctx, call{method: http.MethodPost, path: path, body: r}, &job); err != nil {
		return nil, err
	}
	if job.JobID == "" {
		return nil, missingField(http.StatusAccepted, path, "jobId")
	}
	return &job, nil
}

// GetStaticExport reads a static export job.
func (c *Client) GetStaticExport(ctx context.Context, jobID string) (*StaticExport, error) {
	var job StaticExport
	if err := c.do(ctx, call{method: http.MethodGet, path: []string{"v1", "static-export", "jobs", jobID}}, &job); err != nil {
		return nil, err
	}
	if job.JobID == "" {
		job.JobID = jobID
	}
	return &job, nil
}

// StaticExportBundle asks for a link to a completed job's bundle. A job
// that has not completed answers a *BundleNotReadyError. Asking again only
// gives a fresh link to the same files, so the call is retried like a read.
func (c *Client) StaticExportBundle(ctx context.Context, jobID string) (*StaticExportBundle, error) {
	var bundle StaticExportBundle
	path := []string{"v1", "static-export", "jobs", jobID, "bundle"}
	err := c.do(ctx, call{method: http.MethodPost, path: path, idempotent: true}, &bundle)
	var api *APIError
	if errors.As(err, &api) && api.StatusCode == http.StatusConflict {
		return nil, &BundleNotReadyError{api}
	}
	if err != nil {
		return nil, err
	}
	if bundle.BundleURL == "" {
		return nil, missingField(http.StatusOK, path, "bundleUrl")
	}
	if bundle.JobID == "" {
		bundle.JobID = jobID
	}
	return &bundle, nil
}
