package provider

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// situation is what a call or a wait was about, for every message about how
// it went: which kind, under which project (none for a kind that has none),
// which one (its ID and last status, once there is one), what keeps it, and
// the setting that bounds it. Only a run (operation.go) or a read of a kind
// builds one, so every kind, resource and action says the same thing of the
// same situation; this file holds every such message, api_errors.go what
// an API error means. Only a timeout, an interrupt or a failed read leave
// an operation going on; one that failed has ended.
type situation struct {
	kind    *kind
	project string
	id      string
	status  string
	holder  holder
	// limit is how long the operation was given, and timeout the setting
	// that says so ("timeouts.create").
	limit   time.Duration
	timeout string
	// calls is how many calls a paged read sent, the failed one included.
	calls int
}

// about is a situation of kind k in project (dropped for an unscoped kind),
// about id ("" for a start or a listing).
func about(k *kind, project, id string) situation {
	if k.unscoped {
		project = ""
	}
	return situation{kind: k, project: project, id: id}
}

// where names the operation in a sentence: its ID and, for a kind that has
// one, its project.
func (s situation) where() string { return s.id + inProject(s.project) }

// couldNotStart explains a start call that failed. Only when Mintlify may
// have acted does it say where to look before trying again.
func (s situation) couldNotStart(explained string, mayHaveActed bool) diag.Diagnostic {
	k := s.kind
	detail := explained
	if mayHaveActed {
		detail += fmt.Sprintf(" Mintlify may have started the %s although the call failed, and the provider never sends a start "+
			"twice: look for it in %s", k.noun, k.lookup)
		switch {
		case s.holder.resource && k.importable:
			detail += " and import it by its ID (an import block, or the import command) instead of applying again, which would start another."
		case s.holder.resource:
			detail += " before applying again, which would start another."
		default:
			detail += " before invoking the action again, which would start another."
		}
	}
	return diag.NewErrorDiagnostic("Could not start the Mintlify "+k.noun, detail)
}

// goesOn says that an operation no longer waited for goes on, and how to
// follow it.
func (s situation) goesOn() string {
	switch {
	case s.holder.resource:
		return "It goes on in Mintlify; the next refresh shows its status."
	case s.kind.dataSource != "":
		return fmt.Sprintf("It goes on in Mintlify: follow it with the %s data source (id = %q).", s.kind.dataSource, s.id)
	default:
		return "It goes on in Mintlify."
	}
}

// kept says what the state keeps of an operation whose run went wrong.
func (s situation) kept() string {
	switch {
	case s.holder.tainted:
		return fmt.Sprintf("%s %s stays in the state, marked tainted: to keep it, untaint the resource (terraform untaint, "+
			"or tofu untaint); to start a new %s in its place, apply again.", s.kind.title(), s.id, s.kind.noun)
	case s.holder.resource:
		return fmt.Sprintf("%s %s stays in the state with %s.", s.kind.title(), s.id, s.holder.kept)
	}
	return ""
}

func (s situation) timedOut() diag.Diagnostic {
	return diag.NewErrorDiagnostic("Timed out waiting for the Mintlify "+s.kind.noun, sentences(
		fmt.Sprintf("%s %s was still %q after %s.", s.kind.title(), s.where(), s.status, s.limit),
		s.goesOn(), s.kept(), fmt.Sprintf("To wait longer, raise %s.", s.timeout)))
}

func (s situation) interrupted() diag.Diagnostic {
	return diag.NewErrorDiagnostic("Interrupted while waiting for the Mintlify "+s.kind.noun, sentences(
		fmt.Sprintf("Waiting for %s %s stopped while it was %q.", s.kind.noun, s.where(), s.status),
		s.goesOn(), s.kept()))
}

func (s situation) couldNotFollow(explained string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Could not follow the Mintlify "+s.kind.noun, sentences(
		fmt.Sprintf("%s %s was %q when reading it failed.", s.kind.title(), s.where(), s.status),
		explained, s.goesOn(), s.kept()))
}

// failedError is an operation that ended in failure, reporting failure.
func (s situation) failedError(failure string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("The Mintlify "+s.kind.noun+" failed", sentences(
		fmt.Sprintf("%s %s ended with status %q.", s.kind.title(), s.where(), s.status),
		failure, s.kept(), fmt.Sprintf("Set allow_failure = true to accept a failed %s.", s.kind.noun)))
}

// failureAccepted warns of an operation that failed where allow_failure
// accepts it: the apply goes on, and says which one failed.
func (s situation) failureAccepted(failure string) diag.Diagnostic {
	return diag.NewWarningDiagnostic("The Mintlify "+s.kind.noun+" failed", sentences(
		fmt.Sprintf("%s %s ended with status %q.", s.kind.title(), s.where(), s.status),
		failure, "allow_failure = true accepts it, so this goes on."))
}

// failedSince warns at a refresh that an operation not waited for failed
// after the last one.
func (s situation) failedSince(was, failure string) diag.Diagnostic {
	return diag.NewWarningDiagnostic("The Mintlify "+s.kind.noun+" failed", sentences(
		fmt.Sprintf("%s %s was %q at the last refresh and has since ended with status %q.", s.kind.title(), s.where(), was, s.status),
		failure, fmt.Sprintf("To run it again, %s; to accept a failed %s, set allow_failure = true.", s.kind.again, s.kind.noun)))
}

// gone warns at a refresh that Mintlify no longer knows an operation.
func (s situation) gone() diag.Diagnostic {
	return diag.NewWarningDiagnostic("The Mintlify "+s.kind.noun+" no longer exists", fmt.Sprintf(
		"Mintlify no longer knows %s %s: it is removed from the state, and the next apply starts a new %s.", s.kind.noun, s.where(), s.kind.noun))
}

// delayedByRateLimit warns that a start waited out a rate limit (its
// allowance) for as long as waited, which a user would otherwise take for
// a slow API.
func (s situation) delayedByRateLimit(waited time.Duration, allowance string) diag.Diagnostic {
	return diag.NewWarningDiagnostic("Mintlify's rate limit delayed the "+s.kind.noun, fmt.Sprintf(
		"%s %s started only after the provider waited %s for Mintlify's rate limit of %s. Operations of this kind started together "+
			"queue behind it; the provider waits it out whenever Mintlify's Retry-After fits in %s.",
		s.kind.title(), s.id, waited.Round(time.Second), allowance, s.timeout))
}

// couldNotRead explains a failed read of one, outside any wait.
func (s situation) couldNotRead(explained string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Could not read the Mintlify "+s.kind.noun, explained)
}

// notFound is a data source's read of an ID Mintlify does not know.
func (s situation) notFound(message string) string {
	return fmt.Sprintf("No %s with %s %q exists%s (HTTP 404: %s). Check the %s, and that the API key's organization owns it.",
		s.kind.noun, s.kind.idNoun, s.id, inProject(s.project), message, s.kind.idNoun)
}

// forgets says what destroying a resource of the kind does, in the plan
// and after it.
func (k *kind) forgets(id string) string {
	return sentences(fmt.Sprintf("Mintlify has no API to delete or undo %s: destroying removes %s %s from the state only.", k.a(), k.noun, id), k.stays)
}

func (k *kind) destroyPlanned(id string) diag.Diagnostic {
	return diag.NewWarningDiagnostic("Destroying only forgets the "+k.noun, k.forgets(id))
}

func (k *kind) destroyed(id string) diag.Diagnostic {
	return diag.NewWarningDiagnostic(k.title()+" removed from the state only", k.forgets(id))
}

// inProject names the project an operation is in, for a kind that has one.
func inProject(project string) string {
	if project == "" {
		return ""
	}
	return fmt.Sprintf(" in project %q", project)
}
