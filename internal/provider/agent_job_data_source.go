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

var _ datasource.DataSourceWithConfigure = &agentJobDataSource{}

// NewAgentJobDataSource is the mintlify_agent_job data source.
func NewAgentJobDataSource() datasource.DataSource {
	return &agentJobDataSource{dataSourceBase{name: "agent_job"}}
}

type agentJobDataSource struct{ dataSourceBase }

// agentJobDataSourceModel is what names the job; what the API reports is
// in jobFields.
type agentJobDataSourceModel struct {
	ID        types.String `tfsdk:"id"`
	ProjectID types.String `tfsdk:"project_id"`
}

func (d *agentJobDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = agentJobDataSourceSchema()
}

var agentJobDataSourceShape = sync.OnceValue(func() shape {
	return dataSourceShape(context.Background(), agentJobDataSourceSchema(), jobFields.names())
})

func agentJobDataSourceSchema() schema.Schema {
	attrs := jobFields.dataSourceAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The ID of the job to read.",
		Required:            true,
		Validators:          []validator.String{validators.NotBlank},
	}
	attrs["project_id"] = schema.StringAttribute{
		MarkdownDescription: "The project the job belongs to. Defaults to the provider's `project_id`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{validators.ProjectID},
	}
	return schema.Schema{
		MarkdownDescription: "Reads an existing Mintlify agent job by its ID: its status, model and pull-request link. " +
			"It does not wait for the job to end; use the `mintlify_agent_job` resource to start a job and wait for it.",
		Attributes: attrs,
	}
}

func (d *agentJobDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m agentJobDataSourceModel
	_, diags := agentJobDataSourceShape().get(ctx, req.Config.Raw, &m)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, diags := d.data.clientFor(m.ProjectID)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	job, err := client.GetJob(ctx, project, m.ID.ValueString())
	if !readFound(ctx, d.data, jobs.kind, m.ID.ValueString(), project, err, &resp.Diagnostics) {
		return
	}
	m.ProjectID = types.StringValue(project)
	v, diags := agentJobDataSourceShape().value(ctx, &m, jobFields.values(job))
	resp.Diagnostics.Append(diags...)
	resp.State.Raw = v
}
