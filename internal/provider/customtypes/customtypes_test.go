package customtypes

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func duration(s string) Duration {
	v, _ := DurationType{}.ValueFromString(context.Background(), basetypes.NewStringValue(s))
	d, _ := v.(Duration)
	return d
}

// TestDurationSameLength: durations as long are the same value, whatever
// their text; a value that is not a duration is one error naming it.
func TestDurationSameLength(t *testing.T) {
	ctx := context.Background()
	for a, b := range map[string]string{"90s": "1m30s", "1h": "60m", "30m": "30m0s"} {
		if same, _ := duration(a).StringSemanticEquals(ctx, duration(b)); !same {
			t.Errorf("%s and %s are not the same", a, b)
		}
	}
	if same, _ := duration("30s").StringSemanticEquals(ctx, duration("31s")); same {
		t.Error("30s and 31s are the same")
	}
	if duration("90s").Equal(duration("1m30s")) {
		t.Error("Equal compares what they mean; it compares their text")
	}
	var resp xattr.ValidateAttributeResponse
	duration("soon").ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: path.Root("timeout")}, &resp)
	if len(resp.Diagnostics) != 1 || !strings.Contains(resp.Diagnostics[0].Detail(), `timeout is "soon", which is not a duration`) {
		t.Errorf("diagnostics %v", resp.Diagnostics)
	}
	resp = xattr.ValidateAttributeResponse{}
	duration("1h30m").ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: path.Root("timeout")}, &resp)
	if resp.Diagnostics.HasError() {
		t.Errorf("1h30m refused: %v", resp.Diagnostics)
	}
	v, err := DurationType{}.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.String, "5s"))
	if d, ok := v.(Duration); err != nil || !ok || d.ValueString() != "5s" {
		t.Errorf("ValueFromTerraform = %v, %v", v, err)
	}
}

// TestModelFamilies: a family and a full name of it are the same model;
// another family, or an unknown name, is not.
func TestModelFamilies(t *testing.T) {
	ctx := context.Background()
	for name, want := range map[string]string{"sonnet": "sonnet", "claude-sonnet-4-5": "sonnet", "opus": "opus", "claude-opus-4-1": "opus",
		"haiku": "", "claude-haiku-4": "", "sonnet-4": "", "": ""} {
		if got := ModelFamily(name); got != want {
			t.Errorf("ModelFamily(%q) = %q, want %q", name, got, want)
		}
	}
	for _, pair := range [][2]string{{"opus", "claude-opus-4-1"}, {"claude-sonnet-4-5", "sonnet"}} {
		if same, _ := NewModelValue(pair[0]).StringSemanticEquals(ctx, NewModelValue(pair[1])); !same {
			t.Errorf("%s and %s are not the same model", pair[0], pair[1])
		}
	}
	for _, pair := range [][2]string{{"opus", "claude-sonnet-4-5"}, {"haiku", "haiku"}} {
		if same, _ := NewModelValue(pair[0]).StringSemanticEquals(ctx, NewModelValue(pair[1])); same {
			t.Errorf("%s and %s are the same model", pair[0], pair[1])
		}
	}
	if !NewModelValue("").IsNull() || NewModelValue("opus").ValueString() != "opus" {
		t.Error("NewModelValue: \"\" is not null, or a name is not kept")
	}
	for name, want := range map[string]bool{"sonnet": true, "claude-opus-4-1": true, "gpt-4": false, "Claude-Opus": false} {
		if IsModelName(name) != want {
			t.Errorf("IsModelName(%q) = %v", name, !want)
		}
	}
}
