package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

var (
	_ resource.ResourceWithConfigure  = &automationRunResource{}
	_ resource.ResourceWithModifyPlan = &automationRunResource{}
)

// NewAutomationRunResource is mintlify_automation_run: one run of a
// scheduled automation, started now.
func NewAutomationRunResource() resource.Resource { return &automationRunResource{} }

type automationRunResource struct {
	data *providerData
}

type automationRunResourceModel struct {
	ID           types.String `tfsdk:"id"`
	ProjectID    types.String `tfsdk:"project_id"`
	AutomationID types.String `tfsdk:"automation_id"`
	Triggers     types.Map    `tfsdk:"triggers"`
	JobID        types.String `tfsdk:"job_id"`
}

// automationNote says what the API does not offer, for the docs.
const automationNote = "Mintlify's API can start a run but has no endpoint to follow one: the run goes on in Mintlify, " +
	"and its outcome is on the Automation Runs page of the dashboard."

func (r *automationRunResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_automation_run"
}

func (r *automationRunResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Runs a scheduled Mintlify automation now, instead of at its next scheduled time, for example " +
			"after a merge. Only automations with a custom schedule can be triggered. Change `triggers` to run it again. " +
			automationNote + "\n\nDestroying this resource only removes the run from Terraform state.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The run's ID (the API's `instanceId`), as in the dashboard's run history.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"automation_id": schema.StringAttribute{
				MarkdownDescription: "The automation to run: its ID, from the automation's settings panel on the Automations " +
					"page of the dashboard. Changing it starts a new run.",
				Required:      true,
				Validators:    []validator.String{notBlankValidator},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"project_id": schema.StringAttribute{
				MarkdownDescription: "The project the automation belongs to. Defaults to the provider's `project_id`. Changing it starts a new run.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{projectIDValidator},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
			},
			"triggers": schema.MapAttribute{
				MarkdownDescription: "Values that start a new run when any of them changes, as `terraform_data`'s `triggers_replace`. " +
					"The values are not sent to Mintlify.",
				ElementType:   types.StringType,
				Optional:      true,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"job_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the background job that processes the run.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *automationRunResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *automationRunResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data != nil && req.State.Raw.IsNull() && !req.Plan.Raw.IsNull() {
		r.data.planProject(ctx, req, resp)
	}
}

func (r *automationRunResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m automationRunResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	run, project, diags := r.data.runAutomation(ctx, m.ProjectID, m.AutomationID.ValueString())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	m.ID, m.JobID, m.ProjectID = types.StringValue(run.InstanceID), stringOrNull(run.JobID), types.StringValue(project)
	tflog.Info(ctx, "Triggered automation run", map[string]any{"automation_id": m.AutomationID.ValueString(), "instance_id": run.InstanceID})
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// runAutomation queues a run of automationID in the project (the
// provider's when projectID is null), and returns it with the project.
func (d *providerData) runAutomation(ctx context.Context, projectID types.String, automationID string) (*mintlify.AutomationRun, string, diag.Diagnostics) {
	client, project, diags := d.clientFor(projectID)
	if diags.HasError() {
		return nil, project, diags
	}
	run, err := client.TriggerAutomation(ctx, project, automationID)
	if err != nil {
		diags.AddError("Could not run the Mintlify automation", d.explainAutomation(err, project, automationID))
	}
	return run, project, diags
}

// explainAutomation says why Mintlify did not run an automation, and what
// to check.
func (d *providerData) explainAutomation(err error, project, automationID string) string {
	var api *mintlify.APIError
	switch {
	case errors.As(err, &api) && api.StatusCode == 400:
		return fmt.Sprintf("Mintlify refused to run automation %q (HTTP 400: %s). Only an active automation with a custom "+
			"schedule can be triggered: check that it is active and scheduled, and that automation_id is the ID from its "+
			"settings panel on the Automations page.", automationID, api.Message)
	case errors.As(err, &api) && api.StatusCode == 404:
		return fmt.Sprintf("Automation %q was not found in project %q (HTTP 404: %s). Check automation_id, and project_id: "+
			"the automation must belong to that project.", automationID, project, api.Message)
	case mintlify.MayHaveActed(err):
		return d.explain(err, project, "") + " Mintlify may have queued the run before the connection failed, and the provider " +
			"does not trigger one twice: check the automation's run history in the dashboard before applying again."
	default:
		return d.explain(err, project, "")
	}
}

// Read keeps the state as it is: the API has no endpoint to read a run.
func (r *automationRunResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

// Update is never needed: every argument replaces the run.
func (r *automationRunResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m automationRunResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Delete has nothing to call: a run cannot be undone.
func (r *automationRunResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}
