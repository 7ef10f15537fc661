package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

func TestAccFeedbackByPageDataSource(t *testing.T) {
	env := analyticsEnv(t, emulator.Options{})
	env.emu.AddFeedback(
		emulator.Feedback{Path: "/quickstart", Helpful: true}, emulator.Feedback{Path: "/quickstart"},
		emulator.Feedback{Path: "/quickstart", Source: emulator.FeedbackCodeSnippet, Code: "npm i mint"},
		emulator.Feedback{Path: "/api", Status: emulator.FeedbackResolved},
	)
	const addr = "data.mintlify_feedback_by_page.open"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config("data \"mintlify_feedback_by_page\" \"open\" {\n  status = \"pending\"\n}\n"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("pages"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{"path": knownvalue.StringExact("/quickstart"),
						"thumbs_up": knownvalue.Int64Exact(1), "thumbs_down": knownvalue.Int64Exact(1), "code": knownvalue.Int64Exact(1),
						"total": knownvalue.Int64Exact(3)}),
				})),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("has_more"), knownvalue.Bool(false)),
			},
		}},
	})
	everyCallHas(t, analyticsCalls(t, env, "feedback/by-page"), "status", "pending")
}
