package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// createOnly plans an argument that is sent once, when the job is created,
// and that Mintlify never returns (or returns in another form), so state
// holds what this provider sent, or null for an imported job:
//   - left out of the configuration: keep the state value, no change;
//   - changed from what the job was created with: replace the job;
//   - set on an imported job (null in state): adopt it in place, sending
//     nothing.
type createOnly struct {
	// required makes a missing value at creation a plan-time error.
	required bool
	// reported means the API reports a value when none is configured, so a
	// new job's value stays unknown until it is created.
	reported bool
	// same compares a configured and a recorded value; Equal when nil.
	same func(config, state attr.Value) bool
}

var (
	_ planmodifier.String = createOnly{}
	_ planmodifier.Bool   = createOnly{}
)

func (createOnly) Description(context.Context) string {
	return "Sent only when the job is created: a change replaces the job, except on an imported job, where the value is recorded."
}

func (m createOnly) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

// planAction is what a createOnly modifier does to the planned value.
type planAction int

const (
	keepPlanned planAction = iota
	usePrior
	useNull
)

// plan decides the planned value and whether the job must be replaced.
func (m createOnly) plan(p path.Path, state tfsdk.State, destroying bool, config, prior attr.Value, diags *diag.Diagnostics) (planAction, bool) {
	creating := state.Raw.IsNull()
	switch {
	case destroying:
	case config.IsUnknown():
		return keepPlanned, !creating && !prior.IsNull()
	case config.IsNull() && creating && m.required:
		diags.AddAttributeError(p, fmt.Sprintf("Missing %s", p),
			fmt.Sprintf(`A mintlify_agent_job needs %s to start a job: set %s = "..." to the instruction for the agent.`, p, p))
	case config.IsNull() && creating && !m.reported:
		return useNull, false
	case config.IsNull() && !creating:
		return usePrior, false
	case !creating && !prior.IsNull():
		same := config.Equal(prior)
		if m.same != nil {
			same = m.same(config, prior)
		}
		return keepPlanned, !same
	}
	return keepPlanned, false
}

func (m createOnly) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	action, replace := m.plan(req.Path, req.State, req.Plan.Raw.IsNull(), req.ConfigValue, req.StateValue, &resp.Diagnostics)
	switch action {
	case usePrior:
		resp.PlanValue = req.StateValue
	case useNull:
		resp.PlanValue = types.StringNull()
	}
	resp.RequiresReplace = replace
}

func (m createOnly) PlanModifyBool(_ context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	action, replace := m.plan(req.Path, req.State, req.Plan.Raw.IsNull(), req.ConfigValue, req.StateValue, &resp.Diagnostics)
	switch action {
	case usePrior:
		resp.PlanValue = req.StateValue
	case useNull:
		resp.PlanValue = types.BoolNull()
	}
	resp.RequiresReplace = replace
}
