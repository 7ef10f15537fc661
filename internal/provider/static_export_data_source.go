package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// NewStaticExportDataSource is the mintlify_static_export data source.
func NewStaticExportDataSource() datasource.DataSource {
	return &operationDataSource[*mintlify.StaticExport]{
		dataSourceBase: dataSourceBase{name: "static_export"}, op: staticExports,
		doc: "Reads a static export by its job ID: its status and progress and, once it has completed, a link to its bundle, " +
			"fresh at every read. It does not wait for the export to end; use the `mintlify_static_export` resource to start " +
			"one and wait for it.\n\n" +
			"A data source's results are stored in the state, and so is this link, a credential; a new one is asked for at " +
			"every plan, so the state and what reads `bundle_url` change every time. On Terraform 1.10 or later and OpenTofu " +
			"1.11 or later, read the link with the `mintlify_static_export_bundle` ephemeral resource instead: it is never stored.",
		idDoc:  "The job ID of the static export to read.",
		fields: staticExportFields,
		extra:  bundleFields.dataSourceAttributes(),
		more: func(ctx context.Context, d *providerData, c *mintlify.Client, e *mintlify.StaticExport, state *rawState, diags *diag.Diagnostics) {
			if e.Status != mintlify.StaticExportCompleted {
				return
			}
			if b, failed := bundleOf(ctx, d, c, e.JobID, diag.SeverityError, ""); failed != nil {
				diags.Append(failed)
			} else {
				bundleFields.write(state, b)
			}
		},
	}
}

// bundleFields are what the data source reports of a completed export's
// bundle.
var bundleFields = fields[*mintlify.StaticExportBundle]{
	{name: "bundle_url", sensitive: true, doc: "A presigned link to the export's bundle, asked for at this read, for " +
		"`staticExport.bundleUrl` of Mintlify's Enterprise Helm chart. It is a credential: sensitive, which hides it on screen, " +
		"but stored in the state like every data source result, and new at every read. It expires at `bundle_expires_at`. " +
		"Null until the export has completed.",
		value: func(b *mintlify.StaticExportBundle) tftypes.Value { return tfString(b.BundleURL) }},
	integer("bundle_size_bytes", "The bundle's size in bytes; null until the export has completed.",
		func(b *mintlify.StaticExportBundle) int64 { return b.SizeBytes }),
	timestamp("bundle_expires_at", "When `bundle_url` expires, in RFC 3339 format; null until the export has completed.",
		func(b *mintlify.StaticExportBundle) *mintlify.Time { return b.ExpiresAt }),
}
