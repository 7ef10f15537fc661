package provider

import (
	"fmt"
	"testing"
	"time"

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
// Terraform 1.14, and OpenTofu has neither. The GitHub workflow runs them on
// Terraform 1.14 and 1.15 (and make test-matrix on any client TF_MATRIX
// names); protocol_grpc_test.go checks the same behavior through the
// plugin protocol on every client.

var (
	needsIdentity = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)}
	needsQuery    = []tfversion.TerraformVersionCheck{terraformOnly{"terraform query"}, tfversion.SkipBelow(tfversion.Version1_14_0)}
	needsActions  = []tfversion.TerraformVersionCheck{terraformOnly{"actions"}, tfversion.SkipBelow(tfversion.Version1_14_0)}
)

func TestAccAgentJob_importByIdentity(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
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
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
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
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	before := 0
	if env.emu != nil {
		before = len(env.emu.Jobs())
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   needsActions,
		Steps: []resource.TestStep{{
			Config: actionConfig(env, "mintlify_agent_job", `prompt = "The spec changed: update the reference"`),
			Check: func(*terraform.State) error {
				if env.emu != nil && len(env.emu.Jobs()) != before+1 {
					return fmt.Errorf("%d jobs after the action, want %d", len(env.emu.Jobs()), before+1)
				}
				return nil
			},
		}},
	})
}

// actionConfig runs an action of actionType, configured with body, when a
// terraform_data resource is created.
func actionConfig(env *accEnv, actionType, body string) string {
	return env.config(fmt.Sprintf(`action %q "it" {
  config {
    %s
  }
}
resource "terraform_data" "merged" {
  input = "v2"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.%s.it]
    }
  }
}`, actionType, body, actionType))
}

func TestAccDeployment_action(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   needsActions,
		Steps: []resource.TestStep{{
			Config: actionConfig(env, "mintlify_deployment", `branch = "docs/widgets"`),
			Check: func(*terraform.State) error {
				if d := env.emu.Deployments(); len(d) != 1 || !d[0].Preview || d[0].Status(time.Now()) != emulator.DeploymentSuccess {
					return fmt.Errorf("deployments after the action: %+v; want one preview, waited for until it succeeded", d)
				}
				return nil
			},
		}},
	})
}

func TestAccAutomationRun_action(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   needsActions,
		Steps: []resource.TestStep{{
			Config: actionConfig(env, "mintlify_automation_run", fmt.Sprintf("automation_id = %q", emulator.DefaultAutomationID)),
			Check: func(*terraform.State) error {
				if n := len(env.emu.AutomationRuns()); n != 1 {
					return fmt.Errorf("%d automation runs after the action, want 1", n)
				}
				return nil
			},
		}},
	})
}

func TestAccStaticExport_action(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   needsActions,
		Steps: []resource.TestStep{{
			Config: actionConfig(env, "mintlify_static_export", `domain = "docs.example.com"`),
			Check: func(*terraform.State) error {
				if e := env.emu.StaticExports(); len(e) != 1 || e[0].Bundles != 1 {
					return fmt.Errorf("exports after the action: %+v; want one, waited for and its bundle asked for once", e)
				}
				return nil
			},
		}},
	})
}
