package provider

import (
	"fmt"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	eschema "github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
)

// ephemeralAttributes are data source attributes as an ephemeral resource's:
// an ephemeral twin of a data source takes the same arguments and reports
// the same results, so its schema is the data source's, converted.
func ephemeralAttributes(attrs map[string]dschema.Attribute) map[string]eschema.Attribute {
	out := make(map[string]eschema.Attribute, len(attrs))
	for name, a := range attrs {
		out[name] = ephemeralAttribute(a)
	}
	return out
}

func ephemeralAttribute(a dschema.Attribute) eschema.Attribute {
	switch a := a.(type) {
	case dschema.StringAttribute:
		return eschema.StringAttribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive, CustomType: a.CustomType, Validators: a.Validators}
	case dschema.Int64Attribute:
		return eschema.Int64Attribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive, Validators: a.Validators}
	case dschema.Float64Attribute:
		return eschema.Float64Attribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive, Validators: a.Validators}
	case dschema.BoolAttribute:
		return eschema.BoolAttribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive, Validators: a.Validators}
	case dschema.ListAttribute:
		return eschema.ListAttribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive, ElementType: a.ElementType, Validators: a.Validators}
	case dschema.MapAttribute:
		return eschema.MapAttribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive, ElementType: a.ElementType, Validators: a.Validators}
	case dschema.ListNestedAttribute:
		return eschema.ListNestedAttribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive, Validators: a.Validators,
			NestedObject: eschema.NestedAttributeObject{Attributes: ephemeralAttributes(a.NestedObject.Attributes)}}
	case dschema.SingleNestedAttribute:
		return eschema.SingleNestedAttribute{MarkdownDescription: a.MarkdownDescription, Required: a.Required, Optional: a.Optional,
			Computed: a.Computed, Sensitive: a.Sensitive, Validators: a.Validators, Attributes: ephemeralAttributes(a.Attributes)}
	}
	// A new kind of attribute must be added above; a test converts every
	// data source's schema.
	panic(fmt.Sprintf("no ephemeral attribute for %T", a))
}
