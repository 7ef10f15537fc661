package provider

import (
	"context"
	"fmt"
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
	op := &followable[string]{
		operation: testOperation,
		status:    func(s string) string { return s },
		terminal:  func(s string) bool { return s == "done" },
		known:     func(string) bool { return true },
		get: func(context.Context, *mintlify.Client, string, string) (string, error) {
			ages = append(ages, clock.Now().Sub(start))
			if len(ages) == 3 {
				return "done", nil
			}
			return "running", nil
		},
	}
	r := &followedRun[string]{run: &run[string]{op: &op.operation, data: &providerData{clock: clock}, settings: waitSettings{cap: time.Second}}, kind: op}
	if _, ok := r.wait(context.Background(), "running", start); !ok {
		t.Fatalf("the wait did not end well: %v", r.diags)
	}
	if len(ages) != 3 || ages[0] != 5*time.Second || ages[1] != 6*time.Second || ages[2] != 7*time.Second {
		t.Errorf("polls at ages %v; want 5s (at once), 6s and 7s", ages)
	}
}

// TestRunEndedJudgesByItsContext ends a wait with an error that says a
// deadline passed while the run's own time has not run out (a request that
// outlived request_timeout): it is a failed read, not the run's timeout.
func TestRunEndedJudgesByItsContext(t *testing.T) {
	op := &followable[string]{operation: testOperation, status: func(s string) string { return s }}
	r := &followedRun[string]{run: &run[string]{op: &op.operation, data: &providerData{client: newTestClient(t), clock: wait.RealClock},
		settings: waitSettings{timeout: "timeouts.create"}}, kind: op}
	slow := fmt.Errorf("GET /x: %w (Client.Timeout exceeded)", context.DeadlineExceeded)
	if r.ended(context.Background(), slow, "running", true) || len(r.diags) != 1 || r.diags[0].Summary() != "Could not follow the Mintlify thing" {
		t.Errorf("diagnostics %v; want one failed read, not a timeout of the run", r.diags)
	}
	expired, cancel := context.WithTimeout(context.Background(), -time.Second)
	defer cancel()
	r.diags = nil
	if r.ended(expired, expired.Err(), "running", true) || len(r.diags) != 1 || r.diags[0].Summary() != "Timed out waiting for the Mintlify thing" {
		t.Errorf("diagnostics %v; want the run's timeout", r.diags)
	}
}

// testOperation is an operation of strings: each its own ID.
var testOperation = operation[string]{kind: &kind{noun: "thing"}, id: func(string) string { return "x" }}

func newTestClient(t *testing.T) *mintlify.Client {
	t.Helper()
	c, err := mintlify.New(mintlify.Config{BaseURL: "http://127.0.0.1:1", APIKey: "k"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
