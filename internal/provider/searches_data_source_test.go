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

// TestAccSearchesDataSource lists 150 search terms over two pages, the
// most searched first, with the date range sent to the API.
func TestAccSearchesDataSource(t *testing.T) {
	env := analyticsEnv(t, emulator.Options{})
	var searches []emulator.Search
	for i := range 150 {
		searches = append(searches, emulator.Search{Query: fmt.Sprintf("term %03d", i)})
	}
	searches = append(searches, emulator.Search{Query: "webhooks"}, emulator.Search{Query: "webhooks", ClickedPage: "/webhooks"},
		emulator.Search{Query: "webhooks"})
	env.emu.AddSearches(searches...)
	from, to := time.Now().UTC().Add(-24*time.Hour).Format(time.DateOnly), time.Now().UTC().Add(24*time.Hour).Format(time.DateOnly)
	const addr = "data.mintlify_searches.day"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf("data \"mintlify_searches\" \"day\" {\n  date_from = %q\n  date_to = %q\n}\n", from, to)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("searches"), knownvalue.ListSizeExact(151)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("total_searches"), knownvalue.Int64Exact(153)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("searches").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"query": knownvalue.StringExact("webhooks"), "hits": knownvalue.Int64Exact(3),
					"top_clicked_page": knownvalue.StringExact("/webhooks"), "last_searched_at": knownvalue.NotNull(),
				})),
			},
		}},
	})
	calls := analyticsCalls(t, env, "searches")
	if len(calls) == 0 || len(calls)%2 != 0 {
		t.Errorf("%d calls; want 2 pages for each read", len(calls))
	}
	everyCallHas(t, calls, "dateFrom", from)
	everyCallHas(t, calls, "dateTo", to)
	everyCallHas(t, calls, "limit", "100")
}
