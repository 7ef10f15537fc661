package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

// TestFeedbackLoopKeepsNoReaderText applies README's ephemeral feedback
// loop, examples/feedback-loop-ephemeral: the job gets the readers' text,
// and neither the state nor any output has it; the same run plans empty,
// and a new run starts a new job.
func TestFeedbackLoopKeepsNoReaderText(t *testing.T) {
	ws := setup(t)
	if why := needs(testClient, "ephemeral resources and write-only arguments", "1.11.0", "1.11.0"); why != "" {
		t.Skip(why)
	}
	useREADMEExample(t, ws, "feedback-loop-ephemeral")
	emu := emulator.Start(t, emulator.Options{Jobs: emulator.JobOptions{Duration: time.Second}})
	const comment, contact = "COMMENT-51f0 the install step fails", "reader-88e1@example.com"
	emu.AddFeedback(emulator.Feedback{Path: "/quickstart", Comment: comment, Contact: contact})
	env := []string{"MINTLIFY_API_KEY=" + emu.APIKey(), "MINTLIFY_PROJECT_ID=" + emu.ProjectID(), "MINTLIFY_BASE_URL=" + emu.URL()}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var outputs []string
	for _, args := range [][]string{
		{"init", "-input=false"},
		{"apply", "-auto-approve", "-input=false", "-var", "run=202649"},
		{"plan", "-input=false", "-detailed-exitcode", "-var", "run=202649"},
		{"apply", "-auto-approve", "-input=false", "-var", "run=202650"},
	} {
		out, err := ws.Run(ctx, env, args...)
		if err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, out)
	}
	jobs := emu.Jobs()
	if len(jobs) != 2 || !strings.Contains(jobs[0].Prompt, comment[len("COMMENT-51f0 "):]) || strings.Contains(jobs[0].Prompt, contact) {
		t.Fatalf("jobs %+v; want 2, one per run, whose prompt quotes the comment without the reader's address", jobs)
	}
	state, err := os.ReadFile(filepath.Join(ws.Dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	for place, text := range map[string]string{"state": string(state), "output": strings.Join(outputs, "\n")} {
		for _, secret := range []string{"COMMENT-51f0", "the install step fails", contact} {
			if strings.Contains(text, secret) {
				t.Errorf("the %s has %q", place, secret)
			}
		}
	}
}
