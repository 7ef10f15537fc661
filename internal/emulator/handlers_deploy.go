package emulator

import (
	"net/http"
	"time"
)

// triggerUpdate is POST /v1/project/update/{projectId}: a production
// deployment of DeploymentBranch, within the organization's trigger budget
// (shared with automation triggers).
func (s *Server) triggerUpdate(w http.ResponseWriter, r *http.Request) {
	key, _ := bearerKey(r)
	s.create(w, r, &s.triggerLimit, key, http.StatusAccepted, func(now time.Time) any {
		d := s.addDeployment(r.PathValue("projectId"), DeploymentBranch, false, now)
		return map[string]string{"statusId": d.ID}
	})
}

// triggerPreview is POST /v1/project/preview/{projectId}: a preview
// deployment of a branch, within the organization's preview budget.
func (s *Server) triggerPreview(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Branch string `json:"branch"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Branch == "" {
		writeError(w, http.StatusBadRequest, "branch is required and must be a non-empty string")
		return
	}
	if s.opts.PreviewsDisabled {
		writeError(w, http.StatusForbidden, "Preview deployments are not available on your current plan.")
		return
	}
	key, _ := bearerKey(r)
	s.create(w, r, &s.previewLimit, key, http.StatusAccepted, func(now time.Time) any {
		d := s.addDeployment(r.PathValue("projectId"), body.Branch, true, now)
		return map[string]string{"statusId": d.ID, "previewUrl": d.PreviewURL}
	})
}

// addDeployment creates and records a deployment. Called with s.mu held.
func (s *Server) addDeployment(projectID, branch string, preview bool, now time.Time) *Deployment {
	d := s.newDeployment(projectID, branch, preview, now)
	s.deployments.add(d.ID, d)
	return d
}

// getDeployment is GET /v1/project/update-status/{statusId}. The path names
// no project: a status of a project the key may not use answers 404, like
// one that does not exist, so a key learns nothing about other projects.
func (s *Server) getDeployment(w http.ResponseWriter, r *http.Request) {
	now := s.opts.Now()
	s.mu.Lock()
	d, ok := s.deployments.byID[r.PathValue("statusId")]
	if !ok || !s.mayUse(r, d.ProjectID) {
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, "Deployment status not found")
		return
	}
	d.Polls++
	if d.Ended(now) && d.SeenEndedAt.IsZero() {
		d.SeenEndedAt = now
	}
	view := d.view(now)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, view)
}
