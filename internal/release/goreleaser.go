package release

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// BuildOptions say how to build a release with goreleaser.
type BuildOptions struct {
	// Goreleaser is the module and version `go run` runs:
	// github.com/goreleaser/goreleaser/v2@$(GORELEASER_VERSION), the GNUmakefile's pin.
	Goreleaser string
	// ModuleRoot is the repository, with .goreleaser.yml and
	// terraform-registry-manifest.json.
	ModuleRoot string
	// Dir receives the configuration goreleaser runs with, its log and dist/.
	Dir string
	// Version is released as if tagged vVERSION.
	Version string
	// Keyring signs SHA256SUMS, through .goreleaser.yml's signs section.
	Keyring *Keyring
	// AllTargets builds every platform of .goreleaser.yml. Otherwise each
	// build is narrowed to this machine's platform, and the rest of the
	// configuration (names, archives, checksums, signing) is kept as it is.
	AllTargets bool
}

// Build runs `goreleaser release --clean` on .goreleaser.yml as the release
// workflow does, except that it publishes nothing, writes dist/ under
// o.Dir, and skips the checks that a tag points at a clean HEAD (so
// uncommitted changes are what it builds).
func Build(ctx context.Context, o BuildOptions) (*Release, error) {
	src, err := os.ReadFile(filepath.Join(o.ModuleRoot, ".goreleaser.yml"))
	if err != nil {
		return nil, err
	}
	var host *Platform
	if !o.AllTargets {
		host = &Platform{OS: runtime.GOOS, Arch: runtime.GOARCH}
	}
	dist := filepath.Join(o.Dir, "dist")
	cfg, err := deriveConfig(src, dist, host)
	if err != nil {
		return nil, fmt.Errorf(".goreleaser.yml: %w", err)
	}
	cfgPath := filepath.Join(o.Dir, "goreleaser.yml")
	if err := os.WriteFile(cfgPath, cfg.yaml, 0o600); err != nil {
		return nil, err
	}
	logPath := filepath.Join(o.Dir, "goreleaser.log")
	log, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer log.Close()
	cmd := exec.CommandContext(ctx, "go", "run", o.Goreleaser, "release", "--clean",
		"--skip=publish,announce,validate", "--config", cfgPath)
	cmd.Dir = o.ModuleRoot
	cmd.Env = append(append(os.Environ(), o.Keyring.Env()...), "GORELEASER_CURRENT_TAG=v"+o.Version)
	cmd.Env = append(cmd.Env, gitRemoteEnv(cfg.remote)...)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		out, _ := os.ReadFile(logPath)
		return nil, fmt.Errorf("go run %s release: %v\n%s", o.Goreleaser, err, out)
	}
	var meta struct {
		Version string `json:"version"`
	}
	b, err := os.ReadFile(filepath.Join(dist, "metadata.json"))
	if err == nil {
		err = json.Unmarshal(b, &meta)
	}
	if err != nil {
		return nil, fmt.Errorf("goreleaser's metadata.json: %w", err)
	}
	if meta.Version != o.Version {
		return nil, fmt.Errorf("goreleaser released version %q, want %q", meta.Version, o.Version)
	}
	return &Release{
		Dir:       dist,
		Type:      cfg.providerType,
		Version:   o.Version,
		Platforms: cfg.platforms,
		Manifest:  filepath.Join(o.ModuleRoot, "terraform-registry-manifest.json"),
	}, nil
}

// gitRemoteEnv gives git a remote.origin.url through its environment.
// goreleaser asks git for it even when it publishes nothing, and a worktree
// or a clone may have no remote; the repository's configuration is left
// alone.
func gitRemoteEnv(url string) []string {
	n, _ := strconv.Atoi(os.Getenv("GIT_CONFIG_COUNT"))
	i := strconv.Itoa(n)
	return []string{"GIT_CONFIG_COUNT=" + strconv.Itoa(n+1), "GIT_CONFIG_KEY_" + i + "=remote.origin.url", "GIT_CONFIG_VALUE_" + i + "=" + url}
}

// derivedConfig is .goreleaser.yml as the test runs it, and what it read
// from it.
type derivedConfig struct {
	yaml []byte
	// providerType is project_name without terraform-provider-.
	providerType string
	// platforms are what the builds make: goos × goarch.
	platforms []Platform
	// remote is the GitHub repository the release would be published to.
	remote string
}

// deriveConfig sets dist and, when host is not nil, narrows every build to
// that platform; the rest of the file, comments included, stays as it is.
func deriveConfig(src []byte, dist string, host *Platform) (*derivedConfig, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("not a mapping")
	}
	root := doc.Content[0]
	cfg := &derivedConfig{}
	project := scalar(lookup(root, "project_name"))
	var ok bool
	if cfg.providerType, ok = strings.CutPrefix(project, "terraform-provider-"); !ok || cfg.providerType == "" {
		return nil, fmt.Errorf("project_name %q is not terraform-provider-NAME, as the Registry requires", project)
	}
	github := lookup(lookup(root, "release"), "github")
	cfg.remote = fmt.Sprintf("https://github.com/%s/%s.git", scalar(lookup(github, "owner")), scalar(lookup(github, "name")))

	builds := lookup(root, "builds")
	if builds == nil || builds.Kind != yaml.SequenceNode || len(builds.Content) == 0 {
		return nil, fmt.Errorf("no builds")
	}
	seen := map[Platform]bool{}
	for _, b := range builds.Content {
		for _, key := range []string{"targets", "ignore"} {
			if lookup(b, key) != nil {
				return nil, fmt.Errorf("builds.%s: the release test reads only goos and goarch", key)
			}
		}
		for _, goos := range scalars(lookup(b, "goos")) {
			for _, goarch := range scalars(lookup(b, "goarch")) {
				if p := (Platform{OS: goos, Arch: goarch}); !seen[p] {
					seen[p] = true
					cfg.platforms = append(cfg.platforms, p)
				}
			}
		}
		if host != nil {
			set(b, "goos", sequence(host.OS))
			set(b, "goarch", sequence(host.Arch))
		}
	}
	if host != nil {
		if !seen[*host] {
			return nil, fmt.Errorf("builds make %v, not this machine's %s", cfg.platforms, host)
		}
		cfg.platforms = []Platform{*host}
	}
	if len(cfg.platforms) == 0 {
		return nil, fmt.Errorf("builds list no goos and goarch")
	}
	set(root, "dist", &yaml.Node{Kind: yaml.ScalarNode, Value: dist})
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	cfg.yaml = out.Bytes()
	return cfg, nil
}

// lookup is the value of key in mapping m, or nil.
func lookup(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// set sets key in mapping m to v.
func set(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
}

func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

func scalars(n *yaml.Node) []string {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, scalar(c))
	}
	return out
}

func sequence(values ...string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, v := range values {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: v})
	}
	return n
}
