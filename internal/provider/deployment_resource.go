package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

const defaultDeploymentTimeout = 20 * time.Minute

var (
	_ resource.ResourceWithConfigure   = &deploymentResource{}
	_ resource.ResourceWithImportState = &deploymentResource{}
	_ resource.ResourceWithModifyPlan  = &deploymentResource{}
)

// NewDeploymentResource is mintlify_deployment: a production deployment.
func NewDeploymentResource() resource.Resource { return &deploymentResource{} }

// NewPreviewDeploymentResource is mintlify_preview_deployment: a preview
// deployment of a branch.
func NewPreviewDeploymentResource() resource.Resource { return &deploymentResource{preview: true} }

// deploymentResource is either resource: they differ only in what starts
// the deployment and in the preview's branch and URL.
type deploymentResource struct {
	data    *providerData
	preview bool
}

type deploymentResourceModel struct {
	ID                types.String   `tfsdk:"id"`
	ProjectID         types.String   `tfsdk:"project_id"`
	Triggers          types.Map      `tfsdk:"triggers"`
	WaitForCompletion types.Bool     `tfsdk:"wait_for_completion"`
	AllowFailure      types.Bool     `tfsdk:"allow_failure"`
	PollInterval      types.String   `tfsdk:"poll_interval"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
	deploymentFields
}

type previewDeploymentResourceModel struct {
	deploymentResourceModel
	Branch     types.String `tfsdk:"branch"`
	PreviewURL types.String `tfsdk:"preview_url"`
}

// models are the resource's model and, for a preview, its preview part;
// common is the part both share. State is read into and written from whole.
type models struct {
	common  *deploymentResourceModel
	preview *previewDeploymentResourceModel
	whole   any
}

func (r *deploymentResource) models() models {
	if r.preview {
		p := &previewDeploymentResourceModel{}
		return models{common: &p.deploymentResourceModel, preview: p, whole: p}
	}
	m := &deploymentResourceModel{}
	return models{common: m, whole: m}
}

// kind names the deployment in messages.
func (r *deploymentResource) kind() string {
	if r.preview {
		return "preview deployment"
	}
	return "deployment"
}

func (r *deploymentResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_deployment"
	if r.preview {
		resp.TypeName = req.ProviderTypeName + "_preview_deployment"
	}
}

func (r *deploymentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := reportedResourceAttributes(deploymentFieldSpecs)
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The deployment's status ID, as Mintlify returned it when the deployment was triggered.",
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
	attrs["project_id"] = schema.StringAttribute{
		MarkdownDescription: "The Mintlify project to deploy. Defaults to the provider's `project_id`. Changing it starts a new deployment.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{projectIDValidator},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
	}
	attrs["triggers"] = schema.MapAttribute{
		MarkdownDescription: "Values that start a new deployment when any of them changes, as `terraform_data`'s " +
			"`triggers_replace`: for example `{ commit = var.merged_commit_sha }`. The values are not sent to Mintlify.",
		ElementType:   types.StringType,
		Optional:      true,
		PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
	}
	attrs["wait_for_completion"] = schema.BoolAttribute{
		MarkdownDescription: "Wait for the deployment to end (`success` or `failure`) before the apply goes on. Defaults to `true`. " +
			"With `false`, apply returns as soon as Mintlify has queued it, with status `queued`; later refreshes update it.",
		Optional: true,
	}
	attrs["allow_failure"] = schema.BoolAttribute{
		MarkdownDescription: "Accept a deployment that ends `failure`: the apply succeeds and `status` says `failure`. " +
			"Defaults to `false`, where a failed deployment fails the apply (it stays in state, marked tainted).",
		Optional: true,
	}
	attrs["poll_interval"] = schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("The longest wait between two status checks, as a Go duration such as `\"15s\"`; at least `%s`. "+
			"Defaults to `%q`. Checks start 1 s apart and space out to 10 %% of the deployment's age, up to this cap.",
			durationText(wait.MinInterval), durationText(wait.DefaultCap)),
		Optional:   true,
		Validators: []validator.String{minDuration(wait.MinInterval)},
	}
	timeoutsAttr, diags := timeoutsAttribute(ctx, timeouts.Opts{
		Create: true,
		CreateDescription: fmt.Sprintf("How long to trigger the deployment and wait for it to end, as a Go duration such as `\"30m\"`. "+
			"Defaults to `%s`. When it runs out the apply fails, and the deployment stays in state, marked tainted.",
			durationText(defaultDeploymentTimeout)),
	})
	resp.Diagnostics.Append(diags...)
	attrs["timeouts"] = timeoutsAttr
	description := "Deploys the project's documentation site to production from its deployment branch, and waits until " +
		"the deployment ends. Change `triggers` to deploy again.\n\n" +
		"Mintlify has no API to undo a deployment: destroying this resource only removes it from Terraform state."
	if r.preview {
		attrs["branch"] = schema.StringAttribute{
			MarkdownDescription: "The Git branch to deploy a preview of. Changing it starts a new preview deployment.",
			Required:            true,
			Validators:          []validator.String{notBlankValidator},
			PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
		}
		attrs["preview_url"] = schema.StringAttribute{
			MarkdownDescription: "The URL the preview is served at. Only the trigger returns it: null after an import.",
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		}
		description = "Deploys a preview of a Git branch of the project's documentation, for review, and waits until the " +
			"deployment ends; `preview_url` is where it is served. A preview of a branch that has one redeploys it. " +
			"Mintlify allows 5 preview deployments per minute per organization, and not on every plan.\n\n" +
			"Mintlify has no API to delete a preview: destroying this resource only removes it from Terraform state."
	}
	resp.Schema = schema.Schema{MarkdownDescription: description, Attributes: attrs}
}

func (r *deploymentResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan shows the project a new deployment uses and reports a missing
// key or project at plan time, and says in the plan that destroying keeps
// what Mintlify deployed.
func (r *deploymentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	switch {
	case req.Plan.Raw.IsNull():
		var id types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
		resp.Diagnostics.AddWarning("Destroying only forgets the "+r.kind(),
			fmt.Sprintf("Mintlify has no API to undo a deployment: destroying removes %s %s from the state only, and what "+
				"it deployed stays online.", r.kind(), id.ValueString()))
	case r.data != nil && req.State.Raw.IsNull():
		r.data.planProject(ctx, req, resp)
	}
}

func (r *deploymentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	m := r.models()
	resp.Diagnostics.Append(req.Plan.Get(ctx, m.whole)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, diags := r.data.clientFor(m.common.ProjectID)
	resp.Diagnostics.Append(diags...)
	limit, diags := m.common.Timeouts.Create(ctx, defaultDeploymentTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()

	branch := ""
	if m.preview != nil {
		branch = m.preview.Branch.ValueString()
	}
	start := time.Now()
	started, err := triggerDeployment(ctx, client, project, branch)
	if err != nil {
		resp.Diagnostics.AddError("Could not start the Mintlify "+r.kind(), r.data.explainTrigger(err, project, branch))
		return
	}
	// Save the id before waiting: whatever happens next, Terraform keeps it.
	m.common.ID = types.StringValue(started.StatusID)
	m.common.ProjectID = types.StringValue(project)
	m.common.queued()
	if m.preview != nil {
		m.preview.PreviewURL = stringOrNull(started.PreviewURL)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m.whole)...)
	tflog.Info(ctx, "Triggered deployment", map[string]any{"status_id": started.StatusID, "project_id": project, "branch": branch})
	if !m.common.WaitForCompletion.IsNull() && !m.common.WaitForCompletion.ValueBool() {
		return
	}
	capInterval, diags := durationOr(m.common.PollInterval, wait.DefaultCap, "poll_interval")
	resp.Diagnostics.Append(diags...)
	final, err := waitForDeployment(ctx, client, started.StatusID, wait.Options[*mintlify.Deployment]{Cap: capInterval, Start: start})
	resp.Diagnostics.Append(m.common.set(ctx, final)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, m.whole)...)
	keep := fmt.Sprintf("%s %s stays in the state, marked tainted: to keep it, untaint the resource (terraform untaint, "+
		"or tofu untaint); to deploy again, apply again.", capitalized(r.kind()), final.ID)
	resp.Diagnostics.Append(r.data.waitDiagnostics(err, deploymentWait(r.kind(), final, project, limit,
		"timeouts.create", m.common.AllowFailure.ValueBool(), keep))...)
}

// triggerDeployment starts a preview of branch, or a production deployment
// when branch is "".
func triggerDeployment(ctx context.Context, client *mintlify.Client, project, branch string) (*mintlify.Preview, error) {
	if branch != "" {
		return client.TriggerPreview(ctx, project, branch)
	}
	id, err := client.TriggerDeployment(ctx, project)
	if err != nil {
		return nil, err
	}
	return &mintlify.Preview{StatusID: id}, nil
}

// waitForDeployment follows a deployment just triggered until it ends.
func waitForDeployment(ctx context.Context, client *mintlify.Client, id string, opts wait.Options[*mintlify.Deployment]) (*mintlify.Deployment, error) {
	return wait.For(ctx, wait.Deployment, &mintlify.Deployment{ID: id, Status: mintlify.DeploymentQueued},
		func(ctx context.Context) (*mintlify.Deployment, error) { return client.GetDeploymentStatus(ctx, id) }, opts)
}

// deploymentWait describes a wait for a deployment, for waitDiagnostics.
func deploymentWait(kind string, d *mintlify.Deployment, project string, limit time.Duration, timeout string, allowFailure bool, keep string) waited {
	return waited{kind: kind, id: d.ID, project: project, status: d.Status, failed: d.Status == mintlify.DeploymentFailure,
		failure: deploymentFailure(d), limit: limit, timeout: timeout, allowFailure: allowFailure, keep: keep}
}

// explainTrigger says why Mintlify did not start a deployment, and what to
// do; branch is the preview's ("" for production).
func (d *providerData) explainTrigger(err error, project, branch string) string {
	var (
		unauthorized *mintlify.UnauthorizedError
		api          *mintlify.APIError
	)
	switch {
	case branch != "" && errors.As(err, &unauthorized) && unauthorized.StatusCode == 403:
		return fmt.Sprintf("Mintlify refused the preview (HTTP 403: %s). Preview deployments are not available on every Mintlify "+
			"plan: check the plan of project %q in the dashboard. If it has previews, check that the API key may use the project.",
			unauthorized.Message, project)
	case branch != "" && errors.As(err, &api) && api.StatusCode == 400:
		return fmt.Sprintf("Mintlify refused a preview of branch %q (HTTP 400: %s). Check the branch name.", branch, api.Message)
	case mintlify.MayHaveActed(err):
		return d.explain(err, project, "") + " Mintlify may have started the deployment before the connection failed, and the " +
			"provider does not trigger one twice: look for it among the project's deployments in the dashboard and import it " +
			"by its status ID (an import block, or the import command) instead of applying again."
	default:
		return d.explain(err, project, "")
	}
}

func (r *deploymentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	m := r.models()
	resp.Diagnostics.Append(req.State.Get(ctx, m.whole)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The status endpoint names no project: only the key is needed, and
	// the project comes from the answer (an import knows none before).
	client, diags := r.data.keyedClient()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	project, id := m.common.ProjectID.ValueString(), m.common.ID.ValueString()
	d, err := client.GetDeploymentStatus(ctx, id)
	var notFound *mintlify.NotFoundError
	if errors.As(err, &notFound) {
		tflog.Warn(ctx, "Deployment no longer exists in Mintlify; removing it from state", map[string]any{"status_id": id})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Mintlify "+r.kind(), r.data.explain(err, project, id))
		return
	}
	resp.Diagnostics.Append(m.common.set(ctx, d)...)
	if d.ProjectID != "" {
		m.common.ProjectID = types.StringValue(d.ProjectID)
	}
	// An imported preview learns its branch from the commit it deployed.
	if m.preview != nil && m.preview.Branch.IsNull() && d.Commit.Ref != "" {
		m.preview.Branch = types.StringValue(d.Commit.Ref)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m.whole)...)
}

// Update records the settings that change nothing in Mintlify (the wait
// settings and timeouts); every other change replaces the deployment.
func (r *deploymentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	m := r.models()
	resp.Diagnostics.Append(req.Plan.Get(ctx, m.whole)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, m.whole)...)
}

// Delete has nothing to call: Mintlify cannot undo a deployment.
func (r *deploymentResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}

func (r *deploymentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
