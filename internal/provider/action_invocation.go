package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
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

// invocation readies the run of one action invocation of op: its client
// and project (projectID, or the provider's; none for an unscoped kind),
// its wait settings (def bounds it by default), and its progress, which
// stops once ctx ends. ctx is bounded by the timeout. run is nil when the
// arguments were wrong (resp says why).
func invocation[T any](ctx context.Context, d *providerData, op *operation[T], projectID types.String, w actionWaitArgs,
	def time.Duration, resp *action.InvokeResponse) (context.Context, *run[T], context.CancelFunc) {
	client, project, diags := d.clientFor(projectID)
	if op.unscoped {
		project = ""
		client, diags = d.keyedClient()
	}
	resp.Diagnostics.Append(diags...)
	settings, diags := w.settings(def)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return ctx, nil, func() {}
	}
	ctx, cancel := context.WithTimeout(ctx, settings.limit)
	ctx, progress := actionProgress(ctx, resp)
	return ctx, &run[T]{op: op, data: d, client: client, project: project, settings: settings, holder: invoking, progress: progress}, cancel
}

// readActionConfig reads an action's configuration into m. An action block
// without a config block has none: every argument is left unset.
func readActionConfig(ctx context.Context, req action.InvokeRequest, m any) diag.Diagnostics {
	if req.Config.Raw.IsNull() {
		return nil
	}
	return req.Config.Get(ctx, m)
}
