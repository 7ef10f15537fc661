package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/modifiers"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

var _ resource.ResourceWithUpgradeState = &staticExportResource{}

// NewStaticExportResource is mintlify_static_export: one export of a
// site's docs into a self-contained bundle.
func NewStaticExportResource() resource.Resource {
	return &staticExportResource{newOperationResource("static_export", operationResource[*mintlify.StaticExport, staticExportArgs]{
		op: staticExports, schema: staticExportSchema, fields: staticExportResourceFields,
		timeout: defaultStaticExportTimeout,
		launch: func(r *followedRun[*mintlify.StaticExport], m staticExportArgs, _ map[string]tftypes.Value) launching[*mintlify.StaticExport] {
			return exporting(r, m.request())
		},
	})}
}

// staticExportResource keeps no link to the bundle: a link is a credential
// that expires, so it is asked for where it is used (the
// mintlify_static_export_bundle ephemeral resource), never stored.
type staticExportResource struct {
	*operationResource[*mintlify.StaticExport, staticExportArgs]
}

// staticExportArgs are what the resource is configured with.
type staticExportArgs struct {
	noProject
	Domain   types.String `tfsdk:"domain"`
	Version  types.String `tfsdk:"version"`
	Paths    types.List   `tfsdk:"paths"`
	Triggers types.Map    `tfsdk:"triggers"`
	waitArgs
}

// request is the start the arguments ask for.
func (m staticExportArgs) request() mintlify.StaticExportRequest {
	return mintlify.StaticExportRequest{Domain: m.Domain.ValueString(), Version: m.Version.ValueString(), Paths: stringsOf(m.Paths)}
}

// staticExportResourceFields are what the resource records: the job ID and
// the fields.
var staticExportResourceFields = append(fields[*mintlify.StaticExport]{
	text("id", "The export's job ID, as Mintlify returned it when the export was started.", staticExports.id),
}, staticExportFields...)

func staticExportSchema(ctx context.Context) (schema.Schema, diag.Diagnostics) {
	attrs, diags := resourceWaitAttributes(ctx, staticExportWaits, "")
	maps.Copy(attrs, staticExportResourceFields.resourceAttributes())
	// Mintlify never returns what an export was started with: an imported
	// export adopts what is configured, in place (CreateOnly).
	attrs["domain"] = schema.StringAttribute{
		MarkdownDescription: "Required to start an export: the primary domain of the deployment to export, the custom domain " +
			"of the project (such as `docs.example.com`) or its Mintlify subdomain (such as `acme.mintlify.app`). The host name " +
			"alone: no `https://`, no path such as `/docs`, no trailing slash or dot. Changing it starts a new export; on an imported " +
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
		Version: 1,
		MarkdownDescription: "Exports a site's documentation into one self-contained bundle of static pages, for self-hosting " +
			"or an air-gapped network, and waits until it is done. Change `triggers` (a release's version, say) to export again. " +
			"Static export is in private beta on Enterprise plans.\n\n" +
			"The resource keeps no link to the bundle: a link is a credential that expires. Hand one to what serves the bundle " +
			"(`staticExport.bundleUrl` of Mintlify's Enterprise Helm chart) with the `mintlify_static_export_bundle` ephemeral " +
			"resource, which asks Mintlify for a fresh link at each plan and apply and is never stored.\n\n" +
			"Mintlify has no API to delete an export: destroying this resource only removes it from Terraform state.",
		Attributes: attrs,
	}, diags
}

// linkAttributes are what version 0 of the resource kept of the bundle, a
// credential among them, which the upgrade removes from state.
var linkAttributes = []string{"bundle_url", "bundle_size_bytes", "bundle_expires_at"}

// UpgradeState removes the bundle's link from the state of version 0.
func (r *staticExportResource) UpgradeState(ctx context.Context) map[int64]resource.StateUpgrader {
	return map[int64]resource.StateUpgrader{0: {StateUpgrader: func(ctx context.Context, req resource.UpgradeStateRequest,
		resp *resource.UpgradeStateResponse) {
		var attrs map[string]json.RawMessage
		if err := json.Unmarshal(req.RawState.JSON, &attrs); err != nil {
			resp.Diagnostics.AddError("Unexpected state", fmt.Sprintf("The static export's state is not an object (%s). "+
				"This is a bug in the provider; please report it.", err))
			return
		}
		for _, name := range linkAttributes {
			delete(attrs, name)
		}
		upgraded, err := json.Marshal(attrs)
		if err == nil {
			resp.State.Raw, err = (&tfprotov6.RawState{JSON: upgraded}).UnmarshalWithOpts(resp.State.Schema.Type().TerraformType(ctx),
				tfprotov6.UnmarshalOpts{ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true}})
		}
		if err != nil {
			resp.Diagnostics.AddError("Could not upgrade the static export's state", err.Error())
		}
	}}}
}
