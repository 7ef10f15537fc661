package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/action"
	aschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/provider/customtypes"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// The arguments that say how to wait for an operation, the same on every
// resource and action of a long-running kind: their docs, their defaults
// and how they become a run's waitSettings are written here once.

// waitDocs describe the wait arguments of one kind.
type waitDocs struct {
	// noun is what is waited for, such as "job".
	noun string
	// ends lists its final statuses, failed the one it fails with.
	ends, failed string
	// started is its status as the start returns it; refreshes says what
	// a resource's later refreshes show when the apply did not wait.
	started, refreshes string
	// timeout is how long it may take by default.
	timeout time.Duration
	// steady is the age up to which it is checked every second.
	steady time.Duration
}

// waitForCompletion documents wait_for_completion of what goes on (the
// apply, the action) and then shows what (refreshes, for a resource).
func (d waitDocs) waitForCompletion(goesOn, then string) string {
	return fmt.Sprintf("Wait for the %s to end (%s) before %s goes on. Defaults to `true`. With `false`, it returns as soon as "+
		"the %s has started, with status `%s`%s.", d.noun, d.ends, goesOn, d.noun, d.started, then)
}

// allowFailure documents allow_failure of what fails (the apply, the
// action); kept says what is left of a failed one.
func (d waitDocs) allowFailure(whatFails, kept string) string {
	return fmt.Sprintf("Accept %s %s that ends `%s`: %s succeeds, with a warning that names it, and the status says `%s`. "+
		"Defaults to `false`, where a failed %s fails %s%s.", article(d.noun), d.noun, d.failed, whatFails, d.failed, d.noun, whatFails, kept)
}

func (d waitDocs) pollInterval() string {
	first := "Checks start 1 s apart"
	if d.steady > 0 {
		first = fmt.Sprintf("Checks come 1 s apart for the first %s", durationText(d.steady))
	}
	return fmt.Sprintf("The longest wait between two status checks, as a Go duration such as `\"15s\"`; at least `%s`. Defaults to `%q`. "+
		"%s and space out to 10 %% of the %s's age, up to this cap, so the provider notices that it ended "+
		"within 1 s or 10 %% of its age with few API calls; a smaller cap notices long ones sooner for more calls.",
		durationText(wait.MinInterval), durationText(wait.DefaultCap), first, d.noun)
}

func (d waitDocs) createTimeout() string {
	return fmt.Sprintf("How long to start the %s and wait for it to end, as a Go duration such as `\"45m\"`. Defaults to `%s`. "+
		"When it runs out the apply fails, and the %s stays in state, marked tainted.", d.noun, durationText(d.timeout), d.noun)
}

// waitArgs are a resource's wait arguments; its model embeds them.
type waitArgs struct {
	WaitForCompletion types.Bool           `tfsdk:"wait_for_completion"`
	AllowFailure      types.Bool           `tfsdk:"allow_failure"`
	PollInterval      customtypes.Duration `tfsdk:"poll_interval"`
	Timeouts          timeouts.Value       `tfsdk:"timeouts"`
}

// resourceWaitAttributes are waitArgs' attributes; update, when set, also
// documents timeouts.update.
func resourceWaitAttributes(ctx context.Context, d waitDocs, update string) (map[string]rschema.Attribute, diag.Diagnostics) {
	timeoutsAttr, diags := timeoutsAttribute(ctx, timeouts.Opts{Create: true, CreateDescription: d.createTimeout(),
		Update: update != "", UpdateDescription: update})
	return map[string]rschema.Attribute{
		"wait_for_completion": rschema.BoolAttribute{MarkdownDescription: d.waitForCompletion("the apply", d.refreshes), Optional: true},
		"allow_failure": rschema.BoolAttribute{Optional: true,
			MarkdownDescription: d.allowFailure("the apply", fmt.Sprintf(" (the %s stays in state, marked tainted)", d.noun))},
		"poll_interval": rschema.StringAttribute{MarkdownDescription: d.pollInterval(), Optional: true,
			CustomType: customtypes.DurationType{}, Validators: []validator.String{validators.AtLeast(wait.MinInterval)}},
		"timeouts": timeoutsAttr,
	}, diags
}

func (w waitArgs) waiting() waitArgs { return w }

// waits reports whether the resource waits for completion.
func (w waitArgs) waits() bool { return waitsFor(w.WaitForCompletion) }

// waitsFor is wait_for_completion's value, true (its default) when unset.
func waitsFor(v types.Bool) bool { return v.IsNull() || v.ValueBool() }

// settings are how a resource's create (or update, when update is set)
// waits, bounded by its timeout or def.
func (w waitArgs) settings(ctx context.Context, update bool, def time.Duration) (waitSettings, diag.Diagnostics) {
	s := waitSettings{timeout: "timeouts.create", waits: w.waits(), allowFailure: w.AllowFailure.ValueBool()}
	var diags, more diag.Diagnostics
	if update {
		s.timeout = "timeouts.update"
		s.limit, diags = w.Timeouts.Update(ctx, def)
	} else {
		s.limit, diags = w.Timeouts.Create(ctx, def)
	}
	s.cap, more = durationOr(w.PollInterval, wait.DefaultCap)
	diags.Append(more...)
	return s, diags
}

// actionWait are an action's wait arguments, and its project; each
// action's model embeds them (an action of an unscoped kind, the wait
// arguments alone).
type actionWait struct {
	projectArg
	actionWaitArgs
}

type actionWaitArgs struct {
	WaitForCompletion types.Bool           `tfsdk:"wait_for_completion"`
	AllowFailure      types.Bool           `tfsdk:"allow_failure"`
	PollInterval      customtypes.Duration `tfsdk:"poll_interval"`
	Timeout           customtypes.Duration `tfsdk:"timeout"`
}

func (w actionWaitArgs) waiting() actionWaitArgs { return w }

// actionTimeout names the setting that bounds an action's wait.
const actionTimeout = "the action's timeout"

// actionWaitAttributes are actionWait's attributes.
func actionWaitAttributes(d waitDocs) map[string]aschema.Attribute {
	attrs := actionWaitArgsAttributes(d)
	attrs["project_id"] = aschema.StringAttribute{
		MarkdownDescription: "The project. Defaults to the provider's `project_id`.",
		Optional:            true,
		Validators:          []validator.String{validators.ProjectID},
	}
	return attrs
}

// actionWaitArgsAttributes are actionWaitArgs' attributes.
func actionWaitArgsAttributes(d waitDocs) map[string]aschema.Attribute {
	return map[string]aschema.Attribute{
		"wait_for_completion": aschema.BoolAttribute{MarkdownDescription: d.waitForCompletion("the action", ""), Optional: true},
		"allow_failure":       aschema.BoolAttribute{MarkdownDescription: d.allowFailure("the action", ""), Optional: true},
		"poll_interval": aschema.StringAttribute{MarkdownDescription: d.pollInterval(), Optional: true,
			CustomType: customtypes.DurationType{}, Validators: []validator.String{validators.AtLeast(wait.MinInterval)}},
		"timeout": aschema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("How long to start the %s and wait for it, as a Go duration. Defaults to `%q`.",
				d.noun, durationText(d.timeout)),
			Optional:   true,
			CustomType: customtypes.DurationType{},
			Validators: []validator.String{validators.Positive(durationText(d.timeout))},
		},
	}
}

// settings are how the action waits, bounded by its timeout or def.
func (w actionWaitArgs) settings(def time.Duration) (waitSettings, diag.Diagnostics) {
	s := waitSettings{timeout: actionTimeout, waits: waitsFor(w.WaitForCompletion), allowFailure: w.AllowFailure.ValueBool()}
	var diags, more diag.Diagnostics
	s.limit, diags = durationOr(w.Timeout, def)
	s.cap, more = durationOr(w.PollInterval, wait.DefaultCap)
	diags.Append(more...)
	return s, diags
}

// progressKey carries an action's progress in a context, for what reports
// on the way (the client's waits on a rate limit).
type progressKey struct{}

// actionProgress sends an action's progress until ctx ends. Terraform
// stops reading an action's events when it is interrupted, and an event it
// no longer reads can crash it (Terraform 1.15 panics when one follows the
// event it stopped at): after that, the one thing left to say is the error.
func actionProgress(ctx context.Context, resp *action.InvokeResponse) (context.Context, func(format string, args ...any)) {
	progress := func(format string, args ...any) {
		if ctx.Err() == nil {
			resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf(format, args...)})
		}
	}
	return context.WithValue(ctx, progressKey{}, progress), progress
}

// progressOf is the progress an action reports through ctx; nothing for
// a resource.
func progressOf(ctx context.Context) func(format string, args ...any) {
	if p, ok := ctx.Value(progressKey{}).(func(string, ...any)); ok {
		return p
	}
	return func(string, ...any) {}
}
