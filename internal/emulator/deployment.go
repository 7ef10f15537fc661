package emulator

import (
	"cmp"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
)

// DeploymentOptions steer production and preview deployments.
type DeploymentOptions struct {
	// Queued and InProgress are how long a deployment stays "queued" and
	// then "in_progress" (NextDeployments and a preview branch's markers
	// override them).
	Queued     time.Duration
	InProgress time.Duration
	// Outcome is how deployments end: DeploymentSuccess (the default) or
	// DeploymentFailure.
	Outcome string
	// PreviewsDisabled refuses preview deployments with 403, as Mintlify
	// does on a plan without them.
	PreviewsDisabled bool
	// PreviewLimit caps preview triggers per API key (Mintlify counts per
	// organization) per PreviewWindow; over it the answer is 429. Zero means
	// DefaultPreviewLimit per DefaultPreviewWindow; negative, no limit.
	PreviewLimit  int
	PreviewWindow time.Duration
	// TriggerLimit caps production deployment and automation triggers
	// together, per API key (Mintlify counts per organization) per
	// TriggerWindow; over it the answer is 429. Zero means
	// DefaultTriggerLimit per DefaultTriggerWindow; negative, no limit.
	TriggerLimit  int
	TriggerWindow time.Duration
}

// Outcomes of a deployment: the statuses it ends in.
const (
	DeploymentSuccess = "success"
	DeploymentFailure = "failure"
)

// DeploymentBranch is the branch production deployments build.
const DeploymentBranch = "main"

// DeploymentPlan steers one deployment. Zero fields take the server's
// Options (a negligible duration such as 1ns stands for none).
type DeploymentPlan struct {
	// Queued and InProgress are how long it stays "queued", then
	// "in_progress".
	Queued     time.Duration
	InProgress time.Duration
	// Outcome is DeploymentSuccess or DeploymentFailure.
	Outcome string
	// Summary and Logs replace what it reports once ended: its summary, and
	// the log lines after the build steps.
	Summary string
	Logs    []string
}

// Deployment is an emulated deployment, production or preview, with what
// the server measured about it.
type Deployment struct {
	// ID is the status id its trigger answered.
	ID        string
	ProjectID string
	// Preview is whether it is a preview deployment, served at PreviewURL.
	Preview    bool
	PreviewURL string
	// Branch is the commit ref: the preview's branch, markers included, or
	// DeploymentBranch.
	Branch    string
	CommitSHA string
	CreatedAt time.Time
	// StartedAt is when it leaves "queued", EndedAt when it ends.
	StartedAt time.Time
	EndedAt   time.Time
	Outcome   string
	// Summary and Logs are what it reports once ended.
	Summary string
	Logs    []string

	// Polls counts the GETs of its status; SeenEndedAt is when a GET first
	// answered with it ended (zero until then).
	Polls       int
	SeenEndedAt time.Time
}

// Status is the deployment's status at now.
func (d *Deployment) Status(now time.Time) string {
	switch {
	case now.Before(d.StartedAt):
		return "queued"
	case now.Before(d.EndedAt):
		return "in_progress"
	default:
		return d.Outcome
	}
}

// Ended says whether the deployment has ended at now.
func (d *Deployment) Ended(now time.Time) bool { return !now.Before(d.EndedAt) }

// newDeployment builds a deployment of branch from, in increasing order of
// precedence, the server's options, the next plan NextDeployments queued,
// and the branch's markers. Called with s.mu held.
func (s *Server) newDeployment(projectID, branch string, preview bool, now time.Time) *Deployment {
	plan := DeploymentPlan{
		Queued:     s.opts.Deployments.Queued,
		InProgress: s.opts.Deployments.InProgress,
		Outcome:    s.opts.Deployments.Outcome,
	}
	if len(s.plans) > 0 {
		next := s.plans[0]
		s.plans = s.plans[1:]
		plan.Queued = cmp.Or(next.Queued, plan.Queued)
		plan.InProgress = cmp.Or(next.InProgress, plan.InProgress)
		plan.Outcome = cmp.Or(next.Outcome, plan.Outcome)
		plan.Summary, plan.Logs = next.Summary, next.Logs
	}
	for _, m := range markerPattern.FindAllStringSubmatch(branch, -1) {
		switch m[1] {
		case "fail":
			plan.Outcome = DeploymentFailure
		case "queued", "duration":
			if d, err := time.ParseDuration(m[2]); err == nil && d >= 0 {
				if m[1] == "queued" {
					plan.Queued = d
				} else {
					plan.InProgress = d
				}
			}
		}
	}
	d := &Deployment{
		ID:        newID(),
		ProjectID: projectID,
		Preview:   preview,
		Branch:    branch,
		CommitSHA: newID() + newID()[:16],
		CreatedAt: now,
		StartedAt: now.Add(plan.Queued),
		Outcome:   plan.Outcome,
	}
	d.EndedAt = d.StartedAt.Add(plan.InProgress)
	if preview {
		d.PreviewURL = "https://" + projectID + "-" + slug(branch) + ".mintlify.app"
	}
	d.Summary, d.Logs = endReport(d, plan)
	return d
}

// endReport is the summary and logs of a deployment once ended: the plan's,
// or ones that say what the outcome was and, for a failure, what broke.
func endReport(d *Deployment, plan DeploymentPlan) (string, []string) {
	logs := d.buildSteps()
	switch {
	case plan.Logs != nil:
		logs = append(logs, plan.Logs...)
	case d.Outcome == DeploymentSuccess:
		logs = append(logs, "Build succeeded: 12 pages", "Deployed to "+d.site())
	default:
		logs = append(logs,
			`Error: docs.json: navigation.groups[0].pages[2]: page "quickstart" does not exist`,
			"Build failed")
	}
	summary := plan.Summary
	switch {
	case summary != "":
	case d.Outcome == DeploymentSuccess:
		summary = "Deployment succeeded"
	default:
		summary = `Build failed: page "quickstart" in docs.json does not exist`
	}
	return summary, logs
}

// buildSteps are the log lines of a deployment in progress.
func (d *Deployment) buildSteps() []string {
	return []string{
		"Cloning " + d.Branch + " at " + d.CommitSHA[:7],
		"Installing dependencies",
		"Building pages",
	}
}

// site is where the deployment is served.
func (d *Deployment) site() string {
	if d.Preview {
		return d.PreviewURL
	}
	return "https://" + d.ProjectID + ".mintlify.app"
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slug is branch as a host name label: markers dropped, lower case, runs of
// other characters as one hyphen.
func slug(branch string) string {
	s := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(markerPattern.ReplaceAllString(branch, "")), "-"), "-")
	if s == "" {
		return "preview"
	}
	return s
}

// deploymentJSON is the update status the external API answers.
type deploymentJSON struct {
	ID        string     `json:"_id"`
	ProjectID string     `json:"projectId"`
	CreatedAt string     `json:"createdAt"`
	EndedAt   string     `json:"endedAt,omitempty"`
	Status    string     `json:"status"`
	Summary   string     `json:"summary"`
	Logs      []string   `json:"logs"`
	Subdomain string     `json:"subdomain"`
	Author    authorJSON `json:"author"`
	Commit    commitJSON `json:"commit"`
	Source    string     `json:"source"`
}

type authorJSON struct {
	Name         string `json:"name"`
	AvatarURL    string `json:"avatarUrl"`
	GitHubUserID int    `json:"githubUserId"`
}

type commitJSON struct {
	SHA          string           `json:"sha"`
	Ref          string           `json:"ref"`
	Message      string           `json:"message"`
	FilesChanged filesChangedJSON `json:"filesChanged"`
}

type filesChangedJSON struct {
	Added    []string `json:"added"`
	Modified []string `json:"modified"`
	Removed  []string `json:"removed"`
}

// view is the deployment's status as the API shows it at now.
func (d *Deployment) view(now time.Time) deploymentJSON {
	out := deploymentJSON{
		ID:        d.ID,
		ProjectID: d.ProjectID,
		CreatedAt: d.CreatedAt.UTC().Format(timeLayout),
		Status:    d.Status(now),
		Subdomain: d.ProjectID,
		Author:    authorJSON{Name: "Emulator Bot", AvatarURL: "https://avatars.githubusercontent.com/u/9919?v=4", GitHubUserID: 9919},
		Commit: commitJSON{
			SHA: d.CommitSHA, Ref: d.Branch, Message: "Update the docs",
			FilesChanged: filesChangedJSON{Added: []string{}, Modified: []string{"introduction.mdx"}, Removed: []string{}},
		},
		// Triggered through the API, as every deployment here is.
		Source: "api",
	}
	switch out.Status {
	case "queued":
		out.Summary, out.Logs = "Waiting in the deployment queue", []string{}
	case "in_progress":
		out.Summary, out.Logs = "Building the documentation", d.buildSteps()
	default:
		out.Summary, out.Logs = d.Summary, slices.Clone(d.Logs)
		out.EndedAt = d.EndedAt.UTC().Format(timeLayout)
	}
	return out
}

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
	if s.opts.Deployments.PreviewsDisabled {
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

// NextDeployments queues plans for the next deployments triggered, one each,
// in order, production or preview; later ones take the server's options. A
// preview branch's markers override its plan.
func (s *Server) NextDeployments(plans ...DeploymentPlan) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range plans {
		p.Logs = slices.Clone(p.Logs)
		s.plans = append(s.plans, p)
	}
}

// Deployments returns copies of every deployment, oldest first.
func (s *Server) Deployments() []Deployment { return s.deployments.all() }

// Deployment returns a copy of one deployment, by its status id.
func (s *Server) Deployment(id string) (Deployment, bool) { return s.deployments.one(id) }

// DeleteDeployment forgets a deployment: its status answers 404 from now on.
func (s *Server) DeleteDeployment(id string) { s.deployments.forget(id) }

func (d *Deployment) clone() Deployment {
	c := *d
	c.Logs = slices.Clone(d.Logs)
	return c
}
