package emulator

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// rateLimit is one of the limits Mintlify documents: at most n uses per
// window for each key of its budget (a project, or an API key standing for
// its organization). n <= 0 is no limit.
type rateLimit struct {
	n      int
	window time.Duration
	// what counts, and for whom: "agent uses per project".
	what string
	uses budget
}

func newRateLimit(n int, window time.Duration, what string) rateLimit {
	return rateLimit{n: n, window: window, what: what, uses: budget{}}
}

// message names the limit as configured.
func (l *rateLimit) message() string {
	return fmt.Sprintf("Rate limit exceeded: %d %s per %s", l.n, l.what, per(l.window))
}

// per says a window the way a limit's text does: "hour", "10 seconds".
func per(d time.Duration) string {
	for _, unit := range []struct {
		d    time.Duration
		name string
	}{{time.Hour, "hour"}, {time.Minute, "minute"}, {time.Second, "second"}} {
		switch n := d / unit.d; {
		case d%unit.d != 0:
		case n == 1:
			return unit.name
		default:
			return fmt.Sprintf("%d %ss", n, unit.name)
		}
	}
	return d.String()
}

// overLimit answers 429 when key has used its budget of l, records the use
// otherwise, and says whether it refused. Called with s.mu held.
func (s *Server) overLimit(w http.ResponseWriter, l *rateLimit, key string, now time.Time) bool {
	if l.n <= 0 {
		return false
	}
	if wait, ok := l.uses.spend(key, l.n, l.window, now); !ok {
		s.writeRateLimited(w, wait, l.message())
		return true
	}
	return false
}

// refused is a rate-limited write's check: a rate-limit storm (a Fault),
// then the limit. Called with s.mu held.
func (s *Server) refused(w http.ResponseWriter, l *rateLimit, key string, now time.Time) bool {
	return s.rejectStorm(w, l.message()) || s.overLimit(w, l, key, now)
}

// budget counts uses per key in a sliding window, for rate limits.
type budget map[string][]time.Time

// spend records a use of key at now when fewer than limit fall in the window
// before it; otherwise it says how long until the oldest leaves the window.
func (b budget) spend(key string, limit int, window time.Duration, now time.Time) (time.Duration, bool) {
	uses := b[key]
	for len(uses) > 0 && now.Sub(uses[0]) >= window {
		uses = uses[1:]
	}
	if len(uses) >= limit {
		b[key] = uses
		return uses[0].Add(window).Sub(now), false
	}
	b[key] = append(uses, now)
	return 0, true
}

// plainRateLimitText is the body of Mintlify's text/plain 429s.
const plainRateLimitText = "Too many requests, please try again later."

// writeRateLimited answers 429 with Retry-After: JSON naming the limit, or
// with Options.PlainTextRateLimits the plain text Mintlify also answers.
func (s *Server) writeRateLimited(w http.ResponseWriter, after time.Duration, msg string) {
	secs := int((after + time.Second - 1) / time.Second)
	w.Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
	if !s.opts.PlainTextRateLimits {
		writeError(w, http.StatusTooManyRequests, msg)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusTooManyRequests)
	_, _ = io.WriteString(w, plainRateLimitText)
}
