package provider

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/acctest"
)

// expectOneJob checks the fault-injection promise: the emulator accepted
// exactly one create, so exactly one job exists.
func expectOneJob(t *testing.T, emu *emulator.Server) {
	t.Helper()
	accepted := 0
	for _, r := range emu.Requests() {
		if r.Method == http.MethodPost && r.Status == http.StatusCreated {
			accepted++
		}
	}
	if jobs := len(emu.Jobs()); jobs != 1 || accepted > 1 {
		t.Errorf("%d jobs exist and %d creates were accepted; want exactly one job", jobs, accepted)
	}
}

// TestAccAgentJob_survivesFaults applies one job through each kind of fault
// and checks that the apply succeeds with a single job, its id in state.
func TestAccAgentJob_survivesFaults(t *testing.T) {
	cases := map[string]emulator.Faults{
		"429 storm on create":  {Reject429: 3, RetryAfter: time.Second},
		"5xx bursts on GET":    {GetErrorRate: 0.5, GetErrorCodes: []int{500, 502, 503, 504}, Seed: 1},
		"429 on GET":           {GetErrorRate: 0.4, GetErrorCodes: []int{429}, Seed: 2},
		"malformed GET bodies": {MalformedRate: 0.5, Seed: 3},
		"slow responses":       {Latency: 400 * time.Millisecond},
		"unknown status":       {ActiveStatus: "queued"},
	}
	for name, faults := range cases {
		t.Run(name, func(t *testing.T) {
			env := newAccEnv(t, emulator.Options{})
			env.emulatorOnly(t)
			env.emu.SetFaults(faults)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: jobConfig(env, `  prompt = "Document the retry policy"`),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("id"), knownvalue.NotNull()),
						statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
					},
				}},
			})
			expectOneJob(t, env.emu)
		})
	}
}

func TestAccAgentJob_unknownStatusIsKeptRaw(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	env.emu.SetFaults(emulator.Faults{ActiveStatus: "queued"})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobConfig(env, `  prompt              = "Later [emulator:duration=1h]"
  wait_for_completion = false`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("status"), knownvalue.StringExact("queued")),
			},
		}},
	})
}

// TestAccAgentJob_rateLimitPastTimeoutFailsAtOnce answers 429 with a
// Retry-After of an hour to a create given 10 minutes: had the provider
// waited, the apply would end in a timeout, not with the rate limit's error.
func TestAccAgentJob_rateLimitPastTimeoutFailsAtOnce(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	env.emu.SetFaults(emulator.Faults{Reject429: 100, RetryAfter: time.Hour})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobConfig(env, `  prompt   = "Over budget"
  timeouts = { create = "10m" }`),
			ExpectError: errorLike("rate limit of 100 agent uses per hour", "HTTP 429", "Try again in 1h0m0s"),
		}},
	})
	if n := env.emu.CountRequests(http.MethodPost, "/job"); n != 1 {
		t.Errorf("create requests = %d, want 1", n)
	}
}

func TestAccAgentJob_realRateLimit(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	env.emulatorOnly(t)
	env.emu.SetFaults(emulator.Faults{RateLimit: 2, RateWindow: time.Hour})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(`resource "mintlify_agent_job" "test" {
  count  = 3
  prompt = "Job ${count.index}"
  timeouts = { create = "1m" }
}`),
			ExpectError: errorLike("rate limit of 100 agent uses per hour"),
		}},
	})
	if n := len(env.emu.Jobs()); n != 2 {
		t.Errorf("%d jobs exist, want the 2 the budget allows", n)
	}
}

func TestAccProvider_badInputs(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Keys: map[string][]string{"mint_other": {"other-project"}}})
	env.emulatorOnly(t)
	bad := func(attrs string, want *regexp.Regexp) badConfig {
		return badConfig{acctest.ProviderConfig(env.emu.URL(), env.emu.APIKey(), "", attrs) +
			`resource "mintlify_agent_job" "test" { prompt = "x" }`, want}
	}
	testBadConfigs(t, map[string]badConfig{
		"max_retries negative":       bad("project_id = \"p\"\n  max_retries = -1", regexp.MustCompile(`max_retries`)),
		"request_timeout not a time": bad("project_id = \"p\"\n  request_timeout = \"later\"", errorLike("request_timeout", `"later", which is not a duration`)),
		"key without project access": bad(`project_id = "other-project"`, errorLike("HTTP 403", "may not use project")),
		"project does not exist":     bad(`project_id = "no-such-project"`, errorLike("HTTP 403", "may not use project", "no-such-project", "check project_id")),
	})
}

// TestAccAgentJob_archivedJobEndsTheWait ends the wait on "archived".
func TestAccAgentJob_archivedJobEndsTheWait(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobConfig(env, `  prompt   = "Archived when done [emulator:archive]"
  timeouts = { create = "1m" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("status"), knownvalue.StringExact("archived")),
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("archived_at"), knownvalue.StringRegexp(rfc3339Pattern)),
			},
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
		}},
	})
}

// TestAccAgentJob_httpsToPlainServer points an https base URL at a server
// that does not speak TLS: the handshake fails, nothing was sent, and the
// error says so instead of suggesting an import.
func TestAccAgentJob_httpsToPlainServer(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderConfig(strings.Replace(env.emu.URL(), "http://", "https://", 1), env.emu.APIKey(), env.projectID) +
				`resource "mintlify_agent_job" "test" { prompt = "Over TLS" }`,
			ExpectError: errorLike("Could not start the Mintlify agent job", "never reached Mintlify, so nothing was started", "base_url"),
		}},
	})
	if n := len(env.emu.Jobs()); n != 0 {
		t.Errorf("%d jobs exist, want none", n)
	}
}

// TestAccAgentJob_createAnswered404 creates a job through a base URL below
// the API's root, where every call answers 404: the error names base_url
// and the project, not a job ID there is none of yet.
func TestAccAgentJob_createAnswered404(t *testing.T) {
	env := newAccEnv(t, emulator.Options{AllowUnknownPaths: true})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderConfig(env.emu.URL()+"/v1", env.emu.APIKey(), env.projectID) +
				`resource "mintlify_agent_job" "test" { prompt = "Through the wrong root" }`,
			ExpectError: errorLike("Could not start the Mintlify agent job", "404", env.projectID, env.emu.URL()+"/v1",
				"base_url: it must be the API's root"),
		}},
	})
}

// TestAccPlainTextRateLimitIsWaitedOut answers the first starts with 429s
// whose body is text/plain, as some of Mintlify's are: they are rate limits
// all the same, waited out, and each operation starts once.
func TestAccPlainTextRateLimitIsWaitedOut(t *testing.T) {
	for name, tc := range map[string]struct {
		config  string
		started func(*emulator.Server) int
	}{
		"agent job":  {`resource "mintlify_agent_job" "test" { prompt = "Through the limit" }`, func(e *emulator.Server) int { return len(e.Jobs()) }},
		"deployment": {`resource "mintlify_deployment" "test" {}`, func(e *emulator.Server) int { return len(e.Deployments()) }},
	} {
		t.Run(name, func(t *testing.T) {
			env := newAccEnv(t, emulator.Options{PlainTextRateLimits: true, Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
			env.emulatorOnly(t)
			env.emu.SetFaults(emulator.Faults{Reject429: 2, RetryAfter: time.Second})
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: env.config(tc.config)}},
			})
			if n := tc.started(env.emu); n != 1 {
				t.Errorf("%d started, want 1", n)
			}
			if n := env.emu.CountRequests(http.MethodPost, ""); n != 3 {
				t.Errorf("%d starts sent, want the 2 refused and the 1 accepted", n)
			}
		})
	}
}
