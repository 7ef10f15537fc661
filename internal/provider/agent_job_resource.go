package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

const (
	defaultCreateTimeout = 30 * time.Minute
	defaultUpdateTimeout = 30 * time.Minute
)

// v1Note documents the options only the deprecated v1 endpoint takes.
const v1Note = "Setting `model`, `branch`, `as_draft` or `system_prompt` creates the job with Mintlify's deprecated v1 " +
	"endpoint, the only one that takes them; it still works, and the job is then tracked with the v2 API like any other."

var (
	_ resource.ResourceWithIdentity    = &agentJobResource{}
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
	ID                types.String   `tfsdk:"id"`
	ProjectID         types.String   `tfsdk:"project_id"`
	Prompt            types.String   `tfsdk:"prompt"`
	WaitForCompletion types.Bool     `tfsdk:"wait_for_completion"`
	AllowFailure      types.Bool     `tfsdk:"allow_failure"`
	PollInterval      types.String   `tfsdk:"poll_interval"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
	FollowUpPrompts   types.List     `tfsdk:"follow_up_prompts"`
	Branch            types.String   `tfsdk:"branch"`
	AsDraft           types.Bool     `tfsdk:"as_draft"`
	SystemPrompt      types.String   `tfsdk:"system_prompt"`
	jobFields
}

// usesV1 reports whether the job needs the deprecated v1 create, the only
// one that takes a model, a branch, draft pull requests or a system prompt.
func (m *agentJobResourceModel) usesV1() bool {
	configured := func(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }
	return configured(m.Model) || configured(m.Branch) || configured(m.AsDraft) || configured(m.SystemPrompt)
}

func (r *agentJobResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent_job"
}

func (r *agentJobResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := reportedResourceAttributes(jobFieldSpecs)
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
		PlanModifiers: []planmodifier.String{createOnly{required: true}},
	}
	attrs["follow_up_prompts"] = schema.ListAttribute{
		MarkdownDescription: "Follow-up instructions for the same job, sent in order after `prompt`, each waited for like the first " +
			"(with `wait_for_completion`, `allow_failure` and `poll_interval`, within `timeouts.update`). " +
			"Appending prompts sends just the new ones, in place; editing, removing or reordering a prompt already sent " +
			"replaces the job. A prompt is never sent twice: an interrupted apply keeps in state exactly the prompts sent.",
		ElementType:   types.StringType,
		Optional:      true,
		Validators:    []validator.List{listvalidator.ValueStringsAre(notBlankValidator)},
		PlanModifiers: []planmodifier.List{appendOnly{}},
	}
	attrs["model"] = schema.StringAttribute{
		MarkdownDescription: "The model to run the job with: `sonnet` (faster, cheaper) or `opus` (more capable, slower). " +
			"When unset, Mintlify chooses and this shows the model it reports (for example `claude-sonnet-4-5`). " +
			v1Note + " Changing it to another family replaces the job.",
		CustomType: modelType{},
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{modelValidator{}},
		PlanModifiers: []planmodifier.String{createOnly{reported: true, same: func(config, state attr.Value) bool {
			return modelFamily(stringOf(config)) == modelFamily(stringOf(state))
		}}},
	}
	attrs["branch"] = schema.StringAttribute{
		MarkdownDescription: "The Git branch the agent works on. When unset, the agent names one (see `source.ref`). " + v1Note +
			" Changing it replaces the job.",
		Optional:      true,
		Computed:      true,
		Validators:    []validator.String{notBlankValidator},
		PlanModifiers: []planmodifier.String{createOnly{}},
	}
	attrs["as_draft"] = schema.BoolAttribute{
		MarkdownDescription: "Open the pull request as a draft. " + v1Note + " Changing it replaces the job.",
		Optional:            true,
		Computed:            true,
		PlanModifiers:       []planmodifier.Bool{createOnly{}},
	}
	attrs["system_prompt"] = schema.StringAttribute{
		MarkdownDescription: "Extra instructions appended to Mintlify's own system prompt (it does not replace it), " +
			"for example a style guide. " + v1Note + " Changing it replaces the job.",
		Optional:      true,
		Computed:      true,
		Validators:    []validator.String{notBlankValidator},
		PlanModifiers: []planmodifier.String{createOnly{}},
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
			"A smaller cap notices long jobs sooner for more calls.", durationText(wait.DefaultCap)),
		Optional:   true,
		Validators: []validator.String{minDuration(wait.MinInterval)},
	}
	timeoutsAttr, diags := timeoutsAttribute(ctx, timeouts.Opts{
		Create: true,
		CreateDescription: fmt.Sprintf("How long to create the job and wait for it to end, as a Go duration such as `\"45m\"`. "+
			"Defaults to `%s`. When it runs out the apply fails, and the job stays in state, marked tainted.", durationText(defaultCreateTimeout)),
		Update: true,
		UpdateDescription: fmt.Sprintf("How long to send new `follow_up_prompts` and wait for the job after each, as a Go duration. "+
			"Defaults to `%s`. When it runs out the apply fails; the prompts sent so far are kept in state.", durationText(defaultUpdateTimeout)),
	})
	resp.Diagnostics.Append(diags...)
	attrs["timeouts"] = timeoutsAttr
	resp.Schema = schema.Schema{
		MarkdownDescription: "Starts a Mintlify documentation-agent job with a prompt and waits until it ends. " +
			"The agent edits the project's docs repository and opens a pull request, whose link is `pr_link`.\n\n" +
			"Mintlify has no API to delete a job: destroying this resource only removes it from Terraform state.",
		Attributes: attrs,
	}
}

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

func (r *agentJobResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan reports a missing key or project when the plan is made, not
// half-way through an apply, shows the provider's project_id in the plan,
// marks what follow-up prompts will change as known only after apply, and
// says in the plan that destroying only forgets the job.
func (r *agentJobResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		var id types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
		resp.Diagnostics.AddWarning("Destroying only forgets the agent job", forgotten(id.ValueString()))
		return
	}
	if r.data == nil {
		return
	}
	// Plans run for every resource on every plan: read only the attributes
	// needed, not the whole model.
	if req.State.Raw.IsNull() {
		r.planCreate(ctx, req, resp)
		return
	}
	var sent, planned types.List
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("follow_up_prompts"), &sent)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("follow_up_prompts"), &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	prompts, diags := newFollowUps(ctx, sent, planned)
	resp.Diagnostics.Append(diags...)
	if len(prompts) == 0 {
		return
	}
	for _, name := range []string{"status", "pr_link", "archived_at"} {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), types.StringUnknown())...)
	}
	var configModel modelValue
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("model"), &configModel)...)
	if configModel.IsNull() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("model"), modelValue{StringValue: types.StringUnknown()})...)
	}
}

// forgotten says what destroying a job does, in the plan and after it.
func forgotten(id string) string {
	return fmt.Sprintf("Mintlify has no API to delete an agent job: destroying removes job %s from the state only. "+
		"The job and any pull request it opened stay in Mintlify and GitHub; archive the job in the Mintlify dashboard "+
		"and close the pull request if you no longer want them.", id)
}

func (r *agentJobResource) planCreate(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var model modelValue
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("model"), &model)...)
	if !model.IsNull() && !model.IsUnknown() && modelFamily(model.ValueString()) == "" {
		resp.Diagnostics.AddAttributeError(path.Root("model"), "Invalid model for a new job",
			fmt.Sprintf("A job can be started with model \"sonnet\" or \"opus\", not %q.", model.ValueString()))
	}
	r.data.planProject(ctx, req, resp)
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
	job, stream, err := startJob(ctx, client, project, &plan)
	if err != nil {
		detail := r.data.explain(err, project, "")
		if mintlify.MayHaveActed(err) {
			detail += " Mintlify may have started the job before the connection failed, and the provider does not " +
				"send a create twice: look for it in the project's agent jobs in the dashboard (or the mintlify_agent_jobs " +
				"data source) and import it by its ID, with an import block or the import command, instead of applying " +
				"again, which would start another job."
		}
		resp.Diagnostics.AddError("Could not create the Mintlify agent job", detail)
		return
	}
	// Save the id before waiting: whatever happens next, Terraform keeps it.
	plan.ID = types.StringValue(job.ID)
	plan.ProjectID = types.StringValue(project)
	followUps := plan.FollowUpPrompts
	plan.FollowUpPrompts = types.ListNull(types.StringType)
	resp.Diagnostics.Append(plan.set(ctx, job)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, plan.ProjectID, plan.ID)...)
	tflog.Info(ctx, "Created agent job", map[string]any{"job_id": job.ID, "project_id": project, "v1": stream != nil})

	if stream != nil {
		job, diags = r.followStream(ctx, &plan, stream, createTimeout, &resp.State)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	if plan.waits() {
		job, diags = r.waitAndRecord(ctx, &plan, job, start, createTimeout, &resp.State, keptTainted)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	var prompts []string
	resp.Diagnostics.Append(followUps.ElementsAs(ctx, &prompts, false)...)
	plan.FollowUpPrompts = types.ListValueMust(types.StringType, []attr.Value{})
	if followUps.IsNull() {
		plan.FollowUpPrompts = followUps
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(r.sendFollowUps(ctx, &plan, job, prompts, createTimeout, &resp.State, keptTainted)...)
}

// startJob creates the job: with the v2 API, or with the deprecated v1 one
// when an option only v1 takes is set. A v1 job comes with its event stream.
func startJob(ctx context.Context, client *mintlify.Client, project string, plan *agentJobResourceModel) (*mintlify.AgentJob, *mintlify.V1JobStream, error) {
	if !plan.usesV1() {
		job, err := client.CreateJob(ctx, project, plan.Prompt.ValueString())
		return job, nil, err
	}
	stream, err := client.CreateJobV1(ctx, project, mintlify.V1JobRequest{
		Prompt: plan.Prompt.ValueString(), SystemPrompt: plan.SystemPrompt.ValueString(),
		Branch: plan.Branch.ValueString(), AsDraft: plan.AsDraft.ValueBool(), Model: modelFamily(plan.Model.ValueString()),
	})
	if err != nil {
		return nil, nil, err
	}
	return &mintlify.AgentJob{ID: stream.JobID, Status: mintlify.StatusActive, Source: mintlify.JobSource{Ref: &stream.Branch}}, stream, nil
}

// followStream reads a v1 job's event stream until the agent is done (or
// closes it when not waiting), then reads the job with the v2 API. A
// timeout or an interrupt while reading is reported as a wait's would be.
func (r *agentJobResource) followStream(ctx context.Context, m *agentJobResourceModel, stream *mintlify.V1JobStream, limit time.Duration,
	state stateSetter) (*mintlify.AgentJob, diag.Diagnostics) {
	var diags diag.Diagnostics
	project, id := m.ProjectID.ValueString(), m.ID.ValueString()
	if m.waits() {
		events, err := stream.Wait(ctx)
		tflog.Debug(ctx, "Agent job event stream ended", map[string]any{"events": events, "error": fmt.Sprint(err)})
		if ctx.Err() != nil {
			job := &mintlify.AgentJob{ID: id, Status: m.Status.ValueString()}
			return job, r.data.waitDiagnostics(ctx.Err(), jobWait(job, project, limit, jobTimeouts, m.AllowFailure.ValueBool(), keptTainted(id)))
		}
	} else {
		_ = stream.Close()
	}
	job, err := r.data.client.GetJob(ctx, project, id)
	if err != nil {
		diags.AddError("Could not read the new Mintlify agent job",
			fmt.Sprintf("Agent job %s was created; reading it failed: %s %s", id, r.data.explain(err, project, id), keptTainted(id)))
		return nil, diags
	}
	diags.Append(m.set(ctx, job)...)
	diags.Append(state.Set(ctx, m)...)
	return job, diags
}

// sendFollowUps sends each prompt in turn and records it in state as soon
// as Mintlify accepts it, so it is never sent twice. A conversation is
// sequential: before each prompt it waits until the job's current run has
// ended (job is the job as last seen). After the last prompt it waits only
// when the resource waits for completion.
func (r *agentJobResource) sendFollowUps(ctx context.Context, m *agentJobResourceModel, job *mintlify.AgentJob, prompts []string,
	limit time.Duration, state stateSetter, keep func(string) string) diag.Diagnostics {
	var diags diag.Diagnostics
	project, id := m.ProjectID.ValueString(), m.ID.ValueString()
	start := time.Now()
	for _, prompt := range prompts {
		if !mintlify.IsTerminal(job.Status) {
			_, waited := r.waitAndRecord(ctx, m, job, start, limit, state, keep)
			diags.Append(waited...)
			if diags.HasError() {
				return diags
			}
		}
		start = time.Now()
		sent, err := r.data.client.SendMessage(ctx, project, id, prompt)
		if err != nil {
			diags.AddError("Could not send the follow-up prompt",
				fmt.Sprintf("Mintlify refused follow-up prompt %q for agent job %s. %s Prompts sent before it are recorded in state. "+
					"An archived job takes no more prompts: remove the new prompts, or change an earlier one to start a new job.",
					prompt, id, r.data.explain(err, project, id)))
			return diags
		}
		job = sent
		m.FollowUpPrompts = appendString(m.FollowUpPrompts, prompt)
		diags.Append(m.set(ctx, job)...)
		diags.Append(state.Set(ctx, m)...)
		tflog.Info(ctx, "Sent follow-up prompt", map[string]any{"job_id": id, "prompts_sent": len(m.FollowUpPrompts.Elements())})
	}
	if len(prompts) > 0 && m.waits() {
		_, d := r.waitAndRecord(ctx, m, job, start, limit, state, keep)
		diags.Append(d...)
	}
	return diags
}

func appendString(list types.List, s string) types.List {
	elems := append(append([]attr.Value{}, list.Elements()...), types.StringValue(s))
	return types.ListValueMust(types.StringType, elems)
}

// waits reports whether the apply waits for the job (the default).
func (m *agentJobResourceModel) waits() bool {
	return m.WaitForCompletion.IsNull() || m.WaitForCompletion.ValueBool()
}

// keptTainted and keptSent tell a user what became of the job after a
// failed create or a failed update. They name no binary: the same words
// serve Terraform and OpenTofu users.
func keptTainted(id string) string {
	return fmt.Sprintf("Job %s stays in the state, marked tainted: to keep it, untaint the resource (terraform untaint, "+
		"or tofu untaint); to replace it with a new job, apply again.", id)
}

func keptSent(id string) string {
	return fmt.Sprintf("Job %s stays in the state with the follow-up prompts sent so far, which are never sent again; "+
		"the job goes on in Mintlify, and the next refresh shows its status.", id)
}

// waitAndRecord waits for the job's run to end and writes what it last saw
// to state, then explains a wait that did not end well.
func (r *agentJobResource) waitAndRecord(ctx context.Context, m *agentJobResourceModel, job *mintlify.AgentJob, start time.Time, limit time.Duration,
	state stateSetter, keep func(string) string) (*mintlify.AgentJob, diag.Diagnostics) {
	var diags diag.Diagnostics
	capInterval, d := durationOr(m.PollInterval, wait.DefaultCap, "poll_interval")
	diags.Append(d...)
	project, id := m.ProjectID.ValueString(), m.ID.ValueString()
	final, err := wait.For(ctx, wait.Job, job, func(ctx context.Context) (*mintlify.AgentJob, error) {
		return r.data.client.GetJob(ctx, project, id)
	}, wait.Options[*mintlify.AgentJob]{Cap: capInterval, Start: start})
	diags.Append(m.set(ctx, final)...)
	diags.Append(state.Set(ctx, m)...)
	diags.Append(r.data.waitDiagnostics(err, jobWait(final, project, limit, jobTimeouts, m.AllowFailure.ValueBool(), keep(id)))...)
	return final, diags
}

// jobWait describes a wait for an agent job, for waitDiagnostics.
func jobWait(job *mintlify.AgentJob, project string, limit time.Duration, timeout string, allowFailure bool, keep string) waited {
	return waited{kind: "agent job", id: job.ID, project: project, status: job.Status, failed: job.Status == mintlify.StatusFailed,
		failure: "See the job in the Mintlify dashboard for the agent's messages.",
		limit:   limit, timeout: timeout, allowFailure: allowFailure, keep: keep}
}

// jobTimeouts names the settings that bound the resource's waits.
const jobTimeouts = "the timeout (timeouts.create or timeouts.update on the resource)"

// stateSetter is the part of tfsdk.State the wait writes to.
type stateSetter interface {
	Set(ctx context.Context, val any) diag.Diagnostics
}

// Read refreshes the job. It runs for every job on every plan, so it reads
// and writes the state as raw values, and leaves it untouched when nothing
// changed.
func (r *agentJobResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, diags := newRawState(req.State.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.string("id")
	client, project, diags := r.data.clientFor(types.StringValue(state.string("project_id")))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Terraform before 1.12, and an import, need the identity set, even
	// when the job is gone.
	if resp.Identity != nil && resp.Identity.Raw.IsFullyNull() {
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, types.StringValue(project), types.StringValue(id))...)
	}
	job, err := client.GetJob(ctx, project, id)
	var notFound *mintlify.NotFoundError
	if errors.As(err, &notFound) {
		tflog.Warn(ctx, "Agent job no longer exists in Mintlify; removing it from state", map[string]any{"job_id": id})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Mintlify agent job", r.data.explain(err, project, id))
		return
	}
	// A job that was not waited for fails unseen: say so once it has.
	if was := state.string("status"); was != "" && was != mintlify.StatusFailed && job.Status == mintlify.StatusFailed &&
		!state.bool("allow_failure") {
		resp.Diagnostics.AddWarning("The Mintlify agent job failed",
			fmt.Sprintf("Agent job %s in project %q was %q at the last refresh and has since ended with status \"failed\". "+
				"See the job in the Mintlify dashboard for the agent's messages. To run it again, change its prompt or replace "+
				"the resource (apply with -replace); to accept failed jobs, set allow_failure = true.", id, project, was))
	}
	fields := jobFields{Model: newModelValue(state.string("model"))}
	resp.Diagnostics.Append(fields.set(ctx, job)...)
	values := fields.attributes()
	values["project_id"] = types.StringValue(project)
	changed, diags := state.set(ctx, values)
	resp.Diagnostics.Append(diags...)
	if changed {
		resp.State.Raw = state.value()
	}
}

// Update sends the follow-up prompts appended to the list, and records
// what the provider keeps for itself (the wait settings, or arguments
// adopted after an import). State starts from the prior state, so a failed
// update records exactly what was done.
func (r *agentJobResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state agentJobResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	prompts, diags := newFollowUps(ctx, state.FollowUpPrompts, plan.FollowUpPrompts)
	resp.Diagnostics.Append(diags...)
	next := plan
	next.jobFields = state.jobFields
	next.Model = plan.Model
	if next.Model.IsUnknown() {
		next.Model = state.Model
	}
	next.FollowUpPrompts = state.FollowUpPrompts
	if len(prompts) == 0 {
		next.FollowUpPrompts = plan.FollowUpPrompts
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &next)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, next.ProjectID, next.ID)...)
	if len(prompts) == 0 || resp.Diagnostics.HasError() {
		return
	}
	if _, _, diags := r.data.clientFor(next.ProjectID); diags.HasError() {
		resp.Diagnostics.Append(diags...)
		return
	}
	limit, diags := plan.Timeouts.Update(ctx, defaultUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	job := &mintlify.AgentJob{ID: next.ID.ValueString(), Status: next.Status.ValueString()}
	resp.Diagnostics.Append(r.sendFollowUps(ctx, &next, job, prompts, limit, &resp.State, keptSent)...)
}

// newFollowUps are the planned follow-up prompts after those sent.
func newFollowUps(ctx context.Context, sentList, plannedList types.List) ([]string, diag.Diagnostics) {
	var sent, planned []string
	diags := sentList.ElementsAs(ctx, &sent, false)
	if plannedList.IsUnknown() {
		return nil, diags
	}
	diags.Append(plannedList.ElementsAs(ctx, &planned, false)...)
	if diags.HasError() || len(planned) <= len(sent) {
		return nil, diags
	}
	return planned[len(sent):], diags
}

func (r *agentJobResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.AddWarning("Agent job removed from the state only", forgotten(id.ValueString()))
}

func (r *agentJobResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var project, id string
	if req.ID != "" {
		var err error
		if project, id, err = parseImportID(req.ID); err != nil {
			resp.Diagnostics.AddError("Invalid import ID", err.Error())
			return
		}
	} else {
		var identity agentJobIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &identity)...)
		project, id = identity.ProjectID.ValueString(), identity.ID.ValueString()
		if strings.TrimSpace(id) == "" {
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
