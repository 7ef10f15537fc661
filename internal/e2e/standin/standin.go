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

// Provider is a stand-in provider named name at version, configured by
// config, with these data sources.
func Provider(name, version string, config pschema.Schema, dataSources ...datasource.DataSource) provider.Provider {
	return standin{name: name, version: version, config: config, dataSources: dataSources}
}

// DataSource is a stand-in data source, named name after its provider,
// with schema s. It reads nothing.
func DataSource(name string, s dschema.Schema) datasource.DataSource {
	return dataSource{name: name, schema: s}
}

type standin struct {
	name, version string
	config        pschema.Schema
	dataSources   []datasource.DataSource
}

func (p standin) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName, resp.Version = p.name, p.version
}

func (p standin) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = p.config
}

func (standin) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {}

func (standin) Resources(context.Context) []func() resource.Resource { return nil }

func (p standin) DataSources(context.Context) []func() datasource.DataSource {
	out := make([]func() datasource.DataSource, len(p.dataSources))
	for i, d := range p.dataSources {
		out[i] = func() datasource.DataSource { return d }
	}
	return out
}

type dataSource struct {
	name   string
	schema dschema.Schema
}

func (d dataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.name
}

func (d dataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.schema
}

func (dataSource) Read(context.Context, datasource.ReadRequest, *datasource.ReadResponse) {}
