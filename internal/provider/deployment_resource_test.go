package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

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

func TestAccDeployment_failure(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Deployments: emulator.DeploymentOptions{Outcome: emulator.DeploymentFailure}})
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
