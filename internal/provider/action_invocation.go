package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// actionBase is what every action does the same way: it is named, and
// configured with the provider's data. Each embeds it.
type actionBase struct {
	data *providerData
	// name is the type's name after the provider's, such as "deployment".
	name string
}

func (a *actionBase) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + a.name
}

func (a *actionBase) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// operationAction serves a followable kind as an action: each invocation
// launches one and reports its progress; nothing is kept. Each kind's
// action is a declaration of one (deployment_action.go).
type operationAction[T any, M actionArgs] struct {
	actionBase
	// op is the kind the arguments start (a deployment or a preview).
	op     func(M) *followable[T]
	schema func() schema.Schema
	// timeout bounds an invocation by default.
	timeout time.Duration
	// launch makes one launch of the kind for the arguments.
	launch func(r *followedRun[T], m M) launching[T]
}

// actionArgs is what an action's model of arguments (M) tells every action
// the same way: how to wait, and in which project.
type actionArgs interface {
	waiting() actionWaitArgs
	scope() types.String
}

func (a *operationAction[T, M]) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = a.schema()
}

func (a *operationAction[T, M]) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m M
	resp.Diagnostics.Append(readActionConfig(ctx, req, &m)...)
	settings, diags := m.waiting().settings(a.timeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	run := followedRunOf(a.data, a.op(m), m.scope(), settings, invoking)
	ctx, run.progress = actionProgress(ctx, resp)
	run.launch(ctx, a.launch(run, m))
	resp.Diagnostics.Append(run.diags...)
}

// readActionConfig reads an action's configuration into m. An action block
// without a config block has none: every argument is left unset.
func readActionConfig(ctx context.Context, req action.InvokeRequest, m any) diag.Diagnostics {
	if req.Config.Raw.IsNull() {
		return nil
	}
	return req.Config.Get(ctx, m)
}
