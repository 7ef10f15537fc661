package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

// NewDeploymentAction deploys as a side effect (Terraform 1.14 actions): to
// production, or a preview of a branch.
func NewDeploymentAction() action.Action {
	return &operationAction[*mintlify.Deployment, deploymentActionArgs]{
		actionBase: actionBase{name: "deployment"}, schema: deploymentActionSchema, timeout: defaultDeploymentTimeout,
		op: func(m deploymentActionArgs) *followable[*mintlify.Deployment] {
			if m.Branch.ValueString() != "" {
				return previews
			}
			return deployments
		},
		launch: func(r *followedRun[*mintlify.Deployment], m deploymentActionArgs) launching[*mintlify.Deployment] {
			if branch := m.Branch.ValueString(); branch != "" {
				return previewing(r, branch, nil)
			}
			return deploying(r)
		},
	}
}

type deploymentActionArgs struct {
	Branch types.String `tfsdk:"branch"`
	actionWait
}

func deploymentActionSchema() schema.Schema {
	attrs := actionWaitAttributes(deploymentWaits)
	attrs["branch"] = schema.StringAttribute{
		MarkdownDescription: "A Git branch to deploy a preview of. Unset: a production deployment from the deployment branch.",
		Optional:            true,
		Validators:          []validator.String{validators.GitBranch()},
	}
	return schema.Schema{
		MarkdownDescription: "Deploys the documentation as a side effect of another change: to production, or a preview of " +
			"`branch`, for example after an agent job opened its pull request (`action_trigger` in that resource's " +
			"`lifecycle`), or on demand with `terraform apply -invoke`. Nothing is kept in state: each invocation triggers " +
			"one deployment and reports its progress. Needs Terraform 1.14 or later.",
		Attributes: attrs,
	}
}
