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
						"helpful": knownvalue.Bool(false), "contact": knownvalue.StringExact("ada@example.com"), "code": knownvalue.Null(),
					})),
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

// TestAccAnalytics_limitExplained hits the analytics limit: the message
// names it, says that every analytics data source counts, and when to try
// again, and the plan does not wait an hour.
func TestAccAnalytics_limitExplained(t *testing.T) {
	env := analyticsEnv(t, emulator.Options{AnalyticsLimit: 1})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config("data \"mintlify_searches\" \"a\" {}\ndata \"mintlify_page_views\" \"b\" {\n  depends_on = [data.mintlify_searches.a]\n}\n"),
			ExpectError: errorLike("Could not read the Mintlify analytics (page_views)", "rate limit of 100 analytics requests per hour",
				"HTTP 429", "Try again in", "Every analytics data source counts against this limit"),
		}},
	})
}
