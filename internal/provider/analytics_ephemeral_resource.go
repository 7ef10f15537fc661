package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// analyticsTwin is an analytics data source as an ephemeral resource: the
// same arguments and results, read at each plan and apply, and never
// stored, for what readers wrote (their comments, their addresses, their
// questions) that a state should not keep.
type analyticsTwin struct {
	ephemeralBase
	source datasource.DataSource
}

var _ ephemeral.EphemeralResourceWithConfigure = &analyticsTwin{}

// newAnalyticsTwin is the ephemeral twin of the data source source makes.
func newAnalyticsTwin(source func() datasource.DataSource) func() ephemeral.EphemeralResource {
	return func() ephemeral.EphemeralResource {
		ds := source()
		var meta datasource.MetadataResponse
		ds.Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "mintlify"}, &meta)
		return &analyticsTwin{ephemeralBase: ephemeralBase{name: meta.TypeName[len("mintlify_"):]}, source: ds}
	}
}

// NewFeedbackEphemeralResource is ephemeral "mintlify_feedback".
var NewFeedbackEphemeralResource = newAnalyticsTwin(NewFeedbackDataSource)

// NewSearchesEphemeralResource is ephemeral "mintlify_searches".
var NewSearchesEphemeralResource = newAnalyticsTwin(NewSearchesDataSource)

// NewAssistantConversationsEphemeralResource is ephemeral
// "mintlify_assistant_conversations".
var NewAssistantConversationsEphemeralResource = newAnalyticsTwin(NewAssistantConversationsDataSource)

func (e *analyticsTwin) sourceSchema(ctx context.Context) datasource.SchemaResponse {
	var resp datasource.SchemaResponse
	e.source.Schema(ctx, datasource.SchemaRequest{}, &resp)
	return resp
}

func (e *analyticsTwin) Schema(ctx context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	ds := e.sourceSchema(ctx)
	resp.Diagnostics = ds.Diagnostics
	resp.Schema = schema.Schema{
		MarkdownDescription: ds.Schema.MarkdownDescription + "\n\nThis ephemeral resource reads the same as the `mintlify_" + e.name +
			"` data source, at each plan and each apply, and is never stored: not in the state, not in a saved plan. Use it " +
			"where readers' text should not be kept, such as a prompt given to `mintlify_agent_job`'s write-only `prompt_wo`. " +
			"Needs Terraform 1.10 or later, or OpenTofu 1.11 or later.",
		Attributes: ephemeralAttributes(ds.Schema.Attributes),
	}
}

func (e *analyticsTwin) Configure(ctx context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.ephemeralBase.Configure(ctx, req, resp)
	if configurable, ok := e.source.(datasource.DataSourceWithConfigure); ok {
		var dsResp datasource.ConfigureResponse
		configurable.Configure(ctx, datasource.ConfigureRequest{ProviderData: req.ProviderData}, &dsResp)
		resp.Diagnostics.Append(dsResp.Diagnostics...)
	}
}

// Open reads as the data source reads: its schema's values have the same
// types as the twin's.
func (e *analyticsTwin) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	ds := e.sourceSchema(ctx)
	read := datasource.ReadResponse{State: tfsdk.State{Schema: ds.Schema, Raw: req.Config.Raw}}
	e.source.Read(ctx, datasource.ReadRequest{Config: tfsdk.Config{Schema: ds.Schema, Raw: req.Config.Raw}}, &read)
	resp.Diagnostics.Append(read.Diagnostics...)
	if !read.Diagnostics.HasError() {
		resp.Result.Raw = read.State.Raw
	}
}
