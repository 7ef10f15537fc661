// Package modifiers plans arguments whose changes Mintlify cannot apply in
// place: what is sent once, when an operation starts, and a conversation
// that only grows.
package modifiers

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

// CreateOnly plans an argument that is sent once, when the operation
// starts, and that Mintlify never returns (or returns in another form), so
// state holds what this provider sent, or null for an imported resource:
//   - left out of the configuration: keep the state value, no change;
//   - changed from what it was created with: replace the resource;
//   - set on an imported resource (null in state): adopt it in place,
//     sending nothing.
type CreateOnly struct {
	// Required, when set, makes a missing value at creation a plan-time
	// error, and says what to set, such as `prompt = "..." to the
	// instruction for the agent`.
	Required string
	// Reported means the API reports a value when none is configured, so a
	// new resource's value stays unknown until it is created.
	Reported bool
	// Same compares a configured and a recorded value; Equal when nil.
	Same func(config, state attr.Value) bool
}

var (
	_ planmodifier.String = CreateOnly{}
	_ planmodifier.Bool   = CreateOnly{}
	_ planmodifier.List   = CreateOnly{}
	_ planmodifier.Int64  = CreateOnly{}
)

// Description says what the modifier does, for docs.
func (CreateOnly) Description(context.Context) string {
	return "Sent only when the resource is created: a change replaces it, except on an imported resource, where the value is recorded."
}

// MarkdownDescription is Description.
func (m CreateOnly) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

// planAction is what CreateOnly does to the planned value.
type planAction int

const (
	keepPlanned planAction = iota
	usePrior
	useNull
)

// plan decides the planned value and whether the job must be replaced.
func (m CreateOnly) plan(p path.Path, state tfsdk.State, destroying bool, config, prior attr.Value, diags *diag.Diagnostics) (planAction, bool) {
	creating := state.Raw.IsNull()
	switch {
	case destroying:
	case config.IsUnknown():
		return keepPlanned, !creating && !prior.IsNull()
	case config.IsNull() && creating && m.Required != "":
		diags.AddAttributeError(p, fmt.Sprintf("Missing %s", p), fmt.Sprintf("%s is needed to create the resource: set %s.", p, m.Required))
	case config.IsNull() && creating && !m.Reported:
		return useNull, false
	case config.IsNull() && !creating:
		return usePrior, false
	case !creating && !prior.IsNull():
		same := config.Equal(prior)
		if m.Same != nil {
			same = m.Same(config, prior)
		}
		return keepPlanned, !same
	}
	return keepPlanned, false
}

// planned is what plan makes of an attribute's planned value, whose null
// of its type is null, and whether the resource must be replaced.
func planned[V attr.Value](m CreateOnly, p path.Path, state tfsdk.State, destroying bool, config, prior, value, null V,
	diags *diag.Diagnostics) (V, bool) {
	action, replace := m.plan(p, state, destroying, config, prior, diags)
	switch action {
	case usePrior:
		return prior, replace
	case useNull:
		return null, replace
	}
	return value, replace
}

// PlanModifyString plans a string argument sent once.
func (m CreateOnly) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	resp.PlanValue, resp.RequiresReplace = planned(m, req.Path, req.State, req.Plan.Raw.IsNull(), req.ConfigValue, req.StateValue,
		resp.PlanValue, types.StringNull(), &resp.Diagnostics)
}

// PlanModifyBool plans a bool argument sent once.
func (m CreateOnly) PlanModifyBool(_ context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	resp.PlanValue, resp.RequiresReplace = planned(m, req.Path, req.State, req.Plan.Raw.IsNull(), req.ConfigValue, req.StateValue,
		resp.PlanValue, types.BoolNull(), &resp.Diagnostics)
}

// PlanModifyList plans a list argument sent once.
func (m CreateOnly) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	resp.PlanValue, resp.RequiresReplace = planned(m, req.Path, req.State, req.Plan.Raw.IsNull(), req.ConfigValue, req.StateValue,
		resp.PlanValue, types.ListNull(req.PlanValue.ElementType(ctx)), &resp.Diagnostics)
}

// PlanModifyInt64 plans a number argument sent once.
func (m CreateOnly) PlanModifyInt64(_ context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	resp.PlanValue, resp.RequiresReplace = planned(m, req.Path, req.State, req.Plan.Raw.IsNull(), req.ConfigValue, req.StateValue,
		resp.PlanValue, types.Int64Null(), &resp.Diagnostics)
}
