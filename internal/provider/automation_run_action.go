package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/provider/customtypes"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var _ action.ActionWithConfigure = &automationRunAction{}

// NewAutomationRunAction runs an automation as a side effect (Terraform
// 1.14 actions).
func NewAutomationRunAction() action.Action {
	return &automationRunAction{actionBase{name: "automation_run"}}
}

type automationRunAction struct{ actionBase }

type automationRunActionModel struct {
	AutomationID types.String         `tfsdk:"automation_id"`
	ProjectID    types.String         `tfsdk:"project_id"`
	Timeout      customtypes.Duration `tfsdk:"timeout"`
}

func (a *automationRunAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Runs a scheduled Mintlify automation now, as a side effect of another change (`action_trigger`) " +
			"or on demand with `terraform apply -invoke`. Only automations with a custom schedule can be triggered. " +
			automationNote + " Needs Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"automation_id": schema.StringAttribute{
				MarkdownDescription: "The automation to run: its ID, from the automation's settings panel on the Automations page.",
				Required:            true,
				Validators:          []validator.String{validators.NotBlank},
			},
			"project_id": schema.StringAttribute{
				MarkdownDescription: "The project the automation belongs to. Defaults to the provider's `project_id`.",
				Optional:            true,
				Validators:          []validator.String{validators.ProjectID},
			},
			"timeout": schema.StringAttribute{
				MarkdownDescription: automationTimeoutDoc,
				Optional:            true,
				CustomType:          customtypes.DurationType{},
				Validators:          []validator.String{validators.Positive(durationText(defaultAutomationTimeout))},
			},
		},
	}
}

func (a *automationRunAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m automationRunActionModel
	resp.Diagnostics.Append(readActionConfig(ctx, req, &m)...)
	limit, diags := durationOr(m.Timeout, defaultAutomationTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	run := newRun(a.data, automationRuns, m.ProjectID, waitSettings{limit: limit, timeout: actionTimeout}, invoking)
	ctx, run.progress = actionProgress(ctx, resp)
	run.launch(ctx, runningAutomation(run, m.AutomationID.ValueString()))
	resp.Diagnostics.Append(run.diags...)
}
