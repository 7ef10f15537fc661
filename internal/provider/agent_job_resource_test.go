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

const jobAddr = "mintlify_agent_job.test"

var (
	rfc3339Pattern = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$`)
	prLinkPattern  = regexp.MustCompile(`^https://github\.com/.+/pull/.+`)
	// rfc3339Fraction is an RFC 3339 time with fractional seconds.
	rfc3339Fraction = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+(Z|[+-]\d\d:\d\d)$`)
)

func jobConfig(env *accEnv, attrs string) string {
	return env.config(fmt.Sprintf(`resource "mintlify_agent_job" "test" {
%s
}
`, attrs))
}

func TestAccAgentJob_importBlockPlansClean(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	jobID := env.createJob(t, "Fix the typos in the quickstart")
	imported := func(prompt string) string {
		return env.config(fmt.Sprintf(`import {
  to = mintlify_agent_job.test
  id = %q
}
resource "mintlify_agent_job" "test" {
%s
}
`, env.projectID+"/"+jobID, prompt))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// The API never returns a prompt: config without one plans clean.
				Config: imported(""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(jobAddr, plancheck.ResourceActionNoop)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("id"), knownvalue.StringExact(jobID)),
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("prompt"), knownvalue.Null()),
				},
			},
			{
				// Adding the prompt adopts it in place: no new job.
				Config: imported(`  prompt = "Fix the typos in the quickstart"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(jobAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("id"), knownvalue.StringExact(jobID)),
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("prompt"), knownvalue.StringExact("Fix the typos in the quickstart")),
				},
			},
			// A different prompt is a different job.
			expectPlan(imported(`  prompt = "Rewrite the quickstart"`), plancheck.ExpectResourceAction(jobAddr, plancheck.ResourceActionReplace)),
		},
	})
	if env.emu != nil {
		if n := env.emu.CountRequests("POST", "/job"); n != 1 {
			t.Errorf("create requests = %d, want 1 (the import and the adoption send none)", n)
		}
	}
}

// TestAccAgentJob_createTimeoutKeepsID runs a job past its create timeout,
// a v2 job and a v1 job (read from its event stream) alike: the apply says
// it timed out, and the job is kept, tainted.
func TestAccAgentJob_createTimeoutKeepsID(t *testing.T) {
	for name, options := range map[string]string{"v2": "", "v1": `model = "opus"`} {
		t.Run(name, func(t *testing.T) {
			env := newAccEnv(t, emulator.Options{})
			env.emulatorOnly(t)
			config := jobConfig(env, `  prompt   = "A long job [emulator:duration=1h]"
  timeouts = { create = "3s" }
  `+options)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config:      config,
						ExpectError: errorLike("Timed out waiting", `was still "active" after 3s`, "terraform untaint", "timeouts.create"),
					},
					expectPlan(config, expectTaintedInPriorState(jobAddr)),
				},
			})
			if n := env.emu.CountRequests("POST", "/job"); n != 1 {
				t.Errorf("create requests = %d, want 1", n)
			}
		})
	}
}

func TestAccAgentJob_badInputs(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	notBlank := errorLike("at least one character that is not white space")
	tooShort := errorLike("at least 1s")
	notDuration := errorLike("which is not a duration")
	bad := func(attrs string, want *regexp.Regexp) badConfig { return badConfig{jobConfig(env, attrs), want} }
	env.expectNoRequests(t)
	testBadConfigs(t, map[string]badConfig{
		"empty prompt":             bad(`prompt = ""`, notBlank),
		"blank prompt":             bad(`prompt = "   \n\t"`, notBlank),
		"missing prompt":           bad(``, errorLike("Missing prompt", "set prompt")),
		"poll_interval not a time": bad("prompt = \"x\"\npoll_interval = \"soon\"", notDuration),
		"poll_interval zero":       bad("prompt = \"x\"\npoll_interval = \"0s\"", tooShort),
		"poll_interval negative":   bad("prompt = \"x\"\npoll_interval = \"-5s\"", tooShort),
		"poll_interval below 1s":   bad("prompt = \"x\"\npoll_interval = \"500ms\"", tooShort),
		"timeout not a duration":   bad("prompt = \"x\"\ntimeouts = { create = \"forever\" }", notDuration),
		"create timeout zero":      bad("prompt = \"x\"\ntimeouts = { create = \"0s\" }", errorLike("timeouts.create", "must be a positive duration")),
		"create timeout negative":  bad("prompt = \"x\"\ntimeouts = { create = \"-1m\" }", errorLike("timeouts.create", "must be a positive duration")),
		"update timeout zero":      bad("prompt = \"x\"\ntimeouts = { update = \"0s\" }", errorLike("timeouts.update", "must be a positive duration")),
		"project_id with slash":    bad("prompt = \"x\"\nproject_id = \"a/b\"", errorLike("without '/' or spaces")),
	})
}

func TestAccAgentJob_badImportIDs(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	cases := map[string]string{
		"/job":             `empty part`,
		"project/":         `empty part`,
		"a/b/c":            `more than one '/'`,
		"job with spaces":  `white space`,
		"does-not-exist-1": `(?i)non-existent|not exist`,
	}
	for id, want := range cases {
		t.Run(id, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:        jobConfig(env, `prompt = "x"`),
					ResourceName:  jobAddr,
					ImportState:   true,
					ImportStateId: id,
					ExpectError:   regexp.MustCompile(want),
				}},
			})
		})
	}
}
