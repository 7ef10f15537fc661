package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// explain says what went wrong in a call to the API at baseURL, at now,
// and what the user can do about it. ctx is the operation's: whether it has
// ended tells the operation's timeout, or an interrupt, from the request's
// own limit.
func (s situation) explain(ctx context.Context, err error, baseURL string, now time.Time) string {
	var (
		notSent      *mintlify.NotSentError
		unauthorized *mintlify.UnauthorizedError
		notFound     *mintlify.NotFoundError
		rateLimited  *mintlify.RateLimitedError
		decode       *mintlify.DecodeError
		api          *mintlify.APIError
	)
	if errors.As(err, &api) && s.kind.refused != nil {
		if text := s.kind.refused(api, s); text != "" {
			return text
		}
	}
	switch {
	case errors.As(err, &rateLimited):
		return rateLimitText(ctx, rateLimited, s, now)
	case errors.As(err, &unauthorized) && unauthorized.StatusCode == 403:
		return forbiddenText(unauthorized.APIError, s)
	case errors.As(err, &unauthorized):
		return unauthorizedText(unauthorized.Message)
	case errors.As(err, &notFound) && s.id != "" && s.project == "":
		return fmt.Sprintf("Mintlify answered 404 (%s): %q was not found. Check the ID.", notFound.Message, s.id)
	case errors.As(err, &notFound) && s.id != "":
		return fmt.Sprintf("Mintlify answered 404 (%s): %q was not found in project %q. Check the ID and project_id.", notFound.Message, s.id, s.project)
	case errors.As(err, &notFound):
		return fmt.Sprintf("Mintlify answered 404 (%s) for project %q at %s. Check project_id, and base_url: it must be the API's root, "+
			"such as %s, with no path after it.", notFound.Message, s.project, baseURL, mintlify.DefaultBaseURL)
	case errors.As(err, &decode):
		return fmt.Sprintf("Mintlify answered with something that is not the API's JSON, often a proxy or gateway page: %s. "+
			"Check base_url.", decode)
	case errors.As(err, &api) && api.StatusCode >= 500:
		return fmt.Sprintf("Mintlify had a server error (%s).", api)
	case errors.As(err, &api):
		return fmt.Sprintf("Mintlify refused the request: %s.", api)
	case errors.As(err, &notSent):
		return notSentText(ctx, notSent, s, baseURL)
	case ended(ctx) != "":
		return fmt.Sprintf("%s before Mintlify answered (%s).", ended(ctx), err)
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("Mintlify did not answer within request_timeout (%s). Raise request_timeout if Mintlify is slow to answer.", err)
	default:
		return fmt.Sprintf("The request failed: %s. Check base_url and the network.", err)
	}
}

// ended says how the operation's context ended ("" while it goes on): its
// timeout ran out, or it was interrupted.
func ended(ctx context.Context) string {
	switch ctx.Err() {
	case context.DeadlineExceeded:
		return "The timeout ran out"
	case context.Canceled:
		return "It was interrupted"
	}
	return ""
}

func notSentText(ctx context.Context, notSent *mintlify.NotSentError, s situation, baseURL string) string {
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Sprintf("%s ran out before the request could be sent, so nothing was started or changed. Raise %s.", s.timeout, s.timeout)
	case errors.Is(ctx.Err(), context.Canceled):
		return "It was interrupted before the request was sent, so nothing was started or changed."
	}
	return fmt.Sprintf("The request never reached Mintlify, so nothing was started or changed: %s. "+
		"Check base_url (%s) and the network, then try again.", notSent.Err, baseURL)
}

func unauthorizedText(message string) string {
	why := "the key is wrong, or it has expired"
	if strings.Contains(strings.ToLower(message), "expire") {
		why = "the key has expired"
	}
	return fmt.Sprintf("Mintlify rejected the API key (HTTP 401: %s): %s. Admin API keys expire after 7 to 90 days unless they "+
		"are set never to. Check api_key (or the %s environment variable); to rotate the key, create a new admin API key (mint_...) "+
		"on the API keys page of the Mintlify dashboard and set it in its place.", message, why, envAPIKey)
}

// forbiddenText quotes Mintlify's 403 and names the causes that fit its
// text, most likely first: a key without the project (or, for what has no
// project, of another organization), a key limited to reading, a caller
// outside the key's IP allowlist, a plan without the feature.
func forbiddenText(api *mintlify.APIError, s situation) string {
	feature := s.kind.feature
	if feature == "" {
		feature = "the REST API (it needs a Pro or Enterprise plan)"
	}
	causes := map[string]string{
		"project": fmt.Sprintf("the API key may not use project %q: check project_id, or use an admin API key of the organization "+
			"that owns the project", s.project),
		"owner": fmt.Sprintf("%s %s belongs to another organization: use an admin API key of the organization that owns it",
			s.kind.noun, s.id),
		"scope": fmt.Sprintf("the API key is limited to the read scope, and %s %s needs the write scope: create a key with "+
			"the write scope", api.Method, api.Path),
		"ip": "the caller's address is outside the API key's IP allowlist: run from an allowed address, or change the allowlist " +
			"on the API keys page",
		"plan": fmt.Sprintf("the organization's plan lacks %s, a feature not available on every Mintlify plan: check the plan "+
			"in the dashboard", feature),
	}
	text := strings.ToLower(api.Message)
	var order []string
	switch {
	case strings.Contains(text, "scope"), strings.Contains(text, "read-only"), strings.Contains(text, "read only"):
		order = []string{"scope"}
	case strings.Contains(text, "allowlist"), strings.Contains(text, "allow list"), strings.Contains(text, "ip address"):
		order = []string{"ip"}
	case strings.Contains(text, "plan"), strings.Contains(text, "enterprise"), strings.Contains(text, "not enabled"),
		strings.Contains(text, "not available"), strings.Contains(text, "upgrade"):
		order = []string{"plan"}
	case strings.Contains(text, "project"), strings.Contains(text, "access"):
		order = []string{"project"}
	case s.kind.feature != "":
		order = []string{"plan", "project", "scope", "ip"}
	default:
		order = []string{"project", "scope", "ip", "plan"}
	}
	var fit []string
	for _, c := range order {
		switch {
		case c == "scope" && api.Method == "GET":
		case c == "project" && s.project == "" && s.id != "":
			fit = append(fit, "owner")
		case c == "project" && s.project == "":
		default:
			fit = append(fit, c)
		}
	}
	if len(fit) == 0 {
		fit = []string{"ip", "plan"}
	}
	detail := fmt.Sprintf("Mintlify refused the request (HTTP 403: %q). This means %s.", api.Message, causes[fit[0]])
	for i, c := range fit[1:] {
		if i == 0 {
			detail += " It can also mean that " + causes[c]
		} else {
			detail += "; or that " + causes[c]
		}
		if i == len(fit)-2 {
			detail += "."
		}
	}
	return detail
}

// rateLimitText names the limit a call hit, when to try again, and what
// helps against that limit.
func rateLimitText(ctx context.Context, e *mintlify.RateLimitedError, s situation, now time.Time) string {
	who := "The organization"
	if e.Limit != nil && e.Limit.PerProject {
		who = fmt.Sprintf("Project %q", s.project)
	}
	hit := "Mintlify's rate limit was hit"
	if e.Limit != nil {
		hit = fmt.Sprintf("%s hit Mintlify's rate limit of %s", who, e.Limit.Allowance)
	}
	when := "later"
	if e.RetryAfter > 0 {
		when = fmt.Sprintf("in %s (at %s)", e.RetryAfter.Round(time.Second), now.Add(e.RetryAfter).UTC().Format(time.RFC3339))
	}
	detail := fmt.Sprintf("%s (HTTP 429: %s).", hit, e.Message)
	if how := ended(ctx); how != "" {
		detail = fmt.Sprintf("%s while the provider waited out a rate limit, so nothing was started or changed: %s", how, detail)
	}
	switch e.Limit {
	case mintlify.PreviewLimit, mintlify.TriggerLimit:
		return fmt.Sprintf("%s Try again %s, or raise %s: the provider waits out this limit whenever Mintlify's Retry-After "+
			"fits in the time left.", detail, when, s.timeout)
	case mintlify.AnalyticsLimit:
		spent := "Mintlify refused this read's first call: the hour's budget was spent before it."
		if s.calls > 1 {
			spent = fmt.Sprintf("This read had made %d calls when Mintlify refused the next.", s.calls-1)
		}
		return fmt.Sprintf("%s %s That hourly budget is the whole organization's: every analytics data source of every "+
			"project and workspace spends it, at every plan, apply and refresh, and a read that needs more calls than the "+
			"budget holds fails every hour. Set max_items on the analytics listings (mintlify_feedback, mintlify_searches, "+
			"mintlify_assistant_conversations, mintlify_page_views, mintlify_visitors) so that each read takes a few calls, "+
			"and apply a saved plan (plan -out) so that the apply reads nothing again. Mintlify accepts analytics calls again %s.",
			detail, spent, when)
	}
	return fmt.Sprintf("%s Try again %s.", detail, when)
}
