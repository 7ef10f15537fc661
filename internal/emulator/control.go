package emulator

import (
	"slices"
	"strings"
)

// Jobs returns copies of every job, oldest first.
func (s *Server) Jobs() []Job {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.jobs.copies()
}

// Job returns a copy of one job.
func (s *Server) Job(id string) (Job, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.jobs.copyOf(id)
}

// DeleteJob forgets a job, as if it were removed behind Terraform's back.
func (s *Server) DeleteJob(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.jobs.remove(id)
}

// ArchiveJob archives a job now.
func (s *Server) ArchiveJob(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if j, ok := s.jobs.byID[id]; ok {
		now := s.opts.Now()
		j.ArchivedAt = &now
	}
}

// Requests returns the request log, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// CountRequests counts logged requests with this method whose path ends with
// suffix ("" matches every path).
func (s *Server) CountRequests(method, suffix string) int {
	n := 0
	for _, r := range s.Requests() {
		if r.Method == method && strings.HasSuffix(r.Path, suffix) {
			n++
		}
	}
	return n
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
func (s *Server) Deployments() []Deployment {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.deployments.copies()
}

// Deployment returns a copy of one deployment, by its status id.
func (s *Server) Deployment(id string) (Deployment, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.deployments.copyOf(id)
}

// DeleteDeployment forgets a deployment: its status answers 404 from now on.
func (s *Server) DeleteDeployment(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deployments.remove(id)
}

func (d *Deployment) clone() Deployment {
	c := *d
	c.Logs = slices.Clone(d.Logs)
	return c
}

// AutomationRuns returns the automation runs triggers queued, oldest first.
func (s *Server) AutomationRuns() []AutomationRun {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.runs)
}

// StaticExports returns copies of every static export job, oldest first.
func (s *Server) StaticExports() []StaticExport {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.staticExports.copies()
}

// StaticExport returns a copy of one static export job, by its jobId.
func (s *Server) StaticExport(id string) (StaticExport, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.staticExports.copyOf(id)
}

// DeleteStaticExport forgets a static export job: it answers 404 from now
// on.
func (s *Server) DeleteStaticExport(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.staticExports.remove(id)
}

func (e *StaticExport) clone() StaticExport {
	c := *e
	c.Paths = slices.Clone(e.Paths)
	return c
}
