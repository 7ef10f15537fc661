package noop_test

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/e2e/noop"
	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	mintlifyprovider "github.com/mintlify/terraform-provider-mintlify/internal/provider"
)

// server is a configured provider server and the value type of typeName.
type server struct {
	tfprotov6.ProviderServer
	typeName string
	typ      tftypes.Type
}

func newServer(tb testing.TB, p provider.Provider, typeName string, config map[string]tftypes.Value) server {
	tb.Helper()
	ctx := context.Background()
	s, err := providerserver.NewProtocol6WithError(p)()
	if err != nil {
		tb.Fatal(err)
	}
	schemas, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		tb.Fatal(err)
	}
	providerType := schemas.Provider.ValueType()
	obj, _ := providerType.(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, t := range obj.AttributeTypes {
		vals[name] = tftypes.NewValue(t, nil)
		if v, ok := config[name]; ok {
			vals[name] = v
		}
	}
	cfg, err := tfprotov6.NewDynamicValue(providerType, tftypes.NewValue(providerType, vals))
	if err != nil {
		tb.Fatal(err)
	}
	if resp, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &cfg}); err != nil || len(resp.Diagnostics) > 0 {
		tb.Fatalf("configure: %v %v", err, resp.Diagnostics)
	}
	return server{ProviderServer: s, typeName: typeName, typ: schemas.ResourceSchemas[typeName].ValueType()}
}

// BenchmarkAgainstFloor measures one refresh and one plan of an existing
// job through the plugin protocol, in process: the provider's, and the
// same-schema no-op floor's (noop_job), whose difference is the provider's
// own work (its Read and ModifyPlan, and one GET over loopback).
func BenchmarkAgainstFloor(b *testing.B) {
	ctx := context.Background()
	emu := emulator.Start(b, emulator.Options{Jobs: emulator.JobOptions{Duration: time.Hour}})
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	ours := newServer(b, mintlifyprovider.New("bench")(), "mintlify_agent_job",
		map[string]tftypes.Value{"base_url": str(emu.URL()), "api_key": str(emu.APIKey()), "project_id": str(emu.ProjectID())})
	floor := newServer(b, noop.New(), "noop_job", nil)

	client, err := mintlify.New(mintlify.Config{BaseURL: emu.URL(), APIKey: emu.APIKey()})
	if err != nil {
		b.Fatal(err)
	}
	job, err := client.CreateJob(ctx, emu.ProjectID(), "Benchmark")
	if err != nil {
		b.Fatal(err)
	}
	// The state an apply leaves, as the provider's own read returns it.
	obj, _ := ours.typ.(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, t := range obj.AttributeTypes {
		vals[name] = tftypes.NewValue(t, nil)
	}
	vals["id"], vals["project_id"], vals["prompt"] = str(job.ID), str(emu.ProjectID()), str("Benchmark")
	vals["wait_for_completion"] = tftypes.NewValue(tftypes.Bool, false)
	seed, _ := tfprotov6.NewDynamicValue(ours.typ, tftypes.NewValue(ours.typ, vals))
	read, err := ours.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: ours.typeName, CurrentState: &seed})
	if err != nil || len(read.Diagnostics) > 0 {
		b.Fatalf("read: %v %v", err, read.Diagnostics)
	}
	state := read.NewState
	// Its configuration: what the user wrote, the rest null.
	config := map[string]tftypes.Value{}
	for name, t := range obj.AttributeTypes {
		config[name] = tftypes.NewValue(t, nil)
	}
	config["prompt"], config["wait_for_completion"] = str("Benchmark"), vals["wait_for_completion"]
	cfg, _ := tfprotov6.NewDynamicValue(ours.typ, tftypes.NewValue(ours.typ, config))

	for _, s := range []server{ours, floor} {
		b.Run("read/"+s.typeName, func(b *testing.B) {
			for b.Loop() {
				resp, err := s.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: s.typeName, CurrentState: state})
				if err != nil || len(resp.Diagnostics) > 0 {
					b.Fatalf("%v %v", err, resp.Diagnostics)
				}
			}
		})
		b.Run("plan/"+s.typeName, func(b *testing.B) {
			for b.Loop() {
				resp, err := s.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
					TypeName: s.typeName, PriorState: state, ProposedNewState: state, Config: &cfg,
				})
				if err != nil || len(resp.Diagnostics) > 0 {
					b.Fatalf("%v %v", err, resp.Diagnostics)
				}
			}
		})
	}
}
