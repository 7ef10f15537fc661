package modifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// AppendOnly plans a conversation, such as follow_up_prompts: what is
// added after the elements already sent is sent in place; any other change
// (an edit, a removal, a reorder) cannot be undone in a conversation, so it
// replaces the resource.
type AppendOnly struct{}

// Description says what the modifier does, for docs.
func (AppendOnly) Description(context.Context) string {
	return "Elements appended to the list are sent in place; editing, removing or reordering a sent one replaces the resource."
}

// MarkdownDescription is Description.
func (m AppendOnly) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

// PlanModifyList replaces the resource unless the sent elements start the planned list.
func (AppendOnly) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	var sent, planned []types.String
	resp.Diagnostics.Append(req.StateValue.ElementsAs(ctx, &sent, false)...)
	resp.Diagnostics.Append(req.PlanValue.ElementsAs(ctx, &planned, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.RequiresReplace = !isPrefix(sent, planned)
}

// isPrefix reports whether every sent prompt is, in order, at the start of
// the planned list (an unknown planned prompt matches nothing).
func isPrefix(sent, planned []types.String) bool {
	if len(sent) > len(planned) {
		return false
	}
	for i := range sent {
		if !sent[i].Equal(planned[i]) {
			return false
		}
	}
	return true
}
