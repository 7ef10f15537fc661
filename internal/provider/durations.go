package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/mintlify/terraform-provider-mintlify/internal/provider/customtypes"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/validators"
)

// durationOr is the configured duration, or def when it is unset. Its type
// has checked it at plan time.
func durationOr(v customtypes.Duration, def time.Duration) (time.Duration, diag.Diagnostics) {
	if v.IsNull() || v.IsUnknown() {
		return def, nil
	}
	return v.ValueGoDuration()
}

// durationText writes d as users write durations: "30m", not Go's "30m0s".
func durationText(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// timeoutsAttribute is the timeouts module's attribute, with every timeout
// required to be positive at plan time: a zero or negative one would fail
// the operation before it sent anything.
func timeoutsAttribute(ctx context.Context, opts timeouts.Opts) (schema.Attribute, diag.Diagnostics) {
	var diags diag.Diagnostics
	base := timeouts.Attributes(ctx, opts)
	nested, ok := base.(schema.SingleNestedAttribute)
	if !ok {
		diags.AddError("Unexpected timeouts schema",
			fmt.Sprintf("The timeouts module returned %T. This is a bug in the provider; please report it.", base))
		return base, diags
	}
	for name, a := range nested.Attributes {
		if s, ok := a.(schema.StringAttribute); ok {
			// In place of the module's own check, whose message is less clear.
			s.Validators = []validator.String{validators.PositiveDuration("30m")}
			nested.Attributes[name] = s
		}
	}
	nested.MarkdownDescription = "How long operations may take. Changing a timeout only updates the state."
	return nested, diags
}
