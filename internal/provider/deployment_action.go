package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

var _ action.ActionWithConfigure = &deploymentAction{}

// NewDeploymentAction deploys as a side effect (Terraform 1.14 actions): to
// production, or a preview of a branch.
func NewDeploymentAction() action.Action { return &deploymentAction{} }

type deploymentAction struct {
	data *providerData
}

type deploymentActionModel struct {
	Branch types.String `tfsdk:"branch"`
	actionWait
}

func (a *deploymentAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_deployment"
}

func (a *deploymentAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	attrs := actionWaitAttributes("deployment", mintlify.DeploymentFailure, defaultDeploymentTimeout)
	attrs["branch"] = schema.StringAttribute{
		MarkdownDescription: "A Git branch to deploy a preview of. Unset: a production deployment from the deployment branch.",
		Optional:            true,
		Validators:          []validator.String{notBlankValidator},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Deploys the documentation as a side effect of another change: to production, or a preview of " +
			"`branch`, for example after an agent job opened its pull request (`action_trigger` in that resource's " +
			"`lifecycle`), or on demand with `terraform apply -invoke`. Nothing is kept in state: each invocation triggers " +
			"one deployment and reports its progress. Needs Terraform 1.14 or later.",
		Attributes: attrs,
	}
}

func (a *deploymentAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (a *deploymentAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m deploymentActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, inv, diags := m.begin(ctx, a.data, defaultDeploymentTimeout, resp)
	defer cancel()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, progress := inv.client, inv.project, inv.progress

	kind, branch := "deployment", m.Branch.ValueString()
	if branch != "" {
		kind = "preview deployment"
	}
	start := time.Now()
	started, err := triggerDeployment(ctx, client, project, branch)
	if err != nil {
		resp.Diagnostics.AddError("Could not start the Mintlify "+kind, a.data.explainTrigger(err, project, branch))
		return
	}
	if branch != "" {
		progress("Started preview deployment %s of branch %q in project %s, at %s", started.StatusID, branch, project, started.PreviewURL)
	} else {
		progress("Started production deployment %s in project %s", started.StatusID, project)
	}
	final := &mintlify.Deployment{ID: started.StatusID, Status: mintlify.DeploymentQueued}
	if inv.waits {
		final, err = waitForDeployment(ctx, client, started.StatusID, wait.Options[*mintlify.Deployment]{Cap: inv.cap, Start: start,
			OnChange: func(_ context.Context, d *mintlify.Deployment) { progress("Deployment %s is %s", d.ID, d.Status) }})
		keep := fmt.Sprintf("The deployment goes on in Mintlify: follow it with the mintlify_deployment data source (id = %q).", final.ID)
		resp.Diagnostics.Append(a.data.waitDiagnostics(err, deploymentWait(kind, final, project, inv.limit, actionTimeout,
			inv.allowFailure, keep))...)
	}
	summary := fmt.Sprintf("Deployment %s: %s", final.ID, final.Status)
	if started.PreviewURL != "" {
		summary += ", preview " + started.PreviewURL
	}
	if final.Commit.SHA != "" {
		summary += ", commit " + final.Commit.SHA
	}
	progress("%s", summary)
}
