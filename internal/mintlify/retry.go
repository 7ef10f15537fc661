package mintlify

import (
	"context"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// retryRead decides whether a GET is sent again. Reads have no side effect,
// so every answer that may be transient is retried: network errors, 429 and
// the 5xx a proxy or an overloaded server gives.
func retryRead(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		return isTransientNetworkError(err), nil
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		return retryAfterFits(ctx, resp), nil
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true, nil
	}
	return false, nil
}

// retryWrite decides whether a POST (a create or a message) is sent again.
// Sending one twice would start two jobs, so it is retried only when the
// server certainly did not act on it: a 429 (refused before any work) and a
// connection that failed before the request was written. A timeout after
// sending and every 5xx are not retried, because the job may exist.
func retryWrite(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		return isDialError(err), nil
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		return retryAfterFits(ctx, resp), nil
	}
	return false, nil
}

// retryAfterFits is false when the server asks to wait past the caller's
// deadline: waiting would only end in a timeout, so the 429 is returned at
// once and its error says when to try again.
func retryAfterFits(ctx context.Context, resp *http.Response) bool {
	after, ok := ParseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
	if !ok {
		return true
	}
	deadline, has := ctx.Deadline()
	return !has || time.Now().Add(after).Before(deadline)
}

// waitsOutRateLimit is a 429 that says when to come back, at least a second
// from now, to a caller with a deadline: the retry policy has already
// refused a wait past it, so the wait is bounded by both, and a retry
// budget need not bound it again.
func waitsOutRateLimit(ctx context.Context, resp *http.Response) bool {
	if resp == nil || resp.StatusCode != http.StatusTooManyRequests {
		return false
	}
	after, ok := ParseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
	_, has := ctx.Deadline()
	return ok && has && after >= time.Second
}

func isDialError(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}

func isTransientNetworkError(err error) bool {
	var unknownAuthority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalidCert x509.CertificateInvalidError
	if errors.As(err, &unknownAuthority) || errors.As(err, &hostname) || errors.As(err, &invalidCert) {
		return false
	}
	if strings.Contains(err.Error(), "stopped after 10 redirects") {
		return false
	}
	return true
}

// backoff is how long to wait before sending a call again, told to
// OnRetryWait when the wait follows an answer.
func (c *Client) backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	wait := backoff(minWait, maxWait, attempt, resp)
	if c.onWait != nil && resp != nil && resp.Request != nil {
		ctx := resp.Request.Context()
		w := RetryWait{Method: resp.Request.Method, Path: resp.Request.URL.Path, StatusCode: resp.StatusCode, Wait: wait}
		if att := attemptOf(ctx); att != nil {
			w.Limit = att.call.limit
			if resp.StatusCode != http.StatusTooManyRequests {
				w.Limit = nil
			}
		}
		c.onWait(ctx, w)
	}
	return wait
}

// RetryWait is a wait before a call is sent again, after an answer that
// refused it: a 429 (Limit names the rate limit, when documented) or a
// server error.
type RetryWait struct {
	Method, Path string
	StatusCode   int
	Wait         time.Duration
	Limit        *RateLimit
}

// backoff waits as the server asks in Retry-After; otherwise it grows
// exponentially from min to max, with full jitter so that many jobs retrying
// at once spread out.
func backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if after, ok := ParseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return after
		}
	}
	ceiling := minWait << min(attempt, 20)
	if ceiling <= 0 || ceiling > maxWait {
		ceiling = maxWait
	}
	return minWait/2 + rand.N(ceiling-minWait/2+1) //nolint:gosec // jitter, not a secret
}

// ParseRetryAfter reads a Retry-After header in either of its forms: a number
// of seconds or an HTTP date.
func ParseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(value, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(min(secs, int64(24*time.Hour/time.Second))) * time.Second, true
	}
	if at, err := http.ParseTime(value); err == nil {
		return max(at.Sub(now), 0), true
	}
	return 0, false
}
