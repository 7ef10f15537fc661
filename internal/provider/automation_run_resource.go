package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var (
	_ resource.ResourceWithConfigure  = &automationRunResource{}
	_ resource.ResourceWithModifyPlan = &automationRunResource{}
)

// NewAutomationRunResource is mintlify_automation_run: one run of a
// scheduled automation, started now.
func NewAutomationRunResource() resource.Resource {
	return &automationRunResource{resourceBase{kind: automationRuns.kind, name: "automation_run", args: argsOf(automationRunSchema)}}
}

type automationRunResource struct{ resourceBase }

// automationRunArgs are what the resource is configured with.
type automationRunArgs struct {
	projectArg
	AutomationID types.String   `tfsdk:"automation_id"`
	Triggers     types.Map      `tfsdk:"triggers"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

func (r *automationRunResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema, resp.Diagnostics = automationRunSchema(ctx)
}

func automationRunSchema(ctx context.Context) (schema.Schema, diag.Diagnostics) {
	timeoutsAttr, diags := timeoutsAttribute(ctx, timeouts.Opts{Create: true, CreateDescription: automationTimeoutDoc})
	attrs := automationRunFields.resourceAttributes()
	attrs["automation_id"] = schema.StringAttribute{
		MarkdownDescription: "The automation to run: its ID, from the automation's settings panel on the Automations " +
			"page of the dashboard. Changing it starts a new run.",
		Required:      true,
		Validators:    []validator.String{validators.NotBlank},
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
	attrs["project_id"] = projectAttribute("The project the automation belongs to. Defaults to the provider's `project_id`. " +
		"Changing it starts a new run.")
	attrs["triggers"] = triggersAttribute("run")
	attrs["timeouts"] = timeoutsAttr
	return schema.Schema{
		MarkdownDescription: "Runs a scheduled Mintlify automation now, instead of at its next scheduled time, for example " +
			"after a merge. Only automations with a custom schedule can be triggered. Change `triggers` to run it again. " +
			automationNote + "\n\nDestroying this resource only removes the run from Terraform state.",
		Attributes: attrs,
	}, diags
}

func (r *automationRunResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m automationRunArgs
	resp.Diagnostics.Append(r.args().read(ctx, req.Plan.Raw, &m)...)
	state, diags := newRawState(req.Plan.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	limit, diags := m.Timeouts.Create(ctx, defaultAutomationTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	run := newRun(r.data, automationRuns, m.ProjectID, waitSettings{limit: limit, timeout: "timeouts.create"}, creating)
	run.seen = func(ar *mintlify.AutomationRun) {
		automationRunFields.write(state, ar)
		state.set(map[string]tftypes.Value{"project_id": tfString(run.project)})
		resp.State.Raw = state.applied()
	}
	run.launch(ctx, runningAutomation(run, m.AutomationID.ValueString()))
	resp.Diagnostics.Append(run.diags...)
}

// Read keeps the state as it is: the API has no endpoint to read a run.
func (r *automationRunResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}
