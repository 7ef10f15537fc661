package provider

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait/waittest"
)

const exportAddr = "mintlify_static_export.test"

func exportConfig(env *accEnv, attrs string) string {
	return env.config(fmt.Sprintf("resource \"mintlify_static_export\" \"test\" {\n  domain = \"docs.example.com\"\n%s\n}\n", attrs))
}

// bundleCalls counts the bundle links the emulator handed out for export id.
func bundleCalls(env *accEnv, id string) int {
	e, _ := env.emu.StaticExport(id)
	return e.Bundles
}

func TestAccStaticExport_createWaitAndImport(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	var id string
	config := exportConfig(env, `  version = "2026.12"
  paths   = ["index", "guides/getting-started"]`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^se_`))),
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("progress"), knownvalue.Float64Exact(100)),
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("page_count"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("error"), knownvalue.Null()),
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("created_at"), knownvalue.StringRegexp(rfc3339Fraction)),
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("bundle_url"), knownvalue.StringRegexp(regexp.MustCompile(`^https://`))),
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("bundle_expires_at"), knownvalue.NotNull()),
					statecheck.ExpectSensitiveValue(exportAddr, tfjsonpath.New("bundle_url")),
				},
				Check: statusID(exportAddr, &id),
			},
			{
				// A refresh with a good link makes no bundle call.
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(*terraform.State) error {
					if n := bundleCalls(env, id); n != 1 {
						return fmt.Errorf("%d bundle calls, want the 1 of the create", n)
					}
					return nil
				},
			},
			{
				ResourceName:      exportAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// Mintlify never returns what the export was started with, nor the
				// link it handed out before; an import gets a fresh one.
				ImportStateVerifyIgnore: []string{"domain", "version", "paths", "triggers", "wait_for_completion", "allow_failure",
					"poll_interval", "timeouts", "bundle_url", "bundle_expires_at"},
			},
		},
	})
	if n := len(env.emu.StaticExports()); n != 1 {
		t.Errorf("%d exports started, want 1", n)
	}
}

// TestAccStaticExport_importBlockPlansClean imports an export started
// outside Terraform into a configuration that names its domain: the domain
// is recorded, and nothing is exported again.
func TestAccStaticExport_importBlockPlansClean(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	export, err := env.client(t).StartStaticExport(t.Context(), startExport("docs.example.com"))
	if err != nil {
		t.Fatal(err)
	}
	config := env.config(fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\nresource \"mintlify_static_export\" \"test\" {\n  domain = \"docs.example.com\"\n}\n",
		exportAddr, export.JobID))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(exportAddr, plancheck.ResourceActionUpdate)},
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
	if n := len(env.emu.StaticExports()); n != 1 {
		t.Errorf("%d exports, want the 1 imported", n)
	}
}

func TestAccStaticExport_failure(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	config := exportConfig(env, `  version = "[emulator:fail]"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: errorLike("The Mintlify static export failed", `ended with status "failed"`, "Mintlify says", "untaint", "allow_failure = true"),
			},
			expectPlan(config, expectTaintedInPriorState(exportAddr),
				plancheck.ExpectResourceAction(exportAddr, plancheck.ResourceActionDestroyBeforeCreate)),
		},
	})
	if e := env.emu.StaticExports(); len(e) != 1 || e[0].Bundles != 0 {
		t.Errorf("exports %+v; want 1, and no bundle asked for a failed one", e)
	}
}

func TestAccStaticExport_allowFailure(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: exportConfig(env, "  version = \"[emulator:fail]\"\n  allow_failure = true"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("status"), knownvalue.StringExact("failed")),
				statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("error"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("bundle_url"), knownvalue.Null()),
			},
		}},
	})
}

func TestAccStaticExport_timeoutKeepsID(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	config := exportConfig(env, "  version = \"[emulator:duration=1h]\"\n  timeouts = { create = \"3s\" }")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, ExpectError: errorLike("Timed out waiting for the Mintlify static export", `was still "running" after 3s`,
				"goes on", "untaint", "timeouts.create")},
			expectPlan(config, expectTaintedInPriorState(exportAddr)),
		},
	})
}

// TestAccStaticExport_noWaitThenRefresh starts an export without waiting:
// it is queued, with no link; the refresh after it has completed asks for
// the link.
func TestAccStaticExport_noWaitThenRefresh(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	config := exportConfig(env, "  wait_for_completion = false")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("status"), knownvalue.StringExact("queued")),
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("bundle_url"), knownvalue.Null()),
				},
			},
			withPreConfig(func() { time.Sleep(1500 * time.Millisecond) }, resource.TestStep{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("bundle_url"), knownvalue.NotNull()),
				},
			}),
		},
	})
}

// TestAccStaticExport_refreshRenewsTheLink refreshes an export whose link
// has expired, then one whose link expires within the margin, then one
// with a good link: the first two ask for a fresh link, the last does not.
// The provider and the emulator share a clock the test moves.
func TestAccStaticExport_refreshRenewsTheLink(t *testing.T) {
	clock := waittest.NewClock(time.Now())
	env := newAccEnv(t, emulator.Options{Now: clock.Now, BundleLinkLifetime: time.Hour})
	env.emulatorOnly(t)
	var id string
	calls := func(want int) func(*terraform.State) error {
		return func(*terraform.State) error {
			if n := bundleCalls(env, id); n != want {
				return fmt.Errorf("%d bundle calls, want %d", n, want)
			}
			return nil
		}
	}
	config := exportConfig(env, "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesOn(clock),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(statusID(exportAddr, &id), calls(1))},
			withPreConfig(func() { clock.Advance(2 * time.Hour) }, resource.TestStep{Config: config, Check: calls(2)}),
			withPreConfig(func() { clock.Advance(50 * time.Minute) }, resource.TestStep{Config: config, Check: calls(3)}),
			withPreConfig(func() { clock.Advance(10 * time.Minute) }, resource.TestStep{Config: config, Check: calls(3)}),
		},
	})
}

func TestAccStaticExport_notOnThePlan(t *testing.T) {
	env := newAccEnv(t, emulator.Options{StaticExportDisabled: true})
	env.emulatorOnly(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      exportConfig(env, ""),
			ExpectError: errorLike("Could not start the Mintlify static export", "HTTP 403", "lacks static export"),
		}},
	})
}

func TestAccStaticExport_badInputs(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.expectNoRequests(t)
	domain := func(d string) string {
		return env.config(fmt.Sprintf("resource \"mintlify_static_export\" \"test\" {\n  domain = %q\n}\n", d))
	}
	testBadConfigs(t, map[string]badConfig{
		"domain with a scheme":    {domain("https://docs.example.com"), errorLike("Invalid domain", "without a scheme")},
		"domain with a path":      {domain("docs.example.com/docs"), errorLike("Invalid domain", "without a path")},
		"domain with a slash":     {domain("docs.example.com/"), errorLike("Invalid domain", "trailing '/'")},
		"domain with a port":      {domain("docs.example.com:443"), errorLike("Invalid domain", "without a port")},
		"domain without a dot":    {domain("localhost"), errorLike("Invalid domain", "host name with a dot")},
		"no domain":               {env.config(`resource "mintlify_static_export" "test" {}`), errorLike("Missing domain", "set domain")},
		"no paths":                {exportConfig(env, "  paths = []"), errorLike("paths", "at least 1")},
		"blank path":              {exportConfig(env, `  paths = [" "]`), errorLike("paths", "not white space")},
		"poll_interval too short": {exportConfig(env, `  poll_interval = "100ms"`), errorLike("poll_interval", "at least 1s")},
	})
}

// startExport is a request to export domain.
func startExport(domain string) mintlify.StaticExportRequest {
	return mintlify.StaticExportRequest{Domain: domain}
}
