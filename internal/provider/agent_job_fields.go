package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

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

// jobFieldSpec documents a reported attribute once for both schemas.
type jobFieldSpec struct {
	name, doc string
	kind      string // "string", "model", "time" or "source"
}

func (f jobFieldSpec) customType() basetypes.StringTypable {
	switch f.kind {
	case "time":
		return timetypes.RFC3339Type{}
	case "model":
		return modelType{}
	}
	return nil
}

var jobFieldSpecs = []jobFieldSpec{
	{"status", "The job's status: `active` while the agent works, then `completed`, `failed` or `archived`. " +
		"A status the API adds later is shown as the API sends it.", "string"},
	{"model", "The AI model that runs the job, as the API names it (for example `claude-sonnet-4-5`).", "model"},
	{"pr_link", "The URL of the pull request the agent opened; null while the job is active or when it changed no files.", "string"},
	{"created_at", "When the job was created, in RFC 3339 format.", "time"},
	{"archived_at", "When the job was archived, in RFC 3339 format; null unless it is archived.", "time"},
	{"source", "The repository the agent works on: `repository` (its URL) and `ref` (the branch; may be null).", "source"},
}

// jobResourceAttributes are the reported attributes as computed resource
// attributes. They keep their state value in a plan: only the API changes them.
func jobResourceAttributes() map[string]rschema.Attribute {
	out := map[string]rschema.Attribute{}
	for _, f := range jobFieldSpecs {
		switch f.kind {
		case "source":
			out[f.name] = rschema.SingleNestedAttribute{
				MarkdownDescription: f.doc, Computed: true,
				Attributes: map[string]rschema.Attribute{
					"repository": rschema.StringAttribute{Computed: true, MarkdownDescription: "The URL of the GitHub repository."},
					"ref":        rschema.StringAttribute{Computed: true, MarkdownDescription: "The branch the agent works on; may be null."},
				},
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
			}
		default:
			a := rschema.StringAttribute{MarkdownDescription: f.doc, Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
			a.CustomType = f.customType()
			out[f.name] = a
		}
	}
	return out
}

// jobDataSourceAttributes are the reported attributes for a data source.
func jobDataSourceAttributes() map[string]dschema.Attribute {
	out := map[string]dschema.Attribute{}
	for _, f := range jobFieldSpecs {
		switch f.kind {
		case "source":
			out[f.name] = dschema.SingleNestedAttribute{
				MarkdownDescription: f.doc, Computed: true,
				Attributes: map[string]dschema.Attribute{
					"repository": dschema.StringAttribute{Computed: true, MarkdownDescription: "The URL of the GitHub repository."},
					"ref":        dschema.StringAttribute{Computed: true, MarkdownDescription: "The branch the agent works on; may be null."},
				},
			}
		default:
			a := dschema.StringAttribute{MarkdownDescription: f.doc, Computed: true, CustomType: f.customType()}
			out[f.name] = a
		}
	}
	return out
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
	f.Source, d = types.ObjectValueFrom(ctx, sourceAttrTypes, struct {
		Repository types.String `tfsdk:"repository"`
		Ref        types.String `tfsdk:"ref"`
	}{types.StringValue(job.Source.Repository), types.StringPointerValue(job.Source.Ref)})
	diags.Append(d...)
	return diags
}

// rfc3339 keeps a time exactly as the API wrote it, fractional seconds
// included, so comparing it with another time the API sent is exact.
func rfc3339(t *mintlify.Time) (timetypes.RFC3339, diag.Diagnostics) {
	if t == nil {
		return timetypes.NewRFC3339Null(), nil
	}
	return timetypes.NewRFC3339Value(t.Text)
}
