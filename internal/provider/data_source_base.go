package provider

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// dataSourceBase is what every data source does the same way: it is named,
// and configured with the provider's data. Each embeds it.
type dataSourceBase struct {
	data *providerData
	// name is the type's name after the provider's, such as "deployment".
	name string
}

func (d *dataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.name
}

func (d *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// readFound explains a data source's read of id that failed, and reports
// whether it succeeded.
func readFound(ctx context.Context, d *providerData, k kind, id, project string, err error, diags *diag.Diagnostics) bool {
	var notFound *mintlify.NotFoundError
	switch {
	case errors.As(err, &notFound):
		diags.AddAttributeError(path.Root("id"), k.title()+" not found", k.notFound(id, project, notFound.Message))
	case err != nil:
		diags.AddError("Could not read the Mintlify "+k.noun, d.explain(ctx, err, about{project: project, noun: k.noun, id: id}))
	}
	return err == nil
}
