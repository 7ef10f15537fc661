package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

func TestAccStaticExportDataSource(t *testing.T) {
	env := newAccEnv(t, emulator.Options{StaticExports: emulator.StaticExportOptions{Queued: 1, Duration: 1}})
	env.emulatorOnly(t)
	client := env.client(t)
	exported, err := client.StartStaticExport(t.Context(), exportRequest)
	if err != nil {
		t.Fatal(err)
	}
	long := exportRequest
	long.Version = "[emulator:duration=1h]"
	running, err := client.StartStaticExport(t.Context(), long)
	if err != nil {
		t.Fatal(err)
	}
	const done, goesOn = "data.mintlify_static_export.done", "data.mintlify_static_export.running"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf("data \"mintlify_static_export\" \"done\" {\n  id = %q\n}\n"+
				"data \"mintlify_static_export\" \"running\" {\n  id = %q\n}\n", exported.JobID, running.JobID)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(done, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
				statecheck.ExpectKnownValue(done, tfjsonpath.New("page_count"), knownvalue.Int64Exact(int64(emulator.DefaultStaticExportPages))),
				statecheck.ExpectKnownValue(done, tfjsonpath.New("bundle_url"), knownvalue.StringRegexp(regexp.MustCompile(`^https://`))),
				statecheck.ExpectSensitiveValue(done, tfjsonpath.New("bundle_url")),
				statecheck.ExpectKnownValue(goesOn, tfjsonpath.New("status"), knownvalue.StringExact("running")),
				statecheck.ExpectKnownValue(goesOn, tfjsonpath.New("bundle_url"), knownvalue.Null()),
			},
		}},
	})
	if e, _ := env.emu.StaticExport(running.JobID); e.Bundles != 0 {
		t.Errorf("%d bundles asked for an export still running, want none", e.Bundles)
	}
}

func TestAccStaticExportDataSource_badInputs(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	testBadConfigs(t, map[string]badConfig{
		"unknown id": {env.config(`data "mintlify_static_export" "x" { id = "se_0000000000000000" }`),
			errorLike("Static export not found", `"se_0000000000000000"`, "404")},
		"blank id": {env.config(`data "mintlify_static_export" "x" { id = " " }`), errorLike("at least one character that is not white space")},
	})
}
