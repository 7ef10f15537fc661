package modifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
)

// ImportedKey is the private state key a resource's import sets (to
// Imported), so that its plan knows the resource was adopted, not created.
const ImportedKey = "imported"

// Imported is ImportedKey's value: the resource was imported.
var Imported = []byte("true")

// ReplaceUnlessImported plans an argument that only the configuration
// knows, such as triggers, whose change starts a new operation: any change
// replaces the resource, except setting it on an imported resource, which
// Mintlify cannot tell the value of: that is recorded in place.
type ReplaceUnlessImported struct{}

var _ planmodifier.Map = ReplaceUnlessImported{}

// Description says what the modifier does, for docs.
func (ReplaceUnlessImported) Description(context.Context) string {
	return "A change replaces the resource, except on an imported resource, where a first value is recorded in place."
}

// MarkdownDescription is Description.
func (m ReplaceUnlessImported) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

// PlanModifyMap plans a map argument.
func (ReplaceUnlessImported) PlanModifyMap(ctx context.Context, req planmodifier.MapRequest, resp *planmodifier.MapResponse) {
	imported := false
	if req.Private != nil {
		value, diags := req.Private.GetKey(ctx, ImportedKey)
		resp.Diagnostics.Append(diags...)
		imported = string(value) == string(Imported)
	}
	resp.RequiresReplace = replaces(req.State.Raw.IsNull(), req.Plan.Raw.IsNull(), req.StateValue, req.PlanValue, imported)
}

// replaces decides whether a change from prior to planned replaces the
// resource: any change does, except a first value on an imported one.
func replaces(creating, destroying bool, prior, planned attr.Value, imported bool) bool {
	switch {
	case creating, destroying, planned.Equal(prior):
		return false
	case prior.IsNull() && imported:
		return false
	}
	return true
}
