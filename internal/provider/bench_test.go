package provider

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

// BenchmarkPlanResourceChange measures the provider's share of planning one
// existing job (no API call), through the plugin protocol in process.
func BenchmarkPlanResourceChange(b *testing.B) {
	ctx := context.Background()
	server, err := providerserver.NewProtocol6WithError(New("bench")())()
	if err != nil {
		b.Fatal(err)
	}
	schemaResp, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	objType := schemaResp.ResourceSchemas["mintlify_agent_job"].ValueType()
	providerType := schemaResp.Provider.ValueType()
	providerConfig, _ := tfprotov6.NewDynamicValue(providerType, tftypes.NewValue(providerType, map[string]tftypes.Value{
		"api_key": tftypes.NewValue(tftypes.String, "mint_x"), "project_id": tftypes.NewValue(tftypes.String, "p"),
		"base_url": tftypes.NewValue(tftypes.String, nil), "max_retries": tftypes.NewValue(tftypes.Number, nil),
		"request_timeout": tftypes.NewValue(tftypes.String, nil),
	}))
	if _, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &providerConfig}); err != nil {
		b.Fatal(err)
	}
	obj, ok := objType.(tftypes.Object)
	if !ok {
		b.Fatalf("resource type %T", objType)
	}
	vals := map[string]tftypes.Value{}
	for name, typ := range obj.AttributeTypes {
		vals[name] = tftypes.NewValue(typ, nil)
	}
	vals["id"] = tftypes.NewValue(tftypes.String, "job")
	vals["project_id"] = tftypes.NewValue(tftypes.String, "p")
	vals["prompt"] = tftypes.NewValue(tftypes.String, "Document it")
	vals["status"] = tftypes.NewValue(tftypes.String, "completed")
	vals["model"] = tftypes.NewValue(tftypes.String, "claude-sonnet-4-5")
	state, _ := tfprotov6.NewDynamicValue(objType, tftypes.NewValue(objType, vals))
	configVals := map[string]tftypes.Value{}
	for k, v := range vals {
		configVals[k] = v
	}
	for _, computed := range []string{"id", "status", "model"} {
		configVals[computed] = tftypes.NewValue(tftypes.String, nil)
	}
	configVals["project_id"] = tftypes.NewValue(tftypes.String, nil)
	config, _ := tfprotov6.NewDynamicValue(objType, tftypes.NewValue(objType, configVals))
	b.Run("plan", func(b *testing.B) {
		for b.Loop() {
			resp, err := server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
				TypeName: "mintlify_agent_job", PriorState: &state, ProposedNewState: &state, Config: &config,
			})
			if err != nil || len(resp.Diagnostics) > 0 {
				b.Fatalf("%v %v", err, resp.Diagnostics)
			}
		}
	})
	b.Run("validate", func(b *testing.B) {
		for b.Loop() {
			resp, err := server.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "mintlify_agent_job", Config: &config})
			if err != nil || len(resp.Diagnostics) > 0 {
				b.Fatalf("%v %v", err, resp.Diagnostics)
			}
		}
	})
}

// BenchmarkReadResource measures refreshing one job: the provider's work
// plus one GET from the emulator over loopback.
func BenchmarkReadResource(b *testing.B) {
	e := newProtoEnv(b)
	jobID := e.createJob("Benchmark")
	state := e.dynamic(e.resourceType(), map[string]any{"id": jobID, "project_id": e.emu.ProjectID(), "prompt": "Benchmark"})
	for b.Loop() {
		resp, err := e.server.ReadResource(e.ctx, &tfprotov6.ReadResourceRequest{TypeName: "mintlify_agent_job", CurrentState: state})
		e.noErrors("ReadResource", err, resp.Diagnostics)
	}
}

// BenchmarkListJobsDataSource reads mintlify_agent_jobs over 10,000 jobs
// (100 list calls) through the plugin protocol, in process.
func BenchmarkListJobsDataSource(b *testing.B) {
	e := newProtoEnv(b, emulator.Options{SkipContractCheck: true, Jobs: emulator.JobOptions{Duration: time.Hour}})
	env := &accEnv{emu: e.emu, projectID: e.emu.ProjectID()}
	client := env.client(b)
	for i := range 10000 {
		if _, err := client.CreateJob(e.ctx, env.projectID, fmt.Sprintf("Listed job %d", i)); err != nil {
			b.Fatal(err)
		}
	}
	typ := e.schema.DataSourceSchemas["mintlify_agent_jobs"].ValueType()
	config := e.dynamic(typ, map[string]any{})
	for b.Loop() {
		resp, err := e.server.ReadDataSource(e.ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "mintlify_agent_jobs", Config: config})
		e.noErrors("ReadDataSource", err, resp.Diagnostics)
	}
}
