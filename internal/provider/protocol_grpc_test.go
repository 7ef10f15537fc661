package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
	"google.golang.org/protobuf/types/dynamicpb"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// The tests in this file drive the server main.go serves as Terraform 1.14
// and later drive it, in process: tf6server serves it, as in the provider
// binary, and the test calls it over gRPC with tfplugin6's messages. What
// terraform-plugin-go does between the two, its loop over an action's
// events and its StopProvider, is then under test too, on machines whose
// terraform is older than actions and terraform query.

// grpcEnv is the provider served by tf6server and configured over gRPC for
// a fresh emulator. Its protoEnv has the emulator and the schema's value
// types, to encode and decode values as Terraform does.
type grpcEnv struct {
	*protoEnv
	conn    *grpc.ClientConn
	methods protoreflect.MethodDescriptors
}

func newGRPCEnv(t *testing.T, o emulator.Options) *grpcEnv {
	t.Helper()
	server := newProtocol6Server(newProvider("test", wait.RealClock))
	g := &grpcEnv{protoEnv: &protoEnv{t: t, ctx: context.Background(), emu: emulator.Start(t, o), server: server}, conn: serve(t, server)}
	// tf6server registers tfplugin6's descriptors: the messages are built
	// from them, as the internal package that holds their Go types cannot
	// be imported.
	desc, err := protoregistry.GlobalFiles.FindDescriptorByName("tfplugin6.Provider")
	service, ok := desc.(protoreflect.ServiceDescriptor)
	if !ok {
		t.Fatalf("no tfplugin6.Provider service: %v", err)
	}
	g.methods = service.Methods()

	var schema struct {
		ActionSchemas       map[string]json.RawMessage `json:"action_schemas"`
		ListResourceSchemas map[string]json.RawMessage `json:"list_resource_schemas"`
		Diagnostics         []wireDiagnostic
	}
	g.call("GetProviderSchema", struct{}{}, &schema)
	g.noErrors("GetProviderSchema", nil, protoDiags(schema.Diagnostics))
	for _, action := range []string{"mintlify_agent_job", "mintlify_deployment", "mintlify_automation_run", "mintlify_static_export"} {
		if schema.ActionSchemas[action] == nil {
			t.Fatalf("GetProviderSchema lists no action %s", action)
		}
	}
	if schema.ListResourceSchemas["mintlify_agent_job"] == nil {
		t.Fatal("GetProviderSchema lists no list resource mintlify_agent_job")
	}
	// Terraform derives the value types from the schema it received; the
	// server's own schema gives the same types ready-made.
	if g.schema, err = server.GetProviderSchema(g.ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		t.Fatal(err)
	}

	var configured struct{ Diagnostics []wireDiagnostic }
	g.call("ConfigureProvider", map[string]any{"terraform_version": "1.15.0", "config": wire(g.dynamic(g.schema.Provider.ValueType(),
		map[string]any{"base_url": g.emu.URL(), "api_key": g.emu.APIKey(), "project_id": g.emu.ProjectID()}))}, &configured)
	g.noErrors("ConfigureProvider", nil, protoDiags(configured.Diagnostics))
	return g
}

// serve serves server with tf6server as terraform-plugin-testing does (on
// a Unix socket, or 127.0.0.1 on Windows, announced by a reattach config
// rather than on stdout), until the test ends, and connects to it.
func serve(t *testing.T, server tfprotov6.ProviderServer) *grpc.ClientConn {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	reattach, closed, served := make(chan *plugin.ReattachConfig), make(chan struct{}), make(chan error, 1)
	go func() {
		served <- tf6server.Serve(Address, func() tfprotov6.ProviderServer { return server },
			tf6server.WithDebug(ctx, reattach, closed), tf6server.WithGoPluginLogger(hclog.NewNullLogger()),
			tf6server.WithoutLogStderrOverride(), tf6server.WithLoggingSink(t))
	}()
	var config *plugin.ReattachConfig
	select {
	case config = <-reattach:
	case err := <-served:
		cancel()
		t.Fatalf("tf6server ended before it served: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		<-closed
	})
	// Dialed on the reattach config's network, as go-plugin dials a plugin.
	conn, err := grpc.NewClient("passthrough:///"+config.Addr.String(), grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithContextDialer(func(ctx context.Context, addr string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, config.Addr.Network(), addr)
		}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}

// wireValue is tfplugin6's DynamicValue.
type wireValue struct {
	Msgpack []byte `json:"msgpack"`
}

func wire(v *tfprotov6.DynamicValue) wireValue { return wireValue{Msgpack: v.MsgPack} }

func (v *wireValue) dynamic() *tfprotov6.DynamicValue {
	if v == nil {
		return nil
	}
	return &tfprotov6.DynamicValue{MsgPack: v.Msgpack}
}

// wireDiagnostic is tfplugin6's Diagnostic.
type wireDiagnostic struct{ Severity, Summary, Detail string }

func protoDiags(ds []wireDiagnostic) []*tfprotov6.Diagnostic {
	out := make([]*tfprotov6.Diagnostic, 0, len(ds))
	for _, d := range ds {
		severity := tfprotov6.DiagnosticSeverityWarning
		if d.Severity == "ERROR" {
			severity = tfprotov6.DiagnosticSeverityError
		}
		out = append(out, &tfprotov6.Diagnostic{Severity: severity, Summary: d.Summary, Detail: d.Detail})
	}
	return out
}

// call calls method with req, its tfplugin6 request as JSON, and decodes
// the response into resp.
func (g *grpcEnv) call(method string, req, resp any) {
	g.t.Helper()
	md, in := g.request(method, req)
	out := dynamicpb.NewMessage(md.Output())
	if err := g.conn.Invoke(g.ctx, methodPath(md), in, out); err != nil {
		g.t.Fatalf("%s: %v", method, err)
	}
	g.response(out, resp)
}

// stream calls method, which answers with a stream, with req; next decodes
// the stream's next message into resp, and reports false at its end.
func (g *grpcEnv) stream(method string, req any) (next func(resp any) bool) {
	g.t.Helper()
	md, in := g.request(method, req)
	s, err := g.conn.NewStream(g.ctx, &grpc.StreamDesc{ServerStreams: true}, methodPath(md))
	if err == nil {
		err = s.SendMsg(in)
	}
	if err == nil {
		err = s.CloseSend()
	}
	if err != nil {
		g.t.Fatalf("%s: %v", method, err)
	}
	return func(resp any) bool {
		g.t.Helper()
		out := dynamicpb.NewMessage(md.Output())
		switch err := s.RecvMsg(out); {
		case errors.Is(err, io.EOF):
			return false
		case err != nil:
			g.t.Fatalf("%s: %v", method, err)
		}
		g.response(out, resp)
		return true
	}
}

func methodPath(md protoreflect.MethodDescriptor) string {
	return fmt.Sprintf("/%s/%s", md.Parent().FullName(), md.Name())
}

func (g *grpcEnv) request(method string, req any) (protoreflect.MethodDescriptor, *dynamicpb.Message) {
	g.t.Helper()
	md := g.methods.ByName(protoreflect.Name(method))
	if md == nil {
		g.t.Fatalf("tfplugin6 has no method %s", method)
	}
	in := dynamicpb.NewMessage(md.Input())
	b, err := json.Marshal(req)
	if err == nil {
		err = protojson.Unmarshal(b, in)
	}
	if err != nil {
		g.t.Fatalf("%s request: %v", method, err)
	}
	return md, in
}

func (g *grpcEnv) response(out *dynamicpb.Message, resp any) {
	g.t.Helper()
	b, err := protojson.MarshalOptions{UseProtoNames: true}.Marshal(out)
	if err == nil {
		err = json.Unmarshal(b, resp)
	}
	if err != nil {
		g.t.Fatalf("%s: %v", out.Descriptor().FullName(), err)
	}
}

// wireInvokeEvent is tfplugin6's InvokeAction.Event: progress, or the
// final event.
type wireInvokeEvent struct {
	Progress  *struct{ Message string }               `json:"progress"`
	Completed *struct{ Diagnostics []wireDiagnostic } `json:"completed"`
}

// invokeAction validates, plans and invokes actionType with config, as
// Terraform does, and returns the stream of its events.
func (g *grpcEnv) invokeAction(actionType string, config wireValue) (next func(*wireInvokeEvent) bool) {
	g.t.Helper()
	for _, method := range []string{"ValidateActionConfig", "PlanAction"} {
		var resp struct{ Diagnostics []wireDiagnostic }
		g.call(method, map[string]any{"action_type": actionType, "config": config}, &resp)
		g.noErrors(method, nil, protoDiags(resp.Diagnostics))
	}
	stream := g.stream("InvokeAction", map[string]any{"action_type": actionType, "config": config})
	return func(ev *wireInvokeEvent) bool {
		*ev = wireInvokeEvent{}
		return stream(ev)
	}
}

// actionEvents are the events of one invocation that a test read.
type actionEvents struct {
	progress []string
	// finals counts the final events, late the events after the first.
	finals, late int
	diags        []*tfprotov6.Diagnostic
}

// rest reads an invocation's events to the end of its stream.
func rest(next func(*wireInvokeEvent) bool) actionEvents {
	var got actionEvents
	var ev wireInvokeEvent
	for next(&ev) {
		if got.finals > 0 {
			got.late++
		}
		switch {
		case ev.Completed != nil:
			got.finals++
			got.diags = append(got.diags, protoDiags(ev.Completed.Diagnostics)...)
		case ev.Progress != nil:
			got.progress = append(got.progress, ev.Progress.Message)
		}
	}
	return got
}

// invoke runs an action with config vals to its end: it must end with
// exactly one final event, which says nothing went wrong.
func (g *grpcEnv) invoke(actionType string, config wireValue) []string {
	g.t.Helper()
	got := rest(g.invokeAction(actionType, config))
	if got.finals != 1 || got.late != 0 {
		g.t.Errorf("%d final events and %d events after the first; want one, last", got.finals, got.late)
	}
	g.noErrors("InvokeAction", nil, got.diags)
	return got.progress
}

func (g *grpcEnv) actionConfig(actionType string, vals map[string]any) wireValue {
	return wire(g.dynamic(g.schema.ActionSchemas[actionType].Schema.ValueType(), vals))
}

// inOrder reports the first of want that the messages do not say, each
// after the one before it; "" when they say all.
func inOrder(messages []string, want ...string) string {
	rest := strings.Join(messages, "\n")
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			return w
		}
		rest = rest[i+len(w):]
	}
	return ""
}

// lastID is the ID of what an action started last, as the emulator saw it.
type lastID func(*emulator.Server) string

func lastJob(emu *emulator.Server) string {
	jobs := emu.Jobs()
	return jobs[len(jobs)-1].ID
}

func lastDeployment(emu *emulator.Server) string {
	ds := emu.Deployments()
	return ds[len(ds)-1].ID
}

func lastExport(emu *emulator.Server) string {
	xs := emu.StaticExports()
	return xs[len(xs)-1].ID
}

// TestProtocolGRPC_actionEvents invokes each action over gRPC: its
// progress reaches the client in order, then one final event.
func TestProtocolGRPC_actionEvents(t *testing.T) {
	for name, c := range map[string]struct {
		action string
		vals   map[string]any
		// before readies the emulator and returns the job_id to use, if any.
		before func(*grpcEnv) string
		want   func(*emulator.Server) []string
	}{
		"agent job": {action: "mintlify_agent_job", vals: map[string]any{"prompt": "Document the new endpoint"},
			want: func(emu *emulator.Server) []string {
				id := lastJob(emu)
				return []string{"Started agent job " + id, "Agent job " + id + " is completed", "Agent job " + id + ": completed, pull request https://"}
			}},
		"agent job follow-up": {action: "mintlify_agent_job", vals: map[string]any{"prompt": "Now add examples"},
			before: func(g *grpcEnv) string { return g.createJob("Write the guide [emulator:duration=0s]") },
			want: func(emu *emulator.Server) []string {
				id := lastJob(emu)
				return []string{"Sent the follow-up prompt to agent job " + id, "Agent job " + id + " is completed", "Agent job " + id + ": completed"}
			}},
		"production deployment": {action: "mintlify_deployment", vals: map[string]any{},
			want: func(emu *emulator.Server) []string {
				d := emu.Deployments()[0]
				return []string{"Started production deployment " + d.ID, d.ID + " is in_progress", d.ID + " is success",
					"Deployment " + d.ID + ": success, commit " + d.CommitSHA}
			}},
		"preview deployment": {action: "mintlify_deployment", vals: map[string]any{"branch": "docs/widgets"},
			want: func(emu *emulator.Server) []string {
				d := emu.Deployments()[0]
				return []string{`Started preview deployment ` + d.ID + ` of branch "docs/widgets" in project "` + d.ProjectID + `", at ` + d.PreviewURL,
					d.ID + " is success", "Preview deployment " + d.ID + ": success, commit " + d.CommitSHA}
			}},
		"automation run": {action: "mintlify_automation_run", vals: map[string]any{"automation_id": emulator.DefaultAutomationID},
			want: func(emu *emulator.Server) []string {
				r := emu.AutomationRuns()[0]
				return []string{"Queued run " + r.InstanceID + " of automation " + r.AutomationID + ` in project "` + r.ProjectID +
					`" (background job ` + r.JobID + ")"}
			}},
		"static export": {action: "mintlify_static_export", vals: map[string]any{"domain": "docs.example.com"},
			want: func(emu *emulator.Server) []string {
				id := lastExport(emu)
				return []string{"Started static export " + id + " of docs.example.com", "Static export " + id + " is running",
					"Static export " + id + ": bundle of ", "Static export " + id + ": completed, 120 pages"}
			}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			g := newGRPCEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: time.Second}, Deployments: emulator.DeploymentOptions{Queued: 1500 * time.Millisecond, InProgress: 1500 * time.Millisecond}, StaticExports: emulator.StaticExportOptions{Queued: 500 * time.Millisecond, Duration: time.Second}})
			if c.before != nil {
				c.vals["job_id"] = c.before(g)
			}
			progress := g.invoke(c.action, g.actionConfig(c.action, c.vals))
			if missing := inOrder(progress, c.want(g.emu)...); missing != "" {
				t.Errorf("progress %q lacks %q, or has it out of order", progress, missing)
			}
		})
	}
}

// TestProtocolGRPC_actionWithoutConfig invokes an action whose block has
// no config, which Terraform sends as a null value: every argument is
// unset, so it deploys to production.
func TestProtocolGRPC_actionWithoutConfig(t *testing.T) {
	g := newGRPCEnv(t, emulator.Options{Deployments: emulator.DeploymentOptions{Queued: time.Nanosecond, InProgress: time.Nanosecond}})
	typ := g.schema.ActionSchemas["mintlify_deployment"].Schema.ValueType()
	null, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, nil))
	if err != nil {
		t.Fatal(err)
	}
	progress := g.invoke("mintlify_deployment", wire(&null))
	if ds := g.emu.Deployments(); len(ds) != 1 || ds[0].Preview || inOrder(progress, "Started production deployment "+ds[0].ID) != "" {
		t.Errorf("deployments %+v, progress %q; want one production deployment, reported", ds, progress)
	}
}

// interrupts is how many times each action is interrupted: whether its
// final event reaches Terraform was a race, which one try rarely shows.
const interrupts = 24

// TestProtocolGRPC_interruptedAction interrupts each action that waits
// (StopProvider, which Terraform calls on Ctrl-C), many times, at
// different moments of the wait: every time, the stream ends with exactly
// one final event, nothing after it, and one error that names what the
// action started.
func TestProtocolGRPC_interruptedAction(t *testing.T) {
	for name, c := range map[string]struct {
		action  string
		vals    map[string]any
		started lastID
	}{
		"agent job":             {"mintlify_agent_job", map[string]any{"prompt": "A long job [emulator:duration=1h]"}, lastJob},
		"production deployment": {"mintlify_deployment", map[string]any{}, lastDeployment},
		"preview deployment":    {"mintlify_deployment", map[string]any{"branch": "docs/widgets"}, lastDeployment},
		"static export":         {"mintlify_static_export", map[string]any{"domain": "docs.example.com"}, lastExport},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			g := newGRPCEnv(t, emulator.Options{Deployments: emulator.DeploymentOptions{Queued: 300 * time.Millisecond, InProgress: time.Hour, PreviewLimit: -1, TriggerLimit: -1}, StaticExports: emulator.StaticExportOptions{Queued: 300 * time.Millisecond, Duration: time.Hour}})
			config := g.actionConfig(c.action, c.vals)
			var dropped int
			for try := range interrupts {
				next := g.invokeAction(c.action, config)
				var first wireInvokeEvent
				if !next(&first) || first.Progress == nil || !strings.HasPrefix(first.Progress.Message, "Started ") {
					t.Fatalf("try %d: first event %+v; want the progress that names what started", try, first)
				}
				id := c.started(g.emu)
				// From just after the start to past the first change of status.
				time.Sleep(time.Duration(try%6) * 100 * time.Millisecond)
				var stopped struct{ Error string }
				g.call("StopProvider", struct{}{}, &stopped)
				got := rest(next)
				var errs []*tfprotov6.Diagnostic
				for _, d := range got.diags {
					if d.Severity == tfprotov6.DiagnosticSeverityError {
						errs = append(errs, d)
					}
				}
				switch {
				case stopped.Error != "":
					t.Errorf("try %d: StopProvider: %s", try, stopped.Error)
				case got.finals == 0:
					dropped++
				case got.finals > 1 || got.late > 0:
					t.Errorf("try %d: %d final events, %d events after the first; want one, last", try, got.finals, got.late)
				case len(errs) != 1 || !strings.HasPrefix(errs[0].Summary, "Interrupted") || !strings.Contains(errs[0].Detail, id):
					t.Errorf("try %d: final diagnostics:\n%s\nwant one error that says it was interrupted and names %s", try, details(got.diags), id)
				}
			}
			if dropped > 0 {
				t.Errorf("%d of %d interrupted invocations ended without their final event: Terraform would print \"Apply complete!\"",
					dropped, interrupts)
			}
		})
	}
}

// TestProtocolGRPC_listResource lists jobs over gRPC as terraform query
// does: one result per job, each with its identity and a display name,
// and the resource itself when asked for.
func TestProtocolGRPC_listResource(t *testing.T) {
	g := newGRPCEnv(t, emulator.Options{Jobs: emulator.JobOptions{Duration: time.Second}})
	want := map[string]bool{}
	for _, prompt := range []string{"Write the changelog", "Break it [emulator:fail] [emulator:duration=0s]", "Translate the guides [emulator:duration=1h]"} {
		want[g.createJob(prompt)] = true
	}
	config := wire(g.dynamic(g.schema.ListResourceSchemas["mintlify_agent_job"].ValueType(), nil))
	var validated struct{ Diagnostics []wireDiagnostic }
	g.call("ValidateListResourceConfig", map[string]any{"type_name": "mintlify_agent_job", "config": config}, &validated)
	g.noErrors("ValidateListResourceConfig", nil, protoDiags(validated.Diagnostics))

	identityType := g.identityType()
	list := func(include bool, limit int64) (ids, names []string, resources []map[string]any) {
		t.Helper()
		next := g.stream("ListResource", map[string]any{"type_name": "mintlify_agent_job", "config": config,
			"include_resource_object": include, "limit": limit})
		for {
			var ev struct {
				DisplayName string `json:"display_name"`
				Identity    *struct {
					IdentityData wireValue `json:"identity_data"`
				} `json:"identity"`
				ResourceObject *wireValue `json:"resource_object"`
				Diagnostic     []wireDiagnostic
			}
			if !next(&ev) {
				return ids, names, resources
			}
			g.noErrors("ListResource event", nil, protoDiags(ev.Diagnostic))
			if ev.Identity == nil {
				t.Fatalf("result %q has no identity", ev.DisplayName)
			}
			id := g.decode(identityType, ev.Identity.IdentityData.dynamic())
			if id["project_id"] != g.emu.ProjectID() {
				t.Errorf("identity %v; want project %s", id, g.emu.ProjectID())
			}
			ids, names = append(ids, fmt.Sprint(id["id"])), append(names, ev.DisplayName)
			switch {
			case include:
				resources = append(resources, g.decode(g.resourceType(), ev.ResourceObject.dynamic()))
			case ev.ResourceObject != nil && len(ev.ResourceObject.Msgpack) > 0:
				t.Errorf("result %q has a resource without include_resource_object", ev.DisplayName)
			}
		}
	}

	ids, names, _ := list(false, 100)
	for _, id := range ids {
		if !want[id] {
			t.Errorf("listed %s, which is none of the jobs %v", id, want)
		}
		delete(want, id)
	}
	if len(want) != 0 || len(ids) != 3 {
		t.Errorf("listed %v; jobs %v not listed", ids, want)
	}
	if !strings.HasPrefix(names[0], "Translate the guides (active, ") {
		t.Errorf("display names %q; want the newest first, with its title and status", names)
	}

	ids, _, resources := list(true, 2)
	if len(ids) != 2 || resources[0]["id"] != ids[0] || resources[0]["status"] != "active" || resources[0]["prompt"] != nil {
		t.Errorf("with include_resource_object and limit 2: ids %v, resources %v; want 2, each the job as an import reads it", ids, resources)
	}

	// A list block without a config block sends none: every job is listed.
	listType := g.schema.ListResourceSchemas["mintlify_agent_job"].ValueType()
	null, err := tfprotov6.NewDynamicValue(listType, tftypes.NewValue(listType, nil))
	if err != nil {
		t.Fatal(err)
	}
	config = wire(&null)
	if ids, _, _ := list(false, 100); len(ids) != 3 {
		t.Errorf("without a config, listed %v; want the 3 jobs", ids)
	}
}
