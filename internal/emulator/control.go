package emulator

import (
	"slices"
	"strings"
)

// Jobs returns copies of every job, oldest first.
func (s *Server) Jobs() []Job {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Job, 0, len(s.order))
	for _, id := range s.order {
		if j, ok := s.jobs[id]; ok {
			out = append(out, *j)
		}
	}
	return out
}

// Job returns a copy of one job.
func (s *Server) Job(id string) (Job, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[id]
	if !ok {
		return Job{}, false
	}
	return *j, true
}

// DeleteJob forgets a job, as if it were removed behind Terraform's back.
func (s *Server) DeleteJob(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.jobs, id)
	s.order = slices.DeleteFunc(s.order, func(o string) bool { return o == id })
}

// ArchiveJob archives a job now.
func (s *Server) ArchiveJob(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if j, ok := s.jobs[id]; ok {
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
	out := make([]Deployment, 0, len(s.deploymentOrder))
	for _, id := range s.deploymentOrder {
		if d, ok := s.deployments[id]; ok {
			out = append(out, d.clone())
		}
	}
	return out
}

// Deployment returns a copy of one deployment, by its status id.
func (s *Server) Deployment(id string) (Deployment, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.deployments[id]
	if !ok {
		return Deployment{}, false
	}
	return d.clone(), true
}

// DeleteDeployment forgets a deployment: its status answers 404 from now on.
func (s *Server) DeleteDeployment(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.deployments, id)
	s.deploymentOrder = slices.DeleteFunc(s.deploymentOrder, func(o string) bool { return o == id })
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
