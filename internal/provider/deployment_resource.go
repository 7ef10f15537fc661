package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

var (
	_ resource.ResourceWithConfigure   = &deploymentResource{}
	_ resource.ResourceWithImportState = &deploymentResource{}
	_ resource.ResourceWithModifyPlan  = &deploymentResource{}
)

// NewDeploymentResource is mintlify_deployment: a production deployment.
func NewDeploymentResource() resource.Resource {
	return &deploymentResource{operationResource{kind: deployments.kind, name: "deployment"}}
}

type deploymentResource struct{ operationResource }

func (r *deploymentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema, resp.Diagnostics = deploymentSchema(ctx)
}

var productionShape = deploymentShape(deploymentSchema)

func deploymentSchema(ctx context.Context) (schema.Schema, diag.Diagnostics) {
	attrs, diags := deploymentAttributes(ctx, "deployment")
	return schema.Schema{
		MarkdownDescription: "Deploys the project's documentation site to production from its deployment branch, and waits until " +
			"the deployment ends. Change `triggers` to deploy again.\n\n" +
			"Mintlify has no API to undo a deployment: destroying this resource only removes it from Terraform state.",
		Attributes: attrs,
	}, diags
}

func (r *deploymentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m deploymentModel
	_, diags := productionShape().get(ctx, req.Plan.Raw, &m)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	deploy(ctx, r.data, deployments, &m, func(ctx context.Context, c *mintlify.Client, project string) (string, error) {
		return c.TriggerDeployment(ctx, project)
	}, writeDeployment(ctx, productionShape, &m, &resp.State), &resp.Diagnostics)
}

func (r *deploymentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if state, values, _ := readDeployment(ctx, r.data, deployments, req, resp); state != nil && state.set(values) {
		resp.State.Raw = state.value()
	}
}
