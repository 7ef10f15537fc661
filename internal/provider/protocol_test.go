package provider

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// The tests in this file drive the provider through the plugin protocol, as
// Terraform 1.12 to 1.14 would for resource identity, terraform query and
// actions, so those features are checked on machines whose terraform is
// older than the features.

// protoEnv is a configured provider server against a fresh emulator.
type protoEnv struct {
	t      testing.TB
	ctx    context.Context
	emu    *emulator.Server
	server interface {
		tfprotov6.ProviderServer
		tfprotov6.ListResourceServer
		tfprotov6.ActionServer
	}
	schema *tfprotov6.GetProviderSchemaResponse
}

// newProtoEnv starts an emulator with opts (jobs of 1s by default) and a
// provider server configured for it.
func newProtoEnv(t testing.TB, opts ...emulator.Options) *protoEnv {
	t.Helper()
	o := emulator.Options{Jobs: emulator.JobOptions{Duration: time.Second}}
	if len(opts) > 0 {
		o = opts[0]
	}
	return newProtoEnvWithKey(t, o, "")
}

// newProtoEnvWithKey is newProtoEnv with the provider given key ("" for
// the emulator's own).
func newProtoEnvWithKey(t testing.TB, o emulator.Options, key string) *protoEnv {
	t.Helper()
	return newProtoEnvOn(t, o, key, wait.RealClock)
}

// newProtoEnvOn is newProtoEnvWithKey with the provider's waits on clock.
func newProtoEnvOn(t testing.TB, o emulator.Options, key string, clock wait.Clock) *protoEnv {
	t.Helper()
	emu := emulator.Start(t, o)
	if key == "" {
		key = emu.APIKey()
	}
	// The server main.go serves.
	server := newProtocol6Server(newProvider("test", clock))
	e := &protoEnv{t: t, ctx: context.Background(), emu: emu, server: server}
	var err error
	if e.schema, err = server.GetProviderSchema(e.ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		t.Fatal(err)
	}
	config := e.dynamic(e.schema.Provider.ValueType(), map[string]any{
		"base_url": emu.URL(), "api_key": key, "project_id": emu.ProjectID(),
	})
	resp, err := server.ConfigureProvider(e.ctx, &tfprotov6.ConfigureProviderRequest{Config: config})
	e.noErrors("ConfigureProvider", err, resp.Diagnostics)
	return e
}

// dynamic encodes an object of typ whose attributes are vals (strings,
// bools or nil) and null elsewhere.
func (e *protoEnv) dynamic(typ tftypes.Type, vals map[string]any) *tfprotov6.DynamicValue {
	e.t.Helper()
	obj, ok := typ.(tftypes.Object)
	if !ok {
		e.t.Fatalf("%s is not an object type", typ)
	}
	attrs := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, vals[name])
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	if err != nil {
		e.t.Fatal(err)
	}
	return &dv
}

// decode returns the string and bool attributes of an encoded object.
func (e *protoEnv) decode(typ tftypes.Type, dv *tfprotov6.DynamicValue) map[string]any {
	e.t.Helper()
	if dv == nil {
		return nil
	}
	v, err := dv.Unmarshal(typ)
	if err != nil {
		e.t.Fatal(err)
	}
	if v.IsNull() {
		return nil
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		e.t.Fatal(err)
	}
	out := map[string]any{}
	for name, a := range attrs {
		var s string
		var b bool
		switch {
		case a.IsNull():
			out[name] = nil
		case a.Type().Is(tftypes.String) && a.As(&s) == nil:
			out[name] = s
		case a.Type().Is(tftypes.Bool) && a.As(&b) == nil:
			out[name] = b
		}
	}
	return out
}

func (e *protoEnv) noErrors(call string, err error, diags []*tfprotov6.Diagnostic) {
	e.t.Helper()
	if err != nil {
		e.t.Fatalf("%s: %v", call, err)
	}
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			e.t.Fatalf("%s: %s: %s", call, d.Summary, d.Detail)
		}
	}
}

func (e *protoEnv) resourceType() tftypes.Type {
	return e.schema.ResourceSchemas["mintlify_agent_job"].ValueType()
}

func (e *protoEnv) identityType() tftypes.Type {
	resp, err := e.server.GetResourceIdentitySchemas(e.ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	e.noErrors("GetResourceIdentitySchemas", err, resp.Diagnostics)
	return resp.IdentitySchemas["mintlify_agent_job"].ValueType()
}

func (e *protoEnv) createJob(prompt string) string {
	e.t.Helper()
	env := &accEnv{emu: e.emu, projectID: e.emu.ProjectID()}
	return env.createJob(e.t, prompt)
}

func TestProtocol_importByIdentity(t *testing.T) {
	e := newProtoEnv(t)
	jobID := e.createJob("Imported by identity")
	identityType := e.identityType()

	resp, err := e.server.ImportResourceState(e.ctx, &tfprotov6.ImportResourceStateRequest{
		TypeName: "mintlify_agent_job",
		Identity: &tfprotov6.ResourceIdentityData{IdentityData: e.dynamic(identityType, map[string]any{"id": jobID})},
	})
	e.noErrors("ImportResourceState", err, resp.Diagnostics)
	if len(resp.ImportedResources) != 1 {
		t.Fatalf("imported %d resources", len(resp.ImportedResources))
	}
	imported := resp.ImportedResources[0]
	state := e.decode(e.resourceType(), imported.State)
	identity := e.decode(identityType, imported.Identity.IdentityData)
	if state["id"] != jobID || state["project_id"] != e.emu.ProjectID() {
		t.Errorf("imported state %v", state)
	}
	if identity["id"] != jobID || identity["project_id"] != e.emu.ProjectID() {
		t.Errorf("imported identity %v; want the project filled in from the provider", identity)
	}

	read, err := e.server.ReadResource(e.ctx, &tfprotov6.ReadResourceRequest{
		TypeName: "mintlify_agent_job", CurrentState: imported.State, CurrentIdentity: imported.Identity,
	})
	e.noErrors("ReadResource", err, read.Diagnostics)
	if got := e.decode(e.resourceType(), read.NewState); got["status"] == nil || got["model"] == nil || got["prompt"] != nil {
		t.Errorf("state after read %v; want status and model, and no prompt", got)
	}

	// The job is deleted in Mintlify: the resource leaves state, and the
	// identity is still there (Terraform before 1.12 requires it).
	e.emu.DeleteJob(jobID)
	gone, err := e.server.ReadResource(e.ctx, &tfprotov6.ReadResourceRequest{
		TypeName: "mintlify_agent_job", CurrentState: read.NewState, CurrentIdentity: read.NewIdentity,
	})
	e.noErrors("ReadResource after delete", err, gone.Diagnostics)
	if e.decode(e.resourceType(), gone.NewState) != nil {
		t.Error("a deleted job stayed in state")
	}
	if gone.NewIdentity == nil || e.decode(identityType, gone.NewIdentity.IdentityData)["id"] != jobID {
		t.Error("no identity after removing a deleted job")
	}

	bad, err := e.server.ImportResourceState(e.ctx, &tfprotov6.ImportResourceStateRequest{
		TypeName: "mintlify_agent_job",
		Identity: &tfprotov6.ResourceIdentityData{IdentityData: e.dynamic(identityType, map[string]any{"id": "  "})},
	})
	if err != nil || len(bad.Diagnostics) == 0 || !strings.Contains(bad.Diagnostics[0].Detail, "needs the job's id") {
		t.Errorf("import with a blank id: %v %v; want an error that asks for the id", err, bad.Diagnostics)
	}
}

func TestProtocol_listResource(t *testing.T) {
	e := newProtoEnv(t)
	e.createJob("Write the changelog")
	e.createJob("Break it [emulator:fail] [emulator:duration=0s]")
	e.createJob("Translate the guides [emulator:duration=1h]")
	listSchema := e.schema.ListResourceSchemas["mintlify_agent_job"]
	if listSchema == nil {
		t.Fatal("no list resource schema for mintlify_agent_job")
	}
	identityType := e.identityType()
	list := func(vals map[string]any, include bool, limit int64) []tfprotov6.ListResourceResult {
		t.Helper()
		stream, err := e.server.ListResource(e.ctx, &tfprotov6.ListResourceRequest{
			TypeName: "mintlify_agent_job", Config: e.dynamic(listSchema.ValueType(), vals), IncludeResource: include, Limit: limit,
		})
		if err != nil {
			t.Fatal(err)
		}
		var out []tfprotov6.ListResourceResult
		for r := range stream.Results {
			e.noErrors("ListResource result", nil, r.Diagnostics)
			out = append(out, r)
		}
		return out
	}

	all := list(nil, false, 0)
	if len(all) != 3 {
		t.Fatalf("listed %d jobs, want 3", len(all))
	}
	names := map[string]bool{}
	for _, r := range all {
		names[r.DisplayName] = true
		if r.Resource != nil && e.decode(e.resourceType(), r.Resource) != nil {
			t.Error("a resource was returned without include_resource")
		}
		if id := e.decode(identityType, r.Identity.IdentityData); id["id"] == nil || id["project_id"] != e.emu.ProjectID() {
			t.Errorf("identity %v", id)
		}
	}
	if len(names) != 3 || !strings.Contains(all[0].DisplayName, "Translate the guides") || !strings.Contains(all[0].DisplayName, "active") {
		t.Errorf("%d distinct display names, first %q; want 3 with title and status, newest first", len(names), all[0].DisplayName)
	}

	failed := list(map[string]any{"status": "failed"}, false, 0)
	if len(failed) != 1 || !strings.Contains(failed[0].DisplayName, "failed") {
		t.Errorf("status filter: %d results", len(failed))
	}

	full := list(nil, true, 2)
	if len(full) != 2 {
		t.Fatalf("limit 2 gave %d results", len(full))
	}
	res := e.decode(e.resourceType(), full[0].Resource)
	if res["id"] == nil || res["status"] != "active" || res["model"] != emulator.DefaultModel || res["prompt"] != nil || res["project_id"] != e.emu.ProjectID() {
		t.Errorf("listed resource %v; want the job as an import reads it", res)
	}
}

// invoke plans and invokes an action with config vals, and returns its
// progress messages and final diagnostics.
func (e *protoEnv) invoke(actionType string, vals map[string]any) (progress []string, diags []*tfprotov6.Diagnostic) {
	e.t.Helper()
	return e.invokeCtx(e.ctx, actionType, vals)
}

// invokeCtx is invoke under ctx.
func (e *protoEnv) invokeCtx(ctx context.Context, actionType string, vals map[string]any) (progress []string, diags []*tfprotov6.Diagnostic) {
	e.t.Helper()
	return e.invokeUntil(ctx, actionType, vals, func(string) {})
}

// invokeUntil is invokeCtx that tells each progress message, as it comes,
// to seen (which may cancel ctx, as Ctrl-C would).
func (e *protoEnv) invokeUntil(ctx context.Context, actionType string, vals map[string]any,
	seen func(progress string)) (progress []string, diags []*tfprotov6.Diagnostic) {
	e.t.Helper()
	actionSchema := e.schema.ActionSchemas[actionType]
	if actionSchema == nil {
		e.t.Fatalf("no action schema for %s", actionType)
	}
	config := e.dynamic(actionSchema.Schema.ValueType(), vals)
	plan, err := e.server.PlanAction(ctx, &tfprotov6.PlanActionRequest{ActionType: actionType, Config: config})
	e.noErrors("PlanAction", err, plan.Diagnostics)
	stream, err := e.server.InvokeAction(ctx, &tfprotov6.InvokeActionRequest{ActionType: actionType, Config: config})
	if err != nil {
		e.t.Fatal(err)
	}
	for ev := range stream.Events {
		switch ev := ev.Type.(type) {
		case tfprotov6.ProgressInvokeActionEventType:
			progress = append(progress, ev.Message)
			seen(ev.Message)
		case tfprotov6.CompletedInvokeActionEventType:
			diags = ev.Diagnostics
		}
	}
	return progress, diags
}

func TestProtocol_action(t *testing.T) {
	e := newProtoEnv(t)
	invoke := func(vals map[string]any) ([]string, []*tfprotov6.Diagnostic) {
		t.Helper()
		return e.invoke("mintlify_agent_job", vals)
	}

	progress, diags := invoke(map[string]any{"prompt": "Document the new endpoint"})
	e.noErrors("InvokeAction", nil, diags)
	jobs := e.emu.Jobs()
	if len(jobs) != 1 {
		t.Fatalf("%d jobs after the action, want 1", len(jobs))
	}
	joined := strings.Join(progress, "\n")
	for _, want := range []string{"Started agent job " + jobs[0].ID, "is completed", jobs[0].ID + ": completed, pull request https://"} {
		if !strings.Contains(joined, want) {
			t.Errorf("progress %q lacks %q", progress, want)
		}
	}

	progress, diags = invoke(map[string]any{"prompt": "Now add examples", "job_id": jobs[0].ID, "wait_for_completion": false})
	e.noErrors("InvokeAction with job_id", nil, diags)
	if job, _ := e.emu.Job(jobs[0].ID); len(job.Messages) != 1 || len(e.emu.Jobs()) != 1 {
		t.Errorf("the follow-up created a job or was not sent: %d jobs, messages %q", len(e.emu.Jobs()), job.Messages)
	}
	if !strings.Contains(strings.Join(progress, "\n"), "Sent the follow-up prompt to agent job "+jobs[0].ID) {
		t.Errorf("progress %q", progress)
	}

	// A follow-up to a job whose run goes on waits for the run to end.
	busy := e.createJob("Still working [emulator:duration=2s]")
	progress, diags = invoke(map[string]any{"prompt": "Then add examples", "job_id": busy, "wait_for_completion": false})
	e.noErrors("InvokeAction with a busy job_id", nil, diags)
	created, _ := e.emu.Job(busy)
	sent := 0
	for _, r := range e.emu.Requests() {
		if r.JobID == busy && r.Method == "POST" {
			sent++
			if r.At.Sub(created.CreatedAt) < 2*time.Second-50*time.Millisecond {
				t.Errorf("the follow-up was sent %s after the job started, during its 2s run", r.At.Sub(created.CreatedAt))
			}
		}
	}
	if sent != 1 {
		t.Errorf("%d follow-ups sent to the busy job, want 1", sent)
	}
	if !strings.Contains(strings.Join(progress, "\n"), "waiting for its current run to end") {
		t.Errorf("progress %q does not say it waits for the current run", progress)
	}

	_, diags = invoke(map[string]any{"prompt": "Break it [emulator:fail]"})
	if len(diags) == 0 || diags[0].Summary != "The Mintlify agent job failed" {
		t.Errorf("a failed job: diagnostics %v", diags)
	}
	_, diags = invoke(map[string]any{"prompt": "Break it [emulator:fail]", "allow_failure": true})
	e.noErrors("InvokeAction with allow_failure", nil, diags)
}

// TestProtocol_readWarnsWhenJobFailed refreshes a job that was active at
// the last refresh and has failed since: the refresh warns, naming the
// job, unless failures are allowed or the failure was already known.
func TestProtocol_readWarnsWhenJobFailed(t *testing.T) {
	e := newProtoEnv(t)
	jobID := e.createJob("Break it [emulator:fail] [emulator:duration=0s]")
	read := func(vals map[string]any) []*tfprotov6.Diagnostic {
		t.Helper()
		vals["id"], vals["project_id"] = jobID, e.emu.ProjectID()
		resp, err := e.server.ReadResource(e.ctx, &tfprotov6.ReadResourceRequest{TypeName: "mintlify_agent_job", CurrentState: e.dynamic(e.resourceType(), vals)})
		e.noErrors("ReadResource", err, resp.Diagnostics)
		if got := e.decode(e.resourceType(), resp.NewState)["status"]; got != "failed" {
			t.Errorf("status after the read %v, want failed", got)
		}
		return resp.Diagnostics
	}
	diags := read(map[string]any{"status": "active"})
	if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityWarning || !strings.Contains(diags[0].Detail, jobID) ||
		!strings.Contains(diags[0].Detail, `was "active" at the last refresh`) {
		t.Errorf("diagnostics %v; want one warning that names the job and says it failed", diags)
	}
	for name, vals := range map[string]map[string]any{
		"already failed": {"status": "failed"},
		"allow_failure":  {"status": "active", "allow_failure": true},
		"just imported":  {},
	} {
		if diags := read(vals); len(diags) != 0 {
			t.Errorf("%s: diagnostics %v; want none", name, diags)
		}
	}
}

// TestProtocol_destroyPlanWarns plans destroying a job: the plan says that
// Mintlify keeps the job.
func TestProtocol_destroyPlanWarns(t *testing.T) {
	e := newProtoEnv(t)
	state := e.dynamic(e.resourceType(), map[string]any{"id": "job-1", "project_id": e.emu.ProjectID(), "status": "completed"})
	null, err := tfprotov6.NewDynamicValue(e.resourceType(), tftypes.NewValue(e.resourceType(), nil))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := e.server.PlanResourceChange(e.ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: "mintlify_agent_job", PriorState: state, ProposedNewState: &null, Config: &null,
	})
	e.noErrors("PlanResourceChange", err, resp.Diagnostics)
	if len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Severity != tfprotov6.DiagnosticSeverityWarning ||
		!strings.Contains(resp.Diagnostics[0].Detail, "removes agent job job-1 from the state only") {
		t.Errorf("diagnostics %v; want a warning that destroying only forgets job-1", resp.Diagnostics)
	}
}

// TestProtocol_badDurationIsOneError validates a request_timeout that is
// not a duration: one error, on the attribute.
func TestProtocol_badDurationIsOneError(t *testing.T) {
	e := newProtoEnv(t)
	resp, err := e.server.ValidateProviderConfig(e.ctx, &tfprotov6.ValidateProviderConfigRequest{
		Config: e.dynamic(e.schema.Provider.ValueType(), map[string]any{"request_timeout": "abc"}),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Attribute == nil || !strings.Contains(resp.Diagnostics[0].Detail, `"abc", which is not a duration`) ||
		strings.Contains(resp.Diagnostics[0].Detail, `\n`) {
		t.Errorf("diagnostics %v; want one error on request_timeout", resp.Diagnostics)
	}
}

// TestProtocol_deploymentAction deploys to production, then a preview: the
// progress follows each status, and ends with the status id, the status,
// the preview URL and the commit.
func TestProtocol_deploymentAction(t *testing.T) {
	e := newProtoEnv(t, emulator.Options{Deployments: emulator.DeploymentOptions{Queued: 1500 * time.Millisecond, InProgress: 1500 * time.Millisecond}})
	progress, diags := e.invoke("mintlify_deployment", map[string]any{})
	e.noErrors("InvokeAction", nil, diags)
	deployments := e.emu.Deployments()
	if len(deployments) != 1 || deployments[0].Preview {
		t.Fatalf("deployments after the action: %+v; want one production deployment", deployments)
	}
	d := deployments[0]
	for _, want := range []string{"Started production deployment " + d.ID, d.ID + " is in_progress", d.ID + " is success",
		"Deployment " + d.ID + ": success, commit " + d.CommitSHA} {
		if !strings.Contains(strings.Join(progress, "\n"), want) {
			t.Errorf("progress %q lacks %q", progress, want)
		}
	}

	progress, diags = e.invoke("mintlify_deployment", map[string]any{"branch": "docs/widgets", "wait_for_completion": false})
	e.noErrors("InvokeAction of a preview", nil, diags)
	preview := e.emu.Deployments()[1]
	if !preview.Preview || !strings.Contains(progress[0], preview.ID+` of branch "docs/widgets"`) || !strings.Contains(progress[0], "at "+preview.PreviewURL) ||
		progress[len(progress)-1] != "Preview deployment "+preview.ID+": queued" {
		t.Errorf("progress %q; want the preview's status id, branch and URL at its start, and its status at the end", progress)
	}

	brief := emulator.DeploymentPlan{Queued: time.Nanosecond, InProgress: time.Nanosecond, Outcome: emulator.DeploymentFailure}
	withSummary := brief
	withSummary.Summary = "Broken link"
	e.emu.NextDeployments(withSummary, brief)
	_, diags = e.invoke("mintlify_deployment", map[string]any{})
	if len(diags) == 0 || diags[0].Summary != "The Mintlify deployment failed" || !strings.Contains(diags[0].Detail, "Broken link") {
		t.Errorf("a failed deployment: diagnostics %v", diags)
	}
	_, diags = e.invoke("mintlify_deployment", map[string]any{"allow_failure": true})
	e.noErrors("InvokeAction with allow_failure", nil, diags)
}

func TestProtocol_automationRunAction(t *testing.T) {
	e := newProtoEnv(t)
	progress, diags := e.invoke("mintlify_automation_run", map[string]any{"automation_id": emulator.DefaultAutomationID})
	e.noErrors("InvokeAction", nil, diags)
	runs := e.emu.AutomationRuns()
	if len(runs) != 1 || len(progress) != 1 || !strings.Contains(progress[0], "Queued run "+runs[0].InstanceID) ||
		!strings.Contains(progress[0], runs[0].JobID) {
		t.Errorf("runs %+v, progress %q; want one run, named with its job", runs, progress)
	}
	_, diags = e.invoke("mintlify_automation_run", map[string]any{"automation_id": "ffffffffffffffffffffffff"})
	if len(diags) == 0 || !strings.Contains(diags[0].Detail, "HTTP 404") {
		t.Errorf("an unknown automation: diagnostics %v", diags)
	}
}

// TestProtocol_listResourceStopsAtItsLimit lists two of 150 jobs: one page
// is read, not every page before the limit is applied.
func TestProtocol_listResourceStopsAtItsLimit(t *testing.T) {
	e := newProtoEnv(t)
	for i := range 150 {
		e.createJob(fmt.Sprintf("Job %d", i))
	}
	listSchema := e.schema.ListResourceSchemas["mintlify_agent_job"]
	stream, err := e.server.ListResource(e.ctx, &tfprotov6.ListResourceRequest{
		TypeName: "mintlify_agent_job", Config: e.dynamic(listSchema.ValueType(), nil), Limit: 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range stream.Results {
		e.noErrors("ListResource result", nil, r.Diagnostics)
		n++
	}
	if pages := e.emu.CountRequests(http.MethodGet, "/jobs"); n != 2 || pages != 1 {
		t.Errorf("%d results from %d pages; want 2 from 1", n, pages)
	}
}
