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

// NewAgentJobAction runs a job, or sends a follow-up prompt to one, as a
// side effect (Terraform 1.14 actions).
func NewAgentJobAction() action.Action {
	return &operationAction[*mintlify.AgentJob, agentJobActionArgs]{
		actionBase: actionBase{name: "agent_job"}, schema: agentJobActionSchema, timeout: defaultCreateTimeout,
		op: func(agentJobActionArgs) *followable[*mintlify.AgentJob] { return jobs },
		launch: func(r *followedRun[*mintlify.AgentJob], m agentJobActionArgs) launching[*mintlify.AgentJob] {
			if !m.JobID.IsNull() {
				return followingUp(r, m.JobID.ValueString(), m.Prompt.ValueString())
			}
			return launching[*mintlify.AgentJob]{start: func(ctx context.Context) (*mintlify.AgentJob, error) {
				return r.client.CreateJob(ctx, r.project, m.Prompt.ValueString())
			}}
		},
	}
}

type agentJobActionArgs struct {
	Prompt types.String `tfsdk:"prompt"`
	JobID  types.String `tfsdk:"job_id"`
	actionWait
}

func agentJobActionSchema() schema.Schema {
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
	return schema.Schema{
		MarkdownDescription: "Runs a Mintlify agent job as a side effect of another change, for example when an API " +
			"specification changes (`action_trigger` in that resource's `lifecycle`), or on demand with " +
			"`terraform apply -invoke`. Nothing is kept in state: each invocation starts a job, or sends a follow-up " +
			"prompt to an existing one, and reports its progress. Needs Terraform 1.14 or later.",
		Attributes: attrs,
	}
}
