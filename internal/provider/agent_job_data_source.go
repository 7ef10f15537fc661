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

var _ datasource.DataSourceWithConfigure = &agentJobDataSource{}

// NewAgentJobDataSource is the mintlify_agent_job data source.
func NewAgentJobDataSource() datasource.DataSource { return &agentJobDataSource{} }

type agentJobDataSource struct {
	data *providerData
}

type agentJobDataSourceModel struct {
	ID        types.String `tfsdk:"id"`
	ProjectID types.String `tfsdk:"project_id"`
	jobFields
}

func (d *agentJobDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent_job"
}

func (d *agentJobDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := reportedDataSourceAttributes(jobFieldSpecs)
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The ID of the job to read.",
		Required:            true,
		Validators:          []validator.String{notBlankValidator},
	}
	attrs["project_id"] = schema.StringAttribute{
		MarkdownDescription: "The project the job belongs to. Defaults to the provider's `project_id`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{projectIDValidator},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads an existing Mintlify agent job by its ID: its status, model and pull-request link. " +
			"It does not wait for the job to end; use the `mintlify_agent_job` resource to start a job and wait for it.",
		Attributes: attrs,
	}
}

func (d *agentJobDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *agentJobDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m agentJobDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, diags := d.data.clientFor(m.ProjectID)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	job, err := client.GetJob(ctx, project, m.ID.ValueString())
	var notFound *mintlify.NotFoundError
	if errors.As(err, &notFound) {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Agent job not found",
			fmt.Sprintf("No agent job with ID %q exists in project %q (HTTP 404: %s). Check the job ID and project_id.",
				m.ID.ValueString(), project, notFound.Message))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Mintlify agent job", d.data.explain(err, project, m.ID.ValueString()))
		return
	}
	m.ProjectID = types.StringValue(project)
	resp.Diagnostics.Append(m.set(ctx, job)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
