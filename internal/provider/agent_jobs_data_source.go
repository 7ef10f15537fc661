package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
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

// listedJobs are what the data source reports: the jobs listed.
var listedJobs = fields[[]mintlify.Session]{
	listOf("jobs", "The jobs, newest first.", sessionFields, func(s []mintlify.Session) []mintlify.Session { return s }),
}

// sessionFields are what the listing reports of a job.
var sessionFields = fields[mintlify.Session]{
	text("id", "The job's ID (the API's session ID), as the `mintlify_agent_job` resource and data source take it.",
		func(s mintlify.Session) string { return s.SessionID }),
	text("status", "`active` while the agent works, `completed`, or `failed` (halted by an error or a GitHub "+
		"misconfiguration); another halt reason the API adds is shown as it is.", mintlify.Session.Status),
	text("halt_reason", "Why the job halted, as the API says: `completed`, `error`, `github_missconfigured`, `interrupted`, "+
		"or `processing` while it runs.", func(s mintlify.Session) string { return s.HaultReason }),
	text("title", "A title the API generated for the job.", func(s mintlify.Session) string { return s.Title }),
	text("branch", "The Git branch of the job's changes.", func(s mintlify.Session) string { return deref(s.Branch) }),
	text("pr_link", "The URL of the job's pull request; null if it has none.", func(s mintlify.Session) string { return s.PullRequestLink }),
	text("message_to_user", "The agent's message about the outcome.", func(s mintlify.Session) string { return s.MessageToUser }),
	timestamp("created_at", "When the job was created, in RFC 3339 format.", func(s mintlify.Session) *mintlify.Time { return &s.CreatedAt }),
	listOf("todos", "The agent's plan: one item per task.", fields[mintlify.Todo]{
		text("content", "The task.", func(t mintlify.Todo) string { return t.Content }),
		text("status", "`pending`, `in_progress`, `completed` or `cancelled`.", func(t mintlify.Todo) string { return t.Status }),
		text("priority", "`high`, `medium` or `low`.", func(t mintlify.Todo) string { return t.Priority }),
	}, func(s mintlify.Session) []mintlify.Todo { return s.Todos }),
}

func (d *agentJobsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := listedJobs.dataSourceAttributes()
	attrs["project_id"] = schema.StringAttribute{
		MarkdownDescription: "The project whose jobs to list. Defaults to the provider's `project_id`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{validators.ProjectID},
	}
	attrs["status"] = schema.StringAttribute{
		MarkdownDescription: "Only jobs with this status: `active`, `completed` or `failed`.",
		Optional:            true,
		Validators:          []validator.String{stringvalidator.OneOf(mintlify.StatusActive, mintlify.StatusCompleted, mintlify.StatusFailed)},
	}
	attrs["created_after"] = schema.StringAttribute{
		MarkdownDescription: "Only jobs created after this time, in RFC 3339 format (for example `2026-01-31T00:00:00Z`).",
		CustomType:          timetypes.RFC3339Type{},
		Optional:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the agent jobs of a project, newest first, through Mintlify's job listing (the deprecated v1 " +
			"endpoint, the only listing the API has). Every page is read, 100 jobs at a time.",
		Attributes: attrs,
	}
}

// Read lists the jobs. A listing may hold thousands of jobs, so its values
// are built without reflection (BenchmarkListJobsDataSource).
func (d *agentJobsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	state, diags := newRawState(req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, diags := d.data.clientFor(types.StringValue(state.string("project_id")))
	resp.Diagnostics.Append(diags...)
	status, createdAfter := state.string("status"), state.string("created_after")
	// The type has checked the time at plan time.
	after, _ := time.Parse(time.RFC3339, createdAfter)
	if resp.Diagnostics.HasError() {
		return
	}
	sessions, err := client.ListJobs(ctx, project, 0)
	if err != nil {
		resp.Diagnostics.AddError("Could not list the Mintlify agent jobs", d.data.explain(ctx, err, about(jobs.kind, project, "")))
		return
	}
	listed := make([]mintlify.Session, 0, len(sessions))
	for _, s := range sessions {
		if (status == "" || s.Status() == status) && (createdAfter == "" || s.CreatedAt.After(after)) {
			listed = append(listed, s)
		}
	}
	listedJobs.write(state, listed)
	state.set(map[string]tftypes.Value{"project_id": tfString(project)})
	resp.State.Raw = state.value()
}
