package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// Kinds of reported field; the zero kind is a plain string.
const (
	fieldString = iota
	fieldModel
	fieldTime
	fieldObject
)

// reportedField documents an attribute the API reports, once for the
// resource's schema and the data source's.
type reportedField struct {
	name, doc string
	kind      int
	// fields are an object's string attributes: name and doc.
	fields [][2]string
}

func (f reportedField) customType() basetypes.StringTypable {
	switch f.kind {
	case fieldTime:
		return timetypes.RFC3339Type{}
	case fieldModel:
		return modelType{}
	}
	return nil
}

// reportedResourceAttributes are the fields as computed resource attributes.
// They keep their state value in a plan: only the API changes them.
func reportedResourceAttributes(fields []reportedField) map[string]rschema.Attribute {
	out := map[string]rschema.Attribute{}
	for _, f := range fields {
		if f.kind == fieldObject {
			nested := map[string]rschema.Attribute{}
			for _, n := range f.fields {
				nested[n[0]] = rschema.StringAttribute{Computed: true, MarkdownDescription: n[1]}
			}
			out[f.name] = rschema.SingleNestedAttribute{MarkdownDescription: f.doc, Computed: true, Attributes: nested,
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}}
			continue
		}
		out[f.name] = rschema.StringAttribute{MarkdownDescription: f.doc, Computed: true, CustomType: f.customType(),
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	return out
}

// reportedDataSourceAttributes are the fields as data source attributes.
func reportedDataSourceAttributes(fields []reportedField) map[string]dschema.Attribute {
	out := map[string]dschema.Attribute{}
	for _, f := range fields {
		if f.kind == fieldObject {
			nested := map[string]dschema.Attribute{}
			for _, n := range f.fields {
				nested[n[0]] = dschema.StringAttribute{Computed: true, MarkdownDescription: n[1]}
			}
			out[f.name] = dschema.SingleNestedAttribute{MarkdownDescription: f.doc, Computed: true, Attributes: nested}
			continue
		}
		out[f.name] = dschema.StringAttribute{MarkdownDescription: f.doc, Computed: true, CustomType: f.customType()}
	}
	return out
}
