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
)

// TestAccDeploymentDataSource reads a deployment that succeeded and one
// that failed: both without error, the failure with its summary.
func TestAccDeploymentDataSource(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Deployments: emulator.DeploymentOptions{Queued: time.Nanosecond, InProgress: time.Nanosecond}})
	env.emulatorOnly(t)
	env.emu.NextDeployments(emulator.DeploymentPlan{}, emulator.DeploymentPlan{Outcome: emulator.DeploymentFailure, Summary: "Broken link in quickstart"})
	client := env.client(t)
	ok, err := client.TriggerDeployment(t.Context(), env.projectID)
	if err != nil {
		t.Fatal(err)
	}
	failed, err := client.TriggerPreview(t.Context(), env.projectID, "docs/broken")
	if err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`data "mintlify_deployment" "ok" {
  id = %q
}
data "mintlify_deployment" "failed" {
  id = %q
}`, ok, failed.StatusID)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.mintlify_deployment.ok", tfjsonpath.New("status"), knownvalue.StringExact("success")),
				statecheck.ExpectKnownValue("data.mintlify_deployment.ok", tfjsonpath.New("project_id"), knownvalue.StringExact(env.projectID)),
				statecheck.ExpectKnownValue("data.mintlify_deployment.ok", tfjsonpath.New("commit").AtMapKey("ref"), knownvalue.StringExact(emulator.DeploymentBranch)),
				statecheck.ExpectKnownValue("data.mintlify_deployment.ok", tfjsonpath.New("created_at"), knownvalue.StringRegexp(rfc3339Fraction)),
				statecheck.ExpectKnownValue("data.mintlify_deployment.failed", tfjsonpath.New("status"), knownvalue.StringExact("failure")),
				statecheck.ExpectKnownValue("data.mintlify_deployment.failed", tfjsonpath.New("summary"), knownvalue.StringExact("Broken link in quickstart")),
				statecheck.ExpectKnownValue("data.mintlify_deployment.failed", tfjsonpath.New("commit").AtMapKey("ref"), knownvalue.StringExact("docs/broken")),
			},
		}},
	})
}

func TestAccDeploymentDataSource_badInputs(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	testBadConfigs(t, map[string]badConfig{
		"unknown id": {env.config(`data "mintlify_deployment" "x" { id = "000000000000000000000000" }`),
			errorLike("Deployment not found", `"000000000000000000000000"`, "HTTP 404")},
		"blank id": {env.config(`data "mintlify_deployment" "x" { id = " " }`), errorLike("at least one character that is not white space")},
	})
}
