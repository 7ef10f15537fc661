package emulator

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// StaticExportOptions steer static exports.
type StaticExportOptions struct {
	// Disabled refuses static export jobs with 403, as Mintlify does for an
	// organization without them.
	Disabled bool
	// Queued and Duration are how long an export stays "queued", then
	// "running" (markers in its version label override them: see
	// StaticExport).
	Queued   time.Duration
	Duration time.Duration
	// Pages is how many pages an export of every page renders; an export of
	// some paths renders those.
	Pages int
	// BundleLinkLifetime is how long a bundle link lasts.
	BundleLinkLifetime time.Duration
}

// Statuses of a static export job.
const (
	StaticExportQueued    = "queued"
	StaticExportRunning   = "running"
	StaticExportCompleted = "completed"
	StaticExportFailed    = "failed"
)

// Defaults of static exports for Options left zero.
const (
	DefaultStaticExportQueued   = time.Second
	DefaultStaticExportDuration = 3 * time.Second
	// DefaultStaticExportPages is how many pages an export of every page
	// renders.
	DefaultStaticExportPages  = 120
	DefaultBundleLinkLifetime = time.Hour
)

// StaticExport is an emulated static export job, with what the server
// measured about it.
type StaticExport struct {
	// ID is the jobId its start answered.
	ID string
	// Key is the API key that started it. Keys that share a project with it
	// (the emulator's stand-in for one organization) see the job; others get
	// 404.
	Key     string
	Domain  string
	Version string
	Paths   []string
	// Pages is how many pages it renders.
	Pages     int
	CreatedAt time.Time
	// StartedAt is when it leaves "queued", EndedAt when it ends.
	StartedAt time.Time
	EndedAt   time.Time
	// Fails is whether it ends "failed".
	Fails bool

	// Polls counts the GETs of the job, and SeenEndedAt is when one first
	// found it ended; Bundles counts the bundle links handed out.
	Polls       int
	SeenEndedAt time.Time
	Bundles     int
}

// Status is the job's status at now.
func (e *StaticExport) Status(now time.Time) string {
	switch {
	case now.Before(e.StartedAt):
		return StaticExportQueued
	case now.Before(e.EndedAt):
		return StaticExportRunning
	case e.Fails:
		return StaticExportFailed
	default:
		return StaticExportCompleted
	}
}

// rendered is how many pages the job has rendered at now, and when it
// rendered the last of them (the job's last update). Pages are rendered at
// an even pace while it runs; a failing job fails on its last page.
func (e *StaticExport) rendered(now time.Time) (int, time.Time) {
	switch e.Status(now) {
	case StaticExportQueued:
		return 0, e.CreatedAt
	case StaticExportCompleted:
		return e.Pages, e.EndedAt
	case StaticExportFailed:
		return e.Pages - 1, e.EndedAt
	}
	run := e.EndedAt.Sub(e.StartedAt)
	pages := int(int64(e.Pages) * int64(now.Sub(e.StartedAt)) / int64(run))
	return pages, e.StartedAt.Add(time.Duration(int64(run) * int64(pages) / int64(e.Pages)))
}

// newStaticExport builds a job from the server's options and the markers in
// its version label:
//
//	[emulator:fail]          it ends "failed"
//	[emulator:queued=2s]     it stays "queued" that long
//	[emulator:duration=20s]  it stays "running" that long
func (s *Server) newStaticExport(key string, req staticExportRequest, now time.Time) *StaticExport {
	queued, running := s.opts.StaticExports.Queued, s.opts.StaticExports.Duration
	e := &StaticExport{
		ID: "se_" + randomHex(8), Key: key, Domain: req.Domain, Version: req.Version, Paths: req.Paths,
		Pages: s.opts.StaticExports.Pages, CreatedAt: now,
	}
	if len(req.Paths) > 0 {
		e.Pages = len(req.Paths)
	}
	for _, m := range markerPattern.FindAllStringSubmatch(req.Version, -1) {
		d, err := time.ParseDuration(m[2])
		switch {
		case m[1] == "fail":
			e.Fails = true
		case err != nil || d < 0:
		case m[1] == "queued":
			queued = d
		case m[1] == "duration":
			running = d
		}
	}
	e.StartedAt = now.Add(queued)
	e.EndedAt = e.StartedAt.Add(running)
	return e
}

// staticExportRequest is the body of a start.
type staticExportRequest struct {
	Domain  string   `json:"domain"`
	Version string   `json:"version"`
	Paths   []string `json:"paths"`
}

// staticExportJSON is the StaticExportJob schema.
type staticExportJSON struct {
	JobID     string  `json:"jobId"`
	Status    string  `json:"status"`
	Progress  float64 `json:"progress"`
	PageCount int     `json:"pageCount"`
	CreatedAt string  `json:"createdAt"`
	UpdatedAt string  `json:"updatedAt"`
	Error     string  `json:"error,omitempty"`
}

// view is the job as the API shows it at now.
func (e *StaticExport) view(now time.Time) staticExportJSON {
	pages, updated := e.rendered(now)
	out := staticExportJSON{
		JobID: e.ID, Status: e.Status(now), PageCount: pages,
		Progress:  100 * float64(pages) / float64(max(e.Pages, 1)),
		CreatedAt: e.CreatedAt.UTC().Format(timeLayout), UpdatedAt: updated.UTC().Format(timeLayout),
	}
	if out.Status == StaticExportCompleted {
		out.Progress = 100
	}
	if out.Status == StaticExportFailed {
		out.Error = fmt.Sprintf("Rendering failed on page %d of %d: MDX compilation error: unexpected closing tag </Card>", pages+1, e.Pages)
	}
	return out
}

// hostname is a domain as the start takes it: a host name alone.
var hostname = regexp.MustCompile(`^(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$`)

// domainProblem says what is wrong with a domain, "" when nothing.
func domainProblem(domain string) string {
	switch {
	case domain == "":
		return "domain is required: the hostname of the deployment to export, such as docs.example.com"
	case strings.Contains(domain, "://"):
		return "domain must be a hostname without a protocol: " + domain
	case strings.Contains(domain, "/"):
		return "domain must be a hostname without a path or a trailing slash: " + domain
	case !hostname.MatchString(domain):
		return "domain is not a valid hostname: " + domain
	}
	return ""
}

// startStaticExport is POST /v1/static-export/jobs: a job queued.
func (s *Server) startStaticExport(w http.ResponseWriter, r *http.Request) {
	var req staticExportRequest
	if !decodeBody(w, r, &req) {
		return
	}
	if s.opts.StaticExports.Disabled {
		writeError(w, http.StatusForbidden, "Static export is not enabled for this organization. Contact sales to enable it on an Enterprise plan.")
		return
	}
	if problem := domainProblem(req.Domain); problem != "" {
		writeError(w, http.StatusBadRequest, problem)
		return
	}
	for i, p := range req.Paths {
		if p == "" || strings.ContainsAny(p, " \t\n?#") || strings.Contains(p, "://") {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("paths[%d] is not a page path: %q", i, p))
			return
		}
	}
	key, _ := bearerKey(r)
	// Mintlify documents no rate limit of static exports.
	s.create(w, r, nil, "", http.StatusAccepted, func(now time.Time) any {
		e := s.newStaticExport(key, req, now)
		s.staticExports.add(e.ID, e)
		return e.view(now)
	})
}

// staticExportOf is the request's job, or nil after answering 404 when it
// does not exist or the key may not see it. Called with s.mu held.
func (s *Server) staticExportOf(w http.ResponseWriter, r *http.Request) *StaticExport {
	e, ok := s.staticExports.byID[r.PathValue("jobId")]
	if !ok || !s.sameOrganization(r, e.Key) {
		writeError(w, http.StatusNotFound, "No static export job exists with the provided ID")
		return nil
	}
	return e
}

// sameOrganization says whether the request's key shares a project with
// owner, a key.
func (s *Server) sameOrganization(r *http.Request, owner string) bool {
	for p := range s.keys[owner].projects {
		if s.mayUse(r, p) {
			return true
		}
	}
	return false
}

// getStaticExport is GET /v1/static-export/jobs/{jobId}.
func (s *Server) getStaticExport(w http.ResponseWriter, r *http.Request) {
	now := s.opts.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.staticExportOf(w, r); e != nil {
		e.Polls++
		if !now.Before(e.EndedAt) && e.SeenEndedAt.IsZero() {
			e.SeenEndedAt = now
		}
		writeJSON(w, http.StatusOK, e.view(now))
	}
}

// bundleStaticExport is POST /v1/static-export/jobs/{jobId}/bundle: a fresh
// presigned link to the completed job's bundle each time.
func (s *Server) bundleStaticExport(w http.ResponseWriter, r *http.Request) {
	now := s.opts.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.staticExportOf(w, r)
	if e == nil || s.bundleError(w) {
		return
	}
	switch e.Status(now) {
	case StaticExportCompleted:
	case StaticExportFailed:
		writeError(w, http.StatusConflict, "The static export job failed: there is no bundle to generate. Start a new job.")
		return
	default:
		writeError(w, http.StatusConflict, "The static export job has not completed yet: poll it until its status is completed, then ask for the bundle.")
		return
	}
	e.Bundles++
	lifetime := s.opts.StaticExports.BundleLinkLifetime
	writeJSON(w, http.StatusOK, map[string]any{
		"jobId":     e.ID,
		"bundleUrl": bundleURL(e.ID, now, lifetime),
		// The pages, and the assets every export carries.
		"sizeBytes": int64(e.Pages)*150_000 + 2_400_000,
		"expiresAt": now.Add(lifetime).UTC().Format(timeLayout),
	})
}

// bundleURL is a presigned S3 link, shaped like Mintlify's, signed anew each
// time.
func bundleURL(jobID string, now time.Time, lifetime time.Duration) string {
	q := url.Values{
		"X-Amz-Algorithm":     {"AWS4-HMAC-SHA256"},
		"X-Amz-Credential":    {"AKIAEMULATOREXAMPLE/" + now.UTC().Format("20060102") + "/us-east-1/s3/aws4_request"},
		"X-Amz-Date":          {now.UTC().Format("20060102T150405Z")},
		"X-Amz-Expires":       {fmt.Sprint(int64((lifetime + time.Second - 1) / time.Second))},
		"X-Amz-SignedHeaders": {"host"},
		"X-Amz-Signature":     {randomHex(32)},
	}
	return "https://mintlify-static-exports.s3.amazonaws.com/" + jobID + "/bundle.tar.gz?" + q.Encode()
}

// StaticExports returns copies of every static export job, oldest first.
func (s *Server) StaticExports() []StaticExport { return s.staticExports.all() }

// StaticExport returns a copy of one static export job, by its jobId.
func (s *Server) StaticExport(id string) (StaticExport, bool) { return s.staticExports.one(id) }

// DeleteStaticExport forgets a static export job: it answers 404 from now
// on.
func (s *Server) DeleteStaticExport(id string) { s.staticExports.forget(id) }

func (e *StaticExport) clone() StaticExport {
	c := *e
	c.Paths = slices.Clone(e.Paths)
	return c
}
