package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/customtypes"
)

// field is an attribute the API reports about a T, declared once: its name
// and doc for every schema that shows it (resource, data source, listing),
// and how to read its value from what the API sent. Values are Terraform
// values, written to state as they are: refreshing many resources, and
// listings of thousands of items, cost no reflection.
type field[T any] struct {
	name, doc string
	typ       fieldType
	// mode says how the value is written over what the state holds.
	mode fieldMode
	// sensitive hides the value in plans and output: a credential.
	sensitive bool
	// nested are an object's string attributes, as name and doc.
	nested [][2]string
	// elements describe a list's elements: their type and attributes.
	elements *elements
	value    func(T) tftypes.Value
}

// elements are the objects of a list field, or the one of a nested field,
// described by their own fields.
type elements struct {
	typ        tftypes.Object
	dataSource func() map[string]dschema.Attribute
	resource   func() map[string]rschema.Attribute
}

// fields is every attribute the API reports about a T.
type fields[T any] []field[T]

// fieldMode says how a field's value is written over the state's.
type fieldMode int

const (
	// reported: what the API reports, null when it reports nothing.
	reported fieldMode = iota
	// sticky: what the API reports; when it reports nothing, the state
	// keeps a known value of its own (what was configured).
	sticky
	// adopted: an argument the state keeps; the API's value fills it only
	// where the state has none (after an import).
	adopted
)

type fieldType int

const (
	textField fieldType = iota
	timeField
	modelField
	numberField
	integerField
	boolField
	objectField
	listField
	// nestedField is an object described by fields of its own.
	nestedField
	// mapField is a map of strings.
	mapField
)

// text is a string field, null when the API sent "".
func text[T any](name, doc string, get func(T) string) field[T] {
	return field[T]{name: name, doc: doc, value: func(v T) tftypes.Value { return tfString(get(v)) }}
}

// timestamp is a time the API sent, kept exactly as it wrote it.
func timestamp[T any](name, doc string, get func(T) *mintlify.Time) field[T] {
	return field[T]{name: name, doc: doc, typ: timeField, value: func(v T) tftypes.Value {
		if t := get(v); t != nil {
			return tfString(t.Text)
		}
		return tfString("")
	}}
}

// number is a decimal the API reports.
func number[T any](name, doc string, get func(T) float64) field[T] {
	return field[T]{name: name, doc: doc, typ: numberField, value: func(v T) tftypes.Value {
		return tftypes.NewValue(tftypes.Number, get(v))
	}}
}

// integer is a whole number the API reports.
func integer[T any](name, doc string, get func(T) int64) field[T] {
	return field[T]{name: name, doc: doc, typ: integerField, value: func(v T) tftypes.Value {
		return tftypes.NewValue(tftypes.Number, get(v))
	}}
}

// stringMap is a map of strings, empty when the API reports none.
func stringMap[T any](name, doc string, get func(T) map[string]string) field[T] {
	return field[T]{name: name, doc: doc, typ: mapField, value: func(v T) tftypes.Value {
		values := map[string]tftypes.Value{}
		for k, s := range get(v) {
			values[k] = tftypes.NewValue(tftypes.String, s)
		}
		return tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, values)
	}}
}

// flag is a yes or no the API reports, null when it reports neither.
func flag[T any](name, doc string, get func(T) *bool) field[T] {
	return field[T]{name: name, doc: doc, typ: boolField, value: func(v T) tftypes.Value {
		if b := get(v); b != nil {
			return tftypes.NewValue(tftypes.Bool, *b)
		}
		return tftypes.NewValue(tftypes.Bool, nil)
	}}
}

// listOf is a list of objects, each described by the fields of its element
// type E: a listing's items, or the sources an answer cites.
func listOf[T, E any](name, doc string, of fields[E], get func(T) []E) field[T] {
	el := &elements{typ: of.objectType(), dataSource: of.dataSourceAttributes, resource: of.resourceAttributes}
	listType := tftypes.List{ElementType: el.typ}
	return field[T]{name: name, doc: doc, typ: listField, elements: el, value: func(v T) tftypes.Value {
		items := get(v)
		out := make([]tftypes.Value, len(items))
		for i, item := range items {
			out[i] = tftypes.NewValue(el.typ, of.values(item))
		}
		return tftypes.NewValue(listType, out)
	}}
}

// nested is an object described by the fields of its type E.
func nested[T, E any](name, doc string, of fields[E], get func(T) E) field[T] {
	el := &elements{typ: of.objectType(), dataSource: of.dataSourceAttributes, resource: of.resourceAttributes}
	return field[T]{name: name, doc: doc, typ: nestedField, elements: el, value: func(v T) tftypes.Value {
		return tftypes.NewValue(el.typ, of.values(get(v)))
	}}
}

// fieldsOf are the fields of E as fields of T, read through get: the parts
// a bigger answer shares with a smaller one.
func fieldsOf[T, E any](fs fields[E], get func(T) E) fields[T] {
	out := make(fields[T], len(fs))
	for i, f := range fs {
		out[i] = field[T]{name: f.name, doc: f.doc, typ: f.typ, mode: f.mode, sensitive: f.sensitive, nested: f.nested, elements: f.elements,
			value: func(v T) tftypes.Value { return f.value(get(v)) }}
	}
	return out
}

// objectType is the Terraform type of an object with the fields.
func (fs fields[T]) objectType() tftypes.Object {
	attrs := make(map[string]tftypes.Type, len(fs))
	for _, f := range fs {
		attrs[f.name] = f.tfType()
	}
	return tftypes.Object{AttributeTypes: attrs}
}

// object is a nested object of strings; get returns its values by name
// ("" is null). With no value at all, the API has not reported the object
// yet, and it is null.
func object[T any](name, doc string, nested [][2]string, get func(T) map[string]string) field[T] {
	f := field[T]{name: name, doc: doc, typ: objectField, nested: nested}
	typ := f.tfType()
	f.value = func(v T) tftypes.Value {
		values := get(v)
		attrs := make(map[string]tftypes.Value, len(nested))
		known := false
		for _, n := range nested {
			attrs[n[0]] = tfString(values[n[0]])
			known = known || values[n[0]] != ""
		}
		if !known {
			return tftypes.NewValue(typ, nil)
		}
		return tftypes.NewValue(typ, attrs)
	}
	return f
}

// tfType is the field's Terraform type.
func (f field[T]) tfType() tftypes.Type {
	switch f.typ {
	case numberField, integerField:
		return tftypes.Number
	case boolField:
		return tftypes.Bool
	case listField:
		return tftypes.List{ElementType: f.elements.typ}
	case nestedField:
		return f.elements.typ
	case mapField:
		return tftypes.Map{ElementType: tftypes.String}
	case objectField:
		attrs := make(map[string]tftypes.Type, len(f.nested))
		for _, n := range f.nested {
			attrs[n[0]] = tftypes.String
		}
		return tftypes.Object{AttributeTypes: attrs}
	}
	return tftypes.String
}

func (f field[T]) stringType() basetypes.StringTypable {
	switch f.typ {
	case timeField:
		return timetypes.RFC3339Type{}
	case modelField:
		return customtypes.ModelType{}
	}
	return nil
}

// names are the fields' attribute names.
func (fs fields[T]) names() []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

// values are what the API reported in v, by attribute name.
func (fs fields[T]) values(v T) map[string]tftypes.Value {
	out := make(map[string]tftypes.Value, len(fs))
	for _, f := range fs {
		out[f.name] = f.value(v)
	}
	return out
}

// as is f written in mode m.
func (f field[T]) as(m fieldMode) field[T] {
	f.mode = m
	return f
}

// asSensitive is f hidden in plans and output: a credential, or personal
// data.
func (f field[T]) asSensitive() field[T] {
	f.sensitive = true
	return f
}

// as is the fields with the one named written in mode m.
func (fs fields[T]) as(name string, m fieldMode) fields[T] {
	out := append(fields[T]{}, fs...)
	for i := range out {
		if out[i].name == name {
			out[i].mode = m
		}
	}
	return out
}

// except is the fields without those named.
func (fs fields[T]) except(names ...string) fields[T] {
	var out fields[T]
	for _, f := range fs {
		skip := false
		for _, n := range names {
			skip = skip || f.name == n
		}
		if !skip {
			out = append(out, f)
		}
	}
	return out
}

// resourceAttributes are the fields as computed resource attributes. They
// keep their state value in a plan: only the API changes them.
func (fs fields[T]) resourceAttributes() map[string]rschema.Attribute {
	out := map[string]rschema.Attribute{}
	for _, f := range fs {
		switch f.typ {
		case objectField:
			nested := map[string]rschema.Attribute{}
			for _, n := range f.nested {
				nested[n[0]] = rschema.StringAttribute{Computed: true, MarkdownDescription: n[1]}
			}
			out[f.name] = rschema.SingleNestedAttribute{MarkdownDescription: f.doc, Computed: true, Attributes: nested,
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}}
		case numberField:
			out[f.name] = rschema.Float64Attribute{MarkdownDescription: f.doc, Computed: true,
				PlanModifiers: []planmodifier.Float64{float64planmodifier.UseStateForUnknown()}}
		case integerField:
			out[f.name] = rschema.Int64Attribute{MarkdownDescription: f.doc, Computed: true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}}
		case boolField:
			out[f.name] = rschema.BoolAttribute{MarkdownDescription: f.doc, Computed: true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}}
		case listField:
			out[f.name] = rschema.ListNestedAttribute{MarkdownDescription: f.doc, Computed: true,
				NestedObject:  rschema.NestedAttributeObject{Attributes: f.elements.resource()},
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()}}
		case nestedField:
			out[f.name] = rschema.SingleNestedAttribute{MarkdownDescription: f.doc, Computed: true, Attributes: f.elements.resource(),
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}}
		case mapField:
			out[f.name] = rschema.MapAttribute{MarkdownDescription: f.doc, Computed: true, ElementType: types.StringType,
				Sensitive: f.sensitive, PlanModifiers: []planmodifier.Map{mapplanmodifier.UseStateForUnknown()}}
		default:
			out[f.name] = rschema.StringAttribute{MarkdownDescription: f.doc, Computed: true, CustomType: f.stringType(),
				Sensitive: f.sensitive, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
		}
	}
	return out
}

// dataSourceAttributes are the fields as data source attributes.
func (fs fields[T]) dataSourceAttributes() map[string]dschema.Attribute {
	out := map[string]dschema.Attribute{}
	for _, f := range fs {
		out[f.name] = f.dataSourceAttribute()
	}
	return out
}

func (f field[T]) dataSourceAttribute() dschema.Attribute {
	switch f.typ {
	case objectField:
		nested := map[string]dschema.Attribute{}
		for _, n := range f.nested {
			nested[n[0]] = dschema.StringAttribute{Computed: true, MarkdownDescription: n[1]}
		}
		return dschema.SingleNestedAttribute{MarkdownDescription: f.doc, Computed: true, Attributes: nested}
	case numberField:
		return dschema.Float64Attribute{MarkdownDescription: f.doc, Computed: true}
	case integerField:
		return dschema.Int64Attribute{MarkdownDescription: f.doc, Computed: true}
	case boolField:
		return dschema.BoolAttribute{MarkdownDescription: f.doc, Computed: true}
	case listField:
		return dschema.ListNestedAttribute{MarkdownDescription: f.doc, Computed: true,
			NestedObject: dschema.NestedAttributeObject{Attributes: f.elements.dataSource()}}
	case nestedField:
		return dschema.SingleNestedAttribute{MarkdownDescription: f.doc, Computed: true, Attributes: f.elements.dataSource()}
	case mapField:
		return dschema.MapAttribute{MarkdownDescription: f.doc, Computed: true, ElementType: types.StringType, Sensitive: f.sensitive}
	}
	return dschema.StringAttribute{MarkdownDescription: f.doc, Computed: true, CustomType: f.stringType(), Sensitive: f.sensitive}
}
