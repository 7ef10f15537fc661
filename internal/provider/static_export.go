package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// staticExports is the static export as an operation: Mintlify renders a
// site into one bundle (queued, running with progress, then completed or
// failed), and a completed one hands out links to its bundle.
var staticExports = &operation[*mintlify.StaticExport]{
	kind: kind{
		noun: "static export", idNoun: "job ID", dataSource: "mintlify_static_export",
		feature:    "static export (Enterprise plans, in private beta)",
		lookup:     "the project's exports in the Mintlify dashboard (the API has no listing of them)",
		importable: true,
		again:      "change triggers or replace the resource (apply with -replace)",
		stays:      "The export and its bundle stay in Mintlify; links already handed out work until they expire.",
		unscoped:   true,
	},
	follow: wait.Kind[*mintlify.StaticExport]{
		Name:     "static export",
		ID:       func(e *mintlify.StaticExport) string { return e.JobID },
		Status:   func(e *mintlify.StaticExport) string { return e.Status },
		Terminal: mintlify.IsStaticExportTerminal,
		Known:    mintlify.IsKnownStaticExportStatus,
	},
	get: func(ctx context.Context, c *mintlify.Client, _, id string) (*mintlify.StaticExport, error) {
		return c.GetStaticExport(ctx, id)
	},
	failedStatus: mintlify.StaticExportFailed,
	failure: func(e *mintlify.StaticExport) string {
		if e.Error == "" {
			return "See the export in the Mintlify dashboard for what went wrong."
		}
		return fmt.Sprintf("Mintlify says: %q.", e.Error)
	},
	progress: func(e *mintlify.StaticExport) string {
		return fmt.Sprintf("%.0f %%, %d pages", e.Progress, e.PageCount)
	},
	steady: wait.GatingSteady,
}

const defaultStaticExportTimeout = 30 * time.Minute

// linkMargin is how long before its expiry a bundle link is renewed at a
// refresh: a plan hands the link on (to Helm, say), which fetches the
// bundle some minutes later, so a link about to expire is as bad as one
// that has.
const linkMargin = 15 * time.Minute

// staticExportWaits document the resource's and the action's wait arguments.
var staticExportWaits = waitDocs{noun: "export", ends: "`completed` or `failed`", failed: mintlify.StaticExportFailed,
	started: mintlify.StaticExportQueued, refreshes: "; a later refresh updates it, and asks for the bundle's link once it has completed",
	timeout: defaultStaticExportTimeout, steady: wait.GatingSteady}

// staticExportFields are what the API reports about an export, on the
// resource and the data source.
var staticExportFields = fields[*mintlify.StaticExport]{
	text("status", "The export's status: `queued`, then `running`, then `completed` or `failed`. "+
		"A status the API adds later is shown as the API sends it.", func(e *mintlify.StaticExport) string { return e.Status }),
	number("progress", "How far the export has got, in percent, from 0 to 100.", func(e *mintlify.StaticExport) float64 { return e.Progress }),
	integer("page_count", "How many pages have been exported so far.", func(e *mintlify.StaticExport) int64 { return int64(e.PageCount) }),
	timestamp("created_at", "When the export was started, in RFC 3339 format, as the API sent it.",
		func(e *mintlify.StaticExport) *mintlify.Time { return e.CreatedAt }),
	timestamp("updated_at", "When the export last changed, in RFC 3339 format, as the API sent it.",
		func(e *mintlify.StaticExport) *mintlify.Time { return e.UpdatedAt }),
	text("error", "What went wrong, as Mintlify says it; null unless the export failed.", func(e *mintlify.StaticExport) string { return e.Error }),
}

// bundleFields are what the API reports about a completed export's bundle.
var bundleFields = fields[*mintlify.StaticExportBundle]{
	{name: "bundle_url", sensitive: true, doc: "A presigned link to the export's bundle, for `staticExport.bundleUrl` of Mintlify's " +
		"Enterprise Helm chart. It is a credential, so it is sensitive; it expires at `bundle_expires_at`, and a refresh asks for a " +
		"fresh one when it has expired or expires within `" + durationText(linkMargin) + "`. Null until the export has completed.",
		value: func(b *mintlify.StaticExportBundle) tftypes.Value { return tfString(b.BundleURL) }},
	integer("bundle_size_bytes", "The bundle's size in bytes; null until the export has completed.",
		func(b *mintlify.StaticExportBundle) int64 { return b.SizeBytes }),
	timestamp("bundle_expires_at", "When `bundle_url` expires, in RFC 3339 format; null until the export has completed.",
		func(b *mintlify.StaticExportBundle) *mintlify.Time { return b.ExpiresAt }),
}

// exportValues are the values of an export and, when there is one, its
// bundle.
func exportValues(e *mintlify.StaticExport, b *mintlify.StaticExportBundle) map[string]tftypes.Value {
	values := staticExportFields.values(e)
	if b != nil {
		for name, v := range bundleFields.values(b) {
			values[name] = v
		}
	}
	return values
}

// linkExpiresSoon reports whether a bundle link that expires at expires
// (RFC 3339; "" when there is no link) must be renewed now.
func linkExpiresSoon(expires string, now time.Time) bool {
	at, err := time.Parse(time.RFC3339Nano, expires)
	return err != nil || !now.Add(linkMargin).Before(at)
}

// bundleOf asks for a link to the bundle of export id, which has
// completed. When Mintlify does not give one, it says why, with then (what
// becomes of the export), as a diagnostic of severity.
func bundleOf(ctx context.Context, d *providerData, c *mintlify.Client, id, then string, severity diag.Severity) (*mintlify.StaticExportBundle, diag.Diagnostic) {
	b, err := c.StaticExportBundle(ctx, id)
	if err == nil {
		return b, nil
	}
	summary, detail := "Could not get the bundle of the Mintlify static export", sentences(
		fmt.Sprintf("Static export %s has completed, but asking Mintlify for a link to its bundle failed.", id),
		d.explain(ctx, err, about{noun: staticExports.noun, id: id}), then)
	if severity == diag.SeverityWarning {
		return nil, diag.NewWarningDiagnostic(summary, detail)
	}
	return nil, diag.NewErrorDiagnostic(summary, detail)
}

// expires says when a bundle's link expires, for progress.
func expires(b *mintlify.StaticExportBundle) string {
	if b.ExpiresAt == nil {
		return "at a time Mintlify did not say"
	}
	return "at " + b.ExpiresAt.Text
}
