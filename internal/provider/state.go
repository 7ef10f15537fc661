package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// State is written one way, by every resource, data source and list
// resource: as raw Terraform values by attribute (rawState), starting from
// the plan, the prior state or the configuration, with what the API
// reported written by the kind's fields (fields.go). Models, structs with
// tfsdk tags, only read arguments (args). Refreshing many resources and
// listings of thousands of items so cost no reflection, and most refreshes,
// which change nothing, write nothing.

// rawState is a state, a plan or a configuration as its Terraform values,
// by attribute.
type rawState struct {
	typ   tftypes.Type
	attrs map[string]tftypes.Value
}

// newRawState is v's values, to read and write without changing v.
func newRawState(v tftypes.Value) (*rawState, diag.Diagnostics) {
	var diags diag.Diagnostics
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		diags.AddError("Unexpected state", fmt.Sprintf("The value is not an object (%v). This is a bug in the provider; please report it.", err))
	}
	// As hands out v's own map: writing to it would change v, the request's
	// plan or prior state, which the framework compares the result with.
	s := &rawState{typ: v.Type(), attrs: make(map[string]tftypes.Value, len(attrs))}
	for name, a := range attrs {
		s.attrs[name] = a
	}
	return s, diags
}

// string is a string attribute's value, "" when null or unknown.
func (s *rawState) string(name string) string { return rawString(s.attrs[name]) }

// bool is a bool attribute's value, false when null or unknown.
func (s *rawState) bool(name string) bool {
	var v *bool
	if err := s.attrs[name].As(&v); err != nil || v == nil {
		return false
	}
	return *v
}

// set writes the values by attribute name, and reports whether any changed.
func (s *rawState) set(values map[string]tftypes.Value) bool {
	changed := false
	for name, v := range values {
		if !v.Equal(s.attrs[name]) {
			s.attrs[name], changed = v, true
		}
	}
	return changed
}

// value is the state as a Terraform value.
func (s *rawState) value() tftypes.Value { return tftypes.NewValue(s.typ, s.attrs) }

// applied is the state an apply leaves: what is still unknown, which
// nothing reported, is null.
func (s *rawState) applied() tftypes.Value {
	attrs := make(map[string]tftypes.Value, len(s.attrs))
	for name, v := range s.attrs {
		if !v.IsKnown() {
			v = tftypes.NewValue(v.Type(), nil)
		}
		attrs[name] = v
	}
	return tftypes.NewValue(s.typ, attrs)
}

// write writes what the API reported in v, each field as its mode says,
// and reports whether anything changed.
func (fs fields[T]) write(s *rawState, v T) bool {
	changed := false
	for _, f := range fs {
		now, was := f.value(v), s.attrs[f.name]
		switch {
		case f.mode == sticky && now.IsNull() && was.IsKnown():
			continue
		case f.mode == adopted && was.IsKnown() && !was.IsNull():
			continue
		}
		if !now.Equal(was) {
			s.attrs[f.name], changed = now, true
		}
	}
	return changed
}

// args reads the arguments of a whole value (a plan, a state, a config)
// into a model of them: a struct with a tfsdk tag for each attribute that
// is optional or required, leaving out the attributes only the API sets.
type args struct {
	schema tfsdk.State
	typ    tftypes.Object
	// writeOnly are the arguments only the configuration has (a plan, a
	// state have them null).
	writeOnly []string
}

// resourceSchemaArgs are the arguments of resource schema s.
func resourceSchemaArgs(ctx context.Context, s rschema.Schema) args {
	sub := rschema.Schema{Attributes: map[string]rschema.Attribute{}}
	var writeOnly []string
	for name, a := range s.Attributes {
		if a.IsOptional() || a.IsRequired() {
			sub.Attributes[name] = a
		}
		if a.IsWriteOnly() {
			writeOnly = append(writeOnly, name)
		}
	}
	a := newArgs(tfsdk.State{Schema: sub}, sub.Type().TerraformType(ctx))
	a.writeOnly = writeOnly
	return a
}

func newArgs(st tfsdk.State, typ tftypes.Type) args {
	a := args{schema: st}
	a.typ, _ = typ.(tftypes.Object)
	return a
}

// readApplied reads the arguments of an apply into model: the plan's, and
// the write-only ones from the configuration.
func (a args) readApplied(ctx context.Context, plan, config tftypes.Value, model any) diag.Diagnostics {
	if len(a.writeOnly) == 0 {
		return a.read(ctx, plan, model)
	}
	merged, diags := newRawState(plan)
	configured, more := newRawState(config)
	diags.Append(more...)
	for _, name := range a.writeOnly {
		merged.attrs[name] = configured.attrs[name]
	}
	diags.Append(a.read(ctx, merged.value(), model)...)
	return diags
}

// read reads the arguments of whole into model.
func (a args) read(ctx context.Context, whole tftypes.Value, model any) diag.Diagnostics {
	var diags diag.Diagnostics
	var attrs map[string]tftypes.Value
	if err := whole.As(&attrs); err != nil {
		diags.AddError("Unexpected state", fmt.Sprintf("The value is not an object (%s). This is a bug in the provider; please report it.", err))
		return diags
	}
	kept := make(map[string]tftypes.Value, len(a.typ.AttributeTypes))
	for name := range a.typ.AttributeTypes {
		kept[name] = attrs[name]
	}
	st := a.schema
	st.Raw = tftypes.NewValue(a.typ, kept)
	return st.Get(ctx, model)
}
