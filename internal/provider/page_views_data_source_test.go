package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

// TestAccTrafficDataSources counts the views and visitors of 300 pages,
// over two pages of 250 each.
func TestAccTrafficDataSources(t *testing.T) {
	env := analyticsEnv(t, emulator.Options{})
	var views []emulator.PageView
	for i := range 300 {
		views = append(views, emulator.PageView{Path: fmt.Sprintf("/page-%03d", i), VisitorID: "reader"})
	}
	views = append(views, emulator.PageView{Path: "/page-000", VisitorID: "bot", AI: true}, emulator.PageView{Path: "/page-000", VisitorID: "reader"})
	env.emu.AddPageViews(views...)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config("data \"mintlify_page_views\" \"all\" {}\ndata \"mintlify_visitors\" \"all\" {}\n"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.mintlify_page_views.all", tfjsonpath.New("totals"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"human": knownvalue.Int64Exact(301), "ai": knownvalue.Int64Exact(1), "total": knownvalue.Int64Exact(302)})),
				statecheck.ExpectKnownValue("data.mintlify_page_views.all", tfjsonpath.New("pages"), knownvalue.ListSizeExact(300)),
				statecheck.ExpectKnownValue("data.mintlify_page_views.all", tfjsonpath.New("pages").AtSliceIndex(0),
					knownvalue.ObjectExact(map[string]knownvalue.Check{"path": knownvalue.StringExact("/page-000"),
						"human": knownvalue.Int64Exact(2), "ai": knownvalue.Int64Exact(1), "total": knownvalue.Int64Exact(3)})),
				statecheck.ExpectKnownValue("data.mintlify_visitors.all", tfjsonpath.New("totals"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"human": knownvalue.Int64Exact(1), "ai": knownvalue.Int64Exact(1), "total": knownvalue.Int64Exact(2)})),
				statecheck.ExpectKnownValue("data.mintlify_visitors.all", tfjsonpath.New("pages"), knownvalue.ListSizeExact(300)),
			},
		}},
	})
	for _, endpoint := range []string{"views", "visitors"} {
		calls := analyticsCalls(t, env, endpoint)
		if len(calls) == 0 || len(calls)%2 != 0 {
			t.Errorf("%s: %d calls; want 2 pages of 250 for each read", endpoint, len(calls))
		}
		everyCallHas(t, calls, "limit", "250")
	}
}
