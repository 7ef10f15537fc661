package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

var _ action.ActionWithConfigure = &agentJobAction{}

// NewAgentJobAction runs a job as a side effect (Terraform 1.14 actions).
func NewAgentJobAction() action.Action { return &agentJobAction{} }

type agentJobAction struct {
	data *providerData
}

type agentJobActionModel struct {
	Prompt types.String `tfsdk:"prompt"`
	JobID  types.String `tfsdk:"job_id"`
	actionWait
}

func (a *agentJobAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent_job"
}

func (a *agentJobAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	attrs := actionWaitAttributes("job", mintlify.StatusFailed, defaultCreateTimeout)
	attrs["prompt"] = schema.StringAttribute{
		MarkdownDescription: "The instruction for the agent.",
		Required:            true,
		Validators:          []validator.String{notBlankValidator},
	}
	attrs["job_id"] = schema.StringAttribute{
		MarkdownDescription: "An existing job to send `prompt` to as a follow-up, instead of starting a new job. " +
			"While the job's current run goes on, the follow-up waits for it to end.",
		Optional:   true,
		Validators: []validator.String{notBlankValidator},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Runs a Mintlify agent job as a side effect of another change, for example when an API " +
			"specification changes (`action_trigger` in that resource's `lifecycle`), or on demand with " +
			"`terraform apply -invoke`. Nothing is kept in state: each invocation starts a job, or sends a follow-up " +
			"prompt to an existing one, and reports its progress. Needs Terraform 1.14 or later.",
		Attributes: attrs,
	}
}

func (a *agentJobAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (a *agentJobAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m agentJobActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, inv, diags := m.begin(ctx, a.data, defaultCreateTimeout, resp)
	defer cancel()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, progress := inv.client, inv.project, inv.progress

	keep := func(id string) string {
		return fmt.Sprintf("The job goes on in Mintlify: follow it with the mintlify_agent_job data source (id = %q).", id)
	}
	waitFor := func(job *mintlify.AgentJob, start time.Time) (*mintlify.AgentJob, bool) {
		final, err := wait.For(ctx, wait.Job, job, func(ctx context.Context) (*mintlify.AgentJob, error) {
			return client.GetJob(ctx, project, job.ID)
		}, wait.Options[*mintlify.AgentJob]{Cap: inv.cap, Start: start, OnChange: func(_ context.Context, j *mintlify.AgentJob) {
			progress("Agent job %s is %s", j.ID, j.Status)
		}})
		resp.Diagnostics.Append(a.data.waitDiagnostics(err, jobWait(final, project, inv.limit, actionTimeout, inv.allowFailure, keep(final.ID)))...)
		return final, !resp.Diagnostics.HasError()
	}

	var job *mintlify.AgentJob
	var err error
	start := time.Now()
	if m.JobID.IsNull() {
		job, err = client.CreateJob(ctx, project, m.Prompt.ValueString())
	} else {
		job, err = client.GetJob(ctx, project, m.JobID.ValueString())
		if err == nil && !mintlify.IsTerminal(job.Status) {
			// A conversation is sequential: the current run ends first.
			progress("Agent job %s is %s: waiting for its current run to end before sending the follow-up prompt", job.ID, job.Status)
			var ok bool
			if job, ok = waitFor(job, start); !ok {
				return
			}
		}
		if err == nil {
			start = time.Now()
			job, err = client.SendMessage(ctx, project, job.ID, m.Prompt.ValueString())
		}
	}
	if err != nil {
		resp.Diagnostics.AddError("Could not start the Mintlify agent job", a.data.explain(err, project, m.JobID.ValueString()))
		return
	}
	if m.JobID.IsNull() {
		progress("Started agent job %s in project %s", job.ID, project)
	} else {
		progress("Sent the follow-up prompt to agent job %s", job.ID)
	}
	if inv.waits {
		job, _ = waitFor(job, start)
	}
	link := "no pull request yet"
	if job.PRLink != nil {
		link = "pull request " + *job.PRLink
	}
	progress("Agent job %s: %s, %s", job.ID, job.Status, link)
}
