package e2e

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/acctest"
)

// What TestNothingSecretAtRest looks for: any of it anywhere terraform
// writes is a leak. The link's signature and host, the prompt, a reader's
// comment and address.
var secrets = map[string]string{
	"the bundle link's signature": "X-Amz-Signature",
	"the bundle link's host":      "mintlify-static-exports.s3.amazonaws.com",
	"the prompt":                  "PROMPT-4d1b7e",
	"a reader's address":          "reader-7f3a@example.com",
	"a reader's comment":          "COMMENT-9c2e51",
}

// TestNothingSecretAtRest applies the Helm example, whose link reaches
// helm_release's set_wo, with a job whose write-only prompt holds the link
// and readers' feedback, from a saved plan, at TF_LOG=trace; then searches
// the trace log, the state, the plan file and every output for the link,
// the prompt and a reader's words: found nowhere. The next plan is empty.
func TestNothingSecretAtRest(t *testing.T) {
	ws := setup(t)
	if why := needs(testClient, "ephemeral resources and write-only arguments", "1.11.0", "1.11.0"); why != "" {
		t.Skip(why)
	}
	emu := emulator.Start(t, emulator.Options{StaticExports: emulator.StaticExportOptions{Queued: time.Nanosecond, Duration: time.Second}})
	emu.AddFeedback(emulator.Feedback{Path: "/quickstart", Comment: secrets["a reader's comment"] + " the install fails",
		Contact: secrets["a reader's address"]})
	root, err := acctest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join(root, "examples", "static-export-helm", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	// The prompt comes from an ephemeral variable, set in the environment:
	// the configuration, which a plan file keeps, does not hold it.
	loop := `
variable "instructions" {
  type      = string
  ephemeral = true
}

ephemeral "mintlify_feedback" "open" {
  status = "pending"
}

resource "mintlify_agent_job" "serve" {
  prompt_wo = join(" ", concat([var.instructions, ephemeral.mintlify_static_export_bundle.docs.url],
  [for f in ephemeral.mintlify_feedback.open.feedback : f.comment], values(ephemeral.mintlify_feedback.open.contacts)))
  prompt_wo_version = 1
}
`
	for name, body := range map[string]string{"main.tf": string(example), "loop.tf": loop} {
		if err := os.WriteFile(filepath.Join(ws.Dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	logPath := filepath.Join(ws.Dir, "trace.log")
	env := []string{"TF_LOG=trace", "TF_LOG_PATH=" + logPath, "MINTLIFY_BASE_URL=" + emu.URL(), "MINTLIFY_API_KEY=" + emu.APIKey(),
		"MINTLIFY_PROJECT_ID=" + emu.ProjectID(), "TF_VAR_instructions=" + secrets["the prompt"] + " Check the bundle at"}
	vars := []string{"-var", "release=v2.4.0", "-var", "chart_repository=https://charts.example.com"}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var outputs []string
	for _, args := range [][]string{
		{"init", "-input=false"},
		append([]string{"plan", "-input=false", "-out=tfplan"}, vars...),
		{"apply", "-input=false", "tfplan"},
		append([]string{"plan", "-input=false", "-detailed-exitcode"}, vars...),
		{"show", "-json"},
	} {
		out, err := ws.Run(ctx, env, args...)
		if err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, out)
	}
	jobs := emu.Jobs()
	if len(jobs) != 1 || !strings.Contains(jobs[0].Prompt, secrets["the prompt"]) || !strings.Contains(jobs[0].Prompt, secrets["the bundle link's signature"]) ||
		!strings.Contains(jobs[0].Prompt, secrets["a reader's address"]) {
		t.Fatalf("jobs %+v; want one, whose prompt has the link and the reader's feedback: the search below would prove nothing", jobs)
	}
	places := map[string]string{"command output": strings.Join(outputs, "\n")}
	for name, path := range map[string]string{"trace log": logPath, "state": filepath.Join(ws.Dir, "terraform.tfstate")} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		places[name] = string(b)
	}
	places["plan file"] = zipText(t, filepath.Join(ws.Dir, "tfplan"))
	if !strings.Contains(places["trace log"], "Mintlify API request") || !strings.Contains(places["plan file"], "mintlify_agent_job") {
		t.Fatal("the trace log has no request of the provider, or the plan file no job: the search would prove nothing")
	}
	for place, text := range places {
		for what, secret := range secrets {
			if strings.Contains(text, secret) {
				t.Errorf("%s appears in the %s", what, place)
			}
		}
	}
}

// zipText is every file of a zip archive (a plan file), joined.
func zipText(t *testing.T, path string) string {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var b strings.Builder
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	return b.String()
}
