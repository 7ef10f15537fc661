package provider

import (
	"context"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait/waittest"
)

// TestRunWaitCountsAgeFromStart follows an operation started before the
// wait began: the run's polls fall by the operation's age, so the first
// comes at once, and they keep to the run's cap.
func TestRunWaitCountsAgeFromStart(t *testing.T) {
	clock := waittest.NewClock(time.Unix(0, 0))
	start := clock.Now().Add(-5 * time.Second)
	var ages []time.Duration
	op := &operation[string]{
		follow: wait.Kind[string]{ID: func(string) string { return "x" }, Status: func(s string) string { return s },
			Terminal: func(s string) bool { return s == "done" }, Known: func(string) bool { return true }},
		get: func(context.Context, *mintlify.Client, string, string) (string, error) {
			ages = append(ages, clock.Now().Sub(start))
			if len(ages) == 3 {
				return "done", nil
			}
			return "running", nil
		},
	}
	r := &run[string]{op: op, data: &providerData{clock: clock}, settings: waitSettings{cap: time.Second}}
	if _, ok := r.wait(context.Background(), "running", start); !ok {
		t.Fatalf("the wait did not end well: %v", r.diags)
	}
	if len(ages) != 3 || ages[0] != 5*time.Second || ages[1] != 6*time.Second || ages[2] != 7*time.Second {
		t.Errorf("polls at ages %v; want 5s (at once), 6s and 7s", ages)
	}
}
