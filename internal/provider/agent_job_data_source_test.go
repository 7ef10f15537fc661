package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

func TestAccAgentJobDataSource(t *testing.T) {
	env := newAccEnv(t, emulator.Options{JobDuration: jobEndsAtOnce})
	const dataAddr = "data.mintlify_agent_job.test"
	same := func(attr string) statecheck.StateCheck {
		return statecheck.CompareValuePairs(jobAddr, tfjsonpath.New(attr), dataAddr, tfjsonpath.New(attr), compare.ValuesSame())
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(`resource "mintlify_agent_job" "test" {
  prompt = "Document the billing API"
}
data "mintlify_agent_job" "test" {
  id = mintlify_agent_job.test.id
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				same("id"), same("project_id"), same("status"), same("model"), same("pr_link"),
				same("created_at"), same("archived_at"), same("source"),
				statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
			},
		}},
	})
}

func TestAccAgentJobDataSource_unknownID(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      env.config(`data "mintlify_agent_job" "test" { id = "no-such-job" }`),
			ExpectError: errorLike("Agent job not found", `"no-such-job"`, "project"),
		}},
	})
}
