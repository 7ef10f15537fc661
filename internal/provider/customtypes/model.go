// Package customtypes holds the provider's attribute types that know more
// than a plain string: what counts as the same value.
package customtypes

import (
	"context"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// ModelType is a model name: the v1 API takes a model family ("sonnet" or
// "opus"), and every API answer names the full model ("claude-sonnet-4-5").
// It treats a family and a full name of that family as the same value, so
// a configured "opus" stays "opus" in state when Mintlify reports
// "claude-opus-4-1", and an imported job's full name is valid configuration.
type ModelType struct{ basetypes.StringType }

var (
	_ basetypes.StringTypable                    = ModelType{}
	_ basetypes.StringValuableWithSemanticEquals = ModelValue{}
)

// Equal reports whether o is a ModelType.
func (t ModelType) Equal(o attr.Type) bool {
	other, ok := o.(ModelType)
	return ok && t.StringType.Equal(other.StringType)
}

func (t ModelType) String() string { return "customtypes.ModelType" }

// ValueFromString wraps a string value as a ModelValue.
func (t ModelType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return ModelValue{StringValue: in}, nil
}

// ValueFromTerraform reads a Terraform string as a ModelValue.
func (t ModelType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	return stringFromTerraform(ctx, in, func(s basetypes.StringValue) attr.Value { return ModelValue{StringValue: s} })
}

// ValueType is ModelValue.
func (t ModelType) ValueType(context.Context) attr.Value { return ModelValue{} }

// ModelValue is a model name or family.
type ModelValue struct{ basetypes.StringValue }

// Equal compares the text of two models; StringSemanticEquals compares their families.
func (v ModelValue) Equal(o attr.Value) bool {
	other, ok := o.(ModelValue)
	return ok && v.StringValue.Equal(other.StringValue)
}

// Type is ModelType.
func (v ModelValue) Type(context.Context) attr.Type { return ModelType{} }

// StringSemanticEquals reports whether two names are of the same family ("opus" and "claude-opus-4-1").
func (v ModelValue) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := newValuable.(ModelValue)
	if !ok {
		return false, nil
	}
	return ModelFamily(v.ValueString()) != "" && ModelFamily(v.ValueString()) == ModelFamily(other.ValueString()), nil
}

// NewModelValue is s as a model value, null when empty.
func NewModelValue(s string) ModelValue {
	if s == "" {
		return ModelValue{StringValue: basetypes.NewStringNull()}
	}
	return ModelValue{StringValue: basetypes.NewStringValue(s)}
}

var fullModelName = regexp.MustCompile(`^claude-[a-z0-9][a-z0-9.-]*$`)

// ModelFamily is "sonnet" or "opus" for a family or a full model name of
// it, and "" for anything else.
func ModelFamily(name string) string {
	for _, family := range []string{"sonnet", "opus"} {
		if name == family || (fullModelName.MatchString(name) && strings.Contains(name, "-"+family)) {
			return family
		}
	}
	return ""
}

// IsModelName reports whether name is a family, or a full model name as
// the API reports it (so the configuration generated for an imported job
// validates).
func IsModelName(name string) bool {
	return name == "sonnet" || name == "opus" || fullModelName.MatchString(name)
}

// ModelRule says which values a model takes.
const ModelRule = `must be "sonnet" or "opus" (or a full model name the API reports, such as "claude-sonnet-4-5")`
