package provider

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
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

func followUpConfig(env *accEnv, prompt string, followUps ...string) string {
	list, _ := json.Marshal(append([]string{}, followUps...))
	return jobConfig(env, fmt.Sprintf("  prompt            = %q\n  follow_up_prompts = %s\n  timeouts = { update = \"3s\" }", prompt, list))
}

func stringList(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.ListExact(checks)
}

func TestAccAgentJob_followUps(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	env.emulatorOnly(t)
	const first = "Document the CLI [emulator:no-pr]"
	var jobID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: followUpConfig(env, first),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("pr_link"), knownvalue.Null()),
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("follow_up_prompts"), knownvalue.ListSizeExact(0)),
				},
				Check: func(s *terraform.State) error {
					jobID = s.RootModule().Resources[jobAddr].Primary.ID
					return nil
				},
			},
			{
				// Appending a prompt sends it in place and refreshes the job.
				Config: followUpConfig(env, first, "Add examples to every command"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(jobAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(jobAddr, tfjsonpath.New("status")),
						plancheck.ExpectUnknownValue(jobAddr, tfjsonpath.New("pr_link")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("follow_up_prompts"), stringList("Add examples to every command")),
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("pr_link"), knownvalue.StringRegexp(prLinkPattern)),
				},
				Check: func(s *terraform.State) error {
					if id := s.RootModule().Resources[jobAddr].Primary.ID; id != jobID {
						return fmt.Errorf("job id changed from %s to %s: the follow-up replaced the job", jobID, id)
					}
					if n := env.emu.CountRequests(http.MethodPost, "/message"); n != 1 {
						return fmt.Errorf("message requests = %d, want 1", n)
					}
					return nil
				},
			},
			// Editing a prompt already sent cannot be undone: replace.
			expectPlan(followUpConfig(env, first, "Add examples to some commands"), plancheck.ExpectResourceAction(jobAddr, plancheck.ResourceActionDestroyBeforeCreate)),
		},
	})
	job, _ := env.emu.Job(jobID)
	if !reflect.DeepEqual(job.Messages, []string{"Add examples to every command"}) {
		t.Errorf("the job received messages %q", job.Messages)
	}
}

func TestAccAgentJob_followUpsOnCreate(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: followUpConfig(env, "Write the guide", "Add a diagram", "Shorten the intro"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("follow_up_prompts"), stringList("Add a diagram", "Shorten the intro")),
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
			},
		}},
	})
	if jobs := env.emu.Jobs(); len(jobs) != 1 || !reflect.DeepEqual(jobs[0].Messages, []string{"Add a diagram", "Shorten the intro"}) {
		t.Errorf("jobs: %+v; want one job with both messages in order", jobs)
	}
}

// TestAccAgentJob_interruptedFollowUps times out while the first of two new
// prompts runs: state keeps exactly that prompt, and it is not sent again.
func TestAccAgentJob_interruptedFollowUps(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	env.emulatorOnly(t)
	long := "Rewrite everything [emulator:duration=1h]"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: followUpConfig(env, "Start")},
			{
				Config:      followUpConfig(env, "Start", long, "Then polish"),
				ExpectError: errorLike("Timed out waiting", "follow-up prompts sent so far", "never sent again"),
			},
			expectPlan(followUpConfig(env, "Start", long, "Then polish"), plancheck.ExpectResourceAction(jobAddr, plancheck.ResourceActionUpdate),
				expectPriorState(jobAddr, func(attrs map[string]any, tainted bool) error {
					sent, _ := attrs["follow_up_prompts"].([]any)
					if len(sent) != 1 || sent[0] != long || tainted {
						return fmt.Errorf("follow_up_prompts in state = %v (tainted %v); want exactly the prompt sent", sent, tainted)
					}
					return nil
				})),
		},
	})
	if n := env.emu.CountRequests(http.MethodPost, "/message"); n != 1 {
		t.Errorf("message requests = %d, want 1", n)
	}
}

func TestAccAgentJob_followUpRefused(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	env.emulatorOnly(t)
	const first = "Archive me [emulator:archive]"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: followUpConfig(env, first)},
			{
				Config:      followUpConfig(env, first, "One more thing"),
				ExpectError: errorLike("Could not send the follow-up prompt", "Cannot send a message to an archived job", "archived job takes no more prompts"),
			},
		},
	})
}

func TestAccAgentJob_v1Options(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	env.emulatorOnly(t)
	config := jobConfig(env, `  prompt        = "Document the SDK"
  model         = "opus"
  as_draft      = true
  branch        = "docs/sdk"
  system_prompt = "Write in British English."`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("model"), knownvalue.StringExact("opus")),
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("source").AtMapKey("ref"), knownvalue.StringExact("docs/sdk")),
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("pr_link"), knownvalue.StringRegexp(prLinkPattern)),
				},
			},
			{
				// Imported, the job reports its full model name; the configured
				// family is adopted in place, not a reason to replace it.
				ResourceName:            jobAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"prompt", "model", "as_draft", "branch", "system_prompt", "follow_up_prompts"},
			},
		},
	})
	var body struct {
		Messages []struct{ Role, Content string }
		Branch   string
		AsDraft  bool
		Model    string
	}
	for _, r := range env.emu.Requests() {
		if r.Method == http.MethodPost && r.Path == "/v1/agent/"+env.projectID+"/job" {
			if err := json.Unmarshal([]byte(r.Body), &body); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := []struct{ Role, Content string }{{"system", "Write in British English."}, {"user", "Document the SDK"}}
	if body.Model != "opus" || !body.AsDraft || body.Branch != "docs/sdk" || !reflect.DeepEqual(body.Messages, want) {
		t.Errorf("v1 create body = %+v", body)
	}
	if n := env.emu.CountRequests(http.MethodPost, "/v2/agent/"+env.projectID+"/job"); n != 0 {
		t.Errorf("v2 creates = %d, want 0", n)
	}
}

func TestAccAgentJob_importedModelIsAdopted(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	env.emulatorOnly(t) // the real API's model names vary
	jobID := env.createJob(t, "Imported job")
	config := func(model string) string {
		return env.config(fmt.Sprintf(`import {
  to = mintlify_agent_job.test
  id = %q
}
resource "mintlify_agent_job" "test" {
%s
}
`, jobID, model))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// The full name the API reports is valid configuration.
				Config: config(`  model = "claude-sonnet-4-5"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(jobAddr, plancheck.ResourceActionNoop)},
				},
			},
			{
				Config: config(`  model = "sonnet"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(jobAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("model"), knownvalue.StringExact("sonnet")),
				},
			},
			// Another family is another job (which needs its prompt).
			expectPlan(config("  model  = \"opus\"\n  prompt = \"Imported job\""), plancheck.ExpectResourceAction(jobAddr, plancheck.ResourceActionReplace)),
		},
	})
}

func TestAccAgentJob_badConversationInputs(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	bad := func(attrs string, phrases ...string) badConfig {
		return badConfig{jobConfig(env, attrs), errorLike(phrases...)}
	}
	notBlank := []string{"follow_up_prompts", "at least one character that is not white space"}
	testBadConfigs(t, map[string]badConfig{
		"model gpt":          bad("prompt = \"x\"\nmodel = \"gpt\"", "Invalid model", `"gpt"`, `"sonnet" or "opus"`),
		"empty follow-up":    bad("prompt = \"x\"\nfollow_up_prompts = [\"ok\", \"\"]", notBlank...),
		"blank follow-up":    bad("prompt = \"x\"\nfollow_up_prompts = [\"  \"]", notBlank...),
		"blank branch":       bad("prompt = \"x\"\nbranch = \" \"", "branch", "must not be empty"),
		"branch with ..":     bad("prompt = \"x\"\nbranch = \"docs..x\"", "Invalid branch", `"docs..x"`, `must not contain ".."`),
		"branch with space":  bad("prompt = \"x\"\nbranch = \"docs x\"", "Invalid branch", "must not contain spaces"),
		"branch .lock":       bad("prompt = \"x\"\nbranch = \"docs/x.lock\"", "Invalid branch", `end with ".lock"`),
		"haiku for new jobs": bad("prompt = \"x\"\nmodel = \"claude-haiku-4-5\"", "Invalid model for a new job", `"sonnet" or "opus"`),
	})
}

// TestAccAgentJob_followUpsWaitForEachRun checks that a conversation is
// sequential: each follow-up goes out only after the job's previous run
// has ended, even when the resource does not wait for completion, and an
// update first waits for a run still active from the create.
func TestAccAgentJob_followUpsWaitForEachRun(t *testing.T) {
	const run = 2 * time.Second
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: run}})
	env.emulatorOnly(t)
	config := func(wait bool, followUps ...string) string {
		list, _ := json.Marshal(followUps)
		return jobConfig(env, fmt.Sprintf("  prompt              = \"Write the guide\"\n  follow_up_prompts   = %s\n  wait_for_completion = %t", list, wait))
	}
	// Each agent use (the create, then each message) must come a run's
	// length after the one before it.
	sequential := func(uses int) error {
		var at []time.Time
		for _, r := range env.emu.Requests() {
			if r.Method == http.MethodPost {
				at = append(at, r.At)
			}
		}
		if len(at) != uses {
			return fmt.Errorf("%d agent uses, want %d", len(at), uses)
		}
		for i := 1; i < len(at); i++ {
			if gap := at[i].Sub(at[i-1]); gap < run-50*time.Millisecond {
				return fmt.Errorf("use %d came %s after the one before, while that run lasts %s: a follow-up was sent to an active job", i+1, gap, run)
			}
		}
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config(false, "Add a diagram", "Add an FAQ", "Shorten the intro"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("follow_up_prompts"), stringList("Add a diagram", "Add an FAQ", "Shorten the intro")),
					// Not waited for after the last prompt.
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
				},
				Check: func(*terraform.State) error { return sequential(4) },
			},
			{
				// The last run is still active when the update starts.
				Config: config(true, "Add a diagram", "Add an FAQ", "Shorten the intro", "Add a glossary"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
				},
				Check: func(*terraform.State) error { return sequential(5) },
			},
		},
	})
}

// TestAccAgentJob_importedFollowUpsAreRecorded imports a job into a
// configuration with its prompt and follow-ups: Mintlify cannot say which
// prompts a job was sent, so they are recorded, never sent again; one
// appended after that is sent.
func TestAccAgentJob_importedFollowUpsAreRecorded(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	env.emulatorOnly(t)
	jobID := env.createJob(t, "Document the CLI")
	config := func(followUps string) string {
		return env.config(fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\nresource \"mintlify_agent_job\" \"test\" {\n"+
			"  prompt = \"Document the CLI\"\n  follow_up_prompts = [%s]\n}\n", jobAddr, jobID, followUps))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(`"Add examples", "Fix the links"`), ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("follow_up_prompts"), knownvalue.ListSizeExact(2)),
			}},
			{Config: config(`"Add examples", "Fix the links"`), ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			}},
			{Config: config(`"Add examples", "Fix the links", "Add a changelog"`)},
		},
	})
	if job, _ := env.emu.Job(jobID); len(job.Messages) != 1 || job.Messages[0] != "Add a changelog" {
		t.Errorf("messages sent %q; want only the one appended after the import", job.Messages)
	}
}
