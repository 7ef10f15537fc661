package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/acctest"
)

// actionInterrupts is how many times each action is interrupted: what this
// guards against (a crash, an error that never reached Terraform) were
// races, which one try rarely shows.
const actionInterrupts = 12

// TestActionInterruptFailsTheApply presses Ctrl-C while each action waits
// (invoked by hand, and fired by an action_trigger), many times, at
// different moments of the wait. Every time, the apply must fail with the
// action's one error, which names what it started, never print "Apply
// complete!", and Terraform must not crash (Terraform 1.15 panics when an
// event comes after the one it stopped at, so an interrupted action sends
// nothing but its error). The provider's StopProvider returns only once
// that error is sent, before terraform-plugin-go cancels the stream.
func TestActionInterruptFailsTheApply(t *testing.T) {
	setup(t)
	if why := needs(testClient, "actions", "1.14.0", ""); why != "" {
		t.Skip(why)
	}
	deployments := func(emu *emulator.Server) (ids []string) {
		for _, d := range emu.Deployments() {
			ids = append(ids, d.ID)
		}
		return ids
	}
	jobs := func(emu *emulator.Server) (ids []string) {
		for _, j := range emu.Jobs() {
			ids = append(ids, j.ID)
		}
		return ids
	}
	exports := func(emu *emulator.Server) (ids []string) {
		for _, e := range emu.StaticExports() {
			ids = append(ids, e.ID)
		}
		return ids
	}
	for name, tc := range map[string]struct {
		config  string
		args    []string
		started func(*emulator.Server) []string
	}{
		"deployment action": {`action "mintlify_deployment" "x" {}`,
			[]string{"-invoke=action.mintlify_deployment.x"}, deployments},
		"agent job action": {"action \"mintlify_agent_job\" \"x\" {\n  config {\n    prompt = \"A long job [emulator:duration=1h]\"\n  }\n}",
			[]string{"-invoke=action.mintlify_agent_job.x"}, jobs},
		"static export action": {"action \"mintlify_static_export\" \"x\" {\n  config {\n    domain = \"docs.example.com\"\n  }\n}",
			[]string{"-invoke=action.mintlify_static_export.x"}, exports},
		"action_trigger": {`resource "terraform_data" "x" {
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.mintlify_deployment.x]
    }
  }
}
action "mintlify_deployment" "x" {}`, nil, deployments},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			testActionInterrupts(t, tc.config, tc.args, tc.started)
		})
	}
}

func testActionInterrupts(t *testing.T, config string, args []string, started func(*emulator.Server) []string) {
	ws := setup(t)
	emu := emulator.Start(t, emulator.Options{Deployments: emulator.DeploymentOptions{Queued: 500 * time.Millisecond, InProgress: time.Hour}, StaticExports: emulator.StaticExportOptions{Queued: 500 * time.Millisecond, Duration: time.Hour}})
	if err := ws.WriteConfig(acctest.ProviderBlock(emu) + config + "\n"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := ws.Run(ctx, nil, "init", "-input=false"); err != nil {
		t.Fatal(err)
	}
	for try := range actionInterrupts {
		// A fresh state, so an action_trigger fires again.
		_ = os.Remove(filepath.Join(ws.Dir, "terraform.tfstate"))
		before := len(started(emu))
		out, err := interruptOnce(ctx, t, ws, args, func() bool { return len(started(emu)) > before },
			// From just after the start to well into the wait, past the
			// deployment's first status change.
			time.Duration(try)*200*time.Millisecond)
		ids := started(emu)
		if n := len(ids) - before; n != 1 {
			t.Fatalf("try %d: %d started, want 1:\n%s", try, n, out)
		}
		switch id := ids[len(ids)-1]; {
		case strings.Contains(out, "TERRAFORM CRASH") || strings.Contains(out, "panic:"):
			t.Errorf("try %d: Terraform crashed after the interrupt:\n%s", try, out)
		case err == nil || strings.Contains(out, "Apply complete!"):
			t.Errorf("try %d: the interrupted apply succeeded (exit %v); want it to fail with the action's error:\n%s", try, err, out)
		case strings.Count(out, "Interrupted while waiting for the Mintlify") != 1 || !strings.Contains(out, id):
			t.Errorf("try %d: the apply failed without one error that says the action was interrupted and names %s:\n%s", try, id, out)
		}
	}
}

// interruptOnce runs apply with args, waits until started says the action
// has started what it waits for, then after delay presses Ctrl-C, and
// returns what terraform printed and how it exited.
func interruptOnce(ctx context.Context, t *testing.T, ws *acctest.Workspace, args []string, started func() bool,
	delay time.Duration) (string, error) {
	t.Helper()
	var out strings.Builder
	apply := ws.Command(ctx, nil, append([]string{"apply", "-auto-approve", "-input=false"}, args...)...)
	apply.Stdout, apply.Stderr = &out, &out
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 600 && !started(); i++ {
		time.Sleep(25 * time.Millisecond)
	}
	if !started() {
		_ = apply.Process.Kill()
		_ = apply.Wait()
		t.Fatalf("the action started nothing within 15 s:\n%s", out.String())
	}
	time.Sleep(delay)
	if err := apply.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := apply.Wait()
	return out.String(), err
}
