package provider

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/customtypes"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/modifiers"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
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
func NewAgentJobResource() resource.Resource {
	return &agentJobResource{operationResource{kind: jobs.kind, name: "agent_job"}}
}

// agentJobResource is a job and its follow-up conversation; it plans,
// updates and imports in its own way (agent_job_plan.go,
// agent_job_follow_ups.go, agent_job_identity.go).
type agentJobResource struct{ operationResource }

// agentJobResourceModel is what the resource is configured with, and its
// IDs; what the API reports is in jobFields. The resource's model is both:
// configured (a v1 option) and refreshed from what the API names.
type agentJobResourceModel struct {
	ID              types.String           `tfsdk:"id"`
	ProjectID       types.String           `tfsdk:"project_id"`
	Prompt          types.String           `tfsdk:"prompt"`
	FollowUpPrompts types.List             `tfsdk:"follow_up_prompts"`
	Model           customtypes.ModelValue `tfsdk:"model"`
	Branch          types.String           `tfsdk:"branch"`
	AsDraft         types.Bool             `tfsdk:"as_draft"`
	SystemPrompt    types.String           `tfsdk:"system_prompt"`
	waitArgs
}

// jobResourceFields are the fields the resource reports; model is an
// argument of its own.
var jobResourceFields = jobFields.except("model")

// jobWaits document the resource's and the action's wait arguments.
var jobWaits = waitDocs{noun: "job", ends: "`completed`, `failed` or `archived`", failed: mintlify.StatusFailed,
	started: mintlify.StatusActive, refreshes: "; later refreshes update the status and the pull-request link", timeout: defaultCreateTimeout}

func (r *agentJobResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema, resp.Diagnostics = agentJobSchema(ctx)
}

// agentJobShape splits the resource's state into its model and its fields.
var agentJobShape = sync.OnceValue(func() shape {
	s, _ := agentJobSchema(context.Background())
	return resourceShape(context.Background(), s, jobResourceFields.names())
})

func agentJobSchema(ctx context.Context) (schema.Schema, diag.Diagnostics) {
	attrs, diags := resourceWaitAttributes(ctx, jobWaits, fmt.Sprintf("How long to send new `follow_up_prompts` and wait for the "+
		"job after each, as a Go duration. Defaults to `%s`. When it runs out the apply fails; the prompts sent so far are kept in state.",
		durationText(defaultUpdateTimeout)))
	for name, a := range jobResourceFields.resourceAttributes() {
		attrs[name] = a
	}
	attrs["id"] = idAttribute("The job's ID, as Mintlify assigns it.")
	attrs["project_id"] = projectAttribute("The Mintlify project to run the job in. Defaults to the provider's `project_id`. " +
		"Changing it replaces the job.")
	attrs["prompt"] = schema.StringAttribute{
		MarkdownDescription: "The instruction for the agent. Required to create a job. Changing it starts a new job " +
			"(the old one stays in Mintlify). Mintlify never returns a job's prompt, so an imported job has none in state: " +
			"leave it out, or add the prompt it was created with and the next apply records it without starting a job.",
		Optional:      true,
		Computed:      true,
		Validators:    []validator.String{validators.NotBlank},
		PlanModifiers: []planmodifier.String{modifiers.CreateOnly{Required: `prompt = "..." to the instruction for the agent`}},
	}
	attrs["follow_up_prompts"] = schema.ListAttribute{
		MarkdownDescription: "Follow-up instructions for the same job, sent in order after `prompt`, each waited for like the first " +
			"(with `wait_for_completion`, `allow_failure` and `poll_interval`, within `timeouts.update`). " +
			"Appending prompts sends just the new ones, in place; editing, removing or reordering a prompt already sent " +
			"replaces the job. A prompt is never sent twice: an interrupted apply keeps in state exactly the prompts sent, and the " +
			"prompts set on an imported job, which Mintlify cannot say it was sent, are recorded as sent (append more to send them).",
		ElementType:   types.StringType,
		Optional:      true,
		Validators:    []validator.List{listvalidator.ValueStringsAre(validators.NotBlank)},
		PlanModifiers: []planmodifier.List{modifiers.AppendOnly{}},
	}
	attrs["model"] = schema.StringAttribute{
		MarkdownDescription: "The model to run the job with: `sonnet` (faster, cheaper) or `opus` (more capable, slower). " +
			"When unset, Mintlify chooses and this shows the model it reports (for example `claude-sonnet-4-5`). " +
			v1Note + " Changing it to another family replaces the job.",
		CustomType: customtypes.ModelType{},
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{validators.Model()},
		PlanModifiers: []planmodifier.String{modifiers.CreateOnly{Reported: true, Same: func(config, state attr.Value) bool {
			return customtypes.ModelFamily(stringOf(config)) == customtypes.ModelFamily(stringOf(state))
		}}},
	}
	attrs["branch"] = schema.StringAttribute{
		MarkdownDescription: "The Git branch the agent works on. When unset, the agent names one (see `source.ref`). " + v1Note +
			" Changing it replaces the job.",
		Optional:      true,
		Computed:      true,
		Validators:    []validator.String{validators.GitBranch()},
		PlanModifiers: []planmodifier.String{modifiers.CreateOnly{}},
	}
	attrs["as_draft"] = schema.BoolAttribute{
		MarkdownDescription: "Open the pull request as a draft. " + v1Note + " Changing it replaces the job.",
		Optional:            true,
		Computed:            true,
		PlanModifiers:       []planmodifier.Bool{modifiers.CreateOnly{}},
	}
	attrs["system_prompt"] = schema.StringAttribute{
		MarkdownDescription: "Extra instructions appended to Mintlify's own system prompt (it does not replace it), " +
			"for example a style guide. " + v1Note + " Changing it replaces the job.",
		Optional:      true,
		Computed:      true,
		Validators:    []validator.String{validators.NotBlank},
		PlanModifiers: []planmodifier.String{modifiers.CreateOnly{}},
	}
	return schema.Schema{
		MarkdownDescription: "Starts a Mintlify documentation-agent job with a prompt and waits until it ends. " +
			"The agent edits the project's docs repository and opens a pull request, whose link is `pr_link`.\n\n" +
			"Mintlify has no API to delete a job: destroying this resource only removes it from Terraform state.",
		Attributes: attrs,
	}, diags
}

// jobRun is a run of the resource's job: what it last saw goes to state.
func (r *agentJobResource) jobRun(ctx context.Context, m *agentJobResourceModel, client *mintlify.Client, settings waitSettings,
	h holder, state *tfsdk.State, diags *diag.Diagnostics) *run[*mintlify.AgentJob] {
	return &run[*mintlify.AgentJob]{op: jobs, data: r.data, client: client, project: m.ProjectID.ValueString(), settings: settings,
		holder: h, seen: func(job *mintlify.AgentJob) { diags.Append(r.record(ctx, m, job, state)...) }}
}

// record writes the job as last seen, with the model, to state.
func (r *agentJobResource) record(ctx context.Context, m *agentJobResourceModel, job *mintlify.AgentJob, state *tfsdk.State) diag.Diagnostics {
	// A v1 job is saved before the API has reported its model: keep what
	// is configured (or null) until it does.
	if job.Model != "" || m.Model.IsUnknown() {
		m.Model = customtypes.NewModelValue(job.Model)
	}
	v, diags := agentJobShape().value(ctx, m, jobResourceFields.values(job))
	state.Raw = v
	return diags
}

func (r *agentJobResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m agentJobResourceModel
	_, diags := agentJobShape().get(ctx, req.Plan.Raw, &m)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, diags := r.data.clientFor(m.ProjectID)
	resp.Diagnostics.Append(diags...)
	settings, diags := m.settings(ctx, false, defaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, settings.limit)
	defer cancel()
	m.ProjectID = types.StringValue(project)
	run := r.jobRun(ctx, &m, client, settings, creating, &resp.State, &resp.Diagnostics)
	defer func() { resp.Diagnostics.Append(run.diags...) }()

	start := r.data.clock.Now()
	job, stream, err := startJob(ctx, client, project, &m)
	if err != nil {
		run.startFailed(ctx, err)
		return
	}
	// The ID is saved before anything else: whatever happens next, it is kept.
	m.ID = types.StringValue(job.ID)
	followUps := m.FollowUpPrompts
	m.FollowUpPrompts = types.ListNull(types.StringType)
	run.started(job)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, m.ProjectID, m.ID)...)
	tflog.Info(ctx, "Created agent job", map[string]any{"job_id": job.ID, "project_id": project, "v1": stream != nil})

	ok := true
	if stream != nil {
		job, ok = followStream(ctx, run, stream, m.waits())
	}
	if ok && settings.waits {
		job, ok = run.wait(ctx, job, start)
	}
	if !ok {
		return
	}
	var prompts []string
	resp.Diagnostics.Append(followUps.ElementsAs(ctx, &prompts, false)...)
	m.FollowUpPrompts = types.ListValueMust(types.StringType, []attr.Value{})
	if followUps.IsNull() {
		m.FollowUpPrompts = followUps
	}
	run.record(job)
	sendFollowUps(ctx, run, &m, job, start, prompts)
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
	client, project, diags := r.data.clientFor(types.StringValue(state.string("project_id")))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Terraform before 1.12, and an import, need the identity set, even
	// when the job is gone.
	if resp.Identity != nil && resp.Identity.Raw.IsFullyNull() {
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, types.StringValue(project), types.StringValue(state.string("id")))...)
	}
	job, ok := refresh(ctx, jobs, r.data, client, project, state, resp)
	if !ok {
		return
	}
	values := jobResourceFields.values(job)
	values["project_id"] = tfString(project)
	if job.Model != "" {
		values["model"] = tfString(job.Model)
	}
	if state.set(values) {
		resp.State.Raw = state.value()
	}
}

// Update sends the follow-up prompts appended to the list, and records
// what the provider keeps for itself (the wait settings, or arguments
// adopted after an import). State starts from the prior state, so a failed
// update records exactly what was done.
func (r *agentJobResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior agentJobResourceModel
	_, diags := agentJobShape().get(ctx, req.Plan.Raw, &plan)
	resp.Diagnostics.Append(diags...)
	reported, diags := agentJobShape().get(ctx, req.State.Raw, &prior)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	prompts, diags := newFollowUps(ctx, prior.Prompt, prior.FollowUpPrompts, plan.FollowUpPrompts)
	resp.Diagnostics.Append(diags...)
	next := plan
	if next.Model.IsUnknown() {
		next.Model = prior.Model
	}
	next.FollowUpPrompts = prior.FollowUpPrompts
	if len(prompts) == 0 {
		next.FollowUpPrompts = plan.FollowUpPrompts
	}
	v, diags := agentJobShape().value(ctx, &next, reported)
	resp.Diagnostics.Append(diags...)
	resp.State.Raw = v
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, next.ProjectID, next.ID)...)
	if len(prompts) == 0 || resp.Diagnostics.HasError() {
		return
	}
	client, _, diags := r.data.clientFor(next.ProjectID)
	resp.Diagnostics.Append(diags...)
	settings, diags := next.settings(ctx, true, defaultUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, settings.limit)
	defer cancel()
	run := r.jobRun(ctx, &next, client, settings, updating("the follow-up prompts sent so far, which are never sent again"),
		&resp.State, &resp.Diagnostics)
	defer func() { resp.Diagnostics.Append(run.diags...) }()
	job := &mintlify.AgentJob{ID: next.ID.ValueString(), Status: rawString(reported["status"])}
	sendFollowUps(ctx, run, &next, job, r.data.clock.Now(), prompts)
}
