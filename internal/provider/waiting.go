package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// waited is a wait for an operation (an agent job, a deployment) that has
// returned, for waitDiagnostics to explain.
type waited struct {
	// kind names the operation: "agent job", "deployment".
	kind                string
	id, project, status string
	// failed says it ended in its failure status; failure says what the
	// failure reports and where to see more.
	failed  bool
	failure string
	limit   time.Duration
	// timeout names the setting that bounds the wait.
	timeout      string
	allowFailure bool
	// keep says what became of the operation in Terraform.
	keep string
}

// waitDiagnostics explains a wait that did not end well: a timeout, an
// interrupt, an API failure, or a failure of the operation itself (unless
// failures are allowed).
func (d *providerData) waitDiagnostics(err error, w waited) diag.Diagnostics {
	var diags diag.Diagnostics
	name := capitalized(w.kind)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		diags.AddError("Timed out waiting for the Mintlify "+w.kind,
			fmt.Sprintf("%s %s in project %q was still %q after %s. %s To wait longer, raise %s.",
				name, w.id, w.project, w.status, w.limit, w.keep, w.timeout))
	case errors.Is(err, context.Canceled):
		diags.AddError("Interrupted while waiting for the Mintlify "+w.kind,
			fmt.Sprintf("Waiting for %s %s in project %q stopped while it was %q. It goes on in Mintlify. %s",
				w.kind, w.id, w.project, w.status, w.keep))
	case err != nil:
		diags.AddError("Could not follow the Mintlify "+w.kind,
			fmt.Sprintf("%s %s was %q when reading it failed. %s %s", name, w.id, w.status, d.explain(err, w.project, w.id), w.keep))
	case w.failed && !w.allowFailure:
		diags.AddError("The Mintlify "+w.kind+" failed",
			fmt.Sprintf("%s %s in project %q ended with status %q. %s %s Set allow_failure = true to accept a failed %s.",
				name, w.id, w.project, w.status, w.failure, w.keep, w.kind))
	}
	return diags
}

// capitalized is s with its first letter upper case, to start a sentence.
func capitalized(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
