package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

// NewPreviewDeploymentResource is mintlify_preview_deployment: a preview
// deployment of a branch.
func NewPreviewDeploymentResource() resource.Resource {
	return newOperationResource("preview_deployment", operationResource[*mintlify.Deployment, previewArgs]{
		op: previews, schema: previewDeploymentSchema, fields: previewFields, timeout: defaultDeploymentTimeout,
		launch: func(r *followedRun[*mintlify.Deployment], m previewArgs, extra map[string]tftypes.Value) launching[*mintlify.Deployment] {
			return previewing(r, m.Branch.ValueString(), extra)
		},
	})
}

type previewArgs struct {
	deploymentArgs
	Branch types.String `tfsdk:"branch"`
}

// previewFields are what the preview resource records: a deployment's,
// the branch an import learns from the commit it deployed, and the URL,
// which only the trigger's answer gives.
var previewFields = append(fields[*mintlify.Deployment]{
	text("branch", "", func(d *mintlify.Deployment) string { return d.Commit.Ref }).as(adopted),
	text("preview_url", "The URL the preview is served at. Only the trigger returns it: null after an import.",
		func(*mintlify.Deployment) string { return "" }).as(sticky),
}, deploymentResourceFields...)

func previewDeploymentSchema(ctx context.Context) (schema.Schema, diag.Diagnostics) {
	attrs, diags := deploymentAttributes(ctx, "preview deployment", previewFields)
	attrs["branch"] = schema.StringAttribute{
		MarkdownDescription: "The Git branch to deploy a preview of. Changing it starts a new preview deployment.",
		Required:            true,
		Validators:          []validator.String{validators.GitBranch()},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
	return schema.Schema{
		MarkdownDescription: "Deploys a preview of a Git branch of the project's documentation, for review, and waits until the " +
			"deployment ends; `preview_url` is where it is served. A preview of a branch that has one redeploys it. " +
			"Mintlify allows " + mintlify.PreviewLimit.Allowance + " per organization, and not on every plan.\n\n" +
			"Mintlify has no API to delete a preview: destroying this resource only removes it from Terraform state.",
		Attributes: attrs,
	}, diags
}
