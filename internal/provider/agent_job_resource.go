package provider

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

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
	_ resource.ResourceWithConfigValidators = &agentJobResource{}
	_ resource.ResourceWithIdentity         = &agentJobResource{}
	_ resource.ResourceWithConfigure        = &agentJobResource{}
	_ resource.ResourceWithImportState      = &agentJobResource{}
	_ resource.ResourceWithModifyPlan       = &agentJobResource{}
)

// NewAgentJobResource is the mintlify_agent_job resource.
func NewAgentJobResource() resource.Resource {
	return &agentJobResource{newOperationResource("agent_job", operationResource[*mintlify.AgentJob, agentJobArgs]{
		op: jobs, schema: agentJobSchema, fields: jobResourceFields, timeout: defaultCreateTimeout,
		launch: startingJob,
	})}
}

// agentJobResource is a job and its follow-up conversation; it plans,
// updates and imports in its own way (agent_job_plan.go,
// agent_job_follow_ups.go, agent_job_identity.go).
type agentJobResource struct {
	*operationResource[*mintlify.AgentJob, agentJobArgs]
}

// agentJobArgs are what the resource is configured with; the model is
// also what the API reports (jobResourceFields).
type agentJobArgs struct {
	projectArg
	Prompt          types.String           `tfsdk:"prompt"`
	PromptWO        types.String           `tfsdk:"prompt_wo"`
	PromptWOVersion types.Int64            `tfsdk:"prompt_wo_version"`
	FollowUpPrompts types.List             `tfsdk:"follow_up_prompts"`
	Model           customtypes.ModelValue `tfsdk:"model"`
	Branch          types.String           `tfsdk:"branch"`
	AsDraft         types.Bool             `tfsdk:"as_draft"`
	SystemPrompt    types.String           `tfsdk:"system_prompt"`
	waitArgs
}

// jobWaits document the resource's and the action's wait arguments.
var jobWaits = waitDocs{noun: "job", ends: "`completed`, `failed` or `archived`", failed: mintlify.StatusFailed,
	started: mintlify.StatusActive, refreshes: "; later refreshes update the status and the pull-request link", timeout: defaultCreateTimeout}

func agentJobSchema(ctx context.Context) (schema.Schema, diag.Diagnostics) {
	attrs, diags := resourceWaitAttributes(ctx, jobWaits, fmt.Sprintf("How long to send new `follow_up_prompts` and wait for the "+
		"job after each, as a Go duration. Defaults to `%s`. When it runs out the apply fails; the prompts sent so far are kept in state.",
		durationText(defaultUpdateTimeout)))
	maps.Copy(attrs, jobResourceFields.resourceAttributes())
	attrs["project_id"] = projectAttribute("The Mintlify project to run the job in. Defaults to the provider's `project_id`. " +
		"Changing it replaces the job.")
	attrs["prompt"] = schema.StringAttribute{
		MarkdownDescription: "The instruction for the agent. A job is started with `prompt` or `prompt_wo`, not both. Changing " +
			"it starts a new job (the old one stays in Mintlify). It is kept in the state: for a prompt that should not be " +
			"(readers' text, say), use `prompt_wo`. Mintlify never returns a job's prompt, so an imported job has none in state: " +
			"leave it out, or add the prompt it was created with and the next apply records it without starting a job.",
		Optional:      true,
		Computed:      true,
		Validators:    []validator.String{validators.NotBlank},
		PlanModifiers: []planmodifier.String{modifiers.CreateOnly{}},
	}
	attrs["prompt_wo"] = schema.StringAttribute{
		MarkdownDescription: "The instruction for the agent, write-only: sent to Mintlify as it is given, and never kept in the " +
			"state or a plan, so it can come from an ephemeral resource (`ephemeral \"mintlify_feedback\"`, say). Instead of " +
			"`prompt`. Terraform cannot tell when a write-only value changes: change `prompt_wo_version` to start a new job with " +
			"the current `prompt_wo`. Needs Terraform 1.11 or later, or OpenTofu 1.11 or later.",
		Optional:   true,
		WriteOnly:  true,
		Validators: []validator.String{validators.NotBlank},
	}
	attrs["prompt_wo_version"] = schema.Int64Attribute{
		MarkdownDescription: "A number that starts a new job, with the current `prompt_wo`, whenever it changes: for example " +
			"increase it when the prompt should be sent again. Set on an imported job, it is recorded without starting one.",
		Optional:      true,
		Computed:      true,
		PlanModifiers: []planmodifier.Int64{modifiers.CreateOnly{}},
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

// ConfigValidators refuse a job given both prompts.
func (r *agentJobResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{resourcevalidator.Conflicting(path.MatchRoot("prompt"), path.MatchRoot("prompt_wo"))}
}

// Create launches the job (startingJob), and records its identity once it
// has an ID, however the launch ends.
func (r *agentJobResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.operationResource.Create(ctx, req, resp)
	if !resp.State.Raw.IsNull() {
		resp.Diagnostics.Append(r.recordIdentity(ctx, resp.State.Raw, resp.Identity)...)
	}
}

// Read refreshes the job. Terraform before 1.12, and an import, need the
// identity set, even when the job is gone.
func (r *agentJobResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if resp.Identity != nil && resp.Identity.Raw.IsFullyNull() {
		resp.Diagnostics.Append(r.recordIdentity(ctx, req.State.Raw, resp.Identity)...)
	}
	r.operationResource.Read(ctx, req, resp)
}

// Update sends the follow-up prompts appended to the list, and records
// what the provider keeps for itself (the wait settings, or arguments
// adopted after an import). State starts from the plan with what the API
// reported last, so a failed update records exactly what was done.
func (r *agentJobResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior agentJobArgs
	resp.Diagnostics.Append(r.args().read(ctx, req.Plan.Raw, &plan)...)
	resp.Diagnostics.Append(r.args().read(ctx, req.State.Raw, &prior)...)
	state, diags := newRawState(req.Plan.Raw)
	resp.Diagnostics.Append(diags...)
	last, diags := newRawState(req.State.Raw)
	resp.Diagnostics.Append(diags...)
	prompts, diags := newFollowUps(ctx, prior.Prompt, prior.FollowUpPrompts, plan.FollowUpPrompts)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The plan leaves unknown what the follow-ups change: until they are
	// sent, the state says what the API reported last.
	for _, f := range r.fields {
		if !state.attrs[f.name].IsKnown() {
			state.attrs[f.name] = last.attrs[f.name]
		}
	}
	if len(prompts) > 0 {
		state.attrs["follow_up_prompts"] = last.attrs["follow_up_prompts"]
	}
	resp.State.Raw = state.value()
	resp.Diagnostics.Append(r.recordIdentity(ctx, resp.State.Raw, resp.Identity)...)
	if len(prompts) == 0 {
		return
	}
	settings, diags := plan.settings(ctx, true, defaultUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	run := followedRunOf(r.data, r.op, plan.ProjectID, settings, updating("the follow-up prompts sent so far, which are never sent again"))
	sent := stringsOf(prior.FollowUpPrompts)
	run.seen = func(job *mintlify.AgentJob) {
		r.fields.write(state, job)
		state.attrs["follow_up_prompts"] = promptList(sent, true)
		resp.State.Raw = state.applied()
	}
	if run.diags.HasError() {
		resp.Diagnostics.Append(run.diags...)
		return
	}
	ctx, cancel := context.WithTimeout(ctx, settings.limit)
	defer cancel()
	job := &mintlify.AgentJob{ID: state.string("id"), Status: last.string("status")}
	sendFollowUps(ctx, run, job, r.data.clock.Now(), prompts, func(prompt string) { sent = append(sent, prompt) })
	resp.Diagnostics.Append(run.diags...)
}
