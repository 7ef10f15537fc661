package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

const defaultCreateTimeout = 30 * time.Minute

var (
	_ resource.ResourceWithConfigure   = &agentJobResource{}
	_ resource.ResourceWithImportState = &agentJobResource{}
	_ resource.ResourceWithModifyPlan  = &agentJobResource{}
)

// NewAgentJobResource is the mintlify_agent_job resource.
func NewAgentJobResource() resource.Resource { return &agentJobResource{} }

type agentJobResource struct {
	data *providerData
}

type agentJobResourceModel struct {
	ID                types.String         `tfsdk:"id"`
	ProjectID         types.String         `tfsdk:"project_id"`
	Prompt            types.String         `tfsdk:"prompt"`
	WaitForCompletion types.Bool           `tfsdk:"wait_for_completion"`
	AllowFailure      types.Bool           `tfsdk:"allow_failure"`
	PollInterval      timetypes.GoDuration `tfsdk:"poll_interval"`
	Timeouts          timeouts.Value       `tfsdk:"timeouts"`
	jobFields
}

func (r *agentJobResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent_job"
}

func (r *agentJobResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := jobResourceAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The job's ID, as Mintlify assigns it.",
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
	attrs["project_id"] = schema.StringAttribute{
		MarkdownDescription: "The Mintlify project to run the job in. Defaults to the provider's `project_id`. Changing it replaces the job.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{projectIDValidator},
		PlanModifiers: []planmodifier.String{
			stringplanmodifier.UseStateForUnknown(),
			stringplanmodifier.RequiresReplace(),
		},
	}
	attrs["prompt"] = schema.StringAttribute{
		MarkdownDescription: "The instruction for the agent. Required to create a job. Changing it starts a new job " +
			"(the old one stays in Mintlify). Mintlify never returns a job's prompt, so an imported job has none in state: " +
			"leave it out, or add the prompt it was created with and the next apply records it without starting a job.",
		Optional:      true,
		Computed:      true,
		Validators:    []validator.String{notBlankValidator},
		PlanModifiers: []planmodifier.String{promptPlanModifier{}},
	}
	attrs["wait_for_completion"] = schema.BoolAttribute{
		MarkdownDescription: "Wait for the job to end (`completed`, `failed` or `archived`) before the apply goes on. " +
			"Defaults to `true`. With `false`, apply returns as soon as the job is created, with status `active`; " +
			"later refreshes update the status and the pull-request link.",
		Optional: true,
	}
	attrs["allow_failure"] = schema.BoolAttribute{
		MarkdownDescription: "Accept a job that ends `failed`: the apply succeeds and `status` says `failed`. " +
			"Defaults to `false`, where a failed job fails the apply (the job stays in state, marked tainted).",
		Optional: true,
	}
	attrs["poll_interval"] = schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("The longest wait between two status checks, as a Go duration such as `\"15s\"`; at least `1s`. "+
			"Defaults to `%q`. Checks start 1 s apart and space out to 10 %% of the job's age, up to this cap, "+
			"so the provider notices a finished job within 1 s or 10 %% of its age with few API calls. "+
			"A smaller cap notices long jobs sooner for more calls.", wait.DefaultCap.String()),
		CustomType: timetypes.GoDurationType{},
		Optional:   true,
		Validators: []validator.String{minDuration(wait.MinInterval)},
	}
	timeoutsAttr := timeouts.Attributes(ctx, timeouts.Opts{
		Create: true,
		CreateDescription: "How long to create the job and wait for it to end, as a Go duration such as `\"45m\"`. " +
			"Defaults to `30m`. When it runs out the apply fails, and the job stays in state, marked tainted.",
	}).(schema.SingleNestedAttribute)
	timeoutsAttr.MarkdownDescription = "How long operations may take. Changing a timeout only updates the state."
	attrs["timeouts"] = timeoutsAttr
	resp.Schema = schema.Schema{
		MarkdownDescription: "Starts a Mintlify documentation-agent job with a prompt and waits until it ends. " +
			"The agent edits the project's docs repository and opens a pull request, whose link is `pr_link`.\n\n" +
			"Mintlify has no API to delete a job: destroying this resource only removes it from Terraform state.",
		Attributes: attrs,
	}
}

func (r *agentJobResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan reports a missing key or project when the plan is made, not
// half-way through an apply, and shows the provider's project_id in the plan.
func (r *agentJobResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil || req.Plan.Raw.IsNull() || !req.State.Raw.IsNull() {
		return
	}
	var projectID types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("project_id"), &projectID)...)
	if projectID.IsUnknown() {
		return
	}
	_, project, diags := r.data.clientFor(projectID)
	resp.Diagnostics.Append(diags...)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("project_id"), project)...)
	}
}

func (r *agentJobResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan agentJobResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, diags := r.data.clientFor(plan.ProjectID)
	resp.Diagnostics.Append(diags...)
	createTimeout, diags := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, createTimeout)
	defer cancel()

	start := time.Now()
	job, err := client.CreateJob(ctx, project, plan.Prompt.ValueString())
	if err != nil {
		detail := explainAPIError(err, project)
		if mintlify.MayHaveActed(err) {
			detail += " Mintlify may have started the job before the connection failed, and the provider does not " +
				"send a create twice: look for it in the project's agent jobs in the dashboard and import it " +
				"(terraform import with its ID) instead of applying again, which would start another job."
		}
		resp.Diagnostics.AddError("Could not create the Mintlify agent job", detail)
		return
	}
	// Save the id before waiting: whatever happens next, Terraform keeps it.
	plan.ID = types.StringValue(job.ID)
	plan.ProjectID = types.StringValue(project)
	plan.set(ctx, job)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	tflog.Info(ctx, "Created agent job", map[string]any{"job_id": job.ID, "project_id": project})
	if !plan.WaitForCompletion.IsNull() && !plan.WaitForCompletion.ValueBool() {
		return
	}
	resp.Diagnostics.Append(r.waitAndRecord(ctx, &plan, job, start, createTimeout, &resp.State)...)
}

// waitAndRecord waits for the job to end and writes what it last saw to
// state, then explains a wait that did not end well.
func (r *agentJobResource) waitAndRecord(ctx context.Context, m *agentJobResourceModel, job *mintlify.AgentJob, start time.Time, limit time.Duration, state stateSetter) diag.Diagnostics {
	var diags diag.Diagnostics
	capInterval, d := durationOr(m.PollInterval, wait.DefaultCap)
	diags.Append(d...)
	project, id := m.ProjectID.ValueString(), m.ID.ValueString()
	final, err := wait.ForJob(ctx, job, func(ctx context.Context) (*mintlify.AgentJob, error) {
		return r.data.client.GetJob(ctx, project, id)
	}, wait.Options{Cap: capInterval, Start: start})
	m.set(ctx, final)
	diags.Append(state.Set(ctx, m)...)

	keep := fmt.Sprintf("Job %s stays in Terraform state, marked tainted: run `terraform untaint` on this resource to keep it, "+
		"or apply again to replace it with a new job.", id)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		diags.AddError("Timed out waiting for the Mintlify agent job",
			fmt.Sprintf("Agent job %s in project %q was still %q after %s. %s To wait longer, raise timeouts.create (or timeouts.update).",
				id, project, final.Status, limit, keep))
	case errors.Is(err, context.Canceled):
		diags.AddError("Interrupted while waiting for the Mintlify agent job",
			fmt.Sprintf("Waiting for agent job %s in project %q stopped while it was %q. The job itself goes on in Mintlify. %s", id, project, final.Status, keep))
	case err != nil:
		diags.AddError("Could not follow the Mintlify agent job",
			fmt.Sprintf("Agent job %s was %q when reading it failed. %s %s", id, final.Status, explainAPIError(err, project), keep))
	case final.Status == mintlify.StatusFailed && !m.AllowFailure.ValueBool():
		diags.AddError("The Mintlify agent job failed",
			fmt.Sprintf("Agent job %s in project %q ended with status \"failed\". See the job in the Mintlify dashboard for the agent's messages. %s "+
				"Set allow_failure = true to accept failed jobs.", id, project, keep))
	}
	return diags
}

// stateSetter is the part of tfsdk.State the wait writes to.
type stateSetter interface {
	Set(ctx context.Context, val any) diag.Diagnostics
}

func (r *agentJobResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state agentJobResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, diags := r.data.clientFor(state.ProjectID)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	job, err := client.GetJob(ctx, project, state.ID.ValueString())
	var notFound *mintlify.NotFoundError
	if errors.As(err, &notFound) {
		tflog.Warn(ctx, "Agent job no longer exists in Mintlify; removing it from state", map[string]any{"job_id": state.ID.ValueString()})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Mintlify agent job", explainAPIError(err, project))
		return
	}
	state.ProjectID = types.StringValue(project)
	state.set(ctx, job)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update changes only what the provider keeps for itself (the wait settings,
// or a prompt adopted after an import): the job is left as it is.
func (r *agentJobResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan agentJobResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *agentJobResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state agentJobResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.AddWarning("Agent job removed from Terraform state only",
		fmt.Sprintf("Mintlify has no API to delete an agent job: job %s and any pull request it opened stay in Mintlify and GitHub. "+
			"Archive the job in the Mintlify dashboard and close the pull request if you no longer want them.", state.ID.ValueString()))
}

func (r *agentJobResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	project, id, err := parseImportID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	_, project, diags := r.data.clientFor(types.StringValue(project))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("project_id"), project)...)
}
