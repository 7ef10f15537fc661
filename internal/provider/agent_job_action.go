package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var _ action.ActionWithConfigure = &agentJobAction{}

// NewAgentJobAction runs a job as a side effect (Terraform 1.14 actions).
func NewAgentJobAction() action.Action { return &agentJobAction{actionBase{name: "agent_job"}} }

type agentJobAction struct{ actionBase }

type agentJobActionModel struct {
	Prompt types.String `tfsdk:"prompt"`
	JobID  types.String `tfsdk:"job_id"`
	actionWait
}

func (a *agentJobAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	attrs := actionWaitAttributes(jobWaits)
	attrs["prompt"] = schema.StringAttribute{
		MarkdownDescription: "The instruction for the agent.",
		Required:            true,
		Validators:          []validator.String{validators.NotBlank},
	}
	attrs["job_id"] = schema.StringAttribute{
		MarkdownDescription: "An existing job to send `prompt` to as a follow-up, instead of starting a new job. " +
			"While the job's current run goes on, the follow-up waits for it to end.",
		Optional:   true,
		Validators: []validator.String{validators.NotBlank},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Runs a Mintlify agent job as a side effect of another change, for example when an API " +
			"specification changes (`action_trigger` in that resource's `lifecycle`), or on demand with " +
			"`terraform apply -invoke`. Nothing is kept in state: each invocation starts a job, or sends a follow-up " +
			"prompt to an existing one, and reports its progress. Needs Terraform 1.14 or later.",
		Attributes: attrs,
	}
}

func (a *agentJobAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m agentJobActionModel
	resp.Diagnostics.Append(readActionConfig(ctx, req, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, run, cancel := invocation(ctx, a.data, jobs, m.ProjectID, m.actionWaitArgs, defaultCreateTimeout, resp)
	defer cancel()
	if run == nil {
		return
	}
	defer func() { resp.Diagnostics.Append(run.diags...) }()

	var job *mintlify.AgentJob
	start := a.data.clock.Now()
	if m.JobID.IsNull() {
		var err error
		if job, err = run.client.CreateJob(ctx, run.project, m.Prompt.ValueString()); err != nil {
			run.startFailed(ctx, err)
			return
		}
		run.report("Started agent job %s in project %s", job.ID, run.project)
	} else {
		id := m.JobID.ValueString()
		current, err := run.client.GetJob(ctx, run.project, id)
		if err != nil {
			run.diags.Append(jobUnread(id+" (job_id)", a.data.explain(ctx, err, run.about(id))))
			return
		}
		sent := sendFollowUp(ctx, run, current, start, m.Prompt.ValueString())
		if !sent.ok {
			return
		}
		job, start = sent.job, sent.at
	}
	if run.settings.waits {
		var ok bool
		if job, ok = run.wait(ctx, job, start); !ok {
			return
		}
	}
	link := "no pull request yet"
	switch {
	case job.PRLink != nil:
		link = "pull request " + *job.PRLink
	case mintlify.IsTerminal(job.Status):
		link = "no pull request"
	}
	run.report("Agent job %s: %s, %s", job.ID, job.Status, link)
}
