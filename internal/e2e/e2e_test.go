package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/go-version"

	"github.com/mintlify/terraform-provider-mintlify/internal/e2e/githubschema"
	"github.com/mintlify/terraform-provider-mintlify/internal/e2e/helmschema"
	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/acctest"
)

var (
	buildOnce   sync.Once
	buildDir    string // removed by TestMain
	builtMirror string
	buildErr    error
)

// testClient is the terraform or tofu the tests run, when TF_ACC is set.
var testClient *acctest.Client

func TestMain(m *testing.M) {
	if os.Getenv("TF_ACC") != "" {
		var err error
		if testClient, err = acctest.PrepareTestEnv(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
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
func setup(t *testing.T) *acctest.Workspace {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("end-to-end tests run terraform: set TF_ACC=1 (make test does)")
	}
	buildOnce.Do(func() {
		root, err := acctest.ModuleRoot()
		if err != nil {
			buildErr = err
			return
		}
		builtMirror, buildErr = acctest.BuildProvider(context.Background(), root, buildDir)
		if buildErr == nil {
			// examples/static-export-helm validates against helmschema.
			buildErr = acctest.BuildPluginVersion(context.Background(), root, builtMirror, "./internal/e2e/cmd/helm-schema-provider",
				helmschema.Source, helmschema.Version)
		}
		if buildErr == nil {
			// examples/functions/parse_pr_link validates against githubschema.
			buildErr = acctest.BuildPluginVersion(context.Background(), root, builtMirror, "./internal/e2e/cmd/github-schema-provider",
				githubschema.Source, githubschema.Version)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	ws, err := acctest.NewWorkspace(t.TempDir(), builtMirror, testClient.Path)
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
	emu := emulator.Start(t, emulator.Options{APIKey: key, Jobs: emulator.JobOptions{Duration: time.Second}})
	ctx := context.Background()
	if err := ws.WriteConfig(acctest.ProviderBlock(emu) + `resource "mintlify_agent_job" "x" { prompt = "Document the webhooks" }` + "\n"); err != nil {
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

// TestInterruptKeepsJob presses Ctrl-C during the wait, for a v2 job, a v1
// job (read from its event stream) and a deployment: terraform stops, the id
// stays in state (tainted) with its last status, and it was started once.
func TestInterruptKeepsJob(t *testing.T) {
	jobs := func(emu *emulator.Server) (ids []string) {
		for _, j := range emu.Jobs() {
			ids = append(ids, j.ID)
		}
		return ids
	}
	deployments := func(emu *emulator.Server) (ids []string) {
		for _, d := range emu.Deployments() {
			ids = append(ids, d.ID)
		}
		return ids
	}
	long := `prompt = "A long job [emulator:duration=1h]"`
	for name, tc := range map[string]struct {
		resource string
		started  func(*emulator.Server) []string
		statuses []string
	}{
		"v2 job":     {"resource \"mintlify_agent_job\" \"x\" {\n  " + long + "\n}\n", jobs, []string{"active"}},
		"v1 job":     {"resource \"mintlify_agent_job\" \"x\" {\n  " + long + "\n  model = \"opus\"\n}\n", jobs, []string{"active"}},
		"deployment": {"resource \"mintlify_deployment\" \"x\" {}\n", deployments, []string{"queued", "in_progress"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			testInterruptKeepsID(t, tc.resource, tc.started, tc.statuses)
		})
	}
}

func testInterruptKeepsID(t *testing.T, config string, started func(*emulator.Server) []string, statuses []string) {
	ws := setup(t)
	emu := emulator.Start(t, emulator.Options{Deployments: emulator.DeploymentOptions{InProgress: time.Hour}})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := ws.WriteConfig(acctest.ProviderBlock(emu) + config); err != nil {
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
	for i := 0; i < 300 && len(started(emu)) == 0; i++ {
		time.Sleep(50 * time.Millisecond)
	}
	ids := started(emu)
	if len(ids) != 1 {
		_ = apply.Process.Kill()
		t.Fatalf("nothing was started within 15 s:\n%s", out.String())
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
		t.Fatalf("state after the interrupt has %d resources, want the one started:\n%s", len(state.Resources), raw)
	}
	inst := state.Resources[0].Instances[0]
	status, _ := inst.Attributes["status"].(string)
	if inst.Attributes["id"] != ids[0] || inst.Status != "tainted" || !slices.Contains(statuses, status) {
		t.Errorf("state keeps id %v, status %q, instance %q; want %s, one of %q, tainted", inst.Attributes["id"], status, inst.Status, ids[0], statuses)
	}
	if n := len(started(emu)); n != 1 {
		t.Errorf("%d started, want 1", n)
	}
}

// exampleNeeds says which clients run an example file, by its name and
// text: most need only Terraform 1.5, a few need newer features, and some
// Terraform alone has. It returns why a client cannot run the file, or "".
func exampleNeeds(name, text string, c *acctest.Client) string {
	// The newest feature first: it needs the newest client.
	switch {
	case name == "import-by-identity.tf":
		return needs(c, "import by identity", "1.12.0", "1.12.0")
	case name == "action.tf":
		return needs(c, "actions", "1.14.0", "")
	case strings.HasSuffix(name, ".tfquery.hcl"):
		return needs(c, "terraform query", "1.14.0", "")
	case strings.Contains(text, "_wo ") || strings.Contains(text, "_wo_version"):
		return needs(c, "write-only arguments", "1.11.0", "1.11.0")
	case strings.Contains(text, "ephemeral \""):
		return needs(c, "ephemeral resources", "1.10.0", "1.11.0")
	case strings.Contains(text, "provider::"):
		return needs(c, "provider functions", "1.8.0", "1.7.0")
	}
	return ""
}

// needs says why c lacks a feature that came in Terraform tf and OpenTofu
// tofu ("" for none yet), or "" when c has it.
func needs(c *acctest.Client, feature, tf, tofu string) string {
	least := tf
	if c.IsOpenTofu() {
		least = tofu
	}
	if least == "" {
		return fmt.Sprintf("%s has no %s", c, feature)
	}
	if c.Version.LessThan(version.Must(version.NewVersion(least))) {
		return fmt.Sprintf("%s needs %s %s or later, not %s", feature, c.Product, least, c)
	}
	return ""
}

// TestExamples checks every example file the docs show, each on its own
// as a user would copy it: formatted, and valid against the provider's
// schema with the locally built provider, on every client that supports it.
func TestExamples(t *testing.T) {
	setup(t)
	root, err := acctest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	examples := filepath.Join(root, "examples")
	var files []string
	_ = filepath.WalkDir(examples, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tfquery.hcl")) {
			files = append(files, p)
		}
		return err
	})
	if len(files) < 8 {
		t.Fatalf("found %d example files; the walk is broken", len(files))
	}
	for _, file := range files {
		rel, _ := filepath.Rel(examples, file)
		t.Run(rel, func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if why := exampleNeeds(filepath.Base(file), string(b), testClient); why != "" {
				t.Skip(why)
			}
			work := setup(t)
			name := filepath.Base(file)
			if err := os.WriteFile(filepath.Join(work.Dir, name), b, 0o600); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), "required_providers") {
				if err := os.WriteFile(filepath.Join(work.Dir, "providers.tf"),
					[]byte("terraform {\n  required_providers {\n    mintlify = { source = \""+acctest.ProviderSource+"\" }\n  }\n}\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			ctx := context.Background()
			if out, err := work.Run(ctx, nil, "fmt", "-check", "-diff", name); err != nil {
				t.Fatalf("%s is not formatted (run terraform fmt -recursive examples): %v\n%s", rel, err, out)
			}
			if _, err := work.Run(ctx, nil, "init", "-input=false", "-backend=false"); err != nil {
				t.Fatal(err)
			}
			validate := []string{"validate", "-no-color"}
			if strings.HasSuffix(name, ".tfquery.hcl") {
				validate = append(validate, "-query")
			}
			if _, err := work.Run(ctx, nil, validate...); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestQueryGeneratesConfigThatPlansClean lists the project's jobs with
// terraform query, writes their configuration with -generate-config-out,
// imports them, and plans again: the API never returns a prompt and names
// models in full, and the generated configuration must still plan clean.
func TestQueryGeneratesConfigThatPlansClean(t *testing.T) {
	ws := setup(t)
	if why := needs(testClient, "terraform query", "1.14.0", ""); why != "" {
		t.Skip(why)
	}
	emu := emulator.Start(t, emulator.Options{Jobs: emulator.JobOptions{Duration: time.Second}})
	client, err := mintlify.New(mintlify.Config{BaseURL: emu.URL(), APIKey: emu.APIKey()})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, prompt := range []string{"Document the CLI", "Fix the typos [emulator:duration=1h]"} {
		if _, err := client.CreateJob(ctx, emu.ProjectID(), prompt); err != nil {
			t.Fatal(err)
		}
	}
	if err := ws.WriteConfig(acctest.ProviderBlock(emu)); err != nil {
		t.Fatal(err)
	}
	query := "list \"mintlify_agent_job\" \"all\" {\n  provider         = mintlify\n  include_resource = true\n}\n"
	if err := os.WriteFile(filepath.Join(ws.Dir, "jobs.tfquery.hcl"), []byte(query), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"init", "-input=false"},
		{"query", "-generate-config-out=generated.tf"},
		{"apply", "-auto-approve", "-input=false"},
	} {
		if _, err := ws.Run(ctx, nil, args...); err != nil {
			t.Fatal(err)
		}
	}
	generated, err := os.ReadFile(filepath.Join(ws.Dir, "generated.tf"))
	if err != nil || strings.Count(string(generated), "import {") != 2 {
		t.Fatalf("generated configuration (%v):\n%s\nwant an import block for each of the 2 jobs", err, generated)
	}
	if out, err := ws.Run(ctx, nil, "plan", "-input=false", "-detailed-exitcode"); err != nil {
		t.Fatalf("the plan after importing the generated configuration is not empty: %v\n%s", err, out)
	}
}

// useREADMEExample writes examples/<dir>/main.tf into the workspace, after
// checking that README shows it as it is.
func useREADMEExample(t *testing.T, ws *acctest.Workspace, dir string) {
	t.Helper()
	root, err := acctest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join(root, "examples", dir, "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), string(example)) {
		t.Fatalf("README does not show examples/%s/main.tf as it is: keep them the same", dir)
	}
	if err := os.WriteFile(filepath.Join(ws.Dir, "main.tf"), example, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestDocsPipeline applies README's "A docs pipeline" configuration, which
// examples/pipeline holds, against the emulator, and plans again: empty.
func TestDocsPipeline(t *testing.T) {
	ws := setup(t)
	useREADMEExample(t, ws, "pipeline")
	emu := emulator.Start(t, emulator.Options{Jobs: emulator.JobOptions{Duration: time.Second}, Deployments: emulator.DeploymentOptions{Queued: 300 * time.Millisecond, InProgress: 700 * time.Millisecond}})
	env := []string{"MINTLIFY_API_KEY=" + emu.APIKey(), "MINTLIFY_PROJECT_ID=" + emu.ProjectID(), "MINTLIFY_BASE_URL=" + emu.URL()}
	ctx := context.Background()
	for _, args := range [][]string{
		{"init", "-input=false"},
		{"apply", "-auto-approve", "-input=false", "-var", "merged_commit=1a2b3c4"},
	} {
		if _, err := ws.Run(ctx, env, args...); err != nil {
			t.Fatal(err)
		}
	}
	for output, want := range map[string]string{"pull_request": "https://github.com/", "preview": "https://"} {
		out, err := ws.Run(ctx, env, "output", "-raw", output)
		if err != nil || !strings.HasPrefix(out[strings.LastIndex(out, "\n")+1:], want) {
			t.Errorf("output %s = %q (%v), want a link", output, out, err)
		}
	}
	if d := emu.Deployments(); len(d) != 2 || d[0].Preview == d[1].Preview {
		t.Errorf("deployments %+v; want a preview and a production deployment", d)
	}
	if out, err := ws.Run(ctx, env, "plan", "-input=false", "-detailed-exitcode", "-var", "merged_commit=1a2b3c4"); err != nil {
		t.Fatalf("the plan after the pipeline's apply is not empty: %v\n%s", err, out)
	}
}
