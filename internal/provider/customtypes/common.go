package customtypes

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// stringFromTerraform reads a Terraform string into the custom value wrap
// makes of it: what every string-based type here does the same way.
func stringFromTerraform(ctx context.Context, in tftypes.Value, wrap func(basetypes.StringValue) attr.Value) (attr.Value, error) {
	v, err := basetypes.StringType{}.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return wrap(s), nil
}
