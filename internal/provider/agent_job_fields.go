package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// jobFields are the attributes the API reports about a job, the same on the
// resource and the data source.
type jobFields struct {
	Status     types.String      `tfsdk:"status"`
	Model      modelValue        `tfsdk:"model"`
	PRLink     types.String      `tfsdk:"pr_link"`
	CreatedAt  timetypes.RFC3339 `tfsdk:"created_at"`
	ArchivedAt timetypes.RFC3339 `tfsdk:"archived_at"`
	Source     types.Object      `tfsdk:"source"`
}

var sourceAttrTypes = map[string]attr.Type{
	"repository": types.StringType,
	"ref":        types.StringType,
}

var jobFieldSpecs = []reportedField{
	{name: "status", doc: "The job's status: `active` while the agent works, then `completed`, `failed` or `archived`. " +
		"A status the API adds later is shown as the API sends it."},
	{name: "model", kind: fieldModel, doc: "The AI model that runs the job, as the API names it (for example `claude-sonnet-4-5`)."},
	{name: "pr_link", doc: "The URL of the pull request the agent opened; null while the job is active or when it changed no files."},
	{name: "created_at", kind: fieldTime, doc: "When the job was created, in RFC 3339 format, as the API sent it."},
	{name: "archived_at", kind: fieldTime, doc: "When the job was archived, in RFC 3339 format; null unless it is archived."},
	{name: "source", kind: fieldObject, doc: "The repository the agent works on: `repository` (its URL) and `ref` (the branch; may be null).",
		fields: [][2]string{{"repository", "The URL of the GitHub repository."}, {"ref", "The branch the agent works on; may be null."}}},
}

// set copies what the API reported into the fields.
func (f *jobFields) set(ctx context.Context, job *mintlify.AgentJob) diag.Diagnostics {
	var diags, d diag.Diagnostics
	f.Status = types.StringValue(job.Status)
	// A v1 job is saved before the API has reported its model: keep what
	// is configured (or null) until it does.
	if job.Model != "" || f.Model.IsUnknown() {
		f.Model = newModelValue(job.Model)
	}
	f.PRLink = types.StringPointerValue(job.PRLink)
	f.CreatedAt, d = rfc3339(job.CreatedAt)
	diags.Append(d...)
	f.ArchivedAt, d = rfc3339(job.ArchivedAt)
	diags.Append(d...)
	f.Source, d = types.ObjectValue(sourceAttrTypes, map[string]attr.Value{
		"repository": types.StringValue(job.Source.Repository), "ref": types.StringPointerValue(job.Source.Ref),
	})
	diags.Append(d...)
	return diags
}

// attributes are the fields by attribute name.
func (f *jobFields) attributes() map[string]attr.Value {
	return map[string]attr.Value{"status": f.Status, "model": f.Model, "pr_link": f.PRLink, "created_at": f.CreatedAt,
		"archived_at": f.ArchivedAt, "source": f.Source}
}

// rfc3339 keeps a time exactly as the API wrote it, fractional seconds
// included, so comparing it with another time the API sent is exact.
func rfc3339(t *mintlify.Time) (timetypes.RFC3339, diag.Diagnostics) {
	if t == nil {
		return timetypes.NewRFC3339Null(), nil
	}
	return timetypes.NewRFC3339Value(t.Text)
}
