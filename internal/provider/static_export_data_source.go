package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var _ datasource.DataSourceWithConfigure = &staticExportDataSource{}

// NewStaticExportDataSource is the mintlify_static_export data source.
func NewStaticExportDataSource() datasource.DataSource {
	return &staticExportDataSource{dataSourceBase{name: "static_export"}}
}

type staticExportDataSource struct{ dataSourceBase }

type staticExportDataSourceModel struct {
	ID types.String `tfsdk:"id"`
}

func (d *staticExportDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = staticExportDataSourceSchema()
}

var staticExportDataSourceShape = sync.OnceValue(func() shape {
	return dataSourceShape(context.Background(), staticExportDataSourceSchema(), append(staticExportFields.names(), bundleFields.names()...))
})

func staticExportDataSourceSchema() schema.Schema {
	attrs := staticExportFields.dataSourceAttributes()
	for name, a := range bundleFields.dataSourceAttributes() {
		attrs[name] = a
	}
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The job ID of the static export to read.",
		Required:            true,
		Validators:          []validator.String{validators.NotBlank},
	}
	return schema.Schema{
		MarkdownDescription: "Reads a static export by its job ID: its status and progress and, once it has completed, a fresh " +
			"link to its bundle at every read. It does not wait for the export to end; use the `mintlify_static_export` " +
			"resource to start one and wait for it.",
		Attributes: attrs,
	}
}

func (d *staticExportDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m staticExportDataSourceModel
	_, diags := staticExportDataSourceShape().get(ctx, req.Config.Raw, &m)
	resp.Diagnostics.Append(diags...)
	client, diags := d.data.keyedClient()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := m.ID.ValueString()
	export, err := client.GetStaticExport(ctx, id)
	if !readFound(ctx, d.data, staticExports.kind, id, "", err, &resp.Diagnostics) {
		return
	}
	var bundle *mintlify.StaticExportBundle
	if export.Status == mintlify.StaticExportCompleted {
		var failed diag.Diagnostic
		if bundle, failed = bundleOf(ctx, d.data, client, id, "", diag.SeverityError); failed != nil {
			resp.Diagnostics.Append(failed)
			return
		}
	}
	v, diags := staticExportDataSourceShape().value(ctx, &m, exportValues(export, bundle))
	resp.Diagnostics.Append(diags...)
	resp.State.Raw = v
}
