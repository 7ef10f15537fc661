package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait/waittest"
)

// The tests in this file hold what every kind says in the same situation:
// the messages of the lifecycle are written once (outcome.go), and these
// check each kind, resource and action through the plugin protocol.

// create plans and applies a new resource of typ configured with vals,
// under ctx, as Terraform does, and returns the state and the diagnostics.
func (e *protoEnv) create(ctx context.Context, typ string, vals map[string]any) (map[string]any, []*tfprotov6.Diagnostic) {
	e.t.Helper()
	s := e.schema.ResourceSchemas[typ]
	if s == nil {
		e.t.Fatalf("no resource schema for %s", typ)
	}
	config := e.dynamic(s.ValueType(), vals)
	proposed := map[string]tftypes.Value{}
	for _, a := range s.Block.Attributes {
		t := a.ValueType()
		switch v, set := vals[a.Name]; {
		case set:
			proposed[a.Name] = tftypes.NewValue(t, v)
		case a.Computed:
			proposed[a.Name] = tftypes.NewValue(t, tftypes.UnknownValue)
		default:
			proposed[a.Name] = tftypes.NewValue(t, nil)
		}
	}
	proposedValue, err := tfprotov6.NewDynamicValue(s.ValueType(), tftypes.NewValue(s.ValueType(), proposed))
	if err != nil {
		e.t.Fatal(err)
	}
	null, err := tfprotov6.NewDynamicValue(s.ValueType(), tftypes.NewValue(s.ValueType(), nil))
	if err != nil {
		e.t.Fatal(err)
	}
	plan, err := e.server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: typ, PriorState: &null, ProposedNewState: &proposedValue, Config: config,
	})
	e.noErrors("PlanResourceChange", err, plan.Diagnostics)
	applied, err := e.server.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName: typ, PriorState: &null, PlannedState: plan.PlannedState, Config: config,
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return e.decode(s.ValueType(), applied.NewState), applied.Diagnostics
}

// details joins the diagnostics' summaries and details, for matching.
func details(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary + ": " + d.Detail + "\n")
	}
	return b.String()
}

// operationCase starts one kind of operation through a resource or an
// action, under ctx, and returns what the user is told.
type operationCase struct {
	typ, action string
	vals        map[string]any
}

func (c operationCase) run(ctx context.Context, e *protoEnv) []*tfprotov6.Diagnostic {
	return c.runUntil(ctx, e, func(string) {})
}

// runUntil is run that tells seen of each progress message as it comes:
// an action's, and for a resource what an action would report (a wait on
// a rate limit), so a test can interrupt it there.
func (c operationCase) runUntil(ctx context.Context, e *protoEnv, seen func(progress string)) []*tfprotov6.Diagnostic {
	if c.action != "" {
		_, diags := e.invokeUntil(ctx, c.action, c.vals, seen)
		return diags
	}
	ctx = context.WithValue(ctx, progressKey{}, func(format string, args ...any) { seen(fmt.Sprintf(format, args...)) })
	_, diags := e.create(ctx, c.typ, c.vals)
	return diags
}

// interruptOnRateLimit is a seen for runUntil that interrupts (cancel) as
// soon as the provider starts to wait out a 429.
func interruptOnRateLimit(cancel context.CancelFunc) func(string) {
	return func(progress string) {
		if strings.Contains(progress, "Mintlify answered 429") {
			cancel()
		}
	}
}

// startingCases start every kind of operation, by resource and by action.
var startingCases = map[string]operationCase{
	"agent job":                 {typ: "mintlify_agent_job", vals: map[string]any{"prompt": "Document it"}},
	"v1 agent job":              {typ: "mintlify_agent_job", vals: map[string]any{"prompt": "Document it", "model": "opus"}},
	"deployment":                {typ: "mintlify_deployment", vals: map[string]any{}},
	"preview deployment":        {typ: "mintlify_preview_deployment", vals: map[string]any{"branch": "docs/x"}},
	"automation run":            {typ: "mintlify_automation_run", vals: map[string]any{"automation_id": emulator.DefaultAutomationID}},
	"agent job action":          {action: "mintlify_agent_job", vals: map[string]any{"prompt": "Document it"}},
	"deployment action":         {action: "mintlify_deployment", vals: map[string]any{}},
	"preview deployment action": {action: "mintlify_deployment", vals: map[string]any{"branch": "docs/x"}},
	"automation run action":     {action: "mintlify_automation_run", vals: map[string]any{"automation_id": emulator.DefaultAutomationID}},
	"static export":             {typ: "mintlify_static_export", vals: map[string]any{"domain": "docs.example.com"}},
	"static export action":      {action: "mintlify_static_export", vals: map[string]any{"domain": "docs.example.com"}},
}

// TestProtocol_interruptedRateLimitWaitStartedNothing interrupts every
// start while it waits out a 429: the last answer refused it, so nothing
// was started, and no message may say that Mintlify may have started one.
func TestProtocol_interruptedRateLimitWaitStartedNothing(t *testing.T) {
	for name, c := range startingCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e := newProtoEnv(t)
			e.emu.SetFaults(emulator.Faults{Reject429: 1000, RetryAfter: time.Minute})
			ctx, cancel := context.WithCancel(e.ctx)
			defer cancel()
			got := details(c.runUntil(ctx, e, interruptOnRateLimit(cancel)))
			if !strings.Contains(got, "interrupted while the provider waited out a rate limit, so nothing was started") ||
				strings.Contains(got, "may have") || !strings.Contains(got, "HTTP 429") {
				t.Errorf("diagnostics:\n%s\nwant: interrupted while waiting out the 429, nothing started, and no 'may have'", got)
			}
			if n := len(e.emu.Requests()); n != 1 {
				t.Errorf("%d requests, want the one refused", n)
			}
		})
	}
}

// TestProtocol_interruptedFollowUpWaitSentNothing interrupts a follow-up
// prompt while it waits out a 429: it was not sent.
func TestProtocol_interruptedFollowUpWaitSentNothing(t *testing.T) {
	e := newProtoEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: time.Nanosecond}})
	id := e.createJob("Document it")
	e.emu.SetFaults(emulator.Faults{Reject429: 1000, RetryAfter: time.Minute})
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	_, diags := e.invokeUntil(ctx, "mintlify_agent_job", map[string]any{"prompt": "Then add examples", "job_id": id},
		interruptOnRateLimit(cancel))
	got := details(diags)
	if !strings.Contains(got, "Could not send the follow-up prompt") || !strings.Contains(got, "so nothing was started") ||
		strings.Contains(got, "may have") {
		t.Errorf("diagnostics:\n%s\nwant: the follow-up was not sent, and no 'may have'", got)
	}
}

// TestProtocol_failureHasEnded fails a job and a deployment, by resource
// and by action: a failure has ended, so nothing says it goes on; an
// accepted failure is reported as ended.
func TestProtocol_failureHasEnded(t *testing.T) {
	e := newProtoEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: time.Second}, Deployments: emulator.DeploymentOptions{Outcome: emulator.DeploymentFailure, Queued: time.Nanosecond, InProgress: time.Nanosecond}, StaticExports: emulator.StaticExportOptions{Queued: time.Nanosecond, Duration: 500 * time.Millisecond}})
	for name, c := range map[string]operationCase{
		"agent job":            {typ: "mintlify_agent_job", vals: map[string]any{"prompt": "Break it [emulator:fail] [emulator:no-pr]"}},
		"deployment":           {typ: "mintlify_deployment", vals: map[string]any{}},
		"static export":        {typ: "mintlify_static_export", vals: map[string]any{"domain": "docs.example.com", "version": "[emulator:fail]"}},
		"agent job action":     {action: "mintlify_agent_job", vals: map[string]any{"prompt": "Break it [emulator:fail]"}},
		"deployment action":    {action: "mintlify_deployment", vals: map[string]any{}},
		"static export action": {action: "mintlify_static_export", vals: map[string]any{"domain": "docs.example.com", "version": "[emulator:fail]"}},
	} {
		got := details(c.run(e.ctx, e))
		if !strings.Contains(got, "failed: ") || strings.Contains(got, "goes on") || strings.Contains(got, "follow it") {
			t.Errorf("%s: diagnostics:\n%s\nwant a failure that does not go on", name, got)
		}
	}
	progress, diags := e.invoke("mintlify_agent_job", map[string]any{"prompt": "Break it [emulator:fail] [emulator:no-pr]", "allow_failure": true})
	e.noErrors("InvokeAction with allow_failure", nil, diags)
	if last := progress[len(progress)-1]; !strings.HasSuffix(last, ": failed, no pull request") {
		t.Errorf("progress ends %q; want the failed job without a pull request, not 'yet'", last)
	}
}

// TestProtocol_followUpToUnknownJob sends a follow-up to a job_id that
// does not exist: the error is about the follow-up, and names job_id.
func TestProtocol_followUpToUnknownJob(t *testing.T) {
	e := newProtoEnv(t)
	_, diags := e.invoke("mintlify_agent_job", map[string]any{"prompt": "More", "job_id": "doesnotexist"})
	if len(diags) != 1 || diags[0].Summary != "Could not send the follow-up prompt" ||
		!strings.Contains(diags[0].Detail, "doesnotexist (job_id)") || !strings.Contains(diags[0].Detail, "answered 404") ||
		!strings.Contains(e.emu.Requests()[0].Path, "doesnotexist") || len(e.emu.Jobs()) != 0 {
		t.Errorf("diagnostics:\n%s\nwant one error about the follow-up that names job_id, and no job started", details(diags))
	}
}

// TestProtocol_refusedKeys starts with keys Mintlify refuses: each message
// quotes Mintlify and names the cause that fits its text.
func TestProtocol_refusedKeys(t *testing.T) {
	for name, tc := range map[string]struct {
		opts emulator.Options
		key  string
		c    operationCase
		want []string
		not  string
	}{
		"read-only key": {opts: emulator.Options{ReadOnlyKeys: []string{"mint_read"}}, key: "mint_read",
			c: startingCases["deployment"], want: []string{"HTTP 403", "write scope", "read scope", "POST /v1/project/update/"}, not: "plan"},
		"expired key": {opts: emulator.Options{ExpiredKeys: []string{"mint_old"}}, key: "mint_old",
			c: startingCases["agent job"], want: []string{"HTTP 401", "the key has expired", "rotate"}},
		"wrong key": {key: "mint_wrong", c: startingCases["automation run"],
			want: []string{"HTTP 401", "the key is wrong, or it has expired", "rotate"}},
		"outside the allowlist": {opts: emulator.Options{IPAllowlists: map[string][]netip.Prefix{"mint_ip": {netip.MustParsePrefix("10.0.0.0/8")}}},
			key: "mint_ip", c: startingCases["agent job"], want: []string{"HTTP 403", "IP allowlist"}, not: "write scope"},
		"preview, key without the project": {opts: emulator.Options{Keys: map[string][]string{"mint_other": {"other"}}}, key: "mint_other",
			c: startingCases["preview deployment"], want: []string{"HTTP 403", "may not use project"}, not: "plan lacks"},
		"preview, not on the plan": {opts: emulator.Options{Deployments: emulator.DeploymentOptions{PreviewsDisabled: true}},
			c: startingCases["preview deployment"], want: []string{"HTTP 403", "lacks preview deployments"}, not: "may not use project"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e := newProtoEnvWithKey(t, tc.opts, tc.key)
			got := details(tc.c.run(e.ctx, e))
			for _, want := range tc.want {
				if !strings.Contains(got, want) {
					t.Errorf("diagnostics:\n%s\nlack %q", got, want)
				}
			}
			if tc.not != "" && strings.Contains(got, tc.not) {
				t.Errorf("diagnostics:\n%s\nblame %q, which does not fit", got, tc.not)
			}
		})
	}
}

// TestProtocol_rateLimitAdvice hits each limit past the timeout: each says
// what helps against it, and none says to lower -parallelism.
func TestProtocol_rateLimitAdvice(t *testing.T) {
	for name, tc := range map[string]struct {
		c    operationCase
		want string
	}{
		"agent job":      {startingCases["agent job"], "rate limit of 100 agent uses per hour"},
		"preview":        {startingCases["preview deployment"], "raise timeouts.create"},
		"deployment":     {startingCases["deployment"], "raise timeouts.create"},
		"automation run": {startingCases["automation run action"], "raise the action's timeout"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e := newProtoEnv(t)
			e.emu.SetFaults(emulator.Faults{Reject429: 10, RetryAfter: 24 * time.Hour})
			got := details(tc.c.run(e.ctx, e))
			if !strings.Contains(got, tc.want) || !strings.Contains(got, "Try again in 24h0m0s") || strings.Contains(got, "parallelism") {
				t.Errorf("diagnostics:\n%s\nwant %q and when to try again, and nothing of -parallelism", got, tc.want)
			}
		})
	}
}

// TestProtocol_tinyTimeoutNamesIt starts with a timeout too short to send
// anything: the message blames the timeout, not the network.
func TestProtocol_tinyTimeoutNamesIt(t *testing.T) {
	e := newProtoEnv(t)
	s := e.schema.ResourceSchemas["mintlify_deployment"]
	var timeoutsType tftypes.Type
	for _, a := range s.Block.Attributes {
		if a.Name == "timeouts" {
			timeoutsType = a.ValueType()
		}
	}
	obj, _ := timeoutsType.(tftypes.Object)
	timeouts := map[string]tftypes.Value{}
	for name, typ := range obj.AttributeTypes {
		timeouts[name] = tftypes.NewValue(typ, nil)
	}
	timeouts["create"] = tftypes.NewValue(tftypes.String, "1ns")
	_, diags := e.create(e.ctx, "mintlify_deployment", map[string]any{"timeouts": timeouts})
	got := details(diags)
	if !strings.Contains(got, "timeouts.create ran out before the request could be sent, so nothing was started") ||
		strings.Contains(got, "network") || len(e.emu.Requests()) != 0 {
		t.Errorf("diagnostics:\n%s\nwant timeouts.create named, not the network, and no request", got)
	}
}

// TestProtocol_emptyImportID imports every importable kind with an empty
// ID: the message says so, and shows an ID of the kind's own shape.
func TestProtocol_emptyImportID(t *testing.T) {
	e := newProtoEnv(t)
	for typ, example := range map[string]string{"mintlify_agent_job": jobs.kind.exampleID, "mintlify_deployment": deployments.kind.exampleID,
		"mintlify_preview_deployment": previews.kind.exampleID, "mintlify_static_export": "se_3f9a2c1b8e7d4a06"} {
		resp, err := e.server.ImportResourceState(e.ctx, &tfprotov6.ImportResourceStateRequest{TypeName: typ, ID: ""})
		if err != nil || len(resp.Diagnostics) != 1 || !strings.Contains(resp.Diagnostics[0].Detail, "the import ID is empty") ||
			!strings.Contains(resp.Diagnostics[0].Detail, "terraform import "+typ+".NAME "+example) {
			t.Errorf("%s: %v %s; want one error that says the ID is empty and shows one like %s", typ, err, details(resp.Diagnostics), example)
		}
	}
}

// TestProtocol_rateLimitTextReadsTheClock: when to try again is told by
// the provider's clock, not the wall clock.
func TestProtocol_rateLimitTextReadsTheClock(t *testing.T) {
	clock := waittest.NewClock(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	e := newProtoEnvOn(t, emulator.Options{Jobs: emulator.JobOptions{Duration: time.Second}}, "", clock)
	e.emu.SetFaults(emulator.Faults{Reject429: 10, RetryAfter: 24 * time.Hour})
	if got := details(startingCases["agent job"].run(e.ctx, e)); !strings.Contains(got, "Try again in 24h0m0s (at 2030-01-02T00:00:00Z)") {
		t.Errorf("diagnostics:\n%s\nwant the time to try again on the provider's clock", got)
	}
}

// TestProtocol_longRateLimitWaitWarns: a preview that waited out the
// 5-per-minute limit for 10 s or more starts, and says so at the end.
func TestProtocol_longRateLimitWaitWarns(t *testing.T) {
	e := newProtoEnv(t)
	e.emu.SetFaults(emulator.Faults{Reject429: 1, RetryAfter: longRateLimitWait})
	_, diags := e.create(e.ctx, "mintlify_preview_deployment", map[string]any{"branch": "docs/x", "wait_for_completion": false})
	if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityWarning ||
		!strings.Contains(diags[0].Detail, "started only after the provider waited 10s for Mintlify's rate limit of 5 preview deployments per minute") {
		t.Errorf("diagnostics:\n%s\nwant one warning that says how long the limit delayed the preview", details(diags))
	}
}

// TestProtocol_destroyWarnsForEveryKind plans destroying a resource of each
// kind: the plan says that Mintlify keeps what it started.
func TestProtocol_destroyWarnsForEveryKind(t *testing.T) {
	e := newProtoEnv(t)
	for typ, noun := range map[string]string{"mintlify_agent_job": "agent job", "mintlify_deployment": "deployment",
		"mintlify_preview_deployment": "preview deployment", "mintlify_automation_run": "automation run",
		"mintlify_static_export": "static export"} {
		valueType := e.schema.ResourceSchemas[typ].ValueType()
		state := e.dynamic(valueType, map[string]any{"id": "x-1", "project_id": e.emu.ProjectID()})
		null, err := tfprotov6.NewDynamicValue(valueType, tftypes.NewValue(valueType, nil))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := e.server.PlanResourceChange(e.ctx, &tfprotov6.PlanResourceChangeRequest{
			TypeName: typ, PriorState: state, ProposedNewState: &null, Config: &null,
		})
		e.noErrors("PlanResourceChange", err, resp.Diagnostics)
		if len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Summary != "Destroying only forgets the "+noun ||
			!strings.Contains(resp.Diagnostics[0].Detail, "removes "+noun+" x-1 from the state only") {
			t.Errorf("%s: %s; want one warning that destroying only forgets it", typ, details(resp.Diagnostics))
		}
	}
}

// TestProtocol_refreshOfADeployment refreshes deployments that failed since
// the last refresh, or that Mintlify no longer knows: a warning for each,
// as for jobs.
func TestProtocol_refreshOfADeployment(t *testing.T) {
	e := newProtoEnv(t, emulator.Options{Deployments: emulator.DeploymentOptions{Outcome: emulator.DeploymentFailure, Queued: time.Nanosecond, InProgress: time.Nanosecond}})
	id, err := (&accEnv{emu: e.emu}).client(t).TriggerDeployment(e.ctx, e.emu.ProjectID())
	if err != nil {
		t.Fatal(err)
	}
	valueType := e.schema.ResourceSchemas["mintlify_deployment"].ValueType()
	read := func(id, status string) *tfprotov6.ReadResourceResponse {
		resp, err := e.server.ReadResource(e.ctx, &tfprotov6.ReadResourceRequest{TypeName: "mintlify_deployment",
			CurrentState: e.dynamic(valueType, map[string]any{"id": id, "project_id": e.emu.ProjectID(), "status": status})})
		e.noErrors("ReadResource", err, resp.Diagnostics)
		return resp
	}
	failed := read(id, "queued")
	if len(failed.Diagnostics) != 1 || failed.Diagnostics[0].Severity != tfprotov6.DiagnosticSeverityWarning ||
		!strings.Contains(failed.Diagnostics[0].Detail, `was "queued" at the last refresh and has since ended with status "failure"`) ||
		e.decode(valueType, failed.NewState)["status"] != "failure" {
		t.Errorf("a deployment that failed since: %s; want one warning, and the status refreshed", details(failed.Diagnostics))
	}
	gone := read("000000000000000000000000", "success")
	if e.decode(valueType, gone.NewState) != nil || len(gone.Diagnostics) != 1 ||
		!strings.Contains(gone.Diagnostics[0].Detail, "removed from the state, and the next apply starts a new deployment") {
		t.Errorf("a deployment Mintlify no longer knows: %s; want it removed, with a warning", details(gone.Diagnostics))
	}
}

// TestProtocol_retryWaitIsReported waits out a 429 in an action: the wait
// is reported as progress, with how long and why.
func TestProtocol_retryWaitIsReported(t *testing.T) {
	e := newProtoEnv(t)
	e.emu.SetFaults(emulator.Faults{Reject429: 1, RetryAfter: time.Second})
	progress, diags := e.invoke("mintlify_deployment", map[string]any{"wait_for_completion": false})
	e.noErrors("InvokeAction", nil, diags)
	if joined := strings.Join(progress, "\n"); !strings.Contains(joined, "Mintlify answered 429 (Mintlify's rate limit of 10 production "+
		"deployments and automation runs per 10 seconds): waiting 1s before sending POST /v1/project/update/") {
		t.Errorf("progress %q; want the wait on the rate limit reported", progress)
	}
}

// TestProtocol_pollIntervalCapsTheSchedule waits for a ten-minute job on a
// clock that jumps over the waits, with poll_interval and without: the
// polls are exactly the schedule's for that cap.
func TestProtocol_pollIntervalCapsTheSchedule(t *testing.T) {
	for _, pollInterval := range []time.Duration{5 * time.Second, wait.DefaultCap} {
		clock := waittest.NewClock(time.Now())
		e := newProtoEnvOn(t, emulator.Options{Now: clock.Now, Jobs: emulator.JobOptions{Duration: 10 * time.Minute}}, "", clock)
		_, diags := e.create(e.ctx, "mintlify_agent_job", map[string]any{"prompt": "Document it", "poll_interval": pollInterval.String()})
		e.noErrors("create", nil, diags)
		polls, _ := waittest.Simulate(10*time.Minute, pollInterval, 0.5)
		if got := e.emu.CountRequests(http.MethodGet, e.emu.Jobs()[0].ID); got != polls {
			t.Errorf("poll_interval %s: %d polls, want the schedule's %d", pollInterval, got, polls)
		}
	}
}

// TestProtocol_apiKeyIsSensitive: Terraform hides the key in
// plans and output only when the schema says it is sensitive.
func TestProtocol_apiKeyIsSensitive(t *testing.T) {
	e := newProtoEnv(t)
	for _, a := range e.schema.Provider.Block.Attributes {
		if a.Name == "api_key" && !a.Sensitive {
			t.Error("api_key is not sensitive: Terraform would show the key")
		}
	}
}

// TestProtocol_staticExportAction exports by action: the progress follows
// the export as it grows, and ends with its job ID, its pages and its
// bundle's size, and never its link.
func TestProtocol_staticExportAction(t *testing.T) {
	e := newProtoEnv(t, emulator.Options{StaticExports: emulator.StaticExportOptions{Queued: 500 * time.Millisecond, Duration: 3 * time.Second}})
	progress, diags := e.invoke("mintlify_static_export", map[string]any{"domain": "docs.example.com"})
	e.noErrors("InvokeAction", nil, diags)
	exports := e.emu.StaticExports()
	if len(exports) != 1 {
		t.Fatalf("%d exports, want 1", len(exports))
	}
	joined := strings.Join(progress, "\n")
	for _, want := range []string{"Started static export " + exports[0].ID + " of docs.example.com", "Static export " + exports[0].ID + " is running",
		"Static export " + exports[0].ID + ": bundle of ", "mintlify_static_export_bundle", "Static export " + exports[0].ID + ": completed, 120 pages"} {
		if !strings.Contains(joined, want) {
			t.Errorf("progress %q lacks %q", progress, want)
		}
	}
	// The link is a credential: an action's output stays in CI logs.
	if strings.Contains(joined, "https://") || strings.Contains(joined, "Signature") {
		t.Errorf("progress %q shows the bundle's link", progress)
	}
	if grew := regexp.MustCompile(`: \d+ %, \d+ pages`).FindAllString(joined, -1); len(grew) < 2 {
		t.Errorf("progress %q; want the export's progress reported as it grows", progress)
	}
}

// TestProtocol_timeoutAfterSendingSaysNotToRetry starts a job whose answer
// does not come within request_timeout: Mintlify may have started it, so
// the error says where to look, and never to just try again.
func TestProtocol_timeoutAfterSendingSaysNotToRetry(t *testing.T) {
	e := newProtoEnv(t)
	e.emu.SetFaults(emulator.Faults{CreateLatency: 3 * time.Second})
	resp, err := e.server.ConfigureProvider(e.ctx, &tfprotov6.ConfigureProviderRequest{Config: e.dynamic(e.schema.Provider.ValueType(),
		map[string]any{"base_url": e.emu.URL(), "api_key": e.emu.APIKey(), "project_id": e.emu.ProjectID(), "request_timeout": "1s"})})
	e.noErrors("ConfigureProvider", err, resp.Diagnostics)
	got := details(startingCases["agent job"].run(e.ctx, e))
	if !strings.Contains(got, "did not answer within request_timeout") || !strings.Contains(got, "may have started the agent job") ||
		strings.Contains(strings.ToLower(got), "try again") {
		t.Errorf("diagnostics:\n%s\nwant: no answer within request_timeout, it may have started, and no 'try again'", got)
	}
}
