package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

var _ datasource.DataSourceWithConfigure = &agentJobsDataSource{}

// NewAgentJobsDataSource is the mintlify_agent_jobs data source.
func NewAgentJobsDataSource() datasource.DataSource { return &agentJobsDataSource{} }

type agentJobsDataSource struct {
	data *providerData
}

type agentJobsDataSourceModel struct {
	ProjectID    types.String      `tfsdk:"project_id"`
	Status       types.String      `tfsdk:"status"`
	CreatedAfter timetypes.RFC3339 `tfsdk:"created_after"`
	Jobs         []listedJobModel  `tfsdk:"jobs"`
}

type listedJobModel struct {
	ID            types.String      `tfsdk:"id"`
	Status        types.String      `tfsdk:"status"`
	HaltReason    types.String      `tfsdk:"halt_reason"`
	Title         types.String      `tfsdk:"title"`
	Branch        types.String      `tfsdk:"branch"`
	PRLink        types.String      `tfsdk:"pr_link"`
	MessageToUser types.String      `tfsdk:"message_to_user"`
	CreatedAt     timetypes.RFC3339 `tfsdk:"created_at"`
	Todos         []todoModel       `tfsdk:"todos"`
}

type todoModel struct {
	Content  types.String `tfsdk:"content"`
	Status   types.String `tfsdk:"status"`
	Priority types.String `tfsdk:"priority"`
}

// listedJob is a job of the listing in the data source's terms.
func listedJob(s mintlify.Session) (listedJobModel, diag.Diagnostics) {
	todos := make([]todoModel, 0, len(s.Todos))
	for _, t := range s.Todos {
		todos = append(todos, todoModel{types.StringValue(t.Content), types.StringValue(t.Status), types.StringValue(t.Priority)})
	}
	createdAt, diags := rfc3339(&s.CreatedAt)
	return listedJobModel{
		ID:            types.StringValue(s.SessionID),
		Status:        types.StringValue(s.Status()),
		HaltReason:    stringOrNull(s.HaultReason),
		Title:         stringOrNull(s.Title),
		Branch:        types.StringPointerValue(s.Branch),
		PRLink:        stringOrNull(s.PullRequestLink),
		MessageToUser: stringOrNull(s.MessageToUser),
		CreatedAt:     createdAt,
		Todos:         todos,
	}, diags
}

func stringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

func (d *agentJobsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent_jobs"
}

func (d *agentJobsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(doc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: doc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the agent jobs of a project, newest first, through Mintlify's job listing (the deprecated v1 " +
			"endpoint, the only listing the API has). Every page is read, 100 jobs at a time.",
		Attributes: map[string]schema.Attribute{
			"project_id": schema.StringAttribute{
				MarkdownDescription: "The project whose jobs to list. Defaults to the provider's `project_id`.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{projectIDValidator},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Only jobs with this status: `active`, `completed` or `failed`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(mintlify.StatusActive, mintlify.StatusCompleted, mintlify.StatusFailed)},
			},
			"created_after": schema.StringAttribute{
				MarkdownDescription: "Only jobs created after this time, in RFC 3339 format (for example `2026-01-31T00:00:00Z`).",
				CustomType:          timetypes.RFC3339Type{},
				Optional:            true,
			},
			"jobs": schema.ListNestedAttribute{
				MarkdownDescription: "The jobs, newest first.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id": str("The job's ID (the API's session ID), as the `mintlify_agent_job` resource and data source take it."),
					"status": str("`active` while the agent works, `completed`, or `failed` (halted by an error or a GitHub " +
						"misconfiguration); another halt reason the API adds is shown as it is."),
					"halt_reason":     str("Why the job halted, as the API says: `completed`, `error`, `github_missconfigured`, `interrupted`, or `processing` while it runs."),
					"title":           str("A title the API generated for the job."),
					"branch":          str("The Git branch of the job's changes."),
					"pr_link":         str("The URL of the job's pull request; null if it has none."),
					"message_to_user": str("The agent's message about the outcome."),
					"created_at": schema.StringAttribute{MarkdownDescription: "When the job was created, in RFC 3339 format.",
						Computed: true, CustomType: timetypes.RFC3339Type{}},
					"todos": schema.ListNestedAttribute{
						MarkdownDescription: "The agent's plan: one item per task.",
						Computed:            true,
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"content":  str("The task."),
							"status":   str("`pending`, `in_progress`, `completed` or `cancelled`."),
							"priority": str("`high`, `medium` or `low`."),
						}},
					},
				}},
			},
		},
	}
}

func (d *agentJobsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *agentJobsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m agentJobsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, diags := d.data.clientFor(m.ProjectID)
	resp.Diagnostics.Append(diags...)
	after, diags := m.CreatedAfter.ValueRFC3339Time()
	if m.CreatedAfter.IsNull() {
		diags = nil
	}
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	sessions, err := client.ListJobs(ctx, project, 0)
	if err != nil {
		resp.Diagnostics.AddError("Could not list the Mintlify agent jobs", d.data.explain(err, project, ""))
		return
	}
	m.ProjectID = types.StringValue(project)
	m.Jobs = []listedJobModel{}
	for _, s := range sessions {
		if (m.Status.IsNull() || s.Status() == m.Status.ValueString()) && (m.CreatedAfter.IsNull() || s.CreatedAt.After(after)) {
			job, diags := listedJob(s)
			resp.Diagnostics.Append(diags...)
			m.Jobs = append(m.Jobs, job)
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
