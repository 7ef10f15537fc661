package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

var _ datasource.DataSourceWithConfigure = &deploymentDataSource{}

// NewDeploymentDataSource is the mintlify_deployment data source.
func NewDeploymentDataSource() datasource.DataSource { return &deploymentDataSource{} }

type deploymentDataSource struct {
	data *providerData
}

type deploymentDataSourceModel struct {
	ID        types.String `tfsdk:"id"`
	ProjectID types.String `tfsdk:"project_id"`
	deploymentFields
}

func (d *deploymentDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_deployment"
}

func (d *deploymentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := reportedDataSourceAttributes(deploymentFieldSpecs)
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The status ID of the production or preview deployment to read.",
		Required:            true,
		Validators:          []validator.String{notBlankValidator},
	}
	attrs["project_id"] = schema.StringAttribute{
		MarkdownDescription: "The project the deployment belongs to, as the API reports it.",
		Computed:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a production or preview deployment by its status ID: its status, summary and commit. " +
			"It does not wait for the deployment to end, and a deployment that ended `failure` is read without error. " +
			"The status endpoint does not return a preview's URL.",
		Attributes: attrs,
	}
}

func (d *deploymentDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *deploymentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m deploymentDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The status endpoint names no project: only the key is needed.
	client, diags := d.data.keyedClient()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := m.ID.ValueString()
	deployment, err := client.GetDeploymentStatus(ctx, id)
	var notFound *mintlify.NotFoundError
	if errors.As(err, &notFound) {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Deployment not found",
			fmt.Sprintf("No deployment with status ID %q was found (HTTP 404: %s). Check the ID, and that the API key's "+
				"organization owns the deployment's project.", id, notFound.Message))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Mintlify deployment", d.data.explain(err, "", id))
		return
	}
	m.ProjectID = stringOrNull(deployment.ProjectID)
	resp.Diagnostics.Append(m.set(ctx, deployment)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
