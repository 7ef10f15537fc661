package release

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v4"
)

// The configuration the release test runs is .goreleaser.yml, narrowed to
// one platform and with its own dist: nothing else differs.
func TestDeriveConfig(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", ".goreleaser.yml"))
	if err != nil {
		t.Fatal(err)
	}
	all, err := deriveConfig(src, "/tmp/dist", nil)
	if err != nil {
		t.Fatal(err)
	}
	if all.providerType != "mintlify" || len(all.platforms) != 8 {
		t.Errorf("every target: type %q, platforms %v", all.providerType, all.platforms)
	}
	host := &Platform{OS: "linux", Arch: "arm64"}
	one, err := deriveConfig(src, "/tmp/dist", host)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one.platforms, []Platform{*host}) {
		t.Errorf("one target: platforms %v", one.platforms)
	}
	var want, got struct {
		Dist   string           `yaml:"dist"`
		Builds []map[string]any `yaml:"builds"`
		Rest   map[string]any   `yaml:",inline"`
	}
	if err := yaml.Unmarshal(src, &want); err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(one.yaml, &got); err != nil {
		t.Fatal(err)
	}
	if got.Dist != "/tmp/dist" {
		t.Errorf("dist: %v", got.Dist)
	}
	if len(got.Builds) != 1 || !reflect.DeepEqual(got.Builds[0]["goos"], []any{"linux"}) ||
		!reflect.DeepEqual(got.Builds[0]["goarch"], []any{"arm64"}) {
		t.Fatalf("the build is not narrowed to linux_arm64: %v", got.Builds)
	}
	for _, k := range []string{"goos", "goarch"} {
		delete(got.Builds[0], k)
		delete(want.Builds[0], k)
	}
	got.Dist = ""
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the derived configuration differs from .goreleaser.yml beyond dist and the targets:\n%s", one.yaml)
	}
	if _, err := deriveConfig(src, "/tmp/dist", &Platform{OS: "plan9", Arch: "amd64"}); err == nil {
		t.Error("a platform .goreleaser.yml does not build was accepted")
	}
}
