package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

const deploymentAddr = "mintlify_deployment.test"

func deploymentConfig(env *accEnv, attrs string) string {
	return env.config(fmt.Sprintf("resource \"mintlify_deployment\" \"test\" {\n%s\n}\n", attrs))
}

// countTriggers counts the trigger requests of a kind ("update" for
// production, "preview") that reached the emulator.
func countTriggers(env *accEnv, kind string) int {
	n := 0
	for _, r := range env.emu.Requests() {
		if r.Method == http.MethodPost && strings.HasPrefix(r.Path, "/v1/project/"+kind+"/") {
			n++
		}
	}
	return n
}

// statusID records a resource's id after a step, for later steps.
func statusID(addr string, id *string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		*id = s.RootModule().Resources[addr].Primary.ID
		return nil
	}
}

func TestAccDeployment_createWaitAndImport(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	config := deploymentConfig(env, "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^\S+$`))),
					statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("project_id"), knownvalue.StringExact(env.projectID)),
					statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("status"), knownvalue.StringExact("success")),
					statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("summary"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("subdomain"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("trigger_source"), knownvalue.StringExact("api")),
					statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("created_at"), knownvalue.StringRegexp(rfc3339Fraction)),
					statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("ended_at"), knownvalue.StringRegexp(rfc3339Fraction)),
					statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("commit"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"sha":     knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{7,40}$`)),
						"ref":     knownvalue.StringExact(emulator.DeploymentBranch),
						"message": knownvalue.NotNull(),
					})),
				},
			},
			{
				ResourceName:            deploymentAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"wait_for_completion", "allow_failure", "poll_interval", "timeouts", "triggers"},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
	if env.emu != nil {
		if n := countTriggers(env, "update"); n != 1 {
			t.Errorf("deployments triggered = %d, want 1", n)
		}
	}
}

func TestAccDeployment_importBlockPlansClean(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	id, err := env.client(t).TriggerDeployment(t.Context(), env.projectID)
	if err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf("import {\n  to = mintlify_deployment.test\n  id = %q\n}\nresource \"mintlify_deployment\" \"test\" {}\n", id)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(deploymentAddr, plancheck.ResourceActionNoop)},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("id"), knownvalue.StringExact(id)),
				statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("project_id"), knownvalue.StringExact(env.projectID)),
			},
		}},
	})
	if n := countTriggers(env, "update"); n != 1 {
		t.Errorf("deployments triggered = %d, want the 1 imported", n)
	}
}

func TestAccDeployment_failure(t *testing.T) {
	env := newAccEnv(t, emulator.Options{DeploymentOutcome: emulator.DeploymentFailure})
	env.emulatorOnly(t)
	env.emu.NextDeployments(emulator.DeploymentPlan{Summary: "The build failed: mint.json is invalid",
		Logs: []string{"Building the site", "error: mint.json: unknown key \"navigtion\""}})
	config := deploymentConfig(env, "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ExpectError: errorLike("The Mintlify deployment failed", `ended with status "failure"`, "The build failed: mint.json is invalid",
					`unknown key "navigtion"`, "untaint", "allow_failure = true"),
			},
			expectPlan(config, expectTaintedInPriorState(deploymentAddr),
				plancheck.ExpectResourceAction(deploymentAddr, plancheck.ResourceActionDestroyBeforeCreate)),
		},
	})
	if n := countTriggers(env, "update"); n != 1 {
		t.Errorf("deployments triggered = %d, want 1", n)
	}
}

func TestAccDeployment_allowFailure(t *testing.T) {
	env := newAccEnv(t, emulator.Options{DeploymentOutcome: emulator.DeploymentFailure})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: deploymentConfig(env, "  allow_failure = true"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("status"), knownvalue.StringExact("failure")),
				statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("ended_at"), knownvalue.NotNull()),
			},
		}},
	})
}

func TestAccDeployment_noWait(t *testing.T) {
	env := newAccEnv(t, emulator.Options{DeploymentInProgress: time.Hour})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: deploymentConfig(env, "  wait_for_completion = false"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("status"), knownvalue.StringExact("queued")),
				statecheck.ExpectKnownValue(deploymentAddr, tfjsonpath.New("ended_at"), knownvalue.Null()),
			},
		}},
	})
}

func TestAccDeployment_timeoutKeepsID(t *testing.T) {
	env := newAccEnv(t, emulator.Options{DeploymentInProgress: time.Hour})
	env.emulatorOnly(t)
	config := deploymentConfig(env, `  timeouts = { create = "3s" }`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: errorLike("Timed out waiting for the Mintlify deployment", `was still "in_progress" after 3s`, "untaint", "timeouts.create"),
			},
			expectPlan(config, expectTaintedInPriorState(deploymentAddr)),
		},
	})
	if n := countTriggers(env, "update"); n != 1 {
		t.Errorf("deployments triggered = %d, want 1", n)
	}
}

// TestAccDeployment_triggers changes triggers: exactly one new deployment.
func TestAccDeployment_triggers(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	var first string
	commit := func(sha string, more ...string) string {
		return deploymentConfig(env, fmt.Sprintf("  triggers = { commit = %q }\n%s", sha, strings.Join(more, "\n")))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: commit("1a2b3c"), Check: statusID(deploymentAddr, &first)},
			{
				Config: commit("4d5e6f"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(deploymentAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: func(s *terraform.State) error {
					if id := s.RootModule().Resources[deploymentAddr].Primary.ID; id == first {
						return fmt.Errorf("the deployment kept id %s: no new deployment", id)
					}
					if env.emu != nil && countTriggers(env, "update") != 2 {
						return fmt.Errorf("deployments triggered = %d, want 2", countTriggers(env, "update"))
					}
					return nil
				},
			},
			// Only the wait settings change: no new deployment.
			{
				Config: commit("4d5e6f", "  allow_failure = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(deploymentAddr, plancheck.ResourceActionUpdate)},
				},
			},
		},
	})
	if env.emu != nil {
		if n := countTriggers(env, "update"); n != 2 {
			t.Errorf("deployments triggered = %d, want 2", n)
		}
	}
}

func TestAccDeployment_deletedOutsideTerraform(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	var id string
	config := deploymentConfig(env, "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: statusID(deploymentAddr, &id)},
			withPreConfig(func() { env.emu.DeleteDeployment(id) },
				expectPlan(config, plancheck.ExpectResourceAction(deploymentAddr, plancheck.ResourceActionCreate))),
		},
	})
}

func TestAccDeployment_ambiguousTriggerIsNotRetried(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	env.emu.SetFaults(emulator.Faults{CreateErrorAfterCreate: 1})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      deploymentConfig(env, ""),
			ExpectError: errorLike("Could not start the Mintlify deployment", "may have started the deployment", "import it"),
		}},
	})
	if n := countTriggers(env, "update"); n != 1 {
		t.Errorf("deployments triggered = %d, want 1: an ambiguous trigger must not be retried", n)
	}
}

func TestAccDeployment_badInputs(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.expectNoRequests(t)
	bad := func(attrs string, want *regexp.Regexp) badConfig {
		return badConfig{deploymentConfig(env, attrs), want}
	}
	testBadConfigs(t, map[string]badConfig{
		"poll_interval zero": bad(`poll_interval = "0s"`, errorLike("poll_interval", "at least 1s")),
		"timeout zero":       bad(`timeouts = { create = "0s" }`, errorLike("timeouts.create", "must be a positive duration")),
		"timeout not a time": bad(`timeouts = { create = "soon" }`, errorLike("which is not a duration")),
		"project_id blank":   bad(`project_id = ""`, errorLike("without '/' or spaces")),
		"triggers not a map": bad(`triggers = "x"`, regexp.MustCompile(`(?i)map`)),
		"unknown argument":   bad(`branch = "docs"`, regexp.MustCompile(`(?i)unsupported argument`)),
	})
}
