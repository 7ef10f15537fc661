package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// NewDeploymentResource is mintlify_deployment: a production deployment.
func NewDeploymentResource() resource.Resource {
	return newOperationResource("deployment", operationResource[*mintlify.Deployment, deploymentArgs]{
		op: deployments, schema: deploymentSchema, fields: deploymentResourceFields, timeout: defaultDeploymentTimeout,
		launch: func(r *followedRun[*mintlify.Deployment], _ deploymentArgs, _ map[string]tftypes.Value) launching[*mintlify.Deployment] {
			return deploying(r)
		},
	})
}

func deploymentSchema(ctx context.Context) (schema.Schema, diag.Diagnostics) {
	attrs, diags := deploymentAttributes(ctx, "deployment", deploymentResourceFields)
	return schema.Schema{
		MarkdownDescription: "Deploys the project's documentation site to production from its deployment branch, and waits until " +
			"the deployment ends. Change `triggers` to deploy again.\n\n" +
			"Mintlify has no API to undo a deployment: destroying this resource only removes it from Terraform state.",
		Attributes: attrs,
	}, diags
}
