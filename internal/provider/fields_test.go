package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

type sample struct {
	name    string
	at      *mintlify.Time
	ok      *bool
	count   int64
	share   float64
	tags    map[string]string
	entries []string
	labels  map[string]string
}

var sampleFields = fields[sample]{
	text("name", "The name.", func(s sample) string { return s.name }),
	timestamp("at", "When.", func(s sample) *mintlify.Time { return s.at }),
	flag("ok", "Whether.", func(s sample) *bool { return s.ok }),
	integer("count", "How many.", func(s sample) int64 { return s.count }),
	number("share", "How much.", func(s sample) float64 { return s.share }),
	object("tags", "Tags.", [][2]string{{"a", "A."}, {"b", "B."}}, func(s sample) map[string]string { return s.tags }),
	listOf("entries", "Entries.", fields[string]{text("value", "The value.", func(e string) string { return e })},
		func(s sample) []string { return s.entries }),
	stringMap("labels", "Labels.", func(s sample) map[string]string { return s.labels }).asSensitive(),
}

// TestFieldValues: what the API leaves out is null; what it sends is kept
// as it sent it.
func TestFieldValues(t *testing.T) {
	yes := true
	full := sampleFields.values(sample{name: "n", at: &mintlify.Time{Text: "2026-12-01T10:00:00.123Z"}, ok: &yes, count: 3, share: 0.5,
		tags: map[string]string{"a": "x"}, entries: []string{"e1", ""}, labels: map[string]string{"k": "v"}})
	if !full["name"].Equal(tfString("n")) || !full["at"].Equal(tfString("2026-12-01T10:00:00.123Z")) ||
		!full["ok"].Equal(tftypes.NewValue(tftypes.Bool, true)) || !full["count"].Equal(tftypes.NewValue(tftypes.Number, 3)) {
		t.Errorf("values %v", full)
	}
	var tags map[string]tftypes.Value
	if err := full["tags"].As(&tags); err != nil || !tags["a"].Equal(tfString("x")) || !tags["b"].IsNull() {
		t.Errorf("tags %v; want a kept and b null", full["tags"])
	}
	var entries []tftypes.Value
	if err := full["entries"].As(&entries); err != nil || len(entries) != 2 {
		t.Errorf("entries %v; want 2", full["entries"])
	}
	var labels map[string]tftypes.Value
	if err := full["labels"].As(&labels); err != nil || !labels["k"].Equal(tfString("v")) {
		t.Errorf("labels %v", full["labels"])
	}
	empty := sampleFields.values(sample{})
	for _, name := range []string{"name", "at", "ok", "tags"} {
		if !empty[name].IsNull() {
			t.Errorf("%s = %v for nothing reported; want null", name, empty[name])
		}
	}
	if empty["entries"].IsNull() || empty["labels"].IsNull() {
		t.Error("an empty list or map is null; want an empty one")
	}
}

// TestFieldSchemas: every field has an attribute of its type, computed,
// in resources and data sources, and the values fit those types.
func TestFieldSchemas(t *testing.T) {
	ctx := context.Background()
	ds := schema.Schema{Attributes: sampleFields.dataSourceAttributes()}
	rs := rschema.Schema{Attributes: sampleFields.resourceAttributes()}
	want := sampleFields.objectType()
	for name, typ := range map[string]tftypes.Type{"data source": ds.Type().TerraformType(ctx), "resource": rs.Type().TerraformType(ctx)} {
		if !typ.Equal(want) {
			t.Errorf("%s type %s; want %s", name, typ, want)
		}
	}
	for name, a := range ds.Attributes {
		if !a.IsComputed() || a.IsOptional() || a.GetMarkdownDescription() == "" || a.IsSensitive() != (name == "labels") {
			t.Errorf("data source attribute %s is not computed-only with a description, or its sensitivity is wrong", name)
		}
	}
	for name, a := range rs.Attributes {
		if !a.IsComputed() || a.IsOptional() {
			t.Errorf("resource attribute %s is not computed-only", name)
		}
	}
	// The values fit the type: a whole object of them is a valid value.
	tftypes.NewValue(want, sampleFields.values(sample{}))
	if names := sampleFields.except("tags", "entries", "labels").names(); len(names) != 5 {
		t.Errorf("except left %v", names)
	}
}
