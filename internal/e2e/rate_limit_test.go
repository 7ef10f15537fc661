package e2e

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/acctest"
)

// TestSharedTriggerLimit applies 10 production deployments and 10
// automation runs at -parallelism=20: they share one limit of triggers,
// here 2 per second (Mintlify's is 10 per 10 seconds), so the last ones
// are refused many times more than max_retries before their turn, and
// wait each refusal out; every one starts exactly once.
func TestSharedTriggerLimit(t *testing.T) {
	ws := setup(t)
	emu := emulator.Start(t, emulator.Options{Deployments: emulator.DeploymentOptions{
		Queued: 100 * time.Millisecond, InProgress: 200 * time.Millisecond,
		TriggerLimit: 2, TriggerWindow: time.Second,
	}})
	const each = 10
	config := acctest.ProviderBlock(emu) + `
resource "mintlify_deployment" "site" {
  count    = ` + strconv.Itoa(each) + `
  triggers = { n = count.index }
}

resource "mintlify_automation_run" "nightly" {
  count         = ` + strconv.Itoa(each) + `
  automation_id = "` + emulator.DefaultAutomationID + `"
  triggers      = { n = count.index }
}
`
	if err := ws.WriteConfig(config); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if _, err := ws.Run(ctx, nil, "init", "-input=false"); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Run(ctx, nil, "apply", "-auto-approve", "-input=false", "-parallelism=20"); err != nil {
		t.Fatal(err)
	}
	refused := 0
	for _, r := range emu.Requests() {
		if r.Status == 429 {
			refused++
		}
	}
	if d, r := len(emu.Deployments()), len(emu.AutomationRuns()); d != each || r != each || refused == 0 {
		t.Errorf("%d deployments and %d automation runs after %d refused triggers; want %d of each, each once, and the limit hit",
			d, r, refused, each)
	}
}
