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

// TestAccFeedbackDataSource lists 250 entries over three pages, and the
// pending contextual ones of a week: every filter reaches the API.
func TestAccFeedbackDataSource(t *testing.T) {
	env := analyticsEnv(t, emulator.Options{})
	env.emu.GenerateAnalytics("", emulator.AnalyticsVolume{Feedback: 250})
	now := time.Now().UTC()
	week := now.Add(-7 * 24 * time.Hour).Format(time.DateOnly)
	env.emu.AddFeedback(emulator.Feedback{Path: "/quickstart", Comment: "The install step fails on Windows", Source: emulator.FeedbackContextual,
		Status: emulator.FeedbackPending, Helpful: false, Contact: "ada@example.com"})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`data "mintlify_feedback" "all" {}
data "mintlify_feedback" "open" {
  source    = "contextual"
  status    = "pending,in_progress"
  date_from = %q
}`, week)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.mintlify_feedback.all", tfjsonpath.New("feedback"), knownvalue.ListSizeExact(251)),
				statecheck.ExpectKnownValue("data.mintlify_feedback.all", tfjsonpath.New("project_id"), knownvalue.StringExact(env.projectID)),
				statecheck.ExpectKnownValue("data.mintlify_feedback.open", tfjsonpath.New("feedback").AtSliceIndex(0), knownvalue.ObjectPartial(
					map[string]knownvalue.Check{
						"path": knownvalue.StringExact("/quickstart"), "comment": knownvalue.StringExact("The install step fails on Windows"),
						"source": knownvalue.StringExact("contextual"), "status": knownvalue.StringExact("pending"),
						"helpful": knownvalue.Bool(false), "code": knownvalue.Null(),
					})),
				// A reader's address is personal data: never shown, and kept
				// out of the entries, where Terraform would mark every one.
				statecheck.ExpectKnownValue("data.mintlify_feedback.open", tfjsonpath.New("contacts"), knownvalue.MapSizeExact(1)),
				statecheck.ExpectSensitiveValue("data.mintlify_feedback.open", tfjsonpath.New("contacts")),
			},
		}},
	})
	calls := analyticsCalls(t, env, "feedback")
	var all, open int
	for _, q := range calls {
		if q.Get("source") == "" {
			all++
		} else {
			open++
		}
	}
	// Each plan and apply reads both: 3 pages of 100 for the 251, one for
	// the filtered few, every time.
	if all == 0 || all%3 != 0 || open == 0 || all/3 != open {
		t.Errorf("%d calls without a filter, %d with; want 3 pages for each read of the 251, 1 for each filtered read", all, open)
	}
	for _, q := range calls {
		if q.Get("limit") != "100" {
			t.Errorf("a call asked for pages of %q, want the largest, 100", q.Get("limit"))
		}
		if q.Get("source") != "" && (q.Get("status") != "pending,in_progress" || q.Get("dateFrom") != week) {
			t.Errorf("a filtered call sent %v; want every filter sent to the API", q)
		}
	}
}

func TestAccFeedbackDataSource_badInputs(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.expectNoRequests(t)
	feedback := func(attrs string) string { return env.config("data \"mintlify_feedback\" \"x\" {\n" + attrs + "\n}\n") }
	testBadConfigs(t, map[string]badConfig{
		"unknown status": {feedback(`status = "pending,done"`), errorLike("Invalid status", `"done" is not one of pending, in_progress, resolved, dismissed`)},
		"unknown source": {feedback(`source = "email"`), errorLike("source", "contextual")},
		"not a date":     {feedback(`date_from = "last week"`), errorLike("Invalid date_from", `"last week"`, "neither a date")},
	})
}

// TestAccAnalytics_maxItems caps every paged analytics data source: each
// keeps the first items the API lists (the newest feedback, the most
// searched terms), and each read takes the fewest calls, with no call once
// it has them.
func TestAccAnalytics_maxItems(t *testing.T) {
	env := analyticsEnv(t, emulator.Options{Analytics: emulator.AnalyticsOptions{Limit: -1}})
	env.emu.GenerateAnalytics("", emulator.AnalyticsVolume{Feedback: 20_000, Conversations: 1500, Searches: 150 * 150, PageViews: 300 * 300})
	newest := env.emu.AddFeedback(emulator.Feedback{Path: "/quickstart", Comment: "The newest entry"})[0]
	const config = `data "mintlify_feedback" "x" {
  max_items = 250
}
data "mintlify_searches" "x" {
  max_items = 30
}
data "mintlify_assistant_conversations" "x" {
  max_items = 1001
}
data "mintlify_page_views" "x" {
  max_items = 250
}
data "mintlify_visitors" "x" {
  max_items = 1
}
`
	size := func(source, list string, n int) statecheck.StateCheck {
		return statecheck.ExpectKnownValue("data."+source+".x", tfjsonpath.New(list), knownvalue.ListSizeExact(n))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(config),
			ConfigStateChecks: []statecheck.StateCheck{
				size("mintlify_feedback", "feedback", 250), size("mintlify_searches", "searches", 30),
				size("mintlify_assistant_conversations", "conversations", 1001), size("mintlify_page_views", "pages", 250),
				size("mintlify_visitors", "pages", 1),
				statecheck.ExpectKnownValue("data.mintlify_feedback.x", tfjsonpath.New("feedback").AtSliceIndex(0).AtMapKey("id"),
					knownvalue.StringExact(newest.ID)),
				statecheck.ExpectKnownValue("data.mintlify_searches.x", tfjsonpath.New("searches").AtSliceIndex(0).AtMapKey("query"),
					knownvalue.StringExact("term 149")),
				statecheck.ExpectKnownValue("data.mintlify_searches.x", tfjsonpath.New("total_searches"), knownvalue.Int64Exact(150*150)),
				statecheck.ExpectKnownValue("data.mintlify_page_views.x", tfjsonpath.New("totals").AtMapKey("total"), knownvalue.Int64Exact(300*300)),
			},
		}},
	})
	// Each read takes its calls, every one of the same page size: the
	// reads are the calls without a cursor or an offset.
	for _, tc := range []struct {
		endpoint, limit string
		calls           int
	}{{"feedback", "100", 3}, {"searches", "30", 1}, {"assistant", "1000", 2}, {"views", "250", 1}, {"visitors", "1", 1}} {
		calls := analyticsCalls(t, env, tc.endpoint)
		reads := 0
		for _, q := range calls {
			if q.Get("cursor") == "" && (q.Get("offset") == "" || q.Get("offset") == "0") {
				reads++
			}
		}
		if reads == 0 || len(calls) != reads*tc.calls {
			t.Errorf("%s: %d calls for %d reads, want %d each", tc.endpoint, len(calls), reads, tc.calls)
		}
		everyCallHas(t, calls, "limit", tc.limit)
	}
}

func TestAccAnalytics_maxItemsAtLeastOne(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.expectNoRequests(t)
	cases := map[string]badConfig{}
	for _, source := range []string{"feedback", "searches", "assistant_conversations", "page_views", "visitors"} {
		cases[source] = badConfig{env.config("data \"mintlify_" + source + "\" \"x\" {\n  max_items = 0\n}\n"),
			errorLike("max_items", "must be at least 1, got: 0")}
	}
	testBadConfigs(t, cases)
}

// TestAccAnalytics_limitExplained hits the analytics limit part way
// through a listing: the message says how many calls the read made, that
// the hourly budget is the whole organization's, to set max_items and to
// save the plan, and when Mintlify takes analytics calls again; never only
// to try again. The plan does not wait an hour.
func TestAccAnalytics_limitExplained(t *testing.T) {
	env := analyticsEnv(t, emulator.Options{Analytics: emulator.AnalyticsOptions{Limit: 5}})
	env.emu.GenerateAnalytics("", emulator.AnalyticsVolume{Feedback: 1000})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config("data \"mintlify_feedback\" \"all\" {}\n"),
			ExpectError: errorLike("Could not read the Mintlify analytics (feedback)", "rate limit of 100 analytics requests per hour",
				"HTTP 429", "This read had made 5 calls when Mintlify refused the next", "hourly budget is the whole organization's",
				"Set max_items", "plan -out", "Mintlify accepts analytics calls again in"),
		}, {
			Config: env.config("data \"mintlify_visitors\" \"all\" {\n  max_items = 10\n}\n"),
			ExpectError: errorLike("Could not read the Mintlify analytics (visitors)", "Mintlify refused this read's first call",
				"Set max_items"),
		}},
	})
}
