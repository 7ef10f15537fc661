// Package provider implements the Mintlify Terraform provider.
package provider

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// Environment variables the provider reads when its configuration is unset.
const (
	envAPIKey    = "MINTLIFY_API_KEY" //nolint:gosec // the variable's name, not a key
	envProjectID = "MINTLIFY_PROJECT_ID"
	envBaseURL   = "MINTLIFY_BASE_URL"
)

var (
	_ provider.ProviderWithListResources = &mintlifyProvider{}
	_ provider.ProviderWithActions       = &mintlifyProvider{}
)

type mintlifyProvider struct {
	version string
}

type providerModel struct {
	APIKey         types.String `tfsdk:"api_key"`
	ProjectID      types.String `tfsdk:"project_id"`
	BaseURL        types.String `tfsdk:"base_url"`
	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
}

// New returns the provider factory for a build version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &mintlifyProvider{version: version}
	}
}

func (p *mintlifyProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "mintlify"
	resp.Version = p.version
}

func (p *mintlifyProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Mintlify provider starts and tracks Mintlify documentation-agent jobs, production and " +
			"preview deployments, and automation runs, through Mintlify's API. Every setting can also come from an environment variable.",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				MarkdownDescription: "A Mintlify admin API key (`mint_...`), from the API keys page of the Mintlify dashboard. " +
					"Defaults to the `" + envAPIKey + "` environment variable. Keep it out of configuration files: it is a secret.",
				Optional:  true,
				Sensitive: true,
			},
			"project_id": schema.StringAttribute{
				MarkdownDescription: "The Mintlify project that resources and data sources use when they do not set `project_id`. " +
					"Defaults to the `" + envProjectID + "` environment variable.",
				Optional:   true,
				Validators: []validator.String{projectIDValidator},
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "The API root. Defaults to the `" + envBaseURL + "` environment variable, then to `" +
					mintlify.DefaultBaseURL + "`. It must be `https`, except on a loopback host (`127.0.0.1`, `::1`, `localhost`), " +
					"where `http` is accepted for a local emulator.",
				Optional:   true,
				Validators: []validator.String{baseURLValidator{}},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many times one API call is retried after a rate limit (HTTP 429), a server error "+
					"or a network error. Defaults to %d. Creating a job is retried only when the API certainly did not receive it.",
					mintlify.DefaultMaxRetries),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The longest one HTTP request may take, as a Go duration such as `\"30s\"`. "+
					"Defaults to `%q`. Waiting for a job is bounded by the resource's `timeouts` instead.", mintlify.DefaultRequestTimeout.String()),
				Optional:   true,
				Validators: []validator.String{minDuration(time.Second)},
			},
		},
	}
}

func (p *mintlifyProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	for name, v := range map[string]interface{ IsUnknown() bool }{
		"api_key": cfg.APIKey, "project_id": cfg.ProjectID, "base_url": cfg.BaseURL,
		"max_retries": cfg.MaxRetries, "request_timeout": cfg.RequestTimeout,
	} {
		if v.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Unknown provider configuration",
				fmt.Sprintf("The provider cannot start with an unknown %s: it is only known after apply. "+
					"Set it to a value known at plan time, or apply the resource it depends on first with -target.", name))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}

	apiKey := valueOrEnv(cfg.APIKey, envAPIKey)
	baseURL := valueOrEnv(cfg.BaseURL, envBaseURL)
	if baseURL == "" {
		baseURL = mintlify.DefaultBaseURL
	}
	if _, err := mintlify.ValidateBaseURL(baseURL); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("base_url"), "Invalid Mintlify base URL",
			fmt.Sprintf("base_url (or %s): %s.", envBaseURL, err))
		return
	}
	requestTimeout, diags := durationOr(cfg.RequestTimeout, mintlify.DefaultRequestTimeout, "request_timeout")
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	maxRetries := int(cfg.MaxRetries.ValueInt64())
	if !cfg.MaxRetries.IsNull() && maxRetries == 0 {
		maxRetries = -1 // the client reads 0 as "default"
	}

	client, err := mintlify.New(mintlify.Config{
		BaseURL:        baseURL,
		APIKey:         apiKey,
		UserAgent:      fmt.Sprintf("terraform-provider-mintlify/%s terraform/%s", p.version, req.TerraformVersion),
		MaxRetries:     maxRetries,
		RequestTimeout: requestTimeout,
		Log:            maskedLogger(apiKey),
	})
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("base_url"), "Invalid Mintlify base URL", err.Error())
		return
	}
	data := &providerData{client: client, projectID: valueOrEnv(cfg.ProjectID, envProjectID)}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ListResourceData = data
	resp.ActionData = data
}

func (p *mintlifyProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{NewAgentJobResource, NewDeploymentResource, NewPreviewDeploymentResource, NewAutomationRunResource}
}

func (p *mintlifyProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{NewAgentJobDataSource, NewAgentJobsDataSource, NewDeploymentDataSource}
}

func (p *mintlifyProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{NewAgentJobListResource}
}

func (p *mintlifyProvider) Actions(context.Context) []func() action.Action {
	return []func() action.Action{NewAgentJobAction, NewDeploymentAction, NewAutomationRunAction}
}

func valueOrEnv(v types.String, env string) string {
	if s := v.ValueString(); s != "" {
		return s
	}
	return os.Getenv(env)
}

// maskedLogger writes the client's request logs through tflog with the key
// masked, so even a trace log never shows it.
func maskedLogger(apiKey string) mintlify.LogFunc {
	return func(ctx context.Context, msg string, fields map[string]any) {
		ctx = tflog.MaskFieldValuesWithFieldKeys(ctx, "api_key", "Authorization", "authorization")
		if apiKey != "" {
			ctx = tflog.MaskAllFieldValuesStrings(ctx, apiKey)
			ctx = tflog.MaskMessageStrings(ctx, apiKey)
		}
		tflog.Debug(ctx, msg, fields)
	}
}

// providerData is what Configure hands to every resource and data source.
type providerData struct {
	client    *mintlify.Client
	projectID string
}

// explain says what went wrong in a call to the API about the object id
// ("" when the call named none) in project, and what to do.
func (d *providerData) explain(err error, project, id string) string {
	return explainAPIError(err, project, id, d.client.BaseURL())
}

// keyedClient returns the client, for a call that names no project; a
// missing key is reported here, naming the attribute and the variable.
func (d *providerData) keyedClient() (*mintlify.Client, diag.Diagnostics) {
	var diags diag.Diagnostics
	if !d.client.HasAPIKey() {
		diags.AddError("Missing Mintlify API key",
			"The provider has no API key. Set api_key in the provider \"mintlify\" block or the "+envAPIKey+
				" environment variable to a Mintlify admin API key (mint_...), from the API keys page of the Mintlify dashboard.")
	}
	return d.client, diags
}

// clientFor returns the client and the project to use, the resource's own
// project_id first. A missing key or project is reported here, when an
// operation needs it, naming both the attribute and the environment variable.
func (d *providerData) clientFor(projectID types.String) (*mintlify.Client, string, diag.Diagnostics) {
	client, diags := d.keyedClient()
	project := projectID.ValueString() // "" when null or unknown
	if project == "" {
		project = d.projectID
	}
	if project == "" {
		diags.AddAttributeError(path.Root("project_id"), "Missing Mintlify project ID",
			"No project ID is set. Set project_id on this resource or data source, project_id in the provider \"mintlify\" block, "+
				"or the "+envProjectID+" environment variable. The ID is on the API keys page of the Mintlify dashboard.")
	}
	return client, project, diags
}

// planProject shows in the plan of a new resource the project it will use,
// the provider's when the resource sets none, and reports a missing key or
// project when the plan is made rather than half-way through an apply.
func (d *providerData) planProject(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var projectID types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("project_id"), &projectID)...)
	if resp.Diagnostics.HasError() || projectID.IsUnknown() {
		return
	}
	_, project, diags := d.clientFor(projectID)
	resp.Diagnostics.Append(diags...)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("project_id"), project)...)
	}
}

// providerDataFrom unpacks Configure's value; nil means the provider is not
// configured yet (validation runs before Configure).
func providerDataFrom(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	pd, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", data))
		return nil
	}
	return pd
}
