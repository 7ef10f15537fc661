package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
)

// ephemeralBase is what every ephemeral resource does the same way: it is
// named, and configured with the provider's data. Each embeds it.
type ephemeralBase struct {
	data *providerData
	// name is the type's name after the provider's, such as "feedback".
	name string
}

func (e *ephemeralBase) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + e.name
}

func (e *ephemeralBase) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}
