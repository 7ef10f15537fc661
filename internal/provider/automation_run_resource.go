package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var (
	_ resource.ResourceWithConfigure  = &automationRunResource{}
	_ resource.ResourceWithModifyPlan = &automationRunResource{}
)

// NewAutomationRunResource is mintlify_automation_run: one run of a
// scheduled automation, started now.
func NewAutomationRunResource() resource.Resource {
	return &automationRunResource{operationResource{kind: automationRuns.kind, name: "automation_run"}}
}

type automationRunResource struct{ operationResource }

type automationRunResourceModel struct {
	ID           types.String   `tfsdk:"id"`
	ProjectID    types.String   `tfsdk:"project_id"`
	AutomationID types.String   `tfsdk:"automation_id"`
	Triggers     types.Map      `tfsdk:"triggers"`
	JobID        types.String   `tfsdk:"job_id"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

func (r *automationRunResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	timeoutsAttr, diags := timeoutsAttribute(ctx, timeouts.Opts{Create: true, CreateDescription: automationTimeoutDoc})
	resp.Diagnostics = diags
	resp.Schema = schema.Schema{
		MarkdownDescription: "Runs a scheduled Mintlify automation now, instead of at its next scheduled time, for example " +
			"after a merge. Only automations with a custom schedule can be triggered. Change `triggers` to run it again. " +
			automationNote + "\n\nDestroying this resource only removes the run from Terraform state.",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute("The run's ID (the API's `instanceId`), as in the dashboard's run history."),
			"automation_id": schema.StringAttribute{
				MarkdownDescription: "The automation to run: its ID, from the automation's settings panel on the Automations " +
					"page of the dashboard. Changing it starts a new run.",
				Required:      true,
				Validators:    []validator.String{validators.NotBlank},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"project_id": projectAttribute("The project the automation belongs to. Defaults to the provider's `project_id`. " +
				"Changing it starts a new run."),
			"triggers": triggersAttribute("run"),
			"job_id":   idAttribute("The ID of the background job that processes the run."),
			"timeouts": timeoutsAttr,
		},
	}
}

func (r *automationRunResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m automationRunResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	limit, diags := m.Timeouts.Create(ctx, defaultAutomationTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	run, started := runAutomation(ctx, r.data, m.ProjectID, m.AutomationID.ValueString(),
		waitSettings{limit: limit, timeout: "timeouts.create"}, creating)
	resp.Diagnostics.Append(run.diags...)
	if started == nil {
		return
	}
	m.ID, m.JobID, m.ProjectID = types.StringValue(started.InstanceID), stringOrNull(started.JobID), types.StringValue(run.project)
	tflog.Info(ctx, "Triggered automation run", map[string]any{"automation_id": m.AutomationID.ValueString(), "instance_id": started.InstanceID})
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Read keeps the state as it is: the API has no endpoint to read a run.
func (r *automationRunResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}
