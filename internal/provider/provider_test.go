package provider

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/acctest"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// liveEnv switches the acceptance tests from the local emulator to the real
// API (make testacc-live); the credentials come from the usual variables.
const liveEnv = "MINTLIFY_ACC_LIVE"

var testAccProtoV6ProviderFactories = factoriesOn(wait.RealClock)

// factoriesOn serves the provider as main.go does, with its waits on clock.
func factoriesOn(clock wait.Clock) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"mintlify": func() (tfprotov6.ProviderServer, error) { return newProtocol6Server(newProvider("test", clock)), nil },
	}
}

// jobEndsAtOnce is the shortest emulated job, 1 ns (0 means the default
// length): it has ended by the first poll.
const jobEndsAtOnce = time.Nanosecond

// accEnv is where an acceptance test runs: a fresh emulator, or the real API.
type accEnv struct {
	emu       *emulator.Server
	projectID string
	provider  string // the provider block
}

// newAccEnv starts an emulator for the test, or points at the real API in
// live mode. Tests run only with TF_ACC set, as make test does.
func newAccEnv(t *testing.T, opts emulator.Options) *accEnv {
	t.Helper()
	if os.Getenv(liveEnv) != "" {
		key, project := os.Getenv(envAPIKey), os.Getenv(envProjectID)
		if key == "" || project == "" {
			t.Skipf("%s is set but %s or %s is not: set both to run the acceptance tests against the real Mintlify API", liveEnv, envAPIKey, envProjectID)
		}
		return &accEnv{projectID: project, provider: `provider "mintlify" {}` + "\n"}
	}
	if opts.Jobs.Duration == 0 {
		opts.Jobs.Duration = 2 * time.Second
	}
	// Deployments and exports pass through every status within a second.
	if opts.Deployments.Queued == 0 && opts.Deployments.InProgress == 0 {
		opts.Deployments.Queued, opts.Deployments.InProgress = 300*time.Millisecond, 700*time.Millisecond
	}
	if opts.StaticExports.Queued == 0 && opts.StaticExports.Duration == 0 {
		opts.StaticExports.Queued, opts.StaticExports.Duration = 300*time.Millisecond, 700*time.Millisecond
	}
	emu := emulator.Start(t, opts)
	return &accEnv{emu: emu, projectID: emu.ProjectID(), provider: acctest.ProviderBlock(emu)}
}

// emulatorOnly skips a test that needs the emulator's control (a failing
// job, a deleted job, a wrong key) when running against the real API.
func (e *accEnv) emulatorOnly(t *testing.T) {
	t.Helper()
	if e.emu == nil {
		t.Skip("needs the local emulator to steer the API (a failure, a fault, a branch or an automation that exists only there); skipped against the real API")
	}
}

func (e *accEnv) config(body string) string { return e.provider + body }

// expectNoRequests fails the test if any request reaches the emulator, as
// configurations refused at plan time must not. It checks when the test
// ends: parallel subtests run after the test function returns.
func (e *accEnv) expectNoRequests(t *testing.T) {
	t.Helper()
	if e.emu == nil {
		return
	}
	t.Cleanup(func() {
		if n := len(e.emu.Requests()); n != 0 {
			t.Errorf("bad inputs reached the API: %d requests", n)
		}
	})
}

// client is an API client for the same endpoint as the provider under test.
func (e *accEnv) client(t testing.TB) *mintlify.Client {
	t.Helper()
	cfg := mintlify.Config{BaseURL: os.Getenv(envBaseURL), APIKey: os.Getenv(envAPIKey)}
	if e.emu != nil {
		cfg = mintlify.Config{BaseURL: e.emu.URL(), APIKey: e.emu.APIKey()}
	}
	c, err := mintlify.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// createJob starts a job outside Terraform, to import it.
func (e *accEnv) createJob(t testing.TB, prompt string) string {
	t.Helper()
	job, err := e.client(t).CreateJob(context.Background(), e.projectID, prompt)
	if err != nil {
		t.Fatal(err)
	}
	return job.ID
}

// errorLike matches an error that contains each phrase in order, however
// Terraform wrapped its lines.
func errorLike(phrases ...string) *regexp.Regexp {
	quoted := make([]string, len(phrases))
	for i, p := range phrases {
		quoted[i] = strings.Join(strings.Fields(regexp.QuoteMeta(p)), `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, `.*`))
}

// expectPlan is a plan-only step whose plan, after a refresh, must change
// something and pass checks.
func expectPlan(config string, checks ...plancheck.PlanCheck) resource.TestStep {
	return resource.TestStep{
		Config: config, PlanOnly: true, ExpectNonEmptyPlan: true,
		ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: checks},
	}
}

// withPreConfig has the step run before first (its PreConfig).
func withPreConfig(before func(), step resource.TestStep) resource.TestStep {
	step.PreConfig = before
	return step
}

// expectPriorState checks the resource in a plan's prior state: what the
// last apply left in state, even when it failed.
func expectPriorState(addr string, check func(attrs map[string]any, tainted bool) error) plancheck.PlanCheck {
	return priorStateCheck{addr: addr, check: check}
}

// expectTaintedInPriorState checks that the last apply left the resource in
// state with a job id and marked tainted.
func expectTaintedInPriorState(addr string) plancheck.PlanCheck {
	return expectPriorState(addr, func(attrs map[string]any, tainted bool) error {
		if id, _ := attrs["id"].(string); id == "" || !tainted {
			return fmt.Errorf("%s in prior state: id %q, tainted %v; want an id and tainted", addr, id, tainted)
		}
		return nil
	})
}

type priorStateCheck struct {
	addr  string
	check func(attrs map[string]any, tainted bool) error
}

func (c priorStateCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if req.Plan.PriorState == nil || req.Plan.PriorState.Values == nil {
		resp.Error = fmt.Errorf("no prior state: %s was not kept", c.addr)
		return
	}
	for _, r := range req.Plan.PriorState.Values.RootModule.Resources {
		if r.Address == c.addr {
			resp.Error = c.check(r.AttributeValues, r.Tainted)
			return
		}
	}
	resp.Error = fmt.Errorf("%s is not in the prior state: the job id was lost", c.addr)
}

// badConfig is a configuration that must fail, with an error like want.
type badConfig struct {
	config string
	want   *regexp.Regexp
}

// testBadConfigs applies each configuration in its own parallel test and
// expects its error.
func testBadConfigs(t *testing.T, cases map[string]badConfig) {
	t.Helper()
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: tc.want}},
			})
		})
	}
}

// TestAccProvider_missingCredentials clears the environment, so it cannot
// run in parallel.
func TestAccProvider_missingCredentials(t *testing.T) {
	t.Setenv(envAPIKey, "")
	t.Setenv(envProjectID, "")
	for name, tc := range map[string]badConfig{
		"api key":    {`project_id = "p"`, errorLike("Missing Mintlify API key", "MINTLIFY_API_KEY")},
		"project id": {`api_key = "mint_x"`, errorLike("Missing Mintlify project ID", "MINTLIFY_PROJECT_ID")},
	} {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: acctest.ProviderConfig("http://127.0.0.1:1", "", "", tc.config) +
						`resource "mintlify_agent_job" "x" { prompt = "hello" }`,
					PlanOnly:    true,
					ExpectError: tc.want,
				}},
			})
		})
	}
}

func TestAccProvider_wrongAPIKey(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderConfig(env.emu.URL(), "mint_wrong", env.projectID) +
				`resource "mintlify_agent_job" "x" { prompt = "hello" }`,
			ExpectError: errorLike("rejected the API key", "HTTP 401"),
		}},
	})
	if n := env.emu.CountRequests("POST", "/job"); n != 1 {
		t.Errorf("create requests = %d, want 1 (a 401 is not retried)", n)
	}
}

func TestAccProvider_badBaseURL(t *testing.T) {
	cases := map[string]badConfig{}
	for name, url := range map[string]string{
		"not a URL":     "::not a url",
		"plain http":    "http://api.example.com",
		"relative path": "api.mintlify.com",
	} {
		cases[name] = badConfig{
			config: acctest.ProviderConfig(url, "mint_x", "") +
				`resource "mintlify_agent_job" "x" { prompt = "hello" }`,
			want: errorLike("Invalid Mintlify base URL"),
		}
	}
	testBadConfigs(t, cases)
}
