package provider

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// This file holds every message about how an operation went, written once
// for every kind (agent job, deployment, preview, automation run, static
// export) and for every resource and action of it, so that no two can say
// different things of the same situation. Only a timeout, an interrupt or a
// failed read leave an operation going on; one that failed has ended.

// kind names one kind of operation in every message about it.
type kind struct {
	// noun names one, such as "agent job".
	noun string
	// idNoun names its ID, such as "job ID" or "status ID".
	idNoun string
	// feature is the plan feature it needs, for a 403 ("" when only the
	// REST API itself).
	feature string
	// dataSource reads one by its ID ("" when the API cannot).
	dataSource string
	// lookup says where to find one that may have started unseen.
	lookup string
	// importable: its resource can be imported by ID.
	importable bool
	// again says how a resource starts another one in its place.
	again string
	// stays says what destroying its resource leaves in Mintlify.
	stays string
	// unscoped kinds name no project: the API finds them by ID alone.
	unscoped bool
}

// holder is what keeps an operation once it has started, which decides
// what becomes of it when its run goes wrong.
type holder struct {
	// resource is true when a resource's state keeps it; tainted when a
	// failure marks the resource so (a create).
	resource, tainted bool
	// kept names what the state keeps besides the ID, on an update.
	kept string
}

var (
	// creating is a resource's create: a failure leaves it in state, tainted.
	creating = holder{resource: true, tainted: true}
	// invoking is an action's invocation: nothing is kept.
	invoking = holder{}
)

// updating is a resource's update that keeps what it sent.
func updating(kept string) holder { return holder{resource: true, kept: kept} }

// ending is where a wait stopped.
type ending struct {
	id, project, status string
	limit               time.Duration
	timeout             string
}

func (k kind) title() string { return capitalized(k.noun) }

// couldNotStart explains a start call that failed. Only when Mintlify may
// have acted does it say where to look before trying again.
func (k kind) couldNotStart(explained string, mayHaveActed bool, h holder) diag.Diagnostic {
	detail := explained
	if mayHaveActed {
		detail += fmt.Sprintf(" Mintlify may have started the %s although the call failed, and the provider never sends a start "+
			"twice: look for it in %s", k.noun, k.lookup)
		switch {
		case h.resource && k.importable:
			detail += " and import it by its ID (an import block, or the import command) instead of applying again, which would start another."
		case h.resource:
			detail += " before applying again, which would start another."
		default:
			detail += " before invoking the action again, which would start another."
		}
	}
	return diag.NewErrorDiagnostic("Could not start the Mintlify "+k.noun, detail)
}

// goesOn says that an operation no longer waited for goes on, and how to
// follow it.
func (k kind) goesOn(id string, h holder) string {
	switch {
	case h.resource:
		return "It goes on in Mintlify; the next refresh shows its status."
	case k.dataSource != "":
		return fmt.Sprintf("It goes on in Mintlify: follow it with the %s data source (id = %q).", k.dataSource, id)
	default:
		return "It goes on in Mintlify."
	}
}

// kept says what the state keeps of an operation whose run went wrong.
func (k kind) kept(id string, h holder) string {
	switch {
	case h.tainted:
		return fmt.Sprintf("%s %s stays in the state, marked tainted: to keep it, untaint the resource (terraform untaint, "+
			"or tofu untaint); to start a new %s in its place, apply again.", k.title(), id, k.noun)
	case h.resource:
		return fmt.Sprintf("%s %s stays in the state with %s.", k.title(), id, h.kept)
	}
	return ""
}

func (k kind) timedOut(e ending, h holder) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Timed out waiting for the Mintlify "+k.noun, sentences(
		fmt.Sprintf("%s %s%s was still %q after %s.", k.title(), e.id, inProject(e.project), e.status, e.limit),
		k.goesOn(e.id, h), k.kept(e.id, h), fmt.Sprintf("To wait longer, raise %s.", e.timeout)))
}

func (k kind) interrupted(e ending, h holder) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Interrupted while waiting for the Mintlify "+k.noun, sentences(
		fmt.Sprintf("Waiting for %s %s%s stopped while it was %q.", k.noun, e.id, inProject(e.project), e.status),
		k.goesOn(e.id, h), k.kept(e.id, h)))
}

func (k kind) couldNotFollow(e ending, explained string, h holder) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Could not follow the Mintlify "+k.noun, sentences(
		fmt.Sprintf("%s %s%s was %q when reading it failed.", k.title(), e.id, inProject(e.project), e.status),
		explained, k.goesOn(e.id, h), k.kept(e.id, h)))
}

// failedError is an operation that ended in failure, reporting failure.
func (k kind) failedError(e ending, failure string, h holder) diag.Diagnostic {
	return diag.NewErrorDiagnostic("The Mintlify "+k.noun+" failed", sentences(
		fmt.Sprintf("%s %s%s ended with status %q.", k.title(), e.id, inProject(e.project), e.status),
		failure, k.kept(e.id, h), fmt.Sprintf("Set allow_failure = true to accept a failed %s.", k.noun)))
}

// failedSince warns at a refresh that an operation not waited for failed
// after the last one.
func (k kind) failedSince(e ending, was, failure string) diag.Diagnostic {
	return diag.NewWarningDiagnostic("The Mintlify "+k.noun+" failed", sentences(
		fmt.Sprintf("%s %s%s was %q at the last refresh and has since ended with status %q.", k.title(), e.id, inProject(e.project), was, e.status),
		failure, fmt.Sprintf("To run it again, %s; to accept a failed %s, set allow_failure = true.", k.again, k.noun)))
}

// gone warns at a refresh that Mintlify no longer knows an operation.
func (k kind) gone(id, project string) diag.Diagnostic {
	return diag.NewWarningDiagnostic("The Mintlify "+k.noun+" no longer exists", fmt.Sprintf(
		"Mintlify no longer knows %s %s%s: it is removed from the state, and the next apply starts a new %s.", k.noun, id, inProject(project), k.noun))
}

// forgets says what destroying a resource of the kind does, in the plan
// and after it.
func (k kind) forgets(id string) string {
	return sentences(fmt.Sprintf("Mintlify has no API to delete or undo a %s: destroying removes %s %s from the state only.", k.noun, k.noun, id), k.stays)
}

func (k kind) destroyPlanned(id string) diag.Diagnostic {
	return diag.NewWarningDiagnostic("Destroying only forgets the "+k.noun, k.forgets(id))
}

func (k kind) destroyed(id string) diag.Diagnostic {
	return diag.NewWarningDiagnostic(k.title()+" removed from the state only", k.forgets(id))
}

// notFound is a data source's read of an ID Mintlify does not know.
func (k kind) notFound(id, project, message string) string {
	return fmt.Sprintf("No %s with %s %q exists%s (HTTP 404: %s). Check the %s, and that the API key's organization owns it.",
		k.noun, k.idNoun, id, inProject(project), message, k.idNoun)
}

// inProject names the project an operation is in, for a kind that has one.
func inProject(project string) string {
	if project == "" {
		return ""
	}
	return fmt.Sprintf(" in project %q", project)
}

// sentences joins the non-empty ones with spaces.
func sentences(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}

// capitalized is s with its first letter upper case, to start a sentence.
func capitalized(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
