package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

// NewAssistantThreadDataSource is mintlify_assistant_thread: one assistant
// conversation, whole.
func NewAssistantThreadDataSource() datasource.DataSource {
	return newAnalyticsDataSource(analyticsSource[*mintlify.Thread]{
		name:    "assistant_thread",
		doc:     "Reads the whole transcript of one assistant conversation, by the `id` `mintlify_assistant_conversations` lists.",
		undated: true,
		filters: map[string]schema.Attribute{"id": schema.StringAttribute{
			MarkdownDescription: "The conversation's ID.",
			Required:            true,
			Validators:          []validator.String{validators.NotBlank},
		}},
		fields: fields[*mintlify.Thread]{
			text("created_at", "When the conversation began, as the API wrote it.", func(t *mintlify.Thread) string { return t.CreatedAt }),
			listOf("messages", "The messages, in order.", fields[mintlify.ThreadMessage]{
				text("id", "The message's ID.", func(m mintlify.ThreadMessage) string { return m.ID }),
				text("role", "`user` or `assistant`.", func(m mintlify.ThreadMessage) string { return m.Role }),
				text("content", "What was said.", func(m mintlify.ThreadMessage) string { return m.Content }),
				text("created_at", "When, as the API wrote it.", func(m mintlify.ThreadMessage) string { return m.CreatedAt }),
			}, func(t *mintlify.Thread) []mintlify.ThreadMessage { return t.Messages }),
		},
		read: func(ctx context.Context, c *mintlify.Client, project string, args analyticsArgs) (*mintlify.Thread, error) {
			return c.GetThread(ctx, project, args.strings["id"])
		},
	})
}
