package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

// These tests need a newer client than Terraform 1.5: resource identity
// came in Terraform 1.12 and OpenTofu 1.12; terraform query and actions in
// Terraform 1.14, and OpenTofu has neither. make test-matrix runs them on
// Terraform 1.15 and OpenTofu 1.12; protocol_test.go checks the same
// behaviour through the plugin protocol on every client.

var (
	needsIdentity = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)}
	needsQuery    = []tfversion.TerraformVersionCheck{terraformOnly{"terraform query"}, tfversion.SkipBelow(tfversion.Version1_14_0)}
	needsActions  = []tfversion.TerraformVersionCheck{terraformOnly{"actions"}, tfversion.SkipBelow(tfversion.Version1_14_0)}
)

func TestAccAgentJob_importByIdentity(t *testing.T) {
	env := newAccEnv(t, emulator.Options{JobDuration: jobEndsAtOnce})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   needsIdentity,
		Steps: []resource.TestStep{
			{
				Config: jobConfig(env, `  prompt = "Identity import"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(jobAddr, map[string]knownvalue.Check{
						"project_id": knownvalue.StringExact(env.projectID),
						"id":         knownvalue.NotNull(),
					}),
					statecheck.ExpectIdentityValueMatchesState(jobAddr, tfjsonpath.New("id")),
				},
			},
			{
				// The API never returns the prompt: imported configuration leaves it out.
				Config:          jobConfig(env, ""),
				ResourceName:    jobAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
		},
	})
}

func TestAccAgentJob_query(t *testing.T) {
	env := newAccEnv(t, emulator.Options{JobDuration: jobEndsAtOnce})
	var checks []querycheck.QueryResultCheck
	for _, prompt := range []string{"Queried job 1", "Queried job 2"} {
		checks = append(checks, querycheck.ExpectIdentity("mintlify_agent_job.all", map[string]knownvalue.Check{
			"project_id": knownvalue.StringExact(env.projectID),
			"id":         knownvalue.StringExact(env.createJob(t, prompt)),
		}))
	}
	if env.emu != nil {
		checks = append(checks, querycheck.ExpectLength("mintlify_agent_job.all", 2))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   needsQuery,
		Steps: []resource.TestStep{
			{Config: env.config("")},
			{
				// The query file sits beside the previous step's configuration,
				// whose provider block it uses.
				Query: true,
				Config: `list "mintlify_agent_job" "all" {
  provider = mintlify
}`,
				QueryResultChecks: checks,
			},
		},
	})
}

func TestAccAgentJob_action(t *testing.T) {
	env := newAccEnv(t, emulator.Options{JobDuration: jobEndsAtOnce})
	before := 0
	if env.emu != nil {
		before = len(env.emu.Jobs())
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   needsActions,
		Steps: []resource.TestStep{{
			Config: env.config(`action "mintlify_agent_job" "docs" {
  config {
    prompt = "The spec changed: update the reference"
  }
}
resource "terraform_data" "spec" {
  input = "v2"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.mintlify_agent_job.docs]
    }
  }
}`),
			Check: func(*terraform.State) error {
				if env.emu != nil && len(env.emu.Jobs()) != before+1 {
					return fmt.Errorf("%d jobs after the action, want %d", len(env.emu.Jobs()), before+1)
				}
				return nil
			},
		}},
	})
}
