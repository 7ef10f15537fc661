package emulator

import (
	"net/http"
	"regexp"
	"slices"
	"time"
)

// Automation is a workflow the server knows, which a trigger may run.
type Automation struct {
	// ID is 24 hex digits, as the API's are.
	ID string
	// ProjectID is the project it belongs to: Options.ProjectID when empty.
	ProjectID string
	// Inactive automations cannot be triggered (400).
	Inactive bool
	// WithoutCustomSchedule is one that runs on another trigger (a push, say)
	// and so cannot be triggered through the API (400).
	WithoutCustomSchedule bool
}

// AutomationRun is a run a trigger queued.
type AutomationRun struct {
	AutomationID string
	ProjectID    string
	InstanceID   string
	JobID        string
	At           time.Time
}

var objectID = regexp.MustCompile(`^[0-9a-fA-F]{24}$`)

// triggerAutomation is POST /v1/workflow/{projectId}/{workflowSchemaId}/trigger:
// it queues a run of an active automation with a custom schedule.
func (s *Server) triggerAutomation(w http.ResponseWriter, r *http.Request) {
	id, project := r.PathValue("workflowSchemaId"), r.PathValue("projectId")
	s.mu.Lock()
	a, ok := s.automations[id]
	s.mu.Unlock()
	switch {
	case !objectID.MatchString(id):
		writeError(w, http.StatusBadRequest, "Invalid automation ID: expected 24 hexadecimal characters")
		return
	case !ok || a.ProjectID != project:
		writeError(w, http.StatusNotFound, "Automation not found in this project")
		return
	case a.Inactive:
		writeError(w, http.StatusBadRequest, "Automation is not active")
		return
	case a.WithoutCustomSchedule:
		writeError(w, http.StatusBadRequest, "Only automations with a custom schedule can be triggered")
		return
	}
	key, _ := bearerKey(r)
	s.create(w, r, &s.triggerLimit, key, http.StatusAccepted, func(now time.Time) any {
		run := AutomationRun{AutomationID: id, ProjectID: project, InstanceID: newID(), JobID: newID(), At: now}
		s.runs = append(s.runs, run)
		return map[string]string{"schemaId": id, "instanceId": run.InstanceID, "jobId": run.JobID}
	})
}

// AutomationRuns returns the automation runs triggers queued, oldest first.
func (s *Server) AutomationRuns() []AutomationRun {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.runs)
}
