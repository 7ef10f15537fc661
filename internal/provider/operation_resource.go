package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// operationResource is what every resource of a long-running kind does the
// same way; each embeds it, and overrides what it does otherwise.
type operationResource struct {
	data *providerData
	kind kind
	// name is the type's name after the provider's, such as "deployment".
	name string
}

func (r *operationResource) typeName() string { return "mintlify_" + r.name }

func (r *operationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.name
}

func (r *operationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan shows the project a new resource uses and reports a missing
// key or project at plan time, and says in the plan of a destroy that it
// only forgets.
func (r *operationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	switch {
	case r.planDestroy(ctx, req, resp), r.data == nil, !req.State.Raw.IsNull():
	case r.kind.unscoped:
		_, diags := r.data.keyedClient()
		resp.Diagnostics.Append(diags...)
	default:
		r.data.planProject(ctx, req, resp)
	}
}

// planDestroy warns, in the plan of a destroy, that destroying only forgets
// what the resource started, and reports whether the plan is a destroy.
func (r *operationResource) planDestroy(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) bool {
	if !req.Plan.Raw.IsNull() {
		return false
	}
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(r.kind.destroyPlanned(id.ValueString()))
	return true
}

// Update records the settings that change nothing in Mintlify (the wait
// settings and timeouts): every other change replaces the resource.
func (r *operationResource) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}

// Delete has nothing to call: Mintlify cannot delete or undo what was
// started. It says so.
func (r *operationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(r.kind.destroyed(id.ValueString()))
}

// ImportState imports by the ID alone.
func (r *operationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	switch {
	case !r.kind.importable:
		resp.Diagnostics.AddError("Cannot import a "+r.typeName(), fmt.Sprintf("Mintlify's API cannot read a %s, so there is "+
			"nothing to import: declare the resource, and the next apply starts a new %s.", r.kind.noun, r.kind.noun))
	case req.ID == "" || isBlank(req.ID):
		resp.Diagnostics.AddError("Invalid import ID", emptyImportID(r.kind, r.typeName()).Error())
	default:
		resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
	}
}
