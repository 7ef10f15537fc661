package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/modifiers"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var (
	_ resource.ResourceWithConfigure   = &staticExportResource{}
	_ resource.ResourceWithImportState = &staticExportResource{}
	_ resource.ResourceWithModifyPlan  = &staticExportResource{}
)

// NewStaticExportResource is mintlify_static_export: one export of a
// site's docs into a self-contained bundle.
func NewStaticExportResource() resource.Resource {
	return &staticExportResource{operationResource{kind: staticExports.kind, name: "static_export"}}
}

type staticExportResource struct{ operationResource }

// staticExportModel is what the resource is configured with, and its ID;
// what the API reports is in staticExportFields and bundleFields.
type staticExportModel struct {
	ID       types.String `tfsdk:"id"`
	Domain   types.String `tfsdk:"domain"`
	Version  types.String `tfsdk:"version"`
	Paths    types.List   `tfsdk:"paths"`
	Triggers types.Map    `tfsdk:"triggers"`
	waitArgs
}

// request is the start the model asks for.
func (m *staticExportModel) request(ctx context.Context) (mintlify.StaticExportRequest, diag.Diagnostics) {
	r := mintlify.StaticExportRequest{Domain: m.Domain.ValueString(), Version: m.Version.ValueString()}
	diags := m.Paths.ElementsAs(ctx, &r.Paths, false)
	return r, diags
}

func (r *staticExportResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema, resp.Diagnostics = staticExportSchema(ctx)
}

var staticExportShape = sync.OnceValue(func() shape {
	s, _ := staticExportSchema(context.Background())
	return resourceShape(context.Background(), s, append(staticExportFields.names(), bundleFields.names()...))
})

func staticExportSchema(ctx context.Context) (schema.Schema, diag.Diagnostics) {
	attrs, diags := resourceWaitAttributes(ctx, staticExportWaits, "")
	for _, fs := range []map[string]schema.Attribute{staticExportFields.resourceAttributes(), bundleFields.resourceAttributes()} {
		for name, a := range fs {
			attrs[name] = a
		}
	}
	attrs["id"] = idAttribute("The export's job ID, as Mintlify returned it when the export was started.")
	// Mintlify never returns what an export was started with: an imported
	// export adopts what is configured, in place (CreateOnly).
	attrs["domain"] = schema.StringAttribute{
		MarkdownDescription: "Required to start an export: the primary domain of the deployment to export, the custom domain " +
			"of the project (such as `docs.example.com`) or its Mintlify subdomain (such as `acme.mintlify.app`). The host name " +
			"alone: no `https://`, no path such as `/docs`, no trailing slash. Changing it starts a new export; on an imported " +
			"export, which Mintlify returns without it, setting it only records it.",
		Optional:      true,
		Computed:      true,
		Validators:    []validator.String{validators.Hostname()},
		PlanModifiers: []planmodifier.String{modifiers.CreateOnly{Required: `domain = "docs.example.com", the host name to export`}},
	}
	attrs["version"] = schema.StringAttribute{
		MarkdownDescription: "A label for the export, such as a release; Mintlify exports the latest published version of the " +
			"docs when it is unset. Changing it starts a new export.",
		Optional:      true,
		Computed:      true,
		Validators:    []validator.String{validators.NotBlank},
		PlanModifiers: []planmodifier.String{modifiers.CreateOnly{}},
	}
	attrs["paths"] = schema.ListAttribute{
		MarkdownDescription: "The page paths to export, such as `guides/getting-started`; every published page when unset. " +
			"Changing them starts a new export.",
		ElementType:   types.StringType,
		Optional:      true,
		Computed:      true,
		Validators:    []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ValueStringsAre(validators.NotBlank)},
		PlanModifiers: []planmodifier.List{modifiers.CreateOnly{}},
	}
	attrs["triggers"] = triggersAttribute("export")
	return schema.Schema{
		MarkdownDescription: "Exports a site's documentation into one self-contained bundle of static pages, for self-hosting " +
			"or an air-gapped network, waits until it is done, and hands out a link to the bundle (`bundle_url`), such as " +
			"`staticExport.bundleUrl` of Mintlify's Enterprise Helm chart. Change `triggers` (a release's version, say) to " +
			"export again. Static export is in private beta on Enterprise plans.\n\n" +
			"Mintlify has no API to delete an export: destroying this resource only removes it from Terraform state.",
		Attributes: attrs,
	}, diags
}

// exportRun is a run of the resource's export: what it last saw goes to state.
func (r *staticExportResource) exportRun(ctx context.Context, m *staticExportModel, client *mintlify.Client, settings waitSettings,
	state *tfsdk.State, diags *diag.Diagnostics) *run[*mintlify.StaticExport] {
	return &run[*mintlify.StaticExport]{op: staticExports, data: r.data, client: client, settings: settings, holder: creating,
		seen: func(e *mintlify.StaticExport) { diags.Append(writeExport(ctx, m, e, nil, state)...) }}
}

// writeExport records the model, the export and its bundle (nil: none yet).
func writeExport(ctx context.Context, m *staticExportModel, e *mintlify.StaticExport, b *mintlify.StaticExportBundle, state *tfsdk.State) diag.Diagnostics {
	v, diags := staticExportShape().value(ctx, m, exportValues(e, b))
	state.Raw = v
	return diags
}

func (r *staticExportResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m staticExportModel
	_, diags := staticExportShape().get(ctx, req.Plan.Raw, &m)
	resp.Diagnostics.Append(diags...)
	request, diags := m.request(ctx)
	resp.Diagnostics.Append(diags...)
	client, diags := r.data.keyedClient()
	resp.Diagnostics.Append(diags...)
	settings, diags := m.settings(ctx, false, defaultStaticExportTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, settings.limit)
	defer cancel()
	run := r.exportRun(ctx, &m, client, settings, &resp.State, &resp.Diagnostics)
	defer func() { resp.Diagnostics.Append(run.diags...) }()

	start := r.data.clock.Now()
	export, err := client.StartStaticExport(ctx, request)
	if err != nil {
		run.startFailed(ctx, err)
		return
	}
	// The ID is saved before anything else: whatever happens next, it is kept.
	m.ID = types.StringValue(export.JobID)
	run.started(export)
	tflog.Info(ctx, "Started static export", map[string]any{"job_id": export.JobID, "domain": request.Domain})
	if !settings.waits {
		return
	}
	final, ok := run.wait(ctx, export, start)
	if !ok || final.Status != mintlify.StaticExportCompleted {
		return
	}
	bundle, failed := bundleOf(ctx, r.data, client, final.JobID,
		staticExports.kept(final.JobID, creating)+" A refresh asks for the link again.", diag.SeverityError)
	if failed != nil {
		run.diags.Append(failed)
		return
	}
	resp.Diagnostics.Append(writeExport(ctx, &m, final, bundle, &resp.State)...)
}

// Read refreshes the export, and asks for a fresh bundle link once it has
// completed, when there is none, or the one there expires within
// linkMargin: a plan never hands on a link about to expire, and a refresh
// with a good link makes no bundle call.
func (r *staticExportResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, diags := newRawState(req.State.Raw)
	resp.Diagnostics.Append(diags...)
	client, diags := r.data.keyedClient()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	export, ok := refresh(ctx, staticExports, r.data, client, "", state, resp)
	if !ok {
		return
	}
	// A link Mintlify does not renew now is no reason to fail every plan:
	// the next refresh asks again.
	var bundle *mintlify.StaticExportBundle
	if export.Status == mintlify.StaticExportCompleted && linkExpiresSoon(state.string("bundle_expires_at"), r.data.clock.Now()) {
		var failed diag.Diagnostic
		bundle, failed = bundleOf(ctx, r.data, client, export.JobID, "The state keeps the link it had; the next refresh asks again.",
			diag.SeverityWarning)
		if failed != nil {
			resp.Diagnostics.Append(failed)
		} else {
			tflog.Info(ctx, "Renewed the static export's bundle link", map[string]any{"job_id": export.JobID})
		}
	}
	if state.set(exportValues(export, bundle)) {
		resp.State.Raw = state.value()
	}
}
