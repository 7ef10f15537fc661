package mintlify

// RateLimit is a limit Mintlify documents on a family of calls. A
// RateLimitedError names the one the refused call counts against, so that
// callers can say which limit was hit without guessing from the path.
type RateLimit struct {
	// Calls says what counts against the limit.
	Calls string
	// Allowance is how many such calls are allowed, for whom, per how long.
	Allowance string
	// PerOrganization is true when every project of the organization
	// shares the limit.
	PerOrganization bool
}

// The limits Mintlify documents.
var (
	AgentLimit = &RateLimit{Calls: "agent uses (job creates and follow-up messages)",
		Allowance: "100 per project per hour"}
	PreviewLimit = &RateLimit{Calls: "preview deployments",
		Allowance: "5 per minute per organization", PerOrganization: true}
	TriggerLimit = &RateLimit{Calls: "production deployment and automation triggers, which share one limit",
		Allowance: "10 per 10 seconds per organization", PerOrganization: true}
	AnalyticsLimit = &RateLimit{Calls: "analytics requests, which every analytics data source makes",
		Allowance: "100 per hour per organization", PerOrganization: true}
)
