package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

// NewStaticExportAction exports the docs as a side effect (Terraform 1.14
// actions).
func NewStaticExportAction() action.Action {
	return &operationAction[*mintlify.StaticExport, staticExportActionArgs]{
		actionBase: actionBase{name: "static_export"}, schema: staticExportActionSchema, timeout: defaultStaticExportTimeout,
		op: func(staticExportActionArgs) *followable[*mintlify.StaticExport] { return staticExports },
		launch: func(r *followedRun[*mintlify.StaticExport], m staticExportActionArgs) launching[*mintlify.StaticExport] {
			l := exporting(r, m.request())
			l.after = func(ctx context.Context, e *mintlify.StaticExport, _ time.Time) (*mintlify.StaticExport, bool) {
				reportBundle(ctx, r, e)
				return e, true
			}
			return l
		},
	}
}

type staticExportActionArgs struct {
	noProject
	Domain  types.String `tfsdk:"domain"`
	Version types.String `tfsdk:"version"`
	Paths   types.List   `tfsdk:"paths"`
	actionWaitArgs
}

func (m staticExportActionArgs) request() mintlify.StaticExportRequest {
	return staticExportArgs{Domain: m.Domain, Version: m.Version, Paths: m.Paths}.request()
}

// reportBundle tells, of an export that completed, its bundle's size and
// when a link to it expires, and how to get one: never the link itself, a
// credential that would stay in every log of the run.
func reportBundle(ctx context.Context, r *followedRun[*mintlify.StaticExport], e *mintlify.StaticExport) {
	if e.Status != mintlify.StaticExportCompleted {
		return
	}
	b, failed := bundleOf(ctx, r.data, r.client, e.JobID, diag.SeverityWarning,
		"The export has completed: read a link to its bundle later with the mintlify_static_export_bundle ephemeral resource.")
	if failed != nil {
		r.diags.Append(failed)
		return
	}
	r.report("Static export %s: bundle of %d bytes; a link lasts until %s. Read one with the mintlify_static_export_bundle "+
		"ephemeral resource (id = %q) or the mintlify_static_export data source.", e.JobID, b.SizeBytes, expiry(b), e.JobID)
}

func staticExportActionSchema() schema.Schema {
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
	return schema.Schema{
		MarkdownDescription: "Exports the docs into a static bundle as a side effect of another change (`action_trigger`), or " +
			"on demand with `terraform apply -invoke`, reporting its progress and ending with the export's job ID, its page " +
			"count, and its bundle's size. It never prints a link to the bundle, a credential that would stay in the run's " +
			"logs: read one with the `mintlify_static_export_bundle` ephemeral resource. Nothing is kept in state. Static " +
			"export is in private beta on Enterprise plans. Needs Terraform 1.14 or later.",
		Attributes: attrs,
	}
}
