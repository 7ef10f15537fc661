package mintlify

// RateLimit is a limit Mintlify documents on a family of calls. A
// RateLimitedError names the one the refused call counts against, so that
// callers can say which limit was hit without guessing from the path.
type RateLimit struct {
	// Allowance names the limit as Mintlify's documentation states it.
	Allowance string
	// PerProject is true when each project has its own allowance; otherwise
	// every project of the organization shares one.
	PerProject bool
}

// The limits Mintlify documents. Production deployments and automation
// runs share one allowance; every analytics endpoint shares another.
var (
	AgentLimit     = &RateLimit{Allowance: "100 agent uses per hour (job creates and follow-up messages)", PerProject: true}
	PreviewLimit   = &RateLimit{Allowance: "5 preview deployments per minute"}
	TriggerLimit   = &RateLimit{Allowance: "10 production deployments and automation runs per 10 seconds"}
	AnalyticsLimit = &RateLimit{Allowance: "100 analytics requests per hour, which every analytics endpoint shares"}
)
