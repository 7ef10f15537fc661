package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/acctest"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait/waittest"
)

// The life every long-running kind shares, written once (operation.go),
// is tested once here: every kind (a row of lifecycleKinds) through every
// scenario of lifecycleScenarios. A new kind is one more row.

// outcome is how the operation a test starts goes.
type outcome int

const (
	// ends well, within a second or two
	endsWell outcome = iota
	// ends in failure
	fails
	// goes on for an hour
	lastsLong
)

// lifecycleKind is one kind as the tests drive it.
type lifecycleKind struct {
	typ string
	// noun is what messages call one.
	noun string
	// attrs are the resource's arguments for an operation that goes as o
	// asks; importAttrs those an import block's resource needs.
	attrs       func(o outcome) string
	importAttrs string
	// importAdopts: importAttrs set what an import records in place (an
	// export's domain, which Mintlify never returns).
	importAdopts bool
	// opts are the emulator's options for an operation that goes as o asks.
	opts func(o outcome) emulator.Options
	// started counts the operations the emulator started of the kind.
	started func(env *accEnv) int
	// startOutside starts one outside Terraform and returns its ID, and
	// forget makes Mintlify forget one.
	startOutside func(t *testing.T, env *accEnv) string
	forget       func(env *accEnv, id string)
	// statuses it starts, ends well and fails with.
	startedStatus, endedStatus, failedStatus string
	// unset are the arguments an import cannot know, which an import
	// leaves null.
	unset []string
	// triggers: the resource takes triggers.
	triggers bool
	// action starts one by action, with these arguments (o steers them).
	action     string
	actionArgs func(o outcome) map[string]any
	// refused is the start a read-only key is refused, as the 403 names it.
	refused string
	// startOnly: the API cannot follow one (an automation run).
	startOnly bool
	// checks are what a create leaves in state besides the status.
	checks func(env *accEnv) []statecheck.StateCheck
	// importIDs are the import IDs that name one, besides its ID.
	importIDs func(env *accEnv, id string) []string
	// dataSource reads one by its ID; same are the attributes it reads as
	// the resource records them.
	dataSource string
	same       []string
}

// waitArgs are the wait arguments no import can know.
var waitArgNames = []string{"wait_for_completion", "allow_failure", "poll_interval", "timeouts"}

var lifecycleKinds = []lifecycleKind{
	{
		typ: "mintlify_agent_job", noun: "agent job",
		attrs: func(o outcome) string {
			return fmt.Sprintf("prompt = %q", "Document the widgets "+map[outcome]string{fails: "[emulator:fail]", lastsLong: "[emulator:duration=1h]"}[o])
		},
		opts:    func(outcome) emulator.Options { return emulator.Options{} },
		started: func(env *accEnv) int { return env.emu.CountRequests(http.MethodPost, "/job") },
		startOutside: func(t *testing.T, env *accEnv) string {
			return env.createJob(t, "Fix the typos in the quickstart [emulator:duration=0s]")
		},
		forget:        func(env *accEnv, id string) { env.emu.DeleteJob(id) },
		startedStatus: "active", endedStatus: "completed", failedStatus: "failed",
		unset: []string{"prompt"},
		checks: func(env *accEnv) []statecheck.StateCheck {
			return []statecheck.StateCheck{
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("project_id"), knownvalue.StringExact(env.projectID)),
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("model"), knownvalue.StringRegexp(regexp.MustCompile(`^\S+$`))),
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("pr_link"), knownvalue.StringRegexp(prLinkPattern)),
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("archived_at"), knownvalue.Null()),
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("source").AtMapKey("repository"), knownvalue.StringRegexp(regexp.MustCompile(`^https://`))),
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("source").AtMapKey("ref"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue(jobAddr, tfjsonpath.New("prompt"), knownvalue.StringExact("Document the widgets ")),
			}
		},
		importIDs:  func(env *accEnv, id string) []string { return []string{env.projectID + "/" + id} },
		dataSource: "mintlify_agent_job", same: []string{"project_id", "model", "pr_link", "archived_at", "source"},
		action: "mintlify_agent_job",
		actionArgs: func(o outcome) map[string]any {
			return map[string]any{"prompt": "Document it " + map[outcome]string{fails: "[emulator:fail]", lastsLong: "[emulator:duration=1h]"}[o]}
		},
		refused: "POST /v2/agent/",
	},
	{
		typ: "mintlify_deployment", noun: "deployment",
		attrs: func(outcome) string { return "" }, opts: deploymentOpts,
		started: func(env *accEnv) int { return countTriggers(env, "update") },
		startOutside: func(t *testing.T, env *accEnv) string {
			id, err := env.client(t).TriggerDeployment(t.Context(), env.projectID)
			if err != nil {
				t.Fatal(err)
			}
			return id
		},
		forget:        func(env *accEnv, id string) { env.emu.DeleteDeployment(id) },
		startedStatus: "queued", endedStatus: "success", failedStatus: "failure",
		checks: func(env *accEnv) []statecheck.StateCheck {
			const addr = "mintlify_deployment.test"
			return []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("project_id"), knownvalue.StringExact(env.projectID)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("summary"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("subdomain"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("trigger_source"), knownvalue.StringExact("api")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("ended_at"), knownvalue.StringRegexp(rfc3339Fraction)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("commit"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"sha":     knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{7,40}$`)),
					"ref":     knownvalue.StringExact(emulator.DeploymentBranch),
					"message": knownvalue.NotNull(),
				})),
			}
		},
		dataSource: "mintlify_deployment", same: []string{"project_id", "summary", "subdomain", "trigger_source", "ended_at", "commit"},
		triggers: true, action: "mintlify_deployment",
		actionArgs: func(outcome) map[string]any { return map[string]any{} },
		refused:    "POST /v1/project/update/",
	},
	{
		typ: "mintlify_preview_deployment", noun: "preview deployment",
		attrs: func(outcome) string { return `branch = "docs/widgets"` }, importAttrs: `branch = "docs/widgets"`, opts: deploymentOpts,
		started: func(env *accEnv) int { return countTriggers(env, "preview") },
		startOutside: func(t *testing.T, env *accEnv) string {
			p, err := env.client(t).TriggerPreview(t.Context(), env.projectID, "docs/widgets")
			if err != nil {
				t.Fatal(err)
			}
			return p.StatusID
		},
		forget:        func(env *accEnv, id string) { env.emu.DeleteDeployment(id) },
		startedStatus: "queued", endedStatus: "success", failedStatus: "failure",
		unset: []string{"preview_url"},
		checks: func(*accEnv) []statecheck.StateCheck {
			const addr = "mintlify_preview_deployment.test"
			return []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("preview_url"), knownvalue.StringRegexp(regexp.MustCompile(`^https://\S+`))),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("branch"), knownvalue.StringExact("docs/widgets")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("commit").AtMapKey("ref"), knownvalue.StringExact("docs/widgets")),
			}
		},
		dataSource: "mintlify_deployment", same: []string{"project_id", "commit", "ended_at"},
		triggers: true, action: "mintlify_deployment",
		actionArgs: func(outcome) map[string]any { return map[string]any{"branch": "docs/widgets"} },
		refused:    "POST /v1/project/preview/",
	},
	{
		typ: "mintlify_static_export", noun: "static export",
		attrs: func(o outcome) string {
			return `domain = "docs.example.com"` + map[outcome]string{fails: "\nversion = \"[emulator:fail]\"",
				lastsLong: "\nversion = \"[emulator:duration=1h]\""}[o]
		},
		opts:    func(outcome) emulator.Options { return emulator.Options{} },
		started: func(env *accEnv) int { return len(env.emu.StaticExports()) },
		startOutside: func(t *testing.T, env *accEnv) string {
			e, err := env.client(t).StartStaticExport(t.Context(), exportRequest)
			if err != nil {
				t.Fatal(err)
			}
			return e.JobID
		},
		forget:        func(env *accEnv, id string) { env.emu.DeleteStaticExport(id) },
		startedStatus: "queued", endedStatus: "completed", failedStatus: "failed",
		unset: []string{"domain", "version", "paths"}, importAttrs: `domain = "docs.example.com"`, importAdopts: true,
		checks: func(*accEnv) []statecheck.StateCheck {
			return []statecheck.StateCheck{
				statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^se_`))),
				statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("progress"), knownvalue.Float64Exact(100)),
				statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("page_count"), knownvalue.Int64Exact(int64(emulator.DefaultStaticExportPages))),
				statecheck.ExpectKnownValue(exportAddr, tfjsonpath.New("error"), knownvalue.Null()),
			}
		},
		dataSource: "mintlify_static_export", same: []string{"progress", "page_count", "updated_at", "error"},
		triggers: true, action: "mintlify_static_export",
		actionArgs: func(o outcome) map[string]any {
			return map[string]any{"domain": "docs.example.com", "version": map[outcome]any{fails: "[emulator:fail]",
				lastsLong: "[emulator:duration=1h]"}[o]}
		},
		refused: "POST /v1/static-export/jobs",
	},
	{
		typ: "mintlify_automation_run", noun: "automation run", startOnly: true,
		attrs:   func(outcome) string { return fmt.Sprintf("automation_id = %q", emulator.DefaultAutomationID) },
		opts:    func(outcome) emulator.Options { return emulator.Options{} },
		started: func(env *accEnv) int { return len(env.emu.AutomationRuns()) },
		action:  "mintlify_automation_run",
		actionArgs: func(outcome) map[string]any {
			return map[string]any{"automation_id": emulator.DefaultAutomationID}
		},
		refused: "POST /v1/workflow/",
	},
}

// exportRequest is an export started outside Terraform.
var exportRequest = exportRequestOf("")

// exportRequestOf is an export of docs.example.com labeled version (where
// the emulator reads markers).
func exportRequestOf(version string) mintlify.StaticExportRequest {
	return mintlify.StaticExportRequest{Domain: "docs.example.com", Version: version}
}

// deploymentOpts steer deployments and previews alike.
func deploymentOpts(o outcome) emulator.Options {
	switch o {
	case fails:
		return emulator.Options{Deployments: emulator.DeploymentOptions{Outcome: emulator.DeploymentFailure}}
	case lastsLong:
		return emulator.Options{Deployments: emulator.DeploymentOptions{InProgress: time.Hour}}
	}
	return emulator.Options{}
}

// lifecycleScenarios are what every kind lives through; those marked
// followed, only what the API can follow (not an automation run).
var lifecycleScenarios = []struct {
	name     string
	followed bool
	test     func(t *testing.T, k lifecycleKind)
}{
	{"create, wait and import", true, testCreateWaitImport},
	{"data source", true, testDataSource},
	{"import block plans clean", true, testImportBlock},
	{"failure is tainted", true, testFailure},
	{"allow_failure accepts a failure", true, testAllowFailure},
	{"timeout keeps the ID", true, testTimeout},
	{"no wait, then a refresh", true, testNoWait},
	{"deleted outside Terraform", true, testDeletedOutside},
	{"ambiguous start says it may have started", false, testAmbiguousStart},
	{"refused keys", false, testRefusedKeys},
	{"action", false, testAction},
	{"action failure and interrupt", true, testActionEnds},
}

func TestAccLifecycle(t *testing.T) {
	for _, k := range lifecycleKinds {
		for _, s := range lifecycleScenarios {
			if s.followed && k.startOnly {
				continue
			}
			t.Run(k.noun+"/"+s.name, func(t *testing.T) { s.test(t, k) })
		}
	}
}

func (k lifecycleKind) addr() string { return k.typ + ".test" }

// config is the kind's resource going as o asks, with more arguments.
func (k lifecycleKind) config(env *accEnv, o outcome, more ...string) string {
	return env.config(fmt.Sprintf("resource %q \"test\" {\n%s\n%s\n}\n", k.typ, k.attrs(o), strings.Join(more, "\n")))
}

// env is a fresh emulator where operations go as o asks.
func (k lifecycleKind) env(t *testing.T, o outcome) *accEnv {
	env := newAccEnv(t, k.opts(o))
	if o != endsWell {
		env.emulatorOnly(t)
	}
	return env
}

// startedOnce checks, when the test ends, that the emulator started
// exactly n of the kind.
func (k lifecycleKind) startedOnce(t *testing.T, env *accEnv, n int) {
	t.Cleanup(func() {
		if env.emu != nil && k.started(env) != n {
			t.Errorf("%s started %d times, want %d", k.noun, k.started(env), n)
		}
	})
}

func testCreateWaitImport(t *testing.T, k lifecycleKind) {
	env := k.env(t, endsWell)
	k.startedOnce(t, env, 1)
	config := k.config(env, endsWell)
	var id string
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(k.addr(), tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^\S+$`))),
		statecheck.ExpectKnownValue(k.addr(), tfjsonpath.New("status"), knownvalue.StringExact(k.endedStatus)),
		statecheck.ExpectKnownValue(k.addr(), tfjsonpath.New("created_at"), knownvalue.StringRegexp(rfc3339Fraction)),
	}
	if k.checks != nil {
		checks = append(checks, k.checks(env)...)
	}
	ignore := append(append([]string{"triggers"}, waitArgNames...), k.unset...)
	steps := []resource.TestStep{
		{Config: config, ConfigStateChecks: checks, Check: statusID(k.addr(), &id)},
		{ResourceName: k.addr(), ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: ignore},
	}
	if k.importIDs != nil {
		for i := range k.importIDs(env, "") {
			steps = append(steps, resource.TestStep{ResourceName: k.addr(), ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: ignore, ImportStateIdFunc: func(*terraform.State) (string, error) {
					return k.importIDs(env, id)[i], nil
				}})
		}
	}
	steps = append(steps, resource.TestStep{
		// The same configuration plans no change after the imports.
		Config:           config,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
	})
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: testAccProtoV6ProviderFactories, Steps: steps})
}

// testDataSource reads what the resource started with the kind's data
// source, and an ID Mintlify does not know.
func testDataSource(t *testing.T, k lifecycleKind) {
	env := k.env(t, endsWell)
	dataAddr := "data." + k.dataSource + ".test"
	var checks []statecheck.StateCheck
	for _, name := range append([]string{"id", "status", "created_at"}, k.same...) {
		checks = append(checks, statecheck.CompareValuePairs(k.addr(), tfjsonpath.New(name), dataAddr, tfjsonpath.New(name), compare.ValuesSame()))
	}
	read := func(id string) string { return fmt.Sprintf("data %q \"test\" {\n  id = %s\n}\n", k.dataSource, id) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: k.config(env, endsWell) + read(k.addr()+".id"), ConfigStateChecks: checks},
			{
				Config:      env.config(read(`"000000000000000000000000"`)),
				ExpectError: errorLike("not found", `"000000000000000000000000"`, "404"),
			},
		},
	})
}

func testImportBlock(t *testing.T, k lifecycleKind) {
	env := k.env(t, endsWell)
	env.emulatorOnly(t)
	id := k.startOutside(t, env)
	k.startedOnce(t, env, 1)
	imported := func(more string) string {
		return env.config(fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\nresource %q \"test\" {\n%s\n%s\n}\n", k.addr(), id, k.typ,
			k.importAttrs, more))
	}
	action := plancheck.ResourceActionNoop
	if k.importAdopts {
		action = plancheck.ResourceActionUpdate
	}
	steps := []resource.TestStep{{
		Config: imported(""),
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(k.addr(), action)},
		},
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(k.addr(), tfjsonpath.New("id"), knownvalue.StringExact(id)),
		},
	}}
	if k.triggers {
		// Mintlify cannot say what triggered it: triggers set on an import
		// are recorded, and start nothing.
		steps = append(steps, resource.TestStep{
			Config: imported(`triggers = { release = "2026.12" }`),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(k.addr(), plancheck.ResourceActionUpdate)},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(k.addr(), tfjsonpath.New("id"), knownvalue.StringExact(id)),
				statecheck.ExpectKnownValue(k.addr(), tfjsonpath.New("triggers"), knownvalue.MapExact(map[string]knownvalue.Check{
					"release": knownvalue.StringExact("2026.12")})),
			},
		}, expectPlan(imported(`triggers = { release = "2027.01" }`),
			plancheck.ExpectResourceAction(k.addr(), plancheck.ResourceActionDestroyBeforeCreate)))
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: testAccProtoV6ProviderFactories, Steps: steps})
}

func testFailure(t *testing.T, k lifecycleKind) {
	env := k.env(t, fails)
	k.startedOnce(t, env, 1)
	config := k.config(env, fails)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ExpectError: errorLike("The Mintlify "+k.noun+" failed", fmt.Sprintf("ended with status %q", k.failedStatus),
					"untaint", "allow_failure = true"),
			},
			// It is kept, tainted: the next apply replaces it.
			expectPlan(config, expectTaintedInPriorState(k.addr()),
				plancheck.ExpectResourceAction(k.addr(), plancheck.ResourceActionDestroyBeforeCreate)),
		},
	})
}

func testAllowFailure(t *testing.T, k lifecycleKind) {
	env := k.env(t, fails)
	k.startedOnce(t, env, 1)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: k.config(env, fails, "allow_failure = true"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(k.addr(), tfjsonpath.New("status"), knownvalue.StringExact(k.failedStatus)),
			},
		}},
	})
	// Terraform shows the warning; the protocol says which it is.
	e := newProtoEnv(t, k.opts(fails))
	_, diags := e.create(e.ctx, k.typ, k.protoArgs(fails, map[string]any{"allow_failure": true}))
	if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityWarning || diags[0].Summary != "The Mintlify "+k.noun+" failed" ||
		!strings.Contains(diags[0].Detail, "allow_failure = true accepts it") {
		t.Errorf("diagnostics:\n%s\nwant one warning that names the failed %s", details(diags), k.noun)
	}
}

// protoArgs are the resource's arguments as the protocol tests give them.
func (k lifecycleKind) protoArgs(o outcome, more map[string]any) map[string]any {
	args := map[string]any{}
	for name, v := range k.actionArgs(o) {
		if name != "branch" || k.typ == "mintlify_preview_deployment" {
			args[name] = v
		}
	}
	for name, v := range more {
		args[name] = v
	}
	return args
}

func testTimeout(t *testing.T, k lifecycleKind) {
	env := k.env(t, lastsLong)
	k.startedOnce(t, env, 1)
	config := k.config(env, lastsLong, `timeouts = { create = "3s" }`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: errorLike("Timed out waiting for the Mintlify "+k.noun, "after 3s", "untaint", "timeouts.create"),
			},
			expectPlan(config, expectTaintedInPriorState(k.addr())),
		},
	})
}

// testNoWait returns at once, then a refresh shows how it ended: on a clock
// that moves only when told, so the refresh sees it ended.
func testNoWait(t *testing.T, k lifecycleKind) {
	clock := waittest.NewClock(time.Now())
	opts := k.opts(endsWell)
	opts.Now = clock.Now
	env := newAccEnv(t, opts)
	env.emulatorOnly(t)
	k.startedOnce(t, env, 1)
	config := k.config(env, endsWell, "wait_for_completion = false")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesOn(clock),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(k.addr(), tfjsonpath.New("status"), knownvalue.StringExact(k.startedStatus)),
				},
			},
			withPreConfig(func() { clock.After(time.Hour) }, resource.TestStep{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(k.addr(), tfjsonpath.New("status"), knownvalue.StringExact(k.endedStatus)),
				},
			}),
		},
	})
}

func testDeletedOutside(t *testing.T, k lifecycleKind) {
	env := k.env(t, endsWell)
	env.emulatorOnly(t)
	var id string
	config := k.config(env, endsWell)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: statusID(k.addr(), &id)},
			withPreConfig(func() { k.forget(env, id) },
				expectPlan(config, plancheck.ExpectResourceAction(k.addr(), plancheck.ResourceActionCreate))),
		},
	})
}

// testAmbiguousStart covers the starts a retry could duplicate: a 500
// after it was made, and a timeout after the request was sent. Each is sent
// once, and the error says it may have started, and where to look.
func testAmbiguousStart(t *testing.T, k lifecycleKind) {
	for name, tc := range map[string]struct {
		faults   emulator.Faults
		provider string
	}{
		"500 after starting":    {emulator.Faults{CreateErrorAfterCreate: 1}, ""},
		"timeout after sending": {emulator.Faults{CreateLatency: 3 * time.Second}, `request_timeout = "1s"`},
	} {
		t.Run(name, func(t *testing.T) {
			env := k.env(t, endsWell)
			env.emulatorOnly(t)
			env.emu.SetFaults(tc.faults)
			env.provider = acctest.ProviderConfig(env.emu.URL(), env.emu.APIKey(), env.projectID, tc.provider)
			k.startedOnce(t, env, 1)
			where := "import it"
			if k.startOnly {
				where = "before applying again"
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      k.config(env, endsWell),
					ExpectError: errorLike("Could not start the Mintlify "+k.noun, "may have started the "+k.noun, where),
				}},
			})
		})
	}
}

// testRefusedKeys starts with keys Mintlify refuses: each message quotes
// Mintlify and names the cause that fits.
func testRefusedKeys(t *testing.T, k lifecycleKind) {
	for name, tc := range map[string]struct {
		opts emulator.Options
		key  string
		want []string
	}{
		"read-only key": {opts: emulator.Options{ReadOnlyKeys: []string{"mint_read"}}, key: "mint_read",
			want: []string{"HTTP 403", "read scope", k.refused, "write scope"}},
		"expired key": {opts: emulator.Options{ExpiredKeys: []string{"mint_old"}}, key: "mint_old",
			want: []string{"HTTP 401", "the key has expired", "rotate"}},
	} {
		t.Run(name, func(t *testing.T) {
			e := newProtoEnvWithKey(t, tc.opts, tc.key)
			_, diags := e.create(e.ctx, k.typ, k.protoArgs(endsWell, nil))
			got := details(diags)
			for _, want := range tc.want {
				if !strings.Contains(got, want) {
					t.Errorf("diagnostics:\n%s\nlack %q", got, want)
				}
			}
			if strings.Contains(got, `project ""`) || len(e.emu.Jobs())+len(e.emu.Deployments())+len(e.emu.StaticExports()) != 0 {
				t.Errorf("diagnostics:\n%s\nname an empty project, or something started", got)
			}
		})
	}
}

// testAction invokes the kind's action: it reports what it started, and
// how it stands once it has ended.
func testAction(t *testing.T, k lifecycleKind) {
	e := newProtoEnv(t)
	progress, diags := e.invoke(k.action, k.actionArgs(endsWell))
	e.noErrors("InvokeAction", nil, diags)
	joined := strings.Join(progress, "\n")
	if !strings.Contains(joined, "Started ") && !strings.Contains(joined, "Queued ") {
		t.Errorf("progress %q; want what started", progress)
	}
	if !k.startOnly && !strings.Contains(joined, ": "+k.endedStatus) {
		t.Errorf("progress %q; want that it ended %s", progress, k.endedStatus)
	}
	if k.started(&accEnv{emu: e.emu}) != 1 {
		t.Errorf("%s started %d times, want 1", k.noun, k.started(&accEnv{emu: e.emu}))
	}
}

// testActionEnds invokes the kind's action for one that fails, with and
// without allow_failure, and interrupts one: an interrupted invocation
// names what it started, which goes on.
func testActionEnds(t *testing.T, k lifecycleKind) {
	e := newProtoEnv(t, k.opts(fails))
	_, diags := e.invoke(k.action, k.actionArgs(fails))
	if len(diags) != 1 || diags[0].Summary != "The Mintlify "+k.noun+" failed" {
		t.Errorf("a failed %s: diagnostics:\n%s", k.noun, details(diags))
	}
	args := k.actionArgs(fails)
	args["allow_failure"] = true
	_, diags = e.invoke(k.action, args)
	if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityWarning {
		t.Errorf("a failed %s with allow_failure: diagnostics:\n%s; want one warning", k.noun, details(diags))
	}

	e = newProtoEnv(t, k.opts(lastsLong))
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	_, diags = e.invokeUntil(ctx, k.action, k.actionArgs(lastsLong), func(string) { cancel() })
	started := e.emu.Requests()[0]
	if got := details(diags); len(diags) != 1 || !strings.Contains(got, "Interrupted while waiting for the Mintlify "+k.noun) ||
		!strings.Contains(got, "goes on in Mintlify") || started.Method != http.MethodPost {
		t.Errorf("an interrupted %s: diagnostics:\n%s", k.noun, got)
	}
}
