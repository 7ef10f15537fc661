package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// agentJobIdentity is what names a job across Terraform (import blocks,
// terraform query): its project and its id.
type agentJobIdentity struct {
	ProjectID types.String `tfsdk:"project_id"`
	ID        types.String `tfsdk:"id"`
}

func (r *agentJobResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"project_id": identityschema.StringAttribute{
				OptionalForImport: true,
				Description:       "The job's project; the provider's project_id when left out of an import block.",
			},
			"id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "The job's ID.",
			},
		},
	}
}

// setIdentity records the job's identity, when Terraform tracks one.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, projectID, id types.String) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.Set(ctx, agentJobIdentity{ProjectID: projectID, ID: id})
}

// recordIdentity records the identity of the job whose state is raw, the
// provider's project when the state names none.
func (r *agentJobResource) recordIdentity(ctx context.Context, raw tftypes.Value, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	state, diags := newRawState(raw)
	project := state.string("project_id")
	if project == "" && r.data != nil {
		project = r.data.projectID
	}
	diags.Append(setIdentity(ctx, identity, types.StringValue(project), types.StringValue(state.string("id")))...)
	return diags
}

// ImportState takes "JOB_ID" or "PROJECT_ID/JOB_ID", or an identity.
func (r *agentJobResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var project, id string
	switch {
	case req.ID != "" || !importsByIdentity(req):
		var err error
		if project, id, err = parseImportID(r.op.kind, r.typeName(), req.ID); err != nil {
			resp.Diagnostics.AddError("Invalid import ID", err.Error())
			return
		}
	default:
		var identity agentJobIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &identity)...)
		project, id = identity.ProjectID.ValueString(), identity.ID.ValueString()
		if isBlank(id) {
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid import identity", `The identity needs the job's id, for example identity = { id = "8f2a6c1e9b7d4e3a" }.`)
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	_, project, diags := r.data.clientFor(types.StringValue(project))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("project_id"), project)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, types.StringValue(project), types.StringValue(id))...)
}

// importsByIdentity reports whether an import names what to import by
// identity rather than by an ID.
func importsByIdentity(req resource.ImportStateRequest) bool {
	return req.Identity != nil && !req.Identity.Raw.IsNull() && !req.Identity.Raw.IsFullyNull()
}
