package mintlify

import (
	"context"
	"errors"
)

// IsTransient reports whether a failed call may well succeed if made again
// later: rate limits, server errors, unreadable bodies, network errors and
// a request that ran out of its own time. Errors that need the user (a wrong
// key, an unknown job, a bad request) and a cancellation are not transient;
// whether the caller's own time ran out, the caller knows (its context).
func IsTransient(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var decode *DecodeError
	if errors.As(err, &decode) {
		return true
	}
	var rate *RateLimitedError
	if errors.As(err, &rate) {
		return true
	}
	var api *APIError
	if errors.As(err, &api) {
		return api.StatusCode >= 500
	}
	return true
}

// MayHaveActed reports whether a failed write may still have been carried
// out by the server: it answered with a server error or an unreadable body,
// or the connection broke after it was made. The caller cannot know whether
// the job exists and must not send the request again blindly. A request
// that never got a connection (NotSentError) reached nothing.
func MayHaveActed(err error) bool {
	var (
		notSent *NotSentError
		api     *APIError
		decode  *DecodeError
	)
	switch {
	case err == nil, errors.As(err, &notSent):
		return false
	case errors.As(err, &decode):
		return true
	case errors.As(err, &api):
		return api.StatusCode >= 500
	default:
		return true
	}
}
