package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var _ ephemeral.EphemeralResourceWithConfigure = &staticExportBundle{}

// NewStaticExportBundleEphemeralResource is the mintlify_static_export_bundle
// ephemeral resource: a fresh link to an export's bundle, at each plan and
// apply, never stored.
func NewStaticExportBundleEphemeralResource() ephemeral.EphemeralResource {
	return &staticExportBundle{ephemeralBase{name: "static_export_bundle"}}
}

type staticExportBundle struct{ ephemeralBase }

// linkFields are what an open reports of the bundle.
var linkFields = fields[*mintlify.StaticExportBundle]{
	{name: "url", sensitive: true, doc: "A presigned link to the export's bundle, a credential: for write-only arguments (such as " +
		"`set_wo` of `helm_release`) and provider configuration, which keep it out of state and plans. It expires at `expires_at`.",
		value: func(b *mintlify.StaticExportBundle) tftypes.Value { return tfString(b.BundleURL) }},
	timestamp("expires_at", "When `url` expires, in RFC 3339 format.", func(b *mintlify.StaticExportBundle) *mintlify.Time { return b.ExpiresAt }),
	integer("size_bytes", "The bundle's size in bytes.", func(b *mintlify.StaticExportBundle) int64 { return b.SizeBytes }),
}

func (e *staticExportBundle) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	attrs := ephemeralAttributes(linkFields.dataSourceAttributes())
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The job ID of a static export that has completed, such as `mintlify_static_export.docs.id`.",
		Required:            true,
		Validators:          []validator.String{validators.NotBlank},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A fresh link to the bundle of a static export that has completed, asked for once each time Terraform " +
			"opens it (at each plan and each apply) and never stored: not in the state, not in a saved plan. Hand it to a " +
			"write-only argument, such as `set_wo` of `helm_release` (hashicorp/helm 3.x) with a `set_wo_revision` that grows " +
			"with each new export. While the export's ID is unknown (an export planned in the same run), Terraform opens it " +
			"at apply. Needs Terraform 1.10 or later, or OpenTofu 1.11 or later.",
		Attributes: attrs,
	}
}

// Open asks Mintlify for a link: one call. An export that has not completed
// has no bundle yet: the error says how it stands (one more call).
func (e *staticExportBundle) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	result, diags := newRawState(req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	client, diags := e.data.keyedClient()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := result.string("id")
	s := about(staticExports.kind, "", id)
	b, err := client.StaticExportBundle(ctx, id)
	var notReady *mintlify.BundleNotReadyError
	var notFound *mintlify.NotFoundError
	switch {
	case errors.As(err, &notReady):
		resp.Diagnostics.Append(bundleNotReady(ctx, e.data, client, s))
		return
	case errors.As(err, &notFound):
		resp.Diagnostics.AddAttributeError(idPath, "Static export not found", s.notFound(notFound.Message))
		return
	case err != nil:
		resp.Diagnostics.AddError("Could not get the bundle of the Mintlify static export", e.data.explain(ctx, err, s))
		return
	}
	linkFields.write(result, b)
	resp.Result.Raw = result.value()
}

// bundleNotReady explains a bundle asked for before its export completed,
// naming how the export stands.
func bundleNotReady(ctx context.Context, d *providerData, c *mintlify.Client, s situation) diag.Diagnostic {
	detail := fmt.Sprintf("Static export %s has not completed, so it has no bundle yet.", s.id)
	if export, err := c.GetStaticExport(ctx, s.id); err == nil {
		s.status = export.Status
		detail = fmt.Sprintf("Static export %s is %q (%v %%, %d pages), so it has no bundle yet.", s.id, export.Status,
			percent(export.Progress), export.PageCount)
		if export.Status == mintlify.StaticExportFailed {
			detail = sentences(fmt.Sprintf("Static export %s failed, so it has no bundle.", s.id), staticExports.failure(export),
				"Start a new export.")
		}
	}
	return diag.NewAttributeErrorDiagnostic(idPath, "The static export has no bundle yet", sentences(detail,
		"Read its link once it has completed: depend on a mintlify_static_export resource that waits for it "+
			"(wait_for_completion, the default), or apply again later."))
}
