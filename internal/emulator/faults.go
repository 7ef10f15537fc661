package emulator

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Faults make the server misbehave the way real networks and APIs do, for
// reliability tests. The zero value is a well-behaved server.
type Faults struct {
	// RateLimit caps agent uses (creates and messages) per project per
	// RateWindow, as Mintlify does (100 per hour); over it the answer is 429
	// with Retry-After. Zero means no limit.
	RateLimit  int
	RateWindow time.Duration
	// Reject429 answers the next this-many creates with 429 and Retry-After:
	// RetryAfter, without creating anything (a rate-limit storm).
	Reject429  int
	RetryAfter time.Duration
	// CreateErrorAfterCreate answers the next this-many creates with 500
	// although the job was created: the case a retry would duplicate.
	CreateErrorAfterCreate int
	// GetErrorRate is the fraction of job GETs answered with one of
	// GetErrorCodes (500 when empty) instead of the job.
	GetErrorRate  float64
	GetErrorCodes []int
	// MalformedRate is the fraction of job GETs answered 200 with a body that
	// is not JSON (an HTML page, an empty or a truncated body).
	MalformedRate float64
	// Latency delays every answer; CreateLatency delays creates further.
	Latency       time.Duration
	CreateLatency time.Duration
	// ActiveStatus replaces "active" in answers, as if the API had added a
	// status the client does not know.
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
		http.Redirect(w, r, strings.TrimSuffix(f.RedirectTo, "/")+r.URL.RequestURI(), http.StatusTemporaryRedirect)
		return true
	}
	if r.Method != http.MethodGet || !strings.Contains(r.URL.Path, "/job/") {
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
		writeError(w, code, http.StatusText(code))
		return true
	case roll < f.GetErrorRate+f.MalformedRate:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(malformedBodies[int(pick*float64(len(malformedBodies)))]))
		return true
	}
	return false
}

// rateLimited answers 429 when the project has used its agent budget, and
// records the use otherwise. Called with s.mu held.
func (s *Server) rateLimited(w http.ResponseWriter, project string, now time.Time) bool {
	f := &s.faults
	if f.Reject429 > 0 {
		f.Reject429--
		writeRateLimited(w, f.RetryAfter)
		return true
	}
	if f.RateLimit <= 0 {
		return false
	}
	window := f.RateWindow
	if window <= 0 {
		window = time.Hour
	}
	uses := s.uses[project]
	for len(uses) > 0 && now.Sub(uses[0]) >= window {
		uses = uses[1:]
	}
	if len(uses) >= f.RateLimit {
		s.uses[project] = uses
		writeRateLimited(w, uses[0].Add(window).Sub(now))
		return true
	}
	s.uses[project] = append(uses, now)
	return false
}

func writeRateLimited(w http.ResponseWriter, after time.Duration) {
	secs := int((after + time.Second - 1) / time.Second)
	w.Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
	writeError(w, http.StatusTooManyRequests, "Rate limit exceeded: 100 agent uses per project per hour")
}

func sleepCtx(r *http.Request, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-r.Context().Done():
	case <-t.C:
	}
}
