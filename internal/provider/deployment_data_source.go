package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var _ datasource.DataSourceWithConfigure = &deploymentDataSource{}

// NewDeploymentDataSource is the mintlify_deployment data source.
func NewDeploymentDataSource() datasource.DataSource {
	return &deploymentDataSource{dataSourceBase{name: "deployment"}}
}

type deploymentDataSource struct{ dataSourceBase }

// deploymentDataSourceModel names the deployment; what the API reports is
// in deploymentFields.
type deploymentDataSourceModel struct {
	ID        types.String `tfsdk:"id"`
	ProjectID types.String `tfsdk:"project_id"`
}

func (d *deploymentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = deploymentDataSourceSchema()
}

var deploymentDataSourceShape = sync.OnceValue(func() shape {
	return dataSourceShape(context.Background(), deploymentDataSourceSchema(), deploymentFields.names())
})

func deploymentDataSourceSchema() schema.Schema {
	attrs := deploymentFields.dataSourceAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The status ID of the production or preview deployment to read.",
		Required:            true,
		Validators:          []validator.String{validators.NotBlank},
	}
	attrs["project_id"] = schema.StringAttribute{
		MarkdownDescription: "The project the deployment belongs to, as the API reports it.",
		Computed:            true,
	}
	return schema.Schema{
		MarkdownDescription: "Reads a production or preview deployment by its status ID: its status, summary and commit. " +
			"It does not wait for the deployment to end, and a deployment that ended `failure` is read without error. " +
			"The status endpoint does not return a preview's URL.",
		Attributes: attrs,
	}
}

func (d *deploymentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m deploymentDataSourceModel
	_, diags := deploymentDataSourceShape().get(ctx, req.Config.Raw, &m)
	resp.Diagnostics.Append(diags...)
	// The status endpoint names no project: only the key is needed.
	client, diags := d.data.keyedClient()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := m.ID.ValueString()
	deployment, err := client.GetDeploymentStatus(ctx, id)
	if !readFound(ctx, d.data, deployments.kind, id, "", err, &resp.Diagnostics) {
		return
	}
	m.ProjectID = stringOrNull(deployment.ProjectID)
	v, diags := deploymentDataSourceShape().value(ctx, &m, deploymentFields.values(deployment))
	resp.Diagnostics.Append(diags...)
	resp.State.Raw = v
}
