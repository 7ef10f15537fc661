// Command providers-schema prints the provider's schemas in the format of
// `terraform providers schema -json`, read from the provider itself. make docs
// gives it to tfplugindocs, so the docs cover resource identity, ephemeral
// resources, the list resource, the actions and the functions even where
// the installed terraform is older than those features and would not
// report them.
package main

import (
	"context"
	"encoding/json"
	"log"
	"os"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"

	"github.com/mintlify/terraform-provider-mintlify/internal/provider"
)

func main() {
	ctx := context.Background()
	server, err := providerserver.NewProtocol6WithError(provider.New("docs")())()
	check(err)
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	check(err)
	identities, err := server.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	check(err)

	out := &tfjson.ProviderSchema{
		ConfigSchema:             convertSchema(schemas.Provider),
		ResourceSchemas:          map[string]*tfjson.Schema{},
		DataSourceSchemas:        map[string]*tfjson.Schema{},
		ListResourceSchemas:      map[string]*tfjson.Schema{},
		ActionSchemas:            map[string]*tfjson.ActionSchema{},
		EphemeralResourceSchemas: map[string]*tfjson.Schema{},
		ResourceIdentitySchemas:  map[string]*tfjson.IdentitySchema{},
	}
	for name, s := range schemas.ResourceSchemas {
		out.ResourceSchemas[name] = convertSchema(s)
	}
	for name, s := range schemas.DataSourceSchemas {
		out.DataSourceSchemas[name] = convertSchema(s)
	}
	for name, s := range schemas.EphemeralResourceSchemas {
		out.EphemeralResourceSchemas[name] = convertSchema(s)
	}
	for name, s := range schemas.ListResourceSchemas {
		out.ListResourceSchemas[name] = convertSchema(s)
	}
	for name, s := range schemas.ActionSchemas {
		out.ActionSchemas[name] = &tfjson.ActionSchema{Block: convertSchema(s.Schema).Block}
	}
	out.Functions = map[string]*tfjson.FunctionSignature{}
	for name, f := range schemas.Functions {
		sig := &tfjson.FunctionSignature{Summary: f.Summary, Description: f.Description, ReturnType: ctyType(f.Return.Type)}
		for _, p := range f.Parameters {
			sig.Parameters = append(sig.Parameters, &tfjson.FunctionParameter{Name: p.Name, Description: p.Description,
				IsNullable: p.AllowNullValue, Type: ctyType(p.Type)})
		}
		out.Functions[name] = sig
	}
	for name, s := range identities.IdentitySchemas {
		attrs := map[string]*tfjson.IdentityAttribute{}
		for _, a := range s.IdentityAttributes {
			attrs[a.Name] = &tfjson.IdentityAttribute{IdentityType: ctyType(a.Type), Description: a.Description,
				RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport}
		}
		out.ResourceIdentitySchemas[name] = &tfjson.IdentitySchema{Version: uint64(s.Version), Attributes: attrs}
	}
	// tfplugindocs finds the provider by its short name.
	doc := tfjson.ProviderSchemas{FormatVersion: "1.0", Schemas: map[string]*tfjson.ProviderSchema{"mintlify": out}}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	check(enc.Encode(doc))
}

func convertSchema(s *tfprotov6.Schema) *tfjson.Schema {
	return &tfjson.Schema{Version: uint64(s.Version), Block: convertBlock(s.Block)}
}

func convertBlock(b *tfprotov6.SchemaBlock) *tfjson.SchemaBlock {
	out := &tfjson.SchemaBlock{
		Description: b.Description, DescriptionKind: kind(b.DescriptionKind), Deprecated: b.Deprecated,
		Attributes: map[string]*tfjson.SchemaAttribute{}, NestedBlocks: map[string]*tfjson.SchemaBlockType{},
	}
	for _, a := range b.Attributes {
		out.Attributes[a.Name] = convertAttribute(a)
	}
	for _, nb := range b.BlockTypes {
		out.NestedBlocks[nb.TypeName] = &tfjson.SchemaBlockType{
			NestingMode: blockNesting[nb.Nesting], Block: convertBlock(nb.Block),
			MinItems: uint64(nb.MinItems), MaxItems: uint64(nb.MaxItems),
		}
	}
	return out
}

func convertAttribute(a *tfprotov6.SchemaAttribute) *tfjson.SchemaAttribute {
	out := &tfjson.SchemaAttribute{
		Description: a.Description, DescriptionKind: kind(a.DescriptionKind), Deprecated: a.Deprecated,
		Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
	}
	if a.NestedType == nil {
		out.AttributeType = ctyType(a.Type)
		return out
	}
	nested := &tfjson.SchemaNestedAttributeType{
		Attributes:  map[string]*tfjson.SchemaAttribute{},
		NestingMode: objectNesting[a.NestedType.Nesting],
	}
	for _, na := range a.NestedType.Attributes {
		nested.Attributes[na.Name] = convertAttribute(na)
	}
	out.AttributeNestedType = nested
	return out
}

// The protocol's nesting modes in terraform's JSON words.
var (
	objectNesting = map[tfprotov6.SchemaObjectNestingMode]tfjson.SchemaNestingMode{
		tfprotov6.SchemaObjectNestingModeSingle: tfjson.SchemaNestingModeSingle, tfprotov6.SchemaObjectNestingModeList: tfjson.SchemaNestingModeList,
		tfprotov6.SchemaObjectNestingModeSet: tfjson.SchemaNestingModeSet, tfprotov6.SchemaObjectNestingModeMap: tfjson.SchemaNestingModeMap,
	}
	blockNesting = map[tfprotov6.SchemaNestedBlockNestingMode]tfjson.SchemaNestingMode{
		tfprotov6.SchemaNestedBlockNestingModeSingle: tfjson.SchemaNestingModeSingle, tfprotov6.SchemaNestedBlockNestingModeList: tfjson.SchemaNestingModeList,
		tfprotov6.SchemaNestedBlockNestingModeSet: tfjson.SchemaNestingModeSet, tfprotov6.SchemaNestedBlockNestingModeMap: tfjson.SchemaNestingModeMap,
		tfprotov6.SchemaNestedBlockNestingModeGroup: tfjson.SchemaNestingModeGroup,
	}
)

func kind(k tfprotov6.StringKind) tfjson.SchemaDescriptionKind {
	if k == tfprotov6.StringKindMarkdown {
		return tfjson.SchemaDescriptionKindMarkdown
	}
	return tfjson.SchemaDescriptionKindPlain
}

// ctyType is the cty type of a tftypes type.
func ctyType(t tftypes.Type) cty.Type {
	switch {
	case t.Is(tftypes.String):
		return cty.String
	case t.Is(tftypes.Number):
		return cty.Number
	case t.Is(tftypes.Bool):
		return cty.Bool
	case t.Is(tftypes.DynamicPseudoType):
		return cty.DynamicPseudoType
	}
	switch t := t.(type) {
	case tftypes.List:
		return cty.List(ctyType(t.ElementType))
	case tftypes.Set:
		return cty.Set(ctyType(t.ElementType))
	case tftypes.Map:
		return cty.Map(ctyType(t.ElementType))
	case tftypes.Object:
		attrs := map[string]cty.Type{}
		for name, at := range t.AttributeTypes {
			attrs[name] = ctyType(at)
		}
		return cty.Object(attrs)
	case tftypes.Tuple:
		elems := make([]cty.Type, len(t.ElementTypes))
		for i, et := range t.ElementTypes {
			elems[i] = ctyType(et)
		}
		return cty.Tuple(elems)
	}
	log.Fatalf("no cty type for %s", t)
	return cty.NilType
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
