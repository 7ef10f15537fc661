// Package mintlify is a small client for Mintlify's API: agent jobs,
// deployments and previews, automations, static exports, analytics.
//
// It knows nothing about Terraform: it speaks HTTP to the endpoints described
// in Mintlify's OpenAPI documents and returns typed values and errors.
package mintlify

// Job statuses the v2 API documents. The API may add more; callers must treat
// an unknown status as "not finished yet".
const (
	StatusActive    = "active"
	StatusCompleted = "completed"
	StatusFailed    = "failed"
	StatusArchived  = "archived"
)

// AgentJob is the v2 representation of an agent job.
type AgentJob struct {
	ID         string    `json:"id"`
	Status     string    `json:"status"`
	Source     JobSource `json:"source"`
	Model      string    `json:"model"`
	PRLink     *string   `json:"prLink"`
	CreatedAt  *Time     `json:"createdAt"`
	ArchivedAt *Time     `json:"archivedAt"`
}

// JobSource names the repository and branch an agent job works on.
type JobSource struct {
	Repository string  `json:"repository"`
	Ref        *string `json:"ref"`
}

// IsTerminal reports whether a job in this status will not change again
// without a new message.
func IsTerminal(status string) bool {
	return status == StatusCompleted || status == StatusFailed || status == StatusArchived
}

// IsKnownStatus reports whether the status is one the API documents.
func IsKnownStatus(status string) bool {
	return status == StatusActive || IsTerminal(status)
}
