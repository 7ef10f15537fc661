package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var _ action.ActionWithConfigure = &staticExportAction{}

// NewStaticExportAction exports the docs as a side effect (Terraform 1.14
// actions).
func NewStaticExportAction() action.Action {
	return &staticExportAction{actionBase{name: "static_export"}}
}

type staticExportAction struct{ actionBase }

type staticExportActionModel struct {
	Domain  types.String `tfsdk:"domain"`
	Version types.String `tfsdk:"version"`
	Paths   types.List   `tfsdk:"paths"`
	actionWaitArgs
}

func (a *staticExportAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	attrs := actionWaitArgsAttributes(staticExportWaits)
	attrs["domain"] = schema.StringAttribute{
		MarkdownDescription: "The primary domain of the deployment to export, such as `docs.example.com`: the host name alone.",
		Required:            true,
		Validators:          []validator.String{validators.Hostname()},
	}
	attrs["version"] = schema.StringAttribute{
		MarkdownDescription: "A label for the export; the latest published version when unset.",
		Optional:            true,
		Validators:          []validator.String{validators.NotBlank},
	}
	attrs["paths"] = schema.ListAttribute{
		MarkdownDescription: "The page paths to export; every published page when unset.",
		ElementType:         types.StringType,
		Optional:            true,
		Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ValueStringsAre(validators.NotBlank)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Exports the docs into a static bundle as a side effect of another change (`action_trigger`), or " +
			"on demand with `terraform apply -invoke`, reporting its progress and ending with the export's job ID and a link " +
			"to its bundle. Nothing is kept in state. Static export is in private beta on Enterprise plans. Needs Terraform 1.14 or later.",
		Attributes: attrs,
	}
}

func (a *staticExportAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m staticExportActionModel
	resp.Diagnostics.Append(readActionConfig(ctx, req, &m)...)
	request := mintlify.StaticExportRequest{Domain: m.Domain.ValueString(), Version: m.Version.ValueString()}
	resp.Diagnostics.Append(m.Paths.ElementsAs(ctx, &request.Paths, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, run, cancel := invocation(ctx, a.data, staticExports, types.StringNull(), m.actionWaitArgs, defaultStaticExportTimeout, resp)
	defer cancel()
	if run == nil {
		return
	}
	defer func() { resp.Diagnostics.Append(run.diags...) }()

	start := a.data.clock.Now()
	export, err := run.client.StartStaticExport(ctx, request)
	if err != nil {
		run.startFailed(ctx, err)
		return
	}
	run.report("Started static export %s of %s", export.JobID, request.Domain)
	if !run.settings.waits {
		return
	}
	final, ok := run.wait(ctx, export, start)
	if !ok || final.Status != mintlify.StaticExportCompleted {
		return
	}
	bundle, failed := bundleOf(ctx, a.data, run.client, final.JobID, "", diag.SeverityError)
	if failed != nil {
		run.diags.Append(failed)
		return
	}
	run.report("Static export %s: completed, %d pages, bundle %s (expires %s)", final.JobID, final.PageCount, bundle.BundleURL,
		expires(bundle))
}
