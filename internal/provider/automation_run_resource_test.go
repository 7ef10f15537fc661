package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

const automationAddr = "mintlify_automation_run.test"

func automationConfig(env *accEnv, attrs string) string {
	return env.config(fmt.Sprintf("resource \"mintlify_automation_run\" \"test\" {\n%s\n}\n", attrs))
}

func TestAccAutomationRun(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	run := func(trigger string) string {
		return automationConfig(env, fmt.Sprintf("  automation_id = %q\n  triggers = { merged = %q }", emulator.DefaultAutomationID, trigger))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: run("abc123"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(automationAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^\S+$`))),
					statecheck.ExpectKnownValue(automationAddr, tfjsonpath.New("job_id"), knownvalue.StringRegexp(regexp.MustCompile(`^\S+$`))),
					statecheck.ExpectKnownValue(automationAddr, tfjsonpath.New("automation_id"), knownvalue.StringExact(emulator.DefaultAutomationID)),
					statecheck.ExpectKnownValue(automationAddr, tfjsonpath.New("project_id"), knownvalue.StringExact(env.projectID)),
				},
			},
			{
				Config: run("def456"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(automationAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
			},
		},
	})
	if n := len(env.emu.AutomationRuns()); n != 2 {
		t.Errorf("%d automation runs, want 2", n)
	}
}

// TestAccAutomationRun_refused covers what Mintlify refuses, and a trigger
// whose answer was lost: each is sent once, and the error says what to check.
func TestAccAutomationRun_refused(t *testing.T) {
	const inactive, otherProject = "0123456789abcdef01234567", "fedcba9876543210fedcba98"
	cases := map[string]struct {
		id     string
		faults emulator.Faults
		want   *regexp.Regexp
	}{
		"inactive":        {id: inactive, want: errorLike("Could not start the Mintlify automation run", "HTTP 400", "active automation with a custom schedule")},
		"malformed id":    {id: "not-an-id", want: errorLike("HTTP 400", "automation_id")},
		"another project": {id: otherProject, want: errorLike("not found in project", "HTTP 404", "must belong to that project")},
		"answer lost": {id: emulator.DefaultAutomationID, faults: emulator.Faults{CreateErrorAfterCreate: 1},
			want: errorLike("HTTP 500", "may have started the automation run", "run history")},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env := newAccEnv(t, emulator.Options{Keys: map[string][]string{"mint_other": {"other-project"}}, Automations: []emulator.Automation{
				{ID: inactive, Inactive: true}, {ID: otherProject, ProjectID: "other-project"},
			}})
			env.emulatorOnly(t)
			env.emu.SetFaults(tc.faults)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: automationConfig(env, fmt.Sprintf("  automation_id = %q", tc.id)), ExpectError: tc.want}},
			})
			if n := env.emu.CountRequests("POST", "/trigger"); n != 1 {
				t.Errorf("trigger requests = %d, want 1: a refused or ambiguous trigger is not retried", n)
			}
		})
	}
}

func TestAccAutomationRun_badInputs(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.expectNoRequests(t)
	testBadConfigs(t, map[string]badConfig{
		"blank automation_id":   {automationConfig(env, `  automation_id = " "`), errorLike("automation_id", "at least one character that is not white space")},
		"missing automation_id": {automationConfig(env, ""), regexp.MustCompile(`(?i)"automation_id" is required`)},
	})
}
