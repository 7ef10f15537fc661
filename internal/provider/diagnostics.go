package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// explainAPIError says what went wrong in a call and what the user can do
// about it. The call was in projectID about the object id ("" for a create
// or a listing, which name none) of the API at baseURL.
func explainAPIError(err error, projectID, id, baseURL string) string {
	var (
		notSent      *mintlify.NotSentError
		unauthorized *mintlify.UnauthorizedError
		notFound     *mintlify.NotFoundError
		rateLimited  *mintlify.RateLimitedError
		decode       *mintlify.DecodeError
		api          *mintlify.APIError
	)
	switch {
	case errors.As(err, &unauthorized) && unauthorized.StatusCode == 403:
		return fmt.Sprintf("The API key may not use project %q (HTTP 403: %s). Use an admin API key of the organization that owns the project, "+
			"or check project_id.", projectID, unauthorized.Message)
	case errors.As(err, &unauthorized):
		return fmt.Sprintf("Mintlify rejected the API key (HTTP 401: %s). Check api_key or the %s environment variable: "+
			"it must be an admin API key (mint_...) from the API keys page of the Mintlify dashboard.", unauthorized.Message, envAPIKey)
	case errors.As(err, &rateLimited):
		when := "in a while"
		if rateLimited.RetryAfter > 0 {
			when = fmt.Sprintf("in %s (at %s)", rateLimited.RetryAfter.Round(time.Second), time.Now().Add(rateLimited.RetryAfter).UTC().Format(time.RFC3339))
		}
		return fmt.Sprintf("%s (HTTP 429: %s). Try again %s, or lower -parallelism so fewer start at once.",
			rateLimitHit(rateLimited.Limit, projectID), rateLimited.Message, when)
	case errors.As(err, &notFound) && id != "":
		return fmt.Sprintf("Mintlify answered 404 (%s): %q was not found in project %q. Check the ID and project_id.", notFound.Message, id, projectID)
	case errors.As(err, &notFound):
		return fmt.Sprintf("Mintlify answered 404 (%s) for project %q at %s. Check project_id, and base_url: it must be the API's root, "+
			"such as %s, with no path after it.", notFound.Message, projectID, baseURL, mintlify.DefaultBaseURL)
	case errors.As(err, &decode):
		return fmt.Sprintf("Mintlify answered with something that is not the API's JSON, often a proxy or gateway page: %s. "+
			"Check base_url; if it persists, try again later.", decode)
	case errors.As(err, &api) && api.StatusCode >= 500:
		return fmt.Sprintf("Mintlify had a server error (%s). Try again later.", api)
	case errors.As(err, &api):
		return fmt.Sprintf("Mintlify refused the request: %s.", api)
	case errors.As(err, &notSent):
		return fmt.Sprintf("The request never reached Mintlify, so nothing was started or changed: %s. "+
			"Check base_url (%s) and the network, then try again.", notSent.Err, baseURL)
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("The request timed out: %s. Raise the timeout or request_timeout, or try again.", err)
	default:
		return fmt.Sprintf("The request failed: %s. Check base_url and the network, then try again.", err)
	}
}

// rateLimitHit names the rate limit a call counts against.
func rateLimitHit(limit *mintlify.RateLimit, projectID string) string {
	switch {
	case limit == mintlify.AgentLimit:
		return fmt.Sprintf("Project %q hit Mintlify's rate limit of 100 agent uses per hour", projectID)
	case limit == mintlify.PreviewLimit:
		return "The organization hit Mintlify's rate limit of 5 preview deployments per minute"
	default:
		return "Mintlify's rate limit was hit"
	}
}
