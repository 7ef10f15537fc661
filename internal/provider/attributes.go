package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/provider/modifiers"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

// The resource attributes several kinds share.

// projectAttribute is a resource's project: the provider's when unset, and
// a new operation when it changes.
func projectAttribute(doc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: doc,
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{validators.ProjectID},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
	}
}

// triggersAttribute starts a new operation when any of its values changes,
// as terraform_data's triggers_replace.
func triggersAttribute(what string) schema.MapAttribute {
	return schema.MapAttribute{
		MarkdownDescription: "Values that start a new " + what + " when any of them changes, as `terraform_data`'s " +
			"`triggers_replace`: for example `{ commit = var.merged_commit_sha }`. The values are not sent to Mintlify. Set on an " +
			"imported resource, they are recorded without starting a new " + what + ".",
		ElementType:   types.StringType,
		Optional:      true,
		PlanModifiers: []planmodifier.Map{modifiers.ReplaceUnlessImported{}},
	}
}
