package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

// NewFeedbackDataSource is mintlify_feedback: what readers said of pages.
func NewFeedbackDataSource() datasource.DataSource {
	return newAnalyticsDataSource(analyticsSource[[]mintlify.Feedback]{
		name: "feedback",
		doc: "Lists the feedback readers left on the docs, newest first: thumbs on a page, comments, and reports on code " +
			"snippets, each with the status the team gave it. Filter by `source` and `status`, for example the feedback " +
			"still `pending`, to build an agent job's prompt from it.",
		filters: feedbackFilters,
		paged:   &paging{items: "entries", order: "the API lists them newest first, so these are the newest", page: mintlify.MaxFeedbackPage},
		fields: fields[[]mintlify.Feedback]{
			listOf("feedback", "The feedback entries, newest first.", feedbackFields, func(f []mintlify.Feedback) []mintlify.Feedback { return f }),
			stringMap("contacts", "How to reach the readers who left a way, by the `id` of their entry. Personal data: sensitive, which "+
				"hides it on screen, while the state keeps it like every data source result (the `mintlify_feedback` ephemeral "+
				"resource keeps nothing). Kept out of `feedback`, where a sensitive value in every entry would make Terraform "+
				"slow to read thousands of them.", feedbackContacts).asSensitive(),
		},
		read: func(ctx context.Context, c *mintlify.Client, project string, args analyticsArgs) ([]mintlify.Feedback, error) {
			return c.ListFeedback(ctx, project, feedbackFilter(args), args.list)
		},
	})
}

// feedbackFilters are the filters of both feedback data sources.
var feedbackFilters = map[string]schema.Attribute{
	"source": schema.StringAttribute{
		MarkdownDescription: "Only feedback of this source: `code_snippet`, `contextual` (a page's thumbs, with a comment), " +
			"`agent` or `thumbs_only`.",
		Optional: true,
		Validators: []validator.String{stringvalidator.OneOf(mintlify.FeedbackSourceCodeSnippet, mintlify.FeedbackSourceContextual,
			mintlify.FeedbackSourceAgent, mintlify.FeedbackSourceThumbsOnly)},
	},
	"status": schema.StringAttribute{
		MarkdownDescription: "Only feedback in this status, or in any of several separated by commas: `pending`, " +
			"`in_progress`, `resolved`, `dismissed`. For example `\"pending,in_progress\"` for what is not handled yet.",
		Optional: true,
		Validators: []validator.String{validators.OneOrMoreOf(mintlify.FeedbackStatusPending, mintlify.FeedbackStatusInProgress,
			mintlify.FeedbackStatusResolved, mintlify.FeedbackStatusDismissed)},
	},
}

// feedbackFilter is the filter the arguments configure.
func feedbackFilter(args analyticsArgs) mintlify.FeedbackFilter {
	f := mintlify.FeedbackFilter{DateFrom: args.strings["date_from"], DateTo: args.strings["date_to"], Source: args.strings["source"]}
	for _, s := range strings.Split(args.strings["status"], ",") {
		if s = strings.TrimSpace(s); s != "" {
			f.Status = append(f.Status, s)
		}
	}
	return f
}

var feedbackFields = fields[mintlify.Feedback]{
	text("id", "The entry's ID.", func(f mintlify.Feedback) string { return f.ID }),
	text("path", "The page the feedback is about.", func(f mintlify.Feedback) string { return f.Path }),
	text("comment", "What the reader wrote; null when nothing.", func(f mintlify.Feedback) string { return deref(f.Comment) }),
	text("created_at", "When it was left, as the API wrote it.", func(f mintlify.Feedback) string { return deref(f.CreatedAt) }),
	text("source", "`code_snippet`, `contextual`, `agent` or `thumbs_only`.", func(f mintlify.Feedback) string { return f.Source }),
	text("status", "`pending`, `in_progress`, `resolved` or `dismissed`.", func(f mintlify.Feedback) string { return f.Status }),
	flag("helpful", "Whether the reader found the page helpful (thumbs up); null for feedback without thumbs.",
		func(f mintlify.Feedback) *bool { return f.Helpful }),
	text("code", "The code snippet reported; null for other sources.", func(f mintlify.Feedback) string { return deref(f.Code) }),
	text("filename", "The code snippet's file name; null when none.", func(f mintlify.Feedback) string { return deref(f.Filename) }),
	text("lang", "The code snippet's language; null when none.", func(f mintlify.Feedback) string { return deref(f.Lang) }),
}

// feedbackContacts are the readers' contacts, by the ID of their entry.
func feedbackContacts(entries []mintlify.Feedback) map[string]string {
	contacts := map[string]string{}
	for _, f := range entries {
		if c := deref(f.Contact); c != "" {
			contacts[f.ID] = c
		}
	}
	return contacts
}
