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

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var (
	_ resource.ResourceWithConfigure   = &previewDeploymentResource{}
	_ resource.ResourceWithImportState = &previewDeploymentResource{}
	_ resource.ResourceWithModifyPlan  = &previewDeploymentResource{}
)

// NewPreviewDeploymentResource is mintlify_preview_deployment: a preview
// deployment of a branch.
func NewPreviewDeploymentResource() resource.Resource {
	return &previewDeploymentResource{operationResource{kind: previews.kind, name: "preview_deployment"}}
}

type previewDeploymentResource struct{ operationResource }

type previewDeploymentModel struct {
	deploymentModel
	Branch     types.String `tfsdk:"branch"`
	PreviewURL types.String `tfsdk:"preview_url"`
}

func (r *previewDeploymentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema, resp.Diagnostics = previewDeploymentSchema(ctx)
}

var previewShape = deploymentShape(previewDeploymentSchema)

func previewDeploymentSchema(ctx context.Context) (schema.Schema, diag.Diagnostics) {
	attrs, diags := deploymentAttributes(ctx, "preview deployment")
	attrs["branch"] = schema.StringAttribute{
		MarkdownDescription: "The Git branch to deploy a preview of. Changing it starts a new preview deployment.",
		Required:            true,
		Validators:          []validator.String{validators.GitBranch()},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
	attrs["preview_url"] = schema.StringAttribute{
		MarkdownDescription: "The URL the preview is served at. Only the trigger returns it: null after an import.",
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
	return schema.Schema{
		MarkdownDescription: "Deploys a preview of a Git branch of the project's documentation, for review, and waits until the " +
			"deployment ends; `preview_url` is where it is served. A preview of a branch that has one redeploys it. " +
			"Mintlify allows " + mintlify.PreviewLimit.Allowance + " per organization, and not on every plan.\n\n" +
			"Mintlify has no API to delete a preview: destroying this resource only removes it from Terraform state.",
		Attributes: attrs,
	}, diags
}

func (r *previewDeploymentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m previewDeploymentModel
	_, diags := previewShape().get(ctx, req.Plan.Raw, &m)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	deploy(ctx, r.data, previews, &m.deploymentModel, func(ctx context.Context, c *mintlify.Client, project string) (string, error) {
		p, err := c.TriggerPreview(ctx, project, m.Branch.ValueString())
		if err != nil {
			return "", err
		}
		m.PreviewURL = stringOrNull(p.PreviewURL)
		return p.StatusID, nil
	}, writeDeployment(ctx, previewShape, &m, &resp.State), &resp.Diagnostics)
}

// Read refreshes the preview; an imported one learns its branch from the
// commit it deployed.
func (r *previewDeploymentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, values, d := readDeployment(ctx, r.data, previews, req, resp)
	if state == nil {
		return
	}
	if state.string("branch") == "" && d.Commit.Ref != "" {
		values["branch"] = tfString(d.Commit.Ref)
	}
	if state.set(values) {
		resp.State.Raw = state.value()
	}
}
