package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

var (
	buildOnce   sync.Once
	buildDir    string // removed by TestMain
	builtMirror string
	buildErr    error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "mintlify-e2e-")
	if err != nil {
		panic(err)
	}
	buildDir = dir
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// setup builds the provider once per test binary and returns a workspace
// in a fresh directory.
func setup(t *testing.T) *Workspace {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("end-to-end tests run terraform: set TF_ACC=1 (make test does)")
	}
	terraform, err := Terraform()
	if err != nil {
		t.Skipf("no terraform binary: %v", err)
	}
	buildOnce.Do(func() {
		root, err := ModuleRoot()
		if err != nil {
			buildErr = err
			return
		}
		builtMirror, buildErr = BuildProvider(context.Background(), root, buildDir)
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	ws, err := NewWorkspace(t.TempDir(), builtMirror, terraform)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestSecretsNeverLeak applies and plans at TF_LOG=trace with the key in the
// configuration, then searches everything terraform wrote for the key.
func TestSecretsNeverLeak(t *testing.T) {
	ws := setup(t)
	const key = "mint_e2e_0123456789abcdef_SECRET"
	emu := emulator.Start(t, emulator.Options{APIKey: key, JobDuration: time.Second})
	ctx := context.Background()
	if err := ws.WriteConfig(ProviderBlock(emu) + `resource "mintlify_agent_job" "x" { prompt = "Document the webhooks" }` + "\n"); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(ws.Dir, "trace.log")
	traceEnv := []string{"TF_LOG=trace", "TF_LOG_PATH=" + logPath}
	var outputs []string
	for _, args := range [][]string{{"init", "-input=false"}, {"apply", "-auto-approve", "-input=false"}, {"plan", "-input=false"}, {"show", "-json"}} {
		out, err := ws.Run(ctx, traceEnv, args...)
		if err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, out)
	}
	logBytes, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	state, err := os.ReadFile(filepath.Join(ws.Dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(logBytes), "Mintlify API request") {
		t.Fatal("the trace log has no request log of the provider: the search below would prove nothing")
	}
	for name, text := range map[string]string{"trace log": string(logBytes), "state": string(state), "command output": strings.Join(outputs, "\n")} {
		if strings.Contains(text, key) || strings.Contains(text, key[5:]) {
			t.Errorf("the API key appears in the %s", name)
		}
	}
	if n := emu.CountRequests("POST", "/job"); n != 1 {
		t.Errorf("create requests = %d, want 1", n)
	}
}

// TestInterruptKeepsJob presses Ctrl-C during the wait: terraform stops, the
// job id stays in state (tainted), and the job was created once.
func TestInterruptKeepsJob(t *testing.T) {
	ws := setup(t)
	emu := emulator.Start(t, emulator.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := ws.WriteConfig(ProviderBlock(emu) + `resource "mintlify_agent_job" "x" { prompt = "A long job [emulator:duration=1h]" }` + "\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Run(ctx, nil, "init", "-input=false"); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	apply := ws.Command(ctx, nil, "apply", "-auto-approve", "-input=false")
	apply.Stdout, apply.Stderr = &out, &out
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300 && len(emu.Jobs()) == 0; i++ {
		time.Sleep(50 * time.Millisecond)
	}
	jobs := emu.Jobs()
	if len(jobs) != 1 {
		_ = apply.Process.Kill()
		t.Fatalf("no job was created within 15 s:\n%s", out.String())
	}
	time.Sleep(1500 * time.Millisecond) // into the wait
	if err := apply.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if err := apply.Wait(); err == nil {
		t.Fatalf("apply succeeded after the interrupt:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "Interrupted while waiting") {
		t.Errorf("the apply output does not explain the interrupt:\n%s", out.String())
	}
	raw, err := os.ReadFile(filepath.Join(ws.Dir, "terraform.tfstate"))
	if err != nil {
		t.Fatalf("no state after the interrupt: %v\n%s", err, out.String())
	}
	var state struct {
		Resources []struct {
			Type      string `json:"type"`
			Instances []struct {
				Status     string         `json:"status"`
				Attributes map[string]any `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(raw, &state); err != nil {
		t.Fatal(err)
	}
	if len(state.Resources) != 1 || len(state.Resources[0].Instances) != 1 {
		t.Fatalf("state after the interrupt has %d resources, want the job:\n%s", len(state.Resources), raw)
	}
	inst := state.Resources[0].Instances[0]
	if inst.Attributes["id"] != jobs[0].ID || inst.Status != "tainted" || inst.Attributes["status"] != "active" {
		t.Errorf("state keeps id %v, status %v, instance %q; want %s, active, tainted", inst.Attributes["id"], inst.Attributes["status"], inst.Status, jobs[0].ID)
	}
	if n := emu.CountRequests("POST", "/job"); n != 1 {
		t.Errorf("create requests = %d, want 1", n)
	}
}

// newerTerraform names the examples that need a newer terraform than 1.5:
// they are validated only where one is installed.
var newerTerraform = map[string]string{
	"import-by-identity.tf": "1.12.0",
	"action.tf":             "1.14.0",
}

// terraformVersion is the version of the workspace's terraform.
func terraformVersion(t *testing.T, ws *Workspace) string {
	t.Helper()
	out, err := ws.Run(context.Background(), nil, "version", "-json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &v); err != nil {
		t.Fatal(err)
	}
	return v.Version
}

// versionAtLeast compares dotted versions numerically.
func versionAtLeast(have, want string) bool {
	h, w := strings.Split(have, "."), strings.Split(want, ".")
	for i := range w {
		var hn, wn int
		if i < len(h) {
			hn, _ = strconv.Atoi(strings.SplitN(h[i], "-", 2)[0])
		}
		wn, _ = strconv.Atoi(w[i])
		if hn != wn {
			return hn > wn
		}
	}
	return true
}

// TestExamples checks every example the docs show: formatted, and valid
// against the provider's schema with the locally built provider.
func TestExamples(t *testing.T) {
	ws := setup(t)
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	examples := filepath.Join(root, "examples")
	if out, err := ws.Run(context.Background(), nil, "fmt", "-check", "-recursive", "-diff", examples); err != nil {
		t.Fatalf("examples are not formatted (run terraform fmt -recursive examples): %v\n%s", err, out)
	}
	dirs := map[string]bool{}
	_ = filepath.WalkDir(examples, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tf") {
			dirs[filepath.Dir(path)] = true
		}
		return err
	})
	if len(dirs) < 4 {
		t.Fatalf("found %d example directories; the walk is broken", len(dirs))
	}
	for dir := range dirs {
		rel, _ := filepath.Rel(examples, dir)
		t.Run(rel, func(t *testing.T) {
			work := setup(t)
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			declared := false
			version := terraformVersion(t, work)
			for _, e := range entries {
				if !strings.HasSuffix(e.Name(), ".tf") {
					continue
				}
				if needs, ok := newerTerraform[e.Name()]; ok && !versionAtLeast(version, needs) {
					t.Logf("%s needs terraform %s, not validated with %s", e.Name(), needs, version)
					continue
				}
				b, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				declared = declared || strings.Contains(string(b), "required_providers")
				if err := os.WriteFile(filepath.Join(work.Dir, e.Name()), b, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if !declared {
				if err := os.WriteFile(filepath.Join(work.Dir, "providers.tf"),
					[]byte("terraform {\n  required_providers {\n    mintlify = { source = \"mintlify/mintlify\" }\n  }\n}\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			ctx := context.Background()
			if _, err := work.Run(ctx, nil, "init", "-input=false", "-backend=false"); err != nil {
				t.Fatal(err)
			}
			if _, err := work.Run(ctx, nil, "validate", "-no-color"); err != nil {
				t.Fatal(err)
			}
		})
	}
}
