package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var _ datasource.DataSourceWithConfigure = &agentJobsDataSource{}

// NewAgentJobsDataSource is the mintlify_agent_jobs data source.
func NewAgentJobsDataSource() datasource.DataSource {
	return &agentJobsDataSource{dataSourceBase{name: "agent_jobs"}}
}

type agentJobsDataSource struct{ dataSourceBase }

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
				Validators:          []validator.String{validators.ProjectID},
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

// Read lists the jobs. A listing may hold thousands of jobs, so the state is
// built as raw Terraform values: the framework's reflection over a slice of
// structs costs more than the listing itself (BenchmarkListJobsDataSource).
func (d *agentJobsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var projectID, status types.String
	var createdAfter timetypes.RFC3339
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("project_id"), &projectID)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("status"), &status)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("created_after"), &createdAfter)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, diags := d.data.clientFor(projectID)
	resp.Diagnostics.Append(diags...)
	var after time.Time
	if !createdAfter.IsNull() {
		after, diags = createdAfter.ValueRFC3339Time()
		resp.Diagnostics.Append(diags...)
	}
	shape, ok := listingTypes(req.Config.Raw.Type())
	if !ok {
		resp.Diagnostics.AddError("Unexpected schema", "The jobs attribute is not a list of jobs. This is a bug in the provider; please report it.")
	}
	if resp.Diagnostics.HasError() {
		return
	}
	sessions, err := client.ListJobs(ctx, project, 0)
	if err != nil {
		resp.Diagnostics.AddError("Could not list the Mintlify agent jobs", d.data.explain(ctx, err, about{project: project}))
		return
	}
	jobs := []tftypes.Value{}
	for _, s := range sessions {
		if (status.IsNull() || s.Status() == status.ValueString()) && (createdAfter.IsNull() || s.CreatedAt.After(after)) {
			jobs = append(jobs, shape.value(s))
		}
	}
	var config map[string]tftypes.Value
	if err := req.Config.Raw.As(&config); err != nil {
		resp.Diagnostics.AddError("Unexpected configuration", err.Error())
		return
	}
	config["project_id"] = tftypes.NewValue(tftypes.String, project)
	config["jobs"] = tftypes.NewValue(shape.list, jobs)
	resp.State.Raw = tftypes.NewValue(req.Config.Raw.Type(), config)
}

// listing are the Terraform types of the jobs attribute: the list, a job,
// and a todo.
type listing struct {
	list      tftypes.List
	job, todo tftypes.Object
}

func listingTypes(t tftypes.Type) (listing, bool) {
	var l listing
	obj, ok := t.(tftypes.Object)
	if !ok {
		return l, false
	}
	if l.list, ok = obj.AttributeTypes["jobs"].(tftypes.List); !ok {
		return l, false
	}
	if l.job, ok = l.list.ElementType.(tftypes.Object); !ok {
		return l, false
	}
	todos, ok := l.job.AttributeTypes["todos"].(tftypes.List)
	if !ok {
		return l, false
	}
	l.todo, ok = todos.ElementType.(tftypes.Object)
	return l, ok
}

// value is a listed job in the data source's terms.
func (l listing) value(s mintlify.Session) tftypes.Value {
	todos := make([]tftypes.Value, len(s.Todos))
	for i, t := range s.Todos {
		todos[i] = tftypes.NewValue(l.todo, map[string]tftypes.Value{
			"content": tfString(t.Content), "status": tfString(t.Status), "priority": tfString(t.Priority),
		})
	}
	branch := ""
	if s.Branch != nil {
		branch = *s.Branch
	}
	return tftypes.NewValue(l.job, map[string]tftypes.Value{
		"id":              tftypes.NewValue(tftypes.String, s.SessionID),
		"status":          tftypes.NewValue(tftypes.String, s.Status()),
		"halt_reason":     tfString(s.HaultReason),
		"title":           tfString(s.Title),
		"branch":          tfString(branch),
		"pr_link":         tfString(s.PullRequestLink),
		"message_to_user": tfString(s.MessageToUser),
		"created_at":      tfString(s.CreatedAt.Text),
		"todos":           tftypes.NewValue(l.job.AttributeTypes["todos"], todos),
	})
}
