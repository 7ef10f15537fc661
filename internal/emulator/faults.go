package emulator

import (
	"cmp"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"
)

// Faults make the server misbehave the way real networks and APIs do, for
// reliability tests. The zero value is a well-behaved server.
//
// Below, "the triggers" are POST /v1/project/update/{projectId}, POST
// /v1/project/preview/{projectId}, POST
// /v1/workflow/{projectId}/{workflowSchemaId}/trigger and POST
// /v1/static-export/jobs, and "the polls" are GET
// /v2/agent/{projectId}/job/{id}, GET /v1/agent/{projectId}/job/{id}, GET
// /v1/project/update-status/{statusId}, GET /v1/static-export/jobs/{jobId}
// and every analytics read, GET /v1/analytics/{projectId}/....
//
// Every answer a fault makes up is exempt from the contract check (the
// request is still checked). RateLimit is the API's real limit, not a fault:
// its answers are checked.
type Faults struct {
	// RateLimit caps agent uses (job creates, v1 included, and messages) per
	// project per RateWindow (an hour when zero), as Mintlify does; over it
	// the answer is 429 with Retry-After. Zero means no limit. Previews and
	// triggers have their own limits: Options.PreviewLimit, TriggerLimit.
	RateLimit  int
	RateWindow time.Duration
	// Reject429 answers the next this-many job creates (v2 and v1), messages
	// and the triggers with 429 and Retry-After: RetryAfter, without creating
	// anything (a rate-limit storm).
	Reject429  int
	RetryAfter time.Duration
	// CreateErrorAfterCreate answers the next this-many v2 job creates and
	// triggers with 500 although the job, deployment, automation run or
	// static export was created: the case a retry would duplicate.
	CreateErrorAfterCreate int
	// GetErrorRate is the fraction of the polls answered with one of
	// GetErrorCodes (500 when empty) instead of the job or deployment.
	GetErrorRate  float64
	GetErrorCodes []int
	// MalformedRate is the fraction of the polls answered 200 with a body that
	// is not JSON (an HTML page, an empty or a truncated body).
	MalformedRate float64
	// Latency delays every answer; CreateLatency delays v2 job creates and
	// the triggers further.
	Latency       time.Duration
	CreateLatency time.Duration
	// BundleErrors answers the next this-many bundle requests, POST
	// /v1/static-export/jobs/{jobId}/bundle, with 500.
	BundleErrors int
	// ActiveStatus replaces a job's "active" in answers, as if the API had
	// added a status the client does not know.
	ActiveStatus string
	// RedirectTo answers every request with a 307 to this base URL.
	RedirectTo string
	// Seed makes the random faults repeatable.
	Seed uint64
}

// SetFaults replaces the server's faults.
func (s *Server) SetFaults(f Faults) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = f
	s.rng = rand.New(rand.NewPCG(f.Seed, f.Seed+1))
	s.agentLimit.n, s.agentLimit.window = f.RateLimit, cmp.Or(f.RateWindow, time.Hour)
}

var malformedBodies = []string{
	"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
	"",
	`{"id":"`,
}

// injectBefore answers the request with a fault, if one applies, and says so.
// It runs before the handler; faults that depend on the handler's outcome
// are applied there.
func (s *Server) injectBefore(w http.ResponseWriter, r *http.Request) bool {
	s.mu.Lock()
	f := s.faults
	var roll, pick float64
	if s.rng != nil {
		roll, pick = s.rng.Float64(), s.rng.Float64()
	}
	s.mu.Unlock()
	if f.Latency > 0 {
		sleepCtx(r, f.Latency)
	}
	if f.RedirectTo != "" {
		injected(w)
		http.Redirect(w, r, strings.TrimSuffix(f.RedirectTo, "/")+r.URL.RequestURI(), http.StatusTemporaryRedirect)
		return true
	}
	if !isPoll(r) {
		return false
	}
	switch {
	case roll < f.GetErrorRate:
		code := http.StatusInternalServerError
		if len(f.GetErrorCodes) > 0 {
			code = f.GetErrorCodes[int(pick*float64(len(f.GetErrorCodes)))]
		}
		if code == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "1")
		}
		injected(w)
		writeError(w, code, http.StatusText(code))
		return true
	case roll < f.GetErrorRate+f.MalformedRate:
		injected(w)
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(malformedBodies[int(pick*float64(len(malformedBodies)))]))
		return true
	}
	return false
}

// isPoll says whether r reads a job, a deployment status or a static
// export, the requests a client repeats while it waits, or analytics, the
// reads it repeats page after page.
func isPoll(r *http.Request) bool {
	p := r.URL.Path
	return r.Method == http.MethodGet && (strings.Contains(p, "/job/") || strings.HasPrefix(p, "/v1/project/update-status/") ||
		strings.HasPrefix(p, "/v1/static-export/jobs/") || strings.HasPrefix(p, "/v1/analytics/"))
}

// createLatency delays a create or a trigger by Faults.CreateLatency.
func (s *Server) createLatency(r *http.Request) {
	s.mu.Lock()
	latency := s.faults.CreateLatency
	s.mu.Unlock()
	if latency > 0 {
		sleepCtx(r, latency)
	}
}

// errorAfterCreate answers 500, although the create took effect, while
// Faults.CreateErrorAfterCreate lasts, and says so. Called with s.mu held.
func (s *Server) errorAfterCreate(w http.ResponseWriter) bool {
	if s.faults.CreateErrorAfterCreate <= 0 {
		return false
	}
	s.faults.CreateErrorAfterCreate--
	injected(w)
	writeError(w, http.StatusInternalServerError, "Internal server error")
	return true
}

// bundleError answers 500 while Faults.BundleErrors lasts, and says so.
// Called with s.mu held.
func (s *Server) bundleError(w http.ResponseWriter) bool {
	if s.faults.BundleErrors <= 0 {
		return false
	}
	s.faults.BundleErrors--
	injected(w)
	writeError(w, http.StatusInternalServerError, "Internal server error")
	return true
}

// rejectStorm answers 429 while Faults.Reject429 lasts, and says so. Called
// with s.mu held.
func (s *Server) rejectStorm(w http.ResponseWriter, msg string) bool {
	if s.faults.Reject429 <= 0 {
		return false
	}
	s.faults.Reject429--
	injected(w)
	s.writeRateLimited(w, s.faults.RetryAfter, msg)
	return true
}

func sleepCtx(r *http.Request, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-r.Context().Done():
	case <-t.C:
	}
}
