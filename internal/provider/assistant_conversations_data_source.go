package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// NewAssistantConversationsDataSource is mintlify_assistant_conversations:
// what readers asked the assistant.
func NewAssistantConversationsDataSource() datasource.DataSource {
	return newAnalyticsDataSource(analyticsSource[[]mintlify.Conversation]{
		name: "assistant_conversations",
		doc: "Lists what readers asked the docs' AI assistant, newest first, with its answer, the pages it cited, and " +
			"whether it resolved the question (`resolution_status`: `answered` or `unanswered`).",
		paged: &paging{items: "conversations", order: "the API lists them newest first, so these are the newest", page: mintlify.MaxConversationPage},
		fields: fields[[]mintlify.Conversation]{listOf("conversations", "The conversations, newest first.", conversationFields,
			func(c []mintlify.Conversation) []mintlify.Conversation { return c })},
		read: func(ctx context.Context, c *mintlify.Client, project string, args analyticsArgs) ([]mintlify.Conversation, error) {
			return c.ListConversations(ctx, project, dates(args), args.list)
		},
	})
}

var conversationFields = fields[mintlify.Conversation]{
	text("id", "The conversation's ID, its thread's (for `mintlify_assistant_thread`).", func(c mintlify.Conversation) string { return c.ID }),
	text("timestamp", "When the reader asked, as the API wrote it.", func(c mintlify.Conversation) string { return c.Timestamp }),
	text("query", "The reader's question.", func(c mintlify.Conversation) string { return c.Query }),
	text("response", "The assistant's answer, or the question it asked back.", func(c mintlify.Conversation) string { return c.Response }),
	text("response_type", "`answer`, or `clarifying_question` when the assistant asked back.",
		func(c mintlify.Conversation) string { return c.ResponseType }),
	text("resolution_status", "`answered`, or `unanswered` when the assistant could not answer.",
		func(c mintlify.Conversation) string { return c.ResolutionStatus }),
	text("query_category", "The category Mintlify gave the question; null when none.",
		func(c mintlify.Conversation) string { return deref(c.QueryCategory) }),
	text("page_url", "The page the reader asked from; null when unknown.", func(c mintlify.Conversation) string { return deref(c.PageURL) }),
	listOf("sources", "The pages the answer cites.", fields[mintlify.ConversationSource]{
		text("title", "The page's title.", func(s mintlify.ConversationSource) string { return s.Title }),
		text("url", "The page's URL.", func(s mintlify.ConversationSource) string { return s.URL }),
	}, func(c mintlify.Conversation) []mintlify.ConversationSource { return c.Sources }),
}
