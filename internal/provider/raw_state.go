package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// rawState is a resource's state as its Terraform values, by attribute.
// Refreshing many resources reads and writes state this way: the
// framework's Get and Set walk the schema and reflect on the model for every
// attribute, which costs more than the API call itself (see
// BenchmarkAgainstFloor in internal/e2e/noop), and most refreshes change
// nothing at all.
type rawState struct {
	typ   tftypes.Type
	attrs map[string]tftypes.Value
}

func newRawState(v tftypes.Value) (*rawState, diag.Diagnostics) {
	var diags diag.Diagnostics
	s := &rawState{typ: v.Type()}
	if err := v.As(&s.attrs); err != nil {
		diags.AddError("Unexpected state", fmt.Sprintf("The state is not an object (%s). This is a bug in the provider; please report it.", err))
	}
	return s, diags
}

// string is a string attribute's value, "" when null.
func (s *rawState) string(name string) string {
	var v *string
	if err := s.attrs[name].As(&v); err != nil || v == nil {
		return ""
	}
	return *v
}

// bool is a bool attribute's value, false when null.
func (s *rawState) bool(name string) bool {
	var v *bool
	if err := s.attrs[name].As(&v); err != nil || v == nil {
		return false
	}
	return *v
}

// set writes the values by attribute name, and reports whether any changed.
func (s *rawState) set(ctx context.Context, values map[string]attr.Value) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	changed := false
	for name, v := range values {
		tv, err := v.ToTerraformValue(ctx)
		if err != nil {
			diags.AddError("Unexpected value", fmt.Sprintf("%s: %s. This is a bug in the provider; please report it.", name, err))
			continue
		}
		if !tv.Equal(s.attrs[name]) {
			s.attrs[name], changed = tv, true
		}
	}
	return changed, diags
}

// value is the state as a Terraform value.
func (s *rawState) value() tftypes.Value { return tftypes.NewValue(s.typ, s.attrs) }
