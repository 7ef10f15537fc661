package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// tfString is s as a Terraform string, null when empty.
func tfString(s string) tftypes.Value {
	if s == "" {
		return tftypes.NewValue(tftypes.String, nil)
	}
	return tftypes.NewValue(tftypes.String, s)
}

// rawString is the text of a Terraform string, "" when null or unknown.
func rawString(v tftypes.Value) string {
	var s *string
	if err := v.As(&s); err != nil || s == nil {
		return ""
	}
	return *s
}

// stringOf is the text of a string value ("" when null or unknown).
func stringOf(v attr.Value) string {
	if s, ok := v.(interface{ ValueString() string }); ok {
		return s.ValueString()
	}
	return ""
}

// deref is what p points to, "" when nil.
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// stringsOf is the text of each element of a list of strings.
func stringsOf(list types.List) []string {
	var out []string
	for _, v := range list.Elements() {
		out = append(out, stringOf(v))
	}
	return out
}
