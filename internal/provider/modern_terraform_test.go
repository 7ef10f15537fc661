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

// These tests need a newer terraform than this project's CI has; they run
// wherever one is on PATH (or TF_ACC_TERRAFORM_PATH). protocol_test.go
// checks the same behavior through the plugin protocol everywhere.

func TestAccAgentJob_importByIdentity(t *testing.T) {
	env := newAccEnv(t, emulator.Options{JobDuration: 1})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
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
	env := newAccEnv(t, emulator.Options{JobDuration: 1})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		Steps: []resource.TestStep{
			{
				Config: env.config(`resource "mintlify_agent_job" "test" {
  count  = 2
  prompt = "Queried job ${count.index}"
}`),
			},
			{
				Query: true,
				Config: env.config(`list "mintlify_agent_job" "all" {
  provider = mintlify
}`),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLengthAtLeast("mintlify_agent_job.all", 2),
				},
			},
		},
	})
}

func TestAccAgentJob_action(t *testing.T) {
	env := newAccEnv(t, emulator.Options{JobDuration: 1})
	before := 0
	if env.emu != nil {
		before = len(env.emu.Jobs())
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
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
