package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// providerData is what Configure hands to every resource, data source,
// list resource and action: one client (one connection pool) for the whole
// provider process, the default project, and the clock waits run on.
type providerData struct {
	client    *mintlify.Client
	projectID string
	clock     wait.Clock
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

// readClient returns the client, and the project, for reading one of kind
// k: a kind read by its ID alone needs only the key (the project, when
// known, is named in messages), one without a project has none.
func (d *providerData) readClient(k *kind, projectID types.String) (*mintlify.Client, string, diag.Diagnostics) {
	switch {
	case k.unscoped:
		client, diags := d.keyedClient()
		return client, "", diags
	case k.readByID:
		client, diags := d.keyedClient()
		return client, projectID.ValueString(), diags
	}
	return d.clientFor(projectID)
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

// explain says what went wrong in a call to the API about s, and what to
// do: see situation.explain.
func (d *providerData) explain(ctx context.Context, err error, s situation) string {
	return s.explain(ctx, err, d.client.BaseURL(), d.clock.Now())
}
