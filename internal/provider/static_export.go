package provider

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// staticExports is the static export as an operation: Mintlify renders a
// site into one bundle (queued, running with progress, then completed or
// failed), and a completed one hands out links to its bundle.
var staticExports = &followable[*mintlify.StaticExport]{
	operation: operation[*mintlify.StaticExport]{
		kind: &kind{
			noun: "static export", idNoun: "job ID", exampleID: "se_3f9a2c1b8e7d4a06", dataSource: "mintlify_static_export",
			feature:    "static export (Enterprise plans, in private beta)",
			lookup:     "the project's exports in the Mintlify dashboard (the API has no listing of them)",
			importable: true,
			again:      "change triggers or replace the resource (apply with -replace)",
			stays:      "The export and its bundle stay in Mintlify; links already handed out work until they expire.",
			unscoped:   true,
		},
		id: func(e *mintlify.StaticExport) string { return e.JobID },
		describe: func(e *mintlify.StaticExport) string {
			return fmt.Sprintf("%s, %d pages", e.Status, e.PageCount)
		},
	},
	status:   func(e *mintlify.StaticExport) string { return e.Status },
	terminal: mintlify.IsStaticExportTerminal,
	known:    mintlify.IsKnownStaticExportStatus,
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
		return fmt.Sprintf("%v %%, %d pages", percent(e.Progress), e.PageCount)
	},
	steady: wait.GatingSteady,
}

const defaultStaticExportTimeout = 30 * time.Minute

// staticExportWaits document the resource's and the action's wait arguments.
var staticExportWaits = waitDocs{noun: "export", ends: "`completed` or `failed`", failed: mintlify.StaticExportFailed,
	started: mintlify.StaticExportQueued, refreshes: "; later refreshes update it", timeout: defaultStaticExportTimeout,
	steady: wait.GatingSteady}

// percent is a progress as Mintlify shows it, in whole percent: 100 only
// once it is done.
func percent(p float64) float64 { return math.Floor(p) }

// staticExportFields are what the API reports about an export, on the
// resource and the data source.
var staticExportFields = fields[*mintlify.StaticExport]{
	text("status", "The export's status: `queued`, then `running`, then `completed` or `failed`. "+
		"A status the API adds later is shown as the API sends it.", func(e *mintlify.StaticExport) string { return e.Status }),
	number("progress", "How far the export has got, in whole percent, from 0 to 100.",
		func(e *mintlify.StaticExport) float64 { return percent(e.Progress) }),
	integer("page_count", "How many pages have been exported so far.", func(e *mintlify.StaticExport) int64 { return int64(e.PageCount) }),
	timestamp("created_at", "When the export was started, in RFC 3339 format, as the API sent it.",
		func(e *mintlify.StaticExport) *mintlify.Time { return e.CreatedAt }),
	timestamp("updated_at", "When the export last changed, in RFC 3339 format, as the API sent it.",
		func(e *mintlify.StaticExport) *mintlify.Time { return e.UpdatedAt }),
	text("error", "What went wrong, as Mintlify says it; null unless the export failed.", func(e *mintlify.StaticExport) string { return e.Error }),
}

// exporting is the launch of an export of request.
func exporting(r *followedRun[*mintlify.StaticExport], request mintlify.StaticExportRequest) launching[*mintlify.StaticExport] {
	return launching[*mintlify.StaticExport]{
		start: func(ctx context.Context) (*mintlify.StaticExport, error) {
			return r.client.StartStaticExport(ctx, request)
		},
		started: func(e *mintlify.StaticExport) string {
			return fmt.Sprintf("Started static export %s of %s", e.JobID, request.Domain)
		},
	}
}

// bundleOf asks Mintlify for a link to the bundle of export id, which has
// completed; when it gives none, the diagnostic (of severity, ending with
// then) says why.
func bundleOf(ctx context.Context, d *providerData, c *mintlify.Client, id string, severity diag.Severity,
	then string) (*mintlify.StaticExportBundle, diag.Diagnostic) {
	b, err := c.StaticExportBundle(ctx, id)
	if err == nil {
		return b, nil
	}
	summary, detail := "Could not get the bundle of the Mintlify static export", sentences(
		fmt.Sprintf("Static export %s has completed, but asking Mintlify for a link to its bundle failed.", id),
		d.explain(ctx, err, about(staticExports.kind, "", id)), then)
	if severity == diag.SeverityWarning {
		return nil, diag.NewWarningDiagnostic(summary, detail)
	}
	return nil, diag.NewErrorDiagnostic(summary, detail)
}

// expiry is when a bundle's link expires.
func expiry(b *mintlify.StaticExportBundle) string {
	if b.ExpiresAt == nil {
		return "a time Mintlify did not say"
	}
	return b.ExpiresAt.Text
}
