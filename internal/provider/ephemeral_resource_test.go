package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

// withEcho serves the provider and echo, which puts an ephemeral value in
// state so a test can see it (nothing else ever stores one).
var withEcho = map[string]func() (tfprotov6.ProviderServer, error){
	"mintlify": testAccProtoV6ProviderFactories["mintlify"],
	"echo":     echoprovider.NewProviderServer(),
}

// echoed is the configuration that echoes value.
func echoed(value string) string {
	return fmt.Sprintf("provider \"echo\" {\n  data = %s\n}\nresource \"echo\" \"seen\" {}\n", value)
}

// ephemeralClients are those that have ephemeral resources.
var ephemeralClients = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)}

// TestAccStaticExportBundle exports, then opens the bundle: a link, its
// expiry and size.
func TestAccStaticExportBundle(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.emulatorOnly(t)
	config := exportConfig(env, "") + "ephemeral \"mintlify_static_export_bundle\" \"docs\" {\n  id = mintlify_static_export.test.id\n}\n" +
		echoed("ephemeral.mintlify_static_export_bundle.docs")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: withEcho,
		TerraformVersionChecks:   ephemeralClients,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("echo.seen", tfjsonpath.New("data").AtMapKey("url"),
						knownvalue.StringRegexp(regexp.MustCompile(`^https://\S+X-Amz-Signature=`))),
					statecheck.ExpectKnownValue("echo.seen", tfjsonpath.New("data").AtMapKey("expires_at"), knownvalue.StringRegexp(rfc3339Fraction)),
					statecheck.ExpectKnownValue("echo.seen", tfjsonpath.New("data").AtMapKey("size_bytes"), knownvalue.NotNull()),
				},
			},
		},
	})
}

// TestAccFeedbackEphemeral reads readers' feedback as the data source does,
// without storing it: the job's write-only prompt gets it.
func TestAccFeedbackEphemeral(t *testing.T) {
	env := analyticsEnv(t, emulator.Options{})
	env.emu.AddFeedback(emulator.Feedback{Path: "/quickstart", Comment: "The install step fails on Windows", Contact: "reader@example.com"})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: withEcho,
		TerraformVersionChecks:   ephemeralClients,
		Steps: []resource.TestStep{{
			Config: env.config("ephemeral \"mintlify_feedback\" \"open\" {\n  status = \"pending\"\n}\n" +
				echoed("{ comment = ephemeral.mintlify_feedback.open.feedback[0].comment, contacts = values(ephemeral.mintlify_feedback.open.contacts) }")),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("echo.seen", tfjsonpath.New("data").AtMapKey("comment"), knownvalue.StringExact("The install step fails on Windows")),
				statecheck.ExpectKnownValue("echo.seen", tfjsonpath.New("data").AtMapKey("contacts"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("reader@example.com")})),
			},
		}},
	})
}

// TestAccAgentJob_promptWO starts a job with a write-only prompt: Mintlify
// gets it, the state never has it, and a new version starts a new job.
func TestAccAgentJob_promptWO(t *testing.T) {
	env := newAccEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: jobEndsAtOnce}})
	env.emulatorOnly(t)
	config := func(version int) string {
		return jobConfig(env, fmt.Sprintf("  prompt_wo         = \"Document the secret endpoint\"\n  prompt_wo_version = %d", version))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		Steps: []resource.TestStep{
			{
				Config: config(1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("prompt"), knownvalue.Null()),
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("prompt_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("prompt_wo_version"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
				},
			},
			{Config: config(1), PlanOnly: true},
			{Config: config(2)},
		},
	})
	jobs := env.emu.Jobs()
	if len(jobs) != 2 || !strings.Contains(jobs[0].Prompt, "Document the secret endpoint") {
		t.Errorf("jobs %+v; want 2, started with the write-only prompt", jobs)
	}
}

func TestAccAgentJob_promptWOInputs(t *testing.T) {
	env := newAccEnv(t, emulator.Options{})
	env.expectNoRequests(t)
	testBadConfigs(t, map[string]badConfig{
		"both prompts": {jobConfig(env, "  prompt    = \"a\"\n  prompt_wo = \"b\""), errorLike("prompt", "prompt_wo")},
		"no prompt":    {jobConfig(env, "  prompt_wo_version = 1"), errorLike("Missing prompt", "prompt_wo")},
	})
}

// TestProtocol_staticExportBundleOpens opens the bundle of an export that
// has completed, one that goes on and one that failed: one call for a
// link; an error that says how the others stand.
func TestProtocol_staticExportBundleOpens(t *testing.T) {
	e := newProtoEnv(t, emulator.Options{StaticExports: emulator.StaticExportOptions{Queued: time.Nanosecond, Duration: time.Nanosecond}})
	client := (&accEnv{emu: e.emu}).client(t)
	ids := map[string]string{}
	for name, version := range map[string]string{"done": "", "running": "[emulator:duration=1h]", "failed": "[emulator:fail]"} {
		export, err := client.StartStaticExport(e.ctx, exportRequestOf(version))
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = export.JobID
	}
	typ := e.schema.EphemeralResourceSchemas["mintlify_static_export_bundle"].ValueType()
	open := func(id string) (*tfprotov6.OpenEphemeralResourceResponse, int) {
		before := len(e.emu.Requests())
		resp, err := e.server.OpenEphemeralResource(e.ctx, &tfprotov6.OpenEphemeralResourceRequest{
			TypeName: "mintlify_static_export_bundle", Config: e.dynamic(typ, map[string]any{"id": id}),
		})
		if err != nil {
			t.Fatal(err)
		}
		return resp, len(e.emu.Requests()) - before
	}
	done, calls := open(ids["done"])
	e.noErrors("OpenEphemeralResource", nil, done.Diagnostics)
	if url, _ := e.decode(typ, done.Result)["url"].(string); !strings.HasPrefix(url, "https://") || calls != 1 {
		t.Errorf("opened %v in %d calls; want a link in 1", e.decode(typ, done.Result), calls)
	}
	for name, want := range map[string][]string{
		"running": {"The static export has no bundle yet", `is "running"`, "once it has completed"},
		"failed":  {"The static export has no bundle yet", "failed, so it has no bundle", "Start a new export"},
	} {
		resp, _ := open(ids[name])
		if got := details(resp.Diagnostics); !strings.Contains(got, ids[name]) || !strings.Contains(got, want[1]) || !strings.Contains(got, want[2]) {
			t.Errorf("%s: diagnostics:\n%s\nwant %q", name, got, want)
		}
	}
}
