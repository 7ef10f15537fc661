// Package helmschema is a stand-in for the hashicorp/helm provider, which
// cannot be built or downloaded on the machines that test this provider:
// it declares, as helm 3.1 does, the parts of its schema that
// examples/static-export-helm uses (the provider's kubernetes attribute, and
// helm_release with its name, chart, repository, version, namespace, values,
// and set, set_sensitive, set_wo and set_wo_revision, lists of objects and
// not blocks since 3.0, set_wo write-only). Its release records what it is
// given and does nothing else, so the example is validated and applied end
// to end, write-only values included, against the emulator.
package helmschema

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Source and Version are where the example finds the stand-in.
const (
	Source  = "hashicorp/helm"
	Version = "3.1.0"
	Address = "registry.terraform.io/" + Source
)

// New is the stand-in provider.
func New() provider.Provider { return helm{} }

type helm struct{}

func (helm) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName, resp.Version = "helm", Version
}

func (helm) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	optional := pschema.StringAttribute{Optional: true}
	resp.Schema = pschema.Schema{Attributes: map[string]pschema.Attribute{
		"kubernetes": pschema.SingleNestedAttribute{Optional: true, Attributes: map[string]pschema.Attribute{
			"config_path": optional, "config_context": optional, "host": optional, "token": optional,
		}},
	}}
}

func (helm) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {}

func (helm) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return release{} }}
}

func (helm) DataSources(context.Context) []func() datasource.DataSource { return nil }

type release struct{}

func (release) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_release"
}

// values are helm 3's set, set_sensitive and set_wo: a list of objects.
func values(sensitive, writeOnly bool) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{Optional: true, WriteOnly: writeOnly, NestedObject: schema.NestedAttributeObject{
		Attributes: map[string]schema.Attribute{
			"name":  schema.StringAttribute{Required: true, WriteOnly: writeOnly},
			"value": schema.StringAttribute{Required: true, Sensitive: sensitive, WriteOnly: writeOnly},
			"type":  schema.StringAttribute{Optional: true, WriteOnly: writeOnly},
		},
	}}
}

func (release) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":              schema.StringAttribute{Computed: true},
		"name":            schema.StringAttribute{Required: true},
		"chart":           schema.StringAttribute{Required: true},
		"repository":      schema.StringAttribute{Optional: true},
		"version":         schema.StringAttribute{Optional: true},
		"namespace":       schema.StringAttribute{Optional: true},
		"values":          schema.ListAttribute{Optional: true, ElementType: types.StringType},
		"set":             values(false, false),
		"set_sensitive":   values(true, false),
		"set_wo":          values(false, true),
		"set_wo_revision": schema.Int64Attribute{Optional: true},
	}}
}

// record keeps what the plan says, its name as the ID.
func record(plan tftypes.Value) tftypes.Value {
	var attrs map[string]tftypes.Value
	if err := plan.As(&attrs); err != nil {
		return plan
	}
	kept := make(map[string]tftypes.Value, len(attrs))
	for name, v := range attrs {
		kept[name] = v
	}
	kept["id"] = kept["name"]
	return tftypes.NewValue(plan.Type(), kept)
}

func (release) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = record(req.Plan.Raw)
}

func (release) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (release) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = record(req.Plan.Raw)
}

func (release) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
