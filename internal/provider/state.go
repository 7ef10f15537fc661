package provider

import (
	"context"
	"fmt"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// shape is how a resource's or a data source's state splits in two: the
// arguments and the IDs, read and written through a model struct (tfsdk
// tags, like any framework model), and the reported fields, which exist
// only in the kind's field table and are written as raw values. A field is
// declared once, in its table: no struct field, tag or attribute map can
// miss it.
type shape struct {
	// args is a state of the schema without the reported fields, for the
	// framework to read and write the model.
	args     tfsdk.State
	argsType tftypes.Object
	fullType tftypes.Object
	reported map[string]tftypes.Type
}

// resourceShape is the shape of a resource schema whose attributes named
// in reported are its reported fields.
func resourceShape(ctx context.Context, s rschema.Schema, reported []string) shape {
	args := rschema.Schema{Attributes: omit(s.Attributes, reported)}
	return newShape(tfsdk.State{Schema: args}, s.Type().TerraformType(ctx), args.Type().TerraformType(ctx))
}

// dataSourceShape is resourceShape for a data source.
func dataSourceShape(ctx context.Context, s dschema.Schema, reported []string) shape {
	args := dschema.Schema{Attributes: omit(s.Attributes, reported)}
	return newShape(tfsdk.State{Schema: args}, s.Type().TerraformType(ctx), args.Type().TerraformType(ctx))
}

// omit is attrs without those named.
func omit[A any](attrs map[string]A, names []string) map[string]A {
	out := make(map[string]A, len(attrs))
	for name, a := range attrs {
		out[name] = a
	}
	for _, name := range names {
		delete(out, name)
	}
	return out
}

func newShape(args tfsdk.State, full, argsOnly tftypes.Type) shape {
	sh := shape{args: args, reported: map[string]tftypes.Type{}}
	sh.fullType, _ = full.(tftypes.Object)
	sh.argsType, _ = argsOnly.(tftypes.Object)
	for name, t := range sh.fullType.AttributeTypes {
		if _, isArg := sh.argsType.AttributeTypes[name]; !isArg {
			sh.reported[name] = t
		}
	}
	return sh
}

// get reads the arguments of a whole value (a plan, a state, a config)
// into model, and returns the reported values.
func (sh shape) get(ctx context.Context, whole tftypes.Value, model any) (map[string]tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	var attrs map[string]tftypes.Value
	if err := whole.As(&attrs); err != nil {
		diags.AddError("Unexpected state", fmt.Sprintf("The value is not an object (%s). This is a bug in the provider; please report it.", err))
		return nil, diags
	}
	args := make(map[string]tftypes.Value, len(sh.argsType.AttributeTypes))
	reported := make(map[string]tftypes.Value, len(sh.reported))
	for name, v := range attrs {
		if _, ok := sh.reported[name]; ok {
			reported[name] = v
		} else {
			args[name] = v
		}
	}
	st := sh.args
	st.Raw = tftypes.NewValue(sh.argsType, args)
	diags.Append(st.Get(ctx, model)...)
	return reported, diags
}

// value is the whole value of the arguments in model and the reported
// values; a reported field left out is null.
func (sh shape) value(ctx context.Context, model any, reported map[string]tftypes.Value) (tftypes.Value, diag.Diagnostics) {
	st := sh.args
	st.Raw = tftypes.NewValue(sh.argsType, nil)
	diags := st.Set(ctx, model)
	var attrs map[string]tftypes.Value
	if err := st.Raw.As(&attrs); err != nil || diags.HasError() {
		diags.AddError("Unexpected state", fmt.Sprintf("The model does not fit the schema (%v). This is a bug in the provider; please report it.", err))
		return tftypes.NewValue(sh.fullType, nil), diags
	}
	for name, t := range sh.reported {
		v, ok := reported[name]
		if !ok {
			v = tftypes.NewValue(t, nil)
		}
		attrs[name] = v
	}
	return tftypes.NewValue(sh.fullType, attrs), diags
}

// rawState is a resource's state as its Terraform values, by attribute.
// Refreshing many resources reads and writes state this way: the
// framework's Get and Set walk the schema and reflect on the model for every
// attribute, which costs more than the API call itself, and most refreshes
// change nothing at all.
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
