// Package helmschema is a stand-in for the hashicorp/helm provider, which
// cannot be built or downloaded on the machines that test this provider:
// it declares, as helm 2.x documents them, the parts of its schema that
// examples/static-export-helm uses (the provider's kubernetes block, and
// helm_release with its name, chart, repository, version, namespace, values,
// set and set_sensitive), so that `terraform validate` checks the example's
// Helm part, references to mintlify_static_export included. It does
// nothing: it is only ever validated against.
package helmschema

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Source and Version are where the example finds the stand-in.
const (
	Source  = "hashicorp/helm"
	Version = "2.17.0"
	Address = "registry.terraform.io/" + Source
)

// New is the stand-in provider.
func New() provider.Provider { return helm{} }

type helm struct{}

func (helm) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName, resp.Version = "helm", Version
}

func (helm) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	optional := func() pschema.StringAttribute { return pschema.StringAttribute{Optional: true} }
	resp.Schema = pschema.Schema{Blocks: map[string]pschema.Block{
		"kubernetes": pschema.ListNestedBlock{NestedObject: pschema.NestedBlockObject{Attributes: map[string]pschema.Attribute{
			"config_path": optional(), "config_context": optional(), "host": optional(), "token": optional(),
		}}},
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

func (release) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	value := func(sensitive bool) schema.NestedBlockObject {
		return schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"name":  schema.StringAttribute{Required: true},
			"value": schema.StringAttribute{Required: true, Sensitive: sensitive},
			"type":  schema.StringAttribute{Optional: true},
		}}
	}
	resp.Schema = schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id":         schema.StringAttribute{Computed: true},
			"name":       schema.StringAttribute{Required: true},
			"chart":      schema.StringAttribute{Required: true},
			"repository": schema.StringAttribute{Optional: true},
			"version":    schema.StringAttribute{Optional: true},
			"namespace":  schema.StringAttribute{Optional: true},
			"values":     schema.ListAttribute{Optional: true, ElementType: types.StringType},
		},
		Blocks: map[string]schema.Block{
			"set":           schema.SetNestedBlock{NestedObject: value(false)},
			"set_sensitive": schema.SetNestedBlock{NestedObject: value(true)},
		},
	}
}

func (release) Create(context.Context, resource.CreateRequest, *resource.CreateResponse) {}
func (release) Read(context.Context, resource.ReadRequest, *resource.ReadResponse)       {}
func (release) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {}
func (release) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
