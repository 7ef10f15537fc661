// Package noop is a framework provider whose resources do nothing: the
// benchmark's floors for what a plugin provider costs Terraform (gRPC, the
// framework) without API calls. noop_thing has one attribute; noop_job has
// exactly mintlify_agent_job's schema, taken from the provider's own code,
// so its floor costs what that schema costs, and nothing of the provider's
// own work.
package noop

import (
	"context"
	"os"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	mintlifyprovider "github.com/mintlify/terraform-provider-mintlify/internal/provider"
)

// Source is the provider's short source in the benchmark's mirror, and
// Address its full address on Terraform's registry host.
const (
	Source  = "bench/noop"
	Address = "registry.terraform.io/" + Source
)

// New is the provider factory.
func New() provider.Provider { return noopProvider{} }

type noopProvider struct{}

func (noopProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "noop"
}

func (noopProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (noopProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (noopProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return thing{} }, func() resource.Resource { return job{} }}
}

func (noopProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		func() datasource.DataSource {
			return listing{name: "noop_jobs", list: "jobs", env: ListedJobsEnv, schemaOf: mintlifyprovider.NewAgentJobsDataSource}
		},
		func() datasource.DataSource {
			return listing{name: "noop_feedback", list: "feedback", env: ListedFeedbackEnv, schemaOf: mintlifyprovider.NewFeedbackDataSource}
		},
	}
}

type thing struct{}

type thingModel struct {
	ID types.String `tfsdk:"id"`
}

func (thing) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "noop_thing"
}

func (thing) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
	}}
}

func (thing) Create(ctx context.Context, _ resource.CreateRequest, resp *resource.CreateResponse) {
	resp.Diagnostics.Append(resp.State.Set(ctx, thingModel{ID: types.StringValue("noop")})...)
}

func (thing) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (thing) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}

func (thing) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// job has mintlify_agent_job's schema; its plan, create, read and update
// do no I/O and no work of the provider's own.
type job struct{}

func (job) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "noop_job"
}

func (job) Schema(ctx context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
	mintlifyprovider.NewAgentJobResource().Schema(ctx, req, resp)
}

// Create stores the plan, each value known only after apply set to null
// and the id to a fixed string.
func (job) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw, resp.Diagnostics = applied(req.Plan.Raw)
}

func (job) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (job) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw, resp.Diagnostics = applied(req.Plan.Raw)
}

func (job) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// applied is a planned value as an apply leaves it: each value known only
// after apply set to a placeholder of its type, so the floor's state holds
// as many values as a job's does.
func applied(plan tftypes.Value) (tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	out, err := tftypes.Transform(plan, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		return placeholder(v.Type()), nil
	})
	if err != nil {
		diags.AddError("Could not apply the no-op plan", err.Error())
	}
	return out, diags
}

// placeholder is a known value of type t: strings are an RFC 3339 time,
// which every string attribute of the schemas accepts; lists have two
// elements, as a listed job has two todos.
func placeholder(t tftypes.Type) tftypes.Value {
	switch {
	case t.Is(tftypes.List{}):
		list, _ := t.(tftypes.List)
		return tftypes.NewValue(t, []tftypes.Value{placeholder(list.ElementType), placeholder(list.ElementType)})
	case t.Is(tftypes.String):
		return tftypes.NewValue(t, "2026-12-01T08:00:00.000Z")
	case t.Is(tftypes.Bool):
		return tftypes.NewValue(t, false)
	case t.Is(tftypes.Object{}):
		obj, _ := t.(tftypes.Object)
		attrs := map[string]tftypes.Value{}
		for name, at := range obj.AttributeTypes {
			attrs[name] = placeholder(at)
		}
		return tftypes.NewValue(t, attrs)
	default:
		return tftypes.NewValue(t, nil)
	}
}

// ListedJobsEnv and ListedFeedbackEnv are the environment variables that
// say how many items noop_jobs and noop_feedback list.
const (
	ListedJobsEnv     = "NOOP_LISTED_JOBS"
	ListedFeedbackEnv = "NOOP_LISTED_FEEDBACK"
)

// listing has the schema of one of the provider's listings
// (mintlify_agent_jobs, mintlify_feedback), and lists $env placeholder
// items from memory in its list attribute.
type listing struct {
	name, list, env string
	schemaOf        func() datasource.DataSource
}

func (l listing) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = l.name
}

func (l listing) Schema(ctx context.Context, req datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	l.schemaOf().Schema(ctx, req, resp)
}

func (l listing) Read(_ context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	n, _ := strconv.Atoi(os.Getenv(l.env))
	var attrs map[string]tftypes.Value
	if err := req.Config.Raw.As(&attrs); err != nil {
		resp.Diagnostics.AddError("Unexpected configuration", err.Error())
		return
	}
	obj, _ := req.Config.Raw.Type().(tftypes.Object)
	list, _ := obj.AttributeTypes[l.list].(tftypes.List)
	listed := make([]tftypes.Value, n)
	for i := range listed {
		listed[i] = placeholder(list.ElementType)
	}
	attrs["project_id"] = placeholder(tftypes.String)
	attrs[l.list] = tftypes.NewValue(list, listed)
	resp.State.Raw = tftypes.NewValue(obj, attrs)
}
