package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// NewAssistantCallerStatsDataSource is mintlify_assistant_caller_stats:
// where assistant questions came from.
func NewAssistantCallerStatsDataSource() datasource.DataSource {
	return newAnalyticsDataSource(analyticsSource[*mintlify.CallerStats]{
		name: "assistant_caller_stats",
		doc:  "Counts the questions readers asked the AI assistant by where they asked: the docs site, the API, or elsewhere.",
		fields: fields[*mintlify.CallerStats]{
			integer("web", "Questions asked on the docs site.", func(s *mintlify.CallerStats) int64 { return count(s.Web) }),
			integer("api", "Questions asked through the API.", func(s *mintlify.CallerStats) int64 { return count(s.API) }),
			integer("other", "Questions asked elsewhere (integrations, SDKs).", func(s *mintlify.CallerStats) int64 { return count(s.Other) }),
			integer("total", "All questions.", func(s *mintlify.CallerStats) int64 { return count(s.Total) }),
		},
		read: func(ctx context.Context, c *mintlify.Client, project string, args analyticsArgs) (*mintlify.CallerStats, error) {
			return c.CallerStats(ctx, project, dates(args))
		},
	})
}
