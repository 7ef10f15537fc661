package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// actionWait are the arguments of an action that starts an operation in a
// project and waits for it; each action's model embeds them.
type actionWait struct {
	ProjectID         types.String `tfsdk:"project_id"`
	WaitForCompletion types.Bool   `tfsdk:"wait_for_completion"`
	AllowFailure      types.Bool   `tfsdk:"allow_failure"`
	PollInterval      types.String `tfsdk:"poll_interval"`
	Timeout           types.String `tfsdk:"timeout"`
}

// actionWaitAttributes are actionWait's attributes, for an operation of
// kind that fails with status failed, and waits at most timeout by default.
func actionWaitAttributes(kind, failed string, timeout time.Duration) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"project_id": schema.StringAttribute{
			MarkdownDescription: "The project. Defaults to the provider's `project_id`.",
			Optional:            true,
			Validators:          []validator.String{projectIDValidator},
		},
		"wait_for_completion": schema.BoolAttribute{
			MarkdownDescription: fmt.Sprintf("Wait for the %s to end before the action completes. Defaults to `true`.", kind),
			Optional:            true,
		},
		"allow_failure": schema.BoolAttribute{
			MarkdownDescription: fmt.Sprintf("Accept a %s that ends `%s` instead of failing the action. Defaults to `false`.", kind, failed),
			Optional:            true,
		},
		"poll_interval": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("The longest wait between two status checks, as a Go duration; at least `%s`. Defaults to `%q`.",
				durationText(wait.MinInterval), durationText(wait.DefaultCap)),
			Optional:   true,
			Validators: []validator.String{minDuration(wait.MinInterval)},
		},
		"timeout": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("How long to start the %s and wait for it, as a Go duration. Defaults to `%q`.",
				kind, durationText(timeout)),
			Optional:   true,
			Validators: []validator.String{positiveDuration(durationText(timeout))},
		},
	}
}

// invocation is an action's run: the client and project it uses, how long
// it may take and how far apart it polls, and how it reports progress.
type invocation struct {
	client       *mintlify.Client
	project      string
	limit, cap   time.Duration
	allowFailure bool
	waits        bool
	progress     func(format string, args ...any)
}

// begin reads the wait settings of an invocation, whose default timeout is
// timeout, and returns ctx bounded by it.
func (w actionWait) begin(ctx context.Context, data *providerData, timeout time.Duration, resp *action.InvokeResponse) (
	context.Context, context.CancelFunc, *invocation, diag.Diagnostics) {
	var diags, more diag.Diagnostics
	inv := &invocation{
		allowFailure: w.AllowFailure.ValueBool(),
		waits:        w.WaitForCompletion.IsNull() || w.WaitForCompletion.ValueBool(),
		progress: func(format string, args ...any) {
			resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf(format, args...)})
		},
	}
	inv.client, inv.project, diags = data.clientFor(w.ProjectID)
	inv.limit, more = durationOr(w.Timeout, timeout, "timeout")
	diags.Append(more...)
	inv.cap, more = durationOr(w.PollInterval, wait.DefaultCap, "poll_interval")
	diags.Append(more...)
	ctx, cancel := context.WithTimeout(ctx, inv.limit)
	return ctx, cancel, inv, diags
}

// actionTimeout names the setting that bounds an action's wait.
const actionTimeout = "the action's timeout"
