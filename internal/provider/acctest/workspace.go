// Package acctest is what the provider's acceptance tests, the end-to-end
// tests and the benchmarks share: the client under test (Terraform or
// OpenTofu) and its environment, provider blocks for the emulator, and
// workspaces that run the real binary against a freshly built provider, the
// way users run it (terraform init from a local mirror, a plugin process).
package acctest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

// MirrorVersion is the version the built provider is installed as.
const MirrorVersion = "0.0.1"

// Terraform returns the terraform binary the tests use: TF_ACC_TERRAFORM_PATH
// (set by make test) or the one on PATH.
func Terraform() (string, error) {
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		return p, nil
	}
	return exec.LookPath("terraform")
}

// ProviderSource is the provider's short source, as users write it.
const ProviderSource = "mintlify/mintlify"

// BuildProvider compiles the provider into a local filesystem mirror under
// dir and returns the mirror's root.
func BuildProvider(ctx context.Context, moduleRoot, dir string) (string, error) {
	mirror := filepath.Join(dir, "mirror")
	return mirror, BuildPlugin(ctx, moduleRoot, mirror, ".", ProviderSource)
}

// BuildPlugin compiles the provider main package pkg into mirror under its
// short source (namespace/type) as MirrorVersion, once for each registry
// host that Terraform or OpenTofu resolves that source on.
func BuildPlugin(ctx context.Context, moduleRoot, mirror, pkg, source string) error {
	return BuildPluginVersion(ctx, moduleRoot, mirror, pkg, source, MirrorVersion)
}

// BuildPluginVersion is BuildPlugin as version.
func BuildPluginVersion(ctx context.Context, moduleRoot, mirror, pkg, source, version string) error {
	name := "terraform-provider-" + path.Base(source) + "_v" + version
	platform := runtime.GOOS + "_" + runtime.GOARCH
	var built string
	for _, host := range registryHosts {
		out := filepath.Join(mirror, host, filepath.FromSlash(source), version, platform, name)
		if built != "" {
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			if err := os.Link(built, out); err != nil {
				return err
			}
			continue
		}
		cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
		cmd.Dir = moduleRoot
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("building %s: %v\n%s", pkg, err, b)
		}
		built = out
	}
	return nil
}

// Workspace is a terraform working directory wired to where providers
// install from: a local mirror, or a local registry.
type Workspace struct {
	Dir       string
	Terraform string
	Env       []string
}

// NewWorkspace creates dir with a CLI configuration that installs providers
// from mirror only, so nothing reaches the network.
func NewWorkspace(dir, mirror, terraform string) (*Workspace, error) {
	cfg := fmt.Sprintf("provider_installation {\n  filesystem_mirror {\n    path = %q\n  }\n}\n", mirror)
	return NewWorkspaceWithCLIConfig(dir, cfg, terraform)
}

// NewWorkspaceWithCLIConfig creates dir with this CLI configuration, such
// as one that installs from a local registry.
func NewWorkspaceWithCLIConfig(dir, cliConfig, terraform string) (*Workspace, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	rc := filepath.Join(dir, ".terraformrc")
	if err := os.WriteFile(rc, []byte(cliConfig), 0o600); err != nil {
		return nil, err
	}
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
		"TF_PLUGIN_CACHE_DIR=", "TF_LOG=", "TF_LOG_PATH=")
	return &Workspace{Dir: dir, Terraform: terraform, Env: env}, nil
}

// WriteConfig writes main.tf with a required_providers block naming the
// given providers (local name to source), the mintlify provider when none.
func (w *Workspace) WriteConfig(body string, providers ...[2]string) error {
	if len(providers) == 0 {
		providers = [][2]string{{"mintlify", ProviderSource}}
	}
	header := "terraform {\n  required_providers {\n"
	for _, p := range providers {
		header += fmt.Sprintf("    %s = { source = %q }\n", p[0], p[1])
	}
	header += "  }\n}\n\n"
	return os.WriteFile(filepath.Join(w.Dir, "main.tf"), []byte(header+body), 0o600)
}

// Command prepares a terraform command in the workspace.
func (w *Workspace) Command(ctx context.Context, extraEnv []string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, w.Terraform, args...)
	cmd.Dir = w.Dir
	cmd.Env = append(append([]string{}, w.Env...), extraEnv...)
	return cmd
}

// Run runs terraform and returns its combined output. Its error leads with
// Terraform's diagnostics, which follow a plan of any length, so that a log
// cut short still shows why it failed.
func (w *Workspace) Run(ctx context.Context, extraEnv []string, args ...string) (string, error) {
	var out bytes.Buffer
	cmd := w.Command(ctx, extraEnv, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil {
		err = fmt.Errorf("terraform %s: %v\n%s\nwhole output:\n%s", strings.Join(args, " "), err, Diagnostics(out.String()), out.String())
	}
	return out.String(), err
}

// ansiEscape is a terminal color code, as Terraform prints without -no-color.
var ansiEscape = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// Diagnostics is the part of Terraform's output from its first error or
// warning box on, without color codes; all of it when it has none.
func Diagnostics(out string) string {
	plain := ansiEscape.ReplaceAllString(out, "")
	if i := strings.Index(plain, "\u2577"); i >= 0 { // ╷, the top of a diagnostic box
		return plain[i:]
	}
	return plain
}

// ModuleRoot finds the repository root from a package directory.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// ProviderBlock is a provider "mintlify" block that points at the emulator
// with its default credentials.
func ProviderBlock(emu *emulator.Server) string {
	return ProviderConfig(emu.URL(), emu.APIKey(), emu.ProjectID())
}

// ProviderConfig is a provider "mintlify" block with these settings, each
// left out when empty, and extra lines of HCL.
func ProviderConfig(baseURL, apiKey, projectID string, extra ...string) string {
	var b strings.Builder
	b.WriteString("provider \"mintlify\" {\n")
	for _, s := range [][2]string{{"base_url", baseURL}, {"api_key", apiKey}, {"project_id", projectID}} {
		if s[1] != "" {
			fmt.Fprintf(&b, "  %-10s = %q\n", s[0], s[1])
		}
	}
	for _, line := range extra {
		b.WriteString("  " + line + "\n")
	}
	return b.String() + "}\n"
}
