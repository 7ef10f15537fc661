package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/provider/customtypes"
)

// ModifyPlan reports a missing key or project when the plan is made, not
// half-way through an apply, shows the provider's project_id in the plan,
// marks what follow-up prompts will change as known only after apply, and
// says in the plan that destroying only forgets the job.
func (r *agentJobResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.planDestroy(ctx, req, resp) || r.data == nil {
		return
	}
	// Plans run for every resource on every plan: read only the attributes
	// needed, not the whole model.
	if req.State.Raw.IsNull() {
		r.planCreate(ctx, req, resp)
		return
	}
	var prompt types.String
	var sent, planned types.List
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("prompt"), &prompt)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("follow_up_prompts"), &sent)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("follow_up_prompts"), &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	prompts, diags := newFollowUps(ctx, prompt, sent, planned)
	resp.Diagnostics.Append(diags...)
	if len(prompts) == 0 {
		return
	}
	for _, name := range []string{"status", "pr_link", "archived_at"} {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), types.StringUnknown())...)
	}
	var configModel customtypes.ModelValue
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("model"), &configModel)...)
	if configModel.IsNull() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("model"), customtypes.ModelValue{StringValue: types.StringUnknown()})...)
	}
}

func (r *agentJobResource) planCreate(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var prompt, promptWO types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("prompt"), &prompt)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("prompt_wo"), &promptWO)...)
	if prompt.IsNull() && promptWO.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("prompt"), "Missing prompt", `prompt is needed to create the resource: set `+
			`prompt = "..." to the instruction for the agent, or prompt_wo to one that is never kept in the state (Terraform 1.11+).`)
	}
	var model customtypes.ModelValue
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("model"), &model)...)
	if !model.IsNull() && !model.IsUnknown() && customtypes.ModelFamily(model.ValueString()) == "" {
		resp.Diagnostics.AddAttributeError(path.Root("model"), "Invalid model for a new job",
			fmt.Sprintf("A job can be started with model \"sonnet\" or \"opus\", not %q.", model.ValueString()))
	}
	r.data.planProject(ctx, req, resp)
}
