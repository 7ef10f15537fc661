package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var _ action.ActionWithConfigure = &deploymentAction{}

// NewDeploymentAction deploys as a side effect (Terraform 1.14 actions): to
// production, or a preview of a branch.
func NewDeploymentAction() action.Action { return &deploymentAction{actionBase{name: "deployment"}} }

type deploymentAction struct{ actionBase }

type deploymentActionModel struct {
	Branch types.String `tfsdk:"branch"`
	actionWait
}

func (a *deploymentAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	attrs := actionWaitAttributes(deploymentWaits)
	attrs["branch"] = schema.StringAttribute{
		MarkdownDescription: "A Git branch to deploy a preview of. Unset: a production deployment from the deployment branch.",
		Optional:            true,
		Validators:          []validator.String{validators.GitBranch()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Deploys the documentation as a side effect of another change: to production, or a preview of " +
			"`branch`, for example after an agent job opened its pull request (`action_trigger` in that resource's " +
			"`lifecycle`), or on demand with `terraform apply -invoke`. Nothing is kept in state: each invocation triggers " +
			"one deployment and reports its progress. Needs Terraform 1.14 or later.",
		Attributes: attrs,
	}
}

func (a *deploymentAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m deploymentActionModel
	resp.Diagnostics.Append(readActionConfig(ctx, req, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	op, branch := deployments, m.Branch.ValueString()
	if branch != "" {
		op = previews
	}
	ctx, run, cancel := invocation(ctx, a.data, op, m.ProjectID, m.actionWaitArgs, defaultDeploymentTimeout, resp)
	defer cancel()
	if run == nil {
		return
	}
	defer func() { resp.Diagnostics.Append(run.diags...) }()

	start := a.data.clock.Now()
	var started mintlify.Preview
	if branch != "" {
		p, err := run.client.TriggerPreview(ctx, run.project, branch)
		if err != nil {
			run.startFailed(ctx, err)
			return
		}
		started = *p
		run.report("Started preview deployment %s of branch %q in project %s, at %s", started.StatusID, branch, run.project, started.PreviewURL)
	} else {
		id, err := run.client.TriggerDeployment(ctx, run.project)
		if err != nil {
			run.startFailed(ctx, err)
			return
		}
		started.StatusID = id
		run.report("Started production deployment %s in project %s", id, run.project)
	}
	final := &mintlify.Deployment{ID: started.StatusID, Status: mintlify.DeploymentQueued}
	if run.settings.waits {
		var ok bool
		if final, ok = run.wait(ctx, final, start); !ok {
			return
		}
	}
	summary := "Deployment " + final.ID + ": " + final.Status
	if started.PreviewURL != "" {
		summary += ", preview " + started.PreviewURL
	}
	if final.Commit.SHA != "" {
		summary += ", commit " + final.Commit.SHA
	}
	run.report("%s", summary)
}
