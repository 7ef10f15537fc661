package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
)

// TestActionProgressStopsWithItsContext reports progress before and after
// an action's context ends: after, nothing is sent, directly or through
// the context, since the one event left to send is the final one.
func TestActionProgressStopsWithItsContext(t *testing.T) {
	var sent []string
	resp := &action.InvokeResponse{SendProgress: func(e action.InvokeProgressEvent) { sent = append(sent, e.Message) }}
	ctx, cancel := context.WithCancel(context.Background())
	ctx, progress := actionProgress(ctx, resp)
	progress("started %s", "job-1")
	progressOf(ctx)("waiting out a rate limit")
	cancel()
	progress("job-1 is %s", "completed")
	progressOf(ctx)("waiting out another rate limit")
	if len(sent) != 2 || sent[0] != "started job-1" || sent[1] != "waiting out a rate limit" {
		t.Errorf("sent %q; want the two messages from before the context ended", sent)
	}
}
