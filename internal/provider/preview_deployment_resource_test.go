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
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

const previewAddr = "mintlify_preview_deployment.test"

func previewConfig(env *accEnv, branch string, attrs ...string) string {
	return env.config(fmt.Sprintf("resource \"mintlify_preview_deployment\" \"test\" {\n  branch = %q\n%s\n}\n", branch, strings.Join(attrs, "\n")))
}

func TestAccPreviewDeployment_createReplaceAndImport(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t) // previews branches that exist only in the emulator
	var first string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: previewConfig(env, "docs/widgets"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(previewAddr, tfjsonpath.New("status"), knownvalue.StringExact("success")),
					statecheck.ExpectKnownValue(previewAddr, tfjsonpath.New("preview_url"), knownvalue.StringRegexp(regexp.MustCompile(`^https://\S+`))),
					statecheck.ExpectKnownValue(previewAddr, tfjsonpath.New("branch"), knownvalue.StringExact("docs/widgets")),
					statecheck.ExpectKnownValue(previewAddr, tfjsonpath.New("commit").AtMapKey("ref"), knownvalue.StringExact("docs/widgets")),
					statecheck.ExpectKnownValue(previewAddr, tfjsonpath.New("trigger_source"), knownvalue.StringExact("api")),
					statecheck.ExpectKnownValue(previewAddr, tfjsonpath.New("ended_at"), knownvalue.StringRegexp(rfc3339Fraction)),
				},
				Check: statusID(previewAddr, &first),
			},
			{
				// The status endpoint has no preview URL: an import has none.
				ResourceName:            previewAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"wait_for_completion", "allow_failure", "poll_interval", "timeouts", "triggers", "preview_url"},
			},
			{
				Config: previewConfig(env, "docs/gadgets"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(previewAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(previewAddr, tfjsonpath.New("commit").AtMapKey("ref"), knownvalue.StringExact("docs/gadgets")),
				},
			},
		},
	})
	if env.emu != nil {
		if n := countTriggers(env, "preview"); n != 2 {
			t.Errorf("previews triggered = %d, want 2", n)
		}
	}
}

func TestAccPreviewDeployment_notOnThePlan(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Deployments: emulator.DeploymentOptions{PreviewsDisabled: true}})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      previewConfig(env, "docs/widgets"),
			ExpectError: errorLike("Could not start the Mintlify preview deployment", "HTTP 403", "not available on every Mintlify plan"),
		}},
	})
	if n := countTriggers(env, "preview"); n != 1 {
		t.Errorf("previews triggered = %d, want 1: a 403 is not retried", n)
	}
}

// TestAccPreviewDeployment_rateLimitIsWaitedOut answers the first two
// preview triggers 429 with Retry-After: 1: the provider waits as asked
// before each retry, and one preview is made.
func TestAccPreviewDeployment_rateLimitIsWaitedOut(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	env.emu.SetFaults(emulator.Faults{Reject429: 2, RetryAfter: time.Second})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: previewConfig(env, "docs/widgets"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(previewAddr, tfjsonpath.New("status"), knownvalue.StringExact("success")),
			},
		}},
	})
	var at []time.Time
	for _, r := range env.emu.Requests() {
		if r.Method == http.MethodPost {
			at = append(at, r.At)
		}
	}
	if len(at) != 3 || len(env.emu.Deployments()) != 1 {
		t.Fatalf("%d triggers and %d deployments; want 3 triggers (two refused) and 1 deployment", len(at), len(env.emu.Deployments()))
	}
	for i := 1; i < len(at); i++ {
		if gap := at[i].Sub(at[i-1]); gap < time.Second-50*time.Millisecond {
			t.Errorf("retry %d came %s after a 429 that asked for 1s", i, gap)
		}
	}
}

// TestAccPreviewDeployment_realRateLimit runs into Mintlify's limit of
// previews per organization, over a window shorter than the timeout: the
// extra preview waits for a slot instead of failing.
func TestAccPreviewDeployment_realRateLimit(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Deployments: emulator.DeploymentOptions{PreviewLimit: 2, PreviewWindow: 2 * time.Second}})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(`resource "mintlify_preview_deployment" "test" {
  count  = 3
  branch = "docs/page-${count.index}"
}`),
		}},
	})
	if n := len(env.emu.Deployments()); n != 3 {
		t.Errorf("%d previews exist, want 3", n)
	}
}

func TestAccPreviewDeployment_badInputs(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.expectNoRequests(t)
	testBadConfigs(t, map[string]badConfig{
		"empty branch":           {previewConfig(env, ""), errorLike("branch", "must not be empty")},
		"blank branch":           {previewConfig(env, "  "), errorLike("branch", "must not be empty")},
		"branch starting with -": {previewConfig(env, "-f"), errorLike("Invalid branch", `"-f"`, "must not start with '-'")},
		"branch ending with /":   {previewConfig(env, "docs/"), errorLike("Invalid branch", "must not start or end with '/'")},
		"no branch": {env.config(`resource "mintlify_preview_deployment" "test" {}`),
			regexp.MustCompile(`(?i)"branch" is required`)},
		"poll_interval zero": {previewConfig(env, "docs", `poll_interval = "0s"`), errorLike("poll_interval", "at least 1s")},
	})
}

// TestAccPreviewDeployment_rateLimitPastTimeout is told to wait an hour
// with 10 minutes to go: it fails at once, naming the preview limit.
func TestAccPreviewDeployment_rateLimitPastTimeout(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	env.emu.SetFaults(emulator.Faults{Reject429: 100, RetryAfter: time.Hour})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      previewConfig(env, "docs/widgets", `timeouts = { create = "10m" }`),
			ExpectError: errorLike("rate limit of 5 preview deployments per minute", "HTTP 429", "Try again in 1h0m0s"),
		}},
	})
	if n := countTriggers(env, "preview"); n != 1 {
		t.Errorf("previews triggered = %d, want 1", n)
	}
}
