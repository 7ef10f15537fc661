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
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/customtypes"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// Environment variables the provider reads when its configuration is unset.
const (
	envAPIKey    = "MINTLIFY_API_KEY" //nolint:gosec // the variable's name, not a key
	envProjectID = "MINTLIFY_PROJECT_ID"
	envBaseURL   = "MINTLIFY_BASE_URL"
)

var (
	_ provider.ProviderWithListResources      = &mintlifyProvider{}
	_ provider.ProviderWithActions            = &mintlifyProvider{}
	_ provider.ProviderWithEphemeralResources = &mintlifyProvider{}
)

type mintlifyProvider struct {
	version string
	// clock is what waits run on: the wall clock, or a test's.
	clock wait.Clock
}

type providerModel struct {
	APIKey         types.String         `tfsdk:"api_key"`
	ProjectID      types.String         `tfsdk:"project_id"`
	BaseURL        types.String         `tfsdk:"base_url"`
	MaxRetries     types.Int64          `tfsdk:"max_retries"`
	RequestTimeout customtypes.Duration `tfsdk:"request_timeout"`
}

// New returns the provider factory for a build version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return newProvider(version, wait.RealClock) }
}

// newProvider is the provider with its waits on clock; tests give it one
// that jumps over the waits.
func newProvider(version string, clock wait.Clock) provider.Provider {
	return &mintlifyProvider{version: version, clock: clock}
}

func (p *mintlifyProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "mintlify"
	resp.Version = p.version
}

func (p *mintlifyProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Mintlify provider starts and tracks Mintlify documentation-agent jobs, production and " +
			"preview deployments, automation runs and static exports, and reads analytics, through Mintlify's API. " +
			"`api_key`, `project_id` and `base_url` can also come from environment variables.",
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
				Validators: []validator.String{validators.ProjectID},
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "The API root. Defaults to the `" + envBaseURL + "` environment variable, then to `" +
					mintlify.DefaultBaseURL + "`. It must be `https`, except on a loopback host (`127.0.0.1`, `::1`, `localhost`), " +
					"where `http` is accepted for a local emulator.",
				Optional:   true,
				Validators: []validator.String{validators.BaseURL()},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many times one API call is retried after a rate limit (HTTP 429), a server error "+
					"or a network error. Defaults to %d. Creating a job is retried only when the API certainly did not receive it. "+
					"A rate limit whose `Retry-After` fits in the operation's timeout is waited out however often it comes, "+
					"without counting: operations that share a limit may each be refused several times before their turn.",
					mintlify.DefaultMaxRetries),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The longest one HTTP request may take, as a Go duration such as `\"30s\"`. "+
					"Defaults to `%q`. Waiting for a job is bounded by the resource's `timeouts` instead.", mintlify.DefaultRequestTimeout.String()),
				CustomType: customtypes.DurationType{},
				Optional:   true,
				Validators: []validator.String{validators.AtLeast(time.Second)},
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
	requestTimeout, diags := durationOr(cfg.RequestTimeout, mintlify.DefaultRequestTimeout)
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
		OnRetryWait:    tellRetryWait,
	})
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("base_url"), "Invalid Mintlify base URL", err.Error())
		return
	}
	data := &providerData{client: client, projectID: valueOrEnv(cfg.ProjectID, envProjectID), clock: p.clock}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ListResourceData = data
	resp.ActionData = data
	resp.EphemeralResourceData = data
}

func (p *mintlifyProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{NewAgentJobResource, NewDeploymentResource, NewPreviewDeploymentResource, NewAutomationRunResource,
		NewStaticExportResource}
}

func (p *mintlifyProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{NewAgentJobDataSource, NewAgentJobsDataSource, NewDeploymentDataSource, NewStaticExportDataSource,
		NewFeedbackDataSource, NewFeedbackByPageDataSource, NewSearchesDataSource, NewAssistantConversationsDataSource,
		NewAssistantThreadDataSource, NewAssistantCallerStatsDataSource, NewPageViewsDataSource, NewVisitorsDataSource}
}

func (p *mintlifyProvider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{NewStaticExportBundleEphemeralResource, NewFeedbackEphemeralResource,
		NewSearchesEphemeralResource, NewAssistantConversationsEphemeralResource}
}

func (p *mintlifyProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{NewAgentJobListResource}
}

func (p *mintlifyProvider) Actions(context.Context) []func() action.Action {
	return []func() action.Action{NewAgentJobAction, NewDeploymentAction, NewAutomationRunAction, NewStaticExportAction}
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

// tellRetryWait logs each wait before a call is sent again after Mintlify
// refused it, and tells an action's user of a wait on a rate limit.
func tellRetryWait(ctx context.Context, w mintlify.RetryWait) {
	why := fmt.Sprintf("HTTP %d", w.StatusCode)
	if w.Limit != nil {
		why = "Mintlify's rate limit of " + w.Limit.Allowance
	}
	tflog.Info(ctx, "Waiting before sending the request again", map[string]any{
		"method": w.Method, "path": w.Path, "status": w.StatusCode, "wait": w.Wait.Round(time.Millisecond).String(), "why": why,
	})
	if w.StatusCode == 429 {
		waitedOutRateLimit(ctx, w.Wait, w.Limit)
		progressOf(ctx)("Mintlify answered 429 (%s): waiting %s before sending %s %s again", why, w.Wait.Round(time.Second), w.Method, w.Path)
	}
}
