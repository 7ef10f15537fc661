package provider

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

// TestAccAssistantDataSources lists 1,001 conversations over two pages,
// reads the newest one's thread, and counts the questions by caller.
func TestAccAssistantDataSources(t *testing.T) {
	env := analyticsEnv(t, emulator.Options{})
	env.emu.GenerateAnalytics("", emulator.AnalyticsVolume{Conversations: 1000})
	newest := env.emu.AddConversations(emulator.Conversation{Query: "How do I rotate a key?", Response: "I could not find that.",
		Unanswered: true, Category: "security", PageURL: "https://docs.example.com/keys", Caller: emulator.CallerAPI,
		Sources:   []emulator.ConversationSource{{Title: "API keys", URL: "https://docs.example.com/keys"}},
		FollowUps: []emulator.ThreadMessage{{Role: "user", Content: "Where are keys?"}, {Role: "assistant", Content: "On the API keys page."}}})[0]
	from := time.Now().UTC().Add(-60 * 24 * time.Hour).Format(time.DateOnly)
	const conversations, thread, callers = "data.mintlify_assistant_conversations.all", "data.mintlify_assistant_thread.newest",
		"data.mintlify_assistant_caller_stats.all"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`data "mintlify_assistant_conversations" "all" {
  date_from = %[1]q
}
data "mintlify_assistant_thread" "newest" {
  id = data.mintlify_assistant_conversations.all.conversations[0].id
}
data "mintlify_assistant_caller_stats" "all" {
  date_from = %[1]q
}`, from)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(conversations, tfjsonpath.New("conversations"), knownvalue.ListSizeExact(1001)),
				statecheck.ExpectKnownValue(conversations, tfjsonpath.New("conversations").AtSliceIndex(0), knownvalue.ObjectPartial(
					map[string]knownvalue.Check{
						"id": knownvalue.StringExact(newest.ID), "query": knownvalue.StringExact("How do I rotate a key?"),
						"resolution_status": knownvalue.StringExact("unanswered"), "response_type": knownvalue.StringExact("answer"),
						"query_category": knownvalue.StringExact("security"), "page_url": knownvalue.StringExact("https://docs.example.com/keys"),
						"sources": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
							"title": knownvalue.StringExact("API keys"), "url": knownvalue.StringExact("https://docs.example.com/keys")})}),
					})),
				statecheck.ExpectKnownValue(thread, tfjsonpath.New("messages"), knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownValue(thread, tfjsonpath.New("messages").AtSliceIndex(0).AtMapKey("content"),
					knownvalue.StringExact("How do I rotate a key?")),
				statecheck.ExpectKnownValue(callers, tfjsonpath.New("total"), knownvalue.Int64Exact(1001)),
			},
		}},
	})
	calls := analyticsCalls(t, env, "assistant")
	if len(calls) == 0 || len(calls)%2 != 0 {
		t.Errorf("%d calls; want 2 pages of 1000 for each read", len(calls))
	}
	everyCallHas(t, calls, "limit", "1000")
	everyCallHas(t, calls, "dateFrom", from)
	everyCallHas(t, analyticsCalls(t, env, "assistant/caller-stats"), "dateFrom", from)
}
