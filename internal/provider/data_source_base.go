package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

// dataSourceBase is what every data source does the same way: it is named,
// and configured with the provider's data. Each embeds it.
type dataSourceBase struct {
	data *providerData
	// name is the type's name after the provider's, such as "deployment".
	name string
}

func (d *dataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.name
}

func (d *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// operationDataSource reads one of a followable kind by its ID, as the API
// reports it, without waiting for it to end. Each kind's is a declaration
// of one (deployment_data_source.go).
type operationDataSource[T any] struct {
	dataSourceBase
	op *followable[T]
	// doc describes the data source, idDoc its id argument.
	doc, idDoc string
	fields     fields[T]
	// extra are the attributes it reports besides the fields, which more
	// reads into state (an export's bundle link); nil for none.
	extra map[string]schema.Attribute
	more  func(ctx context.Context, d *providerData, c *mintlify.Client, v T, state *rawState, diags *diag.Diagnostics)
}

// hasProject reports whether the data source takes the project: a kind
// read within a project.
func (d *operationDataSource[T]) hasProject() bool { return !d.op.kind.unscoped && !d.op.kind.readByID }

func (d *operationDataSource[T]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := d.fields.dataSourceAttributes()
	for name, a := range d.extra {
		attrs[name] = a
	}
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: d.idDoc,
		Required:            true,
		Validators:          []validator.String{validators.NotBlank},
	}
	if d.hasProject() {
		attrs["project_id"] = schema.StringAttribute{
			MarkdownDescription: "The project the " + d.op.kind.noun + " belongs to. Defaults to the provider's `project_id`.",
			Optional:            true,
			Computed:            true,
			Validators:          []validator.String{validators.ProjectID},
		}
	}
	resp.Schema = schema.Schema{MarkdownDescription: d.doc, Attributes: attrs}
}

func (d *operationDataSource[T]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	state, diags := newRawState(req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, diags := d.data.readClient(d.op.kind, types.StringValue(state.string("project_id")))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	v, ok := d.op.read(ctx, d.data, client, project, state.string("id"), &resp.Diagnostics)
	if !ok {
		return
	}
	d.fields.write(state, v)
	if d.hasProject() {
		state.set(map[string]tftypes.Value{"project_id": tfString(project)})
	}
	if d.more != nil {
		d.more(ctx, d.data, client, v, state, &resp.Diagnostics)
	}
	resp.State.Raw = state.value()
}
