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
	"github.com/mintlify/terraform-provider-mintlify/internal/wait/waittest"
)

// TestAccAgentJobsDataSource lists more jobs than two pages hold, with and
// without filters.
func TestAccAgentJobsDataSource(t *testing.T) {
	// The emulator's clock moves only when the test moves it.
	clock := waittest.NewClock(time.Now())
	env := newAccEnv(t, emulator.Options{Now: clock.Now, Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	env.emulatorOnly(t)
	for i := range 150 {
		env.createJob(t, fmt.Sprintf("Old job %d", i))
	}
	env.createJob(t, "Broken job [emulator:fail]")
	clock.After(time.Second)
	cutoff := clock.Now().UTC().Format(time.RFC3339Nano)
	clock.After(time.Second)
	for i := range 60 {
		env.createJob(t, fmt.Sprintf("New job %d [emulator:duration=1h]", i))
	}
	clock.After(time.Second) // the short jobs end
	const addr = "data.mintlify_agent_jobs.test"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.config(`data "mintlify_agent_jobs" "test" {}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("jobs"), knownvalue.ListSizeExact(211)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("project_id"), knownvalue.StringExact(env.projectID)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("jobs").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"status":      knownvalue.StringExact("active"),
						"halt_reason": knownvalue.StringExact("processing"),
						"title":       knownvalue.StringExact("New job 59"),
						"branch":      knownvalue.NotNull(),
						"created_at":  knownvalue.StringRegexp(rfc3339Pattern),
						"todos":       knownvalue.ListSizeExact(2),
					})),
				},
			},
			{
				Config: env.config(`data "mintlify_agent_jobs" "test" { status = "failed" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("jobs"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"status": knownvalue.StringExact("failed"), "halt_reason": knownvalue.StringExact("error"),
							"pr_link": knownvalue.Null(), "message_to_user": knownvalue.NotNull(),
						}),
					})),
				},
			},
			{
				Config: env.config(`data "mintlify_agent_jobs" "test" { status = "completed" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("jobs"), knownvalue.ListSizeExact(150)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("jobs").AtSliceIndex(0).AtMapKey("pr_link"), knownvalue.StringRegexp(prLinkPattern)),
				},
			},
			{
				Config: env.config(fmt.Sprintf(`data "mintlify_agent_jobs" "test" { created_after = %q }`, cutoff)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("jobs"), knownvalue.ListSizeExact(60)),
				},
			},
		},
	})
}

func TestAccAgentJobsDataSource_badFilters(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	testBadConfigs(t, map[string]badConfig{
		"created_after not a time": {env.config(`data "mintlify_agent_jobs" "test" { created_after = "yesterday" }`),
			errorLike("Invalid RFC3339 String Value", "yesterday")},
		"unknown status": {env.config(`data "mintlify_agent_jobs" "test" { status = "done" }`),
			errorLike("status", `"active"`, `"completed"`, `"failed"`)},
	})
}

// TestAccAgentJobsDataSource_createdAfterAJob lists the jobs created after
// a job: its created_at keeps the API's fractional seconds, so the job
// itself is not among them.
func TestAccAgentJobsDataSource_createdAfterAJob(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobConfig(env, `  prompt = "The newest job"`) + `
data "mintlify_agent_jobs" "after" {
  created_after = mintlify_agent_job.test.created_at
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.mintlify_agent_jobs.after", tfjsonpath.New("jobs"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}
