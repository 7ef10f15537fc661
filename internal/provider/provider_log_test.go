package provider

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// TestRetryWaitIsLogged: a wait on Retry-After is logged at INFO, with how
// long and why.
func TestRetryWaitIsLogged(t *testing.T) {
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	tellRetryWait(ctx, mintlify.RetryWait{Method: "POST", Path: "/v1/project/preview/p", StatusCode: 429, Wait: 12 * time.Second,
		Limit: mintlify.PreviewLimit})
	entries, err := tflogtest.MultilineJSONDecode(&out)
	if err != nil || len(entries) != 1 {
		t.Fatalf("%d log entries (%v), want 1", len(entries), err)
	}
	e := entries[0]
	why, _ := e["why"].(string)
	if e["@level"] != "info" || e["wait"] != "12s" || !strings.Contains(why, "5 preview deployments per minute") {
		t.Errorf("log entry %v; want INFO with the wait and the limit", e)
	}
}
