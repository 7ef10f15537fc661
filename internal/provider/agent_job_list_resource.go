package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var _ list.ListResourceWithConfigure = &agentJobListResource{}

// NewAgentJobListResource lists jobs for terraform query.
func NewAgentJobListResource() list.ListResource { return &agentJobListResource{} }

type agentJobListResource struct {
	data *providerData
}

type agentJobListConfig struct {
	ProjectID types.String `tfsdk:"project_id"`
	Status    types.String `tfsdk:"status"`
}

func (l *agentJobListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_agent_job"
}

func (l *agentJobListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds a project's agent jobs for `terraform query`, newest first, each with its identity, so they can " +
			"be imported (and, with `-generate-config-out`, written as configuration that plans clean).",
		Attributes: map[string]schema.Attribute{
			"project_id": schema.StringAttribute{
				MarkdownDescription: "The project whose jobs to list. Defaults to the provider's `project_id`.",
				Optional:            true,
				Validators:          []validator.String{validators.ProjectID},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Only jobs with this status: `active`, `completed` or `failed`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(mintlify.StatusActive, mintlify.StatusCompleted, mintlify.StatusFailed)},
			},
		},
	}
}

func (l *agentJobListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *agentJobListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	// A list block without a config block has none: every argument unset.
	var cfg agentJobListConfig
	var diags diag.Diagnostics
	if !req.Config.Raw.IsNull() {
		diags = req.Config.Get(ctx, &cfg)
	}
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	client, project, diags := l.data.clientFor(cfg.ProjectID)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		sent := int64(0)
		for s, err := range client.Jobs(ctx, project, 0) {
			if err != nil {
				push(list.ListResult{Diagnostics: diag.Diagnostics{diag.NewErrorDiagnostic("Could not list the Mintlify agent jobs",
					l.data.explain(ctx, err, about(jobs.kind, project, "")))}})
				return
			}
			if !cfg.Status.IsNull() && s.Status() != cfg.Status.ValueString() {
				continue
			}
			sent++
			if !push(l.result(ctx, req, client, project, s)) || (req.Limit > 0 && sent >= req.Limit) {
				return
			}
		}
	}
}

// result is one listed job: its identity, a name that tells it apart, and,
// when asked, the resource as an import would read it.
func (l *agentJobListResource) result(ctx context.Context, req list.ListRequest, client *mintlify.Client, project string, s mintlify.Session) list.ListResult {
	r := req.NewListResult(ctx)
	r.DisplayName = displayName(s)
	r.Diagnostics.Append(r.Identity.Set(ctx, agentJobIdentity{ProjectID: types.StringValue(project), ID: types.StringValue(s.SessionID)})...)
	if !req.IncludeResource || r.Diagnostics.HasError() {
		return r
	}
	job, ok := jobs.read(ctx, l.data, client, project, s.SessionID, &r.Diagnostics)
	if ok {
		r.Resource.Raw = importedJob(r.Resource.Raw.Type(), project, job)
	}
	return r
}

// displayName tells listed jobs apart: title, status, branch, creation time.
func displayName(s mintlify.Session) string {
	parts := []string{s.Status()}
	if s.Branch != nil && *s.Branch != "" {
		parts = append(parts, *s.Branch)
	}
	parts = append(parts, s.CreatedAt.UTC().Format("2006-01-02 15:04 UTC"))
	name := strings.Join(parts, ", ")
	if s.Title != "" {
		name = fmt.Sprintf("%s (%s)", s.Title, name)
	}
	return name
}

// importedJob is the resource of type typ as reading an imported job
// yields it: what the API reports, and null for everything only
// configuration sets.
func importedJob(typ tftypes.Type, project string, job *mintlify.AgentJob) tftypes.Value {
	state := &rawState{typ: typ, attrs: map[string]tftypes.Value{}}
	if obj, ok := typ.(tftypes.Object); ok {
		for name, t := range obj.AttributeTypes {
			state.attrs[name] = tftypes.NewValue(t, nil)
		}
	}
	state.attrs["project_id"] = tfString(project)
	jobResourceFields.write(state, job)
	return state.value()
}
