package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// deploymentFields are the attributes the API reports about a production
// or preview deployment, the same on the resources and the data source.
type deploymentFields struct {
	Status        types.String      `tfsdk:"status"`
	Summary       types.String      `tfsdk:"summary"`
	Subdomain     types.String      `tfsdk:"subdomain"`
	TriggerSource types.String      `tfsdk:"trigger_source"`
	CreatedAt     timetypes.RFC3339 `tfsdk:"created_at"`
	EndedAt       timetypes.RFC3339 `tfsdk:"ended_at"`
	Commit        types.Object      `tfsdk:"commit"`
}

var commitAttrTypes = map[string]attr.Type{
	"sha":     types.StringType,
	"ref":     types.StringType,
	"message": types.StringType,
}

var deploymentFieldSpecs = []reportedField{
	{name: "status", doc: "The deployment's status: `queued`, then `in_progress`, then `success` or `failure`. " +
		"A status the API adds later is shown as the API sends it."},
	{name: "summary", doc: "Mintlify's summary of the deployment, such as what failed; null until it reports one."},
	{name: "subdomain", doc: "The subdomain of the documentation site being deployed."},
	{name: "trigger_source", doc: "What started the deployment, as the API's `source` names it: `api` for deployments " +
		"started through the API, as this provider does; `github`, `dashboard` and others for the rest."},
	{name: "created_at", kind: fieldTime, doc: "When the deployment was queued, in RFC 3339 format, as the API sent it."},
	{name: "ended_at", kind: fieldTime, doc: "When the deployment ended, in RFC 3339 format; null until it ends."},
	{name: "commit", kind: fieldObject, doc: "The commit the deployment publishes: `sha`, `ref` (the branch) and `message`.",
		fields: [][2]string{{"sha", "The commit's SHA."}, {"ref", "The branch the commit is on."}, {"message", "The commit message."}}},
}

// queued is what is known of a deployment just triggered: its status, and
// nothing the API has not reported yet.
func (f *deploymentFields) queued() {
	*f = deploymentFields{
		Status: types.StringValue(mintlify.DeploymentQueued), Summary: types.StringNull(), Subdomain: types.StringNull(),
		TriggerSource: types.StringNull(), CreatedAt: timetypes.NewRFC3339Null(), EndedAt: timetypes.NewRFC3339Null(),
		Commit: types.ObjectNull(commitAttrTypes),
	}
}

// set copies what the API reported into the fields; what it left out is null.
func (f *deploymentFields) set(ctx context.Context, d *mintlify.Deployment) diag.Diagnostics {
	var diags, more diag.Diagnostics
	f.Status = types.StringValue(d.Status)
	f.Summary = stringOrNull(d.Summary)
	f.Subdomain = stringOrNull(d.Subdomain)
	f.TriggerSource = stringOrNull(d.Source)
	f.CreatedAt, more = rfc3339(d.CreatedAt)
	diags.Append(more...)
	f.EndedAt, more = rfc3339(d.EndedAt)
	diags.Append(more...)
	f.Commit, more = types.ObjectValue(commitAttrTypes, map[string]attr.Value{
		"sha": stringOrNull(d.Commit.SHA), "ref": stringOrNull(d.Commit.Ref), "message": stringOrNull(d.Commit.Message),
	})
	diags.Append(more...)
	return diags
}

// deploymentFailure is what a failed deployment reports: its summary and
// its last log lines.
func deploymentFailure(d *mintlify.Deployment) string {
	var b strings.Builder
	if d.Summary != "" {
		fmt.Fprintf(&b, "Mintlify says: %q. ", d.Summary)
	}
	if logs := d.Logs[max(len(d.Logs)-5, 0):]; len(logs) > 0 {
		b.WriteString("Its last log lines:\n  " + strings.Join(logs, "\n  ") + "\n")
	}
	b.WriteString("See the deployment in the Mintlify dashboard for its full logs.")
	return b.String()
}
