package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// NewFeedbackByPageDataSource is mintlify_feedback_by_page: feedback
// counted by page.
func NewFeedbackByPageDataSource() datasource.DataSource {
	return newAnalyticsDataSource(analyticsSource[*mintlify.FeedbackByPage]{
		name: "feedback_by_page",
		doc: "Counts the feedback on each page, the pages with the most feedback first: thumbs up and down, code " +
			"snippet reports, and all of them. The API returns up to 100 pages; `has_more` says there are more.",
		filters: feedbackFilters,
		fields: fields[*mintlify.FeedbackByPage]{
			listOf("pages", "The pages with the most feedback, most first.", pageFeedbackFields,
				func(f *mintlify.FeedbackByPage) []mintlify.PageFeedback { return f.Pages }),
			flag("has_more", "Whether more pages have feedback than the API returned.",
				func(f *mintlify.FeedbackByPage) *bool { return &f.HasMore }),
		},
		read: func(ctx context.Context, c *mintlify.Client, project string, args analyticsArgs) (*mintlify.FeedbackByPage, error) {
			return c.FeedbackByPage(ctx, project, feedbackFilter(args))
		},
	})
}

var pageFeedbackFields = fields[mintlify.PageFeedback]{
	text("path", "The page.", func(p mintlify.PageFeedback) string { return p.Path }),
	integer("thumbs_up", "How many readers found it helpful.", func(p mintlify.PageFeedback) int64 { return count(p.ThumbsUp) }),
	integer("thumbs_down", "How many readers did not.", func(p mintlify.PageFeedback) int64 { return count(p.ThumbsDown) }),
	integer("code", "How many code snippets on it were reported.", func(p mintlify.PageFeedback) int64 { return count(p.Code) }),
	integer("total", "All feedback on the page.", func(p mintlify.PageFeedback) int64 { return count(p.Total) }),
}
