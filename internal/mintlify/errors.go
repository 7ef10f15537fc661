package mintlify

import (
	"fmt"
	"net/http"
	"time"
)

// APIError is an HTTP error answer from the API: its status and the text of
// the body's "error" field (or the first bytes of the body when it has none).
type APIError struct {
	StatusCode int
	Message    string
	Method     string
	Path       string
}

func (e *APIError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(e.StatusCode)
	}
	return fmt.Sprintf("%s %s: HTTP %d: %s", e.Method, e.Path, e.StatusCode, msg)
}

// NotFoundError is a 404: the project or the job does not exist.
type NotFoundError struct{ *APIError }

func (e *NotFoundError) Unwrap() error { return e.APIError }

// UnauthorizedError is a 401 (the key is wrong) or a 403 (the key may not use
// that project).
type UnauthorizedError struct{ *APIError }

func (e *UnauthorizedError) Unwrap() error { return e.APIError }

// RateLimitedError is a 429. RetryAfter is the server's Retry-After, zero when
// it sent none; Limit is the documented limit the call counts against, nil
// when the API documents none for it.
type RateLimitedError struct {
	*APIError
	RetryAfter time.Duration
	Limit      *RateLimit
}

func (e *RateLimitedError) Unwrap() error { return e.APIError }

func (e *RateLimitedError) Error() string {
	if e.RetryAfter > 0 {
		return fmt.Sprintf("%s (retry after %s)", e.APIError.Error(), e.RetryAfter)
	}
	return e.APIError.Error()
}

// BundleNotReadyError is a 409 from a static export's bundle: the job has
// not completed (or it failed), so there is no bundle yet.
type BundleNotReadyError struct{ *APIError }

func (e *BundleNotReadyError) Unwrap() error { return e.APIError }

// DecodeError is a response whose body is not the JSON the API documents: an
// HTML page from a proxy, an empty or a truncated body.
type DecodeError struct {
	StatusCode int
	Method     string
	Path       string
	// Snippet is the start of the body, for the error message.
	Snippet string
	Err     error
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("%s %s: HTTP %d with a body that is not the expected JSON (%v); body starts with %q",
		e.Method, e.Path, e.StatusCode, e.Err, e.Snippet)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// NotSentError is a call that never got a connection to the server: the
// host could not be reached, the TLS handshake or the certificate check
// failed, or the caller's context ended first. Nothing of the request can
// have reached the API.
type NotSentError struct{ Err error }

func (e *NotSentError) Error() string { return e.Err.Error() + " (the request was not sent)" }

func (e *NotSentError) Unwrap() error { return e.Err }

// newStatusError turns a non-2xx answer into the matching typed error.
func newStatusError(base *APIError, limit *RateLimit, header http.Header, now time.Time) error {
	switch base.StatusCode {
	case http.StatusNotFound:
		return &NotFoundError{base}
	case http.StatusUnauthorized, http.StatusForbidden:
		return &UnauthorizedError{base}
	case http.StatusTooManyRequests:
		after, _ := ParseRetryAfter(header.Get("Retry-After"), now)
		return &RateLimitedError{APIError: base, RetryAfter: after, Limit: limit}
	default:
		return base
	}
}
