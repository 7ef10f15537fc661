package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

// The lifecycle every kind shares is in lifecycle_test.go; these test what
// only an export does.

const exportAddr = "mintlify_static_export.test"

func exportConfig(env *accEnv, attrs string) string {
	return env.config(fmt.Sprintf("resource \"mintlify_static_export\" \"test\" {\n  domain = \"docs.example.com\"\n%s\n}\n", attrs))
}

// bundleCalls counts the bundle links the emulator handed out.
func bundleCalls(env *accEnv) int {
	n := 0
	for _, e := range env.emu.StaticExports() {
		n += e.Bundles
	}
	return n
}

// TestAccStaticExport_keepsNoLink exports some pages and refreshes: the
// state has the export, and neither the create nor a refresh asks for a
// link to the bundle, a credential the state would keep.
func TestAccStaticExport_keepsNoLink(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	config := exportConfig(env, "  version = \"2026.12\"\n  paths   = [\"index\", \"guides/getting-started\"]")
	noLink := func(*terraform.State) error {
		if n := bundleCalls(env); n != 0 {
			return fmt.Errorf("%d bundle calls, want none", n)
		}
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^se_`))),
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("progress"), knownvalue.Float64Exact(100)),
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("page_count"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("error"), knownvalue.Null()),
				},
				Check: noLink,
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            noLink,
			},
		},
	})
}

// TestAccStaticExport_failingBundleEndpoint: a bundle endpoint that fails
// cannot fail or taint the resource, which never calls it.
func TestAccStaticExport_failingBundleEndpoint(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	env.emu.SetFaults(emulator.Faults{BundleErrors: 1000})
	config := exportConfig(env, "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
			}},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

// TestProtocol_staticExportStateUpgrade upgrades a state of version 0,
// which kept a link to the bundle: the link is gone, the rest kept.
func TestProtocol_staticExportStateUpgrade(t *testing.T) {
	e := newProtoEnv(t)
	old := `{"id":"se_3f9a2c1b8e7d4a06","domain":"docs.example.com","version":null,"paths":null,"triggers":null,` +
		`"wait_for_completion":null,"allow_failure":null,"poll_interval":null,"timeouts":null,"status":"completed",` +
		`"progress":100,"page_count":120,"created_at":"2026-12-01T10:00:00.000Z","updated_at":"2026-12-01T10:01:00.000Z",` +
		`"error":null,"bundle_url":"https://bundles.example/se_3f9a2c1b8e7d4a06.tar.gz?X-Amz-Signature=abc",` +
		`"bundle_size_bytes":20400000,"bundle_expires_at":"2026-12-01T11:01:00.000Z"}`
	resp, err := e.server.UpgradeResourceState(e.ctx, &tfprotov6.UpgradeResourceStateRequest{
		TypeName: "mintlify_static_export", Version: 0, RawState: &tfprotov6.RawState{JSON: []byte(old)},
	})
	e.noErrors("UpgradeResourceState", err, resp.Diagnostics)
	upgraded := e.decode(e.schema.ResourceSchemas["mintlify_static_export"].ValueType(), resp.UpgradedState)
	if upgraded["id"] != "se_3f9a2c1b8e7d4a06" || upgraded["domain"] != "docs.example.com" || upgraded["status"] != "completed" {
		t.Errorf("upgraded state %v; want the export kept", upgraded)
	}
	for _, name := range linkAttributes {
		if _, kept := upgraded[name]; kept {
			t.Errorf("upgraded state keeps %s", name)
		}
	}
}

func TestAccStaticExport_notOnThePlan(t *testing.T) {
	env := newAccEnv(t, emulator.Options{StaticExports: emulator.StaticExportOptions{Disabled: true}})
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
		"domain with a space":     {domain("docs example.com"), errorLike("Invalid domain", "no spaces")},
		"domain with _":           {domain("my_docs.example.com"), errorLike("Invalid domain", "no '_'")},
		"domain with a dot last":  {domain("docs.example.com."), errorLike("Invalid domain", "trailing '.'")},
		"domain not in ASCII":     {domain("bücher.example"), errorLike("Invalid domain", "punycode")},
		"no domain":               {env.config(`resource "mintlify_static_export" "test" {}`), errorLike("Missing domain", "set domain")},
		"no paths":                {exportConfig(env, "  paths = []"), errorLike("paths", "at least 1")},
		"blank path":              {exportConfig(env, `  paths = [" "]`), errorLike("paths", "not white space")},
		"poll_interval too short": {exportConfig(env, `  poll_interval = "100ms"`), errorLike("poll_interval", "at least 1s")},
	})
}
