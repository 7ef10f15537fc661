package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
)

// promptPlanModifier plans the prompt. Mintlify never returns a job's prompt,
// so state holds what this provider sent, or null for an imported job:
//   - creating a job: a prompt is required;
//   - prompt left out of the configuration: keep the state value, no change;
//   - a new prompt for a job created from another: replace the job;
//   - a prompt for an imported job (null in state): adopt it in place,
//     sending nothing.
type promptPlanModifier struct{}

func (promptPlanModifier) Description(context.Context) string {
	return "Requires a prompt to create a job; a changed prompt replaces the job, except on an imported job whose prompt is unknown."
}

func (m promptPlanModifier) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (promptPlanModifier) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	creating := req.State.Raw.IsNull()
	switch {
	case req.Plan.Raw.IsNull(): // destroying
	case req.ConfigValue.IsUnknown():
		resp.RequiresReplace = !creating && !req.StateValue.IsNull()
	case req.ConfigValue.IsNull() && creating:
		resp.Diagnostics.AddAttributeError(req.Path, "Missing prompt",
			`A mintlify_agent_job needs a prompt to start a job: set prompt = "..." to the instruction for the agent.`)
	case req.ConfigValue.IsNull():
		resp.PlanValue = req.StateValue
	case !creating && !req.StateValue.IsNull() && !req.ConfigValue.Equal(req.StateValue):
		resp.RequiresReplace = true
	}
}
