// Package standin serves stand-ins for the providers that examples use
// beside this one but that cannot be built or downloaded on the machines
// that test it: a provider of a name and version with the schemas an
// example needs, which does nothing. `terraform validate` checks the
// example against it.
package standin

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Provider is a stand-in provider: its configuration's schema, and the
// data sources it declares (Reads).
type Provider struct {
	Name, Version string
	Config        pschema.Schema
	Reads         []DataSource
}

func (p Provider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName, resp.Version = p.Name, p.Version
}

func (p Provider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = p.Config
}

func (Provider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {}

func (Provider) Resources(context.Context) []func() resource.Resource { return nil }

func (p Provider) DataSources(context.Context) []func() datasource.DataSource {
	out := make([]func() datasource.DataSource, len(p.Reads))
	for i, d := range p.Reads {
		out[i] = func() datasource.DataSource { return d }
	}
	return out
}

// DataSource is a stand-in data source: its name after the provider's, and
// its schema. It reads nothing.
type DataSource struct {
	Name   string
	Config dschema.Schema
}

func (d DataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.Name
}

func (d DataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.Config
}

func (DataSource) Read(context.Context, datasource.ReadRequest, *datasource.ReadResponse) {}
